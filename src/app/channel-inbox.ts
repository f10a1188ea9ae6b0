/**
 * `Kotak Masuk` work shared by the edit trigger (the admin triages) and the channel poll (catches
 * up what an edit trigger missed, sends replies): plumbing like run.ts, not a use case of its own.
 *
 * Triage as `Pengaduan` registers the post through the same registration as the form
 * (`registerAnswers` in run.ts, on the core decision `decideRegistration`): receivedAt = the post's time, recordedAt = the triage time,
 * `Dicatat Oleh` and `Riwayat` = the admin who triaged; the post's response key
 * (`K:<channel>:<id>`) makes a second registration impossible, even after a run killed between
 * the register write and the inbox write.
 */
import { flushWrites } from '../gas/session';
import { answersForPost, inboxSourceKey, overdueUntriaged, toRegister } from '../core/channels/inbox';
import { parseState } from '../core/channels/poll-state';
import { CHANNEL_NAMES, stateKey } from '../core/channels/post';
import type { ChannelDigest } from '../core/reports/worklist';
import { isChannel, isTicked, planReplies, replyIdOf, replyRequest, replyUrlOf } from '../core/channels/replies';
import { classify } from '../core/channels/responses';
import { Complaint } from '../core/complaint';
import { assignmentEmail } from '../core/email/assignment';
import { TAB } from '../core/labels';
import { CHANNEL_LOG, INBOX_TAB, REPLY_STATE, TRIAGE } from '../core/labels/channels';
import { ACTION, UNKNOWN_USER } from '../core/labels/journal';
import { normaliseText } from '../core/sanitize';
import { fetchRound, readCredentials } from '../gas/channel-fetch';
import { RegisterTable, appendComplaintRow } from '../gas/complaint-tables';
import { InboxTable, registeredInboxKeys } from '../gas/inbox-table';
import { Outbox } from '../gas/outbox';
import { Run, registerAnswers, tabUrl } from './run';

/**
 * Registers every row triaged `Pengaduan` that has no number yet. `triagedBy` names the admin
 * for rows in `byUser` (the edited rows); other rows keep who was recorded, or "tidak diketahui".
 * Call under the script lock; the caller flushes `inbox` and finishes the run.
 */
export function registerTriaged(
  run: Run,
  inbox: InboxTable,
  byUser: { rows: Set<number>; user: string } | null,
): Complaint[] {
  for (let i = 0; i < inbox.rows.length; i++) {
    const r = inbox.current(i);
    const t = normaliseText(r.triage);
    if (byUser?.rows.has(i) && t && t !== TRIAGE.new && !normaliseText(r.triagedBy))
      inbox.update(i, { triagedBy: byUser.user || UNKNOWN_USER, triagedAt: run.now });
  }
  const pending = toRegister(
    inbox.rows.map((_, i) => inbox.current(i)),
    new Set(),
  );
  if (!pending.length) return [];
  const registered = registeredInboxKeys(run.ss);
  const created: Complaint[] = [];
  for (const i of pending) {
    const row = inbox.current(i);
    const key = inboxSourceKey(String(row.channel), String(row.platformId));
    const link = tabUrl(run, TAB.register);
    const known = registered.get(key);
    if (known) {
      inbox.update(i, { number: known, complaintLink: link });
      continue;
    }
    if (!normaliseText(row.text)) {
      run.journal.error(CHANNEL_LOG.triageNoText(i + 2), '', '', 'PERINGATAN');
      continue;
    }
    const admin =
      normaliseText(row.triagedBy) && normaliseText(row.triagedBy) !== UNKNOWN_USER
        ? normaliseText(row.triagedBy)
        : (byUser?.user ?? '');
    const complaint = registerAnswers(
      run,
      answersForPost(row),
      run.now,
      admin,
      key,
      `${INBOX_TAB} ${String(row.channel)} ${String(row.platformId)}`,
    );
    run.journal.record(
      complaint.number,
      CHANNEL_LOG.triaged(TRIAGE.complaint),
      'Kanal',
      '',
      `${String(row.channel)} ${String(row.platformId)}`,
      admin || UNKNOWN_USER,
    );
    created.push(complaint);
    inbox.update(i, {
      number: complaint.number,
      complaintLink: link,
      triagedBy: admin || UNKNOWN_USER,
      triagedAt: row.triagedAt ?? run.now,
    });
  }
  if (!created.length) return created;
  // The numbers are saved before the writes (as intake does): a crash leaves a gap, never a reuse.
  run.state.save();
  const register = run.ss.getSheetByName(TAB.register);
  if (!register) throw new Error(`tab ${TAB.register} missing`);
  const outbox = Outbox.appendOnly(run.ss);
  for (const c of created) {
    appendComplaintRow(register, TAB.register, c, 'register');
    if (!c.unit) continue;
    const unit = run.config.units.find((u) => u.name === c.unit)!;
    const unitSheet = run.ss.getSheetByName(unit.tab);
    if (unitSheet) appendComplaintRow(unitSheet, unit.tab, c, 'unit');
    outbox.enqueue(assignmentEmail(c, unit.pics, tabUrl(run, unit.tab)), run.now);
  }
  outbox.flushAndSend(run.now, run.journal.source);
  return created;
}

export interface ReplyReport {
  sent: number;
  unknown: number;
  failed: number;
}

/**
 * The two-phase reply queue (DESIGN §10): the batch is marked `Mengirim` and flushed before the
 * one fetchAll, and marked `Terkirim` (with the link, also in `Tautan Jawaban`) right after;
 * a row found at `Mengirim` was interrupted and becomes `Tidak pasti`, reported, never resent.
 */
export function sendReplies(run: Run, inbox: InboxTable): ReplyReport {
  const report: ReplyReport = { sent: 0, unknown: 0, failed: 0 };
  const rows = inbox.rows.map((_, i) => inbox.current(i));
  const candidates = rows.some(
    (r) =>
      normaliseText(r.replyState) === REPLY_STATE.sending ||
      (isTicked(r.sendReply) && !normaliseText(r.replyState) && normaliseText(r.number)),
  );
  if (!candidates) return report;
  const register = RegisterTable.read(run.ss);
  const answers = new Map(register.complaints.map((c) => [c.number, { status: c.status, reply: c.reply }]));
  const plan = planReplies(rows, answers, run.config.replyChannels);
  for (const i of plan.unknown) {
    inbox.update(i, { replyState: REPLY_STATE.unknown });
    run.journal.error(
      CHANNEL_LOG.replyUnknown(String(rows[i].number)),
      `${String(rows[i].channel)} ${String(rows[i].platformId)}`,
      String(rows[i].number),
    );
    report.unknown++;
  }
  const creds = readCredentials(run.state);
  const batch = plan.send.flatMap((i) => {
    const row = rows[i];
    const channel = row.channel;
    const c = register.find(normaliseText(row.number));
    const request = isChannel(channel) && c ? replyRequest(channel, creds, row, c.reply) : null;
    if (!request || !isChannel(channel)) {
      inbox.update(i, { replyState: REPLY_STATE.off });
      return [];
    }
    return [{ i, channel, request, complaint: c! }];
  });
  if (!batch.length) return report;
  for (const b of batch) inbox.update(b.i, { replyState: REPLY_STATE.sending });
  inbox.flush();
  flushWrites();
  const replies = fetchRound(batch.map((b) => b.request));
  batch.forEach((b, k) => {
    if (replies[k].code === 0) {
      // The call itself failed (timeout, quota): the platform may have posted it. Unknown.
      inbox.update(b.i, { replyState: REPLY_STATE.unknown });
      run.journal.error(CHANNEL_LOG.replyUnknown(b.complaint.number), String(b.channel), b.complaint.number);
      report.unknown++;
      return;
    }
    const outcome = classify(b.channel, replies[k], run.now);
    if (outcome.kind === 'ok') {
      const url = replyUrlOf(b.channel, rows[b.i], replyIdOf(b.channel, outcome.body));
      inbox.update(b.i, { replyState: REPLY_STATE.sent, replyUrl: url });
      if (!b.complaint.replyUrl) {
        register.put({ ...b.complaint, replyUrl: url, updatedAt: run.now });
        run.journal.record(b.complaint.number, ACTION.adminUpdate, 'Tautan Jawaban', '', url);
      }
      report.sent++;
    } else {
      inbox.update(b.i, { replyState: REPLY_STATE.failed });
      run.journal.error(
        CHANNEL_LOG.replyFailed(b.complaint.number, outcome.detail),
        String(b.channel),
        b.complaint.number,
      );
      report.failed++;
    }
  });
  inbox.flush();
  register.flush();
  return report;
}

/** The edit trigger on `Kotak Masuk` (under the script lock): the edited rows' triage, by `user`. */
export function triageEdit(run: Run, firstRow: number, numRows: number, user: string): void {
  const inbox = InboxTable.read(run.ss);
  if (!inbox) return;
  const rows = new Set<number>();
  for (let r = Math.max(firstRow, 2); r < firstRow + numRows; r++) rows.add(r - 2);
  registerTriaged(run, inbox, { rows, user });
  inbox.flush();
}

/** For the admin digest: posts untriaged past the step-1 standard, channels whose token is refused. */
export function channelDigest(run: Run, asOf: Date): ChannelDigest {
  const creds = readCredentials(run.state);
  const tokenProblems = CHANNEL_NAMES.filter((c) => creds[c] && parseState(run.state.get(stateKey(c))).tokenBadSince);
  const inbox = InboxTable.read(run.ss);
  const untriaged = inbox
    ? overdueUntriaged(inbox.rows, run.calendar, run.config.stepDays[0], asOf).map((r) => ({
        channel: String(r.channel),
        author: String(r.author),
        postedAt: r.postedAt as Date,
      }))
    : [];
  return { untriaged, tokenProblems };
}
