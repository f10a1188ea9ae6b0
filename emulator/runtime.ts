/**
 * GasRuntime: the local Apps Script runtime (DESIGN §11). It loads dist/Code.js into a Node `vm`
 * context whose only globals are the emulated services, runs executions (direct calls, menu
 * items, simple and installable triggers, time-driven triggers) on a virtual clock, and delivers
 * the events a real deployment would get: form submissions, user edits, opening the spreadsheet,
 * menu clicks and the passage of time.
 *
 * Each execution: sets `env.execution` (who runs it, whether a UI is attached), opens a ledger run
 * labelled with the function name, calls the global function, closes the run (recording an
 * error), and releases that execution's locks. Trigger executions never throw to the caller (as
 * in Apps Script, a failed trigger is logged, not propagated); their results say what happened.
 */
import { readFileSync } from 'node:fs';
import { Context, Script } from 'node:vm';
import { GasEnv, ExecutionKind } from './env';
import { Faults } from './faults';
import { RunRecord } from './ledger';
import { GasObject } from './gas-object';
import { COST_RULES, createServices } from './registry';
import {
  CacheService,
  CalendarApp,
  Console,
  Form,
  FormApp,
  LockService,
  LogBook,
  Logger,
  MailApp,
  PropertiesService,
  ScriptApp,
  Session,
  TriggerRecord,
  User,
  Utilities,
  nextFiring,
  visibleEmail,
} from './services';
import { UrlFetchApp } from './services/url-fetch';
import { SANDBOX_GLOBALS, createSandbox } from './services/sandbox';
import {
  EventObject,
  changeEvent,
  editEvent,
  formSubmitEvent,
  openEvent,
  sheetFormSubmitEvent,
  timeDrivenEvent,
} from './services/trigger-events';
import { FormResponse } from './services/forms/form-response';
import { Charts, HtmlService, SpreadsheetAppService } from './spreadsheet';
import type { Sheet, Spreadsheet } from './spreadsheet';
import {
  UserActionOutcome,
  userClearSheet,
  userDeleteRows,
  userInsertRows,
  userRenameSheet,
  userSort,
} from './spreadsheet/user-actions';

export interface RuntimeOptions {
  /** Virtual start time (default 2026-01-05T08:00:00+07:00). */
  start?: Date | string;
  /** The account that owns the spreadsheet and the script (installable triggers run as it). */
  owner?: string;
  /** The script's time zone (appsscript.json timeZone). */
  timeZone?: string;
  /** The owner account's time zone, which new spreadsheets take (default Asia/Jakarta). */
  accountTimeZone?: string;
  /** The wall clock respondents read when they type a date-time answer (default Asia/Jakarta). */
  respondentTimeZone?: string;
  /** MailApp recipients per day (consumer accounts: 100). */
  mailQuota?: number;
  seed?: number;
  /** Other people with edit access to the bound spreadsheet. */
  users?: string[];
  /** Name of the bound spreadsheet. */
  spreadsheetName?: string;
  /** URL Fetch calls per day (consumer 20,000; Workspace 100,000). Issue 15. */
  urlFetchQuota?: number;
}

export interface CallOptions {
  kind?: ExecutionKind;
  /** The user at the keyboard (default: the owner). */
  user?: string;
  hasUi?: boolean;
}

export interface ExecutionResult {
  label: string;
  kind: ExecutionKind;
  triggerUid?: string;
  startedAt: Date;
  ok: boolean;
  value?: unknown;
  error?: string;
  run: RunRecord | null;
  /** The env execution id (null when the trigger had been deleted before its turn). */
  executionId: number | null;
}

export interface SubmissionInput {
  formId: string;
  /** Answers by question title or item id. */
  answers: Record<string, unknown>;
  respondent?: string;
  at?: Date | string;
}

export interface SubmissionResult {
  responseId: string;
  /** Row of the response in the responses tab (null when the form has no destination). */
  row: number | null;
  runs: ExecutionResult[];
}

export interface EditResult {
  applied: boolean;
  /** Why the edit was refused (protection, data validation), when it was. */
  reason?: string;
  runs: ExecutionResult[];
  /**
   * The user acted while an execution was running (a `during` fault): the trigger executions the
   * action causes run right after that execution ends (they cannot nest inside it), so `runs` is
   * empty and their results appear in `executions` then.
   */
  deferred?: boolean;
}

interface PendingRun {
  trigger: TriggerRecord;
  event: EventObject;
  activeUser: string;
}

export { SANDBOX_GLOBALS };

const toDate = (t: Date | string | number): Date => (t instanceof Date ? t : new Date(t));

export class GasRuntime {
  readonly env: GasEnv;
  readonly logs: LogBook;
  readonly spreadsheetApp: SpreadsheetAppService;
  readonly formApp: FormApp;
  readonly scriptApp: ScriptApp;
  readonly mailApp: MailApp;
  readonly propertiesService: PropertiesService;
  readonly lockService: LockService;
  readonly cacheService: CacheService;
  readonly session: Session;
  readonly utilities: Utilities;
  readonly logger: Logger;
  readonly console: Console;
  readonly calendarApp: CalendarApp;
  readonly htmlService: HtmlService;
  readonly charts: Charts;
  /** Every registered service's global object, by global name. */
  readonly services: Record<string, GasObject>;
  readonly urlFetchApp: UrlFetchApp;
  /** The spreadsheet the script is bound to. */
  readonly spreadsheet: Spreadsheet;
  /** Every execution, in order. */
  readonly executions: ExecutionResult[] = [];
  /** Fault injection (emulator/faults.ts): outages, kills, mid-run user actions, skipped triggers. */
  readonly faults: Faults;
  private readonly context: Context;
  /** Trigger runs caused by a user action during an execution, run when that execution ends. */
  private readonly deferred: (() => ExecutionResult)[] = [];

  constructor(options: RuntimeOptions = {}) {
    this.env = new GasEnv({
      start: options.start === undefined ? undefined : toDate(options.start),
      owner: options.owner,
      timeZone: options.timeZone,
      accountTimeZone: options.accountTimeZone,
      respondentTimeZone: options.respondentTimeZone,
      seed: options.seed,
    });
    const env = this.env;
    this.logs = new LogBook(env);
    // Every service comes from the registry (emulator/registry.ts); the typed fields are views of it.
    env.ledger.useCosts(COST_RULES);
    const services = createServices({
      env,
      logs: this.logs,
      mailQuota: options.mailQuota,
      urlFetchQuota: options.urlFetchQuota,
    });
    this.services = services;
    this.spreadsheetApp = services.SpreadsheetApp as SpreadsheetAppService;
    this.formApp = services.FormApp as FormApp;
    this.scriptApp = services.ScriptApp as ScriptApp;
    this.mailApp = services.MailApp as MailApp;
    this.propertiesService = services.PropertiesService as PropertiesService;
    this.lockService = services.LockService as LockService;
    this.cacheService = services.CacheService as CacheService;
    this.session = services.Session as Session;
    this.utilities = services.Utilities as Utilities;
    this.logger = services.Logger as Logger;
    this.console = services.console as Console;
    this.calendarApp = services.CalendarApp as CalendarApp;
    this.htmlService = services.HtmlService as HtmlService;
    this.charts = services.Charts as Charts;
    this.urlFetchApp = services.UrlFetchApp as UrlFetchApp;
    this.faults = new Faults(env, this.propertiesService);
    env.bridge.hooks = this.faults;

    this.spreadsheet = this.spreadsheetApp._create(options.spreadsheetName ?? 'Untitled spreadsheet');
    this.spreadsheetApp._activeSpreadsheetId = this.spreadsheet.getId();
    if (options.users?.length) this.spreadsheet.addEditors(options.users);

    this.context = createSandbox(env, services);
  }

  /** Runs the bundle (dist/Code.js), defining its top-level functions. */
  load(code: string, filename = 'Code.js'): void {
    new Script(code, { filename }).runInContext(this.context);
  }

  loadFile(path: string): void {
    this.load(readFileSync(path, 'utf8'));
  }

  now(): Date {
    return this.env.clock.date();
  }

  /** Whether the bundle defines a top-level function `name`. */
  hasFunction(name: string): boolean {
    return typeof (this.context as Record<string, unknown>)[name] === 'function';
  }

  /** Evaluates an expression inside the sandbox (tests, debugging). */
  evaluate(expression: string): unknown {
    return this.env.bridge.toHost(new Script(expression, { filename: 'evaluate.js' }).runInContext(this.context));
  }

  get outbox() {
    return this.mailApp._sent;
  }

  get ledger() {
    return this.env.ledger;
  }

  get triggers(): readonly TriggerRecord[] {
    return this.scriptApp._triggers;
  }

  /** One execution of a global function; rethrows the script's error after recording it. */
  call(fnName: string, args: unknown[] = [], options: CallOptions = {}): unknown {
    const user = options.user ?? this.env.owner;
    const kind = options.kind ?? 'direct';
    // Installable and time-driven triggers run as their owner; everything else as the user.
    const effectiveUser = kind === 'installable-trigger' || kind === 'time-trigger' ? this.env.owner : user;
    const result = this.execute(
      { label: fnName, kind, activeUser: user, effectiveUser, hasUi: options.hasUi ?? false },
      args,
    );
    if (!result.ok) throw result.thrown;
    return result.value;
  }

  /** Another process holds a lock until `until` ('script', 'document' or 'user:<email>'). */
  holdLock(key: string, until: Date | string | number, heldBy?: string): void {
    this.lockService._holdUntil(key, toDate(until), heldBy);
  }

  /**
   * A respondent submits the form at `at`: the response is appended to the responses tab, then
   * every installable form-submit trigger of the destination spreadsheet and of the form runs.
   */
  submitForm(
    formId: string,
    answers: Record<string, unknown>,
    options: { respondent?: string; at?: Date | string } = {},
  ): SubmissionResult {
    // During another execution (a `during` fault) the response is written now and the triggers
    // run when that execution ends, as for a user's edit; the clock is not moved.
    const during = this.env.execution !== null;
    const recorded = this.recordSubmission({ formId, answers, ...options, at: during ? undefined : options.at });
    if (during) {
      this.deferred.push(...recorded.pending.map((p) => () => this.runTrigger(p)));
      return { responseId: recorded.responseId, row: recorded.row, runs: [] };
    }
    return {
      responseId: recorded.responseId,
      row: recorded.row,
      runs: recorded.pending.map((p) => this.runTrigger(p)),
    };
  }

  /**
   * Submissions arriving together: Forms writes every response first (independently of scripts),
   * then the trigger executions run in a seeded shuffled order, overlapping: each finds the locks
   * the previous one took still held for a seeded random time in `holdMs`, so waitLock really waits
   * and can time out.
   */
  submitFormsConcurrently(
    submissions: SubmissionInput[],
    options: { holdMs?: [number, number] } = {},
  ): SubmissionResult[] {
    const [minHold, maxHold] = options.holdMs ?? [1000, 10000];
    const recorded = submissions.map((s) => this.recordSubmission(s));
    const results: SubmissionResult[] = recorded.map((r) => ({ responseId: r.responseId, row: r.row, runs: [] }));
    const queue = recorded.flatMap((r, i) => r.pending.map((p) => ({ p, i })));
    for (let k = queue.length - 1; k > 0; k--) {
      const j = Math.floor(this.env.random() * (k + 1));
      [queue[k], queue[j]] = [queue[j], queue[k]];
    }
    let previous: ExecutionResult | null = null;
    for (const { p, i } of queue) {
      if (previous?.executionId) {
        for (const key of this.lockService._acquiredBy(previous.executionId)) {
          const hold = minHold + Math.floor(this.env.random() * (maxHold - minHold + 1));
          this.lockService._holdUntil(key, this.env.clock.now() + hold, previous.label);
        }
      }
      const run = this.runTrigger(p);
      results[i].runs.push(run);
      previous = run;
    }
    return results;
  }

  /**
   * `user` types `values` into `sheetName` at (row, col) in the bound spreadsheet. The sheet
   * decides whether the edit is allowed (protections, data validation); if applied, the simple
   * `onEdit` and every installable edit and change trigger of the spreadsheet run.
   */
  editAsUser(user: string, sheetName: string, row: number, col: number, values: unknown[][]): EditResult {
    const sheet = this.userSheet(sheetName);
    const outcome = sheet._userEdit(user, row, col, values);
    if (!outcome.applied) return { applied: false, reason: outcome.reason, runs: [] };
    const edit = {
      row,
      column: col,
      numRows: values.length,
      numColumns: values[0].length,
      oldValues: outcome.oldValues,
    };
    return this.deliverUserChange(user, sheet, { applied: true, edit, changeType: 'EDIT' });
  }

  /** `user` sorts `range` (A1) of a tab by one column, as Data › Sort range does. */
  sortAsUser(user: string, sheetName: string, range: string, column: number, descending = false): EditResult {
    const sheet = this.userSheet(sheetName);
    return this.deliverUserChange(user, sheet, userSort(sheet, user, { range, column, descending }));
  }

  /** `user` deletes `count` rows from `row` (right-click › Delete rows). */
  deleteRowsAsUser(user: string, sheetName: string, row: number, count = 1): EditResult {
    const sheet = this.userSheet(sheetName);
    return this.deliverUserChange(user, sheet, userDeleteRows(sheet, user, row, count));
  }

  /** `user` inserts `count` empty rows before `row`. */
  insertRowsAsUser(user: string, sheetName: string, row: number, count = 1): EditResult {
    const sheet = this.userSheet(sheetName);
    return this.deliverUserChange(user, sheet, userInsertRows(sheet, user, row, count));
  }

  /** `user` renames a tab. */
  renameSheetAsUser(user: string, sheetName: string, to: string): EditResult {
    const sheet = this.userSheet(sheetName);
    return this.deliverUserChange(user, sheet, userRenameSheet(sheet, user, to));
  }

  /** `user` selects the whole tab and presses Delete. */
  clearSheetAsUser(user: string, sheetName: string): EditResult {
    const sheet = this.userSheet(sheetName);
    return this.deliverUserChange(user, sheet, userClearSheet(sheet, user));
  }

  private userSheet(sheetName: string): Sheet {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`no sheet named "${sheetName}"`);
    return sheet;
  }

  /**
   * After a user's action was applied: the simple `onEdit` (for edits) and every installable edit
   * and change trigger of the spreadsheet, each with the event Sheets delivers. During another
   * execution (a `during` fault) they are queued and run when it ends.
   */
  private deliverUserChange(user: string, sheet: Sheet, outcome: UserActionOutcome): EditResult {
    if (!outcome.applied) return { applied: false, reason: outcome.reason, runs: [] };
    const timeZone = this.spreadsheet.getSpreadsheetTimeZone();
    const e = outcome.edit;
    const singleCell = !!e && e.numRows === 1 && e.numColumns === 1;
    const range = e ? sheet.getRange(e.row, e.column, e.numRows, e.numColumns) : null;
    const oldValue = singleCell ? e.oldValues[0][0] : undefined;
    const newValue = singleCell ? range!.getValue() : undefined;
    const runs: (() => ExecutionResult)[] = [];
    if (range && this.hasFunction('onEdit')) {
      const event = editEvent({
        range,
        source: this.spreadsheet,
        user: this.userFor(user, this.env.owner),
        singleCell,
        oldValue,
        newValue,
        timeZone,
      });
      runs.push(() =>
        this.execute({ label: 'onEdit', kind: 'simple-trigger', activeUser: user, effectiveUser: user, hasUi: true }, [
          event,
        ]),
      );
    }
    for (const trigger of this.triggersFor(this.spreadsheet.getId(), 'ON_EDIT', 'ON_CHANGE')) {
      if (trigger.eventType === 'ON_EDIT' && !range) continue;
      const event =
        trigger.eventType === 'ON_EDIT'
          ? editEvent({
              range,
              source: this.spreadsheet,
              user: this.userFor(user, trigger.owner),
              singleCell,
              oldValue,
              newValue,
              timeZone,
              triggerUid: trigger.uid,
            })
          : changeEvent(
              this.spreadsheet,
              this.userFor(user, trigger.owner),
              outcome.changeType ?? 'OTHER',
              trigger.uid,
            );
      runs.push(() => this.runTrigger({ trigger, event, activeUser: user }));
    }
    if (this.env.execution) {
      this.deferred.push(...runs);
      return { applied: true, runs: [], deferred: true };
    }
    return { applied: true, runs: runs.map((run) => run()) };
  }

  /** `user` opens the spreadsheet: the simple `onOpen`, then installable open triggers, with a UI. */
  openSpreadsheet(user: string = this.env.owner): ExecutionResult[] {
    const runs: ExecutionResult[] = [];
    if (this.hasFunction('onOpen')) {
      runs.push(
        this.execute({ label: 'onOpen', kind: 'simple-trigger', activeUser: user, effectiveUser: user, hasUi: true }, [
          openEvent(this.spreadsheet, this.userFor(user, this.env.owner)),
        ]),
      );
    }
    for (const trigger of this.triggersFor(this.spreadsheet.getId(), 'ON_OPEN')) {
      runs.push(
        this.runTrigger(
          {
            trigger,
            event: openEvent(this.spreadsheet, this.userFor(user, trigger.owner), trigger.uid),
            activeUser: user,
          },
          true,
        ),
      );
    }
    return runs;
  }

  /** `user` clicks a custom menu item, e.g. clickMenu(u, ['Pengaduan', 'Siapkan']). */
  clickMenu(user: string, path: string[] | string): ExecutionResult {
    const captions = Array.isArray(path) ? path : path.split('>').map((s) => s.trim());
    const functionName = this.spreadsheetApp._menuFunction(captions);
    if (!functionName)
      throw new Error(`no menu item ${captions.join(' > ')}; open the spreadsheet first so onOpen builds the menu`);
    return this.execute({ label: functionName, kind: 'menu', activeUser: user, effectiveUser: user, hasUi: true }, []);
  }

  /**
   * Moves the clock to `time`, firing every due time-driven trigger at its scheduled instant, in
   * order. A run that overshoots (sleeps, lock waits) makes later firings late, never skipped
   * backwards; firings missed while a run was busy are dropped, as Apps Script does not queue them.
   */
  advanceTo(time: Date | string): ExecutionResult[] {
    const target = toDate(time).getTime();
    if (target < this.env.clock.now()) throw new Error(`cannot advance back to ${toDate(time).toISOString()}`);
    const runs: ExecutionResult[] = [];
    for (;;) {
      const due = this.scriptApp._triggers
        .filter((t) => t.clock && t.nextAt !== null && t.nextAt <= target)
        .sort((a, b) => (a.nextAt as number) - (b.nextAt as number) || a.seq - b.seq)[0];
      if (!due || !due.clock) break;
      const scheduled = due.nextAt as number;
      if (scheduled > this.env.clock.now()) this.env.clock.set(scheduled);
      due.nextAt = null;
      if (this.faults._dropsTriggerAt(scheduled)) {
        due.nextAt = nextFiring(due.clock, scheduled);
        continue;
      }
      runs.push(
        this.runTrigger({ trigger: due, event: timeDrivenEvent(this.env.clock.now(), due.uid), activeUser: '' }),
      );
      due.nextAt = nextFiring(due.clock, Math.max(scheduled, this.env.clock.now()));
    }
    if (target > this.env.clock.now()) this.env.clock.set(target);
    return runs;
  }

  private recordSubmission(input: SubmissionInput): { responseId: string; row: number | null; pending: PendingRun[] } {
    const form = this.env.files.get(input.formId);
    if (!(form instanceof Form)) throw new Error(`no form with id ${input.formId}`);
    // Time-driven triggers due before the submission fire first, in order.
    if (input.at !== undefined) this.advanceTo(input.at);
    const { response, row, columns } = form._submit({ answers: input.answers, respondent: input.respondent });
    const respondent = input.respondent ?? '';
    const pending: PendingRun[] = [];
    const destination = form._destination;
    if (destination?.tab && row !== null) {
      const spreadsheet = this.spreadsheetApp._get(destination.spreadsheetId);
      const { headers, values } = destination.tab.displayed(row, columns);
      const range = destination.tab.sheet.getRange(row, columns[0], 1, columns[columns.length - 1] - columns[0] + 1);
      for (const trigger of this.triggersFor(destination.spreadsheetId, 'ON_FORM_SUBMIT')) {
        pending.push({
          trigger,
          event: sheetFormSubmitEvent(range, spreadsheet, headers, values, trigger.uid),
          activeUser: respondent,
        });
      }
    }
    for (const trigger of this.triggersFor(form.getId(), 'ON_FORM_SUBMIT')) {
      pending.push({
        trigger,
        event: formSubmitEvent(new FormResponse(response, form), form, trigger.uid),
        activeUser: respondent,
      });
    }
    pending.sort((a, b) => a.trigger.seq - b.trigger.seq);
    return { responseId: response.id, row, pending };
  }

  private triggersFor(sourceId: string, ...eventTypes: string[]): TriggerRecord[] {
    return this.scriptApp._triggers
      .filter((t) => t.sourceId === sourceId && eventTypes.includes(t.eventType))
      .sort((a, b) => a.seq - b.seq);
  }

  private userFor(user: string, effectiveUser: string): User {
    return new User(visibleEmail(user, effectiveUser));
  }

  private runTrigger(p: PendingRun, hasUi = false): ExecutionResult {
    const kind: ExecutionKind = p.trigger.eventType === 'CLOCK' ? 'time-trigger' : 'installable-trigger';
    if (!this.scriptApp._find(p.trigger.uid)) {
      // Deleted by an earlier execution of the same batch: it does not run.
      return {
        label: p.trigger.handler,
        kind,
        triggerUid: p.trigger.uid,
        startedAt: this.now(),
        ok: true,
        value: undefined,
        run: null,
        executionId: null,
      };
    }
    return this.execute(
      {
        label: p.trigger.handler,
        kind,
        activeUser: p.activeUser,
        effectiveUser: p.trigger.owner,
        hasUi,
        triggerUid: p.trigger.uid,
      },
      [p.event],
    );
  }

  private execute(
    spec: {
      label: string;
      kind: ExecutionKind;
      activeUser: string;
      effectiveUser: string;
      hasUi: boolean;
      triggerUid?: string;
    },
    args: unknown[],
  ): ExecutionResult & { thrown?: unknown } {
    if (this.env.execution)
      throw new Error(
        `execution of ${spec.label} started while ${this.env.ledger.active?.label ?? 'another'} is running`,
      );
    const execution = this.env.newExecution(spec.kind, spec.activeUser, spec.hasUi, spec.triggerUid);
    execution.effectiveUser = spec.effectiveUser;
    this.env.execution = execution;
    const startedAt = this.now();
    this.env.ledger.begin(spec.label, spec.kind, startedAt);
    const base = {
      label: spec.label,
      kind: spec.kind,
      triggerUid: spec.triggerUid,
      startedAt,
      executionId: execution.id,
    };
    let result: ExecutionResult & { thrown?: unknown };
    this.faults._beginExecution(spec.label, execution.id);
    try {
      const fn = (this.context as Record<string, unknown>)[spec.label];
      if (typeof fn !== 'function')
        throw this.env.bridge.realm!.makeError(`Script function not found: ${spec.label}`, 'Error');
      const value = this.env.bridge.toHost(
        (fn as (...a: unknown[]) => unknown)(...args.map((a) => this.env.bridge.toSandbox(a))),
      );
      // A killed execution is recorded as killed even if the script caught the error.
      if (this.faults._killed) throw this.faults._endExecution()!;
      result = { ...base, ok: true, value, run: this.env.ledger.end() };
    } catch (e) {
      const error = this.faults._endExecution() ?? e;
      result = {
        ...base,
        ok: false,
        error: String((error as Error)?.message ?? error),
        thrown: error,
        run: this.env.ledger.end(error),
      };
    } finally {
      this.faults._endExecution();
      this.env.settle('end');
      this.lockService._releaseExecution(execution.id);
      this.env.execution = null;
    }
    this.executions.push(result);
    // User actions that landed mid-run: their trigger executions run now, in order.
    for (const run of this.deferred.splice(0)) run();
    return result;
  }
}
