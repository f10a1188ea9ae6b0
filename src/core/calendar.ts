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
import { DAY_MS, MINUTE_MS, Span, checkDate, dateKeyOfDay, dayNumberOf, isoWeekdayOfDay, spanOfHours, timeOfDayMs, zoneClock } from './calendar-days';
export { dateKeyOfDay, dayNumberOf } from './calendar-days';

/** More consecutive non-working days than this means the configuration has no working days. */
const MAX_NON_WORKING_RUN = 3700;

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
  1: OFFICE, 2: OFFICE, 3: OFFICE, 4: OFFICE, 5: OFFICE, 6: null, 7: null,
});

export const DEFAULT_PRECOMPUTE_YEARS = Object.freeze({ from: 2020, to: 2060 });

/** The Ramadan hours of DESIGN §6 (08:00–15:00 Mon–Thu, 08:00–15:30 Fri) for a date range. */
export function ramadanHours(from: string, to: string, name = 'Jam kerja Ramadan'): HourException {
  const monThu: DayHours = { open: '08:00', close: '15:00' };
  return { from, to, name, hours: { 1: monThu, 2: monThu, 3: monThu, 4: monThu, 5: { open: '08:00', close: '15:30' } } };
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
  const years = config.precomputeYears ?? DEFAULT_PRECOMPUTE_YEARS;
  if (!Number.isInteger(years.from) || !Number.isInteger(years.to) || years.to < years.from) {
    throw new Error(`calendar: invalid precomputeYears ${JSON.stringify(years)}`);
  }
  const zone = zoneClock(timeZone, years.from, years.to);

  // Regular hours per weekday (index 1..7).
  const weeklyInput: WeeklyHours = { ...DEFAULT_WEEKLY_HOURS, ...(config.weeklyHours ?? {}) };
  const weekly: (Span | null)[] = [null];
  for (let w = 1 as IsoWeekday; w <= 7; w++) {
    const h = weeklyInput[w];
    weekly.push(h ? spanOfHours(h, `weeklyHours[${w}]`) : null);
  }
  if (weekly.every((s) => s === null)) throw new Error('calendar: weeklyHours has no working weekday');

  const exceptions = (config.hourExceptions ?? []).map((e, i) => {
    const context = `hourExceptions[${i}]${e.name ? ` (${e.name})` : ''}`;
    const from = dayNumberOf(e.from, `${context}.from`);
    const to = dayNumberOf(e.to, `${context}.to`);
    if (to < from) throw new Error(`calendar: ${context} ends (${e.to}) before it starts (${e.from})`);
    const hours = new Map<IsoWeekday, Span | null>();
    for (const [w, h] of Object.entries(e.hours ?? {})) {
      const wd = Number(w);
      if (!Number.isInteger(wd) || wd < 1 || wd > 7) throw new Error(`calendar: ${context} has weekday ${w}; expected 1..7`);
      hours.set(wd as IsoWeekday, h ? spanOfHours(h, `${context}.hours[${w}]`) : null);
    }
    return { from, to, hours };
  });

  const listed: readonly HolidayEntry[] = [...(config.holidays ?? SHIPPED_HOLIDAYS), ...(config.extraHolidays ?? [])];
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
  (config.workingDates ?? []).forEach((w, i) => {
    const context = `workingDates #${i + 1}${w.name ? ` (${w.name})` : ''}`;
    workingDates.set(dayNumberOf(w.date, context), w.hours ? spanOfHours(w.hours, context) : null);
  });

  function weekdaySpan(day: number, weekday: IsoWeekday): Span | null {
    for (let k = exceptions.length - 1; k >= 0; k--) {
      const e = exceptions[k];
      if (day >= e.from && day <= e.to && e.hours.has(weekday)) return e.hours.get(weekday) ?? null;
    }
    return weekly[weekday];
  }

  /** The rules for one date, without tables. */
  function spanOfDay(day: number): Span | null {
    const weekday = isoWeekdayOfDay(day);
    if (workingDates.has(day)) {
      const own = workingDates.get(day);
      if (own) return own;
      const fallback = weekdaySpan(day, weekday) ?? weekdaySpan(day, 1);
      if (fallback) return fallback;
      for (let w = 1 as IsoWeekday; w <= 7; w++) if (weekly[w]) return weekly[w];
    }
    if (holidaysByDay.has(day)) return null;
    return weekdaySpan(day, weekday);
  }

  // Tables over [base, base + len).
  const base = Date.UTC(years.from, 0, 1) / DAY_MS;
  const len = Date.UTC(years.to + 1, 0, 1) / DAY_MS - base;
  const openT = new Int32Array(len);
  const closeT = new Int32Array(len);
  const cumWork = new Int32Array(len + 1); // working days among table days < i
  const cumMs = new Float64Array(len + 1); // working ms among table days < i
  const workList: number[] = []; // table indexes of working days
  for (let i = 0; i < len; i++) {
    const s = spanOfDay(base + i);
    if (s) {
      openT[i] = s.open;
      closeT[i] = s.close;
      workList.push(i);
    } else {
      openT[i] = -1;
      closeT[i] = -1;
    }
    cumWork[i + 1] = cumWork[i] + (s ? 1 : 0);
    cumMs[i + 1] = cumMs[i] + (s ? s.close - s.open : 0);
  }
  const workIdx = Int32Array.from(workList);
  const nWork = workIdx.length;

  /** Opening (ms after midnight) of a day, or -1 when it is not a working day. */
  function openOf(day: number): number {
    const i = day - base;
    if (i >= 0 && i < len) return openT[i];
    const s = spanOfDay(day);
    return s ? s.open : -1;
  }

  function closeOf(day: number): number {
    const i = day - base;
    if (i >= 0 && i < len) return closeT[i];
    const s = spanOfDay(day);
    return s ? s.close : -1;
  }

  /** The first working day strictly after `day`. */
  function nextWorkingDay(day: number): number {
    const i = day - base;
    if (i >= -1 && i < len) {
      const k = cumWork[i + 1];
      if (k < nWork) return base + workIdx[k];
    }
    for (let d = day + 1, run = 0; ; d++, run++) {
      if (run > MAX_NON_WORKING_RUN) throw new Error(`calendar: no working day within ${run} days after ${dateKeyOfDay(day)}`);
      if (openOf(d) >= 0) return d;
    }
  }

  /** The n-th (n ≥ 1) working day strictly after `day`; `day` itself when n = 0. */
  function nthWorkingDayAfter(day: number, n: number): number {
    if (n === 0) return day;
    const i = day - base;
    if (i >= 0 && i < len) {
      const k = cumWork[i + 1] + n - 1;
      if (k < nWork) return base + workIdx[k];
    }
    let d = day;
    for (let r = n; r > 0; r--) d = nextWorkingDay(d);
    return d;
  }

  /** Working days among [from, to). */
  function countWorkingDays(from: number, to: number): number {
    let count = 0;
    let d = from;
    for (; d < to && d < base; d++) if (openOf(d) >= 0) count++;
    const end = Math.min(to, base + len);
    if (d < end) {
      count += cumWork[end - base] - cumWork[d - base];
      d = end;
    }
    for (; d < to; d++) if (openOf(d) >= 0) count++;
    return count;
  }

  /** Working ms of the whole days [from, to). */
  function fullDaysMs(from: number, to: number): number {
    let sum = 0;
    let d = from;
    for (; d < to && d < base; d++) if (openOf(d) >= 0) sum += closeOf(d) - openOf(d);
    const end = Math.min(to, base + len);
    if (d < end) {
      sum += cumMs[end - base] - cumMs[d - base];
      d = end;
    }
    for (; d < to; d++) if (openOf(d) >= 0) sum += closeOf(d) - openOf(d);
    return sum;
  }

  /** Working ms of `day` within [x, y] (ms after midnight). */
  function overlapMs(day: number, x: number, y: number): number {
    const o = openOf(day);
    if (o < 0) return 0;
    const c = closeOf(day);
    const lo = x > o ? x : o;
    const hi = y < c ? y : c;
    return hi > lo ? hi - lo : 0;
  }

  function clockStartLocal(local: number): number {
    const day = Math.floor(local / DAY_MS);
    const m = local - day * DAY_MS;
    const o = openOf(day);
    if (o >= 0 && m <= closeOf(day)) return m < o ? day * DAY_MS + o : local;
    const next = nextWorkingDay(day);
    return next * DAY_MS + openOf(next);
  }

  function addWorkingDaysLocal(local: number, n: number): number {
    const start = clockStartLocal(local);
    if (n === 0) return start;
    const day = Math.floor(start / DAY_MS);
    const m = start - day * DAY_MS;
    const target = nthWorkingDayAfter(day, n);
    const o = openOf(target);
    const c = closeOf(target);
    return target * DAY_MS + (m > c ? c : m < o ? o : m);
  }

  function workingLocalMs(la: number, lb: number): number {
    if (!(lb > la)) return 0;
    const da = Math.floor(la / DAY_MS);
    const db = Math.floor(lb / DAY_MS);
    const ma = la - da * DAY_MS;
    const mb = lb - db * DAY_MS;
    if (da === db) return overlapMs(da, ma, mb);
    return overlapMs(da, ma, DAY_MS) + fullDaysMs(da + 1, db) + overlapMs(db, 0, mb);
  }

  function dayFraction(day: number, x: number, y: number): number {
    const o = openOf(day);
    return o < 0 ? 0 : overlapMs(day, x, y) / (closeOf(day) - o);
  }

  function checkDays(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`calendar.addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  }

  const dayOf = (d: Date, what: string): number => Math.floor(zone.toLocal(checkDate(d, what)) / DAY_MS);

  function addWorkingDaysMs(t: number, n: number): number {
    checkDays(n);
    if (Number.isNaN(t)) throw new RangeError('calendar.addWorkingDaysMs: t is NaN');
    return zone.fromLocal(addWorkingDaysLocal(zone.toLocal(t), n));
  }

  function workingMillisBetween(a: number, b: number): number {
    return b > a ? workingLocalMs(zone.toLocal(a), zone.toLocal(b)) : 0;
  }

  function workingDaysBetweenMs(ta: number, tb: number): number {
    if (!(tb > ta)) return 0;
    const la = zone.toLocal(ta);
    const lb = zone.toLocal(tb);
    const da = Math.floor(la / DAY_MS);
    const db = Math.floor(lb / DAY_MS);
    if (da === db) return dayFraction(da, la - da * DAY_MS, lb - db * DAY_MS);
    return dayFraction(da, la - da * DAY_MS, DAY_MS) + countWorkingDays(da + 1, db) + dayFraction(db, 0, lb - db * DAY_MS);
  }

  function workingDaysOverdueMs(tDue: number, tNow: number): number {
    if (!(tNow > tDue)) return 0;
    const start = clockStartLocal(zone.toLocal(tDue));
    const lNow = zone.toLocal(tNow);
    if (start > lNow) return 0;
    const dStart = Math.floor(start / DAY_MS);
    const m = start - dStart * DAY_MS;
    const dNow = Math.floor(lNow / DAY_MS);
    // k = working days in (dStart, dNow]; the k-th one is at most dNow, but on dNow itself the
    // due clock time may still lie ahead.
    let k = countWorkingDays(dStart + 1, dNow + 1);
    const o = openOf(dNow);
    if (k > 0 && o >= 0) {
      const c = closeOf(dNow);
      if (dNow * DAY_MS + (m > c ? c : m < o ? o : m) > lNow) k -= 1;
    }
    return k;
  }

  const calendar: WorkCalendar = {
    timeZone,
    isWorkingDay: (d) => openOf(dayOf(d, 'isWorkingDay')) >= 0,
    isWorkingTime(t) {
      const local = zone.toLocal(checkDate(t, 'isWorkingTime'));
      const day = Math.floor(local / DAY_MS);
      const m = local - day * DAY_MS;
      const o = openOf(day);
      return o >= 0 && m >= o && m <= closeOf(day);
    },
    clockStart: (t) => new Date(zone.fromLocal(clockStartLocal(zone.toLocal(checkDate(t, 'clockStart'))))),
    addWorkingDays(t, n) {
      checkDays(n);
      return new Date(zone.fromLocal(addWorkingDaysLocal(zone.toLocal(checkDate(t, 'addWorkingDays')), n)));
    },
    addWorkingDaysMs,
    workingMinutesBetween: (a, b) =>
      workingMillisBetween(checkDate(a, 'workingMinutesBetween'), checkDate(b, 'workingMinutesBetween')) / MINUTE_MS,
    workingMillisBetween,
    workingDaysBetween: (a, b) =>
      workingDaysBetweenMs(checkDate(a, 'workingDaysBetween'), checkDate(b, 'workingDaysBetween')),
    workingDaysBetweenMs,
    workingDaysOverdue: (due, now) =>
      workingDaysOverdueMs(checkDate(due, 'workingDaysOverdue'), checkDate(now, 'workingDaysOverdue')),
    workingDaysOverdueMs,
    nextWorkingDayStart(d) {
      const next = nextWorkingDay(dayOf(d, 'nextWorkingDayStart'));
      return new Date(zone.fromLocal(next * DAY_MS + openOf(next)));
    },
    workingHoursOn(d) {
      const day = dayOf(d, 'workingHoursOn');
      const o = openOf(day);
      if (o < 0) return null;
      return { open: new Date(zone.fromLocal(day * DAY_MS + o)), close: new Date(zone.fromLocal(day * DAY_MS + closeOf(day))) };
    },
    holidaysOn(d) {
      const day = dayOf(d, 'holidaysOn');
      return workingDates.has(day) ? [] : holidaysByDay.get(day) ?? [];
    },
    holidays(from, to) {
      const lo = from === undefined ? -Infinity : dayNumberOf(from, 'holidays(from)');
      const hi = to === undefined ? Infinity : dayNumberOf(to, 'holidays(to)');
      const days = [...holidaysByDay.keys()].filter((d) => d >= lo && d <= hi && !workingDates.has(d)).sort((x, y) => x - y);
      return days.flatMap((d) => holidaysByDay.get(d) ?? []);
    },
    dateKey: (d) => dateKeyOfDay(dayOf(d, 'dateKey')),
    at: (date, time = '00:00') =>
      new Date(zone.fromLocal(dayNumberOf(date, 'at(date)') * DAY_MS + timeOfDayMs(time, 'at(time)'))),
  };
  return Object.freeze(calendar);
}
