/**
 * Daily digests, escalation and leadership summaries (DESIGN §8, issue 5). The daily trigger
 * and the two menu items read the register once and the outbox once, ask the core what to send
 * (src/core/reports), queue it with idempotency keys and send what the quota allows; what is
 * left waits in `Antrean Email` for the next run (hourly or daily).
 */
import { ESCALATION_KIND } from '../core/email/escalation';
import { MENU, TAB } from '../core/labels';
import { RUN_NAME } from '../core/labels/runs';
import { DailyPlan, ReportLinks, manualSummary, planDaily } from '../core/reports/daily';
import { longDate } from '../core/reports/format';
import { ReminderDay, scheduledReminderDay, todayReminderDay } from '../core/reports/period';
import { formatDateTime } from '../core/values';
import { RegisterTable } from '../gas/complaint-tables';
import { Outbox } from '../gas/outbox';
import { readRatings } from '../gas/tracking';
import { REMINDER_TEXT, ReminderCounts } from '../core/labels/reminders';
import { LOCK_WAIT_MS, LockPurpose, tryScriptLock } from '../gas/lock';
import { activeUserEmail } from '../gas/session';
import { showAlert } from '../gas/ui';
import { operatorOnly } from './access';
import { sendMail } from './mail';
import { Run, finish, guard, startRun, tabUrl } from './run';
import { channelDigest } from './channel-inbox'; // issue 15

function links(run: Run): ReportLinks {
  return {
    spreadsheet: run.layout.spreadsheetUrl,
    register: tabUrl(run, TAB.register),
    tab: (name) => tabUrl(run, name),
  };
}

interface Outcome {
  plan: DailyPlan;
  queued: number;
  sent: number;
  waiting: number;
}

function countsOf(o: Outcome): ReminderCounts {
  const p = o.plan;
  return {
    date: p.day.date,
    escalations: p.escalations,
    unitDigests: p.unitDigests,
    adminDigest: p.adminDigest,
    summaries: p.summaries,
    queued: o.queued,
    sent: o.sent,
    waiting: o.waiting,
  };
}

/** Queues the day's messages and sends what the quota allows (register and outbox read once). */
function remind(run: Run, day: ReminderDay, action: string): Outcome {
  const register = RegisterTable.read(run.ss);
  const outbox = Outbox.read(run.ss);
  const plan = planDaily({
    complaints: register.complaints,
    config: run.config,
    calendar: run.calendar,
    day,
    links: links(run),
    alreadyQueued: (key) => outbox.has(key),
    escalationsQueuedToday: outbox.countQueuedSince(ESCALATION_KIND, run.calendar.at(day.date)),
    mail: outbox.health(run.now),
    ratings: readRatings(run.ss),
    channelInbox: channelDigest(run, day.asOf), // issue 15
  });
  let queued = 0;
  for (const m of plan.emails) if (outbox.enqueue(m, run.now)) queued++;
  const { sent, waiting } = sendMail(run, outbox);
  const outcome = { plan, queued, sent, waiting };
  if (queued || sent) run.journal.record('', action, '', '', REMINDER_TEXT.history(countsOf(outcome)));
  return outcome;
}

function withLock<T>(purpose: LockPurpose, body: () => T): T | undefined {
  const lock = tryScriptLock(purpose);
  if (!lock) return undefined;
  try {
    return body();
  } finally {
    lock.release();
  }
}

/** The daily trigger (default 08:00 WIB): digests, escalations, and summaries when due. */
export function dailyJob(): void {
  guard(REMINDER_TEXT.dailyAction, () => {
    const done = withLock('daily', () => {
      const run = startRun(REMINDER_TEXT.dailyAction);
      const day = scheduledReminderDay(run.calendar, run.now, run.config.reminderHour);
      if (!day.working) return true; // not a working day: nothing to remind of, nothing written
      remind(run, day, REMINDER_TEXT.dailyAction);
      finish(run);
      return true;
    });
    // Throwing makes Google notify the owner; the next run (hourly or tomorrow) still sends
    // whatever the keys show was not sent.
    if (!done) throw new Error(REMINDER_TEXT.dailyLockTimeout(LOCK_WAIT_MS.daily / 60_000));
  });
}

/** Menu "Kirim pengingat sekarang": today's digests and escalations now (same keys as the trigger). */
export function menuRemindNow(): void {
  if (!operatorOnly(MENU.remindNow)) return;
  guard(RUN_NAME.menu, () => {
    const message = withLock('menu', () => {
      const run = startRun(MENU.remindNow, { user: activeUserEmail() });
      const day = todayReminderDay(run.calendar, run.now, run.config.reminderHour);
      if (!day.working) return REMINDER_TEXT.notWorkingDay(longDate(day.date));
      const o = remind(run, day, MENU.remindNow);
      finish(run);
      return o.queued ? REMINDER_TEXT.remindQueued(countsOf(o)) : REMINDER_TEXT.remindNothingNew(o.sent, o.waiting);
    });
    showAlert(MENU.remindNow, message ?? REMINDER_TEXT.busy);
  });
}

/** Menu "Kirim ringkasan": the weekly summary of the last complete week, to leadership, now. */
export function menuSendSummary(): void {
  if (!operatorOnly(MENU.sendSummary)) return;
  guard(RUN_NAME.menu, () => {
    const message = withLock('menu', () => {
      const run = startRun(MENU.sendSummary, { user: activeUserEmail() });
      if (!run.config.leaders.length) return REMINDER_TEXT.noLeaders;
      const register = RegisterTable.read(run.ss);
      const outbox = Outbox.read(run.ss);
      const email = manualSummary(
        register.complaints,
        run.config,
        run.calendar,
        run.now,
        links(run),
        formatDateTime(run.now),
        readRatings(run.ss),
      );
      const queued = outbox.enqueue(email, run.now);
      const { sent, waiting } = sendMail(run, outbox);
      if (queued)
        run.journal.record('', MENU.sendSummary, '', '', REMINDER_TEXT.summaryHistory(email.subject, sent, waiting));
      finish(run);
      if (!queued) return REMINDER_TEXT.summaryAlreadyQueued;
      return REMINDER_TEXT.summarySent(email.subject, email.to, sent, waiting);
    });
    showAlert(MENU.sendSummary, message ?? REMINDER_TEXT.busy);
  });
}
