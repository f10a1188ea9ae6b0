/**
 * What the fake platforms share: the public's posts (as scenario events put them, each visible
 * from its time on), the credentials the platforms accept, faults (an expired token, a
 * rate-limit window) and the replies posted by the system. The four fakes (youtube.ts,
 * instagram.ts, facebook.ts, x.ts) serve this world in each platform's documented shapes.
 *
 * Threads: a post whose `parent` is another post's id is a reply to it; any other `parent` names
 * the Dinas's own content (a video, a media, a page post) the post comments on, which the fake
 * creates on first use; a post without `parent` is a top-level item (a YouTube comment on the
 * channel's first video, an Instagram tag, a Facebook visitor post, an X mention).
 */
export const PLATFORM_CHANNELS = ['YouTube', 'Instagram', 'Facebook', 'Twitter/X'] as const;
export type PlatformChannel = (typeof PLATFORM_CHANNELS)[number];

export interface FakePost {
  channel: PlatformChannel;
  id: string;
  author: string;
  text: string;
  url: string;
  parent?: string;
  at: Date;
}

export interface FakeReply {
  at: Date;
  channel: PlatformChannel;
  /** The platform id of the post replied to. */
  parentId: string;
  text: string;
  id: string;
}

export type FaultKind = 'tokenExpired' | 'rateLimited';

export interface PlatformFault {
  kind: FaultKind;
  channel: PlatformChannel;
  from: Date;
  until: Date;
}

/** The account each platform serves (its ids) and the credentials it accepts. */
export interface PlatformAccounts {
  YouTube?: { channelId: string; apiKey: string; oauthToken?: string };
  Instagram?: { userId: string; token: string };
  Facebook?: { pageId: string; token: string };
  'Twitter/X'?: { userId: string; token: string };
}

export class PlatformWorld {
  readonly posts: FakePost[] = [];
  readonly replies: FakeReply[] = [];
  readonly faults: PlatformFault[] = [];
  /** Every request a fake answered, by channel (the report's "calls per poll"). */
  readonly calls: Record<PlatformChannel, number> = { YouTube: 0, Instagram: 0, Facebook: 0, 'Twitter/X': 0 };
  private replySeq = 0;

  constructor(
    readonly accounts: PlatformAccounts,
    readonly now: () => Date,
  ) {}

  addPost(post: FakePost): void {
    if (this.posts.some((p) => p.channel === post.channel && p.id === post.id))
      throw new Error(`duplicate ${post.channel} post id ${post.id}`);
    this.posts.push(post);
  }

  addFault(fault: PlatformFault): void {
    this.faults.push(fault);
  }

  /** Posts of a channel visible now, newest first (the order every platform lists in). */
  visible(channel: PlatformChannel): FakePost[] {
    const t = this.now().getTime();
    return this.posts
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.channel === channel && p.at.getTime() <= t)
      .sort((a, b) => b.p.at.getTime() - a.p.at.getTime() || b.i - a.i)
      .map(({ p }) => p);
  }

  find(channel: PlatformChannel, id: string): FakePost | undefined {
    return this.visible(channel).find((p) => p.id === id);
  }

  fault(channel: PlatformChannel, kind: FaultKind): PlatformFault | undefined {
    const t = this.now().getTime();
    return this.faults.find(
      (f) => f.channel === channel && f.kind === kind && f.from.getTime() <= t && t < f.until.getTime(),
    );
  }

  reply(channel: PlatformChannel, parentId: string, text: string): FakeReply {
    const reply = {
      at: this.now(),
      channel,
      parentId,
      text,
      id: `reply-${channel.replace(/\W/g, '').toLowerCase()}-${++this.replySeq}`,
    };
    this.replies.push(reply);
    return reply;
  }
}

/** Offset-based page tokens: opaque to the client, deterministic. */
export function pageToken(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function offsetOf(token: string | undefined): number | null {
  if (!token) return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  return m ? Number(m[1]) : null;
}

export function json(
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
): { code: number; headers: Record<string, string>; body: string } {
  return {
    code,
    headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** Graph API's time format: ISO 8601 with a +0000 offset, no milliseconds. */
export function graphTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** The body of a POST as key/value pairs (form-encoded or JSON). */
export function bodyOf(payload: string, contentType: string | null): Record<string, unknown> {
  if (!payload) return {};
  if (contentType && contentType.startsWith('application/json')) {
    try {
      return JSON.parse(payload) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(payload));
}
