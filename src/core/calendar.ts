/**
 * Working-day calendar (hari kerja) of DESIGN §6: a value built from config and queried; it
 * never reads a sheet. Pure TypeScript: no Apps Script globals, no Node APIs, and no use of the
 * host's local time zone (only UTC getters and the configured zone).
 *
 * Rules (DESIGN §6):
 * - A working day is a weekday with working hours (default Mon–Fri 08:00–16:00) that is not a
 *   listed holiday, or a date explicitly marked as a working day (e.g. a Saturday by decree),
 *   which wins over a holiday on the same date.
 * - Working hours are the closed interval [opening, closing]: an instant exactly at closing is
 *   still inside working hours (the due rule treats closing as a valid clock time, so every due
 *   time is its own clock start).
 * - s(t) ("clock start", `clockStart`): t when inside working hours of a working day; the
 *   opening when before opening on a working day; otherwise the next working day's opening.
 * - Due time (`addWorkingDays`): s(t) moved to the n-th working day after the date of s(t),
 *   same clock time, clamped to that day's [opening, closing]; n = 0 gives s(t).
 * - Durations are the overlap with working hours (`workingMinutesBetween`). In a zone with DST
 *   (only when configured; WIB has none) hours are read on the wall clock.
 *
 * How it is fast: instants are mapped to "local milliseconds" (epoch ms + zone offset; for a
 * zone without DST such as Asia/Jakarta that is one addition), a calendar date is an integer day
 * number (days since 1970-01-01), and per-day tables over `precomputeYears` hold each day's
 * opening/closing, the running count of working days and of working milliseconds. Adding n
 * working days is then two array reads. Dates outside the tables take the same rules day by day.
 */
import { SHIPPED_HOLIDAYS } from './holidays';
import { HOLIDAY_KIND } from './labels/holidays';

export type { Holiday, HolidayKind } from './holidays';
import {
  DAY_MS,
  MINUTE_MS,
  Span,
  ZoneClock,
  checkDate,
  dateKeyOfDay,
  dayNumberOf,
  spanOfHours,
  timeOfDayMs,
  zoneClock,
} from './calendar-days';
import { DayException, DayRules, WorkingDays } from './calendar-tables';
export { dateKeyOfDay, dayNumberOf } from './calendar-days';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Opening and closing wall-clock times 'HH:mm' (closing may be '24:00'); opening < closing. */
export interface DayHours {
  readonly open: string;
  readonly close: string;
}

/** Hours per ISO weekday; `null` = not a working weekday. */
export type WeeklyHours = { readonly [W in IsoWeekday]?: DayHours | null };

/**
 * Hours that apply on the dates `from`..`to` (inclusive, 'yyyy-MM-dd') for the weekdays listed
 * in `hours`; other weekdays keep their regular hours. When exceptions overlap, the later one
 * in the list wins.
 */
export interface HourException {
  readonly from: string;
  readonly to: string;
  readonly name?: string;
  readonly hours: WeeklyHours;
}

/**
 * A date that is a working day although its weekday is not (or although it is listed as a
 * holiday). Without `hours` it uses the hours of its own weekday when that weekday has hours,
 * else Monday's hours on that date (so Ramadan exceptions apply to it as well).
 */
export interface WorkingDate {
  readonly date: string;
  readonly name?: string;
  readonly hours?: DayHours;
}

export interface CalendarConfig {
  /** IANA zone; default Asia/Jakarta (WIB, UTC+7, no DST). */
  timeZone: string;
  /** Merged over the default (Mon–Fri 08:00–16:00, Sat/Sun not working) weekday by weekday. */
  weeklyHours: WeeklyHours;
  /**
   * Replaces the shipped 2025–2026 holidays (e.g. the rows of the operator's `Hari Libur` tab).
   * An entry of kind 'Hari kerja' marks a working date instead (see `workingDates`).
   */
  holidays: readonly HolidayEntry[];
  /** Added to `holidays` (or to the shipped ones when `holidays` is not given). */
  extraHolidays: readonly HolidayEntry[];
  /** Dates made working days (e.g. a Saturday by decree); they win over holidays. */
  workingDates: readonly WorkingDate[];
  /** Date-ranged hours, e.g. `ramadanHours('2026-02-19', '2026-03-19')`. */
  hourExceptions: readonly HourException[];
  /** Years covered by the precomputed tables (performance only; results do not depend on it). */
  precomputeYears: { readonly from: number; readonly to: number };
}

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

const OFFICE: DayHours = { open: '08:00', close: '16:00' };

/** DESIGN §6 default: Monday–Friday 08:00–16:00. */
export const DEFAULT_WEEKLY_HOURS: Readonly<Record<IsoWeekday, DayHours | null>> = Object.freeze({
  1: OFFICE,
  2: OFFICE,
  3: OFFICE,
  4: OFFICE,
  5: OFFICE,
  6: null,
  7: null,
});

export const DEFAULT_PRECOMPUTE_YEARS = Object.freeze({ from: 2020, to: 2060 });

/** The Ramadan hours of DESIGN §6 (08:00–15:00 Mon–Thu, 08:00–15:30 Fri) for a date range. */
export function ramadanHours(from: string, to: string, name = 'Jam kerja Ramadan'): HourException {
  const monThu: DayHours = { open: '08:00', close: '15:00' };
  return {
    from,
    to,
    name,
    hours: { 1: monThu, 2: monThu, 3: monThu, 4: monThu, 5: { open: '08:00', close: '15:30' } },
  };
}

export interface WorkCalendar {
  readonly timeZone: string;
  /** True when the calendar date of `d` (in the calendar's zone) is a working day. */
  isWorkingDay(d: Date): boolean;
  /** True when `t` is inside [opening, closing] of a working day. */
  isWorkingTime(t: Date): boolean;
  /** s(t) of DESIGN §6. */
  clockStart(t: Date): Date;
  /** The due time of a step of `n` working days (integer ≥ 0) started at `t` (DESIGN §6). */
  addWorkingDays(t: Date, n: number): Date;
  /** Same as `addWorkingDays` on epoch milliseconds (no Date allocation; for hot loops). */
  addWorkingDaysMs(t: number, n: number): number;
  /** Overlap of [a, b] with working hours, in minutes (fractional below a minute); 0 if b ≤ a. */
  workingMinutesBetween(a: Date, b: Date): number;
  /** Same in milliseconds (exact integer for integer inputs). */
  workingMillisBetween(a: number, b: number): number;
  /**
   * Working days in [a, b]: each working day counts its overlap with [a, b] divided by that
   * day's working hours (a full shorter Ramadan day is 1 day). 0 if b ≤ a.
   */
  workingDaysBetween(a: Date, b: Date): number;
  /** Same on epoch milliseconds. */
  workingDaysBetweenMs(a: number, b: number): number;
  /** The largest k ≥ 0 with addWorkingDays(due, k) ≤ now; 0 if now ≤ due (escalation, §8). */
  workingDaysOverdue(due: Date, now: Date): number;
  /** Same on epoch milliseconds. */
  workingDaysOverdueMs(due: number, now: number): number;
  /** Opening of the first working day strictly after the calendar date of `d`. */
  nextWorkingDayStart(d: Date): Date;
  /** Opening and closing instants on the calendar date of `d`, or null when not a working day. */
  workingHoursOn(d: Date): { open: Date; close: Date } | null;
  /** The holidays that make the calendar date of `d` non-working (empty when none). */
  holidaysOn(d: Date): readonly HolidayEntry[];
  /**
   * The listed holidays with `from` ≤ date ≤ `to` ('yyyy-MM-dd', both optional), sorted by
   * date, leaving out dates that a working date overrides.
   */
  holidays(from?: string, to?: string): readonly HolidayEntry[];
  /** The calendar date of `d` in the calendar's zone, 'yyyy-MM-dd'. */
  dateKey(d: Date): string;
  /** The instant at wall-clock `time` ('HH:mm', default '00:00') on `date` in the calendar's zone. */
  at(date: string, time?: string): Date;
}

/**
 * A row of the `Hari Libur` tab as the calendar reads it: a `Holiday`, or an operator row whose
 * kind is free text. Kind 'Hari kerja' (any case) marks the date as a working day.
 */
export interface HolidayEntry {
  readonly date: string;
  readonly name?: string;
  readonly kind?: string;
  readonly source?: string;
}

/** The `Hari Libur` kind that marks a date as a working day (DESIGN §6 working Saturday). */
export const WORKING_DAY_KIND = HOLIDAY_KIND.working;

function isWorkingDayKind(kind: string | undefined): boolean {
  return typeof kind === 'string' && kind.trim().toLowerCase() === WORKING_DAY_KIND.toLowerCase();
}

// ---------------------------------------------------------------------------------------------

/** Builds a calendar; no argument gives the DESIGN §6 defaults with the shipped holidays. */
export function createCalendar(config: Partial<CalendarConfig> = {}): WorkCalendar {
  const timeZone = config.timeZone ?? DEFAULT_TIME_ZONE;
  const years = checkedYears(config.precomputeYears ?? DEFAULT_PRECOMPUTE_YEARS);
  const zone = zoneClock(timeZone, years.from, years.to);
  const rules = dayRulesOf(config);
  const days = new WorkingDays(rules, years);
  const calendar: WorkCalendar = { timeZone, ...dayQueries(days, rules, zone), ...durationQueries(days, zone) };
  return Object.freeze(calendar);
}

function checkedYears(years: { readonly from: number; readonly to: number }): {
  readonly from: number;
  readonly to: number;
} {
  if (!Number.isInteger(years.from) || !Number.isInteger(years.to) || years.to < years.from) {
    throw new Error(`calendar: invalid precomputeYears ${JSON.stringify(years)}`);
  }
  return years;
}

/** The configuration parsed into day rules (in this order, so the first error is reported). */
function dayRulesOf(config: Partial<CalendarConfig>): DayRules {
  const weekly = weeklySpans(config.weeklyHours ?? {});
  const exceptions = (config.hourExceptions ?? []).map(parseException);
  const listed: readonly HolidayEntry[] = [...(config.holidays ?? SHIPPED_HOLIDAYS), ...(config.extraHolidays ?? [])];
  return { weekly, exceptions, ...indexHolidays(listed, config.workingDates ?? []) };
}

/** Regular hours per weekday (index 1..7), merged over the default weekday by weekday. */
function weeklySpans(overrides: WeeklyHours): (Span | null)[] {
  const input: WeeklyHours = { ...DEFAULT_WEEKLY_HOURS, ...overrides };
  const weekly: (Span | null)[] = [null];
  for (let w = 1 as IsoWeekday; w <= 7; w++) {
    const h = input[w];
    weekly.push(h ? spanOfHours(h, `weeklyHours[${w}]`) : null);
  }
  if (weekly.every((s) => s === null)) throw new Error('calendar: weeklyHours has no working weekday');
  return weekly;
}

function parseException(e: HourException, i: number): DayException {
  const context = `hourExceptions[${i}]${e.name ? ` (${e.name})` : ''}`;
  const from = dayNumberOf(e.from, `${context}.from`);
  const to = dayNumberOf(e.to, `${context}.to`);
  if (to < from) throw new Error(`calendar: ${context} ends (${e.to}) before it starts (${e.from})`);
  const hours = new Map<IsoWeekday, Span | null>();
  for (const [w, h] of Object.entries(e.hours ?? {})) {
    const wd = Number(w);
    if (!Number.isInteger(wd) || wd < 1 || wd > 7)
      throw new Error(`calendar: ${context} has weekday ${w}; expected 1..7`);
    hours.set(wd as IsoWeekday, h ? spanOfHours(h, `${context}.hours[${w}]`) : null);
  }
  return { from, to, hours };
}

/**
 * Holidays by day number, and the working dates: `Hari Libur` rows of kind 'Hari kerja' (their
 * weekday's hours) and the configured working dates (their own hours, winning over a row).
 */
function indexHolidays(
  listed: readonly HolidayEntry[],
  dates: readonly WorkingDate[],
): Pick<DayRules, 'holidaysByDay' | 'workingDates'> {
  const holidaysByDay = new Map<number, HolidayEntry[]>();
  const workingDates = new Map<number, Span | null>();
  listed.forEach((h, i) => {
    const day = dayNumberOf(h.date, `holiday #${i + 1}${h.name ? ` (${h.name})` : ''}`);
    if (isWorkingDayKind(h.kind)) {
      if (!workingDates.has(day)) workingDates.set(day, null);
      return;
    }
    const list = holidaysByDay.get(day);
    if (list) list.push(h);
    else holidaysByDay.set(day, [h]);
  });
  dates.forEach((w, i) => {
    const context = `workingDates #${i + 1}${w.name ? ` (${w.name})` : ''}`;
    workingDates.set(dayNumberOf(w.date, context), w.hours ? spanOfHours(w.hours, context) : null);
  });
  return { holidaysByDay, workingDates };
}

function checkDays(n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`calendar.addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
}

type DayQueries = Pick<
  WorkCalendar,
  | 'isWorkingDay'
  | 'isWorkingTime'
  | 'clockStart'
  | 'addWorkingDays'
  | 'addWorkingDaysMs'
  | 'nextWorkingDayStart'
  | 'workingHoursOn'
  | 'holidaysOn'
  | 'holidays'
  | 'dateKey'
  | 'at'
>;

/** The queries about dates and instants: working or not, clock start, due times, hours, holidays. */
function dayQueries(days: WorkingDays, rules: DayRules, zone: ZoneClock): DayQueries {
  const dayOf = (d: Date, what: string): number => Math.floor(zone.toLocal(checkDate(d, what)) / DAY_MS);
  const instant = (local: number): Date => new Date(zone.fromLocal(local));
  return {
    isWorkingDay: (d) => days.openOf(dayOf(d, 'isWorkingDay')) >= 0,
    isWorkingTime: (t) => days.isWorkingLocal(zone.toLocal(checkDate(t, 'isWorkingTime'))),
    clockStart: (t) => instant(days.clockStartLocal(zone.toLocal(checkDate(t, 'clockStart')))),
    addWorkingDays(t, n) {
      checkDays(n);
      return instant(days.addWorkingDaysLocal(zone.toLocal(checkDate(t, 'addWorkingDays')), n));
    },
    addWorkingDaysMs(t, n) {
      checkDays(n);
      if (Number.isNaN(t)) throw new RangeError('calendar.addWorkingDaysMs: t is NaN');
      return zone.fromLocal(days.addWorkingDaysLocal(zone.toLocal(t), n));
    },
    nextWorkingDayStart(d) {
      const next = days.nextWorkingDay(dayOf(d, 'nextWorkingDayStart'));
      return instant(next * DAY_MS + days.openOf(next));
    },
    workingHoursOn(d) {
      const day = dayOf(d, 'workingHoursOn');
      const o = days.openOf(day);
      if (o < 0) return null;
      return { open: instant(day * DAY_MS + o), close: instant(day * DAY_MS + days.closeOf(day)) };
    },
    holidaysOn(d) {
      const day = dayOf(d, 'holidaysOn');
      return rules.workingDates.has(day) ? [] : (rules.holidaysByDay.get(day) ?? []);
    },
    holidays(from, to) {
      const lo = from === undefined ? -Infinity : dayNumberOf(from, 'holidays(from)');
      const hi = to === undefined ? Infinity : dayNumberOf(to, 'holidays(to)');
      const list = [...rules.holidaysByDay.keys()]
        .filter((d) => d >= lo && d <= hi && !rules.workingDates.has(d))
        .sort((x, y) => x - y);
      return list.flatMap((d) => rules.holidaysByDay.get(d) ?? []);
    },
    dateKey: (d) => dateKeyOfDay(dayOf(d, 'dateKey')),
    at: (date, time = '00:00') => instant(dayNumberOf(date, 'at(date)') * DAY_MS + timeOfDayMs(time, 'at(time)')),
  };
}

type DurationQueries = Pick<
  WorkCalendar,
  | 'workingMinutesBetween'
  | 'workingMillisBetween'
  | 'workingDaysBetween'
  | 'workingDaysBetweenMs'
  | 'workingDaysOverdue'
  | 'workingDaysOverdueMs'
>;

/** The queries about intervals: working time, working days, working days overdue. */
function durationQueries(days: WorkingDays, zone: ZoneClock): DurationQueries {
  const workingMillisBetween = (a: number, b: number): number =>
    b > a ? days.workingLocalMs(zone.toLocal(a), zone.toLocal(b)) : 0;
  const workingDaysBetweenMs = (a: number, b: number): number =>
    b > a ? days.workingDaysLocal(zone.toLocal(a), zone.toLocal(b)) : 0;
  const workingDaysOverdueMs = (due: number, now: number): number =>
    now > due ? days.workingDaysOverdueLocal(zone.toLocal(due), zone.toLocal(now)) : 0;
  return {
    workingMinutesBetween: (a, b) =>
      workingMillisBetween(checkDate(a, 'workingMinutesBetween'), checkDate(b, 'workingMinutesBetween')) / MINUTE_MS,
    workingMillisBetween,
    workingDaysBetween: (a, b) =>
      workingDaysBetweenMs(checkDate(a, 'workingDaysBetween'), checkDate(b, 'workingDaysBetween')),
    workingDaysBetweenMs,
    workingDaysOverdue: (due, now) =>
      workingDaysOverdueMs(checkDate(due, 'workingDaysOverdue'), checkDate(now, 'workingDaysOverdue')),
    workingDaysOverdueMs,
  };
}
