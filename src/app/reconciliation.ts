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
import { TAB } from '../core/labels';
import { ACTION, EDIT_TEXT, HISTORY_VALUE, LOG, UNKNOWN_USER } from '../core/labels/journal';
import { TabRow, holdsComplaint, shuffledRows } from '../core/officer-cells';
import { adminRows, untakenAdminRows } from './edit-rows';
import { highestSequences } from '../core/numbering';
import {
  RecordedWork,
  ResponseRow,
  indexKeys,
  isBlank,
  isLegacyKey,
  keyStatus,
  responseKey,
} from '../core/registration';
import { applyOfficerEdit } from '../core/transitions';
import { asDate, asText, isDate } from '../core/values';
import { RegisterTable, UnitTable } from '../gas/complaint-tables';
import { Outbox } from '../gas/outbox';
import { allResponseTabs, readResponses } from '../gas/responses';
import { readSheet, readTab, replaceRows, restoreBlankHeader, sheetOf } from '../gas/tabs';
import { RESPONSE_KEY_FIELD, Run, counterOf, decide, isolated, noteRegistration, recordChanges, tabUrl } from './run';

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

/** Response key → complaint number, from the registrations `Riwayat` recorded. */
function numbersByKey(run: Run): Map<string, string> {
  const out = new Map<string, string>();
  const tab = readTab(run.ss, TAB.history);
  if (!tab) return out;
  const col = (h: string) => tab.headers.findIndex((x) => String(x).trim() === h);
  const [numberCol, fieldCol, valueCol] = [col('No. Pengaduan'), col('Kolom'), col('Nilai Baru')];
  for (const row of tab.rows) {
    if (String(row[fieldCol] ?? '') === RESPONSE_KEY_FIELD && row[numberCol])
      out.set(String(row[valueCol] ?? '').trim(), String(row[numberCol]).trim());
  }
  return out;
}

/** A unit-tab row whose complaint is missing from the register: the officers' work on it. */
interface OrphanRow extends RecordedWork {
  number: string;
  receivedAt: Date | null;
  text: string;
}

function recordedWork(unit: string, values: UnitTable['rows'][number]['values']): OrphanRow {
  return {
    number: asText(values.number).trim(),
    unit,
    receivedAt: asDate(values.receivedAt),
    text: asText(values.text).trim(),
    forwardedAt: asDate(values.forwardedAt),
    processedAt: asDate(values.processedAt),
    followedUpAt: asDate(values.followedUpAt),
    followUp: asText(values.followUp),
    officerNote: asText(values.officerNote),
    reply: asText(values.reply),
    status: asText(values.officerStatus).trim(),
  };
}

/** The orphan row a response belongs to: same post time and text (the first version kept no key). */
function orphanFor(r: ResponseRow, orphans: OrphanRow[]): OrphanRow | undefined {
  const at = asDate(r.answers.receivedAt)?.getTime();
  const text = asText(r.answers.text).trim();
  return orphans.find(
    (o) =>
      o.receivedAt?.getTime() === at && text && o.text && (o.text === text || text.startsWith(o.text.slice(0, 200))),
  );
}

/**
 * Registers every response of every responses tab (old and new) that no complaint holds the key
 * of. A response whose register row was deleted gets its number back (from `Riwayat`, or from
 * its unit-tab row) with the officers' work; first-version complaints (row keys) get their
 * response's content key. Never by row number.
 */
function registerMissedResponses(
  run: Run,
  register: RegisterTable,
  orphans: OrphanRow[],
  skip: ReadonlySet<string>,
): number {
  const index = indexKeys(register.complaints);
  const legacy = new Set(register.complaints.filter((c) => isLegacyKey(c.sourceKey)).map((c) => c.number));
  const known = run.layout.responseTabs ?? (run.layout.responses ? [run.layout.responses] : []);
  const highest = highestSequences(register.complaints.map((c) => c.number));
  let byKey: Map<string, string> | null = null;
  let registered = 0;
  for (const sheet of allResponseTabs(run.ss, known, skip)) {
    for (const r of readResponses(sheet)) {
      if (isBlank(r)) continue;
      const key = responseKey(r);
      const status = keyStatus(key, index, legacy);
      if (status.kind === 'registered') continue;
      if (status.kind === 'legacy') {
        const c = register.find(status.number);
        if (c) register.put({ ...c, sourceKey: key });
        legacy.delete(status.number);
        index.byKey.set(key, status.number);
        continue;
      }
      const where = LOG.responseAt(r.tab, r.row);
      if (status.kind === 'conflict') run.journal.error(LOG.keyConflict(status.numbers), where, '', 'PERINGATAN');
      byKey ??= numbersByKey(run);
      const orphan = (() => {
        const n = byKey.get(key);
        return n ? (orphans.find((o) => o.number === n) ?? { number: n }) : orphanFor(r, orphans);
      })();
      // A number another complaint holds now is never taken back.
      const knownNumber = orphan && !register.find(orphan.number) ? orphan.number : undefined;
      const reg = decide(run, r, key, highest, {
        knownNumber,
        recorded: knownNumber && 'unit' in (orphan as object) ? (orphan as OrphanRow) : undefined,
      });
      noteRegistration(run, reg, where, true);
      if (reg.sequence)
        highest.set(reg.sequence.year, Math.max(highest.get(reg.sequence.year) ?? 0, reg.sequence.value));
      register.put(reg.complaint);
      index.byKey.set(key, reg.complaint.number);
      registered++;
    }
  }
  return registered;
}

/** Register rows holding the same number: reported (the first row is the one used). */
function reportDuplicateRows(run: Run, register: RegisterTable): void {
  const rows = new Map<string, number[]>();
  register.complaints.forEach((c, i) => {
    if (c.number) rows.set(c.number, [...(rows.get(c.number) ?? []), i + 2]);
  });
  const dupes = [...rows].filter(([, r]) => r.length > 1);
  const signature = dupes.map(([n, r]) => `${n}:${r.join('.')}`).join(',');
  if (signature === (run.state.get('reported.duplicateRows') ?? '')) return; // said once, until it changes
  run.state.set('reported.duplicateRows', signature);
  for (const [number, r] of dupes) run.journal.error(LOG.duplicateRegisterRows(number, r), '', number, 'PERINGATAN');
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
function takeOfficerInput(
  run: Run,
  register: RegisterTable,
  unitName: string,
  tab: UnitTable,
  expected: string[],
  report: ReconcileReport,
): boolean {
  const seen = new Set<string>();
  let broken = false;
  const own = (row: TabRow) => {
    const c = register.find(asText(row.values.number).trim());
    return c && c.unit === unitName ? c : undefined;
  };
  // Officer cells a sort moved to other complaints are put back from the register (writeUnitTab).
  const moved = new Set(shuffledRows(tab.rows, own));
  if (moved.size)
    run.journal.record(
      '',
      ACTION.officerCellsRestored(tab.name),
      'Status / Hasil Tindak Lanjut / Catatan Petugas',
      '',
      EDIT_TEXT.rowsRestored(moved.size),
    );
  for (const row of tab.rows) {
    const number = asText(row.values.number).trim();
    const c = register.find(number);
    // A row whose number was typed over holds another complaint's post: rebuilt, never taken in.
    if (!number || !c || c.unit !== unitName || seen.has(number) || !holdsComplaint(row.values, c)) {
      broken = true;
      const followUp = asText(row.values.followUp).trim();
      const note = asText(row.values.officerNote).trim();
      // Text already in the register (e.g. typed before a reassignment) is not lost: say nothing.
      if (number && ((followUp && followUp !== c?.followUp) || (note && note !== c?.officerNote))) {
        const owner = c ? c.unit : HISTORY_VALUE.noOwner;
        run.journal.record(
          number,
          ACTION.textNotUsed(tab.name, owner),
          'Hasil Tindak Lanjut / Catatan',
          '',
          `${followUp} | ${note}`,
        );
      }
      continue;
    }
    seen.add(number);
    if (moved.has(row.index)) continue;
    const result = applyOfficerEdit(
      c,
      { officerStatus: row.values.officerStatus, followUp: row.values.followUp, officerNote: row.values.officerNote },
      run.now,
    );
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
    replaceRows(
      tab.tab,
      [...ordered].map(([c, base]) => tab.rowFor(c, base)),
    );
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
  const report: ReconcileReport = {
    registered: 0,
    officerUpdates: 0,
    rebuiltTabs: [],
    derivedUpdated: 0,
    queuedEmails: 0,
    finished: new Set(),
    complaints: [],
  };

  // Numbers never go backwards, even if the counter in Script Properties was lost.
  for (const [year, seq] of highestSequences(register.complaints.map((c) => c.number))) {
    if (counterOf(run, year) < seq) run.state.set(`seq.${year}`, String(seq));
  }
  reportDuplicateRows(run, register);
  // Admin input the edit trigger never took in (it timed out, or the owner typed it): a status or
  // unit the stamps do not show yet is applied now, as the trigger would have.
  const untaken = untakenAdminRows(register);
  if (untaken.length) adminRows(run, register, untaken, '', null, outbox);

  // The unit tabs, read once: the officers' work on complaints the register lost comes from here.
  const tabs = new Map<string, UnitTable>();
  const orphans: OrphanRow[] = [];
  for (const unit of run.config.units) {
    isolated(run, `Tab unit "${unit.tab}"`, () => {
      const sheet = sheetOf(run.ss, unit.tab, run.layout.gids);
      if (!sheet) return;
      // A cleared tab is rebuilt from the register (its officers' work is in the register).
      if (
        restoreBlankHeader(
          sheet,
          UNIT_COLUMNS.map((c) => c.header),
        )
      )
        run.journal.record('', ACTION.reconcile, unit.tab, '', HISTORY_VALUE.headerRestored);
      const tab = UnitTable.of(unit.tab, readSheet(sheet));
      tabs.set(unit.name, tab);
      for (const row of tab.rows) {
        const number = asText(row.values.number).trim();
        if (number && !register.find(number)) orphans.push(recordedWork(unit.name, row.values));
      }
    });
  }
  const systemTabs = new Set<string>([...Object.values(TAB), ...run.config.units.map((u) => u.tab)]);
  report.registered = registerMissedResponses(run, register, orphans, systemTabs);

  // 1. Officer input the edit trigger missed, tab by tab (it changes the register).
  const numbersByUnit = groupBy(
    register.complaints.filter((c) => c.unit),
    (c) => c.unit,
    (c) => c.number,
  );
  const checks = new Map<string, UnitTabCheck>();
  for (const unit of run.config.units) {
    const tab = tabs.get(unit.name);
    if (!tab) continue;
    isolated(run, `Tab unit "${unit.tab}"`, () => {
      const broken = takeOfficerInput(run, register, unit.name, tab, numbersByUnit.get(unit.name) ?? [], report);
      checks.set(unit.name, { pics: unit.pics, tab, broken });
    });
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
  const byUnit = groupBy(
    derived.filter((c) => c.unit),
    (c) => c.unit,
    (c) => c,
  );

  // 3. Unit tabs from the register, and assignment emails that were never queued.
  for (const [unitName, check] of checks) {
    const complaints = byUnit.get(unitName) ?? [];
    isolated(run, `Tab unit "${check.tab.name}"`, () => {
      writeUnitTab(check, complaints);
      if (check.broken) report.rebuiltTabs.push(check.tab.name);
    });
    for (const c of complaints) {
      if (
        c.forwardedAt &&
        isOpen(c.status) &&
        outbox.enqueue(assignmentEmail(c, check.pics, tabUrl(run, check.tab.name)), run.now)
      )
        report.queuedEmails++;
    }
  }
  register.flush();
  const fixed = report.registered + report.officerUpdates + report.rebuiltTabs.length + report.queuedEmails;
  if (fixed) {
    run.journal.record(
      '',
      ACTION.reconcile,
      '',
      '',
      HISTORY_VALUE.reconcile(report.registered, report.officerUpdates, report.rebuiltTabs, report.queuedEmails),
    );
  }
  return report;
}
