/**
 * Planner of the "Sinkron hari libur" menu action (DESIGN §6, issue 3 item 4): compares the
 * `Hari Libur` tab with the all-day events of Google's "Holidays in Indonesia" calendar and says
 * which dates to append, with source "Google Kalender", for the operator to review. Pure: the
 * Apps Script side reads the tab and the calendar, calls `planHolidaySync`, appends `toAdd` in
 * one write and reports the summary.
 *
 * Rules:
 * - Only dates missing from the tab are added. A date already in the tab, whatever its name,
 *   kind or source (including an operator's 'Hari kerja' row), is never touched: the sync never
 *   deletes or overrides an operator entry.
 * - One row per date: several events on one date are merged (names joined with " / ").
 * - Observances (the calendar also lists days that are working days, e.g. Hari Kartini) are left
 *   out unless `includeObservances`; Google marks them in the event description.
 * - Kind: 'Cuti bersama' when every event of the date is a collective leave ("Cuti Bersama",
 *   "Joint Holiday"), else 'Libur nasional'. The operator reviews and corrects.
 */
import { dateKeyOfDay, dayNumberOf } from './calendar';
import type { HolidayKind } from './holidays';
import { HOLIDAY_KIND } from './labels/holidays';

/** Value of the `Hari Libur` source column for synced rows. */
export const GOOGLE_CALENDAR_SOURCE = 'Google Kalender';

/** Google's public "Holidays in Indonesia" calendar with Indonesian names (`en.` gives English). */
/**
 * Google's "Holidays in Indonesia" calendar has one id per account language: Indonesian
 * accounts subscribe to id.indonesian#…, English ones to en.indonesian#…. CalendarApp returns
 * null for a calendar the account is not subscribed to, so both are tried, in this order.
 */
export const INDONESIAN_HOLIDAYS_CALENDAR_IDS = [
  'id.indonesian#holiday@group.v.calendar.google.com',
  'en.indonesian#holiday@group.v.calendar.google.com',
] as const;

/** A row of the `Hari Libur` tab (structurally `HolidayRow` of config.ts). */
export interface HolidayTabRow {
  /** 'yyyy-MM-dd'; rows whose date cannot be read block nothing. */
  readonly date: string;
  readonly name?: string;
  readonly kind?: string;
  readonly source?: string;
}

/** An all-day event of the holiday calendar, dates already read in the calendar's zone. */
export interface HolidayCalendarEvent {
  readonly title: string;
  /** First day, 'yyyy-MM-dd'. */
  readonly date: string;
  /** Exclusive end day 'yyyy-MM-dd' (as CalendarApp's getAllDayEndDate); default the next day. */
  readonly endDate?: string;
  /** Google writes "Public holiday" / "Observance …" (or the Indonesian equivalents) here. */
  readonly description?: string;
}

export interface HolidaySyncOptions {
  /** Only dates in from..to (inclusive, 'yyyy-MM-dd') are considered. */
  readonly from?: string;
  readonly to?: string;
  readonly includeObservances?: boolean;
}

export interface HolidayToAdd {
  readonly date: string;
  readonly name: string;
  readonly kind: HolidayKind;
  readonly source: typeof GOOGLE_CALENDAR_SOURCE;
}

export type HolidaySyncSkipReason = 'already-listed' | 'observance' | 'out-of-range' | 'invalid-date';

export interface HolidaySyncSkip {
  /** The event's date ('' when it cannot be read). */
  readonly date: string;
  readonly name: string;
  readonly reason: HolidaySyncSkipReason;
  /** For 'already-listed': the name in the tab. */
  readonly listedAs?: string;
}

export interface HolidaySyncSummary {
  readonly events: number;
  readonly added: number;
  readonly alreadyListed: number;
  readonly observances: number;
  readonly outOfRange: number;
  readonly invalid: number;
}

export interface HolidaySyncPlan {
  /** Sorted by date; one per date. */
  readonly toAdd: readonly HolidayToAdd[];
  readonly skipped: readonly HolidaySyncSkip[];
  readonly summary: HolidaySyncSummary;
}

/** Longest all-day event expanded, in days (guards against a malformed end date). */
const MAX_EVENT_DAYS = 31;

const OBSERVANCE = /^\s*(observance|perayaan|peringatan)\b/i;
const COLLECTIVE_LEAVE = /cuti\s+bersama|joint\s+holiday|collective\s+leave/i;

export function isObservance(event: HolidayCalendarEvent): boolean {
  return OBSERVANCE.test(event.description ?? '');
}

function dayOrNull(key: string | undefined): number | null {
  try {
    return key === undefined ? null : dayNumberOf(key);
  } catch {
    return null;
  }
}

export function planHolidaySync(
  rows: readonly HolidayTabRow[],
  events: readonly HolidayCalendarEvent[],
  options: HolidaySyncOptions = {},
): HolidaySyncPlan {
  const from = options.from === undefined ? -Infinity : dayNumberOf(options.from, 'holiday sync from');
  const to = options.to === undefined ? Infinity : dayNumberOf(options.to, 'holiday sync to');

  const listed = new Map<number, string>();
  for (const row of rows) {
    const day = dayOrNull(row.date);
    if (day !== null && !listed.has(day)) listed.set(day, row.name ?? '');
  }

  const skipped: HolidaySyncSkip[] = [];
  const byDay = new Map<number, { names: string[]; allLeave: boolean }>();
  for (const event of events) {
    const name = (event.title ?? '').trim();
    const first = dayOrNull(event.date);
    const endDay = event.endDate === undefined ? null : dayOrNull(event.endDate);
    if (first === null || (event.endDate !== undefined && endDay === null)) {
      skipped.push({ date: first === null ? '' : dateKeyOfDay(first), name, reason: 'invalid-date' });
      continue;
    }
    const end = Math.min(endDay !== null && endDay > first ? endDay : first + 1, first + MAX_EVENT_DAYS);
    const observance = !options.includeObservances && isObservance(event);
    for (let day = first; day < end; day++) {
      const date = dateKeyOfDay(day);
      if (day < from || day > to) skipped.push({ date, name, reason: 'out-of-range' });
      else if (observance) skipped.push({ date, name, reason: 'observance' });
      else if (listed.has(day)) skipped.push({ date, name, reason: 'already-listed', listedAs: listed.get(day) });
      else {
        const entry = byDay.get(day) ?? { names: [], allLeave: true };
        if (name && !entry.names.includes(name)) entry.names.push(name);
        entry.allLeave = entry.allLeave && COLLECTIVE_LEAVE.test(name);
        byDay.set(day, entry);
      }
    }
  }

  const toAdd: HolidayToAdd[] = [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, e]) => ({
      date: dateKeyOfDay(day),
      name: e.names.join(' / '),
      kind: e.allLeave ? HOLIDAY_KIND.collective : HOLIDAY_KIND.national,
      source: GOOGLE_CALENDAR_SOURCE,
    }));

  const count = (reason: HolidaySyncSkipReason): number => skipped.filter((s) => s.reason === reason).length;
  return {
    toAdd,
    skipped,
    summary: {
      events: events.length,
      added: toAdd.length,
      alreadyListed: count('already-listed'),
      observances: count('observance'),
      outOfRange: count('out-of-range'),
      invalid: count('invalid-date'),
    },
  };
}
