/**
 * Setup runs in phases (issue 13): each execution runs phases until the next one would pass the
 * time budget, then records where it stopped and continues in a one-off time-driven trigger, so
 * that no execution comes near Apps Script's 6-minute limit on a mature install. Pure decisions
 * only; the clock, the trigger and the Script Properties are in src/gas/setup-phases.ts.
 */

/** In the order they run; each later phase reads what the earlier ones wrote. */
export const SETUP_PHASES = [
  'config', // time zone, config tabs seeded, configuration read
  'register', // the register tab: headers, formats, dropdowns, colours
  'unitTabs', // one tab per active unit
  'systemTabs', // Riwayat, Antrean Email, Log Galat, dashboard feed, ratings
  'protections', // every tab protected, each protection checked
  'form', // the form found or created, linked; the layout recorded
  'triggers', // exactly one of each trigger; the tracking secret
  'reconcile', // unit tabs and derived columns in line with the register
  'dashboard', // the dashboard, and the summary in Riwayat
] as const;

export type SetupPhase = (typeof SETUP_PHASES)[number];

/** Time an execution may spend before it hands over: well under Apps Script's 6 minutes. */
export const SETUP_BUDGET_MS = 4 * 60_000;

/**
 * The time assumed for a phase that has not been timed yet (a first setup): a mature install's
 * slowest phase is estimated at about 26 s (npm run bench), so with the cost model up to 4×
 * optimistic an untimed phase started before 3 minutes still ends before 6.
 */
export const UNTIMED_PHASE_MS = 60_000;

/** How long after an execution stops the next one starts (one-off trigger). */
export const SETUP_CONTINUE_AFTER_MS = 60_000;

export function isSetupPhase(name: unknown): name is SetupPhase {
  return typeof name === 'string' && (SETUP_PHASES as readonly string[]).includes(name);
}

/** The phase after `phase`, or null after the last one. */
export function phaseAfter(phase: SetupPhase): SetupPhase | null {
  return SETUP_PHASES[SETUP_PHASES.indexOf(phase) + 1] ?? null;
}

/**
 * Whether an execution that has run for `elapsedMs` should stop before a phase that took
 * `estimateMs` last time (a budget of 0 stops before every phase but the first). The first phase of an execution always runs, so setup always advances.
 */
export function shouldHandOver(first: boolean, elapsedMs: number, estimateMs: number, budgetMs: number): boolean {
  return !first && elapsedMs + estimateMs >= budgetMs;
}

/** The budget from the optional `setup.budgetMs` Script Property (tests force a boundary with 0). */
export function budgetOf(property: string | undefined): number {
  if (property === undefined || property.trim() === '') return SETUP_BUDGET_MS;
  const n = Number(property);
  return Number.isFinite(n) && n >= 0 ? n : SETUP_BUDGET_MS;
}
