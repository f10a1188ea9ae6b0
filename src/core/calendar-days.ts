/**
 * The day and zone arithmetic under the working-day calendar (calendar.ts): calendar dates as
 * integer day numbers, wall-clock times as milliseconds after local midnight, and the mapping
 * between instants and "local milliseconds" (epoch ms + the zone's offset). Pure; only UTC
 * arithmetic is used on wall-clock values, never the host's time zone.
 */
import { IANAZone } from 'luxon';
import type { DayHours, IsoWeekday } from './calendar';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export interface Span {
  readonly open: number; // ms after local midnight
  readonly close: number;
}

// ---------------------------------------------------------------------------------------------
// Parsing (dates and times are local wall-clock values; only UTC arithmetic is used on them)

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

/** 'yyyy-MM-dd' → day number (days since 1970-01-01); throws on a malformed or impossible date. */
export function dayNumberOf(key: string, context = 'date'): number {
  const m = DATE_KEY.exec(typeof key === 'string' ? key.trim() : '');
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new Error(`calendar: invalid ${context} ${JSON.stringify(key)}; expected yyyy-MM-dd`);
}

/** Day number → 'yyyy-MM-dd'. */
export function dateKeyOfDay(day: number): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const da = d.getUTCDate();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${mo < 10 ? '0' : ''}${mo}-${da < 10 ? '0' : ''}${da}`;
}

export function timeOfDayMs(value: string, context: string): number {
  const m = TIME.exec(typeof value === 'string' ? value.trim() : '');
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!m || h > 24 || min > 59 || (h === 24 && min !== 0)) {
    throw new Error(`calendar: invalid time ${JSON.stringify(value)} in ${context}; expected HH:mm`);
  }
  return (h * 60 + min) * MINUTE_MS;
}

export function spanOfHours(hours: DayHours, context: string): Span {
  const open = timeOfDayMs(hours.open, context);
  const close = timeOfDayMs(hours.close, context);
  if (!(open < close))
    throw new Error(`calendar: opening ${hours.open} is not before closing ${hours.close} in ${context}`);
  return { open, close };
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export function isoWeekdayOfDay(day: number): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function checkDate(d: Date, what: string): number {
  // Not `instanceof Date`: Dates made by the Apps Script services (or the emulator's host realm)
  // may come from another realm.
  const ms = d !== null && typeof d === 'object' && typeof d.getTime === 'function' ? d.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`calendar.${what}: not a valid Date: ${String(d)}`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Zone: epoch ms ↔ local ms (local ms = wall clock read as if it were UTC)

export interface ZoneClock {
  toLocal(ms: number): number;
  fromLocal(local: number): number;
}

export function zoneClock(timeZone: string, fromYear: number, toYear: number): ZoneClock {
  if (!IANAZone.isValidZone(timeZone)) throw new Error(`calendar: unknown time zone ${JSON.stringify(timeZone)}`);
  const zone = IANAZone.create(timeZone);
  const offsetMs = (ms: number): number => zone.offset(ms) * MINUTE_MS;
  const general: ZoneClock = {
    toLocal: (ms) => ms + offsetMs(ms),
    // Two-pass guess, as luxon does; a wall time in a DST gap maps past the gap.
    fromLocal: (local) => {
      const o1 = offsetMs(local);
      const o2 = offsetMs(local - o1);
      if (o1 === o2) return local - o1;
      const o3 = offsetMs(local - o2);
      return o2 === o3 ? local - o2 : local - Math.max(o2, o3);
    },
  };
  // A zone whose offset is the same at every January and July in the table years is treated as
  // fixed over that span (any DST rule differs between the two); outside it, ask the zone.
  const lo = Date.UTC(fromYear, 0, 1);
  const hi = Date.UTC(toYear + 1, 0, 1);
  const fixed = offsetMs(lo);
  for (let y = fromYear; y <= toYear + 1; y++) {
    if (offsetMs(Date.UTC(y, 0, 1)) !== fixed || offsetMs(Date.UTC(y, 6, 1)) !== fixed) return general;
  }
  return {
    toLocal: (ms) => (ms >= lo && ms < hi ? ms + fixed : general.toLocal(ms)),
    fromLocal: (local) => {
      const ms = local - fixed;
      return ms >= lo && ms < hi ? ms : general.fromLocal(local);
    },
  };
}
