/**
 * The days and periods the reminders and summaries are about (DESIGN §6, §8), all in the
 * calendar's zone (WIB). Which day a daily run is about, and the instant its figures are taken
 * at, follow from the run time and the configured reminder hour only: a run 15 minutes early or
 * late, or twice, is about the same day and the same instant.
 */
import { MONTHS_ID } from '../labels/dashboard';
import { DateTime } from 'luxon';
import type { WorkCalendar } from '../calendar';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Apps Script fires an hourly-slot trigger up to 15 minutes off; this leaves room for more. */
const EARLY_TOLERANCE_MS = 60 * MINUTE_MS;

/** A half-open interval [from, to) of instants with its idempotency key and a label for people. */
export interface Period {
  readonly kind: 'week' | 'month';
  /** 'yyyy-Www' (ISO week) or 'yyyy-MM'. */
  readonly key: string;
  /** "9–15 Maret 2026" / "Maret 2026". */
  readonly label: string;
  readonly from: Date;
  readonly to: Date;
  /** First and last calendar date, 'yyyy-MM-dd'. */
  readonly firstDate: string;
  readonly lastDate: string;
}

/** The day a daily run is about. */
export interface ReminderDay {
  /** 'yyyy-MM-dd' in the calendar's zone. */
  readonly date: string;
  readonly working: boolean;
  /** The nominal reminder instant of that day: every figure of the digests is taken at it. */
  readonly asOf: Date;
}

function local(cal: WorkCalendar, d: Date): DateTime {
  return DateTime.fromMillis(d.getTime(), { zone: cal.timeZone });
}

function dateOf(cal: WorkCalendar, key: string): DateTime {
  return DateTime.fromISO(key, { zone: cal.timeZone });
}

function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

function reminderDayOf(cal: WorkCalendar, date: string, reminderHour: number): ReminderDay {
  const asOf = cal.at(date, hourText(reminderHour));
  return { date, working: cal.isWorkingDay(cal.at(date, '12:00')), asOf };
}

/**
 * The day a scheduled daily run at `runAt` is about: the date whose reminder instant is the
 * latest one not more than an hour after `runAt` (a trigger set for 00:00 may fire at 23:50 the
 * evening before).
 */
export function scheduledReminderDay(cal: WorkCalendar, runAt: Date, reminderHour: number): ReminderDay {
  const shifted = new Date(runAt.getTime() + EARLY_TOLERANCE_MS - reminderHour * HOUR_MS);
  return reminderDayOf(cal, cal.dateKey(shifted), reminderHour);
}

/** The day of an on-demand run (menu): today's date; its reminder instant may still be ahead. */
export function todayReminderDay(cal: WorkCalendar, runAt: Date, reminderHour: number): ReminderDay {
  return reminderDayOf(cal, cal.dateKey(runAt), reminderHour);
}

/** The working day before `date` ('yyyy-MM-dd'), or null when none within a year. */
export function previousWorkingDate(cal: WorkCalendar, date: string): string | null {
  let d = dateOf(cal, date);
  for (let i = 0; i < 366; i++) {
    d = d.minus({ days: 1 });
    const key = d.toISODate()!;
    if (cal.isWorkingDay(cal.at(key, '12:00'))) return key;
  }
  return null;
}

/** The first working day on or after `from` and before `to` ('yyyy-MM-dd'), or null. */
export function firstWorkingDate(cal: WorkCalendar, from: string, to: string): string | null {
  for (let d = dateOf(cal, from); d.toISODate()! < to; d = d.plus({ days: 1 })) {
    const key = d.toISODate()!;
    if (cal.isWorkingDay(cal.at(key, '12:00'))) return key;
  }
  return null;
}

const MONTHS = MONTHS_ID;

function dayLabel(d: DateTime, withYear: boolean): string {
  return `${d.day} ${MONTHS[d.month - 1]}${withYear ? ` ${d.year}` : ''}`;
}

function weekPeriod(monday: DateTime): Period {
  const next = monday.plus({ weeks: 1 });
  const sunday = next.minus({ days: 1 });
  const label =
    monday.month === sunday.month
      ? `${monday.day}–${sunday.day} ${MONTHS[sunday.month - 1]} ${sunday.year}`
      : `${dayLabel(monday, monday.year !== sunday.year)} – ${dayLabel(sunday, true)}`;
  return {
    kind: 'week',
    key: monday.toFormat("kkkk-'W'WW"),
    label,
    from: new Date(monday.toMillis()),
    to: new Date(next.toMillis()),
    firstDate: monday.toISODate()!,
    lastDate: sunday.toISODate()!,
  };
}

function monthPeriod(first: DateTime): Period {
  const next = first.plus({ months: 1 });
  return {
    kind: 'month',
    key: first.toFormat('yyyy-MM'),
    label: `${MONTHS[first.month - 1]} ${first.year}`,
    from: new Date(first.toMillis()),
    to: new Date(next.toMillis()),
    firstDate: first.toISODate()!,
    lastDate: next.minus({ days: 1 }).toISODate()!,
  };
}

/** The ISO week (Monday–Sunday) containing `date`. */
export function weekContaining(cal: WorkCalendar, date: string): Period {
  return weekPeriod(dateOf(cal, date).startOf('week'));
}

/** The calendar month containing `date`. */
export function monthContaining(cal: WorkCalendar, date: string): Period {
  return monthPeriod(dateOf(cal, date).startOf('month'));
}

/** The period just before `p`, of the same kind. */
export function previousPeriod(cal: WorkCalendar, p: Period): Period {
  const start = local(cal, p.from);
  return p.kind === 'week' ? weekPeriod(start.minus({ weeks: 1 })) : monthPeriod(start.minus({ months: 1 }));
}

/** The last complete week before the week containing `date` (what a weekly summary covers). */
export function lastCompleteWeek(cal: WorkCalendar, date: string): Period {
  return previousPeriod(cal, weekContaining(cal, date));
}

/** The last complete month before the month containing `date`. */
export function lastCompleteMonth(cal: WorkCalendar, date: string): Period {
  return previousPeriod(cal, monthContaining(cal, date));
}

/** Whether `date` is the first working day of its ISO week / its month. */
export function isFirstWorkingDayOfWeek(cal: WorkCalendar, date: string): boolean {
  const w = weekContaining(cal, date);
  return firstWorkingDate(cal, w.firstDate, date) === null && cal.isWorkingDay(cal.at(date, '12:00'));
}

export function isFirstWorkingDayOfMonth(cal: WorkCalendar, date: string): boolean {
  const m = monthContaining(cal, date);
  return firstWorkingDate(cal, m.firstDate, date) === null && cal.isWorkingDay(cal.at(date, '12:00'));
}
