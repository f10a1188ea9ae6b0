/**
 * The backup format of the operator tools (DESIGN §16): a folder with `workbook.json` and
 * `workbook.xlsx` exactly as `npm start` writes them (scripts/sim/outputs.ts), plus
 * `backup-info.json` (where and when it was taken). The same folder is read back by
 * `rehearse` and `doctor`, whether it came from the Sheets API or from the local runner.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Spreadsheet } from '../../emulator/spreadsheet';
import { isoWib } from '../../src/core/values';
import { SheetSnapshot, workbookJson, writeJson, writeXlsx } from '../sim/outputs';

export interface BackupInfo {
  /** 'sheets-api' (ops backup) or 'local-runtime' (npm start). */
  source: string;
  spreadsheetId: string;
  title: string;
  timeZone: string;
  /** When the values were read (ISO 8601, +07:00). */
  takenAt: string;
}

export interface Backup {
  sheets: SheetSnapshot[];
  info: BackupInfo | null;
}

export class BackupExistsError extends Error {}

export const BACKUP_FILES = ['workbook.json', 'workbook.xlsx', 'backup-info.json'];

/** The tabs of an emulated spreadsheet as the user sees them (what workbook.json is made of). */
export function snapshotsOf(ss: Spreadsheet): SheetSnapshot[] {
  return ss.getSheets().map((s) => {
    const snap = s._snapshot();
    return { name: snap.name, values: snap.values, display: snap.displayValues, frozenRows: snap.frozenRows };
  });
}

/**
 * Writes a backup into `dir` (created if needed). Refuses when `dir` already holds one: a backup
 * is never overwritten.
 */
export async function writeBackup(dir: string, sheets: SheetSnapshot[], info?: Partial<BackupInfo>): Promise<void> {
  const existing = BACKUP_FILES.filter((f) => existsSync(join(dir, f)));
  if (existing.length)
    throw new BackupExistsError(
      `${dir} sudah berisi cadangan (${existing.join(', ')}); cadangan tidak pernah ditimpa. Pilih folder lain dengan --out atau pindahkan yang lama.`,
    );
  mkdirSync(dir, { recursive: true });
  writeJson(dir, 'workbook.json', workbookJson(sheets));
  await writeXlsx(join(dir, 'workbook.xlsx'), sheets);
  writeJson(dir, 'backup-info.json', {
    source: info?.source ?? 'local-runtime',
    spreadsheetId: info?.spreadsheetId ?? '',
    title: info?.title ?? '',
    timeZone: info?.timeZone ?? 'Asia/Jakarta',
    takenAt: info?.takenAt ?? isoWib(new Date())!,
  } satisfies BackupInfo);
}

/** `npm start`'s hook: the runner's spreadsheet, written as a backup at the runtime's clock. */
export async function writeRuntimeBackup(dir: string, ss: Spreadsheet, now: Date): Promise<void> {
  await writeBackup(dir, snapshotsOf(ss), {
    source: 'local-runtime',
    spreadsheetId: ss.getId(),
    title: ss.getName(),
    timeZone: ss.getSpreadsheetTimeZone(),
    takenAt: isoWib(now)!,
  });
}

const ISO_WIB = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?[+-]\d{2}:\d{2}$/;

/**
 * A workbook.json value back as the cell value: workbook.json writes date cells as ISO 8601
 * instants, so an ISO string that the sheet did not display as itself was a date cell.
 */
export function cellFromJson(value: unknown, display: string | undefined): unknown {
  if (typeof value === 'string' && ISO_WIB.test(value) && display !== value) {
    const ms = Date.parse(value);
    if (!isNaN(ms)) return new Date(ms);
  }
  return value ?? '';
}

interface WorkbookJsonTab {
  name: string;
  frozenRows: number;
  rows: string[][];
  values: unknown[][];
}

export function readBackup(dir: string): Backup {
  const path = join(dir, 'workbook.json');
  if (!existsSync(path))
    throw new Error(
      `${path} tidak ada: folder ini bukan cadangan (buat dengan "npm run ops -- backup" atau "npm start").`,
    );
  const tabs = JSON.parse(readFileSync(path, 'utf8')) as WorkbookJsonTab[];
  if (
    !Array.isArray(tabs) ||
    tabs.some((t) => typeof t?.name !== 'string' || !Array.isArray(t.values) || !Array.isArray(t.rows))
  ) {
    throw new Error(`${path} bukan workbook.json yang sah (harus daftar tab dengan name, rows, values).`);
  }
  const sheets = tabs.map((t) => ({
    name: t.name,
    frozenRows: Number(t.frozenRows) || 0,
    display: t.rows.map((r) => r.map((v) => String(v ?? ''))),
    values: t.values.map((r, i) => r.map((v, j) => cellFromJson(v, t.rows[i]?.[j]))),
  }));
  const infoPath = join(dir, 'backup-info.json');
  const info = existsSync(infoPath) ? (JSON.parse(readFileSync(infoPath, 'utf8')) as BackupInfo) : null;
  return { sheets, info };
}
