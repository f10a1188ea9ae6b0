/**
 * One poll of one channel as a pure step machine: `start` gives the first requests, `handle`
 * takes each answer and gives the follow-up requests (next pages, comments of changed media),
 * `finish` gives the posts read, the new state and what to report. The use case runs every
 * channel's requests of a round together (UrlFetchApp.fetchAll) until no request is left.
 *
 * Cursors move only when the whole chain of pages succeeded, so a failed or killed poll is
 * re-read by the next one (dedup makes that harmless); the daily wide poll re-reads a week
 * (YouTube), the 50 latest media (Instagram) and up to 200 latest feed posts (Facebook; 25 otherwise). X is never
 * re-read wide: its since_id cursor cannot skip, and X charges every post read.
 */
import { ChannelPost, ChannelCredentials, ChannelName } from './post';
import {
  parseFacebookFeed,
  parseInstagramComments,
  parseInstagramMedia,
  parseInstagramTags,
  parseXMentions,
  parseYouTubeThreads,
} from './parse';
import { ChannelState, YOUTUBE_COST, afterFailure, afterSuccess, refreshDue, spendUnits } from './poll-state';
import { HttpReply, Outcome, classify } from './responses';

export interface HttpRequest {
  url: string;
  method: 'get' | 'post';
  headers?: Record<string, string>;
  contentType?: string;
  payload?: string;
}

export interface PollTask {
  channel: ChannelName;
  kind: 'yt.threads' | 'ig.media' | 'ig.tags' | 'ig.comments' | 'ig.refresh' | 'fb.feed' | 'x.mentions';
  request: HttpRequest;
  page: number;
  media?: { id: string; permalink: string };
}

export interface ChannelReport {
  channel: ChannelName;
  kind: 'tokenInvalid' | 'rateLimited' | 'quotaExceeded' | 'failed' | 'quotaBudget';
  detail: string;
}

export interface PollResult {
  posts: ChannelPost[];
  state: ChannelState;
  reports: ChannelReport[];
  /** A refreshed credential to store (Instagram's weekly token refresh). */
  credential: ChannelCredentials[ChannelName] | null;
  requests: number;
}

export const WIDE_WINDOW_MS = 7 * 24 * 3600_000;
const OVERLAP_MS = 3600_000;
const GRAPH_VERSION = 'v21.0';
const HOSTS = {
  YouTube: 'https://www.googleapis.com/',
  Instagram: 'https://graph.instagram.com/',
  Facebook: 'https://graph.facebook.com/',
  'Twitter/X': 'https://api.x.com/',
};
const CAPS = {
  ytPages: 5,
  ytWidePages: 20,
  igMedia: 25,
  igWideMedia: 50,
  igPages: 3,
  fbLimit: 25,
  fbWideLimit: 50,
  fbWidePages: 4,
  xPages: 10,
};

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const q = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

export class ChannelPoll {
  private readonly posts: ChannelPost[] = [];
  private readonly reports: ChannelReport[] = [];
  private failed = false;
  private credential: ChannelCredentials[ChannelName] | null = null;
  private requests = 0;
  private readonly boundaryMs: number;
  private newestMs: number;
  private xNewest = '';
  private mediaCounts: Record<string, number> | null = null;

  constructor(
    readonly channel: ChannelName,
    private readonly cred: NonNullable<ChannelCredentials[ChannelName]>,
    private state: ChannelState,
    private readonly now: Date,
    readonly wide: boolean,
  ) {
    const newest = state.newestAt ? Date.parse(state.newestAt) : NaN;
    // Page back to an hour before the newest comment read or the last good poll, whichever is
    // later: a quiet channel after a burst costs one page (1 unit) a poll, not the whole burst.
    const last = Math.max(
      Number.isFinite(newest) ? newest : -Infinity,
      state.lastPollAt ? Date.parse(state.lastPollAt) : -Infinity,
    );
    this.boundaryMs = wide || !Number.isFinite(last) ? now.getTime() - WIDE_WINDOW_MS : last - OVERLAP_MS;
    this.newestMs = Number.isFinite(newest) ? newest : 0;
  }

  start(): PollTask[] {
    const c = this.cred as Record<string, string>;
    switch (this.channel) {
      case 'YouTube':
        return this.youtubePage('');
      case 'Instagram': {
        const tasks: PollTask[] = [];
        if (!this.state.tokenRefreshedAt) this.state = { ...this.state, tokenRefreshedAt: this.now.toISOString() };
        if (refreshDue('Instagram', this.state, this.now)) {
          // The refresh endpoint takes the token in the query (documented); the URL is never logged.
          tasks.push(
            this.task(
              'ig.refresh',
              `${HOSTS.Instagram}refresh_access_token?${q({ grant_type: 'ig_refresh_token', access_token: c.token })}`,
              0,
            ),
          );
        }
        tasks.push(
          this.task(
            'ig.media',
            `${HOSTS.Instagram}${GRAPH_VERSION}/${c.userId}/media?${q({ fields: 'id,timestamp,permalink,comments_count', limit: this.wide ? CAPS.igWideMedia : CAPS.igMedia })}`,
            0,
            bearer(c.token),
          ),
        );
        tasks.push(
          this.task(
            'ig.tags',
            `${HOSTS.Instagram}${GRAPH_VERSION}/${c.userId}/tags?${q({ fields: 'id,caption,timestamp,permalink,username,comments_count', limit: 50 })}`,
            0,
            bearer(c.token),
          ),
        );
        return tasks;
      }
      case 'Facebook':
        return [
          this.task(
            'fb.feed',
            `${HOSTS.Facebook}${GRAPH_VERSION}/${c.pageId}/feed?${q({
              fields:
                'id,message,created_time,from,permalink_url,comments.limit(100){id,message,created_time,from,permalink_url,parent}',
              limit: this.wide ? CAPS.fbWideLimit : CAPS.fbLimit,
            })}`,
            0,
            bearer(c.token),
          ),
        ];
      case 'Twitter/X':
        return [this.xPage('')];
    }
  }

  handle(task: PollTask, reply: HttpReply): PollTask[] {
    this.requests++;
    const outcome = classify(this.channel, reply, this.now);
    if (outcome.kind !== 'ok') {
      this.fail(outcome);
      return [];
    }
    const c = this.cred as Record<string, string>;
    switch (task.kind) {
      case 'yt.threads': {
        const page = parseYouTubeThreads(outcome.body, c.channelId);
        this.collect(page.posts);
        // A thread's time is its latest activity (its newest reply), whichever way the API orders them.
        const ids = new Set(page.posts.map((p) => p.platformId));
        const activity = new Map<string, number>();
        for (const p of page.posts) {
          const top = ids.has(p.parent) ? p.parent : p.platformId;
          activity.set(top, Math.max(activity.get(top) ?? 0, p.postedAt.getTime()));
        }
        for (const t of activity.values()) this.newestMs = Math.max(this.newestMs, t);
        const reachedOld = [...activity.values()].some((t) => t < this.boundaryMs);
        const cap = this.wide ? CAPS.ytWidePages : CAPS.ytPages;
        return page.next && !reachedOld && task.page + 1 < cap ? this.youtubePage(page.next, task.page + 1) : [];
      }
      case 'ig.refresh': {
        const token = String((outcome.body as { access_token?: string }).access_token ?? '');
        if (token) {
          this.credential = { ...(this.cred as { userId: string; token: string }), token };
          this.state = { ...this.state, tokenRefreshedAt: this.now.toISOString() };
        }
        return [];
      }
      case 'ig.media': {
        const { media } = parseInstagramMedia(outcome.body);
        const counts: Record<string, number> = {};
        const tasks: PollTask[] = [];
        for (const m of media) {
          counts[m.id] = m.commentsCount;
          const changed = this.wide ? m.commentsCount > 0 : m.commentsCount !== (this.state.mediaCounts[m.id] ?? 0);
          if (changed) tasks.push(this.igComments(m, c.token));
        }
        this.mediaCounts = { ...(this.mediaCounts ?? {}), ...counts };
        return tasks;
      }
      case 'ig.comments': {
        const page = parseInstagramComments(outcome.body, task.media!, c.userId);
        this.collect(page.posts);
        return page.next && task.page + 1 < CAPS.igPages ? this.follow(task, page.next) : [];
      }
      case 'ig.tags': {
        const page = parseInstagramTags(outcome.body);
        this.collect(page.posts);
        // Comments under a tagging media are read like those of the account's own media.
        const tasks: PollTask[] = [];
        for (const m of parseInstagramMedia(outcome.body).media) {
          this.mediaCounts = { ...(this.mediaCounts ?? {}), [m.id]: m.commentsCount };
          const changed = this.wide ? m.commentsCount > 0 : m.commentsCount !== (this.state.mediaCounts[m.id] ?? 0);
          if (changed) tasks.push(this.igComments(m, c.token));
        }
        if (this.wide && page.next && task.page + 1 < CAPS.igPages) tasks.push(...this.follow(task, page.next));
        return tasks;
      }
      case 'fb.feed': {
        const page = parseFacebookFeed(outcome.body, c.pageId);
        this.collect(page.posts);
        return this.wide && page.next && task.page + 1 < CAPS.fbWidePages ? this.follow(task, page.next) : [];
      }
      case 'x.mentions': {
        const page = parseXMentions(outcome.body, c.userId);
        this.collect(page.posts);
        if (task.page === 0) this.xNewest = page.newestId;
        // The first poll ever reads one page only (the backlog before installation is not captured).
        return page.next && this.state.lastPollAt && task.page + 1 < CAPS.xPages
          ? [this.xPage(page.next, task.page + 1)]
          : [];
      }
    }
  }

  finish(): PollResult {
    let state = this.state;
    if (!this.failed) {
      state = afterSuccess(state, this.now, this.wide);
      if (this.channel === 'Twitter/X' && this.xNewest) state.sinceId = this.xNewest;
      if (this.channel === 'YouTube' && this.newestMs > 0) state.newestAt = new Date(this.newestMs).toISOString();
      if (this.mediaCounts) state.mediaCounts = this.mediaCounts;
    }
    return { posts: this.posts, state, reports: this.reports, credential: this.credential, requests: this.requests };
  }

  private fail(outcome: Exclude<Outcome, { kind: 'ok' }>): void {
    this.failed = true;
    const after = afterFailure(this.state, outcome, this.now);
    this.state = after.state;
    if (outcome.kind === 'tokenInvalid') {
      if (after.reportToken) this.reports.push({ channel: this.channel, kind: 'tokenInvalid', detail: outcome.detail });
    } else if (!this.reports.some((r) => r.kind === outcome.kind)) {
      this.reports.push({ channel: this.channel, kind: outcome.kind, detail: outcome.detail });
    }
  }

  private collect(posts: ChannelPost[]): void {
    this.posts.push(...posts);
  }

  private task(
    kind: PollTask['kind'],
    url: string,
    page: number,
    headers?: Record<string, string>,
    media?: PollTask['media'],
  ): PollTask {
    return {
      channel: this.channel,
      kind,
      request: { url, method: 'get', ...(headers ? { headers } : {}) },
      page,
      ...(media ? { media } : {}),
    };
  }

  private youtubePage(pageToken: string, page = 0): PollTask[] {
    if (!spendUnits(this.state, this.now, YOUTUBE_COST.list)) {
      if (!this.reports.some((r) => r.kind === 'quotaBudget'))
        this.reports.push({ channel: 'YouTube', kind: 'quotaBudget', detail: `${this.state.quotaUnits} unit` });
      this.failed = true;
      return [];
    }
    const c = this.cred as { channelId: string; apiKey: string };
    const params: Record<string, string | number> = {
      part: 'snippet,replies',
      allThreadsRelatedToChannelId: c.channelId,
      order: 'time',
      maxResults: 100,
      key: c.apiKey,
    };
    if (pageToken) params.pageToken = pageToken;
    return [this.task('yt.threads', `${HOSTS.YouTube}youtube/v3/commentThreads?${q(params)}`, page)];
  }

  private igComments(m: { id: string; permalink: string }, token: string): PollTask {
    return this.task(
      'ig.comments',
      `${HOSTS.Instagram}${GRAPH_VERSION}/${m.id}/comments?${q({ fields: 'id,text,timestamp,username,from,parent_id,replies{id,text,timestamp,username,from}', limit: 50 })}`,
      0,
      bearer(token),
      { id: m.id, permalink: m.permalink },
    );
  }

  /** A Graph `paging.next` URL, followed only on the platform's own host. */
  private follow(task: PollTask, next: string): PollTask[] {
    if (!next.startsWith(HOSTS[this.channel])) return [];
    return [{ ...task, request: { ...task.request, url: next }, page: task.page + 1 }];
  }

  private xPage(paginationToken: string, page = 0): PollTask {
    const c = this.cred as { userId: string; token: string };
    const params: Record<string, string | number> = {
      max_results: 100,
      'tweet.fields': 'created_at,author_id,conversation_id,referenced_tweets',
      expansions: 'author_id',
      'user.fields': 'username',
    };
    if (this.state.sinceId) params.since_id = this.state.sinceId;
    if (paginationToken) params.pagination_token = paginationToken;
    return this.task(
      'x.mentions',
      `${HOSTS['Twitter/X']}2/users/${c.userId}/mentions?${q(params)}`,
      page,
      bearer(c.token),
    );
  }
}
