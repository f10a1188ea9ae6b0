/**
 * Fake of the Facebook Graph API for a Page (graph.facebook.com):
 * - GET /{page-id}/feed https://developers.facebook.com/docs/graph-api/reference/page/feed
 *   (the Page's posts and visitors' posts, newest first; `fields=…,comments{…}` nests each
 *   post's comments, https://developers.facebook.com/docs/graph-api/reference/object/comments,
 *   here all of them in `filter=stream` form: replies carry `parent`)
 * - POST /{object-id}/comments?message= (a Page token comments as the Page; returns `{id}`)
 * The posts the public comments on are the Page's own (created on first use, an hour before
 * their first comment); a post without parent is a visitor post on the Page.
 */
import type { FakeHost, FetchRequest } from '../../services/url-fetch';
import { EXPIRED, INVALID_TOKEN, THROTTLED, cursorPage, graphError, segments, tokenOf, topFields } from './graph';
import { FakePost, PlatformWorld, graphTime, json } from './world';

export const FACEBOOK_HOST = 'graph.facebook.com';

export class FacebookFake {
  constructor(private readonly world: PlatformWorld) {}

  get host(): FakeHost {
    return (r) => this.serve(r);
  }

  private serve(r: FetchRequest) {
    this.world.calls.Facebook++;
    const account = this.world.accounts.Facebook;
    if (!account || tokenOf(r) !== account.token) return INVALID_TOKEN();
    if (this.world.fault('Facebook', 'tokenExpired')) return EXPIRED();
    if (this.world.fault('Facebook', 'rateLimited')) return THROTTLED(32);
    const [first, edge] = segments(r.path);
    const posts = this.world.visible('Facebook');
    const ids = new Set(posts.map((p) => p.id));
    const rootOf = (p: FakePost): string => {
      let at = p;
      while (at.parent && ids.has(at.parent)) at = posts.find((q) => q.id === at.parent)!;
      return at.parent ?? at.id;
    };
    const comment = (p: FakePost) => ({
      id: p.id,
      message: p.text,
      created_time: graphTime(p.at),
      from: { name: p.author, id: `fbid-${p.author}` },
      permalink_url: p.url,
      ...(p.parent && ids.has(p.parent) ? { parent: { id: p.parent } } : {}),
    });
    if (r.method === 'get' && first === account.pageId && edge === 'feed') {
      const fields = topFields(r.query.fields);
      const pagePosts = new Map<string, Date>();
      for (const p of this.world.posts) {
        if (
          p.channel !== 'Facebook' ||
          !p.parent ||
          this.world.posts.some((q) => q.channel === 'Facebook' && q.id === p.parent)
        )
          continue;
        const at = new Date(p.at.getTime() - 3600_000);
        const had = pagePosts.get(p.parent);
        if (!had || at < had) pagePosts.set(p.parent, at);
      }
      const now = this.world.now().getTime();
      const feed = [
        ...[...pagePosts]
          .filter(([, at]) => at.getTime() <= now)
          .map(([id, at]) => ({
            id,
            message: '',
            created_time: graphTime(at),
            from: { name: 'Page', id: account.pageId },
            permalink_url: `https://www.facebook.com/${id}`,
            at,
          })),
        ...posts.filter((p) => !p.parent).map((p) => ({ ...comment(p), at: p.at })),
      ].sort((a, b) => b.at.getTime() - a.at.getTime());
      const items = feed.map(({ at: _at, ...item }) => {
        const out: Record<string, unknown> = Object.fromEntries(
          Object.entries(item).filter(([k]) => k === 'id' || fields.has(k)),
        );
        if (fields.has('comments')) {
          const comments = posts
            .filter((p) => (p.parent && ids.has(p.parent) ? rootOf(p) === item.id : p.parent === item.id))
            .reverse()
            .map(comment);
          out.comments = { data: comments, ...(comments.length ? {} : {}) };
        }
        return out;
      });
      const page = cursorPage(r, items);
      return page ? json(200, page) : graphError(100, 'Invalid cursor');
    }
    if (r.method === 'post' && edge === 'comments') {
      const known = ids.has(first) || posts.some((p) => p.parent === first);
      if (!known) return graphError(100, 'Unsupported post request. Object does not exist or cannot be loaded', 33);
      const message = r.query.message ?? new URLSearchParams(r.payload).get('message') ?? '';
      if (!message) return graphError(100, '(#100) The parameter message is required');
      const reply = this.world.reply('Facebook', first, message);
      return json(200, { id: reply.id });
    }
    return graphError(100, 'Unsupported get request. Object does not exist or cannot be loaded', 33);
  }
}
