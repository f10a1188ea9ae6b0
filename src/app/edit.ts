/**
 * Edits by people (installable edit trigger, DESIGN §5, §10): officers in their unit tab, admins
 * in `Pengaduan`, the admins in `Kotak Masuk`, the operator in the config tabs. Each edited row
 * is compared with the register and run through the lifecycle rules (src/app/edit-rows.ts);
 * refused values are put back, explained in a cell note and a toast, and logged; accepted changes
 * are written to both sides and to `Riwayat`. Multi-cell pastes and whole-row/column ranges are
 * handled row by row (their event has no value/oldValue).
 *
 * Sheets never makes a person wait for the script lock. When another execution holds it, the
 * edit is stored (who, when, which complaints) and told to the person; the next execution that
 * holds the lock applies it with its real time and user.
 */
import { parseA1 } from '../core/a1';
import { REGISTER_COLUMNS } from '../core/complaint';
import { TAB } from '../core/labels';
import { INBOX_TAB } from '../core/labels/channels';
import { ACTION, EDIT_TEXT } from '../core/labels/journal';
import { refreshConfig } from '../gas/config-store';
import { RegisterTable } from '../gas/complaint-tables';
import { isOpen } from '../core/complaint';
import { tryScriptLock } from '../gas/lock';
import { storePendingEdit } from '../gas/pending-edits';
import { triageEdit } from './channel-inbox';
import { anonymousEditor, applyPendingEdits, handleRows } from './edit-rows';
import { Run, finish, guard, isolated, startRun } from './run';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CONFIG_TABS: string[] = [TAB.units, TAB.settings, TAB.holidays];

function userOf(e: EditEvent): string {
  try {
    return e.user ? e.user.getEmail() : '';
  } catch {
    return '';
  }
}

/** The edited block: one call gives row, column and size (whole rows/columns resolved by the range). */
function blockOf(e: EditEvent): { row: number; column: number; numRows: number; numColumns: number } {
  return (
    parseA1(e.range.getA1Notation()) ?? {
      row: e.range.getRow(),
      column: e.range.getColumn(),
      numRows: e.range.getNumRows(),
      numColumns: e.range.getNumColumns(),
    }
  );
}

/** The complaint numbers of sheet rows first..first+count-1 (read without the lock). */
function numbersAt(sheet: Sheet, first: number, count: number): string[] {
  const headers = sheet
    .getRange(1, 1, 1, Math.max(1, sheet.getLastColumn()))
    .getValues()[0]
    .map((h) => String(h).trim());
  const col = headers.indexOf(REGISTER_COLUMNS[0].header);
  if (col < 0) return new Array<string>(count).fill('');
  return sheet
    .getRange(first, col + 1, count, 1)
    .getValues()
    .map((r) => String(r[0] ?? '').trim());
}

/** The unit tab's configured name: by name, or by sheet id when someone renamed the tab. */
function unitTabName(run: Run, sheet: Sheet, name: string): string | null {
  const unit =
    run.config.units.find((u) => u.tab === name) ??
    run.config.units.find((u) => run.layout.gids[u.tab] === sheet.getSheetId());
  return unit ? unit.tab : null;
}

/**
 * A unit renamed or removed in `Unit` while it still has open complaints would orphan them (its
 * tab emptied, no reminders): refused with a clear message. A single-cell change is put back;
 * for a paste the operator is told which units to restore.
 */
function keepUnitsWithOpenComplaints(
  run: Run,
  e: EditEvent,
  before: readonly { name: string }[],
  after: readonly { name: string }[],
  single: { column: number; oldValue: unknown } | undefined,
): string | null {
  const gone = before.map((u) => u.name).filter((n) => !after.some((a) => a.name === n));
  if (!gone.length) return null;
  const open = RegisterTable.read(run.ss).complaints.filter(
    (c) => c.number && gone.includes(c.unit) && isOpen(c.status),
  );
  if (!open.length) return null;
  const restored = single !== undefined && single.oldValue !== undefined;
  if (restored) {
    e.range.setValue(single.oldValue);
    refreshConfig(run.ss, run.state);
  }
  const message = EDIT_TEXT.unitStillInUse(gone, open.length, restored);
  run.journal.error(message, e.range.getA1Notation(), '', 'PERINGATAN');
  return message;
}

function handleEdit(e: EditEvent): void {
  const sheet = e.range.getSheet();
  const name = sheet.getName();
  const user = userOf(e);
  const block = blockOf(e);
  const single =
    block.numRows === 1 && block.numColumns === 1 ? { column: block.column, oldValue: e.oldValue } : undefined;
  const from = Math.max(block.row, 2);
  const count = block.row + block.numRows - from;
  const lock = tryScriptLock('edit');
  if (!lock) {
    // Another execution holds the lock: keep the edit for the next one, and say so.
    // Config tabs need no replay (the hourly run re-reads them); triage waits for the poll.
    if (count > 0 && name !== INBOX_TAB && !CONFIG_TABS.includes(name)) {
      storePendingEdit({
        tab: name,
        numbers: numbersAt(sheet, from, count),
        firstRow: from,
        user,
        at: new Date().toISOString(),
        single,
      });
    }
    e.source.toast(EDIT_TEXT.busy, EDIT_TEXT.busyTitle, 10);
    return;
  }
  const run = startRun('Edit', { ss: e.source, user });
  applyPendingEdits(run); // edits stored while the lock was busy come first, in order
  if (CONFIG_TABS.includes(name)) {
    const before = run.config;
    const after = refreshConfig(run.ss, run.state);
    run.journal.record('', ACTION.configChanged, name, '', e.range.getA1Notation(), user);
    const refusal = name === TAB.units ? keepUnitsWithOpenComplaints(run, e, before.units, after.units, single) : null;
    if (refusal) {
      finish(run);
      e.source.toast(refusal, EDIT_TEXT.refusedTitle, 15);
      return;
    }
  } else if (name === INBOX_TAB) {
    triageEdit(run, block.row, block.numRows, user);
  } else if (count > 0 && (name === TAB.register || unitTabName(run, sheet, name))) {
    const indices = Array.from({ length: count }, (_, k) => from - 2 + k);
    let messages: string[] = [];
    // A tab whose header row is gone (cleared, columns deleted) is logged; reconcile rebuilds it.
    isolated(run, `Tab "${name}"`, () => {
      const tabName = name === TAB.register ? name : unitTabName(run, sheet, name)!;
      messages = handleRows(run, sheet, tabName, indices, user || anonymousEditor(run, tabName), single);
    });
    finish(run);
    // The lock is released when the execution ends (see src/gas/lock.ts), after the toast.
    if (messages.length) e.source.toast(messages.slice(0, 3).join('\n'), EDIT_TEXT.refusedTitle, 10);
    return;
  }
  finish(run);
}

export function onEditTrigger(e: EditEvent): void {
  guard('Edit', () => handleEdit(e));
}
