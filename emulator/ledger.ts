/**
 * The call ledger: every service call the bundle makes, counted per run (one trigger execution,
 * menu action or direct call) as `Service.method`, with an estimate of the run's Apps Script
 * time from the cost model below.
 *
 * Cost model (milliseconds). Each service module declares its cost rules (emulator/registry.ts
 * lists the modules; the rules are `CostRule`s in emulator/service-module.ts); the first rule that
 * matches a call prices it, anything unmatched costs 1 ms (local work: builders, getters on
 * objects already fetched, Utilities, Logger). Every rule names its source, one of SOURCES below.
 *
 * Spreadsheet writes are batched as Apps Script batches them (SOURCES.blog2010,
 * SOURCES.bestPractices): a write call is queued and cheap; the first read of the grid or flush
 * after queued writes commits the batch and pays BATCH_COMMIT_MS once; a run that ends with queued
 * writes pays it at the end (the execution finishes when its writes are applied). So interleaving
 * writes and reads costs a commit per switch, which is what "avoid interleaving reads and writes"
 * on Google's best-practices page warns about.
 *
 * The figures and where they come from:
 *   - PropertiesService: setProperty/setProperties/deleteProperty 60 ms, getProperty/getProperties
 *     30 ms — SOURCES.ziritione (100 runs: set avg 62 ms, get avg 30 ms) and SOURCES.poehnelt
 *     (a write + a read ~80 ms).
 *   - CacheService: put/putAll/remove 90 ms, get/getAll 3 ms — SOURCES.ziritione (put avg 92–93 ms,
 *     get avg 3–4 ms).
 *   - a spreadsheet write call 30 ms + 0.004 ms per cell — SOURCES.mogsdad (one 4,000-cell
 *     setValues under 50 ms without flush).
 *   - committing a batch of writes (a read or flush after writes) 500 ms — SOURCES.mogsdad (adding
 *     flush() to that write took it from <50 ms to 610 ms) and SOURCES.poehnelt (a SpreadsheetApp
 *     write + read ~800 ms); the calibration target is ~0.5 s per batch.
 *   - a spreadsheet read 40 ms + 0.002 ms per cell; sheet/spreadsheet metadata 20 ms —
 *     SOURCES.bestPractices says each call is a round trip to Google's servers ("tens of
 *     milliseconds" in SOURCES.poehnelt's comparison); no per-call figure is published: assumption.
 *   - opening a spreadsheet or form by id 300 ms, MailApp.sendEmail 250 ms, FormApp item edits
 *     80 ms, ScriptApp trigger list/create/delete 100 ms, CalendarApp reads 200 ms, Lock calls
 *     10 ms — SOURCES.assumption (no published measurement found; kept from the first model so
 *     estimates stay comparable).
 * The limit to compare with is 6 minutes (360,000 ms) per execution (SOURCES.quotas).
 *
 * Before this calibration every spreadsheet write cost 60 ms, flush 100 ms and Properties 10 ms;
 * `npx tsx scripts/setup-estimate.ts` prints the estimate of `setup` under the current model.
 */
import type { CostRule } from './service-module';

export const SOURCES: Record<string, string> = {
  bestPractices:
    'https://developers.google.com/apps-script/guides/support/best-practices ("Minimize calls to other services", "Use batch operations": interleaving reads and writes is slow)',
  blog2010:
    'https://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html (look-ahead read cache and write cache; every read first commits the write cache)',
  ziritione:
    'https://ziritione.org/post/apps_script_performance (Luis Peralta, 100 runs: Properties set avg 62 ms, get avg 30 ms; Cache put avg 93 ms, get avg 3 ms)',
  poehnelt:
    'https://justin.poehnelt.com/posts/apps-script-key-value-stores (100 write+read pairs: Cache ~63 ms, Properties ~80 ms, SpreadsheetApp ~800 ms)',
  mogsdad:
    'Stack Overflow "What is faster: ScriptDb or SpreadsheetApp?" (mirror: https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp) (a 4,000-cell write <50 ms; with flush() 610 ms; flush per row for 400 rows ~12 s)',
  quotas: 'https://developers.google.com/apps-script/guides/services/quotas (6 min per execution)',
  assumption: 'no published measurement found: an assumption kept from the first model',
};

/** Cost of committing a batch of queued spreadsheet writes (see the model above). */
export const BATCH_COMMIT_MS = 500;

/** Local work: anything no rule prices. */
export const DEFAULT_CALL_MS = 1;

export interface CallRecord {
  name: string;
  count: number;
  cells: number;
  estimatedMs: number;
}

export interface RunRecord {
  id: number;
  label: string;
  kind: string;
  startedAt: string;
  calls: Record<string, number>;
  totalCalls: number;
  estimatedMs: number;
  /** Batches of spreadsheet writes committed (each cost BATCH_COMMIT_MS). */
  commits?: number;
  error?: string;
}

/** The rule pricing a call, or null (then DEFAULT_CALL_MS). */
export function ruleFor(rules: readonly CostRule[], name: string): CostRule | null {
  for (const r of rules) if (r.match.test(name)) return r;
  return null;
}

/** The cost of one call by itself (without the batch commit it may trigger). */
export function estimateWith(rules: readonly CostRule[], name: string, cells = 0): number {
  const rule = ruleFor(rules, name);
  return rule ? rule.ms + (rule.perCell ?? 0) * cells : DEFAULT_CALL_MS;
}

export class CallLedger {
  readonly runs: RunRecord[] = [];
  private current: RunRecord | null = null;
  private nextId = 1;
  private pendingWrites = false;
  private rules: readonly CostRule[] = [];

  /** The cost rules of the registered services (the runtime sets them from emulator/registry.ts). */
  useCosts(rules: readonly CostRule[]): void {
    this.rules = rules;
  }

  begin(label: string, kind: string, at: Date): RunRecord {
    const run: RunRecord = {
      id: this.nextId++,
      label,
      kind,
      startedAt: at.toISOString(),
      calls: {},
      totalCalls: 0,
      estimatedMs: 0,
      commits: 0,
    };
    this.runs.push(run);
    this.current = run;
    this.pendingWrites = false;
    return run;
  }

  end(error?: unknown): RunRecord | null {
    const run = this.current;
    if (run && this.pendingWrites) this.commit(run);
    if (run && error !== undefined) run.error = String((error as Error)?.message ?? error);
    if (run) run.estimatedMs = Math.round(run.estimatedMs);
    this.current = null;
    this.pendingWrites = false;
    return run;
  }

  get active(): RunRecord | null {
    return this.current;
  }

  /** Records one call; calls made outside a run (tests poking the runtime) are not counted. */
  record(name: string, cells = 0): void {
    const run = this.current;
    if (!run) return;
    run.calls[name] = (run.calls[name] ?? 0) + 1;
    run.totalCalls++;
    const rule = ruleFor(this.rules, name);
    run.estimatedMs += rule ? rule.ms + (rule.perCell ?? 0) * cells : DEFAULT_CALL_MS;
    if (rule?.batch === 'write') this.pendingWrites = true;
    else if (rule?.batch === 'commit' && this.pendingWrites) this.commit(run);
  }

  private commit(run: RunRecord): void {
    run.estimatedMs += BATCH_COMMIT_MS;
    run.commits = (run.commits ?? 0) + 1;
    this.pendingWrites = false;
  }

  last(): RunRecord | undefined {
    return this.runs[this.runs.length - 1];
  }
}
