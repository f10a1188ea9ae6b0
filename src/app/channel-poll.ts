/**
 * Channel polling (issue 15, DESIGN §14), time-driven every 15 minutes on every day: each
 * connected channel is read (UrlFetchApp, all channels' requests of a round in one fetchAll,
 * outside the script lock), then, under the lock, new posts are appended to `Kotak Masuk`
 * (deduplicated on the platform id), cursors and backoff saved, rows triaged `Pengaduan` that an
 * edit trigger missed are registered, and queued replies are sent. Problems go to `Log Galat`
 * (a refused token once a day, with how to renew it); no credential is ever written anywhere else.
 */
import { waitScriptLock } from '../gas/lock';
import { inboxRowOf, newPosts } from '../core/channels/inbox';
import { ChannelPoll, ChannelReport, PollResult, PollTask } from '../core/channels/poll';
import { ChannelState, decidePoll, parseState } from '../core/channels/poll-state';
import { ChannelCredentials, ChannelName, CHANNEL_NAMES, stateKey } from '../core/channels/post';
import { redact } from '../core/channels/responses';
import { CHANNEL_LOG } from '../core/labels/channels';
import { formatDateTime } from '../core/values';
import { fetchRound, readCredentials, secretsOf, writeCredential } from '../gas/channel-fetch';
import { InboxTable } from '../gas/inbox-table';
import { ScriptState } from '../gas/state';
import { registerTriaged, sendReplies } from './channel-inbox';
import { finish, guard, startRun } from './run';

/** Rounds of requests per poll (first pages, then comments / next pages). */
const MAX_ROUNDS = 25;

export interface ChannelPollSummary {
  channels: string[];
  requests: number;
  captured: number;
  registered: number;
  replies: number;
}

function channelState(state: ScriptState, channel: ChannelName): ChannelState {
  return parseState(state.get(stateKey(channel)));
}

/** Reads every connected channel due for a poll (network only; no sheet, no lock). */
export function readChannels(
  creds: ChannelCredentials,
  state: ScriptState,
  now: Date,
): (PollResult & { channel: ChannelName })[] {
  const polls: ChannelPoll[] = [];
  for (const channel of CHANNEL_NAMES) {
    const cred = creds[channel];
    if (!cred) continue;
    const s = channelState(state, channel);
    const d = decidePoll(s, now);
    if (d.poll) polls.push(new ChannelPoll(channel, cred, s, now, d.wide));
  }
  let tasks: { poll: ChannelPoll; task: PollTask }[] = polls.flatMap((poll) =>
    poll.start().map((task) => ({ poll, task })),
  );
  for (let round = 0; tasks.length && round < MAX_ROUNDS; round++) {
    const replies = fetchRound(tasks.map((t) => t.task.request));
    tasks = tasks.flatMap((t, k) => t.poll.handle(t.task, replies[k]).map((task) => ({ poll: t.poll, task })));
  }
  return polls.map((p) => ({ channel: p.channel, ...p.finish() }));
}

function logReport(run: ReturnType<typeof startRun>, r: ChannelReport, state: ChannelState, secrets: string[]): void {
  const detail = redact(r.detail, secrets);
  const until = state.backoffUntil ? formatDateTime(new Date(state.backoffUntil)) : '';
  switch (r.kind) {
    case 'tokenInvalid':
      run.journal.error(CHANNEL_LOG.tokenInvalid(r.channel, detail));
      break;
    case 'rateLimited':
      run.journal.error(CHANNEL_LOG.rateLimited(r.channel, until), detail, '', 'INFO');
      break;
    case 'quotaExceeded':
      run.journal.error(CHANNEL_LOG.quotaExceeded(r.channel, until), detail, '', 'PERINGATAN');
      break;
    case 'quotaBudget':
      run.journal.error(CHANNEL_LOG.quotaBudget(detail), '', '', 'PERINGATAN');
      break;
    case 'failed':
      run.journal.error(CHANNEL_LOG.failed(r.channel, detail), '', '', 'PERINGATAN');
      break;
  }
}

function poll(): ChannelPollSummary {
  const first = ScriptState.load();
  const creds = readCredentials(first);
  const channels = CHANNEL_NAMES.filter((c) => creds[c]);
  // No channel connected: nothing can arrive and no reply can go out.
  if (!channels.length) return { channels, requests: 0, captured: 0, registered: 0, replies: 0 };
  const results = readChannels(creds, first, new Date());
  waitScriptLock('poll');
  // State is read again under the lock: numbering counters may have moved during the fetches.
  const run = startRun('Kanal', { state: ScriptState.load() });
  const inbox = InboxTable.read(run.ss);
  const secrets = secretsOf(creds);
  let captured = 0;
  if (inbox) {
    const fresh = newPosts(
      results.flatMap((r) => r.posts),
      inbox.keys(),
    );
    for (const p of fresh) inbox.append(inboxRowOf(p, run.config.complaintKeywords, run.now));
    captured = fresh.length;
  }
  for (const r of results) {
    run.state.set(stateKey(r.channel), JSON.stringify(r.state));
    if (r.credential) writeCredential(run.state, r.channel, r.credential);
    for (const rep of r.reports) logReport(run, rep, r.state, secrets);
  }
  let registered = 0;
  let replies = 0;
  if (inbox) {
    inbox.flush();
    registered = registerTriaged(run, inbox, null).length;
    replies = sendReplies(run, inbox).sent;
    inbox.flush();
  }
  finish(run);
  return { channels, requests: results.reduce((n, r) => n + r.requests, 0), captured, registered, replies };
}

export function channelPollJob(): ChannelPollSummary {
  return guard('Kanal', () => poll());
}
