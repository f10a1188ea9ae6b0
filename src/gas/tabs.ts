/**
 * Sheets as tables: one read of a whole tab (header + rows), one write per contiguous block.
 * The only place that turns tab names into Sheet objects and rows into Range calls.
 */
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
 * Writes the rows whose data indices are keys of `changed` as one block spanning them (rows in
 * between are rewritten with what was read, which is what they hold).
 */
export function writeChangedRows(tab: TabData, changed: Map<number, unknown[]>): void {
  if (!changed.size) return;
  const indices = [...changed.keys()];
  const first = Math.min(...indices);
  const last = Math.max(...indices);
  const block: unknown[][] = [];
  for (let i = first; i <= last; i++) block.push(changed.get(i) ?? tab.rows[i]);
  writeRows(tab.sheet, first, block);
}

/** Appends rows after the last row with content: one call for one row, a block otherwise. */
export function appendRows(sheet: Sheet, rows: unknown[][], lastRow?: number): void {
  if (!rows.length) return;
  if (rows.length === 1) {
    sheet.appendRow(rows[0]);
    return;
  }
  const last = lastRow ?? sheet.getLastRow();
  const needed = last + rows.length - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(last + 1, 1, rows.length, rows[0].length).setValues(rows);
}

/** Replaces all data rows of a tab (header kept), clearing leftovers below. */
export function replaceRows(tab: TabData, rows: unknown[][]): void {
  const sheet = tab.sheet;
  const width = Math.max(tab.width, rows[0]?.length ?? 0);
  const old = tab.rows.length;
  const padded = rows.map((r) => (r.length < width ? r.concat(Array(width - r.length).fill('')) : r));
  if (padded.length > 0) {
    const needed = padded.length + 1 - sheet.getMaxRows();
    if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
    sheet.getRange(2, 1, padded.length, width).setValues(padded);
  }
  if (old > padded.length) sheet.getRange(padded.length + 2, 1, old - padded.length, width).clearContent();
}
