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
 *
 * Dates in the result that are input stamps are the input's own Date objects (one allocation
 * less each, which matters when 50,000 complaints are recomputed): treat them as read-only.
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

/** The stamp itself (results reuse the input Date objects: one allocation less per field). */
function stamp(d: Date | null | undefined, what: string): Date | null {
  if (d === null || d === undefined) return null;
  // Not `instanceof Date`: a Date from another realm (Apps Script services, the emulator) is fine.
  if (typeof d !== 'object' || typeof d.getTime !== 'function' || Number.isNaN(d.getTime()))
    throw new RangeError(`computeSla: ${what} is not a valid Date: ${String(d)}`);
  return d;
}

function checkStepDays(stepDays: readonly number[]): void {
  let ok = stepDays.length === 5;
  for (let k = 0; ok && k < 5; k++) ok = Number.isInteger(stepDays[k]) && stepDays[k] >= 0;
  if (!ok) {
    throw new RangeError(`computeSla: stepDays must be 5 whole numbers ≥ 0, got ${JSON.stringify(stepDays)}`);
  }
}

/**
 * One step (or the overall target) started at `start`, due at `due`, done at `done` (§6). Built
 * in one object literal of fixed shape: this runs 300,000 times when 50,000 complaints are
 * recomputed.
 */
function evaluate(
  cal: WorkCalendar,
  step: StepNumber,
  days: number,
  start: Date,
  done: Date | null,
  closed: Date | null,
  now: number,
): StepSla {
  const from = start.getTime();
  const due = cal.addWorkingDaysMs(from, days);
  let state: SlaState;
  let end: number;
  let overdueWorkingDays = 0;
  if (done !== null) {
    end = done.getTime();
    state = end > due ? 'late' : 'on-time';
    if (end > due) overdueWorkingDays = cal.workingDaysOverdueMs(due, end);
  } else if (closed !== null) {
    end = closed.getTime();
    state = 'closed';
  } else {
    end = now;
    state = now > due ? 'overdue' : 'running';
    if (now > due) overdueWorkingDays = cal.workingDaysOverdueMs(due, now);
  }
  return {
    step,
    days,
    startedAt: start,
    dueAt: new Date(due),
    doneAt: done,
    state,
    workingMinutes: cal.workingMillisBetween(from, end) / MINUTE_MS,
    overdueWorkingDays,
  };
}

/** The SLA of one complaint at `options.now`. */
export function computeSla(timestamps: SlaTimestamps, calendar: WorkCalendar, options: SlaOptions): ComplaintSla {
  const stepDays = options.stepDays ?? DEFAULT_STEP_DAYS;
  checkStepDays(stepDays);
  const nowStamp = stamp(options.now, 'now');
  if (nowStamp === null) throw new RangeError('computeSla: options.now is required');
  const now = nowStamp.getTime();

  const recorded = stamp(timestamps.recordedAt, 'recordedAt');
  const received = stamp(timestamps.receivedAt, 'receivedAt') ?? recorded;
  if (received === null) throw new RangeError('computeSla: a complaint needs receivedAt or recordedAt');
  const reassigned = stamp(timestamps.reassignedAt, 'reassignedAt');
  const closedStamp = stamp(timestamps.closedAt, 'closedAt');

  // done[k] = stamp of step k+1 (index 0..4).
  const done: (Date | null)[] = [
    recorded,
    stamp(timestamps.forwardedAt, 'forwardedAt'),
    stamp(timestamps.processedAt, 'processedAt'),
    stamp(timestamps.followedUpAt, 'followedUpAt'),
    stamp(timestamps.answeredAt, 'answeredAt'),
  ];
  if (reassigned !== null) {
    const r = reassigned.getTime();
    for (let k = 1; k < 5; k++) if ((done[k]?.getTime() ?? r) < r) done[k] = null;
  }
  for (let k = 3; k >= 0; k--) if (done[k] === null) done[k] = done[k + 1];

  const answered = done[4];
  const closed = answered === null ? closedStamp : null;

  const steps: StepSla[] = [];
  let currentStep: StepNumber | null = null;
  for (let k = 0; k < 5; k++) {
    const step = (k + 1) as StepNumber;
    const start = k === 0 ? received : k === 1 && reassigned !== null ? reassigned : done[k - 1];
    if (done[k] === null && currentStep === null && closed === null) currentStep = step;
    steps.push(
      start === null
        ? // Not started, so not done either (stamps are filled down above).
          {
            step,
            days: stepDays[k],
            startedAt: null,
            dueAt: null,
            doneAt: null,
            state: closed !== null ? 'closed' : 'pending',
            workingMinutes: 0,
            overdueWorkingDays: 0,
          }
        : evaluate(calendar, step, stepDays[k], start, done[k], closed, now),
    );
  }

  let totalDays = 0;
  for (let k = 0; k < 5; k++) totalDays += stepDays[k];
  const overall = evaluate(calendar, 5, totalDays, received, answered, closed, now);
  const end = answered ?? closed;
  return {
    steps,
    overall: {
      days: totalDays,
      startedAt: received,
      dueAt: overall.dueAt as Date,
      doneAt: answered,
      closedAt: closed,
      state: overall.state,
      workingMinutes: overall.workingMinutes,
      workingDays: calendar.workingDaysBetweenMs(received.getTime(), end === null ? now : end.getTime()),
      overdueWorkingDays: overall.overdueWorkingDays,
    },
    currentStep,
  };
}
