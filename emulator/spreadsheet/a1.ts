/**
 * A1 notation: column letters, cell and range references, optional sheet prefixes
 * (`'Form Responses 1'!A1:C`), and open-ended ranges (`A:A`, `2:2`, `A2:C`) as Sheets accepts them.
 */
import { GasError } from '../errors';

export function columnToLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference; `null` bounds are open (whole column / whole row / to the end). */
export interface A1Reference {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(part: string): { row: number | null; column: number | null } | null {
  const m = PART.exec(part);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const column = m[1] ? lettersToColumn(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { row, column };
}

/** Splits `Sheet!A1:B2` into sheet name and range text; quoted names may contain `!` and `''`. */
function splitSheet(a1: string): { sheetName: string | null; ref: string } {
  const text = a1.trim();
  if (text.startsWith("'")) {
    const close = text.lastIndexOf("'!");
    if (close > 0) return { sheetName: text.slice(1, close).replace(/''/g, "'"), ref: text.slice(close + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) return { sheetName: text.slice(0, bang), ref: text.slice(bang + 1) };
  return { sheetName: null, ref: text };
}

/** Parses an A1 reference; throws "Range not found" like Sheets for anything it cannot read. */
export function parseA1(a1: string): A1Reference {
  if (typeof a1 !== 'string' || a1.trim() === '') throw new GasError('Range not found');
  const { sheetName, ref } = splitSheet(a1);
  const [first, second, extra] = ref.split(':');
  if (extra !== undefined) throw new GasError('Range not found');
  const a = parsePart(first);
  const b = second === undefined ? a : parsePart(second);
  if (!a || !b) throw new GasError('Range not found');
  // A lone part must be a full cell ("A" or "5" alone is not a range).
  if (second === undefined && (a.row === null || a.column === null)) throw new GasError('Range not found');
  // "A:5" mixes a column-only and a row-only part.
  if ((a.row === null && a.column === null) || (b.row === null && b.column === null))
    throw new GasError('Range not found');
  if (a.column === null && b.column !== null) throw new GasError('Range not found');
  if (a.row === null && b.row !== null) throw new GasError('Range not found');
  const startRow = a.row !== null && b.row !== null ? Math.min(a.row, b.row) : a.row;
  const endRow = a.row !== null && b.row !== null ? Math.max(a.row, b.row) : b.row;
  const startColumn = a.column !== null && b.column !== null ? Math.min(a.column, b.column) : a.column;
  const endColumn = a.column !== null && b.column !== null ? Math.max(a.column, b.column) : b.column;
  return { sheetName, startRow, startColumn, endRow, endColumn };
}

export function cellA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

export function rangeA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = cellA1(row, column);
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${cellA1(row + numRows - 1, column + numColumns - 1)}`;
}

/** Quotes a sheet name for use in a reference when Sheets would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
