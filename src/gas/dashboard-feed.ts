/**
 * The `Dasbor Data` tab (DESIGN §9): the PII-free feed Looker Studio reads, written in one block
 * into this spreadsheet or the separate one named in Pengaturan `dasbor_spreadsheet_id`.
 */
import { FEED_COLUMNS, FEED_HEADERS, FeedRecord, feedFormatRuns, feedValues } from '../core/dashboard/feed';
import { spreadsheetIdOf } from '../core/dashboard/looker-link';
import { TAB } from '../core/labels';
import { dataColumns, ensureTab, protectTab } from './sheet-setup';
import { replaceDataRows } from './tabs';

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

/** The feed as it is now: where it lives and how many data rows it has. */
export interface FeedState {
  target: FeedTarget;
  rows: number;
}

export function targetOf(ss: Spreadsheet, sheet: Sheet, external: boolean): FeedTarget {
  return {
    spreadsheetId: ss.getId(),
    spreadsheetUrl: ss.getUrl(),
    spreadsheetName: ss.getName(),
    sheetName: sheet.getName(),
    gid: sheet.getSheetId(),
    external,
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
    const row = new Array<unknown>(width).fill('');
    values.forEach((v, k) => {
      row[positions[k]] = v;
    });
    return row;
  });
  // Formats and header notes once: when the tab or a column is new, or the formats were lost
  // (setup creates the tab without them); checking costs one call.
  const probe = FEED_COLUMNS.find((c) => c.format)!;
  if (
    tab.created ||
    tab.addedHeaders.length ||
    sheet.getRange(2, tab.index.get(probe.id)! + 1).getNumberFormat() !== probe.format
  ) {
    formatColumns(sheet, tab.index);
    const notes = new Array<string>(width).fill('');
    FEED_COLUMNS.forEach((c, k) => {
      notes[positions[k]] = `${c.description} (${c.type})`;
    });
    sheet.getRange(1, 1, 1, width).setNotes([notes]);
  }
  replaceDataRows(sheet, rows, tab.dataRows, width);
  return sheet;
}

/** Opens the separate dashboard spreadsheet (a Pengaturan id or URL); throws when it cannot. */
export function openExternalDashboard(idOrUrl: string): Spreadsheet {
  return SpreadsheetApp.openById(spreadsheetIdOf(idOrUrl));
}

/**
 * Writes the feed into the separate dashboard spreadsheet, in the time zone of `zone`'s
 * spreadsheet: date-only columns are midnight WIB, so the feed must be read in the same zone.
 */
export function writeExternalFeed(idOrUrl: string, zone: string, records: readonly FeedRecord[]): FeedTarget {
  const external = openExternalDashboard(idOrUrl);
  if (external.getSpreadsheetTimeZone() !== zone) external.setSpreadsheetTimeZone(zone);
  return targetOf(external, writeFeed(external, records), true);
}

/** The feed as it is, without refreshing it (the external one when configured and reachable). */
export function currentFeed(local: Spreadsheet, externalId: string): FeedState | null {
  let external: Spreadsheet | null = null;
  if (externalId) {
    try {
      external = openExternalDashboard(externalId);
    } catch {
      external = null;
    }
  }
  const ss = external ?? local;
  const sheet = ss.getSheetByName(TAB.dashboard);
  if (!sheet) return null;
  return { target: targetOf(ss, sheet, external !== null), rows: Math.max(0, sheet.getLastRow() - 1) };
}
