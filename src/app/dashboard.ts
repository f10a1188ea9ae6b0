/**
 * Dashboard refresh (DESIGN §9, issue 6): the register is read once, the core turns it into the
 * PII-free feed and the figures, and src/gas writes them: `Dasbor Data` in one block (and the
 * same into the separate spreadsheet named in Pengaturan `dasbor_spreadsheet_id`, when set), then
 * the `Ringkasan` tab with its charts. Runs hourly, after setup, and from Menu › Buka dasbor,
 * which then shows a dialog with the Looker Studio Linking API link that creates a report on the
 * feed. Whoever is not allowed to write the protected dashboard tabs still gets the link to the
 * feed as the last hourly refresh left it.
 */
import { FeedRecord, buildFeed, unitKindsOf } from '../core/dashboard/feed';
import { computeFigures } from '../core/dashboard/figures';
import { dashboardDialogHtml } from '../core/dashboard/dialog';
import { lookerCreateUrl } from '../core/dashboard/looker-link';
import { summaryLayout } from '../core/dashboard/summary-sheet';
import { MENU, TAB } from '../core/labels';
import { RUN_NAME } from '../core/labels/runs';
import { DIALOG } from '../core/labels/dashboard';
import { FAILURE } from '../core/labels/journal';
import { formatHuman } from '../core/values';
import type { Complaint } from '../core/complaint';
import { RegisterTable } from '../gas/complaint-tables';
import { FeedState, FeedTarget, currentFeed, targetOf, writeExternalFeed, writeFeed } from '../gas/dashboard-feed';
import { activeUserEmail } from '../gas/session';
import { writeSummary } from '../gas/summary-sheet';
import { RatingTable } from '../gas/tracking';
import { showHtmlDialog, showAlert } from '../gas/ui';
import { Run, errorText, finish, guard, startRun } from './run';
import { writeChannelFeed } from '../gas/inbox-table';

export { DASHBOARD_HEADERS, type FeedTarget } from '../gas/dashboard-feed';

export interface DashboardRefresh {
  rows: number;
  /** The feed Looker Studio should read: the separate spreadsheet when configured and reachable. */
  target: FeedTarget;
  charts: number;
  problems: string[];
}

/** Writes the feed into the separate dashboard spreadsheet; null (and a Log Galat entry) when it cannot. */
function externalFeed(run: Run, id: string, records: readonly FeedRecord[]): FeedTarget | null {
  try {
    return writeExternalFeed(id, run.ss.getSpreadsheetTimeZone(), records);
  } catch (e) {
    run.journal.error(
      DIALOG.externalUnavailable(id, errorText(e)),
      String((e as Error)?.stack ?? ''),
      '',
      'PERINGATAN',
    );
    return null;
  }
}

/**
 * Rebuilds `Dasbor Data` (and its external copy) and `Ringkasan` from the register, or from the
 * register's complaints when the calling job has just read them (no second read).
 */
export function refreshDashboard(given?: Run, complaints?: readonly Complaint[]): DashboardRefresh {
  const run = given ?? startRun(RUN_NAME.dashboard);
  const { records, problems } = buildFeed(complaints ?? RegisterTable.read(run.ss).complaints, {
    calendar: run.calendar,
    stepDays: run.config.stepDays,
    now: run.now,
    unitKinds: unitKindsOf(run.config.units),
    ratings: RatingTable.read(run.ss).byNumber,
  });
  for (const p of problems) run.journal.error(DIALOG.skippedComplaint(p), '', p.split(':')[0], 'PERINGATAN');

  const local = writeFeed(run.ss, records);
  writeChannelFeed(run.ss, run.calendar); // issue 15: per-channel figures
  let target = targetOf(run.ss, local, false);
  if (run.config.dashboardSpreadsheetId)
    target = externalFeed(run, run.config.dashboardSpreadsheetId, records) ?? target;

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

/** Menu › Buka dasbor: refreshes the feed, then shows the Looker Studio dialog. */
export function menuOpenDashboard(): void {
  guard(RUN_NAME.menu, () => {
    const run = startRun(RUN_NAME.openDashboard, { user: activeUserEmail() });
    let feed: FeedState | null;
    let refreshedAt = formatHuman(run.now);
    try {
      const refreshed = refreshDashboard(run);
      feed = { target: refreshed.target, rows: refreshed.rows };
    } catch (e) {
      run.journal.error(DIALOG.refreshFailed(errorText(e)), String((e as Error)?.stack ?? ''), '', 'PERINGATAN');
      feed = currentFeed(run.ss, run.config.dashboardSpreadsheetId);
      refreshedAt = '—';
    }
    try {
      finish(run);
    } catch (e) {
      // Someone who may not write the protected system tabs (Log Galat, Riwayat) still gets the link.
      console.warn(`${RUN_NAME.openDashboard}: ${errorText(e)}`);
    }
    if (!feed) {
      showAlert(MENU.openDashboard, DIALOG.refreshFailed(FAILURE.tabMissing(TAB.dashboard)));
      return;
    }
    const template = run.config.dashboardTemplateReportId;
    const lookerUrl = lookerCreateUrl({
      spreadsheetId: feed.target.spreadsheetId,
      worksheetId: feed.target.gid,
      reportName: DIALOG.reportName,
      templateReportId: template,
      datasourceName: DIALOG.datasourceName,
    });
    const html = dashboardDialogHtml({
      lookerUrl,
      spreadsheetName: feed.target.spreadsheetName,
      spreadsheetUrl: `${feed.target.spreadsheetUrl}#gid=${feed.target.gid}`,
      tabName: feed.target.sheetName,
      rows: feed.rows,
      refreshedAt,
      templateReportId: template,
      external: feed.target.external,
    });
    showHtmlDialog(html, DIALOG.title, 560, 440);
  });
}
