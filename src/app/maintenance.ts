/**
 * The hourly maintenance run (DESIGN §10): under the script lock, apply the edits people made
 * while it was busy and reconcile (missed responses, admin and officer input, unit tabs, derived
 * columns); then, with the lock released, send the outbox (each batch's marks under a short
 * lock) and refresh the dashboard. The lock is held only for the part that reads and writes the
 * register, so people's edits wait seconds, not the minutes mail can take.
 */
import { Outbox } from '../gas/outbox';
import { TAB } from '../core/labels';
import { ACTION, HISTORY_VALUE, LOG } from '../core/labels/journal';
import { ASSIGNMENT_KIND } from '../core/email/assignment';
import { tryScriptLock } from '../gas/lock';
import { refreshDashboardQuietly } from './dashboard-refresh';
import { applyPendingEdits } from './edit-rows';
import { sendMail } from './mail';
import { reconcileAll } from './reconciliation';
import { finish, guard, startRun } from './run';

export function hourlyJob(): void {
  guard('Per jam', () => {
    const lock = tryScriptLock('hourly');
    if (!lock) return; // another run holds it; the next hour catches up
    const run = startRun('Per jam', { freshConfig: true });
    applyPendingEdits(run);
    const outbox = Outbox.read(run.ss);
    const report = reconcileAll(run, outbox);
    const cancelled = outbox.cancelWaiting(ASSIGNMENT_KIND, report.finished, LOG.assignmentMoot);
    if (cancelled)
      run.journal.record('', ACTION.assignmentCancelled, TAB.outbox, '', HISTORY_VALUE.assignmentCancelled(cancelled));
    outbox.flushQueue();
    finish(run);
    lock.release();
    sendMail(run, outbox, true);
    refreshDashboardQuietly(run, report.complaints); // a dashboard failure goes to Log Galat, not fatal
    finish(run);
  });
}
