/**
 * Form submit (DESIGN §3–§5, §7–§8): one response → one complaint in `Pengaduan` and in its
 * unit's tab, numbered under the script lock, steps 1–2 stamped, the assignment email queued and
 * the history written. In the shape of the daily reminders: read what is needed once (the
 * response by its tab's header, the register's keys), decide in core (`decideRegistration`),
 * write once.
 *
 * The response is known by its content key, never by its row: the same response delivered twice
 * creates one complaint; a response whose row number was used before (a row deleted in the
 * responses tab) is still registered. A blank response is ignored; an invalid one is kept and
 * flagged. A response that cannot be taken now (lock timeout) stays in its tab and the next
 * reconcile registers it.
 */
import { boundSpreadsheet } from '../gas/session';
import { assignmentEmail } from '../core/email/assignment';
import { TAB } from '../core/labels';
import { LOG, SYSTEM_USER } from '../core/labels/journal';
import { highestSequences } from '../core/numbering';
import { indexKeys, isBlank, keyStatus, responseKey } from '../core/registration';
import { appendComplaintRow, readRegisterKeys } from '../gas/complaint-tables';
import { Journal } from '../gas/journal';
import { LOCK_WAIT_MS, tryScriptLock } from '../gas/lock';
import { Outbox } from '../gas/outbox';
import { responseOfEvent } from '../gas/responses';
import { decide, finish, guard, isolated, noteRegistration, startRun, tabUrl } from './run';
import { sheetOf } from '../gas/tabs';

type FormSubmitEvent = GoogleAppsScript.Events.SheetsOnFormSubmit;

function intake(e: FormSubmitEvent): void {
  // The form-submit event of a spreadsheet documents no `source`; the bound spreadsheet is active.
  const ss = boundSpreadsheet();
  if (!tryScriptLock('intake')) {
    const journal = new Journal(new Date(), SYSTEM_USER, 'Formulir');
    journal.error(LOG.busy, LOG.lockTimeout(LOCK_WAIT_MS.intake), '', 'PERINGATAN');
    journal.flush(ss);
    return;
  }
  const run = startRun('Formulir', { ss });
  // Read once: the response (by its tab's header when the remembered layout does not fit) and
  // the register's numbers and keys.
  const response = responseOfEvent(e, run.layout.responses?.columns);
  const where = LOG.responseAt(response.tab || run.layout.responses?.sheetName || '', response.row);
  if (isBlank(response)) {
    run.journal.error(LOG.blank(response.row), where, '', 'INFO');
    finish(run);
    return;
  }
  const register = readRegisterKeys(run.ss);
  const key = responseKey(response);
  const status = keyStatus(
    key,
    indexKeys(register.keys.map((k) => ({ number: k.number, sourceKey: k.key, recordedAt: null, adminEmail: '' }))),
  );
  if (status.kind === 'registered') {
    run.journal.error(LOG.duplicate(status.number), where, status.number, 'INFO');
    finish(run);
    return;
  }
  if (status.kind === 'conflict') run.journal.error(LOG.keyConflict(status.numbers), where, '', 'PERINGATAN');
  // Numbers never go backwards, even when the counter in Script Properties was lost.
  const highest = highestSequences(register.keys.map((k) => k.number));
  // Decide in core.
  const reg = decide(run, response, key, highest);
  noteRegistration(run, reg, where, false);
  // The number is saved before the writes: a crash after this point leaves a gap in numbering,
  // never a reused number, and reconcile registers the response (its key is not in the register).
  run.state.save();
  // Write once per table.
  const complaint = reg.complaint;
  appendComplaintRow(register.sheet, TAB.register, complaint, 'register', register.headers);
  if (complaint.unit) {
    const unit = run.config.units.find((u) => u.name === complaint.unit)!;
    // A broken unit tab never stops the registration or its email (reconcile rebuilds the row).
    isolated(run, `Tab unit "${unit.tab}"`, () => {
      const unitSheet = sheetOf(run.ss, unit.tab, run.layout.gids);
      if (unitSheet) appendComplaintRow(unitSheet, unit.tab, complaint, 'unit');
      else run.journal.error(LOG.unitTabMissing(unit.tab), '', complaint.number);
    });
    const outbox = Outbox.appendOnly(run.ss);
    outbox.enqueue(assignmentEmail(complaint, unit.pics, tabUrl(run, unit.tab)), run.now);
    outbox.flushAndSend(run.now, run.journal.source);
  }
  finish(run);
  // No explicit releaseLock: "the lock is automatically released when the script terminates"
  // (Lock.releaseLock reference), and the docs ask to flush the spreadsheet before releasing
  // early; ending here does both without two more service calls.
}

export function onFormSubmitTrigger(e: FormSubmitEvent): void {
  guard('Formulir', () => intake(e));
}
