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
import { ClockSpec, nextFiring } from './clock-schedule';
import { TriggerBuilder, idOf } from './trigger-builders';
import { requireAuthorization, SCOPES } from './authorization';
import type { ServiceModule } from '../service-module';

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;

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
      ...partial,
      uid: this.newUid(),
      owner,
      createdAt: this.env.clock.now(),
      nextAt: null,
      seq: ++this.seq,
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

/** The ScriptApp module (emulator/registry.ts lists it). */
export const SCRIPT_SERVICE: ServiceModule = {
  global: 'ScriptApp',
  messagePrefix: 'ScriptApp',
  namespaces: ['Script'],
  create: (ctx) => new ScriptApp(ctx.env),
  samples: (ctx) => {
    const app = new ScriptApp(ctx.env);
    const builder = app.newTrigger('f');
    const trigger = builder.timeBased().everyHours(1).create();
    return [app, builder, builder.timeBased(), builder.forSpreadsheet('s'), builder.forForm('f'), trigger];
  },
  costs: [
    {
      match: /^(ScriptApp\.(getProjectTriggers|deleteTrigger|getUserTriggers)|\w*TriggerBuilder\.create)$/,
      ms: 100,
      source: 'assumption',
    },
  ],
};
