/**
 * Channel capture decisions (issue 15, DESIGN §14): parsing each platform's documented
 * response, dedup, the likely-complaint flag, backoff, token reports once a day, YouTube units,
 * triage inputs, the digest's overdue posts, the dashboard figures, and the reply queue.
 */
import fc from 'fast-check';
import { createCalendar } from '../../src/core/calendar';
import { FORM } from '../../src/core/labels';
import { REPLY_STATE, TRIAGE } from '../../src/core/labels/channels';
import {
  answersForPost,
  channelFeed,
  inboxRowOf,
  isLikelyComplaint,
  newPosts,
  overdueUntriaged,
  toRegister,
  inboxSourceKey,
  InboxRow,
} from '../../src/core/channels/inbox';
import {
  parseFacebookFeed,
  parseInstagramComments,
  parseTime,
  parseXMentions,
  parseYouTubeThreads,
  plainFromHtml,
} from '../../src/core/channels/parse';
import {
  afterFailure,
  afterSuccess,
  decidePoll,
  emptyState,
  spendUnits,
  YOUTUBE_DAILY_UNITS,
  YOUTUBE_REPLY_RESERVE,
} from '../../src/core/channels/poll-state';
import { ChannelPost, parseCredential } from '../../src/core/channels/post';
import { classify, nextPacificMidnight, redact } from '../../src/core/channels/responses';
import { planReplies, replyRequest } from '../../src/core/channels/replies';
import { adminDigestEmail } from '../../src/core/email/digest';
import { AdminWorklist, isAdminWorklistEmpty } from '../../src/core/reports/worklist';

const cal = createCalendar();
const T = (s: string) => new Date(s);
const post = (id: string, at: string, channel: ChannelPost['channel'] = 'Twitter/X'): ChannelPost => ({
  channel,
  platformId: id,
  author: '@a',
  text: 't',
  url: '',
  postedAt: T(at),
  parent: '',
});

describe('parsing', () => {
  test('Graph "+0000" times, YouTube HTML text, X mentions with authors and parents', () => {
    expect(parseTime('2026-03-16T00:05:00+0000')!.toISOString()).toBe('2026-03-16T00:05:00.000Z');
    expect(parseTime('nope')).toBeNull();
    expect(plainFromHtml('a &amp; b<br>c &lt;d&gt; <a href="x">e</a> &#39;f&#39;')).toBe("a & b\nc <d> e 'f'");
    const x = parseXMentions({
      data: [
        {
          id: '5',
          text: 'hi',
          created_at: '2026-03-16T00:00:00.000Z',
          author_id: 'u1',
          referenced_tweets: [{ type: 'replied_to', id: '4' }],
        },
      ],
      includes: { users: [{ id: 'u1', username: 'warga' }] },
      meta: { newest_id: '5', next_token: 'n' },
    });
    expect(x).toEqual({
      posts: [
        {
          channel: 'Twitter/X',
          platformId: '5',
          author: '@warga',
          text: 'hi',
          url: 'https://x.com/warga/status/5',
          postedAt: T('2026-03-16T00:00:00Z'),
          parent: '4',
        },
      ],
      next: 'n',
      newestId: '5',
    });
  });

  test('YouTube threads give top-level comments (parent = video) and their replies (parent = comment)', () => {
    const c = (id: string, extra = {}) => ({
      id,
      snippet: { textDisplay: 'x<br>y', authorDisplayName: 'A', publishedAt: '2026-03-16T00:00:00Z', ...extra },
    });
    const page = parseYouTubeThreads({
      nextPageToken: 'p2',
      items: [
        {
          id: 't',
          snippet: { videoId: 'v1', topLevelComment: c('t') },
          replies: { comments: [c('r', { parentId: 't', textOriginal: 'raw' })] },
        },
      ],
    });
    expect(page.posts.map((p) => [p.platformId, p.parent, p.text])).toEqual([
      ['t', 'v1', 'x\ny'],
      ['r', 't', 'raw'],
    ]);
    expect(page.next).toBe('p2');
  });

  test("the account's own replies are not captured (YouTube channel, Instagram user, X user)", () => {
    const yt = parseYouTubeThreads(
      {
        items: [
          {
            snippet: {
              videoId: 'v',
              topLevelComment: {
                id: 't',
                snippet: { textDisplay: 'x', publishedAt: '2026-03-16T00:00:00Z', authorChannelId: { value: 'U1' } },
              },
            },
            replies: {
              comments: [
                {
                  id: 'r',
                  snippet: {
                    textDisplay: 'kami',
                    publishedAt: '2026-03-16T01:00:00Z',
                    authorChannelId: { value: 'OWN' },
                    parentId: 't',
                  },
                },
              ],
            },
          },
        ],
      },
      'OWN',
    );
    expect(yt.posts.map((p) => p.platformId)).toEqual(['t']);
    const x = parseXMentions(
      {
        data: [
          { id: '1', text: 'a', created_at: '2026-03-16T00:00:00Z', author_id: 'OWN' },
          { id: '2', text: 'b', created_at: '2026-03-16T00:00:00Z', author_id: 'u' },
        ],
        meta: { newest_id: '2' },
      },
      'OWN',
    );
    expect(x.posts.map((p) => p.platformId)).toEqual(['2']);
    expect(x.newestId).toBe('2');
    const ig = parseInstagramComments(
      {
        data: [
          {
            id: 'c',
            text: 'q',
            timestamp: '2026-03-16T00:00:00+0000',
            from: { id: 'u' },
            replies: { data: [{ id: 'd', text: 'kami', timestamp: '2026-03-16T01:00:00+0000', from: { id: 'OWN' } }] },
          },
        ],
      },
      { id: 'm', permalink: '' },
      'OWN',
    );
    expect(ig.posts.map((p) => p.platformId)).toEqual(['c']);
  });

  test("Facebook feed: visitor posts and comments, not the Page's own posts or replies", () => {
    const page = parseFacebookFeed(
      {
        data: [
          {
            id: 'P_1',
            message: 'pengumuman',
            created_time: '2026-03-16T00:00:00+0000',
            from: { id: 'P', name: 'Dinas' },
            comments: {
              data: [
                {
                  id: 'c1',
                  message: 'rusak',
                  created_time: '2026-03-16T01:00:00+0000',
                  from: { id: 'u', name: 'Budi' },
                },
                {
                  id: 'c2',
                  message: 'terima kasih',
                  created_time: '2026-03-16T02:00:00+0000',
                  from: { id: 'P', name: 'Dinas' },
                  parent: { id: 'c1' },
                },
              ],
            },
          },
          { id: 'P_2', message: 'halo', created_time: '2026-03-16T03:00:00+0000', from: { id: 'v', name: 'Ani' } },
        ],
      },
      'P',
    );
    expect(page.posts.map((p) => [p.platformId, p.author, p.parent])).toEqual([
      ['c1', 'Budi', 'P_1'],
      ['P_2', 'Ani', ''],
    ]);
  });
});

describe('responses', () => {
  const now = T('2026-03-16T03:00:00Z');
  test('429 with x-rate-limit-reset, Graph codes 4/17/32/613 and 190, YouTube reasons', () => {
    expect(
      classify(
        'Twitter/X',
        { code: 429, text: '{"title":"Too Many Requests"}', headers: { 'x-rate-limit-reset': '1773634500' } },
        now,
      ),
    ).toEqual({ kind: 'rateLimited', retryAt: new Date(1773634500 * 1000), detail: 'HTTP 429: Too Many Requests' });
    expect(classify('Twitter/X', { code: 401, text: '{"title":"Unauthorized"}', headers: {} }, now).kind).toBe(
      'tokenInvalid',
    );
    for (const code of [4, 17, 32, 613])
      expect(
        classify('Facebook', { code: 403, text: JSON.stringify({ error: { code, message: 'm' } }), headers: {} }, now)
          .kind,
      ).toBe('rateLimited');
    expect(
      classify(
        'Instagram',
        {
          code: 400,
          text: JSON.stringify({ error: { code: 190, error_subcode: 463, message: 'expired' } }),
          headers: {},
        },
        now,
      ).kind,
    ).toBe('tokenInvalid');
    const yt = (code: number, reason: string) =>
      classify(
        'YouTube',
        { code, text: JSON.stringify({ error: { code, message: 'm', errors: [{ reason }] } }), headers: {} },
        now,
      );
    expect(yt(403, 'quotaExceeded')).toMatchObject({ kind: 'quotaExceeded', retryAt: T('2026-03-16T08:00:00Z') });
    expect(yt(400, 'keyInvalid').kind).toBe('tokenInvalid');
    expect(yt(403, 'rateLimitExceeded').kind).toBe('rateLimited');
    expect(yt(500, 'backendError').kind).toBe('failed');
    expect(classify('YouTube', { code: 200, text: '<html>', headers: {} }, now).kind).toBe('failed');
  });

  test('next Pacific midnight; secrets redacted from any text', () => {
    expect(nextPacificMidnight(T('2026-03-16T07:59:00Z')).toISOString()).toBe('2026-03-16T08:00:00.000Z');
    expect(nextPacificMidnight(T('2026-03-16T08:00:00Z')).toISOString()).toBe('2026-03-17T08:00:00.000Z');
    expect(redact('GET https://x/?key=AIzaSECRET&a=1 token abcd1234', ['abcd1234'])).toBe(
      'GET https://x/?key=***&a=1 token ***',
    );
  });
});

describe('poll state', () => {
  const now = T('2026-03-16T03:00:00Z');
  test('backs off until the reset, or exponentially; success clears it', () => {
    let s = afterFailure(
      emptyState(),
      { kind: 'rateLimited', retryAt: T('2026-03-16T03:40:00Z'), detail: '' },
      now,
    ).state;
    expect(decidePoll(s, T('2026-03-16T03:30:00Z')).poll).toBe(false);
    expect(decidePoll(s, T('2026-03-16T03:40:00Z')).poll).toBe(true);
    s = afterFailure(s, { kind: 'rateLimited', retryAt: null, detail: '' }, now).state;
    expect(s.backoffUntil).toBe('2026-03-16T03:30:00.000Z'); // 15 min × 2^1
    s = afterSuccess(s, now, false);
    expect([s.backoffUntil, s.backoffLevel]).toEqual(['', 0]);
  });

  test('a refused token is reported once per WIB day until it works again', () => {
    const bad = { kind: 'tokenInvalid' as const, detail: '' };
    let r = afterFailure(emptyState(), bad, T('2026-03-16T01:00:00Z'));
    expect(r.reportToken).toBe(true);
    r = afterFailure(r.state, bad, T('2026-03-16T16:00:00Z')); // 23:00 WIB, same day
    expect(r.reportToken).toBe(false);
    r = afterFailure(r.state, bad, T('2026-03-16T17:00:00Z')); // 00:00 WIB next day
    expect(r.reportToken).toBe(true);
    expect(afterSuccess(r.state, now, false).tokenBadSince).toBe('');
  });

  test('the daily wide poll; YouTube units stop reads before the reply reserve and reset on the Pacific day', () => {
    expect(decidePoll(emptyState(), now)).toEqual({ poll: true, wide: true });
    expect(decidePoll(afterSuccess(emptyState(), now, true), T('2026-03-16T20:00:00Z')).wide).toBe(false);
    const s = emptyState();
    let reads = 0;
    while (spendUnits(s, now, 1)) reads++;
    expect(reads).toBe(YOUTUBE_DAILY_UNITS - YOUTUBE_REPLY_RESERVE);
    expect(spendUnits(s, now, 50, true)).toBe(true);
    expect(spendUnits(s, T('2026-03-16T08:00:00Z'), 1)).toBe(true);
    expect(s.quotaUnits).toBe(1);
  });

  test('credentials need every field', () => {
    expect(parseCredential('Facebook', { pageId: '1', token: ' t ' })).toEqual({ pageId: '1', token: 't' });
    expect(parseCredential('Facebook', { pageId: '1' })).toBeNull();
  });
});

describe('inbox', () => {
  test('dedup: every post once, whatever the repeats and order (property)', () => {
    const ids = fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 20 }).map(String),
        ch: fc.constantFrom('Twitter/X', 'YouTube'),
        m: fc.integer({ min: 0, max: 59 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(ids, ids, (known, batch) => {
        const knownKeys = new Set(known.map((k) => `${k.ch}:${k.id}`));
        const out = newPosts(
          batch.map((b) => post(b.id, `2026-03-16T00:${String(b.m).padStart(2, '0')}:00Z`, b.ch)),
          knownKeys,
        );
        const keys = out.map((p) => `${p.channel}:${p.platformId}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const k of keys) expect(knownKeys.has(k)).toBe(false);
        expect(new Set(keys)).toEqual(new Set(batch.map((b) => `${b.ch}:${b.id}`).filter((k) => !knownKeys.has(k))));
        for (let i = 1; i < out.length; i++)
          expect(out[i].postedAt.getTime()).toBeGreaterThanOrEqual(out[i - 1].postedAt.getTime());
      }),
    );
  });

  test('likely complaint: whole words and phrases, case-insensitive', () => {
    const kw = ['rusak', 'tidak bisa', 'tutup'];
    expect(isLikelyComplaint('AC-nya RUSAK!', kw)).toBe(true);
    expect(isLikelyComplaint('kami tidak  bisa masuk', kw)).toBe(true);
    expect(isLikelyComplaint('acara ditutup meriah', kw)).toBe(false);
    expect(isLikelyComplaint('bagus sekali', kw)).toBe(false);
  });

  const row = (over: Partial<InboxRow> = {}): InboxRow => ({
    ...inboxRowOf({ ...post('9', '2026-03-13T14:00:00Z'), text: 'Toilet rusak' }, ['rusak'], T('2026-03-13T14:15:00Z')),
    ...over,
  });

  test("a row: flag, Baru; answers for intake keep the post's time and pick auto-routing when no unit", () => {
    const r = row();
    expect([r.likely, r.triage]).toEqual(['Ya', TRIAGE.new]);
    expect(answersForPost(r)).toEqual({
      receivedAt: T('2026-03-13T14:00:00Z'),
      channel: 'Twitter/X',
      reporter: '@a',
      postUrl: '',
      text: 'Toilet rusak',
      category: '',
      unit: FORM.autoRoute,
      initialResponse: '',
    });
    expect(answersForPost(row({ unit: 'UP Museum Seni' })).unit).toBe('UP Museum Seni');
    expect(
      toRegister(
        [
          row({ triage: TRIAGE.complaint }),
          row({ triage: TRIAGE.spam }),
          row({ triage: TRIAGE.complaint, number: 'ADU-2026-0001' }),
        ],
        new Set(),
      ),
    ).toEqual([0]);
    expect(toRegister([row({ triage: TRIAGE.complaint })], new Set([inboxSourceKey('Twitter/X', '9')]))).toEqual([]);
  });

  test('untriaged past the step-1 standard: a Friday-night post is due Tuesday 08:00 WIB (clock starts Monday 08:00, + 1 working day)', () => {
    const r = row(); // Fri 13 Mar 21:00 WIB
    expect(overdueUntriaged([r], cal, 1, T('2026-03-17T00:59:00Z'))).toHaveLength(0);
    expect(overdueUntriaged([r], cal, 1, T('2026-03-17T01:00:00Z'))).toHaveLength(1);
    expect(overdueUntriaged([row({ triage: TRIAGE.spam })], cal, 1, T('2026-03-20T00:00:00Z'))).toHaveLength(0);
  });

  test('dashboard figures per channel: counts and median triage working hours, no personal data', () => {
    const feed = channelFeed(
      [
        row({ triage: TRIAGE.complaint, triagedAt: T('2026-03-16T03:00:00Z') }), // Mon 10:00 WIB: 2 working hours
        row({ triage: TRIAGE.spam, triagedAt: T('2026-03-16T05:00:00Z') }), // 4 h
        row({ channel: 'YouTube' }),
      ],
      cal,
    );
    expect(feed).toEqual([
      {
        channel: 'Twitter/X',
        posts: 2,
        complaints: 1,
        notComplaints: 0,
        spam: 1,
        untriaged: 0,
        medianTriageWorkingHours: 3,
      },
      {
        channel: 'YouTube',
        posts: 1,
        complaints: 0,
        notComplaints: 0,
        spam: 0,
        untriaged: 1,
        medianTriageWorkingHours: null,
      },
    ]);
    expect(JSON.stringify(feed)).not.toMatch(/Toilet|@a/);
  });
});

describe('reply queue', () => {
  const base = (over: Partial<InboxRow>): InboxRow => ({
    ...inboxRowOf(post('77', '2026-03-16T00:00:00Z'), [], T('2026-03-16T00:00:00Z')),
    triage: TRIAGE.complaint,
    number: 'ADU-2026-0001',
    sendReply: true,
    ...over,
  });
  const answered = new Map([
    ['ADU-2026-0001', { status: 'Dijawab', reply: 'Sudah diperbaiki' }],
    ['ADU-2026-0002', { status: 'Diproses', reply: '' }],
  ]);

  test('only answered, ticked, enabled rows not yet attempted; a row left at Mengirim is unknown, never resent', () => {
    const rows = [
      base({}),
      base({ sendReply: false }),
      base({ number: 'ADU-2026-0002' }),
      base({ replyState: REPLY_STATE.sent }),
      base({ replyState: REPLY_STATE.sending }),
      base({ channel: 'Facebook' }),
    ];
    expect(planReplies(rows, answered, ['Twitter/X'])).toEqual({ send: [0], unknown: [4] });
    expect(planReplies([base({}), base({}), base({})], answered, ['Twitter/X'], 2).send).toEqual([0, 1]);
  });

  test('requests: X reply JSON; YouTube needs OAuth and replies to the top-level comment; an Instagram tag is answered through /mentions', () => {
    const creds = { 'Twitter/X': { userId: '1', token: 'tok' }, YouTube: { channelId: 'c', apiKey: 'k' } };
    const x = replyRequest('Twitter/X', creds, base({}), 'Halo')!;
    expect(JSON.parse(x.payload!)).toEqual({ text: 'Halo', reply: { in_reply_to_tweet_id: '77' } });
    expect(replyRequest('YouTube', creds, base({ channel: 'YouTube' }), 'x')).toBeNull();
    const yt = replyRequest(
      'YouTube',
      { YouTube: { channelId: 'c', apiKey: 'k', oauthToken: 'o' } },
      base({ channel: 'YouTube', platformId: 'r1', parent: 't1', url: 'https://www.youtube.com/watch?v=v1&lc=r1' }),
      'x',
    )!;
    expect(JSON.parse(yt.payload!).snippet.parentId).toBe('t1');
    const ytTop = replyRequest(
      'YouTube',
      { YouTube: { channelId: 'c', apiKey: 'k', oauthToken: 'o' } },
      base({ channel: 'YouTube', platformId: 't1', parent: 'v1', url: 'https://www.youtube.com/watch?v=v1&lc=t1' }),
      'x',
    )!;
    expect(JSON.parse(ytTop.payload!).snippet.parentId).toBe('t1');
    const tag = replyRequest(
      'Instagram',
      { Instagram: { userId: 'u', token: 't' } },
      base({ channel: 'Instagram', parent: '' }),
      'x',
    )!;
    expect([tag.url, tag.payload]).toEqual(['https://graph.instagram.com/v21.0/u/mentions', 'media_id=77&message=x']);
  });
});

describe('admin digest', () => {
  test('lists untriaged posts and channels whose token is refused, with how to renew it; sent even when no complaint waits', () => {
    const w: AdminWorklist = {
      awaitingUnit: [],
      awaitingAnswer: [],
      unreachable: [],
      channelInbox: {
        untriaged: [{ channel: 'YouTube', author: 'Lina', postedAt: T('2026-03-16T12:30:00Z') }],
        tokenProblems: ['Instagram'],
      },
    };
    expect(isAdminWorklistEmpty(w)).toBe(false);
    expect(isAdminWorklistEmpty({ ...w, channelInbox: { untriaged: [], tokenProblems: [] } })).toBe(true);
    const mail = adminDigestEmail(
      w,
      { date: '2026-03-18', working: true, asOf: T('2026-03-18T01:00:00Z') },
      ['admin@example.org'],
      'https://x',
    );
    expect(mail.subject).toContain('1 unggahan belum ditriase, 1 kanal dengan token ditolak');
    expect(mail.body).toContain('Lina');
    expect(mail.body).toContain('Meta for Developers');
  });
});
