/**
 * Who is in a scenario (DESIGN §2, §12.1): the operator (the spreadsheet's owner, who runs
 * setup and owns the triggers), the admins, and everyone who acts in an event.
 */
import type { Scenario } from './scenario';

/** The operator of scenarios whose people are @example.org (the shipped sample, the tests). */
export const OPERATOR = 'operator@example.org';

const byOf = (e: object): string[] => ('by' in e && typeof e.by === 'string' ? [e.by] : []);

/** The most common domain among admins, officers and the people acting in events. */
function mainDomain(s: Scenario): string {
  const count = new Map<string, number>();
  const emails = [...(s.admins ?? []), ...(s.units ?? []).flatMap((u) => u.pics), ...s.events.flatMap(byOf)];
  for (const e of emails) {
    const d = e.split('@')[1]?.toLowerCase();
    if (d) count.set(d, (count.get(d) ?? 0) + 1);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'example.org';
}

/**
 * The scenario's `operator`, or `operator@` the scenario's own domain, as in a real Workspace
 * install: Apps Script shows a user's email to a trigger only within one domain, and the
 * history should name the officers.
 */
export function operatorFor(s: Scenario): string {
  return s.operator ?? `operator@${mainDomain(s)}`;
}

/** Everyone with edit access to the spreadsheet besides the operator. */
export function editorsOf(s: Scenario): string[] {
  return [...new Set([...(s.admins ?? []), ...(s.units ?? []).flatMap((u) => u.pics), ...s.events.flatMap(byOf)])];
}

/**
 * The admins: the scenario's list, or whoever records, answers, reassigns or closes (DESIGN §2:
 * those events belong to that role).
 */
export function adminsOf(s: Scenario): string[] {
  if (s.admins) return s.admins;
  const adminEvent = (e: object) => 'submit' in e || 'answer' in e || 'reassign' in e || 'close' in e || 'triage' in e;
  return [...new Set(s.events.flatMap((e) => (adminEvent(e) ? byOf(e) : [])))];
}
