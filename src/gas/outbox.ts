/**
 * The mail outbox (`Antrean Email`, DESIGN §8, §10): messages are queued with an idempotency key
 * (a key already in the outbox is never queued again, so a trigger that runs twice queues
 * nothing twice), then sent by priority while the daily quota allows (the order is decided in
 * src/core/email/queue.ts), two-phase so that a run killed at any point sends nothing twice.
 *
 * Operator: a message in `Perlu Dicek` may or may not have gone out (the run that sent it ended
 * before recording the result). Check with the recipient, then set Status to `Menunggu` to send
 * it again on the next run, `Terkirim` if it arrived, or `Dibatalkan`.
 */
import { MAX_ATTEMPTS, OUTBOX_HEADERS, OUTBOX_STATUS, OutgoingEmail, recipientCount } from '../core/email/message';
import { Backlog, MailHealth, QueuedMessage, SEND_BATCH, mailHealth, planSends } from '../core/email/queue';
import { OUTBOX_TEXT, TAB } from '../core/labels';
import { FAILURE, LOG } from '../core/labels/journal';
import { protectText } from '../core/rows';
import { formatDateTime } from '../core/values';
import { Journal } from './journal';
import { FIRST_STATUS, Pending, STATUS_COLUMNS, StatusWriter } from './outbox-writer';
import { TabData, appendRows, ensureRows, readTab } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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

  private constructor(
    private readonly ss: Spreadsheet,
    private readonly tab: TabData | null,
  ) {
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
      if (
        row[COL['Jenis']] === kind &&
        Object.prototype.toString.call(created) === '[object Date]' &&
        (created as Date).getTime() >= from
      )
        n++;
    }
    return n;
  }

  enqueue(m: OutgoingEmail, now: Date): boolean {
    if (!m.to.length || this.keys.has(m.key)) return false;
    this.keys.add(m.key);
    this.queued.push(outboxRow(m, now));
    return true;
  }

  /**
   * Appends what this run queued and sends it at once when today's quota allows (DESIGN §10:
   * the assignment email goes out with the intake or edit that assigns, not an hour later).
   * Two-phase: the rows are appended already marked `Mengirim` and flushed before MailApp is
   * called, then each is marked `Terkirim` right after its send (re-checking its key first). A
   * run killed in between leaves `Mengirim`, which a later run reports as `Perlu Dicek`, never
   * resends. What the quota cannot take waits as `Menunggu` for the hourly run. Append-only
   * outboxes (intake, edits) only; returns how many were sent.
   */
  flushAndSend(now: Date, source: string): number {
    if (this.tab || !this.queued.length) {
      this.flushQueue();
      return 0;
    }
    const sheet = this.ss.getSheetByName(TAB.outbox);
    if (!sheet) throw new Error(FAILURE.tabMissing(TAB.outbox));
    let quota = MailApp.getRemainingDailyQuota();
    const mark = OUTBOX_TEXT.marked(source, formatDateTime(now));
    const rows = this.queued.splice(0);
    const sending = rows.map((row) => {
      const n = recipientCount({
        to: recipientsOf(String(row[COL['Kepada']])),
        cc: recipientsOf(String(row[COL['Tembusan']])),
      });
      if (n > quota) return false;
      quota -= n;
      row[COL['Status']] = OUTBOX_STATUS.sending;
      row[COL['Dikirim']] = now;
      row[COL['Galat']] = mark;
      return true;
    });
    const first = sheet.getLastRow() + 1;
    appendRows(sheet, rows.map(cells), first - 1);
    if (!sending.some(Boolean)) return 0;
    SpreadsheetApp.flush(); // the marks are committed before anything is sent
    let sent = 0;
    rows.forEach((row, k) => {
      if (!sending[k]) return;
      const text = (key: string) => String(row[COL[key]] ?? '');
      let outcome: unknown[];
      try {
        MailApp.sendEmail({
          to: recipientsOf(text('Kepada')).join(','),
          cc: recipientsOf(text('Tembusan')).join(','),
          subject: text('Subjek'),
          body: text('Isi Teks'),
          htmlBody: text('Isi HTML'),
          name: 'Pengaduan Medsos Disbud DKI',
          noReply: false,
        });
        sent++;
        outcome = [OUTBOX_STATUS.sent, new Date(), 1, ''];
      } catch (e) {
        const message = String((e as Error)?.message ?? e);
        outcome = [OUTBOX_STATUS.waiting, '', /too many times|quota/i.test(message) ? 0 : 1, message];
      }
      // The row is found again by its key: the outbox is never sorted by the system, but people may.
      if (String(sheet.getRange(first + k, 1).getValue()) === text('Kunci')) {
        sheet.getRange(first + k, FIRST_STATUS + 1, 1, STATUS_COLUMNS.length).setValues([outcome.map(protectText)]);
      }
    });
    return sent;
  }

  /** Appends what was queued in this run (one append). */
  flushQueue(): void {
    if (!this.queued.length) return;
    const sheet = this.tab?.sheet ?? this.ss.getSheetByName(TAB.outbox);
    if (!sheet) throw new Error(FAILURE.tabMissing(TAB.outbox));
    const tab = this.tab;
    if (!tab) {
      appendRows(sheet, this.queued.map(cells)); // intake, edits: after the last row, wherever it is now
    } else {
      // After the last row as it is now: another run may have appended since the read. Room
      // for this run's rows plus spare, so that most runs append with a single call.
      const last = sheet.getLastRow();
      ensureRows(sheet, last + this.queued.length, SPARE_ROWS);
      sheet.getRange(last + 1, 1, this.queued.length, OUTBOX_HEADERS.length).setValues(this.queued.map(cells));
      // Rows others appended since the read are not known here: blank placeholders keep the
      // indices right (nothing is planned for them; the next run reads them).
      while (tab.rows.length < last - 1) tab.rows.push(new Array(OUTBOX_HEADERS.length).fill(''));
      tab.rows.push(...this.queued);
    }
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
      if (
        row[COL['Status']] !== OUTBOX_STATUS.waiting ||
        row[COL['Jenis']] !== kind ||
        !numbers.has(String(row[COL['No. Pengaduan']] ?? ''))
      )
        return;
      this.cancelled.set(i, reason);
      cancelled++;
    });
    return cancelled;
  }

  /** Row index → reason of the cancellations not written yet. */
  private readonly cancelled = new Map<number, string>();

  /** Recipients left in today's mail quota, asked once per run and counted down by `send`. */
  quota(): number {
    if (this.quotaLeft === null) this.quotaLeft = MailApp.getRemainingDailyQuota();
    return this.quotaLeft;
  }

  private quotaLeft: number | null = null;

  /** The outbox as the admin digest reports it (unknown outcomes, backlog against today's quota). */
  health(now: Date): MailHealth {
    const queue = this.queue();
    const waiting = queue.some((m) => m.status === OUTBOX_STATUS.waiting);
    return mailHealth(queue, waiting ? this.quota() : 0, now);
  }

  private queue(): QueuedMessage[] {
    return [...(this.tab?.rows ?? []), ...this.queued].map(queuedMessage);
  }

  /**
   * Appends what was queued in this run, then sends what `planSends` picks, two-phase and in
   * batches of SEND_BATCH: the batch is marked `Mengirim` (with the run and the time), written
   * and flushed; then each message is sent and its outcome kept; the outcomes are written with
   * the next batch's marks (one re-read, one write, one flush per batch), the last ones at the
   * end. A run killed anywhere leaves each message `Menunggu` (not sent), `Terkirim`, or
   * `Mengirim` (outcome unknown: reported by a later run as `Perlu Dicek`, never resent by the
   * system). Only the status cells of the rows concerned are written, each after re-reading it:
   * a row a person changed meanwhile is left alone (and not sent).
   */
  send(now: Date, journal: Journal, exclusive?: <T>(commit: () => T) => T | null): SendReport {
    const tab = this.tab;
    this.flushQueue();
    if (!tab) return { sent: 0, waiting: 0, reported: 0, backlog: null };
    const queue = tab.rows
      .map(queuedMessage)
      .map((m) => (this.cancelled.has(m.index) ? { ...m, status: OUTBOX_STATUS.cancelled } : m));
    const quota = queue.some((m) => m.status === OUTBOX_STATUS.waiting) ? this.quota() : 0;
    const plan = planSends(queue, quota, now);
    const writer = new StatusWriter(tab);
    const text = (row: unknown[], k: string): string => String(row[COL[k]] ?? '');

    for (const [i, reason] of this.cancelled)
      writer.put(i, OUTBOX_STATUS.waiting, [OUTBOX_STATUS.cancelled, undefined, undefined, reason]);
    this.cancelled.clear();
    const reports = new Map<number, string>();
    for (const m of plan.unknown) {
      const row = tab.rows[m.index];
      const markedAt = m.markedAt ? formatDateTime(m.markedAt) : '?';
      writer.put(m.index, OUTBOX_STATUS.sending, [
        OUTBOX_STATUS.unknown,
        undefined,
        undefined,
        OUTBOX_TEXT.unknown(text(row, 'Galat'), markedAt),
      ]);
      reports.set(m.index, text(row, 'Galat'));
    }

    const mark = OUTBOX_TEXT.marked(journal.source, formatDateTime(now));
    let sent = 0;
    let stopped = false;
    for (let b = 0; b < plan.sends.length && !stopped; b += SEND_BATCH) {
      const batch = plan.sends.slice(b, b + SEND_BATCH);
      const before = new Map(
        batch.map((i) => [i, tab.rows[i].slice(FIRST_STATUS, FIRST_STATUS + STATUS_COLUMNS.length)]),
      );
      for (const i of batch) writer.put(i, OUTBOX_STATUS.waiting, [OUTBOX_STATUS.sending, new Date(), undefined, mark]);
      // Sending outside the script lock: the marks are committed under it (re-read, write, flush,
      // a fraction of a second), so two sending runs can never both mark the same message.
      const committed = exclusive ? exclusive(() => writer.commit(true)) : writer.commit(true);
      if (!committed) break; // the lock is busy: the rest waits for the next run, untouched
      const { applied, rejected } = committed;
      this.report(journal, applied, rejected, reports);
      for (const i of batch) {
        if (!applied.has(i)) continue; // changed by a person since the read: left for the next run
        const row = tab.rows[i];
        const attempts = Number(row[COL['Percobaan']] || 0);
        const [, sentBefore, , errorBefore] = before.get(i)!;
        if (stopped) {
          writer.put(i, null, [OUTBOX_STATUS.waiting, sentBefore, attempts, errorBefore]); // not tried: as it was
          continue;
        }
        const to = recipientsOf(text(row, 'Kepada'));
        const cc = recipientsOf(text(row, 'Tembusan'));
        try {
          MailApp.sendEmail({
            to: to.join(','),
            cc: cc.join(','),
            subject: text(row, 'Subjek'),
            body: text(row, 'Isi Teks'),
            htmlBody: text(row, 'Isi HTML'),
            name: 'Pengaduan Medsos Disbud DKI',
            noReply: false,
          });
          sent++;
          this.quotaLeft = Math.max(0, (this.quotaLeft ?? 0) - recipientCount({ to, cc }));
          writer.put(i, null, [OUTBOX_STATUS.sent, new Date(), attempts + 1, '']);
        } catch (e) {
          const message = String((e as Error)?.message ?? e);
          if (/too many times|quota/i.test(message)) {
            // Not the message's fault: it waits for the quota, the attempt is not counted.
            stopped = true;
            writer.put(i, null, [OUTBOX_STATUS.waiting, sentBefore, attempts, message]);
            continue;
          }
          const tries = attempts + 1;
          writer.put(i, null, [
            tries >= MAX_ATTEMPTS ? OUTBOX_STATUS.failed : OUTBOX_STATUS.waiting,
            sentBefore,
            tries,
            message,
          ]);
          journal.error(LOG.emailFailed(text(row, 'Subjek'), tries), message, text(row, 'No. Pengaduan'));
        }
      }
    }
    const last = exclusive ? exclusive(() => writer.commit(false)) : writer.commit(false);
    if (last) this.report(journal, last.applied, last.rejected, reports);
    const waiting = tab.rows.filter((r) => r[COL['Status']] === OUTBOX_STATUS.waiting).length;
    return { sent, waiting, reported: writer.reported, backlog: plan.backlog };
  }

  /** Log Galat for what a commit settled: unknown outcomes now `Perlu Dicek`, sent marks that could not be written. */
  private report(journal: Journal, applied: Set<number>, rejected: Pending[], reports: Map<number, string>): void {
    const tab = this.tab!;
    for (const [i, mark] of reports) {
      if (!applied.has(i)) continue;
      const row = tab.rows[i];
      journal.error(
        OUTBOX_TEXT.logUnknown(String(row[COL['Subjek']] ?? '')),
        `${String(row[COL['Kunci']] ?? '')}; ${mark}`,
        String(row[COL['No. Pengaduan']] ?? ''),
        'PERINGATAN',
      );
      reports.delete(i);
    }
    for (const p of rejected) {
      if (p.next[0] !== OUTBOX_STATUS.sent) continue;
      const row = tab.rows[p.index];
      journal.error(
        OUTBOX_TEXT.notRecorded(String(row[COL['Subjek']] ?? '')),
        p.key,
        String(row[COL['No. Pengaduan']] ?? ''),
      );
    }
  }
}

export interface SendReport {
  sent: number;
  /** Messages still `Menunggu` after the run. */
  waiting: number;
  /** Unknown outcomes reported by this run (now `Perlu Dicek`). */
  reported: number;
  /** Set when the queue cannot drain within today's quota (figures at the start of the run). */
  backlog: Backlog | null;
}

function recipientsOf(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A row as the planner sees it. */
function queuedMessage(row: unknown[], index: number): QueuedMessage {
  const date = (v: unknown): Date | null =>
    Object.prototype.toString.call(v) === '[object Date]' ? (v as Date) : null;
  const list = (k: string) => recipientsOf(String(row[COL[k]] ?? ''));
  return {
    index,
    kind: String(row[COL['Jenis']] ?? ''),
    created: date(row[COL['Dibuat']]),
    status: String(row[COL['Status']] ?? ''),
    recipients: recipientCount({ to: list('Kepada'), cc: list('Tembusan') }),
    markedAt: date(row[COL['Dikirim']]),
  };
}
