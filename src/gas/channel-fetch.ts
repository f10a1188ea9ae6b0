/**
 * UrlFetchApp for the channel platforms (issue 15): one round of requests in one fetchAll (the
 * requests run in parallel on Google), never throwing for an HTTP error (muteHttpExceptions),
 * and credentials in Script Properties. A failure of the call itself (DNS, quota, timeout)
 * becomes code 0 with the message, so one bad platform never stops the others.
 */
import { ChannelCredentials, ChannelName, CHANNEL_NAMES, credentialKey, parseCredential } from '../core/channels/post';
import type { HttpRequest } from '../core/channels/poll';
import type { HttpReply } from '../core/channels/responses';
import type { ScriptState } from './state';

export function fetchRound(requests: HttpRequest[]): HttpReply[] {
  if (!requests.length) return [];
  const asParams = requests.map((r) => ({
    url: r.url,
    method: r.method,
    muteHttpExceptions: true,
    ...(r.headers ? { headers: r.headers } : {}),
    ...(r.payload !== undefined ? { payload: r.payload } : {}),
    ...(r.contentType ? { contentType: r.contentType } : {}),
  })) as GoogleAppsScript.URL_Fetch.URLFetchRequest[];
  try {
    const answers =
      requests.length === 1 ? [UrlFetchApp.fetch(asParams[0].url, asParams[0])] : UrlFetchApp.fetchAll(asParams);
    return answers.map((a) => ({
      code: a.getResponseCode(),
      text: a.getContentText(),
      headers: a.getHeaders() as Record<string, string>,
    }));
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    return requests.map(() => ({ code: 0, text: JSON.stringify({ error: { message } }), headers: {} }));
  }
}

/** The configured channels' credentials (a channel without one is off). */
export function readCredentials(state: ScriptState): ChannelCredentials {
  const out: ChannelCredentials = {};
  for (const channel of CHANNEL_NAMES) {
    const raw = state.get(credentialKey(channel));
    if (!raw) continue;
    try {
      const cred = parseCredential(channel, JSON.parse(raw));
      if (cred) (out as Record<string, unknown>)[channel] = cred;
    } catch {
      // unreadable: the channel is off until the operator enters it again
    }
  }
  return out;
}

export function writeCredential(
  state: ScriptState,
  channel: ChannelName,
  cred: ChannelCredentials[ChannelName] | null,
): void {
  state.set(credentialKey(channel), cred ? JSON.stringify(cred) : '');
}

/** Every secret of the configured channels (to redact them from anything logged). */
export function secretsOf(creds: ChannelCredentials): string[] {
  return Object.values(creds).flatMap((c) =>
    Object.entries(c as Record<string, string>)
      .filter(([k]) => /token|key/i.test(k))
      .map(([, v]) => v),
  );
}
