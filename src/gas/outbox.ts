/**
 * The mail outbox (`Antrean Email`, DESIGN §8): messages are queued with an idempotency key,
 * then sent in queue order while the daily quota allows (MailApp.getRemainingDailyQuota counts
 * recipients); what cannot go out now waits for the next run. A key already in the outbox is
 * never queued again, so a trigger that runs twice sends nothing twice.
 */
import { MAX_ATTEMPTS, OUTBOX_HEADERS, OUTBOX_STATUS, OutgoingEmail, recipientCount } from '../core/email/message';
import { TAB } from '../core/labels';
import { FAILURE, LOG } from '../core/labels/journal';
import { protectText } from '../core/rows';
import { Journal } from './journal';
import { TabData, appendRows, ensureRows, readTab, writeChangedRows } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Messages sent per run at most: each MailApp.sendEmail is a round trip of a few hundred
 * milliseconds, so a Workspace quota (1,500 recipients) sent in one run would pass the 6-minute
 * limit and leave statuses unwritten. The rest waits for the next (hourly) run.
 */
export const MAX_SENDS_PER_RUN = 100;
const SPARE_ROWS = 500;

const COL = Object.fromEntries(OUTBOX_HEADERS.map((h, i) => [h, i])) as Record<string, number>;

/**
 * An outbox row as values (what getValues would give back). Rows are neutralised for the sheet
 * only when written (`cells`), so `tab.rows` always holds one representation.
 */
function outboxRow(m: OutgoingEmail, now: Date): unknown[] {
  const row: unknown[] = new Array(OUTBOX_HEADERS.length).fill('');
  row[COL['Kunci']] = m.key;
  row[COL['Dibuat']] = now;
  row[COL['Jenis']] = m.kind;
  row[COL['No. Pengaduan']] = m.number;
  row[COL['Kepada']] = m.to.join(', ');
  row[COL['Tembusan']] = m.cc.join(', ');
  row[COL['Subjek']] = m.subject;
  row[COL['Isi Teks']] = m.body.slice(0, 49000);
  row[COL['Isi HTML']] = m.htmlBody.slice(0, 49000);
  row[COL['Status']] = OUTBOX_STATUS.waiting;
  row[COL['Percobaan']] = 0;
  return row;
}

const cells = (row: unknown[]): unknown[] => row.map(protectText);

export class Outbox {
  private readonly keys = new Set<string>();
  private readonly queued: unknown[][] = [];

  private constructor(private readonly ss: Spreadsheet, private readonly tab: TabData | null) {
    if (tab) for (const row of tab.rows) this.keys.add(String(row[COL['Kunci']] ?? ''));
  }

  /** Reads the outbox (needed to deduplicate and to send). */
  static read(ss: Spreadsheet): Outbox {
    return new Outbox(ss, readTab(ss, TAB.outbox));
  }

  /** An outbox that only appends (intake: the message key is new by construction). */
  static appendOnly(ss: Spreadsheet): Outbox {
    return new Outbox(ss, null);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** How many messages of `kind` ('Jenis') were queued at or after `since` (e.g. today's escalations). */
  countQueuedSince(kind: string, since: Date): number {
    const from = since.getTime();
    let n = 0;
    for (const row of [...(this.tab?.rows ?? []), ...this.queued]) {
      const created = row[COL['Dibuat']];
      if (row[COL['Jenis']] === kind && Object.prototype.toString.call(created) === '[object Date]' && (created as Date).getTime() >= from) n++;
    }
    return n;
  }

  enqueue(m: OutgoingEmail, now: Date): boolean {
    if (!m.to.length || this.keys.has(m.key)) return false;
    this.keys.add(m.key);
    this.queued.push(outboxRow(m, now));
    return true;
  }

  /** Appends what was queued in this run (one append). */
  flushQueue(): void {
    if (!this.queued.length) return;
    const sheet = this.tab?.sheet ?? this.ss.getSheetByName(TAB.outbox);
    if (!sheet) throw new Error(FAILURE.tabMissing(TAB.outbox));
    appendRows(sheet, this.queued.map(cells), this.tab ? this.tab.rows.length + 1 : undefined);
    if (this.tab) this.tab.rows.push(...this.queued);
    this.queued.length = 0;
  }

  /**
   * Cancels waiting messages of `kind` about complaints in `numbers` (e.g. the assignment email
   * of a complaint closed as spam before the email went out). Written with the next `send`.
   */
  cancelWaiting(kind: string, numbers: Set<string>, reason: string): number {
    const tab = this.tab;
    if (!tab) return 0;
    let cancelled = 0;
    tab.rows.forEach((row, i) => {
      if (row[COL['Status']] !== OUTBOX_STATUS.waiting || row[COL['Jenis']] !== kind || !numbers.has(String(row[COL['No. Pengaduan']] ?? ''))) return;
      const next = row.slice();
      next[COL['Status']] = OUTBOX_STATUS.cancelled;
      next[COL['Galat']] = reason;
      this.cancelled.set(i, next);
      tab.rows[i] = next;
      cancelled++;
    });
    return cancelled;
  }

  private readonly cancelled = new Map<number, unknown[]>();

  /**
   * Sends waiting messages in queue order while the quota allows, then writes the messages
   * queued in this run and the status of those sent in one block (one write to the tab).
   * Returns how many were sent and how many still wait.
   */
  send(now: Date, journal: Journal): { sent: number; waiting: number } {
    const tab = this.tab;
    if (!tab) {
      this.flushQueue();
      return { sent: 0, waiting: 0 };
    }
    // Rows queued in this run are written below, with the statuses, in one block.
    const firstNew = tab.rows.length;
    tab.rows.push(...this.queued.splice(0));
    const changed = new Map<number, unknown[]>(this.cancelled);
    this.cancelled.clear();
    for (let i = firstNew; i < tab.rows.length; i++) changed.set(i, tab.rows[i]);
    const waiting = tab.rows.map((row, i) => ({ row, i })).filter(({ row }) => row[COL['Status']] === OUTBOX_STATUS.waiting);
    let quota = waiting.length ? MailApp.getRemainingDailyQuota() : 0;
    let sent = 0;
    for (const { row, i } of waiting) {
      const to = String(row[COL['Kepada']] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const cc = String(row[COL['Tembusan']] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const needed = recipientCount({ to, cc });
      if (needed > quota || sent >= MAX_SENDS_PER_RUN) break; // keep queue order: the rest waits for the next run
      const next = row.slice();
      const text = (k: string): string => String(row[COL[k]] ?? '');
      try {
        MailApp.sendEmail({
          to: to.join(','),
          cc: cc.join(','),
          subject: text('Subjek'),
          body: text('Isi Teks'),
          htmlBody: text('Isi HTML'),
          name: 'Pengaduan Medsos Disbud DKI',
          noReply: false,
        });
        quota -= needed;
        sent++;
        next[COL['Status']] = OUTBOX_STATUS.sent;
        next[COL['Dikirim']] = now;
        next[COL['Percobaan']] = Number(row[COL['Percobaan']] || 0) + 1;
        next[COL['Galat']] = '';
      } catch (e) {
        const message = String((e as Error)?.message ?? e);
        const attempts = Number(row[COL['Percobaan']] || 0) + 1;
        next[COL['Percobaan']] = attempts;
        next[COL['Galat']] = message;
        if (attempts >= MAX_ATTEMPTS) next[COL['Status']] = OUTBOX_STATUS.failed;
        journal.error(LOG.emailFailed(text('Subjek'), attempts), message, String(row[COL['No. Pengaduan']] ?? ''));
        changed.set(i, next);
        if (/too many times|quota/i.test(message)) break;
        continue;
      }
      changed.set(i, next);
    }
    if (tab.rows.length > firstNew) {
      // Room for this run's rows plus spare, so that most runs write with a single call.
      ensureRows(tab.sheet, tab.rows.length + 1, SPARE_ROWS);
    }
    for (const [i, row] of changed) tab.rows[i] = row;
    writeChangedRows(tab, new Map([...changed].map(([i, row]) => [i, cells(row)])));
    const still = tab.rows.filter((r) => r[COL['Status']] === OUTBOX_STATUS.waiting).length;
    return { sent, waiting: still };
  }
}
