/**
 * Rows of the append-only `Riwayat` (who changed what, when) and `Log Galat` (what went wrong,
 * for the operator). Old and new values are written as text so the history reads the same
 * whatever the cell formats.
 */
import { asText } from './values';
import { cellText } from './sanitize';

export const HISTORY_HEADERS = [
  'Waktu',
  'Pengguna',
  'No. Pengaduan',
  'Tindakan',
  'Kolom',
  'Nilai Lama',
  'Nilai Baru',
  'Sumber',
];
export const ERROR_HEADERS = ['Waktu', 'Tingkat', 'Sumber', 'No. Pengaduan', 'Pesan', 'Rincian'];

export interface HistoryEntry {
  at: Date;
  user: string;
  number: string;
  action: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  source: string;
}

export type ErrorLevel = 'GALAT' | 'PERINGATAN' | 'INFO';

export interface ErrorEntry {
  at: Date;
  level: ErrorLevel;
  source: string;
  number: string;
  message: string;
  detail: string;
}

const clip = (s: string) => (s.length > 45000 ? `${s.slice(0, 45000)}…` : s);

export function historyRow(e: HistoryEntry): unknown[] {
  return [
    e.at,
    cellText(e.user),
    cellText(e.number),
    cellText(e.action),
    cellText(e.field),
    cellText(clip(asText(e.oldValue))),
    cellText(clip(asText(e.newValue))),
    cellText(e.source),
  ];
}

export function errorRow(e: ErrorEntry): unknown[] {
  return [e.at, e.level, cellText(e.source), cellText(e.number), cellText(clip(e.message)), cellText(clip(e.detail))];
}
