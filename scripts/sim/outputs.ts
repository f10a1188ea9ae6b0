/**
 * What the scenario runner writes (DESIGN §12, §12.1): complaints.json, outbox.json,
 * workbook.json, workbook.xlsx, ledger.json, events.json (and dashboard.html when the dashboard
 * preview is available).
 * All JSON is deterministic (same scenario → byte-identical files).
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { GasRuntime } from '../../emulator/runtime';
import { TAB } from '../../src/core/labels';
import { calendarOf } from '../../src/core/calendar-config';
import { Complaint, REGISTER_COLUMNS } from '../../src/core/complaint';
import { AppConfig } from '../../src/core/config';
import { slaOf } from '../../src/core/derive';
import { indexColumns, readRecord } from '../../src/core/rows';
import { isoWib } from '../../src/core/values';
import { configOf } from './tabs';
import { writeRuntimeBackup } from '../ops/backup-format';
import { writeCitizenOutputs } from './citizen';
import { citizenLogOf } from './events/citizen';

export interface SheetSnapshot {
  name: string;
  values: unknown[][];
  display: string[][];
  frozenRows: number;
}

export function complaintsOf(register: SheetSnapshot): Complaint[] {
  if (!register.values.length) return [];
  const index = indexColumns(register.name, register.values[0], REGISTER_COLUMNS);
  return register.values
    .slice(1)
    .map((row) => readRecord(row, index, REGISTER_COLUMNS) as unknown as Complaint)
    .filter((c) => c.number);
}

/** complaints.json: per complaint, the register's facts and the SLA computed from its stamps. */
export function complaintsJson(complaints: Complaint[], config: AppConfig, now: Date) {
  const calendar = calendarOf(config);
  return complaints.map((c) => {
    const sla = slaOf(c, calendar, config.stepDays, now);
    return {
      number: c.number,
      receivedAt: isoWib(c.receivedAt),
      recordedAt: isoWib(c.recordedAt),
      channel: c.channel,
      category: c.category,
      unit: c.unit || null,
      status: c.status,
      steps: sla.steps.map((s) => ({
        step: s.step,
        startedAt: isoWib(s.startedAt),
        dueAt: isoWib(s.dueAt),
        doneAt: isoWib(s.doneAt),
        state: s.state,
        late: s.state === 'late' || s.state === 'overdue',
        workingMinutes: Math.round(s.workingMinutes),
      })),
      overallDueAt: isoWib(sla.overall.dueAt),
      answeredAt: isoWib(c.answeredAt),
      closedAt: isoWib(c.closedAt),
      closeReason: c.closeReason || null,
      late: sla.overall.state === 'late' || sla.overall.state === 'overdue',
      overallState: sla.overall.state,
      problem: c.problem || null,
    };
  });
}

function jsonValue(v: unknown): unknown {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return isoWib(v as Date);
  return v;
}

export function workbookJson(sheets: SheetSnapshot[]): unknown {
  return sheets.map((s) => ({
    name: s.name,
    frozenRows: s.frozenRows,
    rows: s.display,
    values: s.values.map((r) => r.map(jsonValue)),
  }));
}

export async function writeXlsx(path: string, sheets: SheetSnapshot[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pengaduan Medsos (simulasi lokal)';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const used = new Set<string>();
  for (const s of sheets) {
    // Excel limits sheet names to 31 characters, forbids some characters and needs them unique.
    let name = s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${name.slice(0, 31 - String(k).length - 1)}~${k}`;
    used.add(name.toLowerCase());
    const ws = wb.addWorksheet(name, { views: s.frozenRows ? [{ state: 'frozen', ySplit: s.frozenRows }] : [] });
    s.values.forEach((row, r) => {
      const out = row.map((v) => {
        if (Object.prototype.toString.call(v) === '[object Date]')
          return new Date((v as Date).getTime() + 7 * 3600_000); // show WIB wall time
        if (typeof v === 'string' && /^[=+\-@]/.test(v)) return { richText: [{ text: v }] }; // text, never a formula
        return v;
      });
      const added = ws.addRow(out);
      row.forEach((v, c) => {
        if (Object.prototype.toString.call(v) === '[object Date]') added.getCell(c + 1).numFmt = 'yyyy-mm-dd hh:mm';
      });
      if (r === 0) added.font = { bold: true };
    });
  }
  await wb.xlsx.writeFile(path);
}

export function writeJson(dir: string, name: string, value: unknown): void {
  writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
}

const DASHBOARD_PREVIEW = resolve(__dirname, '..', 'dashboard-html.ts');

/**
 * Every output of a run, written to a temporary folder first and moved into `outDir` only when
 * complete, so a failed run never leaves files that look complete. Returns complaints.json.
 */
export async function writeOutputs(
  rt: GasRuntime,
  outDir: string,
  events: unknown[],
  extra: Record<string, unknown> = {},
): Promise<ReturnType<typeof complaintsJson>> {
  mkdirSync(dirname(outDir), { recursive: true });
  const tmp = mkdtempSync(join(dirname(outDir), '.sim-'));
  try {
    const sheets: SheetSnapshot[] = rt.spreadsheet.getSheets().map((s) => {
      const snap = s._snapshot();
      return { name: snap.name, values: snap.values, display: snap.displayValues, frozenRows: snap.frozenRows };
    });
    const config = configOf(rt);
    const register = sheets.find((s) => s.name === TAB.register);
    const complaints = register ? complaintsOf(register) : [];
    const records = complaintsJson(complaints, config, rt.now());
    writeJson(tmp, 'complaints.json', records);
    writeJson(
      tmp,
      'outbox.json',
      rt.outbox.map((m) => ({
        at: isoWib(m.at),
        to: m.to,
        cc: m.cc,
        subject: m.subject,
        body: m.body,
        htmlBody: m.htmlBody ?? null,
      })),
    );
    writeJson(tmp, 'workbook.json', workbookJson(sheets));
    writeJson(tmp, 'ledger.json', rt.ledger.runs);
    writeJson(tmp, 'events.json', events);
    for (const [name, value] of Object.entries(extra)) writeJson(tmp, name, value);
    writeCitizenOutputs(tmp, rt, citizenLogOf(rt));
    await writeXlsx(join(tmp, 'workbook.xlsx'), sheets);
    // The same workbook in the operator tools' backup format: `npm run ops -- rehearse|doctor --from out/backup`.
    await writeRuntimeBackup(join(tmp, 'backup'), rt.spreadsheet, rt.now());
    if (existsSync(DASHBOARD_PREVIEW)) {
      const mod = await import(DASHBOARD_PREVIEW);
      if (typeof mod.writeDashboardHtml === 'function')
        await mod.writeDashboardHtml(join(tmp, 'dashboard.html'), { complaints, config, now: rt.now(), sheets });
    }
    if (existsSync(outDir))
      for (const f of readdirSync(outDir)) rmSync(join(outDir, f), { recursive: true, force: true });
    else mkdirSync(outDir, { recursive: true });
    for (const f of readdirSync(tmp)) renameSync(join(tmp, f), join(outDir, f));
    return records;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
