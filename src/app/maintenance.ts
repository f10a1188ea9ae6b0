/**
 * The hourly maintenance run: refresh the cached config, reconcile (missed responses and
 * officer input, unit tabs, derived columns), then send what waits in the outbox.
 */
import { refreshConfig } from '../gas/config-store';
import { Outbox } from '../gas/outbox';
import { calendarOf } from '../core/calendar-config';
import { TAB } from '../core/labels';
import { ACTION, HISTORY_VALUE } from '../core/labels/journal';
import { refreshDashboardQuietly } from './dashboard';
import { reconcileAll } from './reconcile';
import { finish, guard, startRun } from './run';

export function hourlyJob(): void {
  guard('Per jam', () => {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(60000)) return; // another run holds it; the next hour catches up
    const run = startRun('Per jam');
    run.config = refreshConfig(run.ss, run.state);
    run.calendar = calendarOf(run.config);
    const report = reconcileAll(run);
    const outbox = Outbox.read(run.ss);
    const cancelled = outbox.cancelWaiting('Penugasan', report.finished, 'Dibatalkan: pengaduan sudah dijawab/ditutup sebelum email terkirim.');
    if (cancelled) run.journal.record('', ACTION.assignmentCancelled, TAB.outbox, '', HISTORY_VALUE.assignmentCancelled(cancelled));
    outbox.send(run.now, run.journal);
    refreshDashboardQuietly(run); // a dashboard failure goes to Log Galat, not fatal
    finish(run);
    lock.releaseLock();
  });
}
