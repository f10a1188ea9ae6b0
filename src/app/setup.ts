/**
 * Siapkan / Perbarui (DESIGN §3–§4, §10): creates or upgrades every tab, seeds the config,
 * creates or re-syncs the form, installs exactly one of each trigger, applies validation,
 * colours and protections, rebuilds the unit tabs, and reports what it did. Running it again
 * changes nothing that is already right and keeps all data.
 */
import { ERROR_HEADERS, HISTORY_HEADERS } from '../core/audit';
import { ALL_STATUSES, OFFICER_CHOICES, REGISTER_COLUMNS, STATUS, UNIT_COLUMNS } from '../core/complaint';
import { DEFAULT_UNITS, HOLIDAY_HEADERS, SETTINGS, SETTINGS_HEADERS, UNIT_HEADERS } from '../core/config';
import { OUTBOX_HEADERS } from '../core/email/message';
import { CHANNEL_CHOICES } from '../core/form-spec';
import { SHIPPED_HOLIDAYS, SHIPPED_HOLIDAY_SOURCE } from '../core/holidays';
import { FORM, MENU, TAB } from '../core/labels';
import { ACTION, LOG } from '../core/labels/journal';
import { DROPDOWN_HELP, SETUP_TEXT } from '../core/labels/dialogs';
import { cellText } from '../core/sanitize';
import { cachedConfig, refreshConfig } from '../gas/config-store';
import { ensureForm, waitForResponsesTab } from '../gas/form';
import {
  TabReport,
  appendMissingKeys,
  columnFormat,
  dropdown,
  ensureTimeZone,
  headerIndex,
  protectTab,
  protectionAccount,
  removeBlankTabs,
  seedTab,
  sheetIds,
  statusColours,
  typedTab,
} from '../gas/sheet-setup';
import {
  SETUP_CONTINUE_AFTER_MS,
  SETUP_PHASES,
  UNTIMED_PHASE_MS,
  SetupPhase,
  budgetOf,
  isSetupPhase,
  phaseAfter,
  shouldHandOver,
} from '../core/setup-phases';
import { SETUP_PHASE_TEXT } from '../core/labels/setup-phases';
import {
  SETUP_BUDGET_KEY,
  SETUP_PHASE_TIMES_KEY,
  SETUP_PROGRESS_KEY,
  activeSpreadsheet,
  clearSetupProgress,
  effectiveUserEmail,
  removeSetupContinuations,
  scheduleSetupContinuation,
} from '../gas/setup-phases';
import { tryScriptLock, waitScriptLock } from '../gas/lock';
import type { Complaint } from '../core/complaint';
import { ScriptState } from '../gas/state';
import { ensureTriggers } from '../gas/triggers';
import { ensureTrackingSecret, writeTrackingLinks } from '../gas/tracking';
import { RATING_HEADERS, TRACKING_TAB } from '../core/labels/tracking';
import { showAlert } from '../gas/ui';
import { DASHBOARD_HEADERS, refreshDashboardQuietly } from './dashboard-refresh';
import { Outbox } from '../gas/outbox';
import { reconcileAll } from './reconciliation';
import { operatorOnly } from './access';
import { Layout, Run, errorText, finish, guard, layoutOf, startRun } from './run';
import { AppConfig } from '../core/config';
import { INBOX_COLUMNS } from '../core/channels/inbox';
import { CHANNEL_TEXT, INBOX_TAB } from '../core/labels/channels';
import { readCredentials } from '../gas/channel-fetch';
import { renameBack } from '../gas/tabs';
import { prepareInbox } from '../gas/inbox-setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetupReport {
  createdTabs: string[];
  addedHeaders: string[];
  seeded: string[];
  form: string;
  triggers: string[];
  unitTabs: number;
  /** The spreadsheet's zone before setup changed it to WIB (null: it already was). */
  timeZoneFrom: string | null;
  formState: string;
  problems: string[];
  /** The channels connected (credential in Script Properties, DESIGN §14). */
  channels?: string[];
  /** The phases run so far (over every execution of this setup). */
  phases: SetupPhase[];
  /** The phase a one-off trigger continues with (null: setup is complete). */
  continuesWith: SetupPhase | null;
}

/** Every date the system reads or writes is WIB (DESIGN §6). */
export const SPREADSHEET_TIME_ZONE = 'Asia/Jakarta';

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

const SYSTEM_TIME_COLUMNS: Record<string, string[]> = {
  [TAB.history]: ['Waktu'],
  [TAB.errors]: ['Waktu'],
  [TAB.outbox]: ['Dibuat', 'Dikirim'],
  [TRACKING_TAB]: ['Waktu Penilaian'],
};

/** Notes a tab built by a phase in the report: created, or the headers it gained. */
function noteTab(report: SetupReport, name: string, tab: TabReport): TabReport {
  if (tab.created) report.createdTabs.push(name);
  else report.addedHeaders.push(...tab.addedHeaders.map((h) => `${name}: ${h}`));
  return tab;
}

/** Creates or upgrades a tab from its column definitions; its time columns shown as WIB dates. */
function tabFor(
  ss: Spreadsheet,
  name: string,
  columns: readonly { header: string; kind: string; width?: number }[],
  report: SetupReport,
): TabReport {
  return noteTab(report, name, typedTab(ss, name, columns, DATE_FORMAT));
}

/** A config tab seeded when empty (`Unit`, `Hari Libur`). */
function seedRows(
  ss: Spreadsheet,
  name: string,
  headers: readonly string[],
  rows: unknown[][],
  report: SetupReport,
): TabReport {
  const tab = seedTab(
    ss,
    name,
    headers,
    rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]]))),
  );
  if (tab.created) report.createdTabs.push(name);
  if (tab.seeded) report.seeded.push(SETUP_TEXT.seededRows(name, tab.seeded));
  return tab;
}

/** `Pengaturan`: every setting key the tab lacks is added with its default and description. */
function seedSettings(ss: Spreadsheet, report: SetupReport): void {
  const [keyHeader, valueHeader, descriptionHeader] = SETTINGS_HEADERS;
  const rows = SETTINGS.map((s) => ({
    [keyHeader]: s.key,
    [valueHeader]: cellText(s.value),
    [descriptionHeader]: cellText(s.description),
  }));
  const tab = appendMissingKeys(ss, TAB.settings, SETTINGS_HEADERS, [220, 320, 520], keyHeader, rows);
  if (tab.created) report.createdTabs.push(TAB.settings);
  if (tab.seeded) report.seeded.push(SETUP_TEXT.seededKeys(TAB.settings, tab.seeded));
}

/** What the phases share within one execution; `config` and `run` are rebuilt by a continuation. */
interface SetupContext {
  ss: Spreadsheet;
  state: ScriptState;
  report: SetupReport;
  /** Read by the first phase; a continuation takes it from the cache that phase refreshed. */
  config: AppConfig;
  /** Tabs whose protection did not take effect, reported once every tab is protected. */
  unprotected: string[];
  /** The journal run of the last phases (reconcile, dashboard), started by the first of them. */
  run: Run | null;
  /** The register's complaints as reconcile left them, when it ran in this execution. */
  complaints?: readonly Complaint[];
}

/** What a phase hands to the next execution (Script Properties, `setup.progress`). */
interface SetupProgress {
  next: SetupPhase;
  report: SetupReport;
  unprotected: string[];
}

// A new spreadsheet takes its creator's account time zone, and Sheets reads every date-time
// answer as wall-clock time in it: set WIB before anything is written or the form is linked.
function setTimeZone(ctx: SetupContext): void {
  ctx.report.timeZoneFrom = ensureTimeZone(ctx.ss, SPREADSHEET_TIME_ZONE);
}

/** Config tabs first: everything else is built from them. */
function setupConfigTabs(ctx: SetupContext): void {
  const { ss, report } = ctx;
  setTimeZone(ctx);
  seedRows(
    ss,
    TAB.units,
    UNIT_HEADERS,
    DEFAULT_UNITS.map((u) => [u.name, u.kind, u.tab, u.pics.join(', '), u.head, u.keywords.join(', '), 'Ya']),
    report,
  );
  seedSettings(ss, report);
  const holidays = seedRows(
    ss,
    TAB.holidays,
    HOLIDAY_HEADERS,
    SHIPPED_HOLIDAYS.map((h) => [h.date, h.name, h.kind, SHIPPED_HOLIDAY_SOURCE]),
    report,
  );
  columnFormat(holidays.sheet, holidays.index.get(HOLIDAY_HEADERS[0])!, 'yyyy-mm-dd');
  ctx.config = refreshConfig(ss, ctx.state);
  report.problems.push(...ctx.config.problems);
}

const activeUnits = (config: AppConfig) => config.units.filter((u) => u.active);

function columnIndex(tab: TabReport, columns: readonly { key: string; header: string }[]): (key: string) => number {
  return (key) => tab.index.get(columns.find((c) => c.key === key)!.header)!;
}

function setupRegister(ctx: SetupContext): void {
  const register = tabFor(ctx.ss, TAB.register, REGISTER_COLUMNS, ctx.report);
  const col = columnIndex(register, REGISTER_COLUMNS);
  dropdown(
    register.sheet,
    col('unit'),
    activeUnits(ctx.config).map((u) => u.name),
    DROPDOWN_HELP.unit,
  );
  dropdown(register.sheet, col('status'), ALL_STATUSES, DROPDOWN_HELP.status);
  dropdown(register.sheet, col('category'), ctx.config.categories, DROPDOWN_HELP.category);
  statusColours(register.sheet, register.index.size, col('status'), col('stepDue'), [STATUS.answered, STATUS.closed]);
}

/** One tab per active unit. */
function setupUnitTabs(ctx: SetupContext): void {
  const gids = layoutOf(ctx.state).gids;
  for (const unit of activeUnits(ctx.config)) {
    // A unit tab someone renamed gets its name from the Unit tab back (found by its sheet id),
    // instead of a second, empty tab being created beside it.
    const renamed = renameBack(ctx.ss, unit.tab, gids);
    if (renamed) ctx.report.createdTabs.push(SETUP_TEXT.tabRenamedBack(renamed, unit.tab));
    const tab = tabFor(ctx.ss, unit.tab, UNIT_COLUMNS, ctx.report);
    const col = columnIndex(tab, UNIT_COLUMNS);
    dropdown(tab.sheet, col('officerStatus'), OFFICER_CHOICES, DROPDOWN_HELP.officerStatus);
    statusColours(tab.sheet, tab.index.size, col('officerStatus'), col('stepDue'), [
      'Selesai',
      STATUS.answered,
      STATUS.closed,
    ]);
    ctx.report.unitTabs++;
  }
}

const SYSTEM_TABS = [
  [TAB.history, HISTORY_HEADERS],
  [TAB.outbox, OUTBOX_HEADERS],
  [TAB.errors, ERROR_HEADERS],
  [TAB.dashboard, DASHBOARD_HEADERS],
  [TRACKING_TAB, RATING_HEADERS],
] as const;

function setupSystemTabs(ctx: SetupContext): void {
  for (const [name, headers] of SYSTEM_TABS) {
    tabFor(
      ctx.ss,
      name,
      headers.map((header) => ({ header, kind: SYSTEM_TIME_COLUMNS[name]?.includes(header) ? 'date' : 'text' })),
      ctx.report,
    );
  }
  // `Kotak Masuk`, where captured posts wait for the admin's triage (DESIGN §14).
  const inbox = tabFor(ctx.ss, INBOX_TAB, INBOX_COLUMNS, ctx.report);
  prepareInbox(
    inbox.sheet,
    inbox.index,
    ctx.config.categories,
    activeUnits(ctx.config).map((u) => u.name),
    ctx.config.admins,
  );
  ctx.report.channels = Object.keys(readCredentials(ctx.state));
}

/**
 * The register's admin columns for the admins, each unit tab's officer columns for its PICs
 * and the admins; the system and config tabs for nobody but the owner. Each protection is checked.
 */
function setupProtections(ctx: SetupContext): void {
  const { ss, config, unprotected } = ctx;
  const account = protectionAccount();
  const protect = (
    name: string,
    columns: readonly { key: string; header: string }[],
    editable: string[],
    editors: string[],
  ) => {
    const sheet = ss.getSheetByName(name);
    if (!sheet) return;
    const index = editable.length ? headerIndex(sheet) : new Map<string, number>();
    const cols = columns
      .filter((c) => editable.includes(c.key))
      .map((c) => index.get(c.header))
      .filter((i): i is number => i !== undefined);
    unprotected.push(...protectTab(sheet, name, cols, editors, account));
  };
  protect(
    TAB.register,
    REGISTER_COLUMNS,
    REGISTER_COLUMNS.filter((c) => c.editor === 'admin').map((c) => c.key),
    config.admins,
  );
  const officerKeys = UNIT_COLUMNS.filter((c) => c.editor === 'officer').map((c) => c.key);
  for (const unit of activeUnits(config))
    protect(unit.tab, UNIT_COLUMNS, officerKeys, [...unit.pics, ...config.admins]);
  for (const name of [...SYSTEM_TABS.map(([n]) => n), TAB.units, TAB.settings, TAB.holidays]) protect(name, [], [], []);
  if (unprotected.length) ctx.report.problems.push(SETUP_TEXT.protectionsNotInEffect(unprotected));
}

/** The form, linked to this spreadsheet, with choices from the config; the layout recorded. */
function setupForm(ctx: SetupContext): void {
  const { ss, state, report } = ctx;
  const layout = layoutOf(state);
  layout.spreadsheetUrl = ss.getUrl();
  try {
    syncForm(ss, layout, ctx.config, report);
  } catch (e) {
    // A passing failure of Forms: never create a second form; say so and go on with the rest.
    report.form = SETUP_TEXT.formUnavailable(errorText(e));
    report.problems.push(report.form);
  }
  layout.gids = sheetIds(ss);
  removeBlankFirstTab(ss, layout, report);
  state.setJson('layout', layout);
}

/** The empty first tab of a new spreadsheet is only in the way. */
function removeBlankFirstTab(ss: Spreadsheet, layout: Layout, report: SetupReport): void {
  for (const name of removeBlankTabs(ss, ['Sheet1', 'Lembar1', 'Sheet 1', 'Lembar 1'])) {
    delete layout.gids[name];
    report.createdTabs.push(SETUP_TEXT.removedBlankTab(name));
  }
}

/** Exactly one of each trigger; the tracking page's HMAC secret (DESIGN §15), created once. */
function setupTriggers(ctx: SetupContext): void {
  const { ss, state, config } = ctx;
  const previousHour = state.get('trigger.dailyHour');
  ctx.report.triggers = ensureTriggers(
    ss,
    config.reminderHour,
    previousHour === undefined ? null : Number(previousHour),
  ).created;
  state.set('trigger.dailyHour', String(config.reminderHour));
  ensureTrackingSecret(state);
  state.save();
}

function runOf(ctx: SetupContext): Run {
  ctx.run ??= startRun('Siapkan', { ss: ctx.ss, state: ctx.state, user: effectiveUserEmail() });
  return ctx.run;
}

/** Bring the unit tabs and derived columns in line with the register. */
function setupReconcile(ctx: SetupContext): void {
  const run = runOf(ctx);
  const outbox = Outbox.read(ctx.ss);
  ctx.complaints = reconcileAll(run, outbox).complaints;
  outbox.flushQueue();
  writeTrackingLinks(run, false); // complaints recorded before the tracking page (or its URL) existed
}

/** The dashboard (a failure goes to Log Galat, not fatal); the summary in Riwayat. */
function setupDashboard(ctx: SetupContext): void {
  const run = runOf(ctx);
  refreshDashboardQuietly(run, ctx.complaints);
  // The dashboard may have created `Ringkasan` just now: record every tab's gid for links.
  const layout = layoutOf(ctx.state);
  Object.assign(layout.gids, sheetIds(ctx.ss));
  run.layout = layout;
  ctx.state.setJson('layout', layout);
  for (const p of ctx.report.problems) run.journal.error(p, LOG.checkConfigTabs, '', 'PERINGATAN');
  run.journal.record('', ACTION.setup, '', '', summaryText(ctx.report));
}

const PHASE_STEPS: Record<SetupPhase, (ctx: SetupContext) => void> = {
  config: setupConfigTabs,
  register: setupRegister,
  unitTabs: setupUnitTabs,
  systemTabs: setupSystemTabs,
  protections: setupProtections,
  form: setupForm,
  triggers: setupTriggers,
  reconcile: setupReconcile,
  dashboard: setupDashboard,
};

/**
 * Runs the phases from `from` until the last one or until the next would pass the budget;
 * returns the phase to continue with (null: setup is complete). Each phase's time is kept as
 * the estimate for the next setup.
 */
function runPhases(ctx: SetupContext, from: SetupPhase, startedAt: number): SetupPhase | null {
  const budget = budgetOf(ctx.state.get(SETUP_BUDGET_KEY));
  const times: Partial<Record<SetupPhase, number>> = ctx.state.getJson(SETUP_PHASE_TIMES_KEY) ?? {};
  let phase: SetupPhase | null = from;
  for (let first = true; phase; phase = phaseAfter(phase), first = false) {
    if (shouldHandOver(first, Date.now() - startedAt, times[phase] ?? UNTIMED_PHASE_MS, budget)) break;
    const t = Date.now();
    PHASE_STEPS[phase](ctx);
    times[phase] = Date.now() - t;
    ctx.report.phases.push(phase);
  }
  ctx.state.setJson(SETUP_PHASE_TIMES_KEY, times);
  return phase;
}

/** Ends an execution of setup: hands over to a one-off trigger, or records that setup is complete. */
function endExecution(ctx: SetupContext, next: SetupPhase | null): void {
  ctx.report.continuesWith = next;
  if (next)
    ctx.state.setJson(SETUP_PROGRESS_KEY, {
      next,
      report: ctx.report,
      unprotected: ctx.unprotected,
    } satisfies SetupProgress);
  if (ctx.run) finish(ctx.run);
  else ctx.state.save();
  if (next) scheduleSetupContinuation(SETUP_CONTINUE_AFTER_MS);
  else clearSetupProgress(ctx.state);
}

/** The context of one execution; the configuration is read from the cache when first needed. */
function contextOf(ss: Spreadsheet, state: ScriptState, report: SetupReport, unprotected: string[]): SetupContext {
  let config: AppConfig | undefined;
  return {
    ss,
    state,
    report,
    unprotected,
    run: null,
    get config() {
      return (config ??= cachedConfig(ss, state));
    },
    set config(value: AppConfig) {
      config = value;
    },
  };
}

function newReport(): SetupReport {
  return {
    createdTabs: [],
    addedHeaders: [],
    seeded: [],
    form: '',
    triggers: [],
    unitTabs: 0,
    timeZoneFrom: null,
    formState: '',
    problems: [],
    phases: [],
    continuesWith: null,
  };
}

/** A setup from the first phase; a continuation still pending is superseded. */
function setup(): SetupReport {
  const startedAt = Date.now();
  const lock = waitScriptLock('setup');
  removeSetupContinuations();
  const ss = activeSpreadsheet();
  const state = ScriptState.load();
  clearSetupProgress(state);
  const ctx = contextOf(ss, state, newReport(), []);
  endExecution(ctx, runPhases(ctx, SETUP_PHASES[0], startedAt));
  lock.release();
  return ctx.report;
}

/** The one-off trigger's run: deletes itself, then goes on where the previous execution stopped. */
function continueSetup(): SetupReport | null {
  const startedAt = Date.now();
  removeSetupContinuations();
  const lock = tryScriptLock('setup');
  if (!lock) {
    scheduleSetupContinuation(SETUP_CONTINUE_AFTER_MS); // another run holds the lock: try again later
    return null;
  }
  const ss = activeSpreadsheet();
  const state = ScriptState.load();
  const progress = state.getJson<SetupProgress>(SETUP_PROGRESS_KEY);
  if (!progress || !isSetupPhase(progress.next)) {
    lock.release();
    return null;
  }
  const ctx = contextOf(ss, state, progress.report, progress.unprotected);
  endExecution(ctx, runPhases(ctx, progress.next, startedAt));
  lock.release();
  return ctx.report;
}

/** The form: found or created, published, linked; its responses tab waited for and recorded. */
function syncForm(ss: Spreadsheet, layout: Layout, config: AppConfig, report: SetupReport): void {
  const form = ensureForm(ss, layout.formId, {
    channel: CHANNEL_CHOICES,
    category: config.categories,
    unit: [FORM.autoRoute, ...config.units.filter((u) => u.active).map((u) => u.name)],
  });
  const formChanges = [...form.addedItems, ...form.updatedChoices.map(SETUP_TEXT.formChoices)];
  if (form.fixed.length) formChanges.push(SETUP_TEXT.formFixed(form.fixed));
  report.form = form.created
    ? SETUP_TEXT.formCreated(form.form.getPublishedUrl())
    : formChanges.length
      ? SETUP_TEXT.formUpdated(formChanges)
      : SETUP_TEXT.formUpToDate;
  const responses = waitForResponsesTab(ss, form.form);
  layout.formId = form.form.getId();
  if (responses) {
    const { sheet } = responses;
    layout.responses = { sheetName: sheet.getName(), gid: sheet.getSheetId(), columns: responses.columns };
    const known = (layout.responseTabs ?? []).filter((t) => t.gid !== sheet.getSheetId());
    layout.responseTabs = [...known, { sheetName: sheet.getName(), gid: sheet.getSheetId() }];
  }
  report.formState = SETUP_TEXT.formState({ ...form.state, responsesTab: responses?.sheet.getName() ?? '' });
  if (!form.state.accepting) report.problems.push(SETUP_TEXT.formNotAccepting);
}

export function summaryText(r: SetupReport): string {
  const lines = [
    SETUP_TEXT.timeZone(r.timeZoneFrom, SPREADSHEET_TIME_ZONE),
    SETUP_TEXT.createdTabs(r.createdTabs),
    SETUP_TEXT.addedHeaders(r.addedHeaders),
    SETUP_TEXT.seeded(r.seeded),
    SETUP_TEXT.unitTabs(r.unitTabs),
    SETUP_TEXT.form(r.form),
    r.formState,
    SETUP_TEXT.triggers(r.triggers),
  ];
  if (r.channels) lines.push(CHANNEL_TEXT.summary(r.channels));
  if (r.problems.length) lines.push(SETUP_TEXT.problems(r.problems));
  return lines.join('\n');
}

/** Menu Siapkan / Perbarui and the function the operator runs first from the script editor. */
export function setupSpreadsheet(): SetupReport {
  return guard('Siapkan', () => {
    const report = setup();
    try {
      if (report.continuesWith)
        showAlert(SETUP_PHASE_TEXT.dialogTitle, SETUP_PHASE_TEXT.continuing(report.phases, report.continuesWith));
      else showAlert(SETUP_TEXT.dialogTitle, summaryText(report));
    } catch {
      // Run from the script editor or a trigger: no dialog, the summary is in Riwayat.
    }
    return report;
  });
}

/** The one-off time-driven trigger that continues a setup (entry point `setupContinue`). */
export function setupContinuation(): SetupReport | null {
  return guard('Siapkan', continueSetup);
}

/** Menu › Siapkan / Perbarui (the operator only: it writes protected tabs). */
export function menuSetup(): void {
  if (operatorOnly(MENU.setup)) setupSpreadsheet();
}
