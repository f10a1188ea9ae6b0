/**
 * Fake of the YouTube Data API v3 (www.googleapis.com/youtube/v3), as documented:
 * - commentThreads.list https://developers.google.com/youtube/v3/docs/commentThreads/list
 *   (`part`, `allThreadsRelatedToChannelId`, `order=time`, `maxResults` 1–100 default 20,
 *   `pageToken` / `nextPageToken`, `key`; cost 1 unit); resource shape
 *   https://developers.google.com/youtube/v3/docs/commentThreads#resource
 * - comments.insert https://developers.google.com/youtube/v3/docs/comments/insert
 *   (`part=snippet`, body `snippet.parentId` + `snippet.textOriginal`, OAuth only; 50 units)
 * - errors https://developers.google.com/youtube/v3/docs/errors: body
 *   `{error:{code,message,errors:[{message,domain,reason}]}}`; `quotaExceeded` (403) once the
 *   project's 10,000 units a day are spent (https://developers.google.com/youtube/v3/getting-started#quota,
 *   reset at midnight Pacific Time), `keyInvalid` (400) for a bad key, 401 for a bad OAuth token.
 * Threads are listed newest first by their latest activity; replies (posts whose parent is a
 * comment) are given inside their thread with part=replies.
 */
import type { FakeHost, FetchRequest } from '../../services/url-fetch';
import { FakePost, PlatformWorld, bodyOf, json, offsetOf, pageToken } from './world';

export const YOUTUBE_HOST = 'www.googleapis.com';
export const YOUTUBE_DAILY_UNITS = 10000;
export const YOUTUBE_UNITS = { 'commentThreads.list': 1, 'comments.insert': 50 } as const;

function ytError(code: number, reason: string, message: string, domain = 'youtube.commentThread') {
  return json(code, { error: { code, message, errors: [{ message, domain, reason }] } });
}

const htmlDisplay = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\n/g, '<br>');

/** The quota day: "resets at midnight Pacific Time" (taken as UTC−8 all year; daylight saving is not modelled). */
const quotaDay = (d: Date) => new Date(d.getTime() - 8 * 3600_000).toISOString().slice(0, 10);

export class YouTubeFake {
  private units = new Map<string, number>();

  constructor(private readonly world: PlatformWorld) {}

  get host(): FakeHost {
    return (r) => this.serve(r);
  }

  /** Units spent on the quota day of `at`. */
  unitsUsed(at: Date = this.world.now()): number {
    return this.units.get(quotaDay(at)) ?? 0;
  }

  private spend(cost: number): boolean {
    const day = quotaDay(this.world.now());
    const used = this.units.get(day) ?? 0;
    if (used + cost > YOUTUBE_DAILY_UNITS) return false;
    this.units.set(day, used + cost);
    return true;
  }

  private comment(p: FakePost, videoId: string, parentId?: string) {
    const published = p.at.toISOString().replace('.000Z', 'Z');
    return {
      kind: 'youtube#comment',
      etag: `e-${p.id}`,
      id: p.id,
      snippet: {
        channelId: this.world.accounts.YouTube?.channelId ?? '',
        videoId,
        textDisplay: htmlDisplay(p.text),
        textOriginal: p.text,
        ...(parentId ? { parentId } : {}),
        authorDisplayName: p.author,
        authorProfileImageUrl: '',
        authorChannelUrl: `http://www.youtube.com/${p.author}`,
        authorChannelId: { value: `UC-${p.author.replace(/\W/g, '')}` },
        canRate: true,
        viewerRating: 'none',
        likeCount: 0,
        publishedAt: published,
        updatedAt: published,
      },
    };
  }

  private serve(r: FetchRequest) {
    this.world.calls.YouTube++;
    const account = this.world.accounts.YouTube;
    if (r.path === '/youtube/v3/commentThreads' && r.method === 'get') return this.list(r, account);
    if (r.path === '/youtube/v3/comments' && r.method === 'post') return this.insert(r, account);
    return ytError(404, 'notFound', 'Not Found', 'global');
  }

  private list(r: FetchRequest, account: PlatformWorld['accounts']['YouTube']) {
    if (!account || r.query.key !== account.apiKey || this.world.fault('YouTube', 'tokenExpired')) {
      return ytError(400, 'keyInvalid', 'API key not valid. Please pass a valid API key.', 'usageLimits');
    }
    if (!this.spend(YOUTUBE_UNITS['commentThreads.list']))
      return ytError(
        403,
        'quotaExceeded',
        'The request cannot be completed because you have exceeded your quota.',
        'youtube.quota',
      );
    if (this.world.fault('YouTube', 'rateLimited'))
      return ytError(
        403,
        'rateLimitExceeded',
        'The request cannot be completed because you have exceeded your rate limit.',
        'youtube.quota',
      );
    if (r.query.allThreadsRelatedToChannelId !== account.channelId) {
      return ytError(
        404,
        'channelNotFound',
        'The channel identified by the allThreadsRelatedToChannelId parameter could not be found.',
      );
    }
    const max = r.query.maxResults === undefined ? 20 : Number(r.query.maxResults);
    if (!Number.isInteger(max) || max < 1 || max > 100)
      return ytError(400, 'invalidParameter', 'Invalid value for parameter maxResults', 'youtube.parameter');
    const offset = offsetOf(r.query.pageToken);
    if (offset === null)
      return ytError(400, 'invalidPageToken', 'The request specifies an invalid page token.', 'youtube.parameter');
    const parts = String(r.query.part ?? '').split(',');
    const posts = this.world.visible('YouTube');
    const ids = new Set(posts.map((p) => p.id));
    const rootOf = (p: FakePost): FakePost => {
      let at = p;
      while (at.parent && ids.has(at.parent)) at = posts.find((q) => q.id === at.parent)!;
      return at;
    };
    // Threads newest first by their latest activity (a new reply brings its thread up): the
    // reference says only "ordered by time"; this reading is the safer one for a poller.
    const latest = new Map<string, number>();
    for (const p of posts) {
      const root = rootOf(p).id;
      latest.set(root, Math.max(latest.get(root) ?? 0, p.at.getTime()));
    }
    const threads = posts
      .filter((p) => !p.parent || !ids.has(p.parent))
      .sort((a, b) => latest.get(b.id)! - latest.get(a.id)!);
    const page = threads.slice(offset, offset + max);
    const items = page.map((top) => {
      const videoId = top.parent ?? 'video-1';
      const replies = posts.filter((p) => p !== top && rootOf(p) === top).reverse();
      return {
        kind: 'youtube#commentThread',
        etag: `t-${top.id}`,
        id: top.id,
        snippet: {
          channelId: account.channelId,
          videoId,
          topLevelComment: this.comment(top, videoId),
          canReply: true,
          totalReplyCount: replies.length,
          isPublic: true,
        },
        ...(parts.includes('replies') && replies.length
          ? { replies: { comments: replies.map((p) => this.comment(p, videoId, top.id)) } }
          : {}),
      };
    });
    const next = offset + max < threads.length ? { nextPageToken: pageToken(offset + max) } : {};
    return json(200, {
      kind: 'youtube#commentThreadListResponse',
      etag: `l-${offset}`,
      ...next,
      pageInfo: { totalResults: page.length, resultsPerPage: max },
      items,
    });
  }

  private insert(r: FetchRequest, account: PlatformWorld['accounts']['YouTube']) {
    const bearer = /^Bearer (.+)$/.exec(r.headers.Authorization ?? r.headers.authorization ?? '')?.[1];
    if (
      !account ||
      !account.oauthToken ||
      bearer !== account.oauthToken ||
      this.world.fault('YouTube', 'tokenExpired')
    ) {
      return ytError(401, 'authError', 'Request had invalid authentication credentials.', 'global');
    }
    if (!this.spend(YOUTUBE_UNITS['comments.insert']))
      return ytError(
        403,
        'quotaExceeded',
        'The request cannot be completed because you have exceeded your quota.',
        'youtube.quota',
      );
    const body = bodyOf(r.payload, r.contentType) as { snippet?: { parentId?: string; textOriginal?: string } };
    const parentId = body.snippet?.parentId ?? '';
    const parent = this.world.find('YouTube', parentId);
    if (!parent)
      return ytError(
        404,
        'parentCommentNotFound',
        'The specified parent comment could not be found.',
        'youtube.comment',
      );
    const reply = this.world.reply('YouTube', parentId, String(body.snippet?.textOriginal ?? ''));
    return json(200, {
      kind: 'youtube#comment',
      etag: `e-${reply.id}`,
      id: reply.id,
      snippet: {
        parentId,
        textOriginal: reply.text,
        textDisplay: htmlDisplay(reply.text),
        authorDisplayName: account.channelId,
        publishedAt: reply.at.toISOString(),
      },
    });
  }
}
