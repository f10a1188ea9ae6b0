/**
 * What every emulated service shares: the virtual clock, the call ledger, the bridge to the
 * sandbox, the "Drive" of files (spreadsheets and forms by id), the users, and the execution in
 * progress (who runs it, whether a UI is attached).
 *
 * Everything is deterministic (ids and UUIDs come from counters and a seeded generator) so that
 * the same scenario gives byte-identical outputs.
 */
import { Bridge } from './bridge';
import { VirtualClock } from './clock';
import { CallLedger } from './ledger';

export type ExecutionKind = 'direct' | 'menu' | 'simple-trigger' | 'installable-trigger' | 'time-trigger';

export interface Execution {
  id: number;
  /** The user the code runs as (installable triggers: the owner who installed them). */
  effectiveUser: string;
  /** The user at the keyboard ('' when none, e.g. time-driven triggers, as Session documents). */
  activeUser: string;
  kind: ExecutionKind;
  /** SpreadsheetApp.getUi() works only when a user has the spreadsheet open (menu, dialogs). */
  hasUi: boolean;
  triggerUid?: string;
}

export interface EnvOptions {
  start?: Date;
  owner?: string;
  timeZone?: string;
  /**
   * The owner account's time zone (Google account settings). A spreadsheet created by this
   * account takes it as its own time zone, whatever the script's manifest says (DESIGN §11).
   */
  accountTimeZone?: string;
  /** Where the people typing into forms are: the wall clock they read and type. */
  respondentTimeZone?: string;
  seed?: number;
}

export class GasEnv {
  readonly clock: VirtualClock;
  readonly ledger = new CallLedger();
  readonly bridge: Bridge;
  readonly owner: string;
  readonly timeZone: string;
  readonly accountTimeZone: string;
  readonly respondentTimeZone: string;
  /**
   * Work Google finishes on its servers after a call has returned (e.g. the responses tab of a
   * newly linked form): done at the next SpreadsheetApp.flush() ('flush') or when the execution
   * ends ('end'), whichever comes first.
   */
  readonly serverWork: Array<(when: 'flush' | 'end') => boolean> = [];
  /** Files by id, like Drive: every service that opens by id looks here. */
  readonly files = new Map<string, unknown>();
  execution: Execution | null = null;
  private idCounter = 0;
  private executionCounter = 0;
  private rng: number;

  constructor(options: EnvOptions = {}) {
    this.clock = new VirtualClock(options.start ?? new Date('2026-01-05T08:00:00+07:00'));
    this.bridge = new Bridge(this.ledger);
    this.owner = options.owner ?? 'operator@example.org';
    this.timeZone = options.timeZone ?? 'Asia/Jakarta';
    this.accountTimeZone = options.accountTimeZone ?? 'Asia/Jakarta';
    this.respondentTimeZone = options.respondentTimeZone ?? 'Asia/Jakarta';
    this.rng = (options.seed ?? 20260101) >>> 0;
  }

  /** A Drive-like id: 44 characters, deterministic. */
  newId(prefix: string): string {
    this.idCounter++;
    const body = `${prefix}${this.idCounter.toString(36)}`;
    return (body + 'x'.repeat(44)).slice(0, 44);
  }

  /** Deterministic pseudo-random 32-bit numbers (mulberry32). */
  random(): number {
    let t = (this.rng = (this.rng + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  newExecution(kind: ExecutionKind, activeUser: string, hasUi: boolean, triggerUid?: string): Execution {
    return { id: ++this.executionCounter, effectiveUser: this.owner, activeUser, kind, hasUi, triggerUid };
  }

  /** Runs pending server-side work; a task returning false stays pending (e.g. until a flush). */
  settle(when: 'flush' | 'end'): void {
    for (let i = 0; i < this.serverWork.length;) {
      if (this.serverWork[i](when)) this.serverWork.splice(i, 1);
      else i++;
    }
  }

  /** The user whose permissions apply to a change (protections): the effective user. */
  get actingUser(): string {
    return this.execution?.effectiveUser ?? this.owner;
  }
}
