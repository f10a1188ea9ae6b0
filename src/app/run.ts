/**
 * What every use case starts with: the spreadsheet, the time, who acts, the script state, the
 * configuration and calendar (read once per run), and the run's journal. `finish` writes the
 * journal and the state; `guard` turns an unexpected error into a `Log Galat` row and rethrows
 * it so that Google also notifies the owner (DESIGN §10).
 */
import { boundSpreadsheet } from '../gas/session';
import type { WorkCalendar } from '../core/calendar';
import { calendarOf } from '../core/calendar-config';
import { AppConfig } from '../core/config';
import { ACTION, HISTORY_VALUE, LOG, SYSTEM_USER, UNKNOWN_USER } from '../core/labels/journal';
import { REGISTER_COLUMNS } from '../core/complaint';
import { TransitionResult } from '../core/transitions';
import { Registration, RegistrationInput, ResponseRow, decideRegistration } from '../core/registration';
import type { Answers } from '../core/intake';
import type { Complaint } from '../core/complaint';
import { trackingLinkFor } from '../gas/tracking';
import { formatDate } from '../core/values';
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
export function startRun(
  source: string,
  options: { ss?: Spreadsheet; user?: string; state?: ScriptState; freshConfig?: boolean } = {},
): Run {
  const ss = options.ss ?? boundSpreadsheet();
  const now = new Date();
  const state = options.state ?? ScriptState.load();
  const config = options.freshConfig ? refreshConfig(ss, state) : cachedConfig(ss, state);
  return {
    ss,
    now,
    state,
    config,
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
      const ss = boundSpreadsheet();
      const journal = new Journal(new Date(), SYSTEM_USER, source);
      journal.error(LOG.unexpected(errorText(e)), String((e as Error)?.stack ?? ''));
      journal.flush(ss);
    } catch (inner) {
      console.error(`Log Galat tidak dapat ditulis: ${errorText(inner)}`);
    }
    throw e;
  }
}

/** The number counter of a registration year, as the run knows it. */
export function counterOf(run: Run, year: number): number {
  return Number(run.state.get(`seq.${year}`) ?? 0);
}

/** Registration year in WIB. */
export const yearOf = (d: Date): number => Number(formatDate(d).slice(0, 4));

/**
 * Applies a registration to the run: advances the counter and writes the history. The history
 * keeps the response key with the number, so a complaint whose register row is deleted gets its
 * own number back when the response is registered again.
 */
export function noteRegistration(run: Run, reg: Registration, where: string, byReconcile: boolean): void {
  const c = reg.complaint;
  if (reg.sequence && counterOf(run, reg.sequence.year) < reg.sequence.value)
    run.state.set(`seq.${reg.sequence.year}`, String(reg.sequence.value));
  const action = byReconcile ? ACTION.recordedByReconcile : ACTION.recorded;
  run.journal.record(
    c.number,
    action,
    'Status',
    '',
    reg.restored
      ? HISTORY_VALUE.restored(c.status, c.unit)
      : HISTORY_VALUE.recorded(c.status, c.unit, reg.routing === 'auto', reg.routingNote),
  );
  run.journal.record(c.number, action, RESPONSE_KEY_FIELD, '', c.sourceKey);
  if (reg.problems.length) run.journal.error(LOG.formProblems(reg.problems), where, c.number, 'PERINGATAN');
}

/** `Riwayat` › Kolom of the row that ties a complaint number to its response key. */
export const RESPONSE_KEY_FIELD = 'Kunci Respons';

/** History names a change by the register's header (changes are to the register record). */
const HEADER_OF: Record<string, string> = {
  ...Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.key, c.header])),
  officerStatus: 'Status',
};

/** History rows for the changes of one transition (edits and reconcile). */
export function recordChanges(run: Run, result: TransitionResult, action: string, user: string): void {
  for (const ch of result.changes) {
    if (ch.key === 'updatedAt') continue;
    run.journal.record(
      result.complaint.number,
      action,
      HEADER_OF[ch.key] ?? ch.key,
      ch.oldValue,
      ch.newValue,
      user || UNKNOWN_USER,
    );
  }
  for (const r of result.refusals) {
    run.journal.record(
      result.complaint.number,
      ACTION.refused,
      HEADER_OF[r.key] ?? r.key,
      r.typed,
      r.message,
      user || UNKNOWN_USER,
    );
    run.journal.error(LOG.refused(user, r.message), LOG.typed(r.typed), result.complaint.number, 'PERINGATAN');
  }
}

/**
 * Registers answers that do not come from a form response row (a post triaged in `Kotak Masuk`,
 * DESIGN §14) through the same core decision as the form: numbered, routed, flagged, with the
 * history and the counter applied to the run. The caller writes the complaint.
 */
/**
 * The registration decision with what the run knows (config, calendar, clock, counters, the
 * tracking link): the one way intake, reconcile and triage register a response. `highest` is the
 * register's highest sequence per year, so a lost counter never reuses a number.
 */
export function decide(
  run: Run,
  response: ResponseRow,
  key: string,
  highest: ReadonlyMap<number, number> = new Map(),
  known: Pick<RegistrationInput, 'knownNumber' | 'recorded'> = {},
): Registration {
  return decideRegistration({
    response,
    key,
    units: run.config.units,
    calendar: run.calendar,
    stepDays: run.config.stepDays,
    now: run.now,
    counter: (year) => Math.max(counterOf(run, year), highest.get(year) ?? 0),
    yearOf,
    trackingUrlOf: (n) => trackingLinkFor(run, n),
    ...known,
  });
}

/**
 * Registers answers that do not come from a form response row (a post triaged in `Kotak Masuk`,
 * DESIGN §14) through the same core decision as the form; the caller writes the complaint.
 */
export function registerAnswers(
  run: Run,
  answers: Answers,
  submittedAt: Date,
  respondent: string,
  key: string,
  where: string,
): Complaint {
  const reg = decide(run, { tab: where, row: 0, submittedAt, respondent, answers }, key);
  noteRegistration(run, reg, where, false);
  return reg.complaint;
}

/**
 * One broken part never stops the rest (DESIGN §10): `body` runs for one unit; if it throws (a
 * cleared tab, a renamed header), the failure is logged once a day for that unit and the run
 * goes on with the others. Returns whether it succeeded.
 */
export function isolated(run: Run, part: string, body: () => void): boolean {
  try {
    body();
    return true;
  } catch (e) {
    const key = `reported.part.${part}`;
    const today = formatDate(run.now);
    if (run.state.get(key) !== today) {
      run.journal.error(LOG.partFailed(part, errorText(e)), String((e as Error)?.stack ?? ''), '', 'GALAT');
      run.state.set(key, today);
    }
    return false;
  }
}
