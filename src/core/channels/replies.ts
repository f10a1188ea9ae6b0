/**
 * Replies to the original post (DESIGN §14, §10): which inbox rows get one now, the request per
 * platform, and the two-phase states. A row goes '' → Mengirim (written before the call) →
 * Terkirim (written right after); a row found still at Mengirim was interrupted mid-call, so its
 * outcome is unknown: it is marked Tidak pasti and reported, never sent again.
 * Endpoints: YouTube comments.insert (https://developers.google.com/youtube/v3/docs/comments/insert),
 * Instagram POST /{ig-comment-id}/replies (a tag: POST /{ig-user-id}/mentions with media_id), Facebook POST /{object-id}/comments
 * (https://developers.facebook.com/docs/graph-api/reference/object/comments), X POST /2/tweets
 * with reply.in_reply_to_tweet_id (https://docs.x.com/x-api/posts/create-post).
 */
import { REPLY_STATE, TRIAGE } from '../labels/channels';
import { normaliseText } from '../sanitize';
import type { InboxRow } from './inbox';
import type { HttpRequest } from './poll';
import { ChannelCredentials, ChannelName, CHANNEL_NAMES } from './post';

/** Replies per run: small batches keep the window between "mark" and "done" short. */
export const REPLY_BATCH = 10;

export interface ReplyPlan {
  send: number[];
  unknown: number[];
}

export function isTicked(v: unknown): boolean {
  return v === true || /^(true|ya|y|1)$/i.test(String(v ?? '').trim());
}

/**
 * Rows to reply to now: triaged as a complaint, answered (`Dijawab` with an answer), Kirim Balasan
 * ticked, replies on for the channel, not yet attempted; and rows interrupted mid-send.
 */
export function planReplies(
  rows: InboxRow[],
  answers: Map<string, { status: string; reply: string }>,
  replyChannels: string[],
  batch = REPLY_BATCH,
): ReplyPlan {
  const send: number[] = [];
  const unknown: number[] = [];
  rows.forEach((r, i) => {
    const state = normaliseText(r.replyState);
    if (state === REPLY_STATE.sending) {
      unknown.push(i);
      return;
    }
    if (state && state !== REPLY_STATE.off && state !== REPLY_STATE.notAnswered) return;
    if (normaliseText(r.triage) !== TRIAGE.complaint || !isTicked(r.sendReply)) return;
    const c = answers.get(normaliseText(r.number));
    if (!c || c.status !== 'Dijawab' || !c.reply) return;
    if (!replyChannels.includes(normaliseText(r.channel))) return;
    if (send.length < batch) send.push(i);
  });
  return { send, unknown };
}

export function isChannel(v: unknown): v is ChannelName {
  return (CHANNEL_NAMES as readonly string[]).includes(String(v));
}

/** The request that posts `text` as a reply to the post, or null when the platform cannot. */
export function replyRequest(
  channel: ChannelName,
  creds: ChannelCredentials,
  row: InboxRow,
  text: string,
): HttpRequest | null {
  const id = normaliseText(row.platformId);
  const body = text.slice(0, channel === 'Twitter/X' ? 280 : 2200);
  switch (channel) {
    case 'YouTube': {
      const c = creds.YouTube;
      if (!c?.oauthToken) return null;
      // Replies go to the thread's top-level comment (YouTube has one level of replies); a
      // top-level comment's parent is its video, named in its link (watch?v=<video>&lc=<id>).
      const parent = normaliseText(row.parent);
      const isTop = !parent || String(row.url).includes(`v=${encodeURIComponent(parent)}`);
      const parentId = isTop ? id : parent;
      return {
        url: 'https://www.googleapis.com/youtube/v3/comments?part=snippet',
        method: 'post',
        contentType: 'application/json',
        headers: { Authorization: `Bearer ${c.oauthToken}` },
        payload: JSON.stringify({ snippet: { parentId, textOriginal: body } }),
      };
    }
    case 'Instagram': {
      const c = creds.Instagram;
      if (!c) return null;
      if (!normaliseText(row.parent)) {
        // Someone else's media that tags the account: a comment on it through /{ig-user-id}/mentions
        // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions).
        return {
          url: `https://graph.instagram.com/v21.0/${encodeURIComponent(c.userId)}/mentions`,
          method: 'post',
          headers: { Authorization: `Bearer ${c.token}` },
          payload: `media_id=${encodeURIComponent(id)}&message=${encodeURIComponent(body)}`,
          contentType: 'application/x-www-form-urlencoded',
        };
      }
      return {
        url: `https://graph.instagram.com/v21.0/${encodeURIComponent(id)}/replies`,
        method: 'post',
        headers: { Authorization: `Bearer ${c.token}` },
        payload: `message=${encodeURIComponent(body)}`,
        contentType: 'application/x-www-form-urlencoded',
      };
    }
    case 'Facebook': {
      const c = creds.Facebook;
      if (!c) return null;
      return {
        url: `https://graph.facebook.com/v21.0/${encodeURIComponent(id)}/comments`,
        method: 'post',
        headers: { Authorization: `Bearer ${c.token}` },
        payload: `message=${encodeURIComponent(body)}`,
        contentType: 'application/x-www-form-urlencoded',
      };
    }
    case 'Twitter/X': {
      const c = creds['Twitter/X'];
      if (!c) return null;
      return {
        url: 'https://api.x.com/2/tweets',
        method: 'post',
        contentType: 'application/json',
        headers: { Authorization: `Bearer ${c.token}` },
        payload: JSON.stringify({ text: body, reply: { in_reply_to_tweet_id: id } }),
      };
    }
  }
}

/** The reply's id from the platform's answer ('' when absent). */
export function replyIdOf(channel: ChannelName, body: unknown): string {
  const b = (body ?? {}) as { id?: unknown; data?: { id?: unknown } };
  return String((channel === 'Twitter/X' ? b.data?.id : b.id) ?? '');
}

/** A link to the reply, as far as the platform gives one. */
export function replyUrlOf(channel: ChannelName, row: InboxRow, replyId: string): string {
  const url = normaliseText(row.url);
  switch (channel) {
    case 'YouTube':
      return url.includes('lc=') ? url.replace(/lc=[^&]*/, `lc=${encodeURIComponent(replyId)}`) : url;
    case 'Instagram':
      return url; // the API gives no permalink for a comment reply
    case 'Facebook':
      return `https://www.facebook.com/${encodeURIComponent(replyId)}`;
    case 'Twitter/X':
      return `https://x.com/i/web/status/${encodeURIComponent(replyId)}`;
  }
}
