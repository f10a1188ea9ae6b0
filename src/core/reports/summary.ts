/**
 * Figures of a leadership summary (DESIGN §8, issue 5) for a period [from, to):
 * - received: complaints whose `receivedAt` (the time the post appeared; `recordedAt` when
 *   missing) falls in the period;
 * - answered / closed: `answeredAt` / `closedAt` (closed without answer) in the period;
 * - open at the end: received before the end and neither answered nor closed before it;
 *   overdue at the end: of those, the current step (as of the end) past its due time;
 * - on-time rate per step: the steps done in the period (done ≤ due / all done); overall: the
 *   complaints answered in the period, answered by the overall due time (sum of the standards);
 *   steps and complaints closed without an answer are not counted (DESIGN §6);
 * - by channel, category and unit: received, answered, overall on-time of those answered; per
 *   unit also the unit's steps (3–4) done in the period and on time, and open/overdue at the end;
 * - the oldest complaints open at the end.
 * Everything is measured from the stored stamps as they were at the end of the period (stamps
 * after it are ignored), so the figures of a period do not depend on when they are computed.
 * Known approximation: a complaint reassigned after the period counts under its current unit.
 */
import type { WorkCalendar } from '../calendar';
import { Complaint } from '../complaint';
import { slaOf } from '../derive';
import type { StepNumber } from '../sla';
import type { Period } from './period';
import type { SatisfactionFigures } from '../tracking/satisfaction';

export interface Rate {
  readonly done: number;
  readonly onTime: number;
  /** onTime / done, or null when nothing was done. */
  readonly rate: number | null;
}

export interface GroupFigures {
  readonly name: string;
  readonly received: number;
  readonly answered: number;
  readonly overall: Rate;
}

export interface UnitFigures extends GroupFigures {
  /** The unit's own steps (3 and 4) done in the period. */
  readonly unitSteps: Rate;
  readonly openAtEnd: number;
  readonly overdueAtEnd: number;
}

export interface OldestOpen {
  readonly number: string;
  readonly receivedAt: Date;
  readonly unit: string;
  readonly channel: string;
  readonly category: string;
  readonly step: StepNumber;
  readonly dueAt: Date | null;
  /** Working days since received, at the end of the period. */
  readonly ageWorkingDays: number;
  /** Whether the current step was past its due time at the end of the period. */
  readonly overdue: boolean;
  readonly overdueWorkingDays: number;
}

export interface PeriodFigures {
  readonly period: Period;
  readonly received: number;
  readonly answered: number;
  readonly closed: number;
  readonly openAtEnd: number;
  readonly overdueAtEnd: number;
  /** Index 0 = step 1 … 4 = step 5. */
  readonly steps: readonly Rate[];
  readonly overall: Rate;
  readonly byChannel: readonly GroupFigures[];
  readonly byCategory: readonly GroupFigures[];
  readonly byUnit: readonly UnitFigures[];
  readonly oldestOpen: readonly OldestOpen[];
  /** Complaints recorded before the end of the period (0 = the system was not in use yet). */
  readonly recordedBefore: number;
}

export interface SummaryOptions {
  readonly stepDays: readonly number[];
  /** How many oldest open complaints to list (default 10). */
  readonly oldest?: number;
  /** Unit names in the order of the `Unit` tab (listed first, then any others). */
  readonly unitOrder?: readonly string[];
}

export const NO_VALUE = '(kosong)';
const UNASSIGNED = '(belum ada unit)';

class Counter {
  done = 0;
  onTime = 0;
  add(onTime: boolean): void {
    this.done++;
    if (onTime) this.onTime++;
  }
  rate(): Rate {
    return { done: this.done, onTime: this.onTime, rate: this.done ? this.onTime / this.done : null };
  }
}

interface Group {
  received: number;
  answered: number;
  overall: Counter;
  unitSteps: Counter;
  openAtEnd: number;
  overdueAtEnd: number;
}

const newGroup = (): Group => ({
  received: 0,
  answered: 0,
  overall: new Counter(),
  unitSteps: new Counter(),
  openAtEnd: 0,
  overdueAtEnd: 0,
});

function within(d: Date | null, from: number, to: number): boolean {
  if (!d) return false;
  const t = d.getTime();
  return t >= from && t < to;
}

const before = (d: Date | null, to: number): boolean => d !== null && d.getTime() < to;

/** The complaint as it stood just before `to`: stamps at or after `to` were not there yet. */
function asAt(c: Complaint, to: number): Complaint {
  const keep = (d: Date | null): Date | null => (d && d.getTime() < to ? d : null);
  return {
    ...c,
    forwardedAt: keep(c.forwardedAt),
    reassignedAt: keep(c.reassignedAt),
    processedAt: keep(c.processedAt),
    followedUpAt: keep(c.followedUpAt),
    answeredAt: keep(c.answeredAt),
    closedAt: keep(c.closedAt),
  };
}

function groupOf(map: Map<string, Group>, name: string): Group {
  let g = map.get(name);
  if (!g) {
    g = newGroup();
    map.set(name, g);
  }
  return g;
}

function groups(map: Map<string, Group>, order: readonly string[] = []): GroupFigures[] {
  const names = [
    ...order.filter((n) => map.has(n)),
    ...[...map.keys()].filter((n) => !order.includes(n)).sort((a, b) => a.localeCompare(b)),
  ];
  return names.map((name) => {
    const g = map.get(name)!;
    return { name, received: g.received, answered: g.answered, overall: g.overall.rate() };
  });
}

export function periodFigures(
  complaints: readonly Complaint[],
  calendar: WorkCalendar,
  period: Period,
  options: SummaryOptions,
): PeriodFigures {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const end = new Date(to);
  const steps = [0, 1, 2, 3, 4].map(() => new Counter());
  const overall = new Counter();
  const byChannel = new Map<string, Group>();
  const byCategory = new Map<string, Group>();
  const byUnit = new Map<string, Group>();
  const oldest: OldestOpen[] = [];
  let received = 0;
  let answered = 0;
  let closed = 0;
  let openAtEnd = 0;
  let overdueAtEnd = 0;
  let recordedBefore = 0;

  for (const c of complaints) {
    if (!c.number || !c.recordedAt) continue;
    const receivedAt = c.receivedAt ?? c.recordedAt;
    if (c.recordedAt.getTime() >= to && receivedAt.getTime() >= to) continue;
    if (c.recordedAt.getTime() < to) recordedBefore++;
    // Finished before the period: nothing of it happened in the period.
    const finishedAt = c.answeredAt ?? c.closedAt;
    if (finishedAt && finishedAt.getTime() < from) continue;

    const channel = groupOf(byChannel, c.channel || NO_VALUE);
    const category = groupOf(byCategory, c.category || NO_VALUE);
    const unit = groupOf(byUnit, c.unit || UNASSIGNED);
    if (within(receivedAt, from, to)) {
      received++;
      channel.received++;
      category.received++;
      unit.received++;
    }
    if (within(c.closedAt, from, to) && !c.answeredAt) closed++;

    const then = asAt(c, to);
    const sla = slaOf(then, calendar, options.stepDays, end);
    sla.steps.forEach((s, k) => {
      if (!within(s.doneAt, from, to) || (s.state !== 'on-time' && s.state !== 'late')) return;
      steps[k].add(s.state === 'on-time');
      if (s.step === 3 || s.step === 4) unit.unitSteps.add(s.state === 'on-time');
    });
    if (within(c.answeredAt, from, to)) {
      const onTime = sla.overall.state === 'on-time';
      answered++;
      overall.add(onTime);
      for (const g of [channel, category, unit]) {
        g.answered++;
        g.overall.add(onTime);
      }
    }
    const openThen =
      receivedAt.getTime() < to && !before(c.answeredAt, to) && !before(c.closedAt, to) && sla.currentStep !== null;
    if (openThen) {
      const step = sla.steps[sla.currentStep - 1];
      const isOverdue = step.state === 'overdue';
      openAtEnd++;
      unit.openAtEnd++;
      if (isOverdue) {
        overdueAtEnd++;
        unit.overdueAtEnd++;
      }
      oldest.push({
        number: c.number,
        receivedAt,
        unit: c.unit,
        channel: c.channel,
        category: c.category,
        step: step.step,
        dueAt: step.dueAt,
        ageWorkingDays: sla.overall.workingDays,
        overdue: isOverdue,
        overdueWorkingDays: step.overdueWorkingDays,
      });
    }
  }

  oldest.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.number.localeCompare(b.number));
  const unitNames = (options.unitOrder ?? []).filter((n) => byUnit.has(n));
  const unitFigures: UnitFigures[] = groups(byUnit, unitNames).map((g) => {
    const u = byUnit.get(g.name)!;
    return { ...g, unitSteps: u.unitSteps.rate(), openAtEnd: u.openAtEnd, overdueAtEnd: u.overdueAtEnd };
  });
  return {
    period,
    received,
    answered,
    closed,
    openAtEnd,
    overdueAtEnd,
    steps: steps.map((s) => s.rate()),
    overall: overall.rate(),
    byChannel: groups(byChannel).filter((g) => g.received || g.answered),
    byCategory: groups(byCategory).filter((g) => g.received || g.answered),
    byUnit: unitFigures.filter((u) => u.received || u.answered || u.unitSteps.done || u.openAtEnd),
    oldestOpen: oldest.slice(0, options.oldest ?? 10),
    recordedBefore,
  };
}

/** A summary: the period's figures and the previous period's, for the change. */
export interface Summary {
  readonly current: PeriodFigures;
  readonly previous: PeriodFigures;
  /** The citizens' ratings given in each period (DESIGN §15), when the ratings were read. */
  readonly satisfaction?: { readonly current: SatisfactionFigures; readonly previous: SatisfactionFigures };
}
