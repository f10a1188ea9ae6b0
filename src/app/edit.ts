/**
 * Edits by people (installable edit trigger, DESIGN §5): officers in their unit tab, admins in
 * `Pengaduan`, the operator in the config tabs. Each edited row is compared with the register
 * and run through the lifecycle rules; refused values are put back and explained in a cell note
 * and a toast, and logged; accepted changes are written to both sides and to `Riwayat`.
 * Multi-cell pastes are handled row by row from the range (their event has no value/oldValue).
 */
import { Complaint, REGISTER_COLUMNS, UNIT_COLUMNS, isOpen, statusFromStamps } from '../core/complaint';
import { withDerived } from '../core/derive';
import { assignmentEmail } from '../core/email/assignment';
import { parseA1 } from '../core/a1';
import { TAB } from '../core/labels';
import { ACTION, LOG, UNKNOWN_USER } from '../core/labels/journal';
import { TransitionResult, applyAdminEdit, applyOfficerEdit } from '../core/transitions';
import { RegisterTable, UnitTable } from '../gas/complaint-tables';
import { refreshConfig } from '../gas/config-store';
import { Outbox } from '../gas/outbox';
import { readSheet, readTab } from '../gas/tabs';
import { Run, finish, guard, recordChanges, startRun, tabUrl } from './run';
import { INBOX_TAB } from '../core/labels/channels';
import { triageEdit } from './channel-inbox';

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

/** Notes for the edited rows' editable columns: the refusal message, or '' (clears old notes). */
function writeNotes(sheet: Sheet, firstRow: number, notes: Map<number, Map<number, string>>, rowCount: number, cols: number[]): void {
  const from = Math.min(...cols);
  const to = Math.max(...cols);
  const grid: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const line: string[] = [];
    for (let c = from; c <= to; c++) line.push(notes.get(r)?.get(c) ?? '');
    grid.push(line);
  }
  sheet.getRange(firstRow, from + 1, rowCount, to - from + 1).setNotes(grid);
}

function officerEdit(run: Run, sheet: Sheet, unitName: string, tabName: string, firstRow: number, numRows: number, user: string): string[] {
  const unitTab = UnitTable.of(tabName, readSheet(sheet));
  const register = RegisterTable.read(run.ss);
  const messages: string[] = [];
  const notes = new Map<number, Map<number, string>>();
  for (let r = 0; r < numRows; r++) {
    const index = firstRow - 2 + r;
    const row = unitTab.rows[index];
    if (!row) continue;
    const number = String(row.values.number ?? '').trim();
    const c = number ? register.find(number) : undefined;
    if (!c || c.unit !== unitName) {
      if (number || row.values.officerStatus || row.values.followUp) {
        messages.push(`Baris ${index + 2} tidak cocok dengan pengaduan unit ini; akan dirapikan oleh rekonsiliasi.`);
      }
      continue;
    }
    const result = applyOfficerEdit(c, { officerStatus: row.values.officerStatus, followUp: row.values.followUp, officerNote: row.values.officerNote }, run.now);
    const next = result.changes.length ? withDerived(result.complaint, run.calendar, run.config.stepDays, run.now) : c;
    recordChanges(run, result, ACTION.officerUpdate, user);
    for (const refusal of result.refusals) {
      messages.push(refusal.message);
      const col = unitTab.index[refusal.key as 'officerStatus' | 'followUp' | 'officerNote'];
      if (col !== undefined) {
        if (!notes.has(r)) notes.set(r, new Map());
        notes.get(r)!.set(col, refusal.message);
      }
    }
    if (result.changes.length) register.put(next);
    if (result.changes.length || result.refusals.length) unitTab.set(index, next);
  }
  register.flush();
  unitTab.flush();
  const editable = UNIT_COLUMNS.filter((c) => c.editor === 'officer').map((c) => unitTab.index[c.key]);
  writeNotes(sheet, firstRow, notes, numRows, editable);
  return messages;
}

function adminEdit(run: Run, sheet: Sheet, firstRow: number, numRows: number, user: string, single: { column: number; oldValue: unknown } | null): string[] {
  const register = RegisterTable.of(readSheet(sheet));
  const editedKey = single ? (REGISTER_COLUMNS.find((c) => register.index[c.key] === single.column - 1)?.key ?? null) : null;
  const edited = { key: editedKey, oldValue: single?.oldValue };
  const messages: string[] = [];
  const notes = new Map<number, Map<number, string>>();
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
  const outbox = Outbox.appendOnly(run.ss);

  for (let r = 0; r < numRows; r++) {
    const index = firstRow - 2 + r;
    const raw = register.tab.rows[index];
    if (!raw) continue;
    const typed = register.complaints[index];
    if (!typed.number) continue;
    const before = previousOf(typed, edited);
    const result = applyAdminEdit(before, {
      category: typed.category, unit: typed.unit, status: typed.status, initialResponse: typed.initialResponse,
      reply: typed.reply, replyUrl: typed.replyUrl, closeReason: typed.closeReason,
    }, activeUnits, run.now);
    const next = withDerived(result.complaint, run.calendar, run.config.stepDays, run.now);
    recordChanges(run, result, result.movedFrom ? ACTION.reassignedFrom(result.movedFrom) : ACTION.adminUpdate, user);
    for (const refusal of result.refusals) {
      messages.push(refusal.message);
      const col = register.index[refusal.key as keyof typeof register.index];
      if (col !== undefined) {
        if (!notes.has(r)) notes.set(r, new Map());
        notes.get(r)!.set(col, refusal.message);
      }
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
      if (next.forwardedAt && (!before.forwardedAt || before.forwardedAt.getTime() !== next.forwardedAt.getTime()) && isOpen(next.status)) {
        const unit = run.config.units.find((u) => u.name === next.unit)!;
        outbox.enqueue(assignmentEmail(next, unit.pics, tabUrl(run, unit.tab), result.movedFrom), run.now);
      }
    }
  }
  register.flush();
  for (const tab of unitTabs.values()) tab?.flush();
  outbox.flushQueue();
  const editable = REGISTER_COLUMNS.filter((c) => c.editor === 'admin').map((c) => register.index[c.key]);
  writeNotes(sheet, firstRow, notes, numRows, editable);
  return messages;
}

/**
 * The complaint as it was before the admin's edit. The row already holds what the admin typed;
 * the unit and status before it are those the system recorded (`Unit Tercatat`, the stamps); a
 * text column's old value is the event's `oldValue` for a single-cell edit (Apps Script gives
 * none for a multi-cell paste, whose text is then taken as it is).
 */
function previousOf(typed: Complaint, edited: { key: string | null; oldValue: unknown }): Complaint {
  const prev: Complaint = { ...typed, unit: typed.assignedUnit, status: statusFromStamps(typed) };
  const textKeys = ['category', 'initialResponse', 'reply', 'replyUrl', 'closeReason'] as const;
  for (const key of textKeys) if (edited.key === key) prev[key] = edited.oldValue === undefined ? '' : String(edited.oldValue);
  return prev;
}

function handleEdit(e: EditEvent): void {
  const sheet = e.range.getSheet();
  const name = sheet.getName();
  const user = userOf(e);
  const lock = LockService.getScriptLock();
  lock.waitLock(30000);
  const run = startRun('Edit', { ss: e.source, user });
  if (CONFIG_TABS.includes(name)) {
    refreshConfig(run.ss, run.state);
    run.journal.record('', ACTION.configChanged, name, '', e.range.getA1Notation(), user);
    finish(run);
    lock.releaseLock();
    return;
  }
  if (name === INBOX_TAB) { // issue 15: the admin triages a captured post
    triageEdit(run, e.range.getRow(), e.range.getNumRows(), user);
    finish(run);
    return;
  }
  const unit = run.config.units.find((u) => u.tab === name);
  if (name !== TAB.register && !unit) {
    lock.releaseLock();
    return;
  }
  // One call gives the whole block (row, column and size) of what was typed or pasted.
  const block = parseA1(e.range.getA1Notation()) ?? { row: e.range.getRow(), column: e.range.getColumn(), numRows: e.range.getNumRows(), numColumns: e.range.getNumColumns() };
  const firstRow = block.row;
  const numRows = block.numRows;
  if (firstRow + numRows - 1 < 2) {
    lock.releaseLock();
    return; // header row: setup owns it
  }
  const from = Math.max(firstRow, 2);
  const count = firstRow + numRows - from;
  const messages = unit
    ? officerEdit(run, sheet, unit.name, unit.tab, from, count, user)
    : adminEdit(run, sheet, from, count, user, numRows === 1 && block.numColumns === 1 ? { column: block.column, oldValue: e.oldValue } : null);
  finish(run);
  // The lock is released when the execution ends (see intake.ts), after the toast.
  if (messages.length) e.source.toast(messages.slice(0, 3).join('\n'), 'Perubahan tidak dapat diterima', 10);
}

export function onEditTrigger(e: EditEvent): void {
  guard('Edit', () => handleEdit(e));
}
