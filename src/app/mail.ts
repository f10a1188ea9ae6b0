/**
 * Sending the outbox, shared by the runs that send mail (hourly, daily, menu items): what the
 * outbox could not do is told to the operator. Plumbing like run.ts, not a use case.
 */
import { OUTBOX_TEXT } from '../core/labels';
import { formatDateTime } from '../core/values';
import { tryScriptLock } from '../gas/lock';
import { Outbox, SendReport } from '../gas/outbox';
import { Run } from './run';

/** Script property: the date (yyyy-MM-dd) the backlog warning was last written to `Log Galat`. */
const BACKLOG_WARNED = 'mail.backlogWarned';

/**
 * Sends what the outbox plans now. When the waiting messages cannot all go out within today's
 * quota, `Log Galat` gets one warning a day with the figures (the admin digest repeats them).
 */
export function sendMail(run: Run, outbox: Outbox, outsideLock = false): SendReport {
  // Outside the lock (hourly run), each batch's marks are committed under a short lock.
  const exclusive = outsideLock
    ? <T>(commit: () => T): T | null => {
        const lock = tryScriptLock('mailCommit');
        if (!lock) return null;
        try {
          return commit();
        } finally {
          lock.release();
        }
      }
    : undefined;
  const report = outbox.send(run.now, run.journal, exclusive);
  const b = report.backlog;
  const today = run.calendar.dateKey(run.now);
  if (b && run.state.get(BACKLOG_WARNED) !== today) {
    run.journal.error(
      OUTBOX_TEXT.backlog(b.waiting, b.recipients, b.quota, b.oldest ? formatDateTime(b.oldest) : '-'),
      OUTBOX_TEXT.backlogDetail,
      '',
      'PERINGATAN',
    );
    run.state.set(BACKLOG_WARNED, today);
  }
  return report;
}
