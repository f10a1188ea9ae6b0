/**
 * ScriptApp installable triggers (https://developers.google.com/apps-script/reference/script/script-app,
 * https://developers.google.com/apps-script/guides/triggers/installable).
 *
 * Documented behaviour relied on:
 * - Installable triggers belong to the user who created them and run as that user;
 *   getProjectTriggers "Gets all installable triggers associated with the current project and
 *   current user", getUserTriggers(doc) those of this user for one file.
 * - Quotas page, "Triggers: 20 / user / script": creating a 21st throws "This script has too many
 *   triggers. Triggers must be deleted from the script before more can be added."
 * - One-off clock triggers (at/after/atDate) stay listed after they fire until deleted.
 * The runtime (emulator/runtime.ts) reads `_triggers` to deliver events and fire clock triggers.
 */
import { GasEnv } from '../env';
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { ClockKind, ClockSpec, nextFiring } from './clock-schedule';
import { isKnownZone } from './time-zone';
import { requireAuthorization, SCOPES } from './authorization';

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS_MESSAGE = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const EventType = {
  CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
export const WeekDay = {
  MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY', SUNDAY: 'SUNDAY',
} as const;
const WEEKDAY_NUMBER: Record<string, number> = { MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6, SUNDAY: 7 };

export type EventTypeName = keyof typeof EventType;
export type TriggerSourceName = keyof typeof TriggerSource;

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  sourceId: string | null;
  owner: string;
  createdAt: number;
  clock: ClockSpec | null;
  /** Next scheduled firing of a clock trigger (null: will not fire again). */
  nextAt: number | null;
  /** Creation order, to fire simultaneous triggers deterministically. */
  seq: number;
}

/** Something with an id: a Spreadsheet or Form object, or an id string. */
function idOf(target: unknown, what: string): string {
  if (typeof target === 'string' && target !== '') return target;
  const getId = (target as { getId?: () => string } | null)?.getId;
  if (typeof getId === 'function') return getId.call(target);
  throw new GasError(`Invalid argument: ${what}`);
}

export class Trigger extends GasObject {
  readonly _className = 'Trigger';

  constructor(readonly _record: TriggerRecord) {
    super();
  }

  getUniqueId(): string {
    return this._record.uid;
  }

  getHandlerFunction(): string {
    return this._record.handler;
  }

  getEventType(): string {
    return this._record.eventType;
  }

  getTriggerSource(): string {
    return this._record.source;
  }

  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}

export class ScriptApp extends GasObject {
  readonly _className = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly _triggers: TriggerRecord[] = [];
  readonly _scriptId: string;
  private seq = 0;

  constructor(private readonly env: GasEnv) {
    super();
    this._scriptId = env.newId('script');
  }

  newTrigger(functionName: string): TriggerBuilder {
    requireAuthorization(this.env, 'ScriptApp.newTrigger', SCOPES.triggers);
    if (typeof functionName !== 'string' || functionName === '') throw new GasError('Invalid argument: functionName');
    return new TriggerBuilder(this, functionName);
  }

  getProjectTriggers(): Trigger[] {
    requireAuthorization(this.env, 'ScriptApp.getProjectTriggers', SCOPES.triggers);
    const user = this.currentUser();
    return this._triggers.filter((t) => t.owner === user).map((t) => new Trigger(t));
  }

  getUserTriggers(file: unknown): Trigger[] {
    requireAuthorization(this.env, 'ScriptApp.getUserTriggers', SCOPES.triggers);
    const id = idOf(file, 'document');
    const user = this.currentUser();
    return this._triggers.filter((t) => t.owner === user && t.sourceId === id).map((t) => new Trigger(t));
  }

  deleteTrigger(trigger: Trigger): void {
    requireAuthorization(this.env, 'ScriptApp.deleteTrigger', SCOPES.triggers);
    const uid = trigger instanceof Trigger ? trigger._record.uid : undefined;
    if (!uid) throw new GasError('Invalid argument: trigger');
    const index = this._triggers.findIndex((t) => t.uid === uid);
    if (index >= 0) this._triggers.splice(index, 1);
  }

  getScriptId(): string {
    return this._scriptId;
  }

  _find(uid: string): TriggerRecord | undefined {
    return this._triggers.find((t) => t.uid === uid);
  }

  _create(partial: Omit<TriggerRecord, 'uid' | 'owner' | 'createdAt' | 'nextAt' | 'seq'>): Trigger {
    const owner = this.currentUser();
    if (this._triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
      throw new GasError(TOO_MANY_TRIGGERS_MESSAGE);
    }
    const record: TriggerRecord = {
      ...partial, uid: this.newUid(), owner, createdAt: this.env.clock.now(), nextAt: null, seq: ++this.seq,
    };
    if (record.clock) {
      record.clock.createdAt = record.createdAt;
      record.nextAt = nextFiring(record.clock, record.createdAt);
    }
    this._triggers.push(record);
    return new Trigger(record);
  }

  _now(): number {
    return this.env.clock.now();
  }

  _random(): number {
    return this.env.random();
  }

  get _timeZone(): string {
    return this.env.timeZone;
  }

  private currentUser(): string {
    return this.env.execution?.effectiveUser ?? this.env.owner;
  }

  /** Trigger ids are long decimal strings in Apps Script. */
  private newUid(): string {
    for (;;) {
      const uid = `${Math.floor(this.env.random() * 9e9) + 1e9}${String(Math.floor(this.env.random() * 1e9)).padStart(9, '0')}`;
      if (!this._find(uid)) return uid;
    }
  }
}

export class TriggerBuilder extends GasObject {
  readonly _className = 'TriggerBuilder';

  constructor(private readonly app: ScriptApp, private readonly handler: string) {
    super();
  }

  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(this.app, this.handler, idOf(spreadsheet, 'spreadsheet'));
  }

  forForm(form: unknown): FormTriggerBuilder {
    return new FormTriggerBuilder(this.app, this.handler, idOf(form, 'form'));
  }

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.app, this.handler);
  }
}

export class SpreadsheetTriggerBuilder extends GasObject {
  readonly _className = 'SpreadsheetTriggerBuilder';
  private eventType: EventTypeName | null = null;

  constructor(private readonly app: ScriptApp, private readonly handler: string, private readonly sourceId: string) {
    super();
  }

  onOpen(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_OPEN';
    return this;
  }

  onEdit(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_EDIT';
    return this;
  }

  onChange(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): Trigger {
    if (!this.eventType) throw new GasError('Trigger event type is not set: call onOpen, onEdit, onChange or onFormSubmit before create.');
    return this.app._create({ handler: this.handler, eventType: this.eventType, source: 'SPREADSHEETS', sourceId: this.sourceId, clock: null });
  }
}

export class FormTriggerBuilder extends GasObject {
  readonly _className = 'FormTriggerBuilder';
  private eventType: EventTypeName | null = null;

  constructor(private readonly app: ScriptApp, private readonly handler: string, private readonly sourceId: string) {
    super();
  }

  onFormSubmit(): FormTriggerBuilder {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  onOpen(): FormTriggerBuilder {
    this.eventType = 'ON_OPEN';
    return this;
  }

  create(): Trigger {
    if (!this.eventType) throw new GasError('Trigger event type is not set: call onFormSubmit or onOpen before create.');
    return this.app._create({ handler: this.handler, eventType: this.eventType, source: 'FORMS', sourceId: this.sourceId, clock: null });
  }
}

export class ClockTriggerBuilder extends GasObject {
  readonly _className = 'ClockTriggerBuilder';
  private kind: ClockKind | null = null;
  private every = 1;
  private hour: number | null = null;
  private minute: number | null = null;
  private weekDay: number | null = null;
  private monthDay: number | null = null;
  private timeZone: string | null = null;
  private onceAt: number | null = null;
  private onceDate: string | null = null;

  constructor(private readonly app: ScriptApp, private readonly handler: string) {
    super();
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(Number(n))) {
      throw new GasError(`Invalid argument: everyMinutes(${n}); the number of minutes must be 1, 5, 10, 15 or 30.`);
    }
    return this.periodic('minutes', n);
  }

  everyHours(n: number): ClockTriggerBuilder {
    return this.periodic('hours', n);
  }

  everyDays(n: number): ClockTriggerBuilder {
    return this.periodic('days', n);
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    return this.periodic('weeks', n);
  }

  atHour(hour: number): ClockTriggerBuilder {
    const h = Number(hour);
    if (!Number.isInteger(h) || h < 0 || h > 23) throw new GasError(`Invalid argument: hour ${hour}`);
    this.hour = h;
    return this;
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    const m = Number(minute);
    if (!Number.isInteger(m) || m < 0 || m > 59) throw new GasError(`Invalid argument: minute ${minute}`);
    this.minute = m;
    return this;
  }

  onWeekDay(day: string): ClockTriggerBuilder {
    const n = WEEKDAY_NUMBER[String(day)];
    if (!n) throw new GasError(`Invalid argument: day ${day}`);
    this.weekDay = n;
    if (this.kind !== 'weeks') this.periodic('weeks', 1);
    return this;
  }

  onMonthDay(day: number): ClockTriggerBuilder {
    const d = Number(day);
    if (!Number.isInteger(d) || d < 1 || d > 31) throw new GasError(`Invalid argument: day ${day}`);
    this.monthDay = d;
    return this.periodic('months', 1);
  }

  inTimezone(timezone: string): ClockTriggerBuilder {
    if (!isKnownZone(String(timezone))) throw new GasError(`Invalid argument: timezone ${timezone}`);
    this.timeZone = String(timezone);
    return this;
  }

  at(date: Date): ClockTriggerBuilder {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new GasError('Invalid argument: date');
    this.kind = 'once';
    this.onceAt = date.getTime();
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    const ms = Number(durationMilliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new GasError('Invalid argument: durationMilliseconds');
    this.kind = 'once';
    this.onceAt = this.appNow() + ms;
    return this;
  }

  atDate(year: number, month: number, day: number): ClockTriggerBuilder {
    this.kind = 'once';
    this.onceDate = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return this;
  }

  create(): Trigger {
    if (!this.kind) throw new GasError('Clock trigger schedule is not set: call everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, at, after or atDate before create.');
    if (this.hour !== null && !['days', 'weeks', 'months'].includes(this.kind)) {
      throw new GasError('atHour can only be used with everyDays, onWeekDay or onMonthDay.');
    }
    const clock: ClockSpec = {
      kind: this.kind,
      every: this.every,
      hour: this.hour,
      nearMinute: this.minute,
      weekDay: this.weekDay,
      monthDay: this.monthDay,
      timeZone: this.timeZone ?? this.app._timeZone,
      onceAt: this.onceAt,
      onceDate: this.onceDate,
      createdAt: 0,
      jitter: this.app._random(),
    };
    return this.app._create({ handler: this.handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, clock });
  }

  private periodic(kind: ClockKind, n: number): ClockTriggerBuilder {
    const every = Number(n);
    if (!Number.isInteger(every) || every < 1) throw new GasError(`Invalid argument: ${n}`);
    this.kind = kind;
    this.every = every;
    return this;
  }

  private appNow(): number {
    return this.app._now();
  }
}
