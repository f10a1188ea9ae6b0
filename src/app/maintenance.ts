/**
 * The hourly maintenance run: refresh the cached config, reconcile (missed responses and
 * officer input, unit tabs, derived columns), then send what waits in the outbox.
 */
import { Outbox } from '../gas/outbox';
import { TAB } from '../core/labels';
import { ACTION, HISTORY_VALUE, LOG } from '../core/labels/journal';
import { ASSIGNMENT_KIND } from '../core/email/assignment';
import { refreshDashboardQuietly } from './dashboard';
import { sendMail } from './mail';
import { reconcileAll } from './reconcile';
import { finish, guard, startRun } from './run';

export function hourlyJob(): void {
  guard('Per jam', () => {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(60000)) return; // another run holds it; the next hour catches up
    const run = startRun('Per jam', { freshConfig: true });
    const outbox = Outbox.read(run.ss);
    const report = reconcileAll(run, outbox);
    const cancelled = outbox.cancelWaiting(ASSIGNMENT_KIND, report.finished, LOG.assignmentMoot);
    if (cancelled) run.journal.record('', ACTION.assignmentCancelled, TAB.outbox, '', HISTORY_VALUE.assignmentCancelled(cancelled));
    sendMail(run, outbox);
    refreshDashboardQuietly(run, report.complaints); // a dashboard failure goes to Log Galat, not fatal
    finish(run);
    lock.releaseLock();
  });
}
