/**
 * The contract between the scenario runner and each kind of event (DESIGN §12, §12.1). A kind
 * is one module exporting an `EventKind` and one line in `./index.ts`: the parser asks it to
 * validate the event's body before anything runs, the runner asks it to deliver the event.
 */
import type { GasRuntime } from '../../../emulator/runtime';
import type { Sheet } from '../../../emulator/spreadsheet';
import type { Body } from '../validate';
import type { ChannelSim, RunnerHooks } from '../channels';

/** What the parser tracks across events while validating (e.g. how many submissions came before). */
export interface ValidationState {
  submissions: number;
}

/** What a kind may use to deliver its event (implemented by the runner's Simulation). */
export interface EventContext {
  readonly rt: GasRuntime;
  /** The spreadsheet's owner (runs setup, owns the triggers, does owner actions). */
  readonly operator: string;
  readonly formId: string;
  /** The complaint number of submission `ref` (1-based) or the number itself. */
  number(ref: number | string, where: string): string;
  /**
   * Records the outcome of a submission, in order: its number ('' when none was registered), or
   * a function finding it later (a submission during a run is registered after that run).
   */
  recordSubmission(number: string | (() => string)): void;
  /** The complaint numbers in the register now. */
  registerNumbers(): Set<string>;
  /** The tab a user means: a tab name, or `@responses` for the form's current responses tab. */
  tab(name: string): Sheet;
  /** Row of a complaint in a tab, found by number as a person would. */
  rowOf(tabName: string, number: string): number;
  /** The unit tab a complaint is in ('' when it has no unit yet). */
  unitTabOf(number: string): string;
  /** `by` types `value` in the column headed `header` of the complaint's row; the refusal reason, or null. */
  edit(by: string, tabName: string, number: string, header: string, value: unknown): string | null;
  /** The bundle function a run name stands for ('hourly' → 'hourlyJob', 'menuReconcile' → itself). */
  handlerOf(run: string): string;
  /** The operator runs an entry point (menu items with a UI, setup from the editor). */
  runEntry(run: string): void;
  /** The channels' fakes and the posts they serve (DESIGN §14). */
  readonly channels: ChannelSim;
  /** What scripts/sim/channels.ts needs from the runner. */
  channelHooks(): RunnerHooks;
}

/**
 * How delivering went: nothing (applied), why Sheets / Apps Script / the world refused it, or
 * (faults that act later, like `kill`) a function the runner calls at the end of the scenario
 * for the final word.
 */
export type Delivery = void | { refused: string } | { settle: () => void | { refused: string } };

export interface ScenarioEventBase {
  at: string;
  by?: string;
}

export interface EventKind {
  /** The event object's key ('submit', 'edit', 'fault', …). */
  readonly key: string;
  /** Done by a person: `by` is required, and the `during` modifier may delay it into a run. */
  readonly byUser: boolean;
  /** The event's value is not an object (`"run": "hourly"`): the kind gets the whole event as body. */
  readonly scalar?: boolean;
  /** Throws a ScenarioError naming the field when the body is malformed. */
  validate(body: Body, where: string, state: ValidationState): void;
  deliver(ctx: EventContext, body: Body, event: ScenarioEventBase, where: string): Delivery;
  /** The kind written to events.json (default: the key; faults give their own kind). */
  label?(body: Body): string;
}
