/**
 * Sheets as tables: one read of a whole tab (header + rows), one write per contiguous block.
 * The only place that turns tab names into Sheet objects and rows into Range calls.
 */
import { protectText } from '../core/rows';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TabData {
  sheet: Sheet;
  headers: unknown[];
  /** Data rows (sheet row = index + 2), trailing blank rows removed. */
  rows: unknown[][];
  width: number;
}

function isBlankRow(row: unknown[]): boolean {
  for (const v of row) if (v !== '' && v !== null && v !== undefined) return false;
  return true;
}

export function readSheet(sheet: Sheet): TabData {
  const values = sheet.getDataRange().getValues();
  const headers = values.length ? values[0] : [];
  let end = values.length;
  while (end > 1 && isBlankRow(values[end - 1])) end--;
  return { sheet, headers, rows: values.slice(1, end), width: headers.length };
}

export function readTab(ss: Spreadsheet, name: string): TabData | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? readSheet(sheet) : null;
}

/** Writes `rows` starting at data index `first` (sheet row first + 2), all the same width. */
export function writeRows(sheet: Sheet, first: number, rows: unknown[][]): void {
  if (!rows.length) return;
  sheet.getRange(first + 2, 1, rows.length, rows[0].length).setValues(rows);
}

/**
 * Writes the rows whose data indices are keys of `changed` (cell-ready values) as one block
 * spanning them. Rows in between are rewritten with what was read, neutralised again: a value
 * read back as "=1+1" is text that Sheets would otherwise turn into a formula on the way back.
 */
export function writeChangedRows(tab: TabData, changed: Map<number, unknown[]>): void {
  if (!changed.size) return;
  const indices = [...changed.keys()];
  const first = Math.min(...indices);
  const last = Math.max(...indices);
  const block: unknown[][] = [];
  for (let i = first; i <= last; i++) block.push(changed.get(i) ?? tab.rows[i].map(protectText));
  writeRows(tab.sheet, first, block);
}

const sameValue = (a: unknown, b: unknown): boolean => {
  const da = Object.prototype.toString.call(a) === '[object Date]';
  const db = Object.prototype.toString.call(b) === '[object Date]';
  if (da || db) return da && db && (a as Date).getTime() === (b as Date).getTime();
  return (a ?? '') === (b ?? '') || String(a ?? '') === String(b ?? '');
};

/**
 * The optimistic write (DESIGN §10: people edit while scripts run). For each changed row (data
 * index → the row to write, cell-ready), only the cells that differ from what was read are
 * written. Just before writing, the rows are read again (from the identity column to the last
 * changed one); a row a person changed meanwhile, or that moved (a sort, an insert), is left
 * untouched for the next run, and its index is returned. Consecutive rows go in one read and
 * one write; unchanged cells inside a written block get back exactly what is there now.
 */
export function writeChangedCells(tab: TabData, changed: Map<number, unknown[]>, identityCol = 0): Set<number> {
  const skipped = new Set<number>();
  const columns = new Map<number, number[]>();
  for (const [i, row] of changed) {
    const before = tab.rows[i] ?? [];
    const cols: number[] = [];
    for (let c = 0; c < row.length; c++) if (!sameValue(row[c], protectText(before[c]))) cols.push(c);
    if (cols.length) columns.set(i, cols);
  }
  const indices = [...columns.keys()].sort((a, b) => a - b);
  for (let start = 0; start < indices.length;) {
    let end = start;
    while (end + 1 < indices.length && indices[end + 1] === indices[end] + 1) end++;
    const run = indices.slice(start, end + 1);
    start = end + 1;
    const from = Math.min(...run.map((i) => columns.get(i)![0]));
    const to = Math.max(...run.map((i) => columns.get(i)![columns.get(i)!.length - 1]));
    const readFrom = Math.min(identityCol, from);
    const now = tab.sheet.getRange(run[0] + 2, readFrom + 1, run.length, to - readFrom + 1).getValues();
    const block: Array<{ index: number; cells: unknown[] }> = [];
    run.forEach((i, k) => {
      const before = tab.rows[i] ?? [];
      const moved = now[k].some((v, j) => !sameValue(v, before[readFrom + j]));
      if (moved) {
        skipped.add(i);
        return;
      }
      const wanted = changed.get(i)!;
      const mine = new Set(columns.get(i));
      const cells: unknown[] = [];
      for (let c = from; c <= to; c++) cells.push(mine.has(c) ? wanted[c] : protectText(now[k][c - readFrom]));
      block.push({ index: i, cells });
    });
    for (let b = 0; b < block.length;) {
      let e = b;
      while (e + 1 < block.length && block[e + 1].index === block[e].index + 1) e++;
      const rows = block.slice(b, e + 1).map((x) => x.cells);
      tab.sheet.getRange(block[b].index + 2, from + 1, rows.length, to - from + 1).setValues(rows);
      b = e + 1;
    }
  }
  return skipped;
}

/**
 * Grows the grid to at least `rows` rows (plus `spare` when it has to grow): Apps Script's
 * getRange throws beyond the grid, and only appendRow grows it by itself.
 */
export function ensureRows(sheet: Sheet, rows: number, spare = 0): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max + spare);
}

/** Appends rows after the last row with content: one call for one row, a block otherwise. */
export function appendRows(sheet: Sheet, rows: unknown[][], lastRow?: number): void {
  if (!rows.length) return;
  if (rows.length === 1) {
    sheet.appendRow(rows[0]);
    return;
  }
  const last = lastRow ?? sheet.getLastRow();
  ensureRows(sheet, last + rows.length);
  sheet.getRange(last + 1, 1, rows.length, rows[0].length).setValues(rows);
}

/** Writes `rows` (all `width` wide) from row 2 down, clearing what is left of `previousRows`. */
export function replaceDataRows(sheet: Sheet, rows: unknown[][], previousRows: number, width: number): void {
  if (rows.length) {
    ensureRows(sheet, rows.length + 1);
    sheet.getRange(2, 1, rows.length, width).setValues(rows);
  }
  if (previousRows > rows.length) sheet.getRange(rows.length + 2, 1, previousRows - rows.length, width).clearContent();
}

/** Replaces all data rows of a tab (header kept), clearing leftovers below. */
export function replaceRows(tab: TabData, rows: unknown[][]): void {
  const width = Math.max(tab.width, rows[0]?.length ?? 0);
  const padded = rows.map((r) => (r.length < width ? r.concat(Array(width - r.length).fill('')) : r));
  replaceDataRows(tab.sheet, padded, tab.rows.length, width);
}

/**
 * Reads `width` cells from `column` (0-based) of data rows `first`..`last` (inclusive): the
 * narrow re-read before an optimistic write (DESIGN §10).
 */
export function readRowCells(sheet: Sheet, column: number, width: number, first: number, last: number): unknown[][] {
  return sheet.getRange(first + 2, column + 1, last - first + 1, width).getValues();
}

/**
 * Writes only the given cells: for each data row index, `width` cell-ready values from `column`
 * (0-based). Consecutive rows go in one setValues; rows not given are never touched (unlike
 * writeChangedRows, which rewrites every row between the first and last changed one).
 */
export function writeRowCells(sheet: Sheet, column: number, rows: Map<number, unknown[]>): void {
  const indices = [...rows.keys()].sort((a, b) => a - b);
  for (let start = 0; start < indices.length;) {
    let end = start;
    while (end + 1 < indices.length && indices[end + 1] === indices[end] + 1) end++;
    const block = indices.slice(start, end + 1).map((i) => rows.get(i)!);
    sheet.getRange(indices[start] + 2, column + 1, block.length, block[0].length).setValues(block);
    start = end + 1;
  }
}

/**
 * Sets the notes of the given data rows in columns `cols` (0-based): one setNotes per run of
 * consecutive rows, over the span of the columns.
 */
export function writeCellNotes(
  sheet: Sheet,
  indices: number[],
  cols: number[],
  noteOf: (index: number, col: number) => string,
): void {
  if (!indices.length || !cols.length) return;
  const from = Math.min(...cols);
  const to = Math.max(...cols);
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    const grid: string[][] = [];
    for (let k = start; k <= end; k++) {
      const line: string[] = [];
      for (let c = from; c <= to; c++) line.push(noteOf(sorted[k], c));
      grid.push(line);
    }
    sheet.getRange(sorted[start] + 2, from + 1, grid.length, to - from + 1).setNotes(grid);
    start = end + 1;
  }
}

/**
 * A tab by its name, or, when someone renamed it, by the sheet id setup recorded for that name
 * (`gids`): a renamed unit tab keeps working instead of swallowing its officers' edits.
 */
export function sheetOf(ss: Spreadsheet, name: string, gids: Record<string, number> = {}): Sheet | null {
  const byName = ss.getSheetByName(name);
  if (byName) return byName;
  const gid = gids[name];
  return gid === undefined ? null : (ss.getSheets().find((s) => s.getSheetId() === gid) ?? null);
}

/**
 * A tab whose header row is empty (the owner cleared it) gets its headers back, so that it can be
 * rebuilt from the register; a tab with some headers is left for setup. Says whether it wrote.
 */
export function restoreBlankHeader(sheet: Sheet, headers: string[]): boolean {
  const width = Math.max(1, sheet.getLastColumn());
  const current = sheet.getRange(1, 1, 1, width).getValues()[0];
  if (current.some((h) => String(h ?? '').trim() !== '')) return false;
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  return true;
}

/** Gives a tab renamed by someone its expected name back; returns the name it had, or null. */
export function renameBack(ss: Spreadsheet, name: string, gids: Record<string, number>): string | null {
  if (ss.getSheetByName(name)) return null;
  const sheet = sheetOf(ss, name, gids);
  if (!sheet) return null;
  const was = sheet.getName();
  sheet.setName(name);
  return was;
}
