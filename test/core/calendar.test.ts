/**
 * Table-driven cases for the working-day calendar. Every expected value was computed by hand
 * from DESIGN §6 and the shipped SKB 2025/2026 dates (weekdays checked against a system
 * calendar), not by running the code. Times are WIB (+07:00).
 */
import { createCalendar, ramadanHours, WorkCalendar } from '../../src/core/calendar';

/** An instant shown as WIB wall-clock time, e.g. 2025-06-16T14:00:00+07:00 (ms only when non-zero). */
function wib(d: Date): string {
  const s = new Date(d.getTime() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
  return s.replace('.000+07:00', '+07:00');
}
const at = (iso: string): Date => new Date(iso);

const standard = createCalendar();
const ramadan2026 = createCalendar({ hourExceptions: [ramadanHours('2026-02-18', '2026-03-20')] });

type DueCase = [what: string, start: string, n: number, due: string];

function dueTable(cal: WorkCalendar, cases: DueCase[]): void {
  test.each(cases)('%s: %s + %i → %s', (_what, start, n, due) => {
    expect(wib(cal.addWorkingDays(at(start), n))).toBe(due);
  });
}

describe('addWorkingDays, DESIGN §6 examples and weekends', () => {
  dueTable(standard, [
    ['Fri 14:00 + 1 → Mon 14:00', '2025-06-13T14:00:00+07:00', 1, '2025-06-16T14:00:00+07:00'],
    ['Sat 10:00 + 1 → Tue 08:00', '2025-06-14T10:00:00+07:00', 1, '2025-06-17T08:00:00+07:00'],
    ['Sunday night', '2025-06-15T23:00:00+07:00', 1, '2025-06-17T08:00:00+07:00'],
    ['Thu 15:59 + 1, Fri Good Friday → Mon 15:59', '2026-04-02T15:59:00+07:00', 1, '2026-04-06T15:59:00+07:00'],
    ['Thu 15:59 + 1, Fri Idul Adha, Mon cuti bersama', '2025-06-05T15:59:00+07:00', 1, '2025-06-10T15:59:00+07:00'],
    ['Fri after closing', '2025-06-13T17:00:00+07:00', 1, '2025-06-17T08:00:00+07:00'],
    ['keeps seconds and milliseconds', '2025-06-03T10:15:30.500+07:00', 1, '2025-06-04T10:15:30.500+07:00'],
  ]);
});

describe('addWorkingDays around opening and closing', () => {
  dueTable(standard, [
    ['before opening', '2025-06-02T07:30:00+07:00', 1, '2025-06-03T08:00:00+07:00'],
    ['just after midnight', '2025-06-02T00:00:00+07:00', 1, '2025-06-03T08:00:00+07:00'],
    ['exactly at opening', '2025-06-02T08:00:00+07:00', 1, '2025-06-03T08:00:00+07:00'],
    ['exactly at closing (inside working hours)', '2025-06-02T16:00:00+07:00', 1, '2025-06-03T16:00:00+07:00'],
    ['one second after closing', '2025-06-02T16:00:01+07:00', 1, '2025-06-04T08:00:00+07:00'],
    ['after closing', '2025-06-02T19:45:00+07:00', 1, '2025-06-04T08:00:00+07:00'],
  ]);
});

describe('addWorkingDays with consecutive holidays', () => {
  dueTable(standard, [
    // Imlek/Isra Mikraj 2025: Mon 27 Jan libur, Tue 28 cuti, Wed 29 libur.
    ['Fri before Isra Mikraj and Imlek 2025', '2025-01-24T15:00:00+07:00', 1, '2025-01-30T15:00:00+07:00'],
    ['received on Isra Mikraj 2025', '2025-01-27T10:00:00+07:00', 1, '2025-01-31T08:00:00+07:00'],
    // Lebaran 2025: Fri 28 Mar – Mon 7 Apr not working.
    ['Lebaran 2025, Thu 15:59 + 1', '2025-03-27T15:59:00+07:00', 1, '2025-04-08T15:59:00+07:00'],
    ['Lebaran 2025, Thu + 2', '2025-03-27T10:00:00+07:00', 2, '2025-04-09T10:00:00+07:00'],
    ['Lebaran 2025, received on a cuti bersama', '2025-04-02T09:00:00+07:00', 1, '2025-04-09T08:00:00+07:00'],
    ['Lebaran 2025, Wed + 5', '2025-03-26T10:00:00+07:00', 5, '2025-04-11T10:00:00+07:00'],
    // Lebaran 2026: Wed 18 – Tue 24 Mar not working (Nyepi, Idul Fitri, cuti bersama).
    ['Lebaran 2026, Tue + 1', '2026-03-17T11:00:00+07:00', 1, '2026-03-25T11:00:00+07:00'],
    ['Lebaran 2026, Fri + 3', '2026-03-13T09:00:00+07:00', 3, '2026-03-25T09:00:00+07:00'],
    ['Lebaran 2026, received on Nyepi, n = 0', '2026-03-19T12:00:00+07:00', 0, '2026-03-25T08:00:00+07:00'],
    ['Lebaran 2026, Mon + 5', '2026-03-16T14:00:00+07:00', 5, '2026-03-30T14:00:00+07:00'],
    // Imlek 2026: Mon 16 Feb cuti, Tue 17 Feb libur.
    ['Imlek 2026, Fri + 1', '2026-02-13T10:00:00+07:00', 1, '2026-02-18T10:00:00+07:00'],
    ['Imlek 2026, Thu + 2', '2026-02-12T15:00:00+07:00', 2, '2026-02-18T15:00:00+07:00'],
    ['Imlek 2026, received on the cuti bersama', '2026-02-16T09:00:00+07:00', 1, '2026-02-19T08:00:00+07:00'],
    // 18 Aug 2025 cuti bersama (later SKB).
    ['18 Aug 2025 cuti bersama, Fri + 1', '2025-08-15T10:00:00+07:00', 1, '2025-08-19T10:00:00+07:00'],
    ['18 Aug 2025 cuti bersama, Fri + 5', '2025-08-15T15:00:00+07:00', 5, '2025-08-25T15:00:00+07:00'],
  ]);
});

describe('addWorkingDays across the year boundary 2025 → 2026', () => {
  dueTable(standard, [
    ['Wed 24 Dec + 1 (25 libur, 26 cuti)', '2025-12-24T10:00:00+07:00', 1, '2025-12-29T10:00:00+07:00'],
    ['Wed 31 Dec + 1 (1 Jan libur)', '2025-12-31T13:00:00+07:00', 1, '2026-01-02T13:00:00+07:00'],
    ['Wed 31 Dec after closing + 1', '2025-12-31T16:30:00+07:00', 1, '2026-01-05T08:00:00+07:00'],
    ['Mon 22 Dec + 5', '2025-12-22T09:30:00+07:00', 5, '2025-12-31T09:30:00+07:00'],
    ['Tue 23 Dec + 5', '2025-12-23T09:30:00+07:00', 5, '2026-01-02T09:30:00+07:00'],
    ['received on Christmas, n = 0', '2025-12-25T12:00:00+07:00', 0, '2025-12-29T08:00:00+07:00'],
  ]);
});

describe('addWorkingDays with n = 0 and n = 5', () => {
  dueTable(standard, [
    ['n = 0 inside working hours is t', '2025-06-03T10:15:00+07:00', 0, '2025-06-03T10:15:00+07:00'],
    ['n = 0 on Saturday is Monday opening', '2025-06-14T10:00:00+07:00', 0, '2025-06-16T08:00:00+07:00'],
    ['n = 0 before opening is the opening', '2025-06-02T07:00:00+07:00', 0, '2025-06-02T08:00:00+07:00'],
    ['n = 0 at closing is t', '2025-06-02T16:00:00+07:00', 0, '2025-06-02T16:00:00+07:00'],
    ['n = 5 over Idul Adha 2025', '2025-06-02T10:00:00+07:00', 5, '2025-06-11T10:00:00+07:00'],
    ['n = 5 plain week', '2025-07-07T09:00:00+07:00', 5, '2025-07-14T09:00:00+07:00'],
  ]);
});

describe('Ramadan hours (08:00–15:00 Mon–Thu, 08:00–15:30 Fri)', () => {
  dueTable(ramadan2026, [
    ['after the shorter closing', '2026-03-02T15:30:00+07:00', 1, '2026-03-04T08:00:00+07:00'],
    ['Fri 15:20 + 1 → Mon closing', '2026-02-27T15:20:00+07:00', 1, '2026-03-02T15:00:00+07:00'],
    ['Fri at closing 15:30 + 1 → Mon closing', '2026-02-27T15:30:00+07:00', 1, '2026-03-02T15:00:00+07:00'],
    ['Thu + 1 → Fri same time', '2026-02-26T14:00:00+07:00', 1, '2026-02-27T14:00:00+07:00'],
    ['into Ramadan: clock after the target day closing', '2026-02-13T15:45:00+07:00', 1, '2026-02-18T15:00:00+07:00'],
    ['out of Ramadan: normal hours again', '2026-03-13T15:25:00+07:00', 3, '2026-03-25T15:25:00+07:00'],
    ['Mon 15:10 after closing, over Lebaran', '2026-03-16T15:10:00+07:00', 1, '2026-03-25T08:00:00+07:00'],
  ]);

  test('working minutes of a Ramadan day', () => {
    expect(ramadan2026.workingMinutesBetween(at('2026-03-02T00:00:00+07:00'), at('2026-03-03T00:00:00+07:00'))).toBe(
      420,
    );
    expect(ramadan2026.workingMinutesBetween(at('2026-02-27T00:00:00+07:00'), at('2026-02-28T00:00:00+07:00'))).toBe(
      450,
    );
    expect(ramadan2026.workingDaysBetween(at('2026-03-02T00:00:00+07:00'), at('2026-03-03T00:00:00+07:00'))).toBe(1);
  });

  test('a later opening on the target day clamps to the opening', () => {
    const earlyFriday = createCalendar({ weeklyHours: { 5: { open: '07:30', close: '16:00' } } });
    expect(wib(earlyFriday.clockStart(at('2025-06-13T07:45:00+07:00')))).toBe('2025-06-13T07:45:00+07:00');
    expect(wib(earlyFriday.addWorkingDays(at('2025-06-13T07:45:00+07:00'), 1))).toBe('2025-06-16T08:00:00+07:00');
  });
});

describe('operator holidays and working dates', () => {
  const localHoliday = { date: '2025-06-04', name: 'Libur lokal contoh', kind: 'Libur lokal' as const };

  test('extraHolidays extends the shipped list', () => {
    const cal = createCalendar({ extraHolidays: [localHoliday] });
    expect(wib(cal.addWorkingDays(at('2025-06-03T11:00:00+07:00'), 1))).toBe('2025-06-05T11:00:00+07:00');
    // Fri 6 Jun (Idul Adha) and Mon 9 Jun (cuti) still count as holidays.
    expect(wib(cal.addWorkingDays(at('2025-06-03T11:00:00+07:00'), 2))).toBe('2025-06-10T11:00:00+07:00');
    expect(cal.isWorkingDay(at('2025-06-04T12:00:00+07:00'))).toBe(false);
  });

  test('holidays replaces the shipped list', () => {
    const cal = createCalendar({ holidays: [localHoliday] });
    expect(wib(cal.addWorkingDays(at('2025-06-03T11:00:00+07:00'), 1))).toBe('2025-06-05T11:00:00+07:00');
    expect(wib(cal.addWorkingDays(at('2025-06-03T11:00:00+07:00'), 2))).toBe('2025-06-06T11:00:00+07:00');
    const none = createCalendar({ holidays: [] });
    expect(wib(none.addWorkingDays(at('2025-06-05T15:59:00+07:00'), 1))).toBe('2025-06-06T15:59:00+07:00');
  });

  test('a Saturday made a working day', () => {
    const cal = createCalendar({ workingDates: [{ date: '2025-06-14', name: 'Sabtu masuk kerja' }] });
    expect(cal.isWorkingDay(at('2025-06-14T12:00:00+07:00'))).toBe(true);
    expect(wib(cal.addWorkingDays(at('2025-06-13T14:00:00+07:00'), 1))).toBe('2025-06-14T14:00:00+07:00');
    expect(wib(cal.addWorkingDays(at('2025-06-14T10:00:00+07:00'), 0))).toBe('2025-06-14T10:00:00+07:00');
    expect(wib(cal.addWorkingDays(at('2025-06-14T10:00:00+07:00'), 1))).toBe('2025-06-16T10:00:00+07:00');
    expect(cal.workingMinutesBetween(at('2025-06-13T15:00:00+07:00'), at('2025-06-16T09:00:00+07:00'))).toBe(
      60 + 480 + 60,
    );
  });

  test("a 'Hari kerja' row of Hari Libur marks a working day", () => {
    const cal = createCalendar({ extraHolidays: [{ date: '2025-06-14', name: 'Sabtu masuk', kind: 'Hari kerja' }] });
    expect(wib(cal.addWorkingDays(at('2025-06-13T14:00:00+07:00'), 1))).toBe('2025-06-14T14:00:00+07:00');
  });

  test('a working date with its own hours', () => {
    const cal = createCalendar({ workingDates: [{ date: '2025-06-14', hours: { open: '08:00', close: '12:00' } }] });
    expect(wib(cal.addWorkingDays(at('2025-06-13T14:00:00+07:00'), 1))).toBe('2025-06-14T12:00:00+07:00');
  });

  test('a working date wins over a listed holiday', () => {
    const cal = createCalendar({ workingDates: [{ date: '2025-06-09' }] });
    expect(wib(cal.addWorkingDays(at('2025-06-05T15:59:00+07:00'), 1))).toBe('2025-06-09T15:59:00+07:00');
    expect(cal.holidays('2025-06-01', '2025-06-30').map((h) => h.date)).toEqual([
      '2025-06-01',
      '2025-06-06',
      '2025-06-27',
    ]);
  });
});

describe('clockStart s(t)', () => {
  test.each([
    ['inside working hours', '2025-06-03T10:00:00+07:00', '2025-06-03T10:00:00+07:00'],
    ['before opening', '2025-06-03T06:59:59+07:00', '2025-06-03T08:00:00+07:00'],
    ['at opening', '2025-06-03T08:00:00+07:00', '2025-06-03T08:00:00+07:00'],
    ['at closing', '2025-06-03T16:00:00+07:00', '2025-06-03T16:00:00+07:00'],
    ['after closing', '2025-06-03T16:00:00.001+07:00', '2025-06-04T08:00:00+07:00'],
    ['Saturday', '2025-06-14T09:00:00+07:00', '2025-06-16T08:00:00+07:00'],
    ['before opening on a holiday', '2025-12-25T07:00:00+07:00', '2025-12-29T08:00:00+07:00'],
    ['Friday evening before Lebaran 2025', '2025-03-27T18:00:00+07:00', '2025-04-08T08:00:00+07:00'],
    ['late evening, UTC date already the next day', '2025-06-03T23:30:00+07:00', '2025-06-04T08:00:00+07:00'],
  ])('%s: s(%s) = %s', (_what, t, s) => {
    expect(wib(standard.clockStart(at(t)))).toBe(s);
  });
});

describe('workingMinutesBetween', () => {
  test.each([
    ['over two full days and a half', '2025-06-02T07:00:00+07:00', '2025-06-04T12:00:00+07:00', 1200],
    ['over a weekend', '2025-06-13T15:00:00+07:00', '2025-06-16T09:00:00+07:00', 120],
    ['over Lebaran 2025', '2025-03-27T15:00:00+07:00', '2025-04-08T09:00:00+07:00', 120],
    ['over the year boundary', '2025-12-24T15:00:00+07:00', '2026-01-02T09:00:00+07:00', 60 + 480 * 3 + 60],
    ['inside a holiday', '2025-12-25T09:00:00+07:00', '2025-12-25T15:00:00+07:00', 0],
    ['outside hours only', '2025-06-03T16:30:00+07:00', '2025-06-04T07:30:00+07:00', 0],
    ['same instant', '2025-06-03T10:00:00+07:00', '2025-06-03T10:00:00+07:00', 0],
    ['b before a', '2025-06-04T10:00:00+07:00', '2025-06-03T10:00:00+07:00', 0],
    ['seconds count', '2025-06-03T10:00:00+07:00', '2025-06-03T10:00:30+07:00', 0.5],
  ])('%s', (_what, a, b, minutes) => {
    expect(standard.workingMinutesBetween(at(a), at(b))).toBe(minutes);
  });

  test('working days between counts whole and partial working days', () => {
    expect(standard.workingDaysBetween(at('2025-06-02T07:00:00+07:00'), at('2025-06-04T12:00:00+07:00'))).toBe(2.5);
    expect(standard.workingDaysBetween(at('2025-03-27T12:00:00+07:00'), at('2025-04-08T12:00:00+07:00'))).toBe(1);
  });
});

describe('workingDaysOverdue', () => {
  test.each([
    ['now before due', '2025-06-02T14:00:00+07:00', '2025-06-02T13:00:00+07:00', 0],
    ['now at due', '2025-06-02T14:00:00+07:00', '2025-06-02T14:00:00+07:00', 0],
    ['just under one working day', '2025-06-02T14:00:00+07:00', '2025-06-03T13:59:00+07:00', 0],
    ['exactly one working day', '2025-06-02T14:00:00+07:00', '2025-06-03T14:00:00+07:00', 1],
    ['two working days', '2025-06-02T14:00:00+07:00', '2025-06-04T14:00:00+07:00', 2],
    ['evening after two', '2025-06-02T14:00:00+07:00', '2025-06-04T20:00:00+07:00', 2],
    ['over Idul Adha 2025 (6 and 9 Jun)', '2025-06-02T14:00:00+07:00', '2025-06-10T14:00:00+07:00', 4],
    ['over Lebaran 2025', '2025-03-27T15:00:00+07:00', '2025-04-08T15:00:00+07:00', 1],
    ['over Lebaran 2025, next morning', '2025-03-27T15:00:00+07:00', '2025-04-09T08:00:00+07:00', 1],
    ['three working days: leadership escalation', '2025-12-23T10:00:00+07:00', '2025-12-30T10:00:00+07:00', 3],
  ])('%s', (_what, due, now, k) => {
    expect(standard.workingDaysOverdue(at(due), at(now))).toBe(k);
  });

  test('with a clamped Ramadan due time', () => {
    // Fri 15:20 + 1 is Mon 15:00 (closing), so at Mon 15:00 the due is one working day behind.
    expect(ramadan2026.workingDaysOverdue(at('2026-02-27T15:20:00+07:00'), at('2026-03-02T15:00:00+07:00'))).toBe(1);
    expect(ramadan2026.workingDaysOverdue(at('2026-02-27T15:20:00+07:00'), at('2026-03-02T14:59:00+07:00'))).toBe(0);
  });
});

describe('days, hours and holiday listing', () => {
  test.each([
    ['2025-08-18T00:30:00+07:00', false], // cuti bersama; still 17 Aug in UTC
    ['2025-08-19T23:30:00+07:00', true],
    ['2025-06-14T12:00:00+07:00', false],
    ['2026-02-16T12:00:00+07:00', false],
    ['2026-02-18T12:00:00+07:00', true],
    ['2026-12-24T12:00:00+07:00', false],
    ['2027-01-04T12:00:00+07:00', true], // beyond the shipped years: weekdays only
  ])('isWorkingDay(%s) = %s', (d, working) => {
    expect(standard.isWorkingDay(at(d))).toBe(working);
  });

  test('isWorkingTime is the closed interval [opening, closing]', () => {
    expect(standard.isWorkingTime(at('2025-06-03T08:00:00+07:00'))).toBe(true);
    expect(standard.isWorkingTime(at('2025-06-03T16:00:00+07:00'))).toBe(true);
    expect(standard.isWorkingTime(at('2025-06-03T16:00:01+07:00'))).toBe(false);
    expect(standard.isWorkingTime(at('2025-06-03T07:59:59+07:00'))).toBe(false);
  });

  test('nextWorkingDayStart, workingHoursOn, dateKey, at', () => {
    expect(wib(standard.nextWorkingDayStart(at('2025-03-27T09:00:00+07:00')))).toBe('2025-04-08T08:00:00+07:00');
    const hours = standard.workingHoursOn(at('2025-06-03T23:00:00+07:00'));
    expect(hours && [wib(hours.open), wib(hours.close)]).toEqual([
      '2025-06-03T08:00:00+07:00',
      '2025-06-03T16:00:00+07:00',
    ]);
    expect(standard.workingHoursOn(at('2025-06-06T10:00:00+07:00'))).toBeNull();
    expect(standard.dateKey(at('2025-12-31T23:59:59+07:00'))).toBe('2025-12-31');
    expect(standard.dateKey(at('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(standard.at('2026-03-25', '15:25').toISOString()).toBe('2026-03-25T08:25:00.000Z');
  });

  test('the shipped holidays are listed, Lebaran 2025 in full', () => {
    expect(standard.holidays()).toHaveLength(28 + 25);
    expect(standard.holidays('2025-03-28', '2025-04-07').map((h) => h.date)).toEqual([
      '2025-03-28',
      '2025-03-29',
      '2025-03-31',
      '2025-04-01',
      '2025-04-02',
      '2025-04-03',
      '2025-04-04',
      '2025-04-07',
    ]);
    expect(standard.holidaysOn(at('2025-08-18T10:00:00+07:00')).map((h) => h.kind)).toEqual(['Cuti bersama']);
    expect(standard.holidaysOn(at('2025-08-19T10:00:00+07:00'))).toEqual([]);
  });
});

describe('invalid input', () => {
  test('n must be a whole number ≥ 0', () => {
    expect(() => standard.addWorkingDays(at('2025-06-03T10:00:00+07:00'), -1)).toThrow(RangeError);
    expect(() => standard.addWorkingDays(at('2025-06-03T10:00:00+07:00'), 1.5)).toThrow(RangeError);
  });
  test('an invalid Date is rejected with context', () => {
    expect(() => standard.addWorkingDays(new Date('nope'), 1)).toThrow(/addWorkingDays/);
    expect(() => standard.clockStart(new Date(NaN))).toThrow(/clockStart/);
  });
  test('bad configuration is rejected with context', () => {
    expect(() => createCalendar({ extraHolidays: [{ date: '2025-02-30', name: 'x', kind: 'Libur lokal' }] })).toThrow(
      /2025-02-30/,
    );
    expect(() => createCalendar({ weeklyHours: { 1: { open: '16:00', close: '08:00' } } })).toThrow(/opening/);
    expect(() => createCalendar({ timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => createCalendar({ weeklyHours: { 1: null, 2: null, 3: null, 4: null, 5: null } })).toThrow(
      /no working weekday/,
    );
    expect(() => createCalendar({ hourExceptions: [ramadanHours('2026-03-20', '2026-02-18')] })).toThrow(
      /before it starts/,
    );
  });
});

describe('other time zones', () => {
  test('a DST zone uses its wall clock', () => {
    const ny = createCalendar({ timeZone: 'America/New_York', holidays: [] });
    // Fri 7 Mar 2025 14:00 EST + 1 → Mon 10 Mar 14:00 EDT (DST began Sun 9 Mar).
    expect(ny.addWorkingDays(at('2025-03-07T14:00:00-05:00'), 1).toISOString()).toBe('2025-03-10T18:00:00.000Z');
    expect(ny.workingMinutesBetween(at('2025-03-07T15:00:00-05:00'), at('2025-03-10T09:00:00-04:00'))).toBe(120);
  });
  test('UTC', () => {
    const utc = createCalendar({ timeZone: 'UTC', holidays: [] });
    expect(utc.addWorkingDays(at('2025-06-13T14:00:00Z'), 1).toISOString()).toBe('2025-06-16T14:00:00.000Z');
  });
});
