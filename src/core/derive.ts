/**
 * The register's derived columns (current step due, overall due, timeliness in words), from the
 * complaint's stamps and the calendar (DESIGN §5–§6). Refreshed whenever a complaint changes and
 * hourly, so the officer's "Tenggat" and "Ketepatan Waktu" are always current.
 */
import type { WorkCalendar } from './calendar';
import { Complaint } from './complaint';
import { ComplaintSla, SlaState, computeSla } from './sla';

export const TIMELINESS: Record<SlaState, string> = {
  pending: 'Berjalan',
  running: 'Berjalan',
  overdue: 'Lewat tenggat',
  'on-time': 'Tepat waktu',
  late: 'Terlambat',
  closed: 'Ditutup',
};

export function slaOf(c: Complaint, calendar: WorkCalendar, stepDays: readonly number[], now: Date): ComplaintSla {
  return computeSla(
    {
      receivedAt: c.receivedAt ?? c.recordedAt,
      recordedAt: c.recordedAt,
      forwardedAt: c.forwardedAt,
      processedAt: c.processedAt,
      followedUpAt: c.followedUpAt,
      answeredAt: c.answeredAt,
      closedAt: c.closedAt,
      reassignedAt: c.reassignedAt,
    },
    calendar,
    { now, stepDays },
  );
}

/** The complaint with its derived columns recomputed at `now`. */
export function withDerived(c: Complaint, calendar: WorkCalendar, stepDays: readonly number[], now: Date): Complaint {
  const sla = slaOf(c, calendar, stepDays, now);
  const current = sla.currentStep ? sla.steps[sla.currentStep - 1] : null;
  const anyLate = sla.steps.some((s) => s.state === 'late');
  let timeliness = TIMELINESS[sla.overall.state];
  if (current && current.state === 'overdue') timeliness = TIMELINESS.overdue;
  else if (sla.overall.state === 'on-time' && anyLate) timeliness = 'Tepat waktu (ada langkah terlambat)';
  return {
    ...c,
    stepDue: current?.dueAt ?? null,
    overallDue: sla.overall.dueAt,
    timeliness,
  };
}
