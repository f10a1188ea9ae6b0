/**
 * The local Apps Script runtime (DESIGN §11): `GasRuntime` runs dist/Code.js in a sandbox whose
 * only globals are the emulated services, on a virtual clock, and delivers trigger events.
 * Scenario runners and tests use it through this module.
 */
export { GasRuntime, SANDBOX_GLOBALS } from './runtime';
export type {
  RuntimeOptions,
  CallOptions,
  ExecutionResult,
  SubmissionInput,
  SubmissionResult,
  EditResult,
} from './runtime';
export { GasEnv } from './env';
export type { Execution, ExecutionKind, EnvOptions } from './env';
export { VirtualClock } from './clock';
export { CallLedger, BATCH_COMMIT_MS, SOURCES } from './ledger';
export { SERVICES, COST_RULES, estimateCallMs } from './registry';
export type { ServiceModule, CostRule } from './service-module';
export type { CallRecord, RunRecord } from './ledger';
export { GasError, notEmulated } from './errors';
export { GasObject } from './gas-object';
export * from './services';
export { SpreadsheetAppService, Spreadsheet, Sheet, Range, Protection, Ui, HtmlService, Charts } from './spreadsheet';
export type { EditOutcome } from './spreadsheet';
