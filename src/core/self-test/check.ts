/**
 * The self-test's vocabulary (DESIGN §13): a check is an id, the documentation page of the
 * behaviour it states, and an outcome (lulus / gagal / dilewati) with what was expected and
 * what was seen. Pure: the observations come from src/gas/self-test-probes.ts.
 */
import { SELF_TEST_SEEN, SELF_TEST_TEXT } from '../labels/self-test';

export type Verdict = 'lulus' | 'gagal' | 'dilewati';

export interface Outcome {
  verdict: Verdict;
  expected: string;
  seen: string;
  /** Why a check was skipped (dilewati), or a hint when it failed. */
  reason?: string;
}

export interface CheckResult extends Outcome {
  id: string;
  title: string;
  doc: string;
}

export const pass = (expected: string, seen: string): Outcome => ({ verdict: 'lulus', expected, seen });
export const fail = (expected: string, seen: string, reason?: string): Outcome => ({
  verdict: 'gagal',
  expected,
  seen,
  reason,
});
export const skip = (expected: string, reason: string): Outcome => ({
  verdict: 'dilewati',
  expected,
  seen: '',
  reason,
});
export const verdictOf = (ok: boolean, expected: string, seen: string, reason?: string): Outcome =>
  ok ? pass(expected, seen) : fail(expected, seen, reason);

/** A probe that threw: the check fails with the error, since the system would meet the same. */
export function errored(expected: string, message: string): Outcome {
  return fail(expected, SELF_TEST_TEXT.threw(message));
}

export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

/** A value as a reader of the `Uji Sistem` tab should see it: its type is part of the answer. */
export function describe(v: unknown): string {
  if (v === '') return SELF_TEST_SEEN.blank;
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (isDateValue(v)) return `Date ${v.toISOString()}`;
  if (typeof v === 'number') return SELF_TEST_SEEN.number(v);
  if (typeof v === 'boolean') return SELF_TEST_SEEN.boolean(v);
  if (typeof v === 'string') return `"${v.length > 60 ? `${v.slice(0, 57)}…` : v}"`;
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  return `${Object.prototype.toString.call(v).slice(8, -1)} ${String(v)}`;
}

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export function tally(results: readonly Outcome[]): Tally {
  const t: Tally = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    if (r.verdict === 'lulus') t.passed++;
    else if (r.verdict === 'gagal') t.failed++;
    else t.skipped++;
  }
  return t;
}
