/**
 * What people's edits do to rows (DESIGN §5, §10): plumbing shared by the edit trigger, the
 * edits it had to store while the lock was busy (applied later with their own time and user),
 * and reconcile (admin input the trigger missed). Each row is read once, decided by the pure
 * lifecycle rules (src/core/transitions.ts), and written back optimistically.
 *
 * Officer rows whose cells a sort moved to other complaints are put back from the register, and a
 * row whose number was typed over is left alone (reconcile rebuilds it): neither is ever taken
 * as the officer's input for another complaint.
 */
import { Complaint, REGISTER_COLUMNS, UNIT_COLUMNS, isOpen, statusFromStamps } from '../core/complaint';
import { withDerived } from '../core/derive';
import { assignmentEmail } from '../core/email/assignment';
import { ACTION, EDIT_TEXT } from '../core/labels/journal';
import { holdsComplaint, shuffledRows } from '../core/officer-cells';
import { applyAdminEdit, applyOfficerEdit } from '../core/transitions';
import { SYSTEM_USER } from '../core/labels/journal';
import { TAB } from '../core/labels';
import { RegisterTable, UnitTable } from '../gas/complaint-tables';
import { Journal } from '../gas/journal';
import { Outbox } from '../gas/outbox';
import { PendingEdit, dropPendingEdits, pendingEdits } from '../gas/pending-edits';
import { readSheet, readTab, writeCellNotes } from '../gas/tabs';
import { Run, isolated, recordChanges, tabUrl } from './run';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface RowOutcome {
  /** What the person is told (toast). */
  messages: string[];
  /** Refusal notes by data index → column (0-based) → message ('' clears an old note). */
  notes: Map<number, Map<number, string>>;
}

function note(out: RowOutcome, index: number, col: number | undefined, message: string): void {
  if (col === undefined) return;
  if (!out.notes.has(index)) out.notes.set(index, new Map());
  out.notes.get(index)!.set(col, message);
}

/** Writes the refusal notes of the handled rows' editable columns (clearing old ones). */
export function writeRowNotes(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  indices: number[],
  out: RowOutcome,
  cols: number[],
): void {
  writeCellNotes(sheet, indices, cols, (i, c) => out.notes.get(i)?.get(c) ?? '');
}

/** An officer's edit of rows `indices` of their unit tab. The caller flushes nothing. */
export function officerRows(
  run: Run,
  unitName: string,
  unitTab: UnitTable,
  register: RegisterTable,
  indices: number[],
  user: string,
): RowOutcome {
  const out: RowOutcome = { messages: [], notes: new Map() };
  const rows = indices.map((i) => unitTab.rows[i]).filter(Boolean);
  const own = (number: string) => {
    const c = number ? register.find(number) : undefined;
    return c && c.unit === unitName ? c : undefined;
  };
  // A sort of the officer columns moved their cells to other complaints: put them back.
  const moved = new Set(shuffledRows(rows, (r) => own(String(r.values.number ?? '').trim())));
  if (moved.size) {
    for (const i of moved) unitTab.set(i, own(String(unitTab.rows[i].values.number ?? '').trim())!);
    run.journal.record(
      '',
      ACTION.officerCellsRestored(unitTab.name),
      'Status / Hasil Tindak Lanjut / Catatan Petugas',
      '',
      EDIT_TEXT.rowsRestored(moved.size),
      user,
    );
    out.messages.push(EDIT_TEXT.sorted);
  }
  for (const row of rows) {
    if (moved.has(row.index)) continue;
    const number = String(row.values.number ?? '').trim();
    const c = own(number);
    if (!c || !holdsComplaint(row.values, c)) {
      if (number || row.values.officerStatus || row.values.followUp)
        out.messages.push(EDIT_TEXT.rowNotOwn(row.index + 2));
      continue;
    }
    const result = applyOfficerEdit(
      c,
      { officerStatus: row.values.officerStatus, followUp: row.values.followUp, officerNote: row.values.officerNote },
      run.now,
    );
    const next = result.changes.length ? withDerived(result.complaint, run.calendar, run.config.stepDays, run.now) : c;
    recordChanges(run, result, ACTION.officerUpdate, user);
    for (const refusal of result.refusals) {
      out.messages.push(refusal.message);
      note(out, row.index, unitTab.index[refusal.key as 'officerStatus' | 'followUp' | 'officerNote'], refusal.message);
    }
    if (result.changes.length) register.put(next);
    if (result.changes.length || result.refusals.length) unitTab.set(row.index, next);
  }
  return out;
}

export const OFFICER_EDITABLE = UNIT_COLUMNS.filter((c) => c.editor === 'officer');
export const ADMIN_EDITABLE = REGISTER_COLUMNS.filter((c) => c.editor === 'admin');

/**
 * The complaint as it was before the admin's edit. The row already holds what the admin typed;
 * the unit and status before it are those the system recorded (`Unit Tercatat`, the stamps); a
 * text column's old value is the event's `oldValue` for a single-cell edit (Apps Script gives
 * none for a multi-cell paste, whose text is then taken as it is).
 */
function previousOf(typed: Complaint, edited: { key: string | null; oldValue: unknown }): Complaint {
  const prev: Complaint = { ...typed, unit: typed.assignedUnit, status: statusFromStamps(typed) };
  const textKeys = ['category', 'initialResponse', 'reply', 'replyUrl', 'closeReason'] as const;
  for (const key of textKeys)
    if (edited.key === key) prev[key] = edited.oldValue === undefined ? '' : String(edited.oldValue);
  return prev;
}

/** Admin input the system has not taken in yet: a status or unit typed that the stamps do not show. */
export function untakenAdminRows(register: RegisterTable): number[] {
  const out: number[] = [];
  register.complaints.forEach((c, i) => {
    if (!c.number) return;
    if (c.status !== statusFromStamps(c) || String(c.unit ?? '') !== String(c.assignedUnit ?? '')) out.push(i);
  });
  return out;
}

/**
 * An admin's edit of rows `indices` of the register. Unit tabs follow (moved, updated) and are
 * flushed here; assignment emails go on `outbox`; the caller flushes the register and the outbox.
 */
export function adminRows(
  run: Run,
  register: RegisterTable,
  indices: number[],
  user: string,
  single: { column: number; oldValue: unknown } | null,
  outbox: Outbox,
): RowOutcome {
  const editedKey = single
    ? (REGISTER_COLUMNS.find((c) => register.index[c.key] === single.column - 1)?.key ?? null)
    : null;
  const edited = { key: editedKey, oldValue: single?.oldValue };
  const out: RowOutcome = { messages: [], notes: new Map() };
  const unitTabs = new Map<string, UnitTable | null>();
  const unitTab = (name: string): UnitTable | null => {
    if (!unitTabs.has(name)) {
      const unit = run.config.units.find((u) => u.name === name);
      const tab = unit ? readTab(run.ss, unit.tab) : null;
      unitTabs.set(name, tab && unit ? UnitTable.of(unit.tab, tab) : null);
    }
    return unitTabs.get(name)!;
  };
  const activeUnits = run.config.units.filter((u) => u.active).map((u) => u.name);
  for (const index of indices) {
    const typed = register.complaints[index];
    if (!typed?.number) continue;
    const before = previousOf(typed, edited);
    const result = applyAdminEdit(
      before,
      {
        category: typed.category,
        unit: typed.unit,
        status: typed.status,
        initialResponse: typed.initialResponse,
        reply: typed.reply,
        replyUrl: typed.replyUrl,
        closeReason: typed.closeReason,
      },
      activeUnits,
      run.now,
    );
    const next = withDerived(result.complaint, run.calendar, run.config.stepDays, run.now);
    recordChanges(run, result, result.movedFrom ? ACTION.reassignedFrom(result.movedFrom) : ACTION.adminUpdate, user);
    for (const refusal of result.refusals) {
      out.messages.push(refusal.message);
      note(out, index, register.index[refusal.key as keyof typeof register.index], refusal.message);
    }
    register.put(next);
    // Keep the unit tabs in step: remove from the old unit, add to / update in the new one.
    if (result.movedFrom) {
      const old = unitTab(result.movedFrom);
      const at = old?.rows.find((x) => String(x.values.number) === next.number);
      if (old && at) old.remove(at.index);
    }
    if (next.unit) {
      const tab = unitTab(next.unit);
      const at = tab?.rows.find((x) => String(x.values.number) === next.number);
      if (tab && at) tab.set(at.index, next);
      else if (tab) tab.append(next);
      if (
        next.forwardedAt &&
        (!before.forwardedAt || before.forwardedAt.getTime() !== next.forwardedAt.getTime()) &&
        isOpen(next.status)
      ) {
        const unit = run.config.units.find((u) => u.name === next.unit)!;
        outbox.enqueue(assignmentEmail(next, unit.pics, tabUrl(run, unit.tab), result.movedFrom), run.now);
      }
    }
  }
  for (const tab of unitTabs.values()) tab?.flush();
  return out;
}

/** Handles edited rows (data indices) of a unit tab or the register, under the lock. */
export function handleRows(
  run: Run,
  sheet: Sheet,
  tabName: string,
  indices: number[],
  user: string,
  single: PendingEdit['single'],
): string[] {
  const unit = run.config.units.find((u) => u.tab === tabName);
  let out: RowOutcome;
  let cols: number[];
  if (unit) {
    const unitTab = UnitTable.of(tabName, readSheet(sheet));
    const numbers = indices.map((i) => String(unitTab.rows[i]?.values.number ?? '').trim());
    const register = RegisterTable.readRows(run.ss, numbers);
    out = officerRows(run, unit.name, unitTab, register, indices, user);
    run.journal.dropFor(register.flush());
    run.journal.dropFor(unitTab.flush());
    cols = OFFICER_EDITABLE.map((c) => unitTab.index[c.key]).filter((c): c is number => c !== undefined);
  } else {
    const register = RegisterTable.of(readSheet(sheet));
    const outbox = Outbox.appendOnly(run.ss);
    out = adminRows(run, register, indices, user, single ?? null, outbox);
    run.journal.dropFor(register.flush());
    outbox.flushAndSend(run.now, run.journal.source);
    cols = ADMIN_EDITABLE.map((c) => register.index[c.key]).filter((c): c is number => c !== undefined);
  }
  writeRowNotes(sheet, indices, out, cols);
  return out.messages;
}

/**
 * Applies the edits stored while the lock was busy, oldest first, each with its own time and
 * user (stamps and `Riwayat` say when and by whom it was typed, not when it was applied). Rows
 * are found again by complaint number: they may have moved since. Call under the lock.
 */
export function applyPendingEdits(run: Run): number {
  const pending = pendingEdits(run.state);
  for (const { edit } of pending) {
    const sheet = edit.tab ? run.ss.getSheetByName(edit.tab) : null;
    const at = new Date(edit.at);
    const known = edit.tab === TAB.register || run.config.units.some((u) => u.tab === edit.tab);
    if (!sheet || !known || Number.isNaN(at.getTime())) continue;
    const data = readSheet(sheet);
    const col = Math.max(
      0,
      data.headers.findIndex((h) => String(h).trim() === REGISTER_COLUMNS[0].header),
    );
    const numbers = data.rows.map((r) => String(r[col] ?? '').trim());
    const indices = edit.numbers.map((n, k) => (n ? numbers.indexOf(n) : edit.firstRow - 2 + k)).filter((i) => i >= 0);
    const journal = new Journal(at, edit.user || SYSTEM_USER, 'Edit (tertunda)');
    const user = edit.user || anonymousEditor(run, edit.tab);
    // One stored edit that cannot be applied (its tab damaged since) never blocks the others.
    isolated(run, `Tab "${edit.tab}"`, () =>
      handleRows({ ...run, now: at, user, journal }, sheet, edit.tab, indices, user, edit.single),
    );
    journal.flush(run.ss);
  }
  dropPendingEdits(pending.map((p) => p.key));
  return pending.length;
}

/**
 * Who edited when Apps Script does not say (e.user is blank for gmail.com accounts and for
 * editors outside the owner's domain): the PIC of the unit whose tab it is. Officers who want
 * their own name in `Riwayat` end their Catatan Petugas with it (docs/PANDUAN-ADMIN.md).
 */
export function anonymousEditor(run: Run, tabName: string): string {
  const unit = run.config.units.find((u) => u.tab === tabName);
  return unit ? EDIT_TEXT.unitOfficer(unit.name) : '';
}
