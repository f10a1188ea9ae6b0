/**
 * Writing values into cells, the one path shared by scripts (setValue(s), appendRow), users typing
 * (the runtime's `_userEdit`) and Google itself (`_writeRaw`, e.g. form responses).
 *
 * Order matters and follows Sheets: the whole write is typed first (a 50,000-character cell or
 * a bad shape fails before anything changes), then protections and "Reject input" validations
 * are checked, then every cell is applied at once.
 */
import { GasError } from '../errors';
import { cellA1 } from './a1';
import { DEFAULT_DATE_TIME_FORMAT, formatKind, TEXT_FORMAT } from './number-format';
import { blockingProtection, PROTECTED_EDIT_MESSAGE } from './protection';
import type { Sheet } from './sheet';
import { satisfies, rejectionMessage } from './validation';
import {
  Cell,
  DateCell,
  isDate,
  MAX_CELL_CHARS,
  parseTyped,
  readCell,
  displayCell,
  TypedInput,
  typeScriptValue,
} from './values';
import { serialFromInstant } from './time-zone';

export type WriteMode = 'script' | 'user' | 'raw';

export interface EditOutcome {
  applied: boolean;
  reason?: string;
  oldValues: unknown[][];
}

/**
 * A typed write: the cell values, plus the few cells that carry a formula or an inferred format.
 * Kept as flat arrays so that typing 1.5 million plain cells allocates no per-cell objects.
 */
export interface TypedBlock {
  values: (Cell | undefined)[][];
  extras: { i: number; j: number; formula?: string; format?: string }[];
}

const BOOLEAN_TEXT = /^(true|false)\s*$/i;

/** True for text that cannot be typed into a number, boolean, date, formula or quoted text. */
function isPlainText(v: string): boolean {
  const ch = v.charCodeAt(0);
  // whitespace/control, digits, + - . = '
  if (ch <= 32 || (ch >= 48 && ch <= 57) || ch === 43 || ch === 45 || ch === 46 || ch === 61 || ch === 39) return false;
  // t/T/f/F: only TRUE and FALSE are typed
  if (ch === 116 || ch === 84 || ch === 102 || ch === 70) return v.length > 5 && !BOOLEAN_TEXT.test(v);
  return true;
}

/** Types every value of `data` for cells starting at (row, column), 1-based. */
export function typeAll(sheet: Sheet, row: number, column: number, data: unknown[][], mode: WriteMode): TypedBlock {
  const tz = sheet._timeZone();
  const now = sheet._now();
  const formatRows = sheet._cells.styles.numberFormat.rows;
  const values = new Array<(Cell | undefined)[]>(data.length);
  const extras: TypedBlock['extras'] = [];
  for (let i = 0; i < data.length; i++) {
    const line = data[i];
    const formats = formatRows[row - 1 + i];
    const out = new Array<Cell | undefined>(line.length);
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      if (typeof v === 'number' || typeof v === 'boolean') {
        out[j] = v;
        continue;
      }
      if (v === '' || v === null || v === undefined) continue; // blank
      if (typeof v === 'string' && v.length <= MAX_CELL_CHARS && (mode === 'raw' || isPlainText(v))) {
        out[j] = v === '' ? undefined : v;
        continue;
      }
      const fmt = formats === undefined ? undefined : (formats[column - 1 + j] as string | undefined);
      let t: TypedInput;
      if (mode === 'raw') t = rawInput(v);
      else if (mode === 'user' && typeof v === 'string' && fmt !== TEXT_FORMAT) t = parseTyped(v, tz, now);
      else t = typeScriptValue(v, fmt, tz, now);
      out[j] = t.value;
      if (t.formula !== undefined || t.format !== undefined)
        extras.push({ i, j, formula: t.formula, format: t.format });
    }
    values[i] = out;
  }
  return { values, extras };
}

/** Google's own writes: stored as given, no parsing; Dates become date cells. */
function rawInput(v: unknown): TypedInput {
  if (v === null || v === undefined || v === '') return { value: undefined };
  if (isDate(v)) return { value: new DateCell(v.getTime()), format: DEFAULT_DATE_TIME_FORMAT };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return { value: v };
  return { value: String(v) };
}

/** The format a typed cell ends up with: an inferred format applies only to automatic cells. */
function resultingFormat(
  existing: string | undefined,
  value: Cell | undefined,
  inferred: string | undefined,
): string | undefined {
  if (inferred === undefined) return existing;
  if (existing === undefined || (value instanceof DateCell && formatKind(existing) === 'automatic')) return inferred;
  return existing;
}

/** The first "Reject input" validation the typed values break, as Sheets words it. */
export function rejection(sheet: Sheet, row: number, column: number, typed: TypedBlock): string | null {
  const { validations, styles } = sheet._cells;
  if (validations.isEmpty()) return null;
  const tz = sheet._timeZone();
  const extra = new Map(typed.extras.map((x) => [`${x.i},${x.j}`, x]));
  for (let i = 0; i < typed.values.length; i++) {
    for (let j = 0; j < typed.values[i].length; j++) {
      const r = row - 1 + i;
      const c = column - 1 + j;
      const rule = validations.get(r, c);
      if (!rule || rule._spec.allowInvalid) continue;
      const x = extra.get(`${i},${j}`);
      if (x?.formula !== undefined) continue; // formulas are not evaluated, so not validated
      const value = typed.values[i][j];
      const fmt = resultingFormat(styles.numberFormat.get(r, c) as string | undefined, value, x?.format);
      const checked = {
        value: readCell(value, fmt, tz),
        display: displayCell(value, fmt, tz),
        serial: value instanceof DateCell ? serialFromInstant(value.ms, tz) : typeof value === 'number' ? value : null,
        serialOf: (d: unknown) => (isDate(d) ? serialFromInstant(d.getTime(), tz) : Number(d)),
      };
      if (!satisfies(rule, checked)) return rejectionMessage(cellA1(r + 1, c + 1), rule);
    }
  }
  return null;
}

/** Stores a typed block: values replace cells (and their formulas); inferred formats fill automatic cells. */
export function applyTyped(sheet: Sheet, row: number, column: number, typed: TypedBlock): void {
  const { values, formulas, styles } = sheet._cells;
  for (let i = 0; i < typed.values.length; i++) {
    const r = row - 1 + i;
    const line = typed.values[i];
    let valueRow = values.rows[r];
    if (valueRow === undefined) valueRow = values.rows[r] = [];
    const formulaRow = formulas.rows[r];
    for (let j = 0; j < line.length; j++) {
      valueRow[column - 1 + j] = line[j] as Cell;
      if (formulaRow !== undefined) formulaRow[column - 1 + j] = undefined as unknown as string;
    }
  }
  for (const x of typed.extras) {
    const r = row - 1 + x.i;
    const c = column - 1 + x.j;
    if (x.formula !== undefined) formulas.set(r, c, x.formula);
    if (x.format !== undefined) {
      const existing = styles.numberFormat.get(r, c) as string | undefined;
      const next = resultingFormat(existing, typed.values[x.i][x.j], x.format);
      if (next !== existing) styles.numberFormat.set(r, c, next);
    }
  }
  sheet._cells.touch();
}

/** The rectangle's current values, shaped as getValues() returns them. */
export function currentValues(
  sheet: Sheet,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): unknown[][] {
  return sheet._rangeAt(row, column, numRows, numColumns).getValues();
}

export function assertRectangular(data: unknown, numRows: number, numColumns: number): asserts data is unknown[][] {
  if (!Array.isArray(data))
    throw new GasError("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
  if (data.length !== numRows) {
    throw new GasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const line of data) {
    if (!Array.isArray(line))
      throw new GasError(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    if (line.length !== numColumns) {
      throw new GasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numColumns}.`,
      );
    }
  }
}

/** Throws Apps Script's protected-cell error when the effective user may not edit the rectangle. */
export function assertScriptCanEdit(
  sheet: Sheet,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): void {
  const user = sheet._spreadsheet._env.actingUser;
  if (blockingProtection(sheet, user, row, column, row + numRows - 1, column + numColumns - 1))
    throw new GasError(PROTECTED_EDIT_MESSAGE);
}

/** A script write of values (setValue/setValues/appendRow): type, check, apply. */
export function scriptWrite(sheet: Sheet, row: number, column: number, data: unknown[][]): void {
  const typed = typeAll(sheet, row, column, data, 'script');
  assertScriptCanEdit(sheet, row, column, data.length, data[0]?.length ?? 0);
  const reason = rejection(sheet, row, column, typed);
  if (reason) throw new GasError(reason);
  applyTyped(sheet, row, column, typed);
}

/** A user typing or pasting into the grid, as the UI applies it. */
export function userEdit(sheet: Sheet, email: string, row: number, column: number, data: unknown[][]): EditOutcome {
  const numRows = data.length;
  const numColumns = data[0]?.length ?? 0;
  if (numRows === 0 || numColumns === 0 || data.some((l) => l.length !== numColumns))
    throw new Error('_userEdit needs a non-empty rectangular array');
  if (row < 1 || column < 1 || row + numRows - 1 > sheet._maxRows || column + numColumns - 1 > sheet._maxColumns) {
    throw new Error(
      `_userEdit outside the grid of "${sheet._name}": ${cellA1(row, column)} + ${numRows}x${numColumns}`,
    );
  }
  const oldValues = currentValues(sheet, row, column, numRows, numColumns);
  let typed: TypedBlock;
  try {
    typed = typeAll(sheet, row, column, data, 'user');
  } catch (e) {
    return { applied: false, reason: (e as Error).message, oldValues };
  }
  if (blockingProtection(sheet, email, row, column, row + numRows - 1, column + numColumns - 1)) {
    return { applied: false, reason: PROTECTED_EDIT_MESSAGE, oldValues };
  }
  const reason = rejection(sheet, row, column, typed);
  if (reason) return { applied: false, reason, oldValues };
  applyTyped(sheet, row, column, typed);
  return { applied: true, oldValues };
}
