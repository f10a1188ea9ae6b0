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
import { Cell, DateCell, isDate, parseTyped, readCell, displayCell, TypedInput, typeScriptValue } from './values';
import { serialFromInstant } from './time-zone';

export type WriteMode = 'script' | 'user' | 'raw';

export interface EditOutcome {
  applied: boolean;
  reason?: string;
  oldValues: unknown[][];
}

/** Types every value of `data` for cells starting at (row, column), 1-based. */
export function typeAll(sheet: Sheet, row: number, column: number, data: unknown[][], mode: WriteMode): TypedInput[][] {
  const tz = sheet._timeZone();
  const now = sheet._now();
  const formatRows = sheet._cells.styles.numberFormat.rows;
  const out: TypedInput[][] = [];
  for (let i = 0; i < data.length; i++) {
    const line = data[i];
    const formats = formatRows[row - 1 + i];
    const typed: TypedInput[] = [];
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      const fmt = formats === undefined ? undefined : (formats[column - 1 + j] as string | undefined);
      if (mode === 'raw') typed.push(rawInput(v));
      else if (mode === 'user' && typeof v === 'string') typed.push(fmt === TEXT_FORMAT ? typeScriptValue(v, fmt, tz, now) : parseTyped(v, tz, now));
      else typed.push(typeScriptValue(v, fmt, tz, now));
    }
    out.push(typed);
  }
  return out;
}

/** Google's own writes: stored as given, no parsing; Dates become date cells. */
function rawInput(v: unknown): TypedInput {
  if (v === null || v === undefined || v === '') return { value: undefined };
  if (isDate(v)) return { value: new DateCell(v.getTime()), format: DEFAULT_DATE_TIME_FORMAT };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return { value: v };
  return { value: String(v) };
}

/** The first "Reject input" validation the typed values break, as Sheets words it. */
export function rejection(sheet: Sheet, row: number, column: number, typed: TypedInput[][]): string | null {
  const { validations, styles } = sheet._cells;
  if (validations.isEmpty()) return null;
  const tz = sheet._timeZone();
  for (let i = 0; i < typed.length; i++) {
    for (let j = 0; j < typed[i].length; j++) {
      const r = row - 1 + i;
      const c = column - 1 + j;
      const rule = validations.get(r, c);
      if (!rule || rule._spec.allowInvalid) continue;
      const t = typed[i][j];
      if (t.formula !== undefined) continue; // formulas are validated on their (unevaluated) result
      const existing = styles.numberFormat.get(r, c) as string | undefined;
      const fmt = existing ?? t.format;
      const value = readCell(t.value, fmt, tz);
      const checked = {
        value,
        display: displayCell(t.value, fmt, tz),
        serial: t.value instanceof DateCell ? serialFromInstant(t.value.ms, tz) : typeof t.value === 'number' ? t.value : null,
        serialOf: (d: unknown) => (isDate(d) ? serialFromInstant(d.getTime(), tz) : Number(d)),
      };
      if (!satisfies(rule, checked)) return rejectionMessage(cellA1(r + 1, c + 1), rule);
    }
  }
  return null;
}

/** Stores typed values; an inferred format (dates, %) applies only to cells still on automatic. */
export function applyTyped(sheet: Sheet, row: number, column: number, typed: TypedInput[][]): void {
  const { values, formulas, styles } = sheet._cells;
  const formats = styles.numberFormat;
  for (let i = 0; i < typed.length; i++) {
    const r = row - 1 + i;
    const line = typed[i];
    let valueRow = values.rows[r];
    if (valueRow === undefined) valueRow = values.rows[r] = [];
    const hasFormulas = formulas.rows[r] !== undefined;
    for (let j = 0; j < line.length; j++) {
      const c = column - 1 + j;
      const t = line[j];
      valueRow[c] = t.value as Cell;
      if (hasFormulas || t.formula !== undefined) formulas.set(r, c, t.formula);
      if (t.format !== undefined) {
        const current = formats.get(r, c) as string | undefined;
        if (current === undefined || (t.value instanceof DateCell && formatKind(current) === 'automatic')) formats.set(r, c, t.format);
      }
    }
  }
  sheet._cells.touch();
}

/** The rectangle's current values, shaped as getValues() returns them. */
export function currentValues(sheet: Sheet, row: number, column: number, numRows: number, numColumns: number): unknown[][] {
  return sheet._rangeAt(row, column, numRows, numColumns).getValues();
}

export function assertRectangular(data: unknown, numRows: number, numColumns: number): asserts data is unknown[][] {
  if (!Array.isArray(data)) throw new GasError('The parameters (String) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
  if (data.length !== numRows) {
    throw new GasError(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`);
  }
  for (const line of data) {
    if (!Array.isArray(line)) throw new GasError('The parameters (number[]) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
    if (line.length !== numColumns) {
      throw new GasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numColumns}.`,
      );
    }
  }
}

/** Throws Apps Script's protected-cell error when the effective user may not edit the rectangle. */
export function assertScriptCanEdit(sheet: Sheet, row: number, column: number, numRows: number, numColumns: number): void {
  const user = sheet._spreadsheet._env.actingUser;
  if (blockingProtection(sheet, user, row, column, row + numRows - 1, column + numColumns - 1)) throw new GasError(PROTECTED_EDIT_MESSAGE);
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
  if (numRows === 0 || numColumns === 0 || data.some((l) => l.length !== numColumns)) throw new Error('_userEdit needs a non-empty rectangular array');
  if (row < 1 || column < 1 || row + numRows - 1 > sheet._maxRows || column + numColumns - 1 > sheet._maxColumns) {
    throw new Error(`_userEdit outside the grid of "${sheet._name}": ${cellA1(row, column)} + ${numRows}x${numColumns}`);
  }
  const oldValues = currentValues(sheet, row, column, numRows, numColumns);
  let typed: TypedInput[][];
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
