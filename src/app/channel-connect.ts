/**
 * Pengaduan › Hubungkan kanal (issue 15): the operator enters a channel's credential in two
 * prompts; it is tested with one call and kept only in Script Properties (never in a sheet,
 * a log or `Riwayat`, which records only that the channel was connected). A blank answer turns
 * the channel off.
 */
import { ChannelPoll } from '../core/channels/poll';
import { emptyState } from '../core/channels/poll-state';
import { CHANNEL_NAMES, CREDENTIAL_FIELDS, ChannelName, parseCredential, stateKey } from '../core/channels/post';
import { classify, redact } from '../core/channels/responses';
import { CHANNEL_MENU, CHANNEL_TEXT } from '../core/labels/channels';
import { fetchRound, writeCredential } from '../gas/channel-fetch';
import { ScriptState } from '../gas/state';
import { promptText, showAlert } from '../gas/ui';
import { activeUserEmail } from '../gas/session';
import { operatorOnly } from './access';
import { finish, guard, startRun } from './run';

export function channelOf(text: string): ChannelName | null {
  const t = text.trim().toLowerCase();
  if (t === 'x' || t === 'twitter' || t === 'twitter/x') return 'Twitter/X';
  return CHANNEL_NAMES.find((c) => c.toLowerCase() === t) ?? null;
}

/** One cheap read that proves the credential works ('' when it does, else why not). */
export function testCredential(
  channel: ChannelName,
  cred: NonNullable<ReturnType<typeof parseCredential>>,
  now: Date,
): string {
  const [task] = new ChannelPoll(channel, cred as never, emptyState(), now, false)
    .start()
    .filter((t) => t.kind !== 'ig.refresh');
  const [reply] = fetchRound([task.request]);
  const outcome = classify(channel, reply, now);
  const secrets = Object.values(cred as unknown as Record<string, string>);
  return outcome.kind === 'ok'
    ? ''
    : outcome.kind === 'tokenInvalid'
      ? 'token/kunci ditolak'
      : redact(outcome.detail, secrets);
}

export function menuConnectChannel(): void {
  if (!operatorOnly(CHANNEL_MENU.connect)) return;
  guard('Menu', () => {
    const picked = promptText(CHANNEL_MENU.connect, `Kanal: ${CHANNEL_NAMES.join(', ')}`);
    if (picked === null) return;
    const channel = channelOf(picked);
    if (!channel) {
      showAlert(CHANNEL_MENU.connect, `Kanal "${picked}" tidak dikenal. Pilih: ${CHANNEL_NAMES.join(', ')}.`);
      return;
    }
    const fields =
      channel === 'YouTube'
        ? [...CREDENTIAL_FIELDS.YouTube, 'oauthToken (opsional, untuk balasan)']
        : CREDENTIAL_FIELDS[channel];
    const answer = promptText(CHANNEL_MENU.connect, CHANNEL_TEXT.connectIntro(channel, fields));
    if (answer === null) return;
    const parts = answer.split(/\s*[|\n]\s*/).map((p) => p.trim());
    const state = ScriptState.load();
    const run = startRun('Hubungkan kanal', { state, user: activeUserEmail() });
    if (parts.every((p) => p === '')) {
      writeCredential(state, channel, null);
      run.journal.record('', CHANNEL_MENU.connect, channel, '', CHANNEL_TEXT.removed(channel));
      finish(run);
      showAlert(CHANNEL_MENU.connect, CHANNEL_TEXT.removed(channel));
      return;
    }
    const names = [...CREDENTIAL_FIELDS[channel], ...(channel === 'YouTube' ? ['oauthToken'] : [])];
    const cred = parseCredential(channel, Object.fromEntries(names.map((n, i) => [n, parts[i] ?? ''])));
    if (!cred) {
      showAlert(CHANNEL_MENU.connect, CHANNEL_TEXT.incomplete(channel));
      return;
    }
    const problem = testCredential(channel, cred, run.now);
    writeCredential(state, channel, cred);
    state.set(stateKey(channel), ''); // a new account starts with fresh cursors
    run.journal.record('', CHANNEL_MENU.connect, channel, '', CHANNEL_TEXT.tested(channel, !problem, problem));
    finish(run);
    showAlert(CHANNEL_MENU.connect, CHANNEL_TEXT.tested(channel, !problem, problem));
  });
}
