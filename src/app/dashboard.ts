/**
 * Dashboard refresh (DESIGN §9, issue 6): the register is read once, the core turns it into the
 * PII-free feed and the figures, and this writes them: `Dasbor Data` in one block (and the same
 * into the separate spreadsheet named in Pengaturan `dasbor_spreadsheet_id`, when set), then the
 * `Ringkasan` tab with its charts. Runs hourly, after setup, and from Menu › Buka dasbor.
 */
import { FEED_COLUMNS, FEED_HEADERS, FeedRecord, buildFeed, feedFormatRuns, feedValues, unitKindsOf } from '../core/dashboard/feed';
import { computeFigures } from '../core/dashboard/figures';
import { DIALOG } from '../core/labels/dashboard';
import { spreadsheetIdOf } from '../core/dashboard/looker-link';
import { summaryLayout } from '../core/dashboard/summary-sheet';
import { TAB } from '../core/labels';
import type { Complaint } from '../core/complaint';
import { RegisterTable } from '../gas/complaint-tables';
import { RatingTable } from '../gas/tracking';
import { replaceDataRows } from '../gas/tabs';
import { dataColumns, ensureTab, protectTab } from '../gas/sheet-setup';
import { writeSummary } from './dashboard-summary';
import { writeChannelFeed } from '../gas/inbox-table'; // issue 15
import { Run, errorText, finish, startRun } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The feed's header row: its column ids, which Looker Studio fields bind to. */
export const DASHBOARD_HEADERS: string[] = [...FEED_HEADERS];

/** Where the feed was written: what the Looker Studio link points at. */
export interface FeedTarget {
  spreadsheetId: string;
  spreadsheetUrl: string;
  spreadsheetName: string;
  sheetName: string;
  gid: number;
  external: boolean;
}

export interface DashboardRefresh {
  rows: number;
  /** The feed Looker Studio should read: the separate spreadsheet when configured and reachable. */
  target: FeedTarget;
  charts: number;
  problems: string[];
}

function targetOf(ss: Spreadsheet, sheet: Sheet, external: boolean): FeedTarget {
  return {
    spreadsheetId: ss.getId(), spreadsheetUrl: ss.getUrl(), spreadsheetName: ss.getName(),
    sheetName: sheet.getName(), gid: sheet.getSheetId(), external,
  };
}

/** Whole-column formats (they hold for rows added later), one call per run of adjacent columns sharing one. */
function formatColumns(sheet: Sheet, index: Map<string, number>): void {
  for (const run of feedFormatRuns((id) => index.get(id)!)) {
    dataColumns(sheet, run.first, run.first + run.count - 1).setNumberFormat(run.format);
  }
}

/**
 * Replaces the feed rows of the `Dasbor Data` tab of `ss` (created when missing): one setValues
 * for all rows, in the tab's own column order (other columns typed into the tab are blanked).
 */
export function writeFeed(ss: Spreadsheet, records: readonly FeedRecord[]): Sheet {
  const tab = ensureTab(ss, TAB.dashboard, DASHBOARD_HEADERS);
  const sheet = tab.sheet;
  if (tab.created) protectTab(sheet, TAB.dashboard, [], []);
  const width = Math.max(...tab.index.values()) + 1;
  const positions = FEED_COLUMNS.map((c) => tab.index.get(c.id)!);
  const rows = feedValues(records).map((values) => {
    const row = new Array(width).fill('');
    values.forEach((v, k) => { row[positions[k]] = v; });
    return row;
  });
  // Formats and header notes once: when the tab or a column is new, or the formats were lost
  // (setup creates the tab without them); checking costs one call.
  const probe = FEED_COLUMNS.find((c) => c.format)!;
  if (tab.created || tab.addedHeaders.length || sheet.getRange(2, tab.index.get(probe.id)! + 1).getNumberFormat() !== probe.format) {
    formatColumns(sheet, tab.index);
    const notes = new Array(width).fill('');
    FEED_COLUMNS.forEach((c, k) => { notes[positions[k]] = `${c.description} (${c.type})`; });
    sheet.getRange(1, 1, 1, width).setNotes([notes]);
  }
  replaceDataRows(sheet, rows, tab.dataRows, width);
  return sheet;
}

/** Writes the feed into the separate dashboard spreadsheet; null (and a Log Galat entry) when it cannot. */
function writeExternalFeed(run: Run, id: string, records: readonly FeedRecord[]): FeedTarget | null {
  try {
    const external = SpreadsheetApp.openById(spreadsheetIdOf(id));
    const zone = run.ss.getSpreadsheetTimeZone();
    // Date-only columns are midnight WIB: the feed must be read in the same zone.
    if (external.getSpreadsheetTimeZone() !== zone) external.setSpreadsheetTimeZone(zone);
    const sheet = writeFeed(external, records);
    return targetOf(external, sheet, true);
  } catch (e) {
    run.journal.error(DIALOG.externalUnavailable(id, errorText(e)), String((e as Error)?.stack ?? ''), '', 'PERINGATAN');
    return null;
  }
}

/**
 * Rebuilds `Dasbor Data` (and its external copy) and `Ringkasan` from the register, or from the
 * register's complaints when the calling job has just read them (no second read).
 */
export function refreshDashboard(given?: Run, complaints?: readonly Complaint[]): DashboardRefresh {
  const run = given ?? startRun('Dasbor');
  const { records, problems } = buildFeed(complaints ?? RegisterTable.read(run.ss).complaints, {
    calendar: run.calendar, stepDays: run.config.stepDays, now: run.now, unitKinds: unitKindsOf(run.config.units),
    ratings: RatingTable.read(run.ss).byNumber,
  });
  for (const p of problems) run.journal.error(`Dasbor: pengaduan dilewati: ${p}`, '', p.split(':')[0], 'PERINGATAN');

  const local = writeFeed(run.ss, records);
  writeChannelFeed(run.ss, run.calendar); // issue 15: per-channel figures
  let target = targetOf(run.ss, local, false);
  if (run.config.dashboardSpreadsheetId) target = writeExternalFeed(run, run.config.dashboardSpreadsheetId, records) ?? target;

  const layout = summaryLayout(computeFigures(records, run.calendar, run.now));
  const charts = writeSummary(run.ss, layout);
  if (!given) finish(run);
  return { rows: records.length, target, charts, problems };
}

/**
 * The refresh as a last step of another job (hourly, setup): a failure is written to Log Galat
 * and does not fail the job, whose own work is already done.
 */
export function refreshDashboardQuietly(run: Run, complaints?: readonly Complaint[]): DashboardRefresh | null {
  try {
    return refreshDashboard(run, complaints);
  } catch (e) {
    run.journal.error(DIALOG.refreshFailed(errorText(e)), String((e as Error)?.stack ?? ''));
    return null;
  }
}
