/**
 * What the daily job sends on a day (DESIGN §8, issue 5), decided from the register, the config,
 * the calendar and the keys already in the outbox; pure, so a run twice, late or after a failure
 * decides the same and the keys keep anything from going out twice.
 *
 * - Nothing on a day that is not a working day (a holiday week sends nothing).
 * - The admin digest also goes out when only the outbox needs the operator (messages whose
 *   outcome is unknown, a backlog the day's quota cannot drain), with the figures.
 * - Figures are taken at the day's reminder instant (`ReminderDay.asOf`), never at the run time.
 * - Queue order: unit digests, the admin digest, escalations, then summaries. The digests are
 *   few (one per unit) and list every overdue complaint anyway; escalations can be many after
 *   an outage, and must not hold the day's digests behind them when the mail quota runs short.
 * - At most ESCALATIONS_PER_DAY escalations are queued a day (counting those an earlier run of
 *   the same day queued), most overdue first; the others
 *   follow on the next working days (their keys are still missing). After an outage or an
 *   import this keeps the queue within what the mail quota can send in a day, so tomorrow's
 *   digests are not stuck behind a backlog; the digests list every overdue complaint anyway.
 * - A missed day is not made up: only today's digests are built, and they list everything due
 *   or overdue now. Summaries are about a closed period, so one whose key is not in the outbox
 *   yet (the first working day's run failed) is sent on the next working day of that week/month;
 *   and when a whole week had no working day (Lebaran leave), the summary of the week before it
 *   goes out with the next one.
 */
import type { WorkCalendar } from '../calendar';
import type { Complaint } from '../complaint';
import type { AppConfig } from '../config';
import { adminDigestEmail, adminDigestKey, unitDigestEmail, unitDigestKey } from '../email/digest';
import { escalationEmail } from '../email/escalation';
import type { OutgoingEmail } from '../email/message';
import { MailHealth, hasMailProblems } from '../email/queue';
import { summaryEmail, summaryKey } from '../email/summary';
import { dueEscalations } from './escalation';
import {
  Period,
  ReminderDay,
  firstWorkingDate,
  lastCompleteMonth,
  lastCompleteWeek,
  previousPeriod,
  previousWorkingDate,
} from './period';
import { Summary, periodFigures } from './summary';
import type { Rating } from '../tracking/rating';
import { satisfactionOf } from '../tracking/satisfaction';
import { ChannelDigest, adminWorklist, isAdminWorklistEmpty, openItems, unitWorklists } from './worklist';

export const ESCALATIONS_PER_DAY = 50;

export interface ReportLinks {
  spreadsheet: string;
  register: string;
  /** Link to a tab by its name. */
  tab(name: string): string;
}

export interface DailyContext {
  complaints: readonly Complaint[];
  config: AppConfig;
  calendar: WorkCalendar;
  day: ReminderDay;
  links: ReportLinks;
  /** Whether a key is already in the outbox (queued, sent or failed). */
  alreadyQueued(key: string): boolean;
  /** Escalations already queued on this day by an earlier run (default 0). */
  escalationsQueuedToday?: number;
  /** The outbox's state (unknown outcomes, backlog): told to the admins in their digest. */
  mail?: MailHealth;
  /** The citizens' latest ratings (`Penilaian`), for the summaries' satisfaction figures. */
  ratings?: readonly Rating[];
  /** What waits in `Kotak Masuk` and which channel tokens are refused (DESIGN §14). */
  channelInbox?: ChannelDigest;
}

export interface DailyPlan {
  day: ReminderDay;
  emails: OutgoingEmail[];
  escalations: number;
  unitDigests: number;
  adminDigest: number;
  summaries: number;
}

function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

export function summaryOf(
  complaints: readonly Complaint[],
  calendar: WorkCalendar,
  period: Period,
  config: Pick<AppConfig, 'stepDays' | 'units'>,
  ratings?: readonly Rating[],
): Summary {
  const options = { stepDays: config.stepDays, unitOrder: config.units.map((u) => u.name) };
  const previous = previousPeriod(calendar, period);
  return {
    current: periodFigures(complaints, calendar, period, options),
    previous: periodFigures(complaints, calendar, previous, options),
    satisfaction: ratings
      ? {
          current: satisfactionOf(ratings, complaints, period),
          previous: satisfactionOf(ratings, complaints, previous),
        }
      : undefined,
  };
}

/** The weeks and month whose summaries are due on `date`, oldest first (before their keys are checked). */
export function dueSummaryPeriods(calendar: WorkCalendar, date: string): Period[] {
  const week = lastCompleteWeek(calendar, date);
  const weeks = [week];
  // A week without a working day could not send the summary of the week before it.
  for (let w = week; weeks.length < 5 && firstWorkingDate(calendar, w.firstDate, nextDate(w.lastDate)) === null;) {
    w = previousPeriod(calendar, w);
    weeks.unshift(w);
  }
  return [...weeks, lastCompleteMonth(calendar, date)];
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function planDaily(ctx: DailyContext): DailyPlan {
  const { config, calendar, day, links } = ctx;
  const plan: DailyPlan = { day, emails: [], escalations: 0, unitDigests: 0, adminDigest: 0, summaries: 0 };
  if (!day.working) return plan;

  const items = openItems(ctx.complaints, calendar, config.stepDays, day.asOf);

  const previous = previousWorkingDate(calendar, day.date);
  const since = previous ? calendar.at(previous, hourText(config.reminderHour)) : null;
  for (const w of unitWorklists(items, config.units, day, since, calendar)) {
    if (!w.unit.pics.length || ctx.alreadyQueued(unitDigestKey(w.unit.name, day.date))) continue;
    plan.emails.push(unitDigestEmail(w, day, links.tab(w.unit.tab)));
    plan.unitDigests++;
  }

  const admin = { ...adminWorklist(items, config.units), channelInbox: ctx.channelInbox };
  if (
    config.admins.length &&
    (!isAdminWorklistEmpty(admin) || hasMailProblems(ctx.mail)) &&
    !ctx.alreadyQueued(adminDigestKey(day.date))
  ) {
    plan.emails.push(adminDigestEmail(admin, day, config.admins, links.register, ctx.mail));
    plan.adminDigest++;
  }

  const allowance = Math.max(0, ESCALATIONS_PER_DAY - (ctx.escalationsQueuedToday ?? 0));
  for (const e of dueEscalations(items, config, (k) => ctx.alreadyQueued(k)).slice(0, allowance)) {
    const unitTab = e.unit ? links.tab(e.unit.tab) : '';
    plan.emails.push(escalationEmail(e, day.asOf, { unitTab, registerTab: links.register }));
    plan.escalations++;
  }

  if (config.leaders.length) {
    for (const period of dueSummaryPeriods(calendar, day.date)) {
      if (ctx.alreadyQueued(summaryKey(period))) continue;
      const summary = summaryOf(ctx.complaints, calendar, period, config, ctx.ratings);
      if (summary.current.recordedBefore === 0) continue; // the register was not in use yet
      plan.emails.push(
        summaryEmail(summary, config.leaders, { spreadsheet: links.spreadsheet, register: links.register }),
      );
      plan.summaries++;
    }
  }
  return plan;
}

/** The weekly summary of the last complete week, sent on demand (its own key, per minute). */
export function manualSummary(
  complaints: readonly Complaint[],
  config: AppConfig,
  calendar: WorkCalendar,
  now: Date,
  links: ReportLinks,
  manualAt: string,
  ratings?: readonly Rating[],
): OutgoingEmail {
  const period = lastCompleteWeek(calendar, calendar.dateKey(now));
  return summaryEmail(
    summaryOf(complaints, calendar, period, config, ratings),
    config.leaders,
    { spreadsheet: links.spreadsheet, register: links.register },
    manualAt,
  );
}
