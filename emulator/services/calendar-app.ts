/**
 * CalendarApp, read-only (https://developers.google.com/apps-script/reference/calendar/calendar-app):
 * calendars by id and their events in a time range, enough for holiday sync from Google's
 * public "Holidays in Indonesia" calendar (`en.indonesian#holiday@group.v.calendar.google.com`).
 *
 * Documented behaviour relied on:
 * - getEvents(startTime, endTime) returns "events that start during the given time range, end
 *   during the time range, or encompass the time range" (a half-open overlap test).
 * - An all-day event covers whole days in the calendar's time zone; getAllDayStartDate /
 *   getAllDayEndDate return midnight of those dates, and the end date is exclusive (the day
 *   after the last day), as in Calendar's own data.
 * - getCalendarById returns null for a calendar the user cannot see, and also for a public
 *   calendar the user has not subscribed to (gas-fakes notes/oddities.md; the reference says
 *   it "Gets the calendar with the given ID" from the user's calendars). Google's holiday
 *   calendars have a per-language id: id.indonesian#… for Indonesian accounts, en.indonesian#…
 *   for English ones; an account is subscribed to at most the one of its language.
 */
import { DateTime } from 'luxon';
import { GasEnv } from '../env';
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { resolveZone } from './time-zone';
import { requireAuthorization, SCOPES } from './authorization';
import type { ServiceModule } from '../service-module';

export const INDONESIAN_HOLIDAYS_CALENDAR_ID = 'en.indonesian#holiday@group.v.calendar.google.com';

export interface CalendarEventSpec {
  title: string;
  description?: string;
  /** All-day event: first day 'YYYY-MM-DD', and optionally the last day (inclusive). */
  date?: string;
  lastDate?: string;
  /** Timed event. */
  start?: Date;
  end?: Date;
}

export class CalendarEvent extends GasObject {
  readonly _className = 'CalendarEvent';

  constructor(
    private readonly id: string,
    private readonly title: string,
    private readonly description: string,
    readonly _start: Date,
    readonly _end: Date,
    private readonly allDay: boolean,
  ) {
    super();
  }

  getId(): string {
    return this.id;
  }

  getTitle(): string {
    return this.title;
  }

  getDescription(): string {
    return this.description;
  }

  isAllDayEvent(): boolean {
    return this.allDay;
  }

  getStartTime(): Date {
    return new Date(this._start.getTime());
  }

  getEndTime(): Date {
    return new Date(this._end.getTime());
  }

  getAllDayStartDate(): Date {
    if (!this.allDay) throw new GasError('Event is not an all-day event.');
    return new Date(this._start.getTime());
  }

  getAllDayEndDate(): Date {
    if (!this.allDay) throw new GasError('Event is not an all-day event.');
    return new Date(this._end.getTime());
  }
}

export class Calendar extends GasObject {
  readonly _className = 'Calendar';
  readonly _events: CalendarEvent[] = [];
  private eventCounter = 0;

  constructor(
    private readonly id: string,
    private readonly name: string,
    private readonly timeZone: string,
    private readonly description = '',
  ) {
    super();
  }

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  getDescription(): string {
    return this.description;
  }

  getTimeZone(): string {
    return this.timeZone;
  }

  getEvents(startTime: Date, endTime: Date): CalendarEvent[] {
    const from = startTime.getTime();
    const to = endTime.getTime();
    return this._events
      .filter((e) => e._start.getTime() < to && e._end.getTime() > from)
      .sort((a, b) => a._start.getTime() - b._start.getTime());
  }

  getEventsForDay(date: Date): CalendarEvent[] {
    const day = DateTime.fromJSDate(date, { zone: resolveZone(this.timeZone) }).startOf('day');
    return this.getEvents(day.toJSDate(), day.plus({ days: 1 }).toJSDate());
  }

  /** Host hook: adds an event (all-day when `date` is given). */
  _addEvent(spec: CalendarEventSpec): CalendarEvent {
    const id = `${++this.eventCounter}_${this.id.replace(/[^a-z0-9]/gi, '').slice(0, 12)}@google.com`;
    if (spec.date) {
      const zone = resolveZone(this.timeZone);
      const first = DateTime.fromISO(spec.date, { zone }).startOf('day');
      const last = spec.lastDate ? DateTime.fromISO(spec.lastDate, { zone }).startOf('day') : first;
      if (!first.isValid || !last.isValid) throw new Error(`invalid all-day event date ${spec.date}..${spec.lastDate}`);
      const event = new CalendarEvent(
        id,
        spec.title,
        spec.description ?? '',
        first.toJSDate(),
        last.plus({ days: 1 }).toJSDate(),
        true,
      );
      this._events.push(event);
      return event;
    }
    if (!spec.start || !spec.end) throw new Error('a timed event needs start and end');
    const event = new CalendarEvent(id, spec.title, spec.description ?? '', spec.start, spec.end, false);
    this._events.push(event);
    return event;
  }
}

export class CalendarApp extends GasObject {
  readonly _className = 'CalendarApp';
  readonly _calendars = new Map<string, Calendar>();
  /** Calendars that exist (public) but the user has not subscribed to. */
  readonly _unsubscribed = new Set<string>();

  constructor(private readonly env: GasEnv) {
    super();
  }

  getCalendarById(id: string): Calendar | null {
    requireAuthorization(this.env, 'CalendarApp.getCalendarById', SCOPES.calendar);
    if (this._unsubscribed.has(String(id))) return null;
    return this._calendars.get(String(id)) ?? null;
  }

  getCalendarsByName(name: string): Calendar[] {
    requireAuthorization(this.env, 'CalendarApp.getCalendarsByName', SCOPES.calendar);
    return [...this._calendars.values()].filter(
      (c) => !this._unsubscribed.has(c.getId()) && c.getName() === String(name),
    );
  }

  /** Host hook: makes a calendar visible to the script. */
  _addCalendar(id: string, name: string, timeZone = this.env.timeZone, description = '', subscribed = true): Calendar {
    const calendar = new Calendar(id, name, timeZone, description);
    this._calendars.set(id, calendar);
    if (subscribed) this._unsubscribed.delete(id);
    else this._unsubscribed.add(id);
    return calendar;
  }

  /** Host hook: the user subscribes to a calendar (in the Calendar UI). */
  _subscribe(id: string): void {
    this._unsubscribed.delete(id);
  }
}

/** The CalendarApp module (emulator/registry.ts lists it). */
export const CALENDAR_SERVICE: ServiceModule = {
  global: 'CalendarApp',
  messagePrefix: 'CalendarApp',
  namespaces: ['Calendar'],
  create: (ctx) => new CalendarApp(ctx.env),
  samples: (ctx) => {
    const app = new CalendarApp(ctx.env);
    const calendar = app._addCalendar('c@group.calendar.google.com', 'c');
    const event = calendar._addEvent({ title: 'e', date: '2026-01-01' });
    return [app, calendar, event];
  },
  costs: [{ match: /^(CalendarApp|Calendar|CalendarEvent)\./, ms: 200, source: 'assumption' }],
};
