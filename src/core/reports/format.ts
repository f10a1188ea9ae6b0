/** How the reminders and summaries write times and figures for people (Indonesian conventions). */
import { DateTime } from 'luxon';
import { ZONE } from '../values';
import { MONTHS_ID } from '../labels/dashboard';

const DAYS = ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'];
const DAYS_LONG = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const MONTHS_LONG = MONTHS_ID;

function wib(d: Date, zone: string): DateTime {
  return DateTime.fromMillis(d.getTime(), { zone });
}

/** "Sen 16 Mar 14.00" (tables). */
export function shortTime(d: Date | null, zone = ZONE): string {
  if (!d) return '-';
  const t = wib(d, zone);
  return `${DAYS[t.weekday - 1]} ${t.day} ${MONTHS[t.month - 1]} ${t.toFormat('HH.mm')}`;
}

/** "16 Mar 2026". */
export function shortDate(d: Date | null, zone = ZONE): string {
  if (!d) return '-';
  const t = wib(d, zone);
  return `${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
}

/** "Senin, 16 Maret 2026" for a 'yyyy-MM-dd' date. */
export function longDate(date: string): string {
  const t = DateTime.fromISO(date, { zone: 'UTC' });
  return `${DAYS_LONG[t.weekday - 1]}, ${t.day} ${MONTHS_LONG[t.month - 1]} ${t.year}`;
}

/** "08.00 WIB". */
export function clockTime(d: Date, zone = ZONE): string {
  return `${wib(d, zone).toFormat('HH.mm')} WIB`;
}

/** "2 hari kerja", "< 1 hari kerja". */
export function workingDaysText(n: number): string {
  return n < 1 ? '< 1 hari kerja' : `${n} hari kerja`;
}

/** 1234.5 → "1.234,5" */
export function decimal(n: number, digits = 1): string {
  const fixed = n.toFixed(digits);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

export function count(n: number): string {
  return decimal(n, 0);
}

/** 0.857 → "85,7%"; null → "–" (nothing to measure). */
export function percent(rate: number | null): string {
  return rate === null ? '–' : `${decimal(rate * 100, 1)}%`;
}

/** Change of a count: "+3", "−2", "tetap". */
export function countChange(now: number, before: number): string {
  const d = now - before;
  return d === 0 ? 'tetap' : d > 0 ? `+${count(d)}` : `−${count(-d)}`;
}

/** Change of a rate in percentage points: "+4,2 poin", "−1,0 poin", "tetap", "–". */
export function rateChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '–';
  const d = Math.round((now - before) * 1000) / 10;
  return d === 0 ? 'tetap' : d > 0 ? `+${decimal(d)} poin` : `−${decimal(-d)} poin`;
}

/** A one-line excerpt of user text (whitespace collapsed), at most `max` characters. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
