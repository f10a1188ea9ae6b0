/** Small value helpers shared by the core (cell values arrive as unknown). */
import { DateTime } from 'luxon';

/** True for a valid Date, whatever realm created it (Apps Script hands out its own Dates). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());
}

export function asDate(v: unknown): Date | null {
  return isDate(v) ? new Date(v.getTime()) : null;
}

export function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return formatDateTime(v);
  return String(v);
}

export const ZONE = 'Asia/Jakarta';

/** "2026-03-16 09:10" in WIB: how the system writes instants in text (history, emails). */
export function formatDateTime(d: Date, zone = ZONE): string {
  return DateTime.fromMillis(d.getTime(), { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** "Senin, 16 Maret 2026 09.10 WIB" for people (emails, dialogs). */
export function formatHuman(d: Date, zone = ZONE): string {
  return `${DateTime.fromMillis(d.getTime(), { zone }).setLocale('id').toFormat('cccc, d LLLL yyyy HH.mm')} WIB`;
}

export function formatDate(d: Date, zone = ZONE): string {
  return DateTime.fromMillis(d.getTime(), { zone }).toFormat('yyyy-MM-dd');
}

/** ISO 8601 with the +07:00 offset (scenario outputs). */
export function isoWib(d: Date | null, zone = ZONE): string | null {
  return d ? DateTime.fromMillis(d.getTime(), { zone }).toISO({ suppressMilliseconds: true }) : null;
}
