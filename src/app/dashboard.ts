/**
 * Menu › Buka dasbor (DESIGN §9): refreshes the feed, then shows the Looker Studio dialog.
 */
import { dashboardDialogHtml } from '../core/dashboard/dialog';
import { lookerCreateUrl } from '../core/dashboard/looker-link';
import { MENU, TAB } from '../core/labels';
import { DIALOG } from '../core/labels/dashboard';
import { FAILURE } from '../core/labels/journal';
import { RUN_NAME } from '../core/labels/runs';
import { formatHuman } from '../core/values';
import { FeedState, currentFeed } from '../gas/dashboard-feed';
import { activeUserEmail } from '../gas/session';
import { showAlert, showHtmlDialog } from '../gas/ui';
import { refreshDashboard } from './dashboard-refresh';
import { errorText, finish, guard, startRun } from './run';

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
