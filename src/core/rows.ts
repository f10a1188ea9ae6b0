/**
 * Records ↔ sheet rows, by header name. Users insert, move and rename-around columns, so a
 * table's layout is discovered from its header row on every run; columns we do not know (the
 * operator's own) are carried through untouched.
 */
import { missingColumnsText } from './labels/config';
import { Column } from './complaint';
import { cellText } from './sanitize';
import { isDate } from './values';

export type ColumnIndex<K extends string> = Record<K, number>;

export class MissingColumnsError extends Error {
  constructor(
    readonly tab: string,
    readonly missing: string[],
  ) {
    super(missingColumnsText(tab, missing));
  }
}

export function indexColumns<K extends string>(tab: string, headers: unknown[], columns: Column<K>[]): ColumnIndex<K> {
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const name = String(h ?? '').trim();
    if (name && !positions.has(name)) positions.set(name, i);
  });
  const index = {} as ColumnIndex<K>;
  const missing: string[] = [];
  for (const col of columns) {
    const i = positions.get(col.header);
    if (i === undefined) missing.push(col.header);
    else index[col.key] = i;
  }
  if (missing.length) throw new MissingColumnsError(tab, missing);
  return index;
}

export function readRecord<K extends string>(
  row: unknown[],
  index: ColumnIndex<K>,
  columns: Column<K>[],
): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const col of columns) {
    const v = row[index[col.key]];
    if (col.kind === 'date') out[col.key] = isDate(v) ? new Date(v.getTime()) : null;
    else out[col.key] = v === null || v === undefined ? '' : isDate(v) ? v : String(v);
  }
  return out;
}

/** The cell value to write for a field: Dates stay Dates; text is neutralised (sanitize.ts). */
export function cellValue(kind: Column['kind'], v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (kind === 'date') return isDate(v) ? v : '';
  if (kind === 'number') return typeof v === 'number' ? v : Number(v) || '';
  return cellText(String(v));
}

/** The row to write for a record: known columns from the record, other columns kept from `base`. */
export function writeRecord<K extends string>(
  rec: Record<K, unknown>,
  index: ColumnIndex<K>,
  columns: Column<K>[],
  width: number,
  base?: unknown[],
): unknown[] {
  const row: unknown[] = [];
  for (let i = 0; i < width; i++) row.push(base && i < base.length ? protectText(base[i]) : '');
  for (const col of columns) row[index[col.key]] = cellValue(col.kind, rec[col.key]);
  return row;
}

/** A value read back from a cell, made safe to write again (text loses its apostrophe on read). */
export function protectText(v: unknown): unknown {
  return typeof v === 'string' ? cellText(v) : v;
}
