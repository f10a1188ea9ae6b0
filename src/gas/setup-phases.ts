/**
 * The Apps Script side of setup's phases (src/core/setup-phases.ts): the one-off time-driven
 * trigger that continues setup, and the progress kept in Script Properties between executions.
 * "Clock triggers … after(durationMilliseconds)" run once; a one-off trigger stays listed until it
 * is deleted (ScriptApp reference), so the continuation deletes it when it runs.
 */
import { ScriptState } from './state';

/** The entry point of the continuation (exported from src/main.ts). */
export const SETUP_CONTINUE_HANDLER = 'setupContinue';

/** Script Property keys (`setup.progress` is chunked by ScriptState.setJson). */
export const SETUP_PROGRESS_KEY = 'setup.progress';
export const SETUP_PHASE_TIMES_KEY = 'setup.phaseMs';
/** Optional: the time budget of one execution in ms (0 forces a boundary after every phase). */
export const SETUP_BUDGET_KEY = 'setup.budgetMs';

export function scheduleSetupContinuation(afterMs: number): void {
  ScriptApp.newTrigger(SETUP_CONTINUE_HANDLER).timeBased().after(afterMs).create();
}

/** Deletes every continuation trigger (the one running now, or one a new setup supersedes). */
export function removeSetupContinuations(): number {
  const stale = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === SETUP_CONTINUE_HANDLER);
  for (const t of stale) ScriptApp.deleteTrigger(t);
  return stale.length;
}

/** Removes the recorded progress (its chunks), when there is any; the state is saved first. */
export function clearSetupProgress(state: ScriptState): void {
  const n = Number(state.get(`${SETUP_PROGRESS_KEY}.n`) ?? 0);
  if (!n) return;
  const props = PropertiesService.getScriptProperties();
  for (let i = 0; i < n; i++) props.deleteProperty(`${SETUP_PROGRESS_KEY}.${i}`);
  props.deleteProperty(`${SETUP_PROGRESS_KEY}.n`);
}

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The account the script runs as (the operator who ran setup, also for its triggers). */
export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}
