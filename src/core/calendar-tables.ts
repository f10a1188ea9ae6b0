/**
 * The engine under the working-day calendar (calendar.ts): the rules that decide one date's
 * working hours, and per-day tables over the precomputed years that answer "n-th working day
 * after", "working days/ms between" with array reads (see calendar.ts for the rules and why).
 * Times here are "local milliseconds" (epoch ms + the zone's offset) and day numbers.
 */
import type { HolidayEntry, IsoWeekday } from './calendar';
import { DAY_MS, Span, dateKeyOfDay, isoWeekdayOfDay } from './calendar-days';

/** More consecutive non-working days than this means the configuration has no working days. */
const MAX_NON_WORKING_RUN = 3700;

/** An hour exception with its dates as day numbers and its hours parsed. */
export interface DayException {
  readonly from: number;
  readonly to: number;
  readonly hours: ReadonlyMap<IsoWeekday, Span | null>;
}

/** Everything that decides one date's hours, parsed from the configuration. */
export interface DayRules {
  /** Regular hours per ISO weekday (index 1..7; index 0 unused). */
  readonly weekly: readonly (Span | null)[];
  /** Later exceptions win over earlier ones. */
  readonly exceptions: readonly DayException[];
  /** Dates made working days; null: the hours of their weekday (or Monday's). */
  readonly workingDates: ReadonlyMap<number, Span | null>;
  readonly holidaysByDay: ReadonlyMap<number, HolidayEntry[]>;
}

function weekdaySpan(rules: DayRules, day: number, weekday: IsoWeekday): Span | null {
  for (let k = rules.exceptions.length - 1; k >= 0; k--) {
    const e = rules.exceptions[k];
    if (day >= e.from && day <= e.to && e.hours.has(weekday)) return e.hours.get(weekday) ?? null;
  }
  return rules.weekly[weekday];
}

/** A working date's hours: its own, its weekday's, Monday's on that date, or any weekday's. */
function workingDateSpan(rules: DayRules, day: number, weekday: IsoWeekday): Span | null {
  const own = rules.workingDates.get(day);
  if (own) return own;
  const fallback = weekdaySpan(rules, day, weekday) ?? weekdaySpan(rules, day, 1);
  if (fallback) return fallback;
  for (let w = 1 as IsoWeekday; w <= 7; w++) if (rules.weekly[w]) return rules.weekly[w];
  return null;
}

/** The rules for one date, without tables. */
export function spanOfDay(rules: DayRules, day: number): Span | null {
  const weekday = isoWeekdayOfDay(day);
  if (rules.workingDates.has(day)) {
    const span = workingDateSpan(rules, day, weekday);
    if (span) return span;
  }
  if (rules.holidaysByDay.has(day)) return null;
  return weekdaySpan(rules, day, weekday);
}

/** Each day's opening/closing and running counts of working days and ms over [base, base + len). */
interface DayTables {
  readonly base: number;
  readonly len: number;
  readonly openT: Int32Array;
  readonly closeT: Int32Array;
  /** Working days among table days < i. */
  readonly cumWork: Int32Array;
  /** Working ms among table days < i. */
  readonly cumMs: Float64Array;
  /** Table indexes of the working days. */
  readonly workIdx: Int32Array;
}

function buildTables(rules: DayRules, years: { from: number; to: number }): DayTables {
  const base = Date.UTC(years.from, 0, 1) / DAY_MS;
  const len = Date.UTC(years.to + 1, 0, 1) / DAY_MS - base;
  const openT = new Int32Array(len);
  const closeT = new Int32Array(len);
  const cumWork = new Int32Array(len + 1);
  const cumMs = new Float64Array(len + 1);
  const workList: number[] = [];
  for (let i = 0; i < len; i++) {
    const s = spanOfDay(rules, base + i);
    openT[i] = s ? s.open : -1;
    closeT[i] = s ? s.close : -1;
    if (s) workList.push(i);
    cumWork[i + 1] = cumWork[i] + (s ? 1 : 0);
    cumMs[i + 1] = cumMs[i] + (s ? s.close - s.open : 0);
  }
  return { base, len, openT, closeT, cumWork, cumMs, workIdx: Int32Array.from(workList) };
}

/** A due clock time `m` (ms after midnight) on a working day, clamped to its [opening, closing]. */
const clamp = (m: number, open: number, close: number): number => (m > close ? close : m < open ? open : m);

/**
 * Working-day arithmetic on day numbers and local milliseconds: from the tables inside the
 * precomputed years, by the same rules day by day outside them.
 */
export class WorkingDays {
  private readonly base: number;
  private readonly len: number;
  private readonly openT: Int32Array;
  private readonly closeT: Int32Array;
  private readonly cumWork: Int32Array;
  private readonly cumMs: Float64Array;
  private readonly workIdx: Int32Array;
  private readonly nWork: number;

  constructor(
    private readonly rules: DayRules,
    years: { from: number; to: number },
  ) {
    const t = buildTables(rules, years);
    this.base = t.base;
    this.len = t.len;
    this.openT = t.openT;
    this.closeT = t.closeT;
    this.cumWork = t.cumWork;
    this.cumMs = t.cumMs;
    this.workIdx = t.workIdx;
    this.nWork = t.workIdx.length;
  }

  /** Opening (ms after midnight) of a day, or -1 when it is not a working day. */
  openOf(day: number): number {
    const i = day - this.base;
    if (i >= 0 && i < this.len) return this.openT[i];
    const s = spanOfDay(this.rules, day);
    return s ? s.open : -1;
  }

  closeOf(day: number): number {
    const i = day - this.base;
    if (i >= 0 && i < this.len) return this.closeT[i];
    const s = spanOfDay(this.rules, day);
    return s ? s.close : -1;
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: number): number {
    const i = day - this.base;
    if (i >= -1 && i < this.len) {
      const k = this.cumWork[i + 1];
      if (k < this.nWork) return this.base + this.workIdx[k];
    }
    for (let d = day + 1, run = 0; ; d++, run++) {
      if (run > MAX_NON_WORKING_RUN)
        throw new Error(`calendar: no working day within ${run} days after ${dateKeyOfDay(day)}`);
      if (this.openOf(d) >= 0) return d;
    }
  }

  /** The n-th (n ≥ 1) working day strictly after `day`; `day` itself when n = 0. */
  nthWorkingDayAfter(day: number, n: number): number {
    if (n === 0) return day;
    const i = day - this.base;
    if (i >= 0 && i < this.len) {
      const k = this.cumWork[i + 1] + n - 1;
      if (k < this.nWork) return this.base + this.workIdx[k];
    }
    let d = day;
    for (let r = n; r > 0; r--) d = this.nextWorkingDay(d);
    return d;
  }

  /** Working days among [from, to). */
  countWorkingDays(from: number, to: number): number {
    let count = 0;
    let d = from;
    for (; d < to && d < this.base; d++) if (this.openOf(d) >= 0) count++;
    const end = Math.min(to, this.base + this.len);
    if (d < end) {
      count += this.cumWork[end - this.base] - this.cumWork[d - this.base];
      d = end;
    }
    for (; d < to; d++) if (this.openOf(d) >= 0) count++;
    return count;
  }

  /** Working ms of the whole days [from, to). */
  fullDaysMs(from: number, to: number): number {
    let sum = 0;
    let d = from;
    for (; d < to && d < this.base; d++) if (this.openOf(d) >= 0) sum += this.closeOf(d) - this.openOf(d);
    const end = Math.min(to, this.base + this.len);
    if (d < end) {
      sum += this.cumMs[end - this.base] - this.cumMs[d - this.base];
      d = end;
    }
    for (; d < to; d++) if (this.openOf(d) >= 0) sum += this.closeOf(d) - this.openOf(d);
    return sum;
  }

  /** Working ms of `day` within [x, y] (ms after midnight). */
  overlapMs(day: number, x: number, y: number): number {
    const o = this.openOf(day);
    if (o < 0) return 0;
    const c = this.closeOf(day);
    const lo = x > o ? x : o;
    const hi = y < c ? y : c;
    return hi > lo ? hi - lo : 0;
  }

  /** The share of `day`'s working hours within [x, y]. */
  dayFraction(day: number, x: number, y: number): number {
    const o = this.openOf(day);
    return o < 0 ? 0 : this.overlapMs(day, x, y) / (this.closeOf(day) - o);
  }

  /** Whether `local` lies inside [opening, closing] of a working day. */
  isWorkingLocal(local: number): boolean {
    const day = Math.floor(local / DAY_MS);
    const m = local - day * DAY_MS;
    const o = this.openOf(day);
    return o >= 0 && m >= o && m <= this.closeOf(day);
  }

  /** s(t) of DESIGN §6 on local ms. */
  clockStartLocal(local: number): number {
    const day = Math.floor(local / DAY_MS);
    const m = local - day * DAY_MS;
    const o = this.openOf(day);
    if (o >= 0 && m <= this.closeOf(day)) return m < o ? day * DAY_MS + o : local;
    const next = this.nextWorkingDay(day);
    return next * DAY_MS + this.openOf(next);
  }

  /** The due time of a step of `n` working days from `local` (n checked by the caller). */
  addWorkingDaysLocal(local: number, n: number): number {
    const start = this.clockStartLocal(local);
    if (n === 0) return start;
    const day = Math.floor(start / DAY_MS);
    const target = this.nthWorkingDayAfter(day, n);
    return target * DAY_MS + clamp(start - day * DAY_MS, this.openOf(target), this.closeOf(target));
  }

  /** Working ms of [la, lb]. */
  workingLocalMs(la: number, lb: number): number {
    if (!(lb > la)) return 0;
    const da = Math.floor(la / DAY_MS);
    const db = Math.floor(lb / DAY_MS);
    const ma = la - da * DAY_MS;
    const mb = lb - db * DAY_MS;
    if (da === db) return this.overlapMs(da, ma, mb);
    return this.overlapMs(da, ma, DAY_MS) + this.fullDaysMs(da + 1, db) + this.overlapMs(db, 0, mb);
  }

  /** Working days of [la, lb], each counted by its share of its working hours (la < lb). */
  workingDaysLocal(la: number, lb: number): number {
    const da = Math.floor(la / DAY_MS);
    const db = Math.floor(lb / DAY_MS);
    if (da === db) return this.dayFraction(da, la - da * DAY_MS, lb - db * DAY_MS);
    return (
      this.dayFraction(da, la - da * DAY_MS, DAY_MS) +
      this.countWorkingDays(da + 1, db) +
      this.dayFraction(db, 0, lb - db * DAY_MS)
    );
  }

  /** The largest k ≥ 0 with addWorkingDays(due, k) ≤ now, on local ms (lDue < lNow). */
  workingDaysOverdueLocal(lDue: number, lNow: number): number {
    const start = this.clockStartLocal(lDue);
    if (start > lNow) return 0;
    const dStart = Math.floor(start / DAY_MS);
    const m = start - dStart * DAY_MS;
    const dNow = Math.floor(lNow / DAY_MS);
    // k = working days in (dStart, dNow]; the k-th one is at most dNow, but on dNow itself the
    // due clock time may still lie ahead.
    let k = this.countWorkingDays(dStart + 1, dNow + 1);
    const o = this.openOf(dNow);
    if (k > 0 && o >= 0 && dNow * DAY_MS + clamp(m, o, this.closeOf(dNow)) > lNow) k -= 1;
    return k;
  }
}
