/**
 * Shipped holidays (DESIGN §6, SKB 3 Menteri 2025 and 2026) and the holiday sync planner.
 */
import { GOOGLE_CALENDAR_SOURCE, HolidayCalendarEvent, planHolidaySync } from '../../src/core/holiday-sync';
import { HOLIDAYS_2025, HOLIDAYS_2026, SHIPPED_HOLIDAYS } from '../../src/core/holidays';

const dates = (list: readonly { date: string; kind: string }[], kind: string): string[] =>
  list.filter((h) => h.kind === kind).map((h) => h.date.slice(5));

describe('shipped holidays, as listed in DESIGN §6', () => {
  test('2025 libur nasional and cuti bersama (18 Aug added by a later SKB)', () => {
    expect(dates(HOLIDAYS_2025, 'Libur nasional')).toEqual([
      '01-01',
      '01-27',
      '01-29',
      '03-29',
      '03-31',
      '04-01',
      '04-18',
      '04-20',
      '05-01',
      '05-12',
      '05-29',
      '06-01',
      '06-06',
      '06-27',
      '08-17',
      '09-05',
      '12-25',
    ]);
    expect(dates(HOLIDAYS_2025, 'Cuti bersama')).toEqual([
      '01-28',
      '03-28',
      '04-02',
      '04-03',
      '04-04',
      '04-07',
      '05-13',
      '05-30',
      '06-09',
      '08-18',
      '12-26',
    ]);
  });

  test('2026 libur nasional and cuti bersama', () => {
    expect(dates(HOLIDAYS_2026, 'Libur nasional')).toEqual([
      '01-01',
      '01-16',
      '02-17',
      '03-19',
      '03-21',
      '03-22',
      '04-03',
      '04-05',
      '05-01',
      '05-14',
      '05-27',
      '05-31',
      '06-01',
      '06-16',
      '08-17',
      '08-25',
      '12-25',
    ]);
    expect(dates(HOLIDAYS_2026, 'Cuti bersama')).toEqual([
      '02-16',
      '03-18',
      '03-20',
      '03-23',
      '03-24',
      '05-15',
      '05-28',
      '12-24',
    ]);
  });

  test('every entry is a valid, unique, sorted date of its year with an Indonesian name', () => {
    const all = SHIPPED_HOLIDAYS.map((h) => h.date);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
    for (const h of SHIPPED_HOLIDAYS) {
      expect(new Date(`${h.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(h.date);
      expect(h.name.length).toBeGreaterThan(3);
      if (h.kind === 'Cuti bersama') expect(h.name).toMatch(/^Cuti Bersama /);
    }
    expect(HOLIDAYS_2025.every((h) => h.date.startsWith('2025-'))).toBe(true);
    expect(HOLIDAYS_2026.every((h) => h.date.startsWith('2026-'))).toBe(true);
  });
});

describe('planHolidaySync', () => {
  const tab = [
    { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'Libur nasional', source: 'Operator' },
    { date: '2027-02-06', name: 'Sabtu masuk kerja', kind: 'Hari kerja', source: 'Operator' },
    { date: 'bukan tanggal', name: 'baris rusak', kind: 'Libur lokal', source: 'Operator' },
  ];
  const event = (
    date: string,
    title: string,
    description = 'Hari libur nasional',
    endDate?: string,
  ): HolidayCalendarEvent => ({ date, title, description, ...(endDate ? { endDate } : {}) });

  test('adds only missing dates, with source Google Kalender, sorted, one per date', () => {
    const plan = planHolidaySync(tab, [
      event('2027-03-10', 'Hari Suci Nyepi'),
      event('2027-01-01', 'Tahun Baru Masehi'), // already listed by the operator
      event('2027-02-06', 'Tahun Baru Imlek'), // the operator made it a working day: never overridden
      event('2027-02-05', 'Cuti Bersama Tahun Baru Imlek'),
      event('2027-03-10', 'Hari Suci Nyepi'), // duplicate event
      event('2027-04-21', 'Hari Kartini', 'Perayaan\nUntuk menyembunyikan perayaan, buka setelan Google Kalender'),
    ]);
    expect(plan.toAdd).toEqual([
      {
        date: '2027-02-05',
        name: 'Cuti Bersama Tahun Baru Imlek',
        kind: 'Cuti bersama',
        source: GOOGLE_CALENDAR_SOURCE,
      },
      { date: '2027-03-10', name: 'Hari Suci Nyepi', kind: 'Libur nasional', source: 'Google Kalender' },
    ]);
    expect(plan.summary).toEqual({ events: 6, added: 2, alreadyListed: 2, observances: 1, outOfRange: 0, invalid: 0 });
    expect(plan.skipped).toContainEqual({
      date: '2027-02-06',
      name: 'Tahun Baru Imlek',
      reason: 'already-listed',
      listedAs: 'Sabtu masuk kerja',
    });
    expect(plan.skipped).toContainEqual({ date: '2027-04-21', name: 'Hari Kartini', reason: 'observance' });
  });

  test('merges several events on one date; a holiday wins over a cuti bersama as kind', () => {
    const plan = planHolidaySync(
      [],
      [event('2027-05-06', 'Kenaikan Yesus Kristus'), event('2027-05-06', 'Cuti Bersama Waisak')],
    );
    expect(plan.toAdd).toEqual([
      {
        date: '2027-05-06',
        name: 'Kenaikan Yesus Kristus / Cuti Bersama Waisak',
        kind: 'Libur nasional',
        source: 'Google Kalender',
      },
    ]);
  });

  test('expands multi-day all-day events (exclusive end) and respects the range', () => {
    const plan = planHolidaySync([], [event('2027-03-09', 'Idul Fitri', 'Public holiday', '2027-03-12')], {
      from: '2027-03-10',
      to: '2027-12-31',
    });
    expect(plan.toAdd.map((h) => h.date)).toEqual(['2027-03-10', '2027-03-11']);
    expect(plan.summary.outOfRange).toBe(1);
  });

  test('observances can be included on request; English descriptions are understood', () => {
    const events = [
      event('2027-04-21', 'Kartini Day', 'Observance\nTo hide observances, go to Google Calendar Settings'),
    ];
    expect(planHolidaySync([], events).toAdd).toEqual([]);
    expect(planHolidaySync([], events, { includeObservances: true }).toAdd.map((h) => h.date)).toEqual(['2027-04-21']);
  });

  test('events with unreadable dates are reported, not added', () => {
    const plan = planHolidaySync(
      [],
      [event('2027-13-01', 'Salah'), event('2027-05-01', 'Hari Buruh', undefined, 'kemarin')],
    );
    expect(plan.toAdd).toEqual([]);
    expect(plan.summary.invalid).toBe(2);
  });

  test('running the sync again after appending adds nothing', () => {
    const events = [event('2027-03-10', 'Hari Suci Nyepi'), event('2027-02-05', 'Cuti Bersama Imlek')];
    const first = planHolidaySync(tab, events);
    const second = planHolidaySync([...tab, ...first.toAdd], events);
    expect(second.toAdd).toEqual([]);
    expect(second.summary.alreadyListed).toBe(2);
  });
});
