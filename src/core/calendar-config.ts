/** The working-day calendar the operator configured (`Pengaturan` hours, `Hari Libur` dates). */
import {
  CalendarConfig,
  DayHours,
  HourException,
  IsoWeekday,
  WeeklyHours,
  WorkCalendar,
  WorkingDate,
  createCalendar,
} from './calendar';
import { AppConfig, Hours } from './config';
import { Holiday, HolidayKind } from './holidays';
import { HOLIDAY_KIND } from './labels/holidays';

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function dayHours(h: Hours | null): DayHours | null {
  return h ? { open: hhmm(h.open), close: hhmm(h.close) } : null;
}

function weekly(hours: (Hours | null)[]): WeeklyHours {
  const out: { [W in IsoWeekday]?: DayHours | null } = {};
  hours.forEach((h, i) => {
    out[(i + 1) as IsoWeekday] = dayHours(h);
  });
  return out;
}

export function calendarConfigOf(
  cfg: Pick<AppConfig, 'weekHours' | 'exceptions' | 'holidays'>,
): Partial<CalendarConfig> {
  const holidays: Holiday[] = [];
  const workingDates: WorkingDate[] = [];
  for (const row of cfg.holidays) {
    if (row.kind.toLowerCase() === HOLIDAY_KIND.working.toLowerCase()) {
      workingDates.push({ date: row.date, name: row.name });
    } else {
      const kind: HolidayKind =
        row.kind === HOLIDAY_KIND.national || row.kind === HOLIDAY_KIND.collective ? row.kind : HOLIDAY_KIND.local;
      holidays.push({ date: row.date, name: row.name, kind, source: row.source });
    }
  }
  const hourExceptions: HourException[] = cfg.exceptions.map((e) => ({
    from: e.from,
    to: e.to,
    hours: weekly(e.hours),
  }));
  return { weeklyHours: weekly(cfg.weekHours), holidays, workingDates, hourExceptions };
}

export function calendarOf(cfg: Pick<AppConfig, 'weekHours' | 'exceptions' | 'holidays'>): WorkCalendar {
  return createCalendar(calendarConfigOf(cfg));
}
