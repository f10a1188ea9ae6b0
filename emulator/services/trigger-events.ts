/**
 * Event objects passed to triggered functions, as documented in
 * https://developers.google.com/apps-script/guides/triggers/events:
 * - Sheets open: authMode, source, triggerUid (installable only), user.
 * - Sheets edit: authMode, oldValue, range, source, triggerUid (installable only), user, value.
 *   value and oldValue are "Only available if the edited range is a single cell"; oldValue
 *   "Will be undefined if the cell had no previous content". Both are strings.
 * - Sheets change (installable): authMode, changeType, source, triggerUid, user.
 * - Sheets form submit (installable): authMode, namedValues, range, triggerUid, values
 *   ("Array with values in the same order as they appear in the spreadsheet"); `source` (the
 *   spreadsheet) is present in practice and included.
 * - Forms form submit (installable): authMode, response (FormResponse), source (Form), triggerUid.
 * - Time-driven: authMode, day-of-month, day-of-week, hour, minute, month, second, timezone,
 *   triggerUid, week-of-year, year. The fields are given in UTC (the documented example shows
 *   timezone "UTC"); day-of-week is 1 (Monday) to 7 (Sunday).
 * Simple triggers run in AuthMode.LIMITED, installable and time-driven ones in AuthMode.FULL.
 */
import { DateTime } from 'luxon';
import { User } from './session';
import { resolveZone } from './time-zone';

export type EventObject = Record<string, unknown>;

export function timeDrivenEvent(at: number, triggerUid: string): EventObject {
  const t = DateTime.fromMillis(at, { zone: 'utc' });
  return {
    authMode: 'FULL',
    'day-of-month': t.day,
    'day-of-week': t.weekday,
    hour: t.hour,
    minute: t.minute,
    month: t.month,
    second: t.second,
    timezone: 'UTC',
    triggerUid,
    'week-of-year': t.weekNumber,
    year: t.year,
  };
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * The edit event carries a cell's value as a string: booleans as TRUE/FALSE, and a date as
 * Sheets stores it, the serial number (days since 1899-12-30, wall time in the sheet's zone).
 */
export function cellText(value: unknown, timeZone: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const wall = DateTime.fromMillis(value.getTime(), { zone: resolveZone(timeZone) });
    return String((wall.toMillis() + wall.offset * 60000 - SERIAL_EPOCH) / 86400000);
  }
  return String(value);
}

const isBlank = (v: unknown): boolean => v === '' || v === null || v === undefined;

export interface EditEventInput {
  range: unknown;
  source: unknown;
  user: User;
  singleCell: boolean;
  oldValue: unknown;
  newValue: unknown;
  timeZone: string;
  triggerUid?: string;
}

export function editEvent(input: EditEventInput): EventObject {
  const event: EventObject = {
    authMode: input.triggerUid ? 'FULL' : 'LIMITED',
    range: input.range,
    source: input.source,
    user: input.user,
  };
  if (input.triggerUid) event.triggerUid = input.triggerUid;
  if (input.singleCell) {
    if (!isBlank(input.newValue)) event.value = cellText(input.newValue, input.timeZone);
    if (!isBlank(input.oldValue)) event.oldValue = cellText(input.oldValue, input.timeZone);
  }
  return event;
}

export function openEvent(source: unknown, user: User, triggerUid?: string): EventObject {
  const event: EventObject = { authMode: triggerUid ? 'FULL' : 'LIMITED', source, user };
  if (triggerUid) event.triggerUid = triggerUid;
  return event;
}

export function changeEvent(source: unknown, user: User, changeType: string, triggerUid: string): EventObject {
  return { authMode: 'FULL', changeType, source, triggerUid, user };
}

export function sheetFormSubmitEvent(
  range: unknown,
  source: unknown,
  headers: string[],
  values: string[],
  triggerUid: string,
): EventObject {
  const namedValues: Record<string, string[]> = {};
  headers.forEach((h, i) => (namedValues[h] ??= []).push(values[i]));
  return { authMode: 'FULL', namedValues, range, source, triggerUid, values: [...values] };
}

export function formSubmitEvent(response: unknown, form: unknown, triggerUid: string): EventObject {
  return { authMode: 'FULL', response, source: form, triggerUid };
}
