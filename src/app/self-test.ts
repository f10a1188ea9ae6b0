/**
 * Pengaduan › Uji kecocokan sistem (entry point `selfTest`, DESIGN §13): runs every check of
 * src/core/self-test/checks.ts on this account, in a scratch tab it deletes afterwards, writes
 * one row per check to the `Uji Sistem` tab and shows a summary. It never touches complaints
 * (the form and config are only read). The local runner (`npm run selftest`) calls the same
 * entry point on the built bundle and prints what it returns.
 */
import { SELF_TEST_TEXT } from '../core/labels/self-test';
import type { CheckResult } from '../core/self-test/check';
import { CHECK_IDS, CHECKS, CheckId } from '../core/self-test/checks';
import { dialogText, resultOf, resultOfError, tabRows } from '../core/self-test/report';
import { PROBES, ProbeContext } from '../gas/self-test-probes';
import { openScratchTab, removeScratchTab, writeSelfTestTab } from '../gas/self-test-tabs';
import { activeSpreadsheet, effectiveUserEmail } from '../gas/session';
import { ScriptState } from '../gas/state';
import { showAlert } from '../gas/ui';
import { layoutOf } from './run';

export interface SelfTestReport {
  results: CheckResult[];
  durationMs: number;
}

function runCheck<K extends CheckId>(id: K, ctx: ProbeContext): CheckResult {
  try {
    return resultOf(id, CHECKS[id].judge(PROBES[id](ctx)));
  } catch (e) {
    return resultOfError(id, e);
  }
}

export function selfTest(): SelfTestReport {
  const started = Date.now();
  const at = new Date();
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('selfTest: no active spreadsheet (run it from the spreadsheet menu or the bound script)');
  const state = ScriptState.load();
  const scratch = openScratchTab(ss);
  const ctx: ProbeContext = {
    ss,
    scratch,
    me: effectiveUserEmail().toLowerCase(),
    formId: layoutOf(state).formId,
    state,
  };
  const results: CheckResult[] = [];
  try {
    for (const id of CHECK_IDS) results.push(runCheck(id, ctx));
  } finally {
    removeScratchTab(ss, scratch);
  }
  writeSelfTestTab(ss, tabRows(results, at));
  const durationMs = Date.now() - started;
  const text = dialogText(results, Math.round(durationMs / 1000));
  try {
    showAlert(SELF_TEST_TEXT.dialogTitle, text);
  } catch {
    console.log(text); // run from the script editor or a trigger: no UI to show it in
  }
  return { results, durationMs };
}
