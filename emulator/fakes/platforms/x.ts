/**
 * Fake of the X API v2 (api.x.com, also api.twitter.com):
 * - GET /2/users/:id/mentions https://docs.x.com/x-api/posts/get-mentions (newest first;
 *   `since_id`, `max_results` 5–100 default 10, `pagination_token`; `meta.result_count`,
 *   `newest_id`, `oldest_id`, `next_token`; `expansions=author_id` → `includes.users`)
 * - POST /2/tweets https://docs.x.com/x-api/posts/create-post (JSON `{text, reply:
 *   {in_reply_to_tweet_id}}` → 201 `{data:{id,text,edit_history_tweet_ids}}`)
 * - 429 with `x-rate-limit-limit/remaining/reset` (reset in epoch seconds),
 *   https://docs.x.com/x-api/fundamentals/rate-limits; 401 problem body for a bad token,
 *   https://docs.x.com/x-api/fundamentals/response-codes-and-errors
 */
import type { FakeHost, FetchRequest } from '../../services/url-fetch';
import { PlatformWorld, bodyOf, json } from './world';

export const X_HOSTS = ['api.x.com', 'api.twitter.com'];

const problem = (status: number, title: string, headers: Record<string, string> = {}) =>
  json(status, { title, detail: title, type: 'about:blank', status }, headers);

export class XFake {
  constructor(private readonly world: PlatformWorld) {}

  get host(): FakeHost {
    return (r) => this.serve(r);
  }

  private serve(r: FetchRequest) {
    this.world.calls['Twitter/X']++;
    const account = this.world.accounts['Twitter/X'];
    const bearer = /^Bearer (.+)$/.exec(r.headers.Authorization ?? r.headers.authorization ?? '')?.[1];
    if (!account || bearer !== account.token || this.world.fault('Twitter/X', 'tokenExpired'))
      return problem(401, 'Unauthorized');
    const limited = this.world.fault('Twitter/X', 'rateLimited');
    if (limited) {
      return problem(429, 'Too Many Requests', {
        'x-rate-limit-limit': '300',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(Math.ceil(limited.until.getTime() / 1000)),
      });
    }
    const posts = this.world.visible('Twitter/X');
    if (r.method === 'get' && r.path === `/2/users/${account.userId}/mentions`) {
      const max = r.query.max_results === undefined ? 10 : Number(r.query.max_results);
      if (!Number.isInteger(max) || max < 5 || max > 100)
        return json(400, {
          errors: [
            {
              parameters: { max_results: [String(r.query.max_results)] },
              message: 'The `max_results` query parameter value is not between 5 and 100',
            },
          ],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        });
      let list = posts;
      if (r.query.since_id) {
        const at = list.findIndex((p) => p.id === r.query.since_id);
        if (at >= 0) list = list.slice(0, at);
      }
      const offset = r.query.pagination_token
        ? Number(Buffer.from(r.query.pagination_token, 'base64url').toString())
        : 0;
      const page = list.slice(offset, offset + max);
      if (!page.length) return json(200, { meta: { result_count: 0 } });
      const fields = String(r.query['tweet.fields'] ?? '').split(',');
      const data = page.map((p) => ({
        id: p.id,
        text: p.text,
        edit_history_tweet_ids: [p.id],
        ...(fields.includes('created_at') ? { created_at: p.at.toISOString() } : {}),
        ...(fields.includes('author_id') || String(r.query.expansions ?? '').includes('author_id')
          ? { author_id: `u-${p.author}` }
          : {}),
        ...(fields.includes('conversation_id') ? { conversation_id: p.parent ?? p.id } : {}),
        ...(fields.includes('referenced_tweets') && p.parent
          ? { referenced_tweets: [{ type: 'replied_to', id: p.parent }] }
          : {}),
      }));
      const includes = String(r.query.expansions ?? '').includes('author_id')
        ? {
            includes: {
              users: [
                ...new Map(
                  page.map((p) => [
                    p.author,
                    { id: `u-${p.author}`, name: p.author, username: p.author.replace(/^@/, '') },
                  ]),
                ).values(),
              ],
            },
          }
        : {};
      const meta: Record<string, unknown> = {
        result_count: page.length,
        newest_id: page[0].id,
        oldest_id: page[page.length - 1].id,
      };
      if (offset + max < list.length) meta.next_token = Buffer.from(String(offset + max)).toString('base64url');
      return json(200, { data, ...includes, meta });
    }
    if (r.method === 'post' && r.path === '/2/tweets') {
      const body = bodyOf(r.payload, r.contentType) as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
      const parentId = body.reply?.in_reply_to_tweet_id;
      if (!body.text) return problem(400, 'Invalid Request');
      if (!parentId || !posts.some((p) => p.id === parentId)) return problem(400, 'Invalid Request');
      const reply = this.world.reply('Twitter/X', parentId, body.text);
      return json(201, { data: { id: reply.id, text: reply.text, edit_history_tweet_ids: [reply.id] } });
    }
    return problem(404, 'Not Found Error');
  }
}
