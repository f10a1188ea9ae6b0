/**
 * Each platform's documented response, parsed into ChannelPosts (pure; the shapes are those of
 * the reference pages cited in emulator/fakes/platforms). Unknown or missing fields give empty
 * strings, never an exception: a platform adding a field must not stop capture.
 */
import { ChannelPost } from './post';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Graph's "+0000" offsets and X's/YouTube's ISO times; null when unreadable. */
export function parseTime(value: unknown): Date | null {
  const s = str(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

/** YouTube's textDisplay is HTML: line breaks as <br>, links as <a>, entities escaped. */
export function plainFromHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function post(p: Omit<ChannelPost, 'postedAt'> & { postedAt: unknown }): ChannelPost | null {
  const postedAt = parseTime(p.postedAt);
  if (!p.platformId || !postedAt) return null;
  return { ...p, postedAt };
}

const present = (p: ChannelPost | null): p is ChannelPost => p !== null;

export interface Page {
  posts: ChannelPost[];
  next: string;
}

/** commentThreads.list: every top-level comment and the replies given with it (not the channel's own). */
export function parseYouTubeThreads(body: unknown, ownChannelId = ''): Page {
  const b = obj(body);
  const posts: (ChannelPost | null)[] = [];
  const comment = (c: unknown, videoId: string, parent: string) => {
    const s = obj(obj(c).snippet);
    const id = str(obj(c).id);
    const text = s.textOriginal !== undefined ? str(s.textOriginal) : plainFromHtml(str(s.textDisplay));
    if (ownChannelId && str(obj(s.authorChannelId).value) === ownChannelId) return null; // the Dinas's own reply
    return post({
      channel: 'YouTube',
      platformId: id,
      author: str(s.authorDisplayName),
      text,
      url: `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(id)}`,
      postedAt: s.publishedAt,
      parent,
    });
  };
  for (const t of arr(b.items)) {
    const s = obj(obj(t).snippet);
    const videoId = str(s.videoId);
    const top = comment(s.topLevelComment, videoId, videoId);
    posts.push(top);
    for (const r of arr(obj(obj(t).replies).comments))
      posts.push(comment(r, videoId, str(obj(obj(r).snippet).parentId) || (top?.platformId ?? '')));
  }
  return { posts: posts.filter(present), next: str(b.nextPageToken) };
}

export interface IgMedia {
  id: string;
  postedAt: Date | null;
  commentsCount: number;
  permalink: string;
}

export function parseInstagramMedia(body: unknown): { media: IgMedia[]; next: string } {
  const b = obj(body);
  const media = arr(b.data)
    .map((m) => {
      const o = obj(m);
      return {
        id: str(o.id),
        postedAt: parseTime(o.timestamp),
        commentsCount: Number(o.comments_count ?? 0) || 0,
        permalink: str(o.permalink),
      };
    })
    .filter((m) => m.id);
  return { media, next: str(obj(b.paging).next) };
}

/** /{media-id}/comments with `replies{…}`: comments on the media and their replies (not the account's own). */
export function parseInstagramComments(body: unknown, media: { id: string; permalink: string }, ownUserId = ''): Page {
  const b = obj(body);
  const posts: (ChannelPost | null)[] = [];
  for (const c of arr(b.data)) {
    const o = obj(c);
    const id = str(o.id);
    if (!(ownUserId && str(obj(o.from).id) === ownUserId))
      posts.push(
        post({
          channel: 'Instagram',
          platformId: id,
          author: str(o.username) || str(obj(o.from).username),
          text: str(o.text),
          url: media.permalink,
          postedAt: o.timestamp,
          parent: str(o.parent_id) || media.id,
        }),
      );
    for (const r of arr(obj(o.replies).data)) {
      const ro = obj(r);
      if (ownUserId && str(obj(ro.from).id) === ownUserId) continue;
      posts.push(
        post({
          channel: 'Instagram',
          platformId: str(ro.id),
          author: str(ro.username),
          text: str(ro.text),
          url: media.permalink,
          postedAt: ro.timestamp,
          parent: id,
        }),
      );
    }
  }
  return { posts: posts.filter(present), next: str(obj(b.paging).next) };
}

/** /{ig-user-id}/tags: media by others that tag the account. */
export function parseInstagramTags(body: unknown): Page {
  const b = obj(body);
  const posts = arr(b.data).map((m) => {
    const o = obj(m);
    return post({
      channel: 'Instagram',
      platformId: str(o.id),
      author: str(o.username),
      text: str(o.caption),
      url: str(o.permalink),
      postedAt: o.timestamp,
      parent: '',
    });
  });
  return { posts: posts.filter(present), next: str(obj(b.paging).next) };
}

/** /{page-id}/feed with comments: visitors' posts and every comment (not the Page's own posts). */
export function parseFacebookFeed(body: unknown, pageId: string): Page {
  const b = obj(body);
  const posts: (ChannelPost | null)[] = [];
  for (const p of arr(b.data)) {
    const o = obj(p);
    const id = str(o.id);
    const fromPage = str(obj(o.from).id) === pageId;
    if (!fromPage)
      posts.push(
        post({
          channel: 'Facebook',
          platformId: id,
          author: str(obj(o.from).name),
          text: str(o.message),
          url: str(o.permalink_url),
          postedAt: o.created_time,
          parent: '',
        }),
      );
    for (const c of arr(obj(o.comments).data)) {
      const co = obj(c);
      if (str(obj(co.from).id) === pageId) continue; // the Page's own replies
      posts.push(
        post({
          channel: 'Facebook',
          platformId: str(co.id),
          author: str(obj(co.from).name),
          text: str(co.message),
          url: str(co.permalink_url) || str(o.permalink_url),
          postedAt: co.created_time,
          parent: str(obj(co.parent).id) || id,
        }),
      );
    }
  }
  return { posts: posts.filter(present), next: str(obj(b.paging).next) };
}

/** GET /2/users/:id/mentions with expansions=author_id (the account's own posts left out). */
export function parseXMentions(body: unknown, ownUserId = ''): Page & { newestId: string } {
  const b = obj(body);
  const users = new Map(arr(obj(b.includes).users).map((u) => [str(obj(u).id), str(obj(u).username)]));
  const posts = arr(b.data)
    .filter((t) => !(ownUserId && str(obj(t).author_id) === ownUserId))
    .map((t) => {
      const o = obj(t);
      const username = users.get(str(o.author_id)) ?? '';
      const id = str(o.id);
      const parent = arr(o.referenced_tweets)
        .map(obj)
        .find((r) => r.type === 'replied_to');
      return post({
        channel: 'Twitter/X',
        platformId: id,
        author: username ? `@${username}` : str(o.author_id),
        text: str(o.text),
        url: `https://x.com/${username || 'i/web'}/status/${id}`,
        postedAt: o.created_at,
        parent: parent ? str(parent.id) : '',
      });
    });
  const meta = obj(b.meta);
  return { posts: posts.filter(present), next: str(meta.next_token), newestId: str(meta.newest_id) };
}
