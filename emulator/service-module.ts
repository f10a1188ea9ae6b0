/**
 * What one emulated Apps Script service declares to the runtime (DESIGN §11). Every service is a
 * module exporting one `ServiceModule`, listed once in emulator/registry.ts; the sandbox globals,
 * the ledger's cost rules, the "what exists / what is emulated" surface (emulator/surface.json,
 * emulator/COVERAGE.md) and the API-surface test all read that list. Adding a service is one
 * folder (its classes + an index exporting its ServiceModule) and one line in the registry.
 *
 * This file imports no service, so any service may import it.
 */
import type { GasEnv } from './env';
import type { GasObject } from './gas-object';
import type { LogBook } from './services/logger';

/** One entry of the cost model (see emulator/ledger.ts for the model and the sources). */
export interface CostRule {
  /** The calls it prices, as counted in the ledger: `Class.method`. */
  match: RegExp;
  /** Milliseconds per call. */
  ms: number;
  /** Extra milliseconds per cell the call reads or writes. */
  perCell?: number;
  /**
   * Spreadsheet write batching: a `write` is queued (cheap); the next `commit` (a read of the
   * grid, or flush) after queued writes pays the batch cost once (ledger.ts BATCH_COMMIT_MS).
   */
  batch?: 'write' | 'commit';
  /** Key into SOURCES in emulator/ledger.ts: where the figure comes from. */
  source: string;
}

export interface ServiceContext {
  env: GasEnv;
  logs: LogBook;
  mailQuota?: number;
  /** UrlFetchApp calls per day (consumer accounts: 20,000). */
  urlFetchQuota?: number;
}

export interface ServiceModule {
  /** The sandbox global (`SpreadsheetApp`, `console`, …). */
  global: string;
  /** Google's name for the service in messages ("SpreadsheetApp" in "…signature for SpreadsheetApp.Range.copyTo"). */
  messagePrefix: string;
  /** The type-definition namespaces whose every interface belongs to this service ("Spreadsheet"). */
  namespaces: string[];
  /** Single interfaces of shared namespaces it owns ("Base.Ui"). */
  classes?: string[];
  /** Emulated class names that differ from the interface they implement ({ console: 'Global.Console' }). */
  aliases?: Record<string, string>;
  /** Builds the global's object. */
  create(ctx: ServiceContext): GasObject;
  /** One instance of every emulated class, for the API-surface test and the coverage table. */
  samples(ctx: ServiceContext): GasObject[];
  /** Members the runtime has no reason to emulate, with why ("Class.member" or "Class" → reason). */
  notApplicable?: Record<string, string>;
  costs: CostRule[];
}
