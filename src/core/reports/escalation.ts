/**
 * Escalation (DESIGN §8): a step overdue by at least `escalateHeadDays` working days copies the
 * unit head and the admins; by at least `escalateLeadersDays` also leadership. Each level is
 * sent once per complaint, step and unit: the key of a level is in the outbox once queued. When
 * a complaint first shows up already past the leadership threshold, only the leadership level
 * goes out (its copy list includes the head and the admins), and the head level counts as done.
 */
import type { AppConfig, UnitConfig } from '../config';
import type { StepNumber } from '../sla';
import { OpenItem, stepOwner } from './worklist';

export type EscalationLevel = 'kepala' | 'pimpinan';

export const ESCALATION_LEVELS: readonly EscalationLevel[] = ['kepala', 'pimpinan'];

export interface Escalation {
  readonly item: OpenItem;
  readonly level: EscalationLevel;
  readonly key: string;
  readonly unit: UnitConfig | undefined;
  readonly to: string[];
  readonly cc: string[];
}

/**
 * The idempotency key of an escalation. The unit is part of it: after a reassignment the new
 * unit's step is a new responsibility with its own escalations.
 */
export function escalationKey(number: string, step: StepNumber, level: EscalationLevel, unit: string): string {
  return `eskalasi|${number}|${step}|${level}|${unit || '-'}`;
}

function unique(list: string[], without: string[] = []): string[] {
  const skip = new Set(without.map((e) => e.toLowerCase()));
  const out: string[] = [];
  for (const e of list) {
    const k = e.toLowerCase();
    if (e && !skip.has(k)) {
      skip.add(k);
      out.push(e);
    }
  }
  return out;
}

/** The highest level reached by `overdueWorkingDays`, or null. */
export function levelFor(
  overdueWorkingDays: number,
  config: Pick<AppConfig, 'escalateHeadDays' | 'escalateLeadersDays'>,
): EscalationLevel | null {
  if (overdueWorkingDays >= config.escalateLeadersDays) return 'pimpinan';
  if (overdueWorkingDays >= config.escalateHeadDays) return 'kepala';
  return null;
}

/** The escalations to queue now, given which keys are already in the outbox. */
export function dueEscalations(
  items: readonly OpenItem[],
  config: Pick<AppConfig, 'units' | 'admins' | 'leaders' | 'escalateHeadDays' | 'escalateLeadersDays'>,
  alreadyQueued: (key: string) => boolean,
): Escalation[] {
  const units = new Map(config.units.map((u) => [u.name, u]));
  const out: Escalation[] = [];
  for (const item of items) {
    if (!item.overdue) continue;
    const level = levelFor(item.overdueWorkingDays, config);
    if (!level) continue;
    const c = item.complaint;
    const keys = ESCALATION_LEVELS.map((l) => escalationKey(c.number, item.step, l, c.unit));
    const rank = ESCALATION_LEVELS.indexOf(level);
    // A level is done when it or a higher one was queued.
    if (keys.slice(rank).some(alreadyQueued)) continue;
    const unit = c.unit ? units.get(c.unit) : undefined;
    const owner = stepOwner(item.step);
    const to = unique(owner === 'unit' && unit?.pics.length ? unit.pics : config.admins);
    const copies = [
      ...(unit?.head ? [unit.head] : []),
      ...config.admins,
      ...(level === 'pimpinan' ? config.leaders : []),
    ];
    const cc = unique(copies, to);
    out.push({
      item,
      level,
      key: keys[rank],
      unit,
      to: to.length ? to : cc.slice(0, 1),
      cc: to.length ? cc : cc.slice(1),
    });
  }
  return out.sort(
    (a, b) => b.item.overdueWorkingDays - a.item.overdueWorkingDays || a.item.dueAt.getTime() - b.item.dueAt.getTime(),
  );
}
