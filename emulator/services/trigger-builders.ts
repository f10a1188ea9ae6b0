/**
 * The trigger builders of ScriptApp.newTrigger (https://developers.google.com/apps-script/reference/script/trigger-builder,
 * /spreadsheet-trigger-builder, /form-trigger-builder, /clock-trigger-builder). They validate what
 * Apps Script validates and hand a complete description to ScriptApp, which creates the trigger.
 */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { ClockKind, ClockSpec } from './clock-schedule';
import type { EventTypeName, ScriptApp, Trigger } from './script-app';
import { isKnownZone } from './time-zone';

const WEEKDAY_NUMBER: Record<string, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

/** Something with an id: a Spreadsheet or Form object, or an id string. */
export function idOf(target: unknown, what: string): string {
  if (typeof target === 'string' && target !== '') return target;
  const getId = (target as { getId?: () => string } | null)?.getId;
  if (typeof getId === 'function') return getId.call(target);
  throw new GasError(`Invalid argument: ${what}`);
}

export class TriggerBuilder extends GasObject {
  readonly _className = 'TriggerBuilder';

  constructor(
    private readonly app: ScriptApp,
    private readonly handler: string,
  ) {
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

  constructor(
    private readonly app: ScriptApp,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {
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
    if (!this.eventType)
      throw new GasError('Trigger event type is not set: call onOpen, onEdit, onChange or onFormSubmit before create.');
    return this.app._create({
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
      clock: null,
    });
  }
}

export class FormTriggerBuilder extends GasObject {
  readonly _className = 'FormTriggerBuilder';
  private eventType: EventTypeName | null = null;

  constructor(
    private readonly app: ScriptApp,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {
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
    if (!this.eventType)
      throw new GasError('Trigger event type is not set: call onFormSubmit or onOpen before create.');
    return this.app._create({
      handler: this.handler,
      eventType: this.eventType,
      source: 'FORMS',
      sourceId: this.sourceId,
      clock: null,
    });
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

  constructor(
    private readonly app: ScriptApp,
    private readonly handler: string,
  ) {
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
    if (!this.kind)
      throw new GasError(
        'Clock trigger schedule is not set: call everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, at, after or atDate before create.',
      );
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
