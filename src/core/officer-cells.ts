/**
 * Whose officer cells a unit-tab row holds (DESIGN §3, §10). The protections let an officer sort
 * their own columns (Status, Hasil Tindak Lanjut, Catatan Petugas); Sheets then moves those cells
 * to other complaints' rows. A sort is a permutation: the cells that changed are exactly the
 * recorded cells of the same rows in another order. A person's edit changes the values, so it is
 * never a permutation (a single changed row never is). Likewise a row whose number was typed
 * over no longer holds that complaint: its post time and text are another's.
 */
import { Complaint, UnitTabKey, unitRowOf } from './complaint';
import { isDate } from './values';

export const OFFICER_KEYS = ['officerStatus', 'followUp', 'officerNote'] as const;

const cell = (v: unknown): string => (isDate(v) ? v.toISOString() : String(v ?? '').trim());
const tripletOf = (values: Partial<Record<UnitTabKey, unknown>>): string =>
  OFFICER_KEYS.map((k) => cell(values[k])).join('\u0001');

export interface TabRow {
  /** Data index in the tab. */
  index: number;
  values: Partial<Record<UnitTabKey, unknown>>;
}

/**
 * The rows whose officer cells were moved among themselves (a sort of the officer columns):
 * empty unless at least two rows changed and their cells, taken together, are the recorded ones.
 */
export function shuffledRows(rows: TabRow[], complaintOf: (row: TabRow) => Complaint | undefined): number[] {
  const changed: Array<{ index: number; now: string; recorded: string }> = [];
  for (const row of rows) {
    const c = complaintOf(row);
    if (!c) continue;
    const now = tripletOf(row.values);
    const recorded = tripletOf(unitRowOf(c));
    if (now !== recorded) changed.push({ index: row.index, now, recorded });
  }
  if (changed.length < 2) return [];
  const count = new Map<string, number>();
  for (const c of changed) count.set(c.recorded, (count.get(c.recorded) ?? 0) + 1);
  for (const c of changed) {
    const left = (count.get(c.now) ?? 0) - 1;
    if (left < 0) return [];
    count.set(c.now, left);
  }
  return changed.map((c) => c.index);
}

/** The row still holds this complaint: same post time and text (a number typed over does not). */
export function holdsComplaint(values: Partial<Record<UnitTabKey, unknown>>, c: Complaint): boolean {
  return cell(values.receivedAt) === cell(c.receivedAt) && cell(values.text) === cell(c.text);
}
