/**
 * Wall-clock arithmetic in an IANA time zone, fast enough for formatting 50,000 date cells:
 * the offset is looked up with Intl once per zone and hour, then cached.
 *
 * Sheets stores dates as serial numbers (days since 1899-12-30, wall time in the spreadsheet's
 * time zone); the emulator stores instants (epoch ms) and converts when a format asks for it.
 */
const HOUR = 3_600_000;
const DAY = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Asia/Jakarta: +7 h). */
export function offsetAt(ms: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT') return 0;
  let cache = offsets.get(timeZone);
  if (!cache) offsets.set(timeZone, (cache = new Map<number, number>()));
  const bucket = Math.floor(ms / HOUR);
  const known = cache.get(bucket);
  if (known !== undefined) return known;
  const probe = bucket * HOUR;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(probe))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = wall - probe;
  cache.set(bucket, offset);
  return offset;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

export function wallTime(ms: number, timeZone: string): WallTime {
  const d = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** The instant at which the wall clock of `timeZone` shows the given time. */
export function instantOf(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** Sheets serial number (days since 1899-12-30 in the zone's wall time) of an instant. */
export function serialFromInstant(ms: number, timeZone: string): number {
  return (ms + offsetAt(ms, timeZone) - SERIAL_EPOCH) / DAY;
}

export function instantFromSerial(serial: number, timeZone: string): number {
  const wall = Math.round(SERIAL_EPOCH + serial * DAY);
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}
