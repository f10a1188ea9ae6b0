/**
 * Feed rows back into records: from the `Dasbor Data` tab's values (header row first, columns
 * found by name) or from JSON objects keyed by column id, where dates may be ISO strings (the
 * scenario runner's outputs). Used by the local preview; unknown columns are ignored, a missing
 * column is an error that names it.
 */
import { ALL_STATUSES } from '../complaint';
import { isDate } from '../values';
import { FEED_COLUMNS, FeedColumn, FeedRecord } from './feed';
import { ON_TIME } from '../labels/dashboard';

function toDate(v: unknown, col: FeedColumn, where: string): Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    if (!isNaN(d.getTime())) return d;
  }
  throw new Error(`${where}: ${col.id} is not a date: ${JSON.stringify(v)}`);
}

function toNumber(v: unknown, col: FeedColumn, where: string): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
  if (Number.isFinite(n)) return n;
  throw new Error(`${where}: ${col.id} is not a number: ${JSON.stringify(v)}`);
}

function toBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  return s === 'true' || s === 'ya' || s === '1';
}

function toText(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return s.startsWith("'") ? s.slice(1) : s;
}

const REQUIRED_DATES = new Set([
  'waktu_diterima',
  'tanggal_diterima',
  'minggu',
  'bulan',
  'tenggat_akhir',
  'waktu_data',
]);

export function feedRecordFrom(get: (id: string) => unknown, where: string): FeedRecord {
  const out: Record<string, unknown> = {};
  for (const col of FEED_COLUMNS) {
    const v = get(col.id);
    switch (col.type) {
      case 'Date & Time':
      case 'Date':
      case 'Year Month': {
        const d = toDate(v, col, where);
        if (d === null && REQUIRED_DATES.has(col.id)) throw new Error(`${where}: ${col.id} is empty`);
        out[col.id] = d;
        break;
      }
      case 'Number': {
        const n = toNumber(v, col, where);
        out[col.id] = n === null && !col.id.startsWith('jam_kerja_langkah_') && col.id !== 'nilai_kepuasan' ? 0 : n;
        break;
      }
      case 'Boolean':
        out[col.id] = toBoolean(v);
        break;
      default:
        out[col.id] = toText(v);
    }
  }
  if (!(ALL_STATUSES as string[]).includes(out.status as string))
    throw new Error(`${where}: unknown status ${JSON.stringify(out.status)}`);
  if (!(Object.values(ON_TIME) as string[]).includes(out.tepat_waktu as string))
    throw new Error(`${where}: unknown tepat_waktu ${JSON.stringify(out.tepat_waktu)}`);
  return out as unknown as FeedRecord;
}

/** Records from a table whose first row holds the column ids. Blank rows are skipped. */
export function feedRecordsFromTable(table: readonly (readonly unknown[])[]): FeedRecord[] {
  if (!table.length) return [];
  const header = table[0].map((h) => String(h ?? '').trim());
  const missing = FEED_COLUMNS.filter((c) => !header.includes(c.id)).map((c) => c.id);
  if (missing.length) throw new Error(`feed: missing columns ${missing.join(', ')}`);
  const pos = new Map(header.map((h, i) => [h, i] as [string, number]).reverse());
  return table
    .slice(1)
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.some((v) => v !== '' && v !== null && v !== undefined))
    .map(({ row, i }) => feedRecordFrom((id) => row[pos.get(id)!], `feed row ${i + 2}`));
}

/** Records from JSON objects keyed by column id. */
export function feedRecordsFromObjects(objects: readonly Record<string, unknown>[]): FeedRecord[] {
  return objects.map((o, i) => feedRecordFrom((id) => o[id], `feed record ${i + 1}`));
}
