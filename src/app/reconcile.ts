/**
 * Reconcile (menu and hourly, DESIGN §3): the register is the truth; unit tabs are rebuilt from
 * it when rows were deleted, duplicated, typed into, or landed in the wrong tab; officer input
 * that the edit trigger missed is taken in first (never discarded: text that cannot be used is
 * kept in `Riwayat`); form responses that were never registered are registered; the derived
 * columns (due, timeliness) are refreshed. What was fixed is reported in `Riwayat`.
 */
import { Complaint, UNIT_COLUMNS, isOpen, officerStatusOf } from '../core/complaint';
import { withDerived } from '../core/derive';
import { assignmentEmail } from '../core/email/assignment';
import { TAB } from '../core/labels';
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

export function reconcileAll(run: Run): ReconcileReport {
  const register = RegisterTable.read(run.ss);
  const report: ReconcileReport = { registered: 0, officerUpdates: 0, rebuiltTabs: [], derivedUpdated: 0, queuedEmails: 0, finished: new Set() };

  // Numbers never go backwards, even if the counter in Script Properties was lost.
  for (const [year, seq] of highestSequences(register.complaints.map((c) => c.number))) {
    if (Number(run.state.get(`seq.${year}`) ?? 0) < seq) run.state.set(`seq.${year}`, String(seq));
  }
  report.registered = registerMissedResponses(run, register);

  const outbox = Outbox.read(run.ss);
  for (const unit of run.config.units) {
    const tabData = readTab(run.ss, unit.tab);
    if (!tabData) continue;
    const tab = UnitTable.of(unit.tab, tabData);
    const seen = new Set<string>();
    let broken = false;
    // 1. Officer input the edit trigger missed.
    for (const row of tab.rows) {
      const number = asText(row.values.number).trim();
      const c = register.find(number);
      if (!number || !c || c.unit !== unit.name || seen.has(number)) {
        broken = true;
        const followUp = asText(row.values.followUp).trim();
        const note = asText(row.values.officerNote).trim();
        // Text already in the register (e.g. typed before a reassignment) is not lost: say nothing.
        if (number && ((followUp && followUp !== c?.followUp) || (note && note !== c?.officerNote))) {
          const owner = c ? c.unit : HISTORY_VALUE.noOwner;
          run.journal.record(number, ACTION.textNotUsed(unit.tab, owner), 'Hasil Tindak Lanjut / Catatan', '', `${asText(row.values.followUp)} | ${asText(row.values.officerNote)}`);
        }
        continue;
      }
      seen.add(number);
      const differs = !sameCell(row.values.officerStatus, officerStatusOf(c.status)) || asText(row.values.followUp).trim() !== c.followUp || asText(row.values.officerNote).trim() !== c.officerNote;
      if (differs) {
        const result = applyOfficerEdit(c, { officerStatus: row.values.officerStatus, followUp: row.values.followUp, officerNote: row.values.officerNote }, run.now);
        if (result.changes.length) {
          register.put(result.complaint);
          report.officerUpdates++;
        }
        recordChanges(run, result, ACTION.officerUpdateByReconcile, UNKNOWN_USER);
      }
    }
    // 2. Derived columns and the expected rows.
    const expected = register.complaints.filter((c) => c.unit === unit.name);
    if (expected.some((c) => !seen.has(c.number))) broken = true;
    const refreshed = new Map<string, Complaint>();
    for (const c of expected) {
      const d = withDerived(register.find(c.number)!, run.calendar, run.config.stepDays, run.now);
      refreshed.set(c.number, d);
    }
    if (broken) {
      // Keep the officers' order for rows that are right; add the missing ones at the end.
      const ordered: Complaint[] = [];
      const placed = new Set<string>();
      for (const row of tab.rows) {
        const n = asText(row.values.number).trim();
        const c = refreshed.get(n);
        if (c && !placed.has(n)) { ordered.push(c); placed.add(n); }
      }
      for (const c of expected) if (!placed.has(c.number)) ordered.push(refreshed.get(c.number)!);
      replaceRows(tab.tab, ordered.map((c) => tab.rowFor(c)));
      report.rebuiltTabs.push(unit.tab);
    } else {
      for (const row of tab.rows) {
        const c = refreshed.get(asText(row.values.number).trim())!;
        const want = tab.rowFor(c, tab.tab.rows[row.index]);
        const have = tab.tab.rows[row.index];
        if (UNIT_COLUMNS.some((col) => !sameCell(want[tab.index[col.key]], have[tab.index[col.key]]) && !(typeof want[tab.index[col.key]] === 'string' && String(want[tab.index[col.key]]).replace(/^'/, '') === String(have[tab.index[col.key]] ?? '')))) {
          tab.set(row.index, c);
        }
      }
      tab.flush();
    }
    // 3. Assignment emails that were never queued (e.g. intake stopped half-way).
    for (const c of expected) {
      const m = assignmentEmail(refreshed.get(c.number)!, unit.pics, tabUrl(run, unit.tab));
      if (c.forwardedAt && isOpen(c.status) && !outbox.has(m.key) && outbox.enqueue(m, run.now)) report.queuedEmails++;
    }
  }
  // 4. Derived columns of the register itself.
  for (const c of register.complaints) {
    if (!c.number) continue;
    const d = withDerived(c, run.calendar, run.config.stepDays, run.now);
    if (!sameCell(d.stepDue, c.stepDue) || !sameCell(d.overallDue, c.overallDue) || d.timeliness !== c.timeliness) {
      register.put(d);
      report.derivedUpdated++;
    }
  }
  for (const c of register.complaints) if (c.number && !isOpen(c.status)) report.finished.add(c.number);
  register.flush();
  outbox.flushQueue();
  const fixed = report.registered + report.officerUpdates + report.rebuiltTabs.length + report.queuedEmails;
  if (fixed) {
    run.journal.record('', ACTION.reconcile, '', '', HISTORY_VALUE.reconcile(report.registered, report.officerUpdates, report.rebuiltTabs, report.queuedEmails));
  }
  return report;
}
