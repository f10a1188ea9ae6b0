/**
 * Menu › Buka dasbor (DESIGN §9): refreshes the feed, then shows a dialog with the Looker Studio
 * Linking API link that creates a report on it. Whoever is not allowed to write the protected
 * dashboard tabs still gets the link to the feed as the last hourly refresh left it.
 */
import { dashboardDialogHtml } from '../core/dashboard/dialog';
import { DIALOG } from '../core/labels/dashboard';
import { lookerCreateUrl, spreadsheetIdOf } from '../core/dashboard/looker-link';
import { MENU, TAB } from '../core/labels';
import { FAILURE } from '../core/labels/journal';
import { formatHuman } from '../core/values';
import { showAlert } from '../gas/ui';
import { FeedTarget, refreshDashboard } from './dashboard';
import { Run, errorText, finish, guard, startRun } from './run';

interface FeedState {
  target: FeedTarget;
  rows: number;
}

/** The feed as it is, without refreshing it (the external one when configured and reachable). */
function currentFeed(run: Run): FeedState | null {
  const open = (): GoogleAppsScript.Spreadsheet.Spreadsheet | null => {
    const id = run.config.dashboardSpreadsheetId;
    if (!id) return null;
    try {
      return SpreadsheetApp.openById(spreadsheetIdOf(id));
    } catch {
      return null;
    }
  };
  const external = open();
  const ss = external ?? run.ss;
  const sheet = ss.getSheetByName(TAB.dashboard);
  if (!sheet) return null;
  return {
    target: {
      spreadsheetId: ss.getId(), spreadsheetUrl: ss.getUrl(), spreadsheetName: ss.getName(),
      sheetName: sheet.getName(), gid: sheet.getSheetId(), external: external !== null,
    },
    rows: Math.max(0, sheet.getLastRow() - 1),
  };
}

export function menuOpenDashboard(): void {
  guard('Menu', () => {
    const run = startRun('Buka dasbor', { user: Session.getActiveUser().getEmail() });
    let feed: FeedState | null;
    let refreshedAt = formatHuman(run.now);
    try {
      const refreshed = refreshDashboard(run);
      feed = { target: refreshed.target, rows: refreshed.rows };
    } catch (e) {
      run.journal.error(DIALOG.refreshFailed(errorText(e)), String((e as Error)?.stack ?? ''), '', 'PERINGATAN');
      feed = currentFeed(run);
      refreshedAt = '—';
    }
    try {
      finish(run);
    } catch (e) {
      // Someone who may not write the protected system tabs (Log Galat, Riwayat) still gets the link.
      console.warn(`Buka dasbor: ${errorText(e)}`);
    }
    if (!feed) {
      showAlert(MENU.openDashboard, DIALOG.refreshFailed(FAILURE.tabMissing(TAB.dashboard)));
      return;
    }
    const ui = SpreadsheetApp.getUi();
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
    ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(560).setHeight(440), DIALOG.title);
  });
}
