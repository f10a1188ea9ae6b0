/**
 * What every use case starts with: the spreadsheet, the time, who acts, the script state, the
 * configuration and calendar (read once per run), and the run's journal. `finish` writes the
 * journal and the state; `guard` turns an unexpected error into a `Log Galat` row and rethrows
 * it so that Google also notifies the owner (DESIGN §10).
 */
import type { WorkCalendar } from '../core/calendar';
import { calendarOf } from '../core/calendar-config';
import { AppConfig } from '../core/config';
import { LOG, SYSTEM_USER } from '../core/labels/journal';
import { cachedConfig, refreshConfig } from '../gas/config-store';
import { Journal } from '../gas/journal';
import { ScriptState } from '../gas/state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Layout {
  spreadsheetUrl: string;
  gids: Record<string, number>;
  formId: string;
  /** The form's responses tab: its name, gid and the column of each answer by logical key. */
  responses: { sheetName: string; gid: number; columns: Record<string, number> } | null;
  /**
   * Every responses tab the spreadsheet has had (a re-linked form writes to a new one, the old
   * one keeps its responses): all are read when looking for responses never registered.
   */
  responseTabs?: { sheetName: string; gid: number }[];
}

export interface Run {
  ss: Spreadsheet;
  now: Date;
  user: string;
  state: ScriptState;
  config: AppConfig;
  calendar: WorkCalendar;
  journal: Journal;
  layout: Layout;
}

/** The layout setup recorded (form, responses tab, tab gids); empty before the first setup. */
export function layoutOf(state: ScriptState): Layout {
  return state.getJson<Layout>('layout') ?? { spreadsheetUrl: '', gids: {}, formId: '', responses: null };
}

/**
 * `freshConfig` reads the config tabs instead of the cache (and refreshes the cache): the hourly
 * run does this so that an edit the edit trigger did not see is picked up within the hour.
 */
export function startRun(source: string, options: { ss?: Spreadsheet; user?: string; state?: ScriptState; freshConfig?: boolean } = {}): Run {
  const ss = options.ss ?? SpreadsheetApp.getActiveSpreadsheet();
  const now = new Date();
  const state = options.state ?? ScriptState.load();
  const config = options.freshConfig ? refreshConfig(ss, state) : cachedConfig(ss, state);
  return {
    ss, now, state, config,
    user: options.user ?? '',
    calendar: calendarOf(config),
    journal: new Journal(now, options.user || SYSTEM_USER, source),
    layout: layoutOf(state),
  };
}

export function finish(run: Run): void {
  run.journal.flush(run.ss);
  run.state.save();
}

/** Link to a tab of the spreadsheet (emails, dialogs). */
export function tabUrl(run: Run, tabName: string): string {
  const gid = run.layout.gids[tabName];
  const base = run.layout.spreadsheetUrl;
  return gid === undefined ? base : `${base}#gid=${gid}`;
}

export function errorText(e: unknown): string {
  return String((e as Error)?.message ?? e);
}

/** Runs `body`; on an unexpected error writes `Log Galat` (best effort) and rethrows. */
export function guard<T>(source: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    try {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const journal = new Journal(new Date(), SYSTEM_USER, source);
      journal.error(LOG.unexpected(errorText(e)), String((e as Error)?.stack ?? ''));
      journal.flush(ss);
    } catch (inner) {
      console.error(`Log Galat tidak dapat ditulis: ${errorText(inner)}`);
    }
    throw e;
  }
}
