/**
 * Daily digests, escalation and leadership summaries (DESIGN §8, issue 5). The daily trigger
 * and the two menu items read the register once and the outbox once, ask the core what to send
 * (src/core/reports), queue it with idempotency keys and send what the quota allows; what is
 * left waits in `Antrean Email` for the next run (hourly or daily).
 */
import { ESCALATION_KIND } from '../core/email/escalation';
import { MENU, TAB } from '../core/labels';
import { DailyPlan, ReportLinks, manualSummary, planDaily } from '../core/reports/daily';
import { longDate } from '../core/reports/format';
import { ReminderDay, scheduledReminderDay, todayReminderDay } from '../core/reports/period';
import { formatDateTime } from '../core/values';
import { RegisterTable } from '../gas/complaint-tables';
import { Outbox } from '../gas/outbox';
import { readRatings } from '../gas/tracking';
import { showAlert } from '../gas/ui';
import { sendMail } from './mail';
import { operatorOnly } from './menu';
import { Run, finish, guard, startRun, tabUrl } from './run';
import { channelDigest } from './channel-inbox'; // issue 15

/** The hourly run may hold the lock for a while at the same hour; wait for it. */
const LOCK_WAIT_MS = 5 * 60_000;

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

function describe(o: Outcome): string {
  const p = o.plan;
  return `${p.day.date}: diantrekan ${o.queued} (eskalasi ${p.escalations}, pengingat unit ${p.unitDigests}, pengingat admin ${p.adminDigest}, ringkasan ${p.summaries}); terkirim ${o.sent}; menunggu ${o.waiting}`;
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
  if (queued || sent) run.journal.record('', action, '', '', describe(outcome));
  return outcome;
}

function withLock<T>(wait: number, body: () => T): T | undefined {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(wait)) return undefined;
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}

const BUSY = 'Proses lain sedang berjalan (mis. pemeliharaan per jam). Coba lagi beberapa menit lagi.';

/** The daily trigger (default 08:00 WIB): digests, escalations, and summaries when due. */
export function dailyJob(): void {
  guard('Pengingat harian', () => {
    const done = withLock(LOCK_WAIT_MS, () => {
      const run = startRun('Pengingat harian');
      const day = scheduledReminderDay(run.calendar, run.now, run.config.reminderHour);
      if (!day.working) return true; // not a working day: nothing to remind of, nothing written
      remind(run, day, 'Pengingat harian');
      finish(run);
      return true;
    });
    // Throwing makes Google notify the owner; the next run (hourly or tomorrow) still sends
    // whatever the keys show was not sent.
    if (!done) throw new Error('Pengingat harian: kunci skrip tidak didapat dalam 5 menit; pengingat hari ini belum dikirim.');
  });
}

/** Menu "Kirim pengingat sekarang": today's digests and escalations now (same keys as the trigger). */
export function menuRemindNow(): void {
  if (!operatorOnly(MENU.remindNow)) return;
  guard('Menu', () => {
    const message = withLock(30_000, () => {
      const run = startRun(MENU.remindNow, { user: Session.getActiveUser().getEmail() });
      const day = todayReminderDay(run.calendar, run.now, run.config.reminderHour);
      if (!day.working) return `${longDate(day.date)} bukan hari kerja; pengingat tidak dikirim.`;
      const o = remind(run, day, MENU.remindNow);
      finish(run);
      const p = o.plan;
      const head = o.queued
        ? `Diantrekan ${o.queued} email: ${p.escalations} eskalasi, ${p.unitDigests} pengingat unit, ${p.adminDigest} pengingat admin, ${p.summaries} ringkasan.`
        : 'Tidak ada pengingat baru: pengingat hari ini sudah diantrekan sebelumnya atau tidak ada yang perlu diingatkan.';
      return `${head}\nTerkirim sekarang: ${o.sent}. Menunggu kuota email: ${o.waiting} (dikirim pada proses berikutnya).`;
    });
    showAlert(MENU.remindNow, message ?? BUSY);
  });
}

/** Menu "Kirim ringkasan": the weekly summary of the last complete week, to leadership, now. */
export function menuSendSummary(): void {
  if (!operatorOnly(MENU.sendSummary)) return;
  guard('Menu', () => {
    const message = withLock(30_000, () => {
      const run = startRun(MENU.sendSummary, { user: Session.getActiveUser().getEmail() });
      if (!run.config.leaders.length) return 'Email pimpinan belum diisi (Pengaturan › email_pimpinan); ringkasan tidak dikirim.';
      const register = RegisterTable.read(run.ss);
      const outbox = Outbox.read(run.ss);
      const email = manualSummary(register.complaints, run.config, run.calendar, run.now, links(run), formatDateTime(run.now), readRatings(run.ss));
      const queued = outbox.enqueue(email, run.now);
      const { sent, waiting } = sendMail(run, outbox);
      if (queued) run.journal.record('', MENU.sendSummary, '', '', `${email.subject}; terkirim ${sent}; menunggu ${waiting}`);
      finish(run);
      if (!queued) return 'Ringkasan ini baru saja diantrekan; tidak dikirim dua kali.';
      return `${email.subject}\nPenerima: ${email.to.join(', ')}.\nTerkirim sekarang: ${sent}. Menunggu kuota email: ${waiting} (dikirim pada proses berikutnya).`;
    });
    showAlert(MENU.sendSummary, message ?? BUSY);
  });
}
