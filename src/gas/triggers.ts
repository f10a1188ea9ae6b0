/**
 * The installable triggers (DESIGN §10): exactly one of each, whatever ran before. Duplicates
 * (e.g. from an old install) are deleted; the daily trigger is recreated when its hour changes.
 * Triggers run as the account that runs setup (the operator).
 */
import { TRIGGER_NAME } from '../core/labels/dialogs';
import { CHANNEL_TRIGGER_NAME } from '../core/labels/channels';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export const HANDLERS = {
  formSubmit: 'onFormSubmitTrigger',
  edit: 'onEditTrigger',
  open: 'onOpenTrigger',
  daily: 'dailyJob',
  hourly: 'hourlyJob',
  channelPoll: 'channelPollJob', // issue 15
} as const;

export interface TriggerReport {
  created: string[];
  removed: number;
}

export function ensureTriggers(ss: Spreadsheet, dailyHour: number, previousDailyHour: number | null): TriggerReport {
  const existing = ScriptApp.getProjectTriggers();
  const byHandler = new Map<string, Trigger[]>();
  for (const t of existing) {
    const h = t.getHandlerFunction();
    byHandler.set(h, [...(byHandler.get(h) ?? []), t]);
  }
  let removed = 0;
  const keep = (handler: string, stale = false): boolean => {
    const list = byHandler.get(handler) ?? [];
    const extra = stale ? list : list.slice(1);
    for (const t of extra) {
      ScriptApp.deleteTrigger(t);
      removed++;
    }
    return !stale && list.length > 0;
  };
  const created: string[] = [];
  if (!keep(HANDLERS.formSubmit)) {
    ScriptApp.newTrigger(HANDLERS.formSubmit).forSpreadsheet(ss).onFormSubmit().create();
    created.push(TRIGGER_NAME.formSubmit);
  }
  if (!keep(HANDLERS.edit)) {
    ScriptApp.newTrigger(HANDLERS.edit).forSpreadsheet(ss).onEdit().create();
    created.push(TRIGGER_NAME.edit);
  }
  if (!keep(HANDLERS.open)) {
    ScriptApp.newTrigger(HANDLERS.open).forSpreadsheet(ss).onOpen().create();
    created.push(TRIGGER_NAME.open);
  }
  if (!keep(HANDLERS.daily, previousDailyHour !== null && previousDailyHour !== dailyHour)) {
    ScriptApp.newTrigger(HANDLERS.daily)
      .timeBased()
      .atHour(dailyHour)
      .nearMinute(0)
      .everyDays(1)
      .inTimezone('Asia/Jakarta')
      .create();
    created.push(TRIGGER_NAME.daily(dailyHour));
  }
  if (!keep(HANDLERS.hourly)) {
    ScriptApp.newTrigger(HANDLERS.hourly).timeBased().everyHours(1).create();
    created.push(TRIGGER_NAME.hourly);
  }
  // Issue 15: channel capture every 15 minutes, every day (a poll without connected channels ends at once).
  if (!keep(HANDLERS.channelPoll)) {
    ScriptApp.newTrigger(HANDLERS.channelPoll).timeBased().everyMinutes(15).create();
    created.push(CHANNEL_TRIGGER_NAME);
  }
  return { created, removed };
}
