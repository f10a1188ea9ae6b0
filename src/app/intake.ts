/**
 * Form submit (DESIGN §4–§5, §7–§8): one response → one complaint in `Pengaduan` and in its
 * unit's tab, numbered under the script lock, with steps 1–2 stamped, the assignment email
 * queued and the history written. The same response delivered twice creates one complaint; a
 * blank response is ignored; an invalid one is kept and flagged. A response that cannot be taken
 * now (lock timeout) stays in the responses tab and is registered by the next reconcile.
 */
import { Complaint } from '../core/complaint';
import { withDerived } from '../core/derive';
import { assignmentEmail } from '../core/email/assignment';
import { Answers, FORM_KEYS, FormKey, buildComplaint, isBlankResponse } from '../core/intake';
import { TAB } from '../core/labels';
import { ACTION, FAILURE, HISTORY_VALUE, LOG, SYSTEM_USER } from '../core/labels/journal';
import { nextComplaintNumber } from '../core/numbering';
import { asDate, asText, formatDate } from '../core/values';
import { appendComplaintRow } from '../gas/complaint-tables';
import { Journal } from '../gas/journal';
import { Outbox } from '../gas/outbox';
import { IntegerSet } from '../gas/state';
import { Run, errorText, finish, guard, startRun, tabUrl } from './run';

type FormSubmitEvent = GoogleAppsScript.Events.SheetsOnFormSubmit;

export const LOCK_WAIT_MS = 30000;
export const PROCESSED_KEY = 'intake.done';

/** Answers by logical key from the typed response row, using the responses tab's layout. */
export function answersOf(row: unknown[], columns: Record<string, number>): Answers {
  const answers: Answers = {};
  for (const key of FORM_KEYS) {
    const i = columns[key];
    if (i !== undefined && i < row.length) answers[key as FormKey] = row[i];
  }
  return answers;
}

export function sourceKeyOf(row: number): string {
  return `R${row}`;
}

export function responseRowOf(sourceKey: string): number | null {
  const m = /^R(\d+)$/.exec(sourceKey);
  return m ? Number(m[1]) : null;
}

/**
 * The complaint one response row becomes: validated, routed, numbered (the counter is advanced in
 * `run.state`) and recorded in the run's journal; null for a blank response. The caller writes
 * it. Shared by the trigger and by reconcile.
 */
export function complaintFromResponse(run: Run, row: unknown[], sheetRow: number, columns: Record<string, number>, emailCol: number, sheetName: string): Complaint | null {
  const answers = answersOf(row, columns);
  if (isBlankResponse(answers)) return null;
  return registerAnswers(run, answers, asDate(row[0]) ?? run.now, emailCol >= 0 ? asText(row[emailCol]) : '', sourceKeyOf(sheetRow), LOG.responseAt(sheetName, sheetRow));
}

/**
 * Issue 15 (channel triage): the registration step itself, for answers that come from a form
 * response or from a post triaged in `Kotak Masuk` (src/app/channel-inbox.ts): validated,
 * routed, numbered (the counter advanced in `run.state`) and recorded in the run's journal.
 */
export function registerAnswers(run: Run, answers: Answers, submittedAt: Date, respondent: string, sourceKey: string, sourceLabel: string): Complaint {
  const built = buildComplaint({ answers, submittedAt, respondent, sourceKey, sourceLabel, units: run.config.units });
  const year = Number(formatDate(submittedAt).slice(0, 4));
  const counter = Number(run.state.get(`seq.${year}`) ?? 0);
  const { number, sequence } = nextComplaintNumber(year, counter, 0);
  run.state.set(`seq.${year}`, String(sequence));
  const complaint = withDerived({ ...built.complaint, number }, run.calendar, run.config.stepDays, run.now);
  run.journal.record(number, ACTION.recorded, 'Status', '', HISTORY_VALUE.recorded(complaint.status, complaint.unit, built.routing === 'auto', built.routingNote));
  if (built.problems.length) {
    run.journal.error(LOG.formProblems(built.problems), sourceLabel, number, 'PERINGATAN');
  }
  return complaint;
}

function intake(e: FormSubmitEvent): void {
  // The form-submit event of a spreadsheet documents no `source`; the bound spreadsheet is active.
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lock = LockService.getScriptLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch (err) {
    const journal = new Journal(new Date(), SYSTEM_USER, 'Formulir');
    journal.error(LOG.busy, errorText(err), '', 'PERINGATAN');
    journal.flush(ss);
    return;
  }
  const values = e.range.getValues()[0];
  const sheetRow = e.range.getRow();
  const run = startRun('Formulir', { ss });
  const processed = new IntegerSet(run.state.get(PROCESSED_KEY) ?? '');
  if (processed.has(sheetRow)) {
    run.journal.error(LOG.duplicate(sheetRow), '', '', 'INFO');
    finish(run);
    return;
  }
  const layout = run.layout.responses;
  if (!layout) throw new Error(FAILURE.responsesLayoutMissing);
  const emailCol = layout.columns.email ?? -1;
  const complaint = complaintFromResponse(run, values, sheetRow, layout.columns, emailCol, layout.sheetName);
  processed.add(sheetRow);
  run.state.set(PROCESSED_KEY, processed.toString());
  // The number and the "taken" mark are saved before the writes: a crash after this point
  // leaves a gap in numbering, never a reused number, and reconcile re-registers the response.
  run.state.save();
  if (!complaint) {
    run.journal.error(LOG.blank(sheetRow), '', '', 'INFO');
    finish(run);
    return;
  }
  const register = run.ss.getSheetByName(TAB.register);
  if (!register) throw new Error(FAILURE.tabMissing(TAB.register));
  appendComplaintRow(register, TAB.register, complaint, 'register');
  if (complaint.unit) {
    const unit = run.config.units.find((u) => u.name === complaint.unit)!;
    const unitSheet = run.ss.getSheetByName(unit.tab);
    if (unitSheet) appendComplaintRow(unitSheet, unit.tab, complaint, 'unit');
    else run.journal.error(LOG.unitTabMissing(unit.tab), '', complaint.number);
    const outbox = Outbox.appendOnly(run.ss);
    outbox.enqueue(assignmentEmail(complaint, unit.pics, tabUrl(run, unit.tab)), run.now);
    outbox.flushQueue();
  }
  finish(run);
  // No explicit releaseLock: "the lock is automatically released when the script terminates"
  // (Lock.releaseLock reference), and the docs ask to flush the spreadsheet before releasing
  // early; ending here does both without two more service calls.
}

export function onFormSubmitTrigger(e: FormSubmitEvent): void {
  guard('Formulir', () => intake(e));
}
