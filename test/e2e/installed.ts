/**
 * A fresh install on the built dist/Code.js in the local runtime, and reading its tabs as a person
 * would (header row → records): shared by the e2e tests that drive the runtime directly.
 */
import { join } from 'node:path';
import { GasRuntime, RuntimeOptions } from '../../emulator/runtime';
import type { Sheet } from '../../emulator/spreadsheet';
import { readChunkedJson } from '../../src/gas/state';

export const OWNER = 'operator@example.org';
export const ADMIN = 'admin.medsos@example.org';
export const PIC = 'pic.museum.seni@example.org';
const BUNDLE = join(__dirname, '..', '..', 'dist', 'Code.js');

/** The form id setup recorded. */
export function layoutOf(rt: GasRuntime): { formId: string } {
  const props = rt.propertiesService.getScriptProperties();
  return readChunkedJson<{ formId: string }>((k) => props.getProperty(k), 'layout')!;
}

/** A runtime on 1 Dec 2026 owned by OWNER, setup run once. */
export function install(options: RuntimeOptions = {}): { rt: GasRuntime; formId: string } {
  const rt = new GasRuntime({ start: '2026-12-01T07:00:00+07:00', owner: OWNER, ...options });
  rt.loadFile(BUNDLE);
  rt.call('setup', [], { user: OWNER });
  return { rt, formId: layoutOf(rt).formId };
}

export function tab(rt: GasRuntime, name: string): Sheet {
  return rt.spreadsheet.getSheetByName(name) as Sheet;
}

export function rows(rt: GasRuntime, name: string): Record<string, unknown>[] {
  const values = tab(rt, name).getDataRange().getValues();
  const headers = values[0].map(String);
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}
