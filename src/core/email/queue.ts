/**
 * What the outbox sends now, decided from the queue and the day's mail quota (DESIGN §8, §10).
 * Pure: the adapter (src/gas/outbox.ts) reads `Antrean Email`, asks `planSends`, and sends in
 * the order given, two-phase (marked `Mengirim` before the call, `Terkirim` right after).
 *
 * - Priority: assignment and escalation emails first (a unit is waiting for work, a head must
 *   act), then the daily digests, then the leadership summaries; oldest first within a rank.
 *   Each message is taken if its recipients fit in what is left of the quota (MailApp counts
 *   recipients, not messages); one that does not fit is passed over, so smaller messages still
 *   use the day's quota, and it is first in line again when the quota renews.
 * - A message marked `Mengirim` by a run that has since ended (the mark is older than any
 *   execution can last) has an unknown outcome: it may or may not have gone out. It is never
 *   retried by the system; the adapter reports it and the operator decides.
 * - The queue "cannot drain today" when the recipients of every waiting message exceed the
 *   quota left: the operator is told with these figures.
 */
import { ASSIGNMENT_KIND } from './assignment';
import { ADMIN_DIGEST_KIND, UNIT_DIGEST_KIND } from './digest';
import { ESCALATION_KIND } from './escalation';
import { OUTBOX_STATUS } from './message';

/** Messages sent per run at most (each send is a round trip of a few hundred ms; 6-minute limit). */
export const MAX_SENDS_PER_RUN = 100;

/**
 * Messages marked `Mengirim` together, before any of them is sent (one re-read, one write and
 * one flush per batch). A run killed in the middle of a batch leaves at most this many messages
 * with an unknown outcome; marking each message alone would cost a write and a flush (~0.5 s)
 * per message, doubling the send loop's time.
 */
export const SEND_BATCH = 10;

/**
 * A mark older than this was left by a run that has ended (an Apps Script execution lasts at
 * most 6 minutes); a younger one may belong to a run still sending, and is left alone.
 */
export const STALE_MARK_MS = 10 * 60_000;

export interface QueuedMessage {
  /** Data row index in `Antrean Email` (sheet row = index + 2). */
  index: number;
  kind: string;
  created: Date | null;
  status: string;
  recipients: number;
  /** For `Mengirim`: when the run marked it (`Dikirim`). */
  markedAt: Date | null;
}

export interface Backlog {
  waiting: number;
  /** Recipients the waiting messages need (what the quota counts). */
  recipients: number;
  /** Recipients left in today's quota when the run started. */
  quota: number;
  oldest: Date | null;
}

export interface SendPlan {
  /** Row indices to send, in this order. */
  sends: number[];
  /** Messages whose outcome is unknown (marked by a run that ended), oldest first. */
  unknown: QueuedMessage[];
  /** Set when the waiting messages cannot all go out within today's quota. */
  backlog: Backlog | null;
}

const URGENT = new Set<string>([ASSIGNMENT_KIND, ESCALATION_KIND]);
const DIGESTS = new Set<string>([UNIT_DIGEST_KIND, ADMIN_DIGEST_KIND]);

/** 0: assignment and escalation; 1: digests and any other kind; 2: summaries. */
export function priorityOf(kind: string): number {
  if (URGENT.has(kind)) return 0;
  if (DIGESTS.has(kind)) return 1;
  return kind.startsWith('Ringkasan') ? 2 : 1;
}

const time = (d: Date | null): number => (d ? d.getTime() : Number.POSITIVE_INFINITY);

/** Send order: priority, then oldest first, then queue (row) order. */
export function bySendOrder(a: QueuedMessage, b: QueuedMessage): number {
  return priorityOf(a.kind) - priorityOf(b.kind) || time(a.created) - time(b.created) || a.index - b.index;
}

export function isUnknownOutcome(m: QueuedMessage, now: Date): boolean {
  return m.status === OUTBOX_STATUS.sending && (!m.markedAt || now.getTime() - m.markedAt.getTime() >= STALE_MARK_MS);
}

export function planSends(
  queue: readonly QueuedMessage[],
  quota: number,
  now: Date,
  maxSends = MAX_SENDS_PER_RUN,
): SendPlan {
  const waiting = queue.filter((m) => m.status === OUTBOX_STATUS.waiting).sort(bySendOrder);
  const sends: number[] = [];
  let left = Math.max(0, quota);
  for (const m of waiting) {
    if (sends.length >= maxSends) break;
    if (m.recipients > left) continue;
    sends.push(m.index);
    left -= m.recipients;
  }
  const unknown = queue
    .filter((m) => isUnknownOutcome(m, now))
    .sort((a, b) => time(a.markedAt) - time(b.markedAt) || a.index - b.index);
  return { sends, unknown, backlog: backlogOf(waiting, quota) };
}

/** The figures when `waiting` needs more recipients than `quota` allows, else null. */
export function backlogOf(waiting: readonly QueuedMessage[], quota: number): Backlog | null {
  const recipients = waiting.reduce((n, m) => n + m.recipients, 0);
  if (!waiting.length || recipients <= quota) return null;
  const oldest = waiting.reduce<Date | null>((o, m) => (m.created && (!o || m.created < o) ? m.created : o), null);
  return { waiting: waiting.length, recipients, quota: Math.max(0, quota), oldest };
}

/** What the admin digest tells about the outbox (DESIGN §10: the operator is told, with figures). */
export interface MailHealth {
  /** Messages whose outcome is unknown (`Perlu Dicek`, or `Mengirim` left by an ended run). */
  unknown: number;
  backlog: Backlog | null;
}

export function mailHealth(queue: readonly QueuedMessage[], quota: number, now: Date): MailHealth {
  const unknown = queue.filter((m) => m.status === OUTBOX_STATUS.unknown || isUnknownOutcome(m, now)).length;
  return {
    unknown,
    backlog: backlogOf(
      queue.filter((m) => m.status === OUTBOX_STATUS.waiting),
      quota,
    ),
  };
}

export function hasMailProblems(h: MailHealth | undefined): h is MailHealth {
  return !!h && (h.unknown > 0 || h.backlog !== null);
}
