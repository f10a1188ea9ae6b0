/**
 * What a person does to a tab in the Sheets UI besides typing (typing is `write.ts` userEdit):
 * sorting a range, deleting and inserting rows, renaming the tab, clearing it. Each is refused as
 * Sheets refuses it for someone who may not edit what it touches (the owner always may):
 *
 * - sort / clear: every cell of the range is rewritten, so any protected cell in it refuses the
 *   whole action ("You are trying to edit a protected cell or object…"), as for a paste.
 * - delete rows: the rows' cells disappear; any protected cell in them refuses it.
 * - insert rows: refused on a protected sheet, and inside a protected range (a row inserted
 *   between two protected rows would join the protection); inserting above or below one is fine.
 * - rename: a protected sheet cannot be renamed by a non-editor; range protections do not matter.
 *
 * The result says which trigger events Sheets delivers for it (the runtime delivers them):
 * https://developers.google.com/apps-script/guides/triggers/events lists the change types
 * (EDIT, INSERT_ROW, INSERT_COLUMN, REMOVE_ROW, REMOVE_COLUMN, INSERT_GRID, REMOVE_GRID, FORMAT,
 * OTHER). Inserting/deleting rows is a change (INSERT_ROW / REMOVE_ROW) and not an edit; renaming
 * a tab is a change of type OTHER; sorting rewrites values in place and clearing deletes them, so
 * both are edits of the whole range (no `value`/`oldValue`, the range has many cells) and a change
 * of type EDIT, as moving rows with data is (https://theappsscriptlab.com/category/apps-script,
 * "onEdit vs onChange": moving a row with data fires both).
 */
import { parseA1 } from './a1';
import { blockingProtection, PROTECTED_EDIT_MESSAGE } from './protection';
import { deleteRows, insertRows } from './structure';
import type { Sheet } from './sheet';

export interface UserActionOutcome {
  applied: boolean;
  reason?: string;
  /** The edited rectangle, when Sheets delivers an edit event for it. */
  edit?: { row: number; column: number; numRows: number; numColumns: number; oldValues: unknown[][] };
  /** The change type the installable change triggers get. */
  changeType?: 'EDIT' | 'INSERT_ROW' | 'REMOVE_ROW' | 'OTHER';
}

const refused = (reason: string): UserActionOutcome => ({ applied: false, reason });

/** Runs a structural operation, turning its Apps Script error (bounds, last row) into a refusal. */
function attempt(apply: () => void, done: UserActionOutcome): UserActionOutcome {
  try {
    apply();
  } catch (e) {
    return refused((e as Error).message);
  }
  return done;
}

export interface SortSpecInput {
  /** A1 range, e.g. 'K2:M9'. */
  range: string;
  /** Absolute column number of the sort key. */
  column: number;
  descending?: boolean;
}

export function userSort(sheet: Sheet, email: string, spec: SortSpecInput): UserActionOutcome {
  let ref;
  try {
    ref = parseA1(spec.range);
  } catch (e) {
    return refused(`range "${spec.range}": ${(e as Error).message}`);
  }
  const r1 = ref.startRow ?? 1;
  const c1 = ref.startColumn ?? 1;
  const r2 = Math.min(ref.endRow ?? sheet._maxRows, sheet._maxRows);
  const c2 = Math.min(ref.endColumn ?? sheet._maxColumns, sheet._maxColumns);
  if (r1 > sheet._maxRows || c1 > sheet._maxColumns || r2 < r1 || c2 < c1)
    return refused(`range ${spec.range} is outside the tab`);
  if (spec.column < c1 || spec.column > c2) return refused('The sort column must be within the range being sorted.');
  if (blockingProtection(sheet, email, r1, c1, r2, c2)) return refused(PROTECTED_EDIT_MESSAGE);
  const oldValues = sheet._rangeAt(r1, c1, r2 - r1 + 1, c2 - c1 + 1).getValues();
  sheet._cells.sortRows(r1, r2, c1, c2, [{ column: spec.column, ascending: !spec.descending }], sheet._timeZone());
  return {
    applied: true,
    edit: { row: r1, column: c1, numRows: r2 - r1 + 1, numColumns: c2 - c1 + 1, oldValues },
    changeType: 'EDIT',
  };
}

export function userDeleteRows(sheet: Sheet, email: string, row: number, count: number): UserActionOutcome {
  if (row < 1 || row + count - 1 > sheet._maxRows) return refused('Those rows are out of bounds.');
  if (blockingProtection(sheet, email, row, 1, row + count - 1, sheet._maxColumns))
    return refused(PROTECTED_EDIT_MESSAGE);
  return attempt(() => deleteRows(sheet, row, count), { applied: true, changeType: 'REMOVE_ROW' });
}

export function userInsertRows(sheet: Sheet, email: string, row: number, count: number): UserActionOutcome {
  if (row < 1 || row > sheet._maxRows + 1) return refused('Those rows are out of bounds.');
  for (const p of sheet._spreadsheet._protections) {
    if (p._sheet !== sheet || p._allows(email)) continue;
    if (p._type === 'SHEET' || (p._anchor && p._anchor.r1 < row && p._anchor.r2 >= row))
      return refused(PROTECTED_EDIT_MESSAGE);
  }
  return attempt(() => insertRows(sheet, row, count, row > 1 ? row - 1 : row), {
    applied: true,
    changeType: 'INSERT_ROW',
  });
}

export function userRenameSheet(sheet: Sheet, email: string, name: string): UserActionOutcome {
  const ss = sheet._spreadsheet;
  if (ss._protections.some((p) => p._sheet === sheet && p._type === 'SHEET' && !p._allows(email)))
    return refused(PROTECTED_EDIT_MESSAGE);
  return attempt(
    () => {
      ss._assertSheetName(name, sheet);
      sheet._name = name;
    },
    { applied: true, changeType: 'OTHER' },
  );
}

/** Select all, Delete: the contents go; formats, notes and validation stay (as the Delete key does). */
export function userClearSheet(sheet: Sheet, email: string): UserActionOutcome {
  const rows = Math.max(1, sheet.getLastRow());
  const columns = Math.max(1, sheet.getLastColumn());
  if (blockingProtection(sheet, email, 1, 1, rows, columns)) return refused(PROTECTED_EDIT_MESSAGE);
  const range = sheet._rangeAt(1, 1, rows, columns);
  const oldValues = range.getValues();
  return attempt(() => range.clearContent(), {
    applied: true,
    edit: { row: 1, column: 1, numRows: rows, numColumns: columns, oldValues },
    changeType: 'EDIT',
  });
}
