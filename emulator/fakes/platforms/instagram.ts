/**
 * Fake of the Instagram API with Instagram Login (graph.instagram.com):
 * - GET /{ig-user-id}/media https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 * - GET /{ig-media-id}/comments https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments
 *   (top-level comments; `replies` as a field gives their replies)
 * - GET /{ig-user-id}/tags https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags
 * - POST /{ig-comment-id}/replies?message= https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies
 * - POST /{ig-user-id}/mentions?media_id=&message= (comment on media that tags the account)
 *   https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions
 * - GET /refresh_access_token?grant_type=ig_refresh_token https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
 *   (a long-lived token lasts 60 days; `{access_token, token_type, expires_in}`)
 * The media the public comments on are the Dinas's own (created on first use, an hour before
 * their first comment); a post without parent is someone else's media that tags the account.
 */
import type { FakeHost, FetchRequest } from '../../services/url-fetch';
import { EXPIRED, INVALID_TOKEN, THROTTLED, cursorPage, graphError, segments, tokenOf, topFields } from './graph';
import { FakePost, PlatformWorld, graphTime, json } from './world';

export const INSTAGRAM_HOST = 'graph.instagram.com';
export const LONG_LIVED_SECONDS = 60 * 24 * 3600;

export class InstagramFake {
  /** Tokens the platform accepts: the configured one and every refreshed one. */
  private readonly tokens = new Set<string>();
  private refreshed = 0;

  constructor(private readonly world: PlatformWorld) {
    if (world.accounts.Instagram) this.tokens.add(world.accounts.Instagram.token);
  }

  get host(): FakeHost {
    return (r) => this.serve(r);
  }

  private serve(r: FetchRequest) {
    this.world.calls.Instagram++;
    const account = this.world.accounts.Instagram;
    const token = tokenOf(r);
    if (!account || !this.tokens.has(token)) return INVALID_TOKEN();
    if (this.world.fault('Instagram', 'tokenExpired')) return EXPIRED();
    if (this.world.fault('Instagram', 'rateLimited')) return THROTTLED(4);
    const [first, edge] = segments(r.path);
    if (first === 'refresh_access_token' && r.method === 'get') {
      if (r.query.grant_type !== 'ig_refresh_token') return graphError(100, 'Invalid parameter');
      const fresh = `${account.token}.r${++this.refreshed}`;
      this.tokens.add(fresh);
      return json(200, { access_token: fresh, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS });
    }
    const posts = this.world.visible('Instagram');
    const ids = new Set(posts.map((p) => p.id));
    const media = this.media(posts, ids);
    const fields = topFields(r.query.fields);
    const pick = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => k === 'id' || fields.has(k)));
    const comment = (p: FakePost): Record<string, unknown> => {
      const replies = posts.filter((q) => q.parent === p.id).reverse();
      return pick({
        id: p.id,
        text: p.text,
        timestamp: graphTime(p.at),
        username: p.author,
        from: { id: `igsid-${p.author}`, username: p.author },
        like_count: 0,
        hidden: false,
        ...(p.parent && ids.has(p.parent) ? { parent_id: p.parent } : {}),
        replies: {
          data: replies.map((q) => ({
            id: q.id,
            text: q.text,
            timestamp: graphTime(q.at),
            username: q.author,
            ...(fields.has('replies') && /replies\{[^}]*\bfrom\b/.test(r.query.fields ?? '')
              ? { from: { id: `igsid-${q.author}`, username: q.author } }
              : {}),
          })),
        },
      });
    };
    const page = (items: Record<string, unknown>[]) => {
      const out = cursorPage(r, items);
      return out ? json(200, out) : graphError(100, 'Invalid cursor');
    };
    if (r.method === 'get' && first === account.userId && edge === 'media') {
      return page(
        media.map((m) =>
          pick({
            id: m.id,
            caption: '',
            media_type: 'IMAGE',
            timestamp: graphTime(m.at),
            permalink: `https://www.instagram.com/p/${m.id}/`,
            comments_count: m.count,
          }),
        ),
      );
    }
    // Comments under a post, replies included (comments_count "includes replies on comments").
    const under = (rootId: string) => {
      let n = 0;
      for (const p of posts) {
        let at = p;
        while (at.parent && ids.has(at.parent) && at.parent !== rootId) at = posts.find((q) => q.id === at.parent)!;
        if (at.parent === rootId) n++;
      }
      return n;
    };
    if (r.method === 'get' && first === account.userId && edge === 'tags') {
      return page(
        posts
          .filter((p) => !p.parent)
          .map((p) =>
            pick({
              id: p.id,
              caption: p.text,
              media_type: 'IMAGE',
              timestamp: graphTime(p.at),
              permalink: p.url,
              username: p.author,
              comments_count: under(p.id),
            }),
          ),
      );
    }
    // The comments of a media that tags the account are listed like those of its own media.
    const isTag = posts.some((p) => p.id === first && !p.parent);
    if (r.method === 'get' && edge === 'comments' && (media.some((m) => m.id === first) || isTag)) {
      return page(posts.filter((p) => p.parent === first).map(comment));
    }
    if (r.method === 'get' && edge === 'replies' && ids.has(first)) {
      return page(
        posts
          .filter((p) => p.parent === first)
          .reverse()
          .map(comment),
      );
    }
    if (r.method === 'post' && first === account.userId && edge === 'mentions') {
      // A comment on media that tags the account (IG User › Mentions reference).
      const form = new URLSearchParams(r.payload);
      const mediaId = r.query.media_id ?? form.get('media_id') ?? '';
      const message = r.query.message ?? form.get('message') ?? '';
      if (!posts.some((p) => p.id === mediaId && !p.parent)) return graphError(100, 'Invalid parameter: media_id');
      if (!message) return graphError(100, '(#100) The parameter message is required');
      return json(200, { id: this.world.reply('Instagram', mediaId, message).id });
    }
    if (r.method === 'post' && edge === 'replies') {
      // Any captured comment (top-level or a reply: a reply is itself an IG Comment) can be replied to.
      const target = posts.find((p) => p.id === first && p.parent);
      if (!target) return graphError(100, 'Unsupported post request. Object does not exist or cannot be loaded', 33);
      const message = r.query.message ?? new URLSearchParams(r.payload).get('message') ?? '';
      if (!message) return graphError(100, '(#100) The parameter message is required');
      return json(200, { id: this.world.reply('Instagram', first, message).id });
    }
    return graphError(100, 'Unsupported get request. Object does not exist or cannot be loaded', 33);
  }

  /** The account's own media (those commented on), newest first, each with its comment count. */
  private media(posts: FakePost[], ids: Set<string>): { id: string; at: Date; count: number }[] {
    const byId = new Map<string, { id: string; at: Date; count: number }>();
    for (const p of this.world.posts) {
      if (
        p.channel !== 'Instagram' ||
        !p.parent ||
        this.world.posts.some((q) => q.channel === 'Instagram' && q.id === p.parent)
      )
        continue;
      const first = byId.get(p.parent);
      const at = new Date(p.at.getTime() - 3600_000);
      if (!first) byId.set(p.parent, { id: p.parent, at, count: 0 });
      else if (at < first.at) first.at = at;
    }
    const t = this.world.now().getTime();
    // comments_count "includes replies on comments" (IG Media reference).
    const rootOf = (p: FakePost): string => {
      let at = p;
      while (at.parent && ids.has(at.parent)) at = posts.find((q) => q.id === at.parent)!;
      return at.parent ?? '';
    };
    for (const m of byId.values()) m.count = posts.filter((p) => rootOf(p) === m.id).length;
    return [...byId.values()].filter((m) => m.at.getTime() <= t).sort((a, b) => b.at.getTime() - a.at.getTime());
  }
}
