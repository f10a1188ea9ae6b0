/**
 * Inserting and deleting rows and columns. Everything the spreadsheet stores moves with them, as
 * in Sheets: values, formulas, notes, formats, validations, row heights and column widths, hidden
 * flags, and the ranges of protections, named ranges, conditional formats and charts.
 * New rows/columns inherit formatting and validation from the row above / column to the left, as
 * the Sheets UI does (a row inserted under a bold header comes out bold); at the very top or
 * left they take the row/column that was there.
 */
import { GasError } from '../errors';
import type { Sheet } from './sheet';
import { assertScriptCanEdit } from './write';

function spliceSparse<T>(arr: (T | undefined)[], at: number, remove: number, insert: number): void {
  if (at > arr.length) return;
  arr.splice(at, remove, ...new Array<T | undefined>(insert));
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new GasError(`The number of ${what} to insert must be at least 1.`);
}

/** Blocks structural edits by a user who may not edit a protected sheet. */
function assertSheetEditable(sheet: Sheet): void {
  const user = sheet._spreadsheet._env.actingUser;
  for (const p of sheet._spreadsheet._protections) {
    if (p._sheet === sheet && p._type === 'SHEET' && !p._allows(user)) {
      assertScriptCanEdit(sheet, 1, 1, sheet._maxRows, sheet._maxColumns);
    }
  }
}

export function insertRows(sheet: Sheet, at: number, n: number, inheritFrom: number | null): void {
  assertCount(n, 'rows');
  if (!Number.isInteger(at) || at < 1 || at > sheet._maxRows + 1) throw new GasError('Those rows are out of bounds.');
  sheet._spreadsheet._assertCellBudget(n * sheet._maxColumns);
  assertSheetEditable(sheet);
  sheet._cells.insertRows(at, n, inheritFrom !== null && inheritFrom <= sheet._maxRows ? inheritFrom : null);
  spliceSparse(sheet._rowHeights, at - 1, 0, n);
  spliceSparse(sheet._hiddenRows, at - 1, 0, n);
  for (const a of sheet._anchors) a.insertRows(at, n);
  sheet._maxRows += n;
}

export function deleteRows(sheet: Sheet, at: number, n: number): void {
  if (!Number.isInteger(at) || !Number.isInteger(n) || at < 1 || n < 1 || at + n - 1 > sheet._maxRows)
    throw new GasError('Those rows are out of bounds.');
  const frozenDeleted = Math.max(0, Math.min(sheet._frozenRows, at + n - 1) - at + 1);
  const nonFrozenLeft = sheet._maxRows - n - (sheet._frozenRows - frozenDeleted);
  if (nonFrozenLeft < 1) throw new GasError('Sorry, it is not possible to delete all non-frozen rows.');
  assertScriptCanEdit(sheet, at, 1, n, sheet._maxColumns);
  sheet._cells.deleteRows(at, n);
  spliceSparse(sheet._rowHeights, at - 1, n, 0);
  spliceSparse(sheet._hiddenRows, at - 1, n, 0);
  for (const a of sheet._anchors) a.deleteRows(at, n);
  sheet._maxRows -= n;
  sheet._frozenRows -= frozenDeleted;
  sheet._dropDeadAnchors();
}

export function insertColumns(sheet: Sheet, at: number, n: number, inheritFrom: number | null): void {
  assertCount(n, 'columns');
  if (!Number.isInteger(at) || at < 1 || at > sheet._maxColumns + 1)
    throw new GasError('Those columns are out of bounds.');
  sheet._spreadsheet._assertCellBudget(n * sheet._maxRows);
  assertSheetEditable(sheet);
  sheet._cells.insertColumns(at, n, inheritFrom !== null && inheritFrom <= sheet._maxColumns ? inheritFrom : null);
  spliceSparse(sheet._columnWidths, at - 1, 0, n);
  spliceSparse(sheet._hiddenColumns, at - 1, 0, n);
  for (const a of sheet._anchors) a.insertColumns(at, n);
  sheet._maxColumns += n;
}

export function deleteColumns(sheet: Sheet, at: number, n: number): void {
  if (!Number.isInteger(at) || !Number.isInteger(n) || at < 1 || n < 1 || at + n - 1 > sheet._maxColumns) {
    throw new GasError('Those columns are out of bounds.');
  }
  const frozenDeleted = Math.max(0, Math.min(sheet._frozenColumns, at + n - 1) - at + 1);
  const nonFrozenLeft = sheet._maxColumns - n - (sheet._frozenColumns - frozenDeleted);
  if (nonFrozenLeft < 1) throw new GasError('Sorry, it is not possible to delete all non-frozen columns.');
  assertScriptCanEdit(sheet, 1, at, sheet._maxRows, n);
  sheet._cells.deleteColumns(at, n);
  spliceSparse(sheet._columnWidths, at - 1, n, 0);
  spliceSparse(sheet._hiddenColumns, at - 1, n, 0);
  for (const a of sheet._anchors) a.deleteColumns(at, n);
  sheet._maxColumns -= n;
  sheet._frozenColumns -= frozenDeleted;
  sheet._dropDeadAnchors();
}
