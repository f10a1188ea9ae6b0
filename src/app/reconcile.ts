/**
 * Reconcile (menu and hourly, DESIGN §3): the register is the truth; unit tabs are rebuilt from
 * it when rows were deleted, duplicated, typed into, or landed in the wrong tab; officer input
 * that the edit trigger missed is taken in first (never discarded: text that cannot be used is
 * kept in `Riwayat`); form responses that were never registered are registered; the derived
 * columns (due, timeliness) are refreshed. What was fixed is reported in `Riwayat`.
 */
import { Complaint, UNIT_COLUMNS, isOpen, unitRowOf } from '../core/complaint';
import { withDerived } from '../core/derive';
import { assignmentEmail } from '../core/email/assignment';
import { ACTION, HISTORY_VALUE, UNKNOWN_USER } from '../core/labels/journal';
import { highestSequences } from '../core/numbering';
import { applyOfficerEdit } from '../core/transitions';
import { asText, isDate } from '../core/values';
import { RegisterTable, UnitTable } from '../gas/complaint-tables';
import { Outbox } from '../gas/outbox';
import { IntegerSet } from '../gas/state';
import { readTab, replaceRows } from '../gas/tabs';
import { PROCESSED_KEY, complaintFromResponse, responseRowOf } from './intake';
import { recordChanges } from './edit';
import { Run, tabUrl } from './run';

export interface ReconcileReport {
  registered: number;
  officerUpdates: number;
  rebuiltTabs: string[];
  derivedUpdated: number;
  queuedEmails: number;
  /** Complaints answered or closed (their pending assignment emails are moot). */
  finished: Set<string>;
  /** Every complaint of the register after reconcile, derived columns current. */
  complaints: Complaint[];
}

function sameCell(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return String(a ?? '') === String(b ?? '');
}

function registerMissedResponses(run: Run, register: RegisterTable): number {
  const layout = run.layout.responses;
  if (!layout) return 0;
  const tab = readTab(run.ss, layout.sheetName);
  if (!tab) return 0;
  const taken = new Set(register.complaints.map((c) => responseRowOf(c.sourceKey)).filter((n): n is number => n !== null));
  const processed = new IntegerSet(run.state.get(PROCESSED_KEY) ?? '');
  // The register is the truth: rows it holds count as taken even if Script Properties were lost
  // (e.g. the script re-deployed into a new project), so a late duplicate event stays ignored.
  for (const row of taken) processed.add(row);
  let registered = 0;
  tab.rows.forEach((row, i) => {
    const sheetRow = i + 2;
    if (taken.has(sheetRow)) return;
    const c = complaintFromResponse(run, row, sheetRow, layout.columns, layout.columns.email ?? -1, layout.sheetName);
    processed.add(sheetRow);
    if (!c) return;
    register.put(c);
    run.journal.record(c.number, ACTION.recordedByReconcile, 'Kunci Respons', '', c.sourceKey);
    registered++;
  });
  run.state.set(PROCESSED_KEY, processed.toString());
  return registered;
}

function groupBy<T, V>(items: T[], key: (t: T) => string, value: (t: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(value(item));
    else out.set(k, [value(item)]);
  }
  return out;
}

/** A unit tab as read, with what reconcile found in it. */
interface UnitTabCheck {
  pics: string[];
  tab: UnitTable;
  /** Rows to rebuild: deleted, duplicated, foreign or without a number. */
  broken: boolean;
}

/** Takes in officer input the edit trigger missed; says whether the tab needs rebuilding. */
function takeOfficerInput(run: Run, register: RegisterTable, unitName: string, tab: UnitTable, expected: string[], report: ReconcileReport): boolean {
  const seen = new Set<string>();
  let broken = false;
  for (const row of tab.rows) {
    const number = asText(row.values.number).trim();
    const c = register.find(number);
    if (!number || !c || c.unit !== unitName || seen.has(number)) {
      broken = true;
      const followUp = asText(row.values.followUp).trim();
      const note = asText(row.values.officerNote).trim();
      // Text already in the register (e.g. typed before a reassignment) is not lost: say nothing.
      if (number && ((followUp && followUp !== c?.followUp) || (note && note !== c?.officerNote))) {
        const owner = c ? c.unit : HISTORY_VALUE.noOwner;
        run.journal.record(number, ACTION.textNotUsed(tab.name, owner), 'Hasil Tindak Lanjut / Catatan', '', `${followUp} | ${note}`);
      }
      continue;
    }
    seen.add(number);
    const result = applyOfficerEdit(c, { officerStatus: row.values.officerStatus, followUp: row.values.followUp, officerNote: row.values.officerNote }, run.now);
    if (result.changes.length) {
      register.put(result.complaint);
      report.officerUpdates++;
    }
    recordChanges(run, result, ACTION.officerUpdateByReconcile, UNKNOWN_USER);
  }
  return broken || expected.some((n) => !seen.has(n));
}

/** Writes a unit tab from the register: rebuilt when broken, else only the rows that differ. */
function writeUnitTab(check: UnitTabCheck, complaints: Complaint[]): void {
  const { tab } = check;
  const byNumber = new Map(complaints.map((c) => [c.number, c]));
  if (check.broken) {
    // Keep the officers' order for rows that are right; add the missing ones at the end.
    // The operator's own extra columns of a row that stays are kept with it.
    const ordered = new Map<Complaint, unknown[] | undefined>();
    for (const row of tab.rows) {
      const c = byNumber.get(asText(row.values.number).trim());
      if (c && !ordered.has(c)) ordered.set(c, tab.tab.rows[row.index]);
    }
    for (const c of complaints) if (!ordered.has(c)) ordered.set(c, undefined);
    replaceRows(tab.tab, [...ordered].map(([c, base]) => tab.rowFor(c, base)));
    return;
  }
  for (const row of tab.rows) {
    const c = byNumber.get(asText(row.values.number).trim())!;
    const want = unitRowOf(c);
    if (UNIT_COLUMNS.some((col) => !sameCell(want[col.key], row.values[col.key]))) tab.set(row.index, c);
  }
  tab.flush();
}

/**
 * Reconciles the register, the unit tabs and the responses tab. Messages are queued on `outbox`;
 * the caller sends or flushes it (so that the hourly run writes the outbox once).
 */
export function reconcileAll(run: Run, outbox: Outbox): ReconcileReport {
  const register = RegisterTable.read(run.ss);
  const report: ReconcileReport = { registered: 0, officerUpdates: 0, rebuiltTabs: [], derivedUpdated: 0, queuedEmails: 0, finished: new Set(), complaints: [] };

  // Numbers never go backwards, even if the counter in Script Properties was lost.
  for (const [year, seq] of highestSequences(register.complaints.map((c) => c.number))) {
    if (Number(run.state.get(`seq.${year}`) ?? 0) < seq) run.state.set(`seq.${year}`, String(seq));
  }
  report.registered = registerMissedResponses(run, register);

  // 1. Officer input the edit trigger missed, tab by tab (it changes the register).
  const numbersByUnit = groupBy(register.complaints.filter((c) => c.unit), (c) => c.unit, (c) => c.number);
  const checks = new Map<string, UnitTabCheck>();
  for (const unit of run.config.units) {
    const data = readTab(run.ss, unit.tab);
    if (!data) continue;
    const tab = UnitTable.of(unit.tab, data);
    const broken = takeOfficerInput(run, register, unit.name, tab, numbersByUnit.get(unit.name) ?? [], report);
    checks.set(unit.name, { pics: unit.pics, tab, broken });
  }

  // 2. Derived columns (due, timeliness), computed once per complaint for both sides.
  const derived = report.complaints;
  for (const c of register.complaints) {
    if (!c.number) continue;
    const d = withDerived(c, run.calendar, run.config.stepDays, run.now);
    if (!sameCell(d.stepDue, c.stepDue) || !sameCell(d.overallDue, c.overallDue) || d.timeliness !== c.timeliness) {
      register.put(d);
      report.derivedUpdated++;
    }
    derived.push(d);
    if (!isOpen(d.status)) report.finished.add(d.number);
  }
  const byUnit = groupBy(derived.filter((c) => c.unit), (c) => c.unit, (c) => c);

  // 3. Unit tabs from the register, and assignment emails that were never queued.
  for (const [unitName, check] of checks) {
    const complaints = byUnit.get(unitName) ?? [];
    writeUnitTab(check, complaints);
    if (check.broken) report.rebuiltTabs.push(check.tab.name);
    for (const c of complaints) {
      if (c.forwardedAt && isOpen(c.status) && outbox.enqueue(assignmentEmail(c, check.pics, tabUrl(run, check.tab.name)), run.now)) report.queuedEmails++;
    }
  }
  register.flush();
  const fixed = report.registered + report.officerUpdates + report.rebuiltTabs.length + report.queuedEmails;
  if (fixed) {
    run.journal.record('', ACTION.reconcile, '', '', HISTORY_VALUE.reconcile(report.registered, report.officerUpdates, report.rebuiltTabs, report.queuedEmails));
  }
  return report;
}
