/**
 * `npm run selftest`: the self-test of DESIGN §13 on the local Apps Script runtime, on the built
 * dist/Code.js (the exact file clasp pushes). The install is done as the operator would do it
 * (subscribe to Google's holiday calendar, run `setup`), then the menu item Pengaduan › Uji
 * kecocokan sistem runs `selfTest` while another execution briefly holds the script lock (the
 * contention check needs a second process; on Google it is whatever else is running). Prints one
 * line per check and `N passed, N failed`; exits 1 on any failure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GasRuntime, RuntimeOptions } from '../emulator';
import type { CheckResult } from '../src/core/self-test/check';
import { consoleLines } from '../src/core/self-test/report';
import { MENU } from '../src/core/labels';
import { SELF_TEST_TEXT } from '../src/core/labels/self-test';

export const BUNDLE = join(__dirname, '../dist/Code.js');

export interface SelfTestRun {
  rt: GasRuntime;
  results: CheckResult[];
  /** The call ledger's estimate of the selfTest execution on Apps Script. */
  estimatedMs: number;
  lines: string[];
}

export interface SelfTestOptions extends RuntimeOptions {
  /** The operator subscribed to Google's Indonesian holiday calendar (default true). */
  subscribeHolidays?: boolean;
  /** Run `setup` before the test, as step 1 of an install does (default true). */
  setup?: boolean;
  /** Another execution holds the script lock for this long when the test starts (default 5 s). */
  lockHeldMs?: number;
}

/** What the operator's account sees once subscribed: "Holidays in Indonesia" with this year's days. */
function subscribeHolidayCalendar(rt: GasRuntime): void {
  const year = rt.now().getFullYear();
  const calendar = rt.calendarApp._addCalendar(
    'en.indonesian#holiday@group.v.calendar.google.com',
    'Holidays in Indonesia',
    'Asia/Jakarta',
  );
  calendar._addEvent({ title: 'Tahun Baru Masehi', date: `${year}-01-01` });
  calendar._addEvent({ title: 'Hari Kemerdekaan Republik Indonesia', date: `${year}-08-17` });
}

/** A fresh install as the operator does it (DEPLOY.md step 1): subscribe to the holidays, run setup. */
export function installedRuntime(options: SelfTestOptions = {}): GasRuntime {
  if (!existsSync(BUNDLE)) throw new Error('dist/Code.js is missing: run `npm run build` first');
  const rt = new GasRuntime({ start: '2026-03-16T08:00:00+07:00', ...options });
  rt.loadFile(BUNDLE);
  if (options.subscribeHolidays ?? true) subscribeHolidayCalendar(rt);
  if (options.setup ?? true) rt.call('setup', [], { kind: 'direct', user: rt.env.owner });
  return rt;
}

/** Step 2: the operator clicks Pengaduan › Uji kecocokan sistem while another execution holds the lock. */
export function selfTestOn(rt: GasRuntime, lockHeldMs = 5000): SelfTestRun {
  if (lockHeldMs > 0) rt.holdLock('script', rt.now().getTime() + lockHeldMs, 'hourlyJob');
  // Through the menu when setup has installed it (the open trigger builds it), else as the editor's Run.
  rt.openSpreadsheet(rt.env.owner);
  const path = [MENU.title, SELF_TEST_TEXT.menu];
  let report: { results: CheckResult[] };
  if (rt.spreadsheetApp._menuFunction(path)) {
    const run = rt.clickMenu(rt.env.owner, path);
    if (!run.ok) throw new Error(`selfTest failed: ${run.error}`);
    report = run.value as { results: CheckResult[] };
  } else {
    report = rt.call('selfTest', [], { kind: 'direct', user: rt.env.owner }) as { results: CheckResult[] };
  }
  const run = rt.ledger.last();
  return { rt, results: report.results, estimatedMs: run?.estimatedMs ?? 0, lines: consoleLines(report.results) };
}

export function runSelfTest(options: SelfTestOptions = {}): SelfTestRun {
  return selfTestOn(installedRuntime(options), options.lockHeldMs);
}

function main(): void {
  const { results, estimatedMs, lines, rt } = runSelfTest();
  const calls = rt.ledger.last()?.totalCalls ?? 0;
  console.log(
    `selfTest on dist/Code.js: ${results.length} checks, ${calls} service calls, est. ${(estimatedMs / 1000).toFixed(1)} s on Apps Script`,
  );
  for (const line of lines) console.log(line);
  if (results.some((r) => r.verdict === 'gagal')) process.exit(1);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`selftest failed to run: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  }
}
