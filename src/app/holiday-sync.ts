/**
 * Menu › Sinkron hari libur (issue 3): reads Google's "Holidays in Indonesia" calendar for this
 * year and next, and appends the dates missing from `Hari Libur` with source "Google Kalender"
 * for the operator to review. Never deletes or overrides an operator entry (src/core/holiday-sync).
 */
import { HOLIDAY_HEADERS } from '../core/config';
import { INDONESIAN_HOLIDAYS_CALENDAR_IDS, planHolidaySync } from '../core/holiday-sync';
import { MENU, TAB } from '../core/labels';
import { RUN_NAME } from '../core/labels/runs';
import { ACTION, FAILURE } from '../core/labels/journal';
import { dateKeyOf } from '../core/config';
import { formatDate } from '../core/values';
import { cellText } from '../core/sanitize';
import { refreshConfig } from '../gas/config-store';
import { appendRows, readTab } from '../gas/tabs';
import { HOLIDAY_SYNC_TEXT as TEXT } from '../core/labels/holiday-sync';
import { readCalendarHolidays } from '../gas/holiday-calendar';
import { activeUserEmail } from '../gas/session';
import { showAlert } from '../gas/ui';
import { operatorOnly } from './access';
import { finish, guard, startRun } from './run';

export function syncHolidays(): string {
  const run = startRun(TEXT.action, { user: activeUserEmail() });
  const tab = readTab(run.ss, TAB.holidays);
  if (!tab) throw new Error(FAILURE.tabMissing(TAB.holidays));
  const col = (h: string) => tab.headers.findIndex((x) => String(x).trim() === h);
  const [dateCol, nameCol, kindCol, sourceCol] = HOLIDAY_HEADERS.map(col);
  const rows = tab.rows.map((r) => ({
    date: dateKeyOf(r[dateCol]) ?? '',
    name: String(r[nameCol] ?? ''),
    kind: String(r[kindCol] ?? ''),
    source: String(r[sourceCol] ?? ''),
  }));
  const year = Number(formatDate(run.now).slice(0, 4));
  const events = readCalendarHolidays(
    INDONESIAN_HOLIDAYS_CALENDAR_IDS,
    new Date(`${year}-01-01T00:00:00+07:00`),
    new Date(`${year + 2}-01-01T00:00:00+07:00`),
  );
  if (!events) {
    // The operator can fix this (subscribe to the calendar): explain, log, change nothing.
    run.journal.error(FAILURE.holidayCalendarMissing, INDONESIAN_HOLIDAYS_CALENDAR_IDS.join(' / '), '', 'PERINGATAN');
    finish(run);
    return FAILURE.holidayCalendarMissing;
  }
  const plan = planHolidaySync(rows, events, { from: `${year}-01-01`, to: `${year + 1}-12-31` });
  const width = tab.width;
  const out = plan.toAdd.map((h) => {
    const row = new Array<unknown>(width).fill('');
    row[dateCol] = h.date;
    row[nameCol] = cellText(h.name);
    row[kindCol] = h.kind;
    row[sourceCol] = h.source;
    return row;
  });
  appendRows(tab.sheet, out, tab.rows.length + 1);
  for (const h of plan.toAdd)
    run.journal.record('', ACTION.holidayAdded, TEXT.dateField, '', TEXT.addedItem(h.date, h.name, h.kind));
  if (out.length) refreshConfig(run.ss, run.state);
  finish(run);
  const s = plan.summary;
  return [
    TEXT.added(s.added, TAB.holidays),
    ...plan.toAdd.slice(0, 30).map((h) => `• ${TEXT.addedItem(h.date, h.name, h.kind)}`),
    TEXT.skipped(s.alreadyListed, s.observances),
  ].join('\n');
}

export function menuSyncHolidays(): void {
  if (!operatorOnly(MENU.syncHolidays)) return;
  guard(RUN_NAME.menu, () => {
    showAlert(MENU.syncHolidays, syncHolidays());
  });
}
