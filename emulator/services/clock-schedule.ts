/**
 * When a time-driven trigger fires, per the ClockTriggerBuilder documentation
 * (https://developers.google.com/apps-script/reference/script/clock-trigger-builder):
 * - atHour(h) with everyDays(n) or onWeekDay: some time within hour h, in the trigger's zone
 *   (inTimezone, else the script's). "If nearMinute() is not called, a random minute value is
 *   used"; with nearMinute(m) the run is at m "plus or minus 15 minutes".
 * - everyMinutes(n) (n = 1, 5, 10, 15 or 30) and everyHours(n): every n minutes/hours.
 * - onWeekDay(d) [+ everyWeeks(n)]: on that weekday every n weeks; onMonthDay(d): monthly.
 * - atDate(y, m, d): once, "near midnight (+/- 15 minutes)"; at(date): once at that time;
 *   after(ms): once, at least ms after creation.
 *
 * Google picks the minute at random; the emulator draws it once per trigger from the seeded
 * generator (`jitter` in [0, 1)), so a trigger keeps the same minute every day and a scenario
 * replays identically.
 */
import { DateTime } from 'luxon';
import { resolveZone } from './time-zone';

export type ClockKind = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'once';

export interface ClockSpec {
  kind: ClockKind;
  every: number;
  hour: number | null;
  nearMinute: number | null;
  /** Luxon weekday 1 (Monday) .. 7 (Sunday). */
  weekDay: number | null;
  monthDay: number | null;
  timeZone: string;
  /** One-off triggers: the instant (at/after) or the local date (atDate, 'YYYY-MM-DD'). */
  onceAt: number | null;
  onceDate: string | null;
  createdAt: number;
  jitter: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Seconds after local midnight at which a daily/weekly/monthly trigger fires. */
export function secondOfDay(spec: ClockSpec): number {
  const hour = spec.hour ?? Math.floor(spec.jitter * 24);
  if (spec.nearMinute !== null) {
    const offset = Math.round((spec.jitter * 2 - 1) * 15 * 60); // ±15 minutes
    return Math.max(0, Math.min(hour * 3600 + spec.nearMinute * 60 + offset, 86399));
  }
  const within = spec.hour === null ? (spec.jitter * 24 * 3600) % 3600 : spec.jitter * 3600;
  return hour * 3600 + Math.floor(within);
}

/** The first scheduled instant strictly after `after`, or null when the trigger will not fire again. */
export function nextFiring(spec: ClockSpec, after: number): number | null {
  const zone = resolveZone(spec.timeZone);
  switch (spec.kind) {
    case 'once': {
      if (spec.onceAt !== null) return spec.onceAt > after ? spec.onceAt : null;
      const midnight = DateTime.fromISO(spec.onceDate ?? '', { zone }).startOf('day');
      const t = midnight.toMillis() + Math.round((spec.jitter * 2 - 1) * 15 * MINUTE);
      return t > after ? t : null;
    }
    case 'minutes':
    case 'hours': {
      const period = spec.every * (spec.kind === 'minutes' ? MINUTE : HOUR);
      const phase =
        spec.kind === 'hours' && spec.nearMinute !== null
          ? localPhase(spec, zone, period)
          : Math.floor((spec.jitter * period) / 1000) * 1000;
      const k = Math.floor((after - phase) / period) + 1;
      return phase + k * period;
    }
    case 'days':
    case 'weeks':
    case 'months':
      return nextCalendarFiring(spec, after, zone);
  }
}

function localPhase(spec: ClockSpec, zone: ReturnType<typeof resolveZone>, period: number): number {
  const base = DateTime.fromMillis(spec.createdAt, { zone }).startOf('day');
  const minute = (spec.nearMinute ?? 0) * MINUTE + Math.round((spec.jitter * 2 - 1) * 15 * MINUTE);
  return (((base.toMillis() + minute) % period) + period) % period;
}

function nextCalendarFiring(spec: ClockSpec, after: number, zone: ReturnType<typeof resolveZone>): number {
  const seconds = secondOfDay(spec);
  const created = DateTime.fromMillis(spec.createdAt, { zone }).startOf('day');
  const at = (day: DateTime<boolean>) => day.startOf('day').plus({ seconds }).toMillis();
  // The first occurrence on or after the creation date, then every period from there.
  let first: DateTime<boolean> = created;
  if (spec.kind === 'weeks' && spec.weekDay !== null) {
    first = created.plus({ days: (spec.weekDay - created.weekday + 7) % 7 });
  } else if (spec.kind === 'months' && spec.monthDay !== null) {
    first = created.set({ day: Math.min(spec.monthDay, created.daysInMonth ?? 28) });
    if (first < created) first = created.plus({ months: 1 }).set({ day: spec.monthDay });
  }
  const step = (day: DateTime<boolean>, k: number): DateTime<boolean> =>
    spec.kind === 'days'
      ? day.plus({ days: k * spec.every })
      : spec.kind === 'weeks'
        ? day.plus({ weeks: k * spec.every })
        : day.plus({ months: k * spec.every });
  if (at(first) <= spec.createdAt) first = step(first, 1);
  const periodDays = spec.kind === 'days' ? spec.every : spec.kind === 'weeks' ? 7 * spec.every : 31 * spec.every;
  let k = Math.max(0, Math.floor((after - at(first)) / (periodDays * 24 * HOUR)) - 1);
  while (at(step(first, k)) <= after) k++;
  return at(step(first, k));
}
