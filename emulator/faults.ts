/**
 * Fault injection (DESIGN §11, §12.1): the runtime reproduces what real deployments meet, so the
 * system's answers to it can be rehearsed and tested.
 *
 *   rt.faults.outage('MailApp.sendEmail', until)    every call throws Google's service error until then
 *   rt.faults.outage('Spreadsheets', until)          …every call of the spreadsheet family
 *   rt.faults.kill('hourlyJob', 'Range.setValues', 2) the next hourlyJob ends right after its 2nd setValues
 *   rt.faults.during('hourlyJob', 'Range.getValues', 1, () => rt.editAsUser(…))  a user acts mid-run
 *   rt.faults.skipTriggers(until)                     time-driven triggers do not fire until then
 *   rt.faults.wipeProperties()                        Script/User/Document Properties lost (new project)
 *   rt.holdLock('script', until)                      another execution holds the script lock
 *
 * Calls are named as the call ledger names them (`Class.method`: `MailApp.sendEmail`,
 * `Range.setValues`, `Spreadsheet.getSheetByName`). The bridge asks this module before each host
 * method call (`_beforeCall`, which may throw) and after it returned (`_afterCall`, which may end
 * the execution or run a user's action); a call that threw does not count as completed.
 *
 * Messages are Google's own:
 * - "Service error: Spreadsheets" and "Service Spreadsheets timed out while accessing document
 *   with id …" are the transient Sheets failures Apps Script reports (seen in the executions log of
 *   real deployments; scripts retry on them). Other services use the same "Service error: <name>"
 *   form (`Service error: Mail`, `Service error: Forms`, …).
 * - A killed run ends with "Exceeded maximum execution time", the error Apps Script records when
 *   an execution passes its 6-minute limit
 *   (https://developers.google.com/apps-script/guides/support/troubleshooting#common_errors).
 *   Script code can catch exceptions, so the kill is sticky: every later service call of that
 *   execution throws the same error and does nothing, and the execution is recorded as failed
 *   with that error whatever the script did after. (Those refused calls still appear in the
 *   call ledger, as every call that threw does.)
 * - Apps Script drops time-driven firings it could not run; it does not queue them
 *   (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers:
 *   "the trigger fires at a time within the interval"; missed ones never replay), so
 *   `skipTriggers` drops every firing due before `until`.
 */
import type { GasEnv } from './env';
import { GasError } from './errors';
import type { PropertiesService } from './services/properties-service';

export const EXECUTION_TIME_EXCEEDED = 'Exceeded maximum execution time';

/** Google's transient service errors, by service family. */
export const SERVICE_ERROR = {
  spreadsheets: 'Service error: Spreadsheets',
  spreadsheetsTimedOut: (documentId: string) =>
    `Service Spreadsheets timed out while accessing document with id ${documentId}.`,
  of: (family: string) => `Service error: ${family}`,
} as const;

/** Classes of each service family (what an outage of the whole service stops). */
const FAMILIES: Record<string, { aliases: string[]; classes: RegExp }> = {
  Spreadsheets: {
    aliases: ['SpreadsheetApp', 'Spreadsheets', 'Spreadsheet'],
    classes: /^(SpreadsheetApp|Spreadsheet|Sheet|Range|Protection|NamedRange|EmbeddedChart)$/,
  },
  Forms: { aliases: ['FormApp', 'Forms'], classes: /^(FormApp|Form|FormResponse|ItemResponse|Item|\w+Item)$/ },
  Mail: { aliases: ['MailApp', 'Mail'], classes: /^MailApp$/ },
  Properties: { aliases: ['PropertiesService', 'Properties'], classes: /^(PropertiesService|Properties)$/ },
  Cache: { aliases: ['CacheService', 'Cache'], classes: /^(CacheService|Cache)$/ },
  Lock: { aliases: ['LockService', 'Lock'], classes: /^(LockService|Lock)$/ },
  Calendar: { aliases: ['CalendarApp', 'Calendar'], classes: /^(CalendarApp|Calendar|CalendarEvent)$/ },
  Script: { aliases: ['ScriptApp', 'Script'], classes: /^(ScriptApp|Trigger|\w*TriggerBuilder)$/ },
};

/** Which calls a method pattern names, and the service family the default message speaks of. */
export interface CallMatcher {
  matches(call: string): boolean;
  family: string;
}

/**
 * 'Class.method' names one call; a family alias ('SpreadsheetApp', 'Spreadsheets', 'MailApp', …)
 * names every call of that service; any other bare name ('Range') names every method of that class.
 */
export function callMatcher(method: string): CallMatcher {
  const name = String(method).trim();
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/.test(name))
    throw new Error(`fault: "${method}" is not Class.method or a service name`);
  const familyOfClass = (cls: string) => Object.entries(FAMILIES).find(([, f]) => f.classes.test(cls))?.[0] ?? cls;
  if (name.includes('.')) {
    const cls = name.slice(0, name.indexOf('.'));
    return { matches: (call) => call === name, family: familyOfClass(cls) };
  }
  const family = Object.entries(FAMILIES).find(([, f]) => f.aliases.includes(name));
  if (family) return { matches: (call) => family[1].classes.test(call.slice(0, call.indexOf('.'))), family: family[0] };
  return { matches: (call) => call.slice(0, call.indexOf('.')) === name, family: familyOfClass(name) };
}

interface Outage {
  matcher: CallMatcher;
  until: number;
  message: string;
}

interface Interruption {
  kind: 'kill' | 'during';
  handler: string;
  after: string;
  matcher: CallMatcher;
  nth: number;
  action?: () => void;
  /** Set when an execution took it: the execution id, the calls seen, whether it fired. */
  executionId?: number;
  seen: number;
  fired: boolean;
}

/** What happened to one armed kill/during, for reports (events.json, tests). */
export interface FaultOutcome {
  kind: 'kill' | 'during' | 'outage' | 'skipTriggers';
  handler?: string;
  after?: string;
  nth?: number;
  /** kill/during: true when the nth call happened in the execution that took it. */
  fired: boolean;
  /** The execution that took it (kill/during), or the calls refused (outage), triggers dropped (skipTriggers). */
  executionId?: number;
  count: number;
  /** An error thrown by a `during` action (the action is the test's or the runner's code). */
  actionError?: string;
}

const toMs = (t: Date | string | number): number => {
  const ms = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`fault: invalid time ${String(t)}`);
  return ms;
};

export class Faults {
  private readonly outages: (Outage & { outcome: FaultOutcome })[] = [];
  private readonly interruptions: (Interruption & { outcome: FaultOutcome })[] = [];
  private skipUntil = 0;
  private skipOutcome: FaultOutcome | null = null;
  /** Interruptions taken by the execution in progress. */
  private active: (Interruption & { outcome: FaultOutcome })[] = [];
  /** The execution in progress was killed (sticky until it ends). */
  private killed = false;

  constructor(
    private readonly env: GasEnv,
    private readonly properties: PropertiesService,
  ) {}

  /** Every call matching `method` throws Google's service error until `until` (virtual time). */
  outage(method: string, until: Date | string | number, message?: string): FaultOutcome {
    const matcher = callMatcher(method);
    const outcome: FaultOutcome = { kind: 'outage', fired: false, count: 0 };
    this.outages.push({ matcher, until: toMs(until), message: message ?? SERVICE_ERROR.of(matcher.family), outcome });
    return outcome;
  }

  /** The next execution of `handler` ends right after its `nth` completed call of `after`. */
  kill(handler: string, after: string, nth = 1): FaultOutcome {
    return this.arm({ kind: 'kill', handler, after, nth });
  }

  /** In the next execution of `handler`, `action` runs right after its `nth` completed call of `after`. */
  during(handler: string, after: string, nth: number, action: () => void): FaultOutcome {
    return this.arm({ kind: 'during', handler, after, nth, action });
  }

  /** Time-driven triggers due before `until` are dropped (Apps Script does not queue them). */
  skipTriggers(until: Date | string | number): FaultOutcome {
    this.skipUntil = Math.max(this.skipUntil, toMs(until));
    this.skipOutcome = { kind: 'skipTriggers', fired: false, count: 0 };
    return this.skipOutcome;
  }

  /** Script, document and user properties are lost, as when the script moves to a new project. */
  wipeProperties(): void {
    this.properties._script.values.clear();
    this.properties._document.values.clear();
    for (const store of this.properties._users.values()) store.values.clear();
  }

  // ------------------------------------------------------------------ runtime hooks

  /** The runtime starts an execution of `label`: it takes the first armed kill/during for it. */
  _beginExecution(label: string, executionId: number): void {
    this.killed = false;
    // "The NEXT execution": each execution takes the earliest armed kill and the earliest armed
    // during for its function; later ones wait for the following executions.
    const waiting = this.interruptions.filter((x) => x.executionId === undefined && x.handler === label);
    this.active = (['kill', 'during'] as const).flatMap((kind) => waiting.filter((x) => x.kind === kind).slice(0, 1));
    for (const x of this.active) {
      x.executionId = executionId;
      x.outcome.executionId = executionId;
    }
  }

  /** The execution ended; returns the error it must be recorded with when it was killed. */
  _endExecution(): GasError | null {
    const killed = this.killed;
    this.killed = false;
    this.active = [];
    return killed ? new GasError(EXECUTION_TIME_EXCEEDED) : null;
  }

  /** Before a host method call: a killed execution or an outage makes it throw. */
  _beforeCall(className: string, method: string): void {
    if (this.killed) throw new GasError(EXECUTION_TIME_EXCEEDED);
    if (!this.outages.length) return;
    const call = `${className}.${method}`;
    const now = this.env.clock.now();
    for (const o of this.outages) {
      if (now < o.until && o.matcher.matches(call)) {
        o.outcome.fired = true;
        o.outcome.count++;
        throw new GasError(o.message);
      }
    }
  }

  /** After a host method call returned: counts it for the active kill/during. */
  _afterCall(className: string, method: string): void {
    if (!this.active.length) return;
    const call = `${className}.${method}`;
    for (const x of this.active) {
      if (x.fired || !x.matcher.matches(call)) continue;
      x.seen++;
      x.outcome.count = x.seen;
      if (x.seen !== x.nth) continue;
      x.fired = true;
      x.outcome.fired = true;
      if (x.kind === 'during') {
        try {
          x.action!();
        } catch (e) {
          x.outcome.actionError = String((e as Error)?.message ?? e);
        }
      }
    }
    if (this.active.some((x) => x.kind === 'kill' && x.fired)) {
      this.killed = true;
      throw new GasError(EXECUTION_TIME_EXCEEDED);
    }
  }

  /** Whether a time-driven firing scheduled at `at` is dropped. */
  _dropsTriggerAt(at: number): boolean {
    if (at >= this.skipUntil) return false;
    if (this.skipOutcome) {
      this.skipOutcome.fired = true;
      this.skipOutcome.count++;
    }
    return true;
  }

  /** Whether the execution in progress was killed. */
  get _killed(): boolean {
    return this.killed;
  }

  private arm(spec: {
    kind: 'kill' | 'during';
    handler: string;
    after: string;
    nth: number;
    action?: () => void;
  }): FaultOutcome {
    if (!Number.isInteger(spec.nth) || spec.nth < 1)
      throw new Error(`fault ${spec.kind}: nth must be an integer ≥ 1, not ${spec.nth}`);
    if (!spec.handler) throw new Error(`fault ${spec.kind}: handler is required`);
    const outcome: FaultOutcome = {
      kind: spec.kind,
      handler: spec.handler,
      after: spec.after,
      nth: spec.nth,
      fired: false,
      count: 0,
    };
    this.interruptions.push({ ...spec, matcher: callMatcher(spec.after), seen: 0, fired: false, outcome });
    return outcome;
  }
}
