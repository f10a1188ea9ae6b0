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
import { CHANNEL_CHOICES, responseColumns } from '../core/form-spec';
import { SHIPPED_HOLIDAYS, SHIPPED_HOLIDAY_SOURCE } from '../core/holidays';
import { FORM, TAB } from '../core/labels';
import { ACTION, LOG } from '../core/labels/journal';
import { DROPDOWN_HELP, SETUP_TEXT } from '../core/labels/dialogs';
import { cellText } from '../core/sanitize';
import { refreshConfig } from '../gas/config-store';
import { ensureForm, waitForResponsesTab } from '../gas/form';
import { TabReport, dataColumns, dropdown, ensureTab, protectTab, statusColours } from '../gas/sheet-setup';
import { ScriptState } from '../gas/state';
import { ensureTriggers } from '../gas/triggers';
import { ensureTrackingSecret, writeTrackingLinks } from '../gas/tracking';
import { RATING_HEADERS, TRACKING_TAB } from '../core/labels/tracking';
import { showAlert } from '../gas/ui';
import { DASHBOARD_HEADERS, refreshDashboardQuietly } from './dashboard';
import { Outbox } from '../gas/outbox';
import { reconcileAll } from './reconcile';
import { Layout, errorText, finish, guard, layoutOf, startRun } from './run';
import { AppConfig } from '../core/config';
// Issue 15: channel capture.
import { INBOX_COLUMNS } from '../core/channels/inbox';
import { CHANNEL_TEXT, INBOX_TAB } from '../core/labels/channels';
import { readCredentials } from '../gas/channel-fetch';
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
  /** Issue 15: the channels connected (credential in Script Properties). */
  channels?: string[];
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

/** Creates or upgrades a config tab and fills it with `rows` only when it holds no data yet. */
function seedRows(ss: Spreadsheet, name: string, headers: readonly string[], rows: unknown[][], report: SetupReport): TabReport {
  const tab = ensureTab(ss, name, headers);
  if (tab.created) report.createdTabs.push(name);
  if (tab.dataRows > 0 || !rows.length) return tab;
  const width = Math.max(...tab.index.values()) + 1;
  const out = rows.map((r) => {
    const line = new Array(width).fill('');
    headers.forEach((h, i) => { line[tab.index.get(h)!] = r[i]; });
    return line;
  });
  tab.sheet.getRange(2, 1, out.length, width).setValues(out);
  report.seeded.push(SETUP_TEXT.seededRows(name, rows.length));
  return tab;
}

function seedSettings(ss: Spreadsheet, report: SetupReport): void {
  const tab = ensureTab(ss, TAB.settings, SETTINGS_HEADERS, [220, 320, 520]);
  if (tab.created) report.createdTabs.push(TAB.settings);
  const [keyHeader, valueHeader, descriptionHeader] = SETTINGS_HEADERS;
  const keyCol = tab.index.get(keyHeader)!;
  const existing = new Set(tab.dataRows ? tab.sheet.getRange(2, keyCol + 1, tab.dataRows, 1).getValues().map((r) => String(r[0]).trim()) : []);
  const missing = SETTINGS.filter((s) => !existing.has(s.key));
  if (!missing.length) return;
  const width = Math.max(...tab.index.values()) + 1;
  const rows = missing.map((s) => {
    const line = new Array(width).fill('');
    line[keyCol] = s.key;
    line[tab.index.get(valueHeader)!] = cellText(s.value);
    line[tab.index.get(descriptionHeader)!] = cellText(s.description);
    return line;
  });
  tab.sheet.getRange(tab.dataRows + 2, 1, rows.length, width).setValues(rows);
  report.seeded.push(SETUP_TEXT.seededKeys(TAB.settings, missing.length));
}

/**
 * Creates or upgrades a tab from its column definitions, notes what changed in the report, and
 * shows its time columns as dates in WIB rather than in the locale's default format.
 */
function tabFor(ss: Spreadsheet, name: string, columns: { header: string; kind: string; width?: number }[], report: SetupReport): TabReport {
  const tab = ensureTab(ss, name, columns.map((c) => c.header), columns.map((c) => c.width));
  if (tab.created) report.createdTabs.push(name);
  else report.addedHeaders.push(...tab.addedHeaders.map((h) => `${name}: ${h}`));
  for (const col of columns.filter((c) => c.kind === 'date')) {
    dataColumns(tab.sheet, tab.index.get(col.header)!).setNumberFormat(DATE_FORMAT);
  }
  return tab;
}

function setup(): SetupReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lock = LockService.getScriptLock();
  lock.waitLock(60000);
  const report: SetupReport = { createdTabs: [], addedHeaders: [], seeded: [], form: '', triggers: [], unitTabs: 0, timeZoneFrom: null, formState: '', problems: [] };
  const state = ScriptState.load();

  // A new spreadsheet takes its creator's account time zone, and Sheets reads every date-time
  // answer as wall-clock time in it: set WIB before anything is written or the form is linked.
  const zone = ss.getSpreadsheetTimeZone();
  if (zone !== SPREADSHEET_TIME_ZONE) {
    ss.setSpreadsheetTimeZone(SPREADSHEET_TIME_ZONE);
    report.timeZoneFrom = zone;
  }

  // Config tabs first: everything else is built from them.
  seedRows(ss, TAB.units, UNIT_HEADERS, DEFAULT_UNITS.map((u) => [u.name, u.kind, u.tab, u.pics.join(', '), u.head, u.keywords.join(', '), 'Ya']), report);
  seedSettings(ss, report);
  const holidayTab = seedRows(ss, TAB.holidays, HOLIDAY_HEADERS, SHIPPED_HOLIDAYS.map((h) => [h.date, h.name, h.kind, SHIPPED_HOLIDAY_SOURCE]), report);
  dataColumns(holidayTab.sheet, holidayTab.index.get(HOLIDAY_HEADERS[0])!).setNumberFormat('yyyy-mm-dd');
  const config = refreshConfig(ss, state);
  report.problems.push(...config.problems);
  const admins = config.admins;

  // The register.
  const register = tabFor(ss, TAB.register, REGISTER_COLUMNS, report);
  const rIndex = (key: string) => register.index.get(REGISTER_COLUMNS.find((c) => c.key === key)!.header)!;
  dropdown(register.sheet, rIndex('unit'), config.units.filter((u) => u.active).map((u) => u.name), DROPDOWN_HELP.unit);
  dropdown(register.sheet, rIndex('status'), ALL_STATUSES, DROPDOWN_HELP.status);
  dropdown(register.sheet, rIndex('category'), config.categories, DROPDOWN_HELP.category);
  statusColours(register.sheet, register.index.size, rIndex('status'), rIndex('stepDue'), [STATUS.answered, STATUS.closed]);
  const unprotected: string[] = [];
  unprotected.push(...protectTab(register.sheet, TAB.register, REGISTER_COLUMNS.filter((c) => c.editor === 'admin').map((c) => rIndex(c.key)), admins));

  // One tab per active unit.
  for (const unit of config.units.filter((u) => u.active)) {
    const tab = tabFor(ss, unit.tab, UNIT_COLUMNS, report);
    const uIndex = (key: string) => tab.index.get(UNIT_COLUMNS.find((c) => c.key === key)!.header)!;
    dropdown(tab.sheet, uIndex('officerStatus'), OFFICER_CHOICES, DROPDOWN_HELP.officerStatus);
    statusColours(tab.sheet, tab.index.size, uIndex('officerStatus'), uIndex('stepDue'), ['Selesai', STATUS.answered, STATUS.closed]);
    unprotected.push(...protectTab(tab.sheet, unit.tab, UNIT_COLUMNS.filter((c) => c.editor === 'officer').map((c) => uIndex(c.key)), [...unit.pics, ...admins]));
    report.unitTabs++;
  }

  // Issue 15: `Kotak Masuk`, where captured posts wait for the admin's triage.
  const inbox = tabFor(ss, INBOX_TAB, INBOX_COLUMNS, report);
  prepareInbox(inbox.sheet, inbox.index, config.categories, config.units.filter((u) => u.active).map((u) => u.name), admins);
  report.channels = Object.keys(readCredentials(state));

  // System tabs: nobody but the owner edits them.
  for (const [name, headers] of [[TAB.history, HISTORY_HEADERS], [TAB.outbox, OUTBOX_HEADERS], [TAB.errors, ERROR_HEADERS], [TAB.dashboard, DASHBOARD_HEADERS], [TRACKING_TAB, RATING_HEADERS]] as const) {
    const tab = tabFor(ss, name, headers.map((header) => ({ header, kind: SYSTEM_TIME_COLUMNS[name]?.includes(header) ? 'date' : 'text' })), report);
    unprotected.push(...protectTab(tab.sheet, name, [], []));
  }
  for (const name of [TAB.units, TAB.settings, TAB.holidays]) unprotected.push(...protectTab(ss.getSheetByName(name)!, name, [], []));
  if (unprotected.length) report.problems.push(SETUP_TEXT.protectionsNotInEffect(unprotected));

  // The form, linked to this spreadsheet, with choices from the config.
  const layout = layoutOf(state);
  layout.spreadsheetUrl = ss.getUrl();
  try {
    syncForm(ss, layout, config, report);
  } catch (e) {
    // A passing failure of Forms: never create a second form; say so and go on with the rest.
    report.form = SETUP_TEXT.formUnavailable(errorText(e));
    report.problems.push(report.form);
  }
  layout.gids = {};
  for (const sheet of ss.getSheets()) layout.gids[sheet.getName()] = sheet.getSheetId();
  state.setJson('layout', layout);

  // The empty first tab of a new spreadsheet is only in the way.
  for (const name of ['Sheet1', 'Lembar1', 'Sheet 1', 'Lembar 1']) {
    const blank = ss.getSheetByName(name);
    if (blank && ss.getSheets().length > 1 && blank.getLastRow() === 0 && blank.getLastColumn() === 0) {
      ss.deleteSheet(blank);
      delete layout.gids[name];
      report.createdTabs.push(SETUP_TEXT.removedBlankTab(name));
    }
  }

  // Triggers: exactly one of each.
  const previousHour = state.get('trigger.dailyHour');
  const triggers = ensureTriggers(ss, config.reminderHour, previousHour === undefined ? null : Number(previousHour));
  state.set('trigger.dailyHour', String(config.reminderHour));
  report.triggers = triggers.created;
  // The tracking page's HMAC secret (DESIGN §15), created once; the menu replaces it.
  ensureTrackingSecret(state);
  state.save();

  // Bring the unit tabs and derived columns in line with the register.
  const run = startRun('Siapkan', { ss, state, user: Session.getEffectiveUser().getEmail() });
  const outbox = Outbox.read(ss);
  const reconciled = reconcileAll(run, outbox);
  outbox.flushQueue();
  writeTrackingLinks(run, false); // complaints recorded before the tracking page (or its URL) existed
  refreshDashboardQuietly(run, reconciled.complaints); // a dashboard failure goes to Log Galat, not fatal
  // The dashboard may have created `Ringkasan` just now: record every tab's gid for links.
  for (const sheet of ss.getSheets()) layout.gids[sheet.getName()] = sheet.getSheetId();
  run.layout = layout;
  state.setJson('layout', layout);
  for (const p of report.problems) run.journal.error(p, LOG.checkConfigTabs, '', 'PERINGATAN');
  run.journal.record('', ACTION.setup, '', '', summaryText(report));
  finish(run);
  lock.releaseLock();
  return report;
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
  report.form = form.created ? SETUP_TEXT.formCreated(form.form.getPublishedUrl()) : formChanges.length ? SETUP_TEXT.formUpdated(formChanges) : SETUP_TEXT.formUpToDate;
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
  if (r.channels) lines.push(CHANNEL_TEXT.summary(r.channels)); // issue 15
  if (r.problems.length) lines.push(SETUP_TEXT.problems(r.problems));
  return lines.join('\n');
}

/** Menu Siapkan / Perbarui and the function the operator runs first from the script editor. */
export function setupSpreadsheet(): SetupReport {
  return guard('Siapkan', () => {
    const report = setup();
    try {
      showAlert(SETUP_TEXT.dialogTitle, summaryText(report));
    } catch {
      // Run from the script editor or a trigger: no dialog, the summary is in Riwayat.
    }
    return report;
  });
}
