/**
 * What is waiting on whom at a given instant (DESIGN §1, §5, §8): each open complaint's current
 * step, its due time and how late it is, from the stored stamps and the calendar. The daily
 * digests and the escalations are built from these items.
 *
 * Who owns a step (SOP §1): the admin records (1), forwards (2) and answers the public (5); the
 * unit starts processing (3) and returns the result (4).
 */
import type { WorkCalendar } from '../calendar';
import { Complaint, STATUS } from '../complaint';
import type { UnitConfig } from '../config';
import { slaOf } from '../derive';
import type { StepNumber } from '../sla';
import type { ReminderDay } from './period';

export const STEP_NAMES: Readonly<Record<StepNumber, string>> = {
  1: 'Pencatatan pengaduan',
  2: 'Penerusan ke unit',
  3: 'Mulai diproses unit',
  4: 'Hasil tindak lanjut',
  5: 'Jawaban ke masyarakat',
};

export function stepOwner(step: StepNumber): 'admin' | 'unit' {
  return step === 3 || step === 4 ? 'unit' : 'admin';
}

export interface OpenItem {
  readonly complaint: Complaint;
  readonly step: StepNumber;
  readonly dueAt: Date;
  readonly overdue: boolean;
  /** Whole working days past the due time (0 = late by less than a working day). */
  readonly overdueWorkingDays: number;
}

function finished(c: Complaint): boolean {
  return c.answeredAt !== null || c.closedAt !== null || c.status === STATUS.answered || c.status === STATUS.closed;
}

/** The open complaints with their current step at `asOf`, in register order. */
export function openItems(
  complaints: readonly Complaint[],
  calendar: WorkCalendar,
  stepDays: readonly number[],
  asOf: Date,
): OpenItem[] {
  const items: OpenItem[] = [];
  for (const c of complaints) {
    if (!c.number || finished(c) || !(c.recordedAt || c.receivedAt)) continue;
    const sla = slaOf(c, calendar, stepDays, asOf);
    if (sla.currentStep === null) continue;
    const step = sla.steps[sla.currentStep - 1];
    if (!step.dueAt) continue;
    items.push({
      complaint: c,
      step: step.step,
      dueAt: step.dueAt,
      overdue: step.state === 'overdue',
      overdueWorkingDays: step.overdueWorkingDays,
    });
  }
  return items;
}

export interface UnitWorklist {
  readonly unit: UnitConfig;
  /** Past the due time, most overdue first. */
  readonly overdue: OpenItem[];
  /** Due later today, earliest first. */
  readonly dueToday: OpenItem[];
  /** Forwarded to the unit since the previous digest and not in the two lists above. */
  readonly fresh: OpenItem[];
}

const byDue = (a: OpenItem, b: OpenItem): number =>
  a.dueAt.getTime() - b.dueAt.getTime() || a.complaint.number.localeCompare(b.complaint.number);
const byLateness = (a: OpenItem, b: OpenItem): number => b.overdueWorkingDays - a.overdueWorkingDays || byDue(a, b);
const stampMs = (d: Date | null): number => (d ? d.getTime() : NaN);

/**
 * The digest of each unit on `day`: its complaints at steps 3–4, split into overdue, due today
 * and new since `since` (the previous working day's reminder instant; null = no previous digest).
 * Units with nothing to report are left out.
 */
export function unitWorklists(
  items: readonly OpenItem[],
  units: readonly UnitConfig[],
  day: ReminderDay,
  since: Date | null,
  calendar: WorkCalendar,
): UnitWorklist[] {
  const byUnit = new Map<string, OpenItem[]>();
  for (const item of items) {
    if (stepOwner(item.step) !== 'unit') continue;
    const list = byUnit.get(item.complaint.unit);
    if (list) list.push(item);
    else byUnit.set(item.complaint.unit, [item]);
  }
  const asOf = day.asOf.getTime();
  const from = since ? since.getTime() : -Infinity;
  const lists: UnitWorklist[] = [];
  for (const unit of units) {
    const mine = byUnit.get(unit.name);
    if (!mine) continue;
    const overdue: OpenItem[] = [];
    const dueToday: OpenItem[] = [];
    const fresh: OpenItem[] = [];
    for (const item of mine) {
      const arrived = stampMs(item.complaint.forwardedAt);
      if (item.overdue) overdue.push(item);
      else if (calendar.dateKey(item.dueAt) === day.date) dueToday.push(item);
      else if (arrived >= from && arrived < asOf) fresh.push(item);
    }
    if (!overdue.length && !dueToday.length && !fresh.length) continue;
    fresh.sort((a, b) => stampMs(a.complaint.forwardedAt) - stampMs(b.complaint.forwardedAt) || byDue(a, b));
    lists.push({ unit, overdue: overdue.sort(byLateness), dueToday: dueToday.sort(byDue), fresh });
  }
  return lists;
}

export interface AdminWorklist {
  /** Step 2: no unit yet (status Baru). */
  readonly awaitingUnit: OpenItem[];
  /** Step 5: the result is back, the answer to the public is pending. */
  readonly awaitingAnswer: OpenItem[];
  /** Steps 3–4 at a unit that is not in `Unit` or has no PIC email: no digest reaches anyone. */
  readonly unreachable: OpenItem[];
  /** Issue 15: posts in `Kotak Masuk` untriaged past the step-1 standard; channels whose token is refused. */
  readonly channelInbox?: ChannelDigest;
}

export interface ChannelDigest {
  untriaged: { channel: string; author: string; postedAt: Date }[];
  tokenProblems: string[];
}

export function adminWorklist(items: readonly OpenItem[], units: readonly UnitConfig[]): AdminWorklist {
  const reachable = new Set(units.filter((u) => u.pics.length > 0).map((u) => u.name));
  const awaitingUnit: OpenItem[] = [];
  const awaitingAnswer: OpenItem[] = [];
  const unreachable: OpenItem[] = [];
  for (const item of items) {
    if (item.step === 2) awaitingUnit.push(item);
    else if (item.step === 5) awaitingAnswer.push(item);
    else if (stepOwner(item.step) === 'unit' && !reachable.has(item.complaint.unit)) unreachable.push(item);
  }
  return {
    awaitingUnit: awaitingUnit.sort(byDue),
    awaitingAnswer: awaitingAnswer.sort(byDue),
    unreachable: unreachable.sort(byDue),
  };
}

export function isAdminWorklistEmpty(w: AdminWorklist): boolean {
  return (
    !w.awaitingUnit.length &&
    !w.awaitingAnswer.length &&
    !w.unreachable.length &&
    !w.channelInbox?.untriaged.length &&
    !w.channelInbox?.tokenProblems.length
  );
}
