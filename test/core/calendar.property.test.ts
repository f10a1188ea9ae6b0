/**
 * Properties of the working-day calendar (fast-check), and a cross-check of its day arithmetic
 * against luxon-business-days configured with the same holidays and Mon–Fri.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { createCalendar, ramadanHours, WorkCalendar } from '../../src/core/calendar';
import { SHIPPED_HOLIDAYS } from '../../src/core/holidays';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.parse('2024-12-01T00:00:00+07:00');
const TO = Date.parse('2027-01-31T00:00:00+07:00');

/** Instants over Dec 2024 – Jan 2027, biased towards the edges of working hours. */
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .record({
      day: fc.integer({ min: 0, max: Math.floor((TO - FROM) / DAY) }),
      time: fc.constantFrom(
        0,
        8 * HOUR - 1,
        8 * HOUR,
        8 * HOUR + 1,
        15 * HOUR,
        15.5 * HOUR,
        16 * HOUR - 1,
        16 * HOUR,
        16 * HOUR + 1,
        24 * HOUR - 1,
      ),
    })
    .map(({ day, time }) => FROM + day * DAY + time),
);
const days = fc.integer({ min: 0, max: 12 });

const calendars: [string, WorkCalendar][] = [
  ['default', createCalendar()],
  [
    'Ramadan 2025 and 2026',
    createCalendar({
      hourExceptions: [ramadanHours('2025-03-01', '2025-03-30'), ramadanHours('2026-02-18', '2026-03-20')],
    }),
  ],
  [
    'working Saturdays and a local holiday',
    createCalendar({
      workingDates: [{ date: '2025-06-14' }, { date: '2026-02-14', hours: { open: '09:00', close: '12:00' } }],
      extraHolidays: [{ date: '2025-11-10', name: 'Libur lokal', kind: 'Libur lokal' }],
    }),
  ],
];

const runs = { numRuns: 1000 };

describe.each(calendars)('properties of the %s calendar', (_name, cal) => {
  test('the due time is a working instant of a working day, never before t nor s(t)', () => {
    fc.assert(
      fc.property(instant, days, (t, n) => {
        const due = cal.addWorkingDays(new Date(t), n);
        expect(cal.isWorkingTime(due)).toBe(true);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(due.getTime()).toBeGreaterThanOrEqual(t);
        expect(due.getTime()).toBeGreaterThanOrEqual(cal.clockStart(new Date(t)).getTime());
      }),
      runs,
    );
  });

  test('n = 0 gives s(t); s is idempotent and every due time is its own clock start', () => {
    fc.assert(
      fc.property(instant, days, (t, n) => {
        const s = cal.clockStart(new Date(t));
        expect(cal.addWorkingDays(new Date(t), 0).getTime()).toBe(s.getTime());
        expect(cal.clockStart(s).getTime()).toBe(s.getTime());
        const due = cal.addWorkingDays(new Date(t), n);
        expect(cal.clockStart(due).getTime()).toBe(due.getTime());
      }),
      runs,
    );
  });

  test('the due time is non-decreasing in t', () => {
    fc.assert(
      fc.property(instant, instant, days, (a, b, n) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(new Date(t1), n).getTime()).toBeLessThanOrEqual(
          cal.addWorkingDays(new Date(t2), n).getTime(),
        );
      }),
      runs,
    );
  });

  test('the due time is non-decreasing in n (strictly increasing day by day)', () => {
    fc.assert(
      fc.property(instant, days, (t, n) => {
        const d1 = cal.addWorkingDays(new Date(t), n);
        const d2 = cal.addWorkingDays(new Date(t), n + 1);
        expect(d1.getTime()).toBeLessThanOrEqual(d2.getTime());
        expect(cal.dateKey(d1) < cal.dateKey(d2)).toBe(true);
      }),
      runs,
    );
  });

  test('working time is additive over a split point', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, m, b] = [x, y, z].sort((p, q) => p - q);
        expect(cal.workingMillisBetween(a, b)).toBe(cal.workingMillisBetween(a, m) + cal.workingMillisBetween(m, b));
        expect(cal.workingMinutesBetween(new Date(a), new Date(b))).toBeCloseTo(
          cal.workingMinutesBetween(new Date(a), new Date(m)) + cal.workingMinutesBetween(new Date(m), new Date(b)),
          9,
        );
        expect(cal.workingDaysBetween(new Date(a), new Date(b))).toBeCloseTo(
          cal.workingDaysBetween(new Date(a), new Date(m)) + cal.workingDaysBetween(new Date(m), new Date(b)),
          9,
        );
      }),
      runs,
    );
  });

  test('a step of n working days spans n − 1 whole working days plus two partial ones', () => {
    fc.assert(
      fc.property(instant, days, (t, n) => {
        const due = cal.addWorkingDays(new Date(t), n);
        const span = cal.workingDaysBetween(cal.clockStart(new Date(t)), due);
        // Exactly n when the start and due days have the same hours (see the 480 × n test).
        if (n === 0) expect(span).toBe(0);
        expect(span).toBeLessThanOrEqual(n + 1 + 1e-9);
        expect(span).toBeGreaterThanOrEqual(n - 1 - 1e-9);
      }),
      runs,
    );
  });

  test('workingDaysOverdue is the largest k with addWorkingDays(due, k) ≤ now', () => {
    fc.assert(
      fc.property(instant, instant, (dueMs, nowMs) => {
        const due = new Date(dueMs);
        const now = new Date(nowMs);
        const k = cal.workingDaysOverdue(due, now);
        expect(k).toBeGreaterThanOrEqual(0);
        if (nowMs <= dueMs) expect(k).toBe(0);
        if (k > 0) expect(cal.addWorkingDays(due, k).getTime()).toBeLessThanOrEqual(nowMs);
        if (nowMs > dueMs) expect(cal.addWorkingDays(due, k + 1).getTime()).toBeGreaterThan(nowMs);
      }),
      runs,
    );
  });
});

test('with default hours, a step of n working days is exactly n × 480 working minutes', () => {
  const cal = createCalendar();
  fc.assert(
    fc.property(instant, days, (t, n) => {
      expect(cal.workingMinutesBetween(new Date(t), cal.addWorkingDays(new Date(t), n))).toBe(480 * n);
    }),
    runs,
  );
});

test('results do not depend on the precomputed tables', () => {
  const config = { hourExceptions: [ramadanHours('2026-02-18', '2026-03-20')], workingDates: [{ date: '2025-06-14' }] };
  const tabled = createCalendar(config);
  const sparse = createCalendar({ ...config, precomputeYears: { from: 2026, to: 2026 } });
  fc.assert(
    fc.property(instant, instant, days, (a, b, n) => {
      const [ta, tb] = [new Date(a), new Date(b)];
      expect(sparse.addWorkingDays(ta, n).getTime()).toBe(tabled.addWorkingDays(ta, n).getTime());
      expect(sparse.clockStart(ta).getTime()).toBe(tabled.clockStart(ta).getTime());
      expect(sparse.workingMillisBetween(a, b)).toBe(tabled.workingMillisBetween(a, b));
      expect(sparse.workingDaysBetween(ta, tb)).toBeCloseTo(tabled.workingDaysBetween(ta, tb), 9);
      expect(sparse.workingDaysOverdue(ta, tb)).toBe(tabled.workingDaysOverdue(ta, tb));
      expect(sparse.nextWorkingDayStart(ta).getTime()).toBe(tabled.nextWorkingDayStart(ta).getTime());
    }),
    runs,
  );
});

describe('cross-check with luxon-business-days (same holidays, Mon–Fri)', () => {
  // luxon-business-days ships no types; it patches luxon's DateTime.prototype when loaded.
  type Biz = DateTime & {
    setupBusiness(options: { businessDays: number[]; holidayMatchers: ((d: Biz) => boolean)[] }): void;
    plusBusiness(options: { days: number }): Biz;
    isBusinessDay(): boolean;
    isHoliday(): boolean;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('luxon-business-days');
  const zone = 'Asia/Jakarta';
  const holidayDates = new Set(SHIPPED_HOLIDAYS.map((h) => h.date));
  const biz = (d: DateTime): Biz => d as Biz;

  beforeAll(() => {
    biz(DateTime.now()).setupBusiness({
      businessDays: [1, 2, 3, 4, 5],
      holidayMatchers: [(d) => holidayDates.has(d.toISODate() ?? '')],
    });
  });

  /** The date of the due time, by luxon-business-days: s(t)'s date, then n business days. */
  function lbdDueDate(t: Date, n: number): string {
    const local = DateTime.fromJSDate(t, { zone });
    const day = biz(local.startOf('day'));
    const working = day.isBusinessDay() && !day.isHoliday();
    const startDay = working && local.toMillis() - day.toMillis() <= 16 * HOUR ? day : day.plusBusiness({ days: 1 });
    return startDay.plusBusiness({ days: n }).toISODate() ?? '';
  }

  const cal = createCalendar();

  test('the date of the due time agrees on random inputs', () => {
    fc.assert(
      fc.property(instant, days, (t, n) => {
        expect(cal.dateKey(cal.addWorkingDays(new Date(t), n))).toBe(lbdDueDate(new Date(t), n));
      }),
      { numRuns: 1000 },
    );
  });

  test('it agrees on every day of 2025 and 2026 at 10:00 and 17:00 for n = 0, 1, 5', () => {
    const first = Date.parse('2025-01-01T10:00:00+07:00');
    const disagreements: string[] = [];
    for (let d = 0; d < 730; d++) {
      for (const extra of [0, 7 * HOUR]) {
        const t = new Date(first + d * DAY + extra);
        for (const n of [0, 1, 5]) {
          const ours = cal.dateKey(cal.addWorkingDays(t, n));
          const theirs = lbdDueDate(t, n);
          if (ours !== theirs)
            disagreements.push(`${t.toISOString()} + ${n}: ours ${ours}, luxon-business-days ${theirs}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
