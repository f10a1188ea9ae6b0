/**
 * What changed between two states of a workbook, as an operator would describe it: tabs added or
 * removed, columns added (by header name), and per tab the rows added, removed or rewritten,
 * with the columns that changed. Rows are matched by their first cell (complaint number, key or
 * time) and its occurrence, never by position: setup and reconcile may reorder or rebuild rows.
 */
import type { SheetSnapshot } from '../sim/outputs';

export interface TabChange {
  tab: string;
  addedColumns: string[];
  addedRows: number;
  removedRows: number;
  changedRows: number;
  /** Changed cells per column header. */
  changedColumns: Record<string, number>;
}

export interface PhaseChanges {
  addedTabs: string[];
  removedTabs: string[];
  tabs: TabChange[];
}

function cellKey(v: unknown): string {
  if (Object.prototype.toString.call(v) === '[object Date]') return `D${(v as Date).getTime()}`;
  return `${typeof v}:${String(v)}`;
}

/** Rows matched by their first cell (complaint number, key, time) and its occurrence. */
function rowsByKey(s: SheetSnapshot): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const seen = new Map<string, number>();
  s.values.slice(1).forEach((row) => {
    if (row.every((v) => v === '' || v === null)) return;
    const k = cellKey(row[0]);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    out.set(`${k}#${n}`, row);
  });
  return out;
}

export function compareWorkbooks(before: SheetSnapshot[], after: SheetSnapshot[]): PhaseChanges {
  const names = new Set(before.map((s) => s.name));
  const afterNames = new Set(after.map((s) => s.name));
  const tabs: TabChange[] = [];
  for (const a of after) {
    const b = before.find((s) => s.name === a.name);
    if (!b) continue;
    const bHeaders = (b.display[0] ?? []).map(String);
    const aHeaders = (a.display[0] ?? []).map(String);
    const change: TabChange = {
      tab: a.name,
      addedColumns: aHeaders.filter((h) => h && !bHeaders.includes(h)),
      addedRows: 0,
      removedRows: 0,
      changedRows: 0,
      changedColumns: {},
    };
    const bRows = rowsByKey(b);
    const aRows = rowsByKey(a);
    for (const [k, row] of aRows) {
      const old = bRows.get(k);
      if (!old) {
        change.addedRows++;
        continue;
      }
      let changed = false;
      aHeaders.forEach((h, c) => {
        const bc = bHeaders.indexOf(h);
        if (bc < 0 || !h) return;
        if (cellKey(row[c] ?? '') !== cellKey(old[bc] ?? '')) {
          changed = true;
          change.changedColumns[h] = (change.changedColumns[h] ?? 0) + 1;
        }
      });
      if (changed) change.changedRows++;
    }
    for (const k of bRows.keys()) if (!aRows.has(k)) change.removedRows++;
    if (change.addedColumns.length || change.addedRows || change.removedRows || change.changedRows) tabs.push(change);
  }
  return {
    addedTabs: after.map((s) => s.name).filter((n) => !names.has(n)),
    removedTabs: before.map((s) => s.name).filter((n) => !afterNames.has(n)),
    tabs,
  };
}
