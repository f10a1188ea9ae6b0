/**
 * Google's public holiday calendar, read through CalendarApp (one getEvents call). Returns the
 * all-day events between two instants, or null when none of the calendar ids is subscribed.
 */
import type { HolidayCalendarEvent } from '../core/holiday-sync';
import { formatDate } from '../core/values';

export function readCalendarHolidays(ids: readonly string[], from: Date, to: Date): HolidayCalendarEvent[] | null {
  const calendar = ids.map((id) => CalendarApp.getCalendarById(id)).find((c) => c !== null) ?? null;
  if (!calendar) return null;
  return calendar
    .getEvents(from, to)
    .filter((e) => e.isAllDayEvent())
    .map((e) => ({
      title: e.getTitle(),
      date: formatDate(e.getAllDayStartDate() as unknown as Date),
      endDate: formatDate(e.getAllDayEndDate() as unknown as Date),
      description: e.getDescription(),
    }));
}
