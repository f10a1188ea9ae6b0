/**
 * Shipped non-working dates (DESIGN §6): the libur nasional and cuti bersama of the
 * SKB 3 Menteri for 2025 and 2026, as published, including the 18 Aug 2025 cuti bersama added
 * by a later SKB. Used as the calendar's default holidays and to seed the `Hari Libur` tab.
 * Later years are added by the operator (or by the holiday sync, then reviewed).
 *
 * Dates are calendar dates in Asia/Jakarta written 'yyyy-MM-dd', never instants, so they mean
 * the same day whatever the host's time zone. Names are what the operator sees (Indonesian).
 */

import { HOLIDAY_KIND } from './labels/holidays';

/** The non-working kinds of the `Hari Libur` tab (DESIGN §3; the tab also takes HOLIDAY_KIND.working). */
export type HolidayKind = (typeof HOLIDAY_KIND)['national' | 'collective' | 'local'];

/** One non-working date. */
export interface Holiday {
  /** Calendar date 'yyyy-MM-dd' in the calendar's time zone. */
  readonly date: string;
  readonly name: string;
  readonly kind: HolidayKind;
  /** Where the date comes from (the `Hari Libur` tab's source column), when known. */
  readonly source?: string;
}

/** The source written next to the shipped dates when they seed `Hari Libur`. */
export const SHIPPED_HOLIDAY_SOURCE = 'SKB 3 Menteri';

type Row = readonly [date: string, kind: HolidayKind, name: string];

const LIBUR: HolidayKind = HOLIDAY_KIND.national;
const CUTI: HolidayKind = HOLIDAY_KIND.collective;

const ROWS_2025: readonly Row[] = [
  ['2025-01-01', LIBUR, 'Tahun Baru 2025 Masehi'],
  ['2025-01-27', LIBUR, 'Isra Mikraj Nabi Muhammad SAW'],
  ['2025-01-28', CUTI, 'Cuti Bersama Tahun Baru Imlek 2576 Kongzili'],
  ['2025-01-29', LIBUR, 'Tahun Baru Imlek 2576 Kongzili'],
  ['2025-03-28', CUTI, 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1947)'],
  ['2025-03-29', LIBUR, 'Hari Suci Nyepi (Tahun Baru Saka 1947)'],
  ['2025-03-31', LIBUR, 'Idul Fitri 1446 Hijriah'],
  ['2025-04-01', LIBUR, 'Idul Fitri 1446 Hijriah'],
  ['2025-04-02', CUTI, 'Cuti Bersama Idul Fitri 1446 Hijriah'],
  ['2025-04-03', CUTI, 'Cuti Bersama Idul Fitri 1446 Hijriah'],
  ['2025-04-04', CUTI, 'Cuti Bersama Idul Fitri 1446 Hijriah'],
  ['2025-04-07', CUTI, 'Cuti Bersama Idul Fitri 1446 Hijriah'],
  ['2025-04-18', LIBUR, 'Wafat Yesus Kristus'],
  ['2025-04-20', LIBUR, 'Kebangkitan Yesus Kristus (Paskah)'],
  ['2025-05-01', LIBUR, 'Hari Buruh Internasional'],
  ['2025-05-12', LIBUR, 'Hari Raya Waisak 2569 BE'],
  ['2025-05-13', CUTI, 'Cuti Bersama Hari Raya Waisak 2569 BE'],
  ['2025-05-29', LIBUR, 'Kenaikan Yesus Kristus'],
  ['2025-05-30', CUTI, 'Cuti Bersama Kenaikan Yesus Kristus'],
  ['2025-06-01', LIBUR, 'Hari Lahir Pancasila'],
  ['2025-06-06', LIBUR, 'Idul Adha 1446 Hijriah'],
  ['2025-06-09', CUTI, 'Cuti Bersama Idul Adha 1446 Hijriah'],
  ['2025-06-27', LIBUR, '1 Muharam Tahun Baru Islam 1447 Hijriah'],
  ['2025-08-17', LIBUR, 'Proklamasi Kemerdekaan Republik Indonesia'],
  ['2025-08-18', CUTI, 'Cuti Bersama Hari Proklamasi Kemerdekaan Republik Indonesia'],
  ['2025-09-05', LIBUR, 'Maulid Nabi Muhammad SAW'],
  ['2025-12-25', LIBUR, 'Kelahiran Yesus Kristus'],
  ['2025-12-26', CUTI, 'Cuti Bersama Kelahiran Yesus Kristus'],
];

const ROWS_2026: readonly Row[] = [
  ['2026-01-01', LIBUR, 'Tahun Baru 2026 Masehi'],
  ['2026-01-16', LIBUR, 'Isra Mikraj Nabi Muhammad SAW'],
  ['2026-02-16', CUTI, 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'],
  ['2026-02-17', LIBUR, 'Tahun Baru Imlek 2577 Kongzili'],
  ['2026-03-18', CUTI, 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'],
  ['2026-03-19', LIBUR, 'Hari Suci Nyepi (Tahun Baru Saka 1948)'],
  ['2026-03-20', CUTI, 'Cuti Bersama Idul Fitri 1447 Hijriah'],
  ['2026-03-21', LIBUR, 'Idul Fitri 1447 Hijriah'],
  ['2026-03-22', LIBUR, 'Idul Fitri 1447 Hijriah'],
  ['2026-03-23', CUTI, 'Cuti Bersama Idul Fitri 1447 Hijriah'],
  ['2026-03-24', CUTI, 'Cuti Bersama Idul Fitri 1447 Hijriah'],
  ['2026-04-03', LIBUR, 'Wafat Yesus Kristus'],
  ['2026-04-05', LIBUR, 'Kebangkitan Yesus Kristus (Paskah)'],
  ['2026-05-01', LIBUR, 'Hari Buruh Internasional'],
  ['2026-05-14', LIBUR, 'Kenaikan Yesus Kristus'],
  ['2026-05-15', CUTI, 'Cuti Bersama Kenaikan Yesus Kristus'],
  ['2026-05-27', LIBUR, 'Idul Adha 1447 Hijriah'],
  ['2026-05-28', CUTI, 'Cuti Bersama Idul Adha 1447 Hijriah'],
  ['2026-05-31', LIBUR, 'Hari Raya Waisak 2570 BE'],
  ['2026-06-01', LIBUR, 'Hari Lahir Pancasila'],
  ['2026-06-16', LIBUR, '1 Muharam Tahun Baru Islam 1448 Hijriah'],
  ['2026-08-17', LIBUR, 'Proklamasi Kemerdekaan Republik Indonesia'],
  ['2026-08-25', LIBUR, 'Maulid Nabi Muhammad SAW'],
  ['2026-12-24', CUTI, 'Cuti Bersama Kelahiran Yesus Kristus'],
  ['2026-12-25', LIBUR, 'Kelahiran Yesus Kristus'],
];

function toHolidays(rows: readonly Row[]): readonly Holiday[] {
  return Object.freeze(
    rows.map(([date, kind, name]) => Object.freeze({ date, name, kind, source: SHIPPED_HOLIDAY_SOURCE })),
  );
}

export const HOLIDAYS_2025: readonly Holiday[] = toHolidays(ROWS_2025);
export const HOLIDAYS_2026: readonly Holiday[] = toHolidays(ROWS_2026);

/** Every shipped date, sorted by date: the calendar's default and the `Hari Libur` seed. */
export const SHIPPED_HOLIDAYS: readonly Holiday[] = Object.freeze([...HOLIDAYS_2025, ...HOLIDAYS_2026]);
