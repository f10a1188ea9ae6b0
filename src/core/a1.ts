/**
 * A1 notation of a block of cells ("B5", "B5:D9"), as Range.getA1Notation returns it. A range of
 * whole rows ("5:7") or whole columns ("D:F") is written that way by Sheets (e.g. the range of an
 * edit event after a whole-column paste or delete); its extent depends on the sheet's size, so
 * parseA1 resolves it only when given that size and otherwise returns null for the caller to read
 * the Range's own getters.
 */
export interface Block {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** The sheet's grid size (getMaxRows / getMaxColumns), to resolve whole rows and columns. */
export interface GridSize {
  rows: number;
  columns: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function span(a: number, b: number): { start: number; count: number } {
  return { start: Math.min(a, b), count: Math.abs(b - a) + 1 };
}

export function parseA1(a1: string, size?: GridSize): Block | null {
  const text = a1.trim();
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(text);
  if (m) {
    const rows = span(Number(m[2]), m[4] ? Number(m[4]) : Number(m[2]));
    const columns = span(columnNumber(m[1]), m[3] ? columnNumber(m[3]) : columnNumber(m[1]));
    return { row: rows.start, column: columns.start, numRows: rows.count, numColumns: columns.count };
  }
  if (!size) return null;
  const wholeRows = /^\$?(\d+):\$?(\d+)$/.exec(text);
  if (wholeRows && Number(wholeRows[1]) > 0 && Number(wholeRows[2]) > 0) {
    const rows = span(Number(wholeRows[1]), Number(wholeRows[2]));
    return { row: rows.start, column: 1, numRows: rows.count, numColumns: size.columns };
  }
  const wholeColumns = /^\$?([A-Za-z]+):\$?([A-Za-z]+)$/.exec(text);
  if (wholeColumns) {
    const columns = span(columnNumber(wholeColumns[1]), columnNumber(wholeColumns[2]));
    return { row: 1, column: columns.start, numRows: size.rows, numColumns: columns.count };
  }
  return null;
}
