/**
 * Java `SimpleDateFormat` patterns, which `Utilities.formatDate(date, timeZone, format)` takes
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * points to https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html).
 *
 * Apps Script formats in the English (en_US) locale: month and day names are English, weeks start
 * on Sunday and week 1 is the week containing 1 January. Names are spelled out here rather than
 * taken from Intl, so output does not depend on the ICU data of the Node build.
 */
import { DateTime } from 'luxon';
import { GasError } from '../errors';
import { resolveZone } from './time-zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

/** Java's short and long names for the zones this product meets; others fall back to GMT±hh:mm. */
const ZONE_NAMES: Record<string, [string, string]> = {
  'Asia/Jakarta': ['WIB', 'Western Indonesia Time'],
  'Asia/Pontianak': ['WIB', 'Western Indonesia Time'],
  'Asia/Makassar': ['WITA', 'Central Indonesia Time'],
  'Asia/Jayapura': ['WIT', 'Eastern Indonesia Time'],
  UTC: ['UTC', 'Coordinated Universal Time'],
  'Etc/UTC': ['UTC', 'Coordinated Universal Time'],
  GMT: ['GMT', 'Greenwich Mean Time'],
  'Etc/GMT': ['GMT', 'Greenwich Mean Time'],
};

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number, withColon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const hh = pad(Math.trunc(Math.abs(minutes) / 60), 2);
  const mm = pad(Math.abs(minutes) % 60, 2);
  return `${sign}${hh}${withColon ? ':' : ''}${mm}`;
}

/** Week of year and week-based year with Sunday-first weeks, week 1 containing 1 January (en_US). */
export function usWeek(dt: DateTime): { week: number; weekYear: number } {
  const day = dt.startOf('day');
  const weekStart = (d: DateTime) => d.minus({ days: d.weekday % 7 });
  const nextYearWeek1 = weekStart(DateTime.fromObject({ year: day.year + 1, month: 1, day: 1 }, { zone: day.zone }));
  if (day >= nextYearWeek1) return { week: 1, weekYear: day.year + 1 };
  const week1 = weekStart(DateTime.fromObject({ year: day.year, month: 1, day: 1 }, { zone: day.zone }));
  return { week: Math.round(weekStart(day).diff(week1, 'days').days / 7) + 1, weekYear: day.year };
}

function field(letter: string, count: number, dt: DateTime, zoneId: string): string {
  switch (letter) {
    case 'G':
      return dt.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? pad(dt.year % 100, 2) : pad(dt.year, count);
    case 'Y': {
      const y = usWeek(dt).weekYear;
      return count === 2 ? pad(y % 100, 2) : pad(y, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[dt.month - 1];
      if (count === 3) return MONTHS[dt.month - 1].slice(0, 3);
      return pad(dt.month, count);
    case 'w':
      return pad(usWeek(dt).week, count);
    case 'W': {
      const first = dt.startOf('month');
      return pad(Math.floor((dt.day - 1 + (first.weekday % 7)) / 7) + 1, count);
    }
    case 'D':
      return pad(dt.ordinal, count);
    case 'd':
      return pad(dt.day, count);
    case 'F':
      return pad(Math.floor((dt.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? DAYS[dt.weekday - 1] : DAYS[dt.weekday - 1].slice(0, 3);
    case 'u':
      return pad(dt.weekday, count);
    case 'a':
      return dt.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(dt.hour, count);
    case 'k':
      return pad(dt.hour === 0 ? 24 : dt.hour, count);
    case 'K':
      return pad(dt.hour % 12, count);
    case 'h':
      return pad(dt.hour % 12 === 0 ? 12 : dt.hour % 12, count);
    case 'm':
      return pad(dt.minute, count);
    case 's':
      return pad(dt.second, count);
    case 'S':
      return pad(dt.millisecond, count);
    case 'z': {
      const names = ZONE_NAMES[zoneId];
      if (names) return count >= 4 ? names[1] : names[0];
      return dt.offset === 0 ? 'GMT' : `GMT${offsetText(dt.offset, true)}`;
    }
    case 'Z':
      return offsetText(dt.offset, false);
    case 'X':
      if (count > 3) throw new GasError(`invalid ISO 8601 format: length=${count}`);
      if (dt.offset === 0) return 'Z';
      if (count === 1) return offsetText(dt.offset, false).slice(0, 3);
      return offsetText(dt.offset, count === 3);
    default:
      throw new GasError(`Illegal pattern character '${letter}'`);
  }
}

export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const dt = DateTime.fromMillis(date.getTime(), { zone: resolveZone(timeZone) });
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let literal = '';
      for (;;) {
        if (j >= pattern.length) throw new GasError('Unterminated quote');
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            literal += "'";
            j += 2;
            continue;
          }
          break;
        }
        literal += pattern[j++];
      }
      out += literal;
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      if (!PATTERN_LETTERS.includes(c)) throw new GasError(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      out += field(c, count, dt, timeZone);
      i += count;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
