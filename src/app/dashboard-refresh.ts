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
import { summaryLayout } from '../core/dashboard/summary-sheet';
import { RUN_NAME } from '../core/labels/runs';
import { DIALOG } from '../core/labels/dashboard';
import type { Complaint } from '../core/complaint';
import { RegisterTable } from '../gas/complaint-tables';
import { FeedTarget, targetOf, writeExternalFeed, writeFeed } from '../gas/dashboard-feed';
import { writeSummary } from '../gas/summary-sheet';
import { RatingTable } from '../gas/tracking';
import { Run, errorText, finish, startRun } from './run';
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
