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
