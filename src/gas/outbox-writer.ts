/**
 * Optimistic writes of the outbox's status cells (DESIGN §10), for src/gas/outbox.ts: only the
 * Status, Dikirim, Percobaan and Galat cells of the rows concerned are written, each after
 * re-reading it, so that a person's edit of `Antrean Email` (or another run's) is never
 * overwritten and a row that moved never gets another message's status.
 */
import { OUTBOX_HEADERS, OUTBOX_STATUS } from '../core/email/message';
import { protectText } from '../core/rows';
import { TabData, readRowCells, writeRowCells } from './tabs';

const COL = Object.fromEntries(OUTBOX_HEADERS.map((h, i) => [h, i])) as Record<string, number>;

/** The cells the outbox changes: Status, Dikirim, Percobaan, Galat (adjacent columns). */
export const STATUS_COLUMNS = ['Status', 'Dikirim', 'Percobaan', 'Galat'];
export const FIRST_STATUS = COL['Status'];
if (STATUS_COLUMNS.some((h, k) => COL[h] !== FIRST_STATUS + k))
  throw new Error('Antrean Email: Status, Dikirim, Percobaan, Galat must be adjacent');

/** New values of the status cells; undefined keeps what the cell holds. */
export type StatusCells = [unknown, unknown, unknown, unknown];

export interface Pending {
  index: number;
  key: string;
  /** The status the row must still have (null: any, the row is ours while it is `Mengirim`). */
  expected: string | null;
  next: StatusCells;
}

/**
 * Optimistic writes of status cells (DESIGN §10): each commit re-reads the keys and status cells
 * of the rows it writes (two narrow reads: the bodies are not fetched again), writes only rows
 * that still hold the same message in the expected status, one setValues per run of adjacent
 * rows, and optionally flushes, so that a mark is stored before MailApp is called.
 */
export class StatusWriter {
  private pending: Pending[] = [];
  reported = 0;

  constructor(private readonly tab: TabData) {}

  put(index: number, expected: string | null, next: StatusCells): void {
    this.pending.push({ index, key: String(this.tab.rows[index][COL['Kunci']] ?? ''), expected, next });
  }

  commit(flush: boolean): { applied: Set<number>; rejected: Pending[] } {
    const pending = this.pending;
    this.pending = [];
    const applied = new Set<number>();
    const rejected: Pending[] = [];
    if (!pending.length) return { applied, rejected };
    const sheet = this.tab.sheet;
    const first = Math.min(...pending.map((p) => p.index));
    const last = Math.max(...pending.map((p) => p.index));
    const keys = readRowCells(sheet, COL['Kunci'], 1, first, last);
    const current = readRowCells(sheet, FIRST_STATUS, STATUS_COLUMNS.length, first, last);
    const writes = new Map<number, unknown[]>();
    for (const p of pending) {
      const now = current[p.index - first];
      if (String(keys[p.index - first][0] ?? '') !== p.key || (p.expected !== null && now[0] !== p.expected)) {
        rejected.push(p);
        continue;
      }
      const cells = now.map((v, k) => (p.next[k] === undefined ? v : p.next[k]));
      writes.set(p.index, cells.map(protectText));
      const row = this.tab.rows[p.index];
      cells.forEach((v, k) => {
        row[FIRST_STATUS + k] = v;
      });
      if (p.next[0] === OUTBOX_STATUS.unknown) this.reported++;
      applied.add(p.index);
    }
    writeRowCells(sheet, FIRST_STATUS, writes);
    if (flush && writes.size) SpreadsheetApp.flush();
    return { applied, rejected };
  }
}
