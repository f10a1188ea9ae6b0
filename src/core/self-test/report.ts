/**
 * What the self-test shows: the `Uji Sistem` tab's rows, the dialog's summary and the plain
 * lines the local runner prints (`npm run selftest`). Pure.
 */
import { SELF_TEST_TEXT as T, SELF_TEST_TITLE } from '../labels/self-test';
import { cellText } from '../sanitize';
import { CheckResult, Outcome, errored, tally } from './check';
import { CHECKS, CheckId } from './checks';

export function resultOf(id: CheckId, outcome: Outcome): CheckResult {
  return { id, title: SELF_TEST_TITLE[id] ?? id, doc: CHECKS[id].doc, ...outcome };
}

/** A probe that threw is a failure: the system would meet the same error. */
export function resultOfError(id: CheckId, e: unknown): CheckResult {
  return resultOf(id, errored(CHECKS[id].expected, String((e as Error)?.message ?? e)));
}

/** One row per check, every text neutralised against formulas (error messages are not ours). */
export function tabRows(results: readonly CheckResult[], at: Date): unknown[][] {
  return results.map((r) =>
    [at, r.id, r.title, r.verdict, r.expected, r.seen, r.reason ?? '', r.doc].map((v) =>
      typeof v === 'string' ? cellText(v) : v,
    ),
  );
}

export function dialogText(results: readonly CheckResult[], seconds: number): string {
  const t = tally(results);
  const parts = [T.summary(results.length, t.passed, t.failed, t.skipped)];
  const failed = results.filter((r) => r.verdict === 'gagal').map((r) => `${r.id}: ${r.title}`);
  const skipped = results.filter((r) => r.verdict === 'dilewati').map((r) => `${r.id}: ${r.reason ?? ''}`);
  if (failed.length) parts.push(T.failedList(failed));
  if (skipped.length) parts.push(T.skippedList(skipped));
  parts.push(T.durationNote(seconds), T.details);
  return parts.join('\n\n');
}

/** `lulus  nilai.kosong  …` lines and the closing `N passed, N failed` of the local runner. */
export function consoleLines(results: readonly CheckResult[]): string[] {
  const t = tally(results);
  const lines = results.map((r) => {
    const detail =
      r.verdict === 'lulus'
        ? r.seen
        : r.verdict === 'gagal'
          ? `expected ${r.expected}; seen ${r.seen}`
          : (r.reason ?? '');
    return `${r.verdict.padEnd(8)} ${r.id.padEnd(22)} ${detail}`;
  });
  return [...lines, `${t.passed} passed, ${t.failed} failed`];
}
