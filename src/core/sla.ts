/**
 * SOP time standards (Mutu Baku Waktu) of one complaint: per step and overall, its start, due
 * time, completion and state, measured on a `WorkCalendar` (DESIGN §1, §5, §6). Pure: it reads
 * only its arguments, `now` included.
 *
 * Rules:
 * - Steps and their stamps (§1, §5): 1 recorded (`recordedAt`), 2 forwarded to a unit
 *   (`forwardedAt`), 3 processing (`processedAt`), 4 result returned (`followedUpAt`),
 *   5 answered (`answeredAt`).
 * - Step 1 starts at `receivedAt` (§5; `recordedAt` when the received time is missing); step k > 1
 *   starts when step k−1 was done (§5).
 * - Reassignment (§5) restarts step 2's clock: it starts at `reassignedAt`. Stamps of steps 2–5
 *   older than `reassignedAt` belong to the previous unit and are ignored; the workflow
 *   re-stamps step 2 (`forwardedAt`) at the reassignment.
 * - A missing stamp before a present one means the step was skipped, and the SOP stamps skipped
 *   steps with the same time (§5): it is taken as done at the next present stamp.
 * - Due time of a step = `addWorkingDays(start, standard)` (§6); standards default to 1 working
 *   day each (§1). Overall due = `addWorkingDays(receivedAt, sum of the standards)` (§5).
 * - States (§6): 'pending' (not started), 'running' (open, now ≤ due), 'overdue' (open,
 *   now > due), 'on-time' (done ≤ due), 'late' (done > due). When the complaint is closed without
 *   an answer (`Ditutup`, `closedAt`), every step not done, and the overall result, are 'closed':
 *   neither overdue nor counted in on-time rates. An answer wins over a closing.
 * - Durations are working minutes (overlap with working hours, §6) from start to done, or to
 *   `closedAt` for a closed step, or to `now` while open. `overdueWorkingDays` is
 *   `workingDaysOverdue(due, now)` while overdue (escalation, §8) and
 *   `workingDaysOverdue(due, done)` when late (how late it was); 0 otherwise.
 */
import type { WorkCalendar } from './calendar';

export type StepNumber = 1 | 2 | 3 | 4 | 5;

export type SlaState = 'pending' | 'running' | 'overdue' | 'on-time' | 'late' | 'closed';

/** A complaint's timestamps (the `Pengaduan` columns of §5); `null`/absent = not stamped. */
export interface SlaTimestamps {
  readonly receivedAt?: Date | null;
  readonly recordedAt?: Date | null;
  readonly forwardedAt?: Date | null;
  readonly processedAt?: Date | null;
  readonly followedUpAt?: Date | null;
  readonly answeredAt?: Date | null;
  readonly closedAt?: Date | null;
  readonly reassignedAt?: Date | null;
}

export interface SlaOptions {
  /** The instant the open steps are measured against. */
  readonly now: Date;
  /** Standard of steps 1..5 in working days (whole numbers ≥ 0); default 1 each (§1). */
  readonly stepDays?: readonly number[];
}

export const DEFAULT_STEP_DAYS: readonly number[] = Object.freeze([1, 1, 1, 1, 1]);

export interface StepSla {
  readonly step: StepNumber;
  readonly days: number;
  readonly startedAt: Date | null;
  readonly dueAt: Date | null;
  readonly doneAt: Date | null;
  readonly state: SlaState;
  readonly workingMinutes: number;
  readonly overdueWorkingDays: number;
}

export interface OverallSla {
  readonly days: number;
  readonly startedAt: Date;
  readonly dueAt: Date;
  /** `answeredAt` (step 5 done). */
  readonly doneAt: Date | null;
  readonly closedAt: Date | null;
  readonly state: SlaState;
  readonly workingMinutes: number;
  /** Working days taken so far (fractional; see `WorkCalendar.workingDaysBetween`). */
  readonly workingDays: number;
  readonly overdueWorkingDays: number;
}

export interface ComplaintSla {
  readonly steps: readonly StepSla[];
  readonly overall: OverallSla;
  /** The first step not done; null when answered or closed. */
  readonly currentStep: StepNumber | null;
}

const MINUTE_MS = 60_000;

function ms(d: Date | null | undefined, what: string): number | null {
  if (d === null || d === undefined) return null;
  const t = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError(`computeSla: ${what} is not a valid Date: ${String(d)}`);
  return t;
}

function checkStepDays(stepDays: readonly number[]): void {
  if (stepDays.length !== 5 || !stepDays.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new RangeError(`computeSla: stepDays must be 5 whole numbers ≥ 0, got ${JSON.stringify(stepDays)}`);
  }
}

interface Measured {
  state: SlaState;
  workingMinutes: number;
  overdueWorkingDays: number;
}

/** State and duration of something started at `start`, due at `due`, done at `done` (§6). */
function measure(cal: WorkCalendar, start: number, due: number, done: number | null, closed: number | null, now: number): Measured {
  if (done !== null) {
    const late = done > due;
    return {
      state: late ? 'late' : 'on-time',
      workingMinutes: cal.workingMillisBetween(start, done) / MINUTE_MS,
      overdueWorkingDays: late ? cal.workingDaysOverdue(new Date(due), new Date(done)) : 0,
    };
  }
  if (closed !== null) {
    return { state: 'closed', workingMinutes: cal.workingMillisBetween(start, closed) / MINUTE_MS, overdueWorkingDays: 0 };
  }
  const overdue = now > due;
  return {
    state: overdue ? 'overdue' : 'running',
    workingMinutes: cal.workingMillisBetween(start, now) / MINUTE_MS,
    overdueWorkingDays: overdue ? cal.workingDaysOverdue(new Date(due), new Date(now)) : 0,
  };
}

/** The SLA of one complaint at `options.now`. */
export function computeSla(timestamps: SlaTimestamps, calendar: WorkCalendar, options: SlaOptions): ComplaintSla {
  const stepDays = options.stepDays ?? DEFAULT_STEP_DAYS;
  checkStepDays(stepDays);
  const now = ms(options.now, 'now');
  if (now === null) throw new RangeError('computeSla: options.now is required');

  const recorded = ms(timestamps.recordedAt, 'recordedAt');
  const received = ms(timestamps.receivedAt, 'receivedAt') ?? recorded;
  if (received === null) throw new RangeError('computeSla: a complaint needs receivedAt or recordedAt');
  const reassigned = ms(timestamps.reassignedAt, 'reassignedAt');
  const closedStamp = ms(timestamps.closedAt, 'closedAt');

  // done[k] = stamp of step k+1 (index 0..4).
  const done: (number | null)[] = [
    recorded,
    ms(timestamps.forwardedAt, 'forwardedAt'),
    ms(timestamps.processedAt, 'processedAt'),
    ms(timestamps.followedUpAt, 'followedUpAt'),
    ms(timestamps.answeredAt, 'answeredAt'),
  ];
  if (reassigned !== null) {
    for (let k = 1; k < 5; k++) if (done[k] !== null && (done[k] as number) < reassigned) done[k] = null;
  }
  for (let k = 3; k >= 0; k--) if (done[k] === null) done[k] = done[k + 1];

  const answered = done[4];
  const closed = answered === null ? closedStamp : null;

  const steps: StepSla[] = [];
  let currentStep: StepNumber | null = null;
  for (let k = 0; k < 5; k++) {
    const step = (k + 1) as StepNumber;
    const days = stepDays[k];
    const start = k === 0 ? received : k === 1 && reassigned !== null ? reassigned : done[k - 1];
    const doneAt = done[k];
    if (doneAt === null && currentStep === null && closed === null) currentStep = step;
    if (start === null) {
      steps.push({
        step, days, startedAt: null, dueAt: null, doneAt: doneAt === null ? null : new Date(doneAt),
        state: closed !== null ? 'closed' : 'pending', workingMinutes: 0, overdueWorkingDays: 0,
      });
      continue;
    }
    const due = calendar.addWorkingDaysMs(start, days);
    steps.push({
      step, days, startedAt: new Date(start), dueAt: new Date(due), doneAt: doneAt === null ? null : new Date(doneAt),
      ...measure(calendar, start, due, doneAt, closed, now),
    });
  }

  const totalDays = stepDays.reduce((a, b) => a + b, 0);
  const overallDue = calendar.addWorkingDaysMs(received, totalDays);
  const overall = measure(calendar, received, overallDue, answered, closed, now);
  const end = answered ?? closed ?? now;
  return {
    steps,
    overall: {
      days: totalDays,
      startedAt: new Date(received),
      dueAt: new Date(overallDue),
      doneAt: answered === null ? null : new Date(answered),
      closedAt: closed === null ? null : new Date(closed),
      ...overall,
      workingDays: calendar.workingDaysBetween(new Date(received), new Date(end)),
    },
    currentStep,
  };
}
