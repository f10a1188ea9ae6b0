/**
 * Conformance of the fake platforms (emulator/fakes/platforms) with the documented response
 * shapes the channel poller relies on. Each test cites the reference page it follows.
 */
import { GasRuntime } from '../../emulator/runtime';
import { installPlatforms, PlatformAccounts, YOUTUBE_DAILY_UNITS } from '../../emulator/fakes/platforms';

const ACCOUNTS: PlatformAccounts = {
  YouTube: { channelId: 'UCdisbud', apiKey: 'yt-key', oauthToken: 'yt-oauth' },
  Instagram: { userId: '1784', token: 'ig-token' },
  Facebook: { pageId: '1050', token: 'fb-token' },
  'Twitter/X': { userId: '99', token: 'x-token' },
};

function setup() {
  const rt = new GasRuntime({ start: '2026-03-16T08:00:00+07:00' });
  const p = installPlatforms(rt.urlFetchApp, ACCOUNTS, () => rt.now());
  const at = (h: number) => new Date(Date.parse('2026-03-16T00:00:00Z') + h * 60_000);
  const get = (url: string, params: Record<string, unknown> = {}) => {
    const r = rt.urlFetchApp.fetch(url, { muteHttpExceptions: true, ...params });
    return { code: r.getResponseCode(), body: JSON.parse(r.getContentText()), headers: r.getHeaders() };
  };
  return { rt, ...p, at, get };
}

describe('YouTube Data API v3 fake', () => {
  // https://developers.google.com/youtube/v3/docs/commentThreads/list
  test('commentThreads.list: newest activity first, pages by nextPageToken, replies inside their thread, textDisplay as HTML', () => {
    const { world, youtube, at, get } = setup();
    for (let i = 1; i <= 3; i++)
      world.addPost({
        channel: 'YouTube',
        id: `c${i}`,
        author: `w${i}`,
        text: `halo <${i}>`,
        url: '',
        at: at(i),
        parent: 'vid1',
      });
    world.addPost({ channel: 'YouTube', id: 'r1', author: 'w9', text: 'balas', url: '', at: at(4), parent: 'c1' });
    const base =
      'https://www.googleapis.com/youtube/v3/commentThreads?part=snippet,replies&allThreadsRelatedToChannelId=UCdisbud&order=time&maxResults=2&key=yt-key';
    const one = get(base);
    expect(one.code).toBe(200);
    expect(one.body.kind).toBe('youtube#commentThreadListResponse');
    // Newest activity first: c1's reply (minute 4) brings its thread above c3 (minute 3).
    expect(one.body.items.map((t: { id: string }) => t.id)).toEqual(['c1', 'c3']);
    expect(one.body.items[1].snippet.topLevelComment.snippet).toMatchObject({
      videoId: 'vid1',
      textDisplay: 'halo &lt;3&gt;',
      authorDisplayName: 'w3',
      publishedAt: '2026-03-16T00:03:00Z',
    });
    expect(one.body.items[0].replies.comments[0].snippet).toMatchObject({ parentId: 'c1', textOriginal: 'balas' });
    const two = get(`${base}&pageToken=${one.body.nextPageToken}`);
    expect(two.body.items.map((t: { id: string }) => t.id)).toEqual(['c2']);
    expect(two.body.nextPageToken).toBeUndefined();
    expect(youtube.unitsUsed()).toBe(2);
  });

  // https://developers.google.com/youtube/v3/docs/errors (keyInvalid, quotaExceeded) and #quota (10,000 units/day)
  test('errors: keyInvalid for a bad key, quotaExceeded past 10,000 units, the documented error body', () => {
    const { get } = setup();
    const bad = get(
      'https://www.googleapis.com/youtube/v3/commentThreads?part=snippet&allThreadsRelatedToChannelId=UCdisbud&key=nope',
    );
    expect(bad.code).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 400, errors: [{ reason: 'keyInvalid' }] });
    let last = { code: 200, body: {} as { error?: { errors: { reason: string }[] } } };
    for (let i = 0; i <= YOUTUBE_DAILY_UNITS; i++)
      last = get(
        'https://www.googleapis.com/youtube/v3/commentThreads?part=snippet&allThreadsRelatedToChannelId=UCdisbud&key=yt-key',
      );
    expect(last.code).toBe(403);
    expect(last.body.error!.errors[0].reason).toBe('quotaExceeded');
  });

  // https://developers.google.com/youtube/v3/docs/comments/insert (OAuth; 50 units)
  test('comments.insert replies to a comment with an OAuth token, refuses an API key', () => {
    const { world, youtube, at, get } = setup();
    world.addPost({ channel: 'YouTube', id: 'c1', author: 'w', text: 't', url: '', at: at(1) });
    const payload = JSON.stringify({ snippet: { parentId: 'c1', textOriginal: 'Terima kasih' } });
    expect(
      get('https://www.googleapis.com/youtube/v3/comments?part=snippet&key=yt-key', {
        method: 'post',
        contentType: 'application/json',
        payload,
      }).code,
    ).toBe(401);
    const ok = get('https://www.googleapis.com/youtube/v3/comments?part=snippet', {
      method: 'post',
      contentType: 'application/json',
      payload,
      headers: { Authorization: 'Bearer yt-oauth' },
    });
    expect(ok.code).toBe(200);
    expect(ok.body.snippet.parentId).toBe('c1');
    expect(world.replies).toMatchObject([{ channel: 'YouTube', parentId: 'c1', text: 'Terima kasih' }]);
    expect(youtube.unitsUsed()).toBe(50);
  });
});

describe('Instagram API (Instagram Login) fake', () => {
  // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media, …/ig-media/comments, …/ig-user/tags
  test('media → comments (with replies), tags; cursor paging with paging.next only when more', () => {
    const { world, at, get } = setup();
    world.addPost({
      channel: 'Instagram',
      id: 'k1',
      author: 'ani',
      text: 'museum tutup?',
      url: 'https://www.instagram.com/p/m1/c/k1',
      at: at(10),
      parent: 'm1',
    });
    world.addPost({ channel: 'Instagram', id: 'k2', author: 'budi', text: 'iya', url: '', at: at(11), parent: 'k1' });
    world.addPost({
      channel: 'Instagram',
      id: 't1',
      author: 'cici',
      text: '@disbud toilet kotor',
      url: 'https://www.instagram.com/p/t1/',
      at: at(12),
    });
    const media = get(
      'https://graph.instagram.com/v21.0/1784/media?fields=id,timestamp,permalink&access_token=ig-token',
    );
    // The account's own media, posted (in the fake) an hour before its first comment.
    expect(media.body.data).toEqual([
      { id: 'm1', timestamp: '2026-03-15T23:10:00+0000', permalink: 'https://www.instagram.com/p/m1/' },
    ]);
    expect(media.body.paging.next).toBeUndefined();
    const comments = get(
      'https://graph.instagram.com/v21.0/m1/comments?fields=id,text,timestamp,username,replies{id,text,timestamp,username}&access_token=ig-token',
    );
    expect(comments.body.data).toEqual([
      {
        id: 'k1',
        text: 'museum tutup?',
        timestamp: '2026-03-16T00:10:00+0000',
        username: 'ani',
        replies: { data: [{ id: 'k2', text: 'iya', timestamp: '2026-03-16T00:11:00+0000', username: 'budi' }] },
      },
    ]);
    const tags = get('https://graph.instagram.com/1784/tags?fields=id,caption,timestamp,permalink,username&limit=1', {
      headers: { Authorization: 'Bearer ig-token' },
    });
    expect(tags.body.data).toEqual([
      {
        id: 't1',
        caption: '@disbud toilet kotor',
        timestamp: '2026-03-16T00:12:00+0000',
        permalink: 'https://www.instagram.com/p/t1/',
        username: 'cici',
      },
    ]);
  });

  // https://developers.facebook.com/docs/graph-api/guides/error-handling (190 expired, 4 rate limit)
  // https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
  test('error body for an expired token (190/463) and a rate limit (4); token refresh gives a 60-day token', () => {
    const { world, rt, at, get } = setup();
    world.addFault({ kind: 'tokenExpired', channel: 'Instagram', from: at(0), until: at(90) });
    const expired = get('https://graph.instagram.com/1784/media?access_token=ig-token');
    expect(expired.body.error).toMatchObject({
      type: 'OAuthException',
      code: 190,
      error_subcode: 463,
      fbtrace_id: expect.any(String),
    });
    rt.advanceTo(at(91));
    world.addFault({ kind: 'rateLimited', channel: 'Instagram', from: at(91), until: at(120) });
    expect(get('https://graph.instagram.com/1784/media?access_token=ig-token').body.error.code).toBe(4);
    rt.advanceTo(at(121));
    const fresh = get(
      'https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token=ig-token',
    );
    expect(fresh.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 5184000 });
    expect(get(`https://graph.instagram.com/1784/media?access_token=${fresh.body.access_token}`).code).toBe(200);
  });

  // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies
  test('POST /{comment-id}/replies posts a reply; POST /{ig-user-id}/mentions comments on a tagging media', () => {
    const { world, at, get } = setup();
    world.addPost({ channel: 'Instagram', id: 'k1', author: 'ani', text: 'x', url: '', at: at(1), parent: 'm1' });
    const r = get('https://graph.instagram.com/v21.0/k1/replies?message=Sudah%20ditangani&access_token=ig-token', {
      method: 'post',
    });
    expect(r.code).toBe(200);
    expect(world.replies).toMatchObject([
      { channel: 'Instagram', parentId: 'k1', text: 'Sudah ditangani', id: r.body.id },
    ]);
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions
    world.addPost({ channel: 'Instagram', id: 't1', author: 'cici', text: '@disbud', url: '', at: at(2) });
    expect(
      get('https://graph.instagram.com/v21.0/1784/mentions?access_token=ig-token', {
        method: 'post',
        payload: { media_id: 't1', message: 'Terima kasih' },
      }).code,
    ).toBe(200);
    expect(
      get('https://graph.instagram.com/v21.0/1784/mentions?access_token=ig-token', {
        method: 'post',
        payload: { media_id: 'k1', message: 'x' },
      }).code,
    ).toBe(400);
    expect(world.replies[1]).toMatchObject({ parentId: 't1', text: 'Terima kasih' });
  });
});

describe('Facebook Graph API fake', () => {
  // https://developers.facebook.com/docs/graph-api/reference/page/feed and /object/comments
  test('page feed with nested comments (replies carry parent); POST /{id}/comments', () => {
    const { world, at, get } = setup();
    world.addPost({
      channel: 'Facebook',
      id: '1050_1',
      author: 'Dewi',
      text: 'Tiket habis?',
      url: 'https://facebook.com/1050_1',
      at: at(5),
    });
    world.addPost({
      channel: 'Facebook',
      id: 'cm1',
      author: 'Eko',
      text: 'Parkir penuh',
      url: '',
      at: at(6),
      parent: '1050_9',
    });
    world.addPost({
      channel: 'Facebook',
      id: 'cm2',
      author: 'Fajar',
      text: 'setuju',
      url: '',
      at: at(7),
      parent: 'cm1',
    });
    const feed = get(
      'https://graph.facebook.com/v21.0/1050/feed?fields=id,message,created_time,from,permalink_url,comments{id,message,created_time,from,parent}&access_token=fb-token',
    );
    expect(feed.body.data.map((p: { id: string }) => p.id)).toEqual(['1050_1', '1050_9']);
    expect(feed.body.data[0]).toMatchObject({
      message: 'Tiket habis?',
      created_time: '2026-03-16T00:05:00+0000',
      from: { name: 'Dewi' },
    });
    expect(
      feed.body.data[1].comments.data.map((c: { id: string; parent?: { id: string } }) => [c.id, c.parent?.id]),
    ).toEqual([
      ['cm1', undefined],
      ['cm2', 'cm1'],
    ]);
    expect(
      get('https://graph.facebook.com/v21.0/cm1/comments', {
        method: 'post',
        payload: { message: 'x', access_token: 'wrong' },
      }).body.error.code,
    ).toBe(190);
    const ok = get('https://graph.facebook.com/v21.0/cm1/comments?access_token=fb-token', {
      method: 'post',
      payload: { message: 'Terima kasih' },
    });
    expect(ok.code).toBe(200);
    expect(world.replies[0]).toMatchObject({ parentId: 'cm1', text: 'Terima kasih' });
  });
});

describe('X API v2 fake', () => {
  // https://docs.x.com/x-api/posts/get-mentions
  test('mentions: newest first, since_id, pagination_token/next_token, meta.newest_id, includes.users', () => {
    const { world, at, get } = setup();
    for (let i = 1; i <= 7; i++)
      world.addPost({
        channel: 'Twitter/X',
        id: String(100 + i),
        author: `@u${i}`,
        text: `@disbud ${i}`,
        url: '',
        at: at(i),
      });
    const auth = { headers: { Authorization: 'Bearer x-token' } };
    const base =
      'https://api.x.com/2/users/99/mentions?max_results=5&tweet.fields=created_at,author_id,conversation_id&expansions=author_id&user.fields=username';
    const one = get(base, auth);
    expect(one.body.data.map((t: { id: string }) => t.id)).toEqual(['107', '106', '105', '104', '103']);
    expect(one.body.meta).toMatchObject({
      result_count: 5,
      newest_id: '107',
      oldest_id: '103',
      next_token: expect.any(String),
    });
    expect(one.body.includes.users[0]).toEqual({ id: 'u-@u7', name: '@u7', username: 'u7' });
    const two = get(`${base}&pagination_token=${one.body.meta.next_token}`, auth);
    expect(two.body.data.map((t: { id: string }) => t.id)).toEqual(['102', '101']);
    expect(get(`${base}&since_id=105`, auth).body.data.map((t: { id: string }) => t.id)).toEqual(['107', '106']);
    expect(get(`${base}&since_id=107`, auth).body).toEqual({ meta: { result_count: 0 } });
  });

  // https://docs.x.com/x-api/fundamentals/rate-limits (429, x-rate-limit-reset in epoch seconds); 401 Unauthorized
  test('429 with x-rate-limit-reset during a rate-limit window; 401 for a bad token; POST /2/tweets reply', () => {
    const { world, at, get } = setup();
    world.addPost({ channel: 'Twitter/X', id: '201', author: '@a', text: 'x', url: '', at: at(1) });
    world.addFault({ kind: 'rateLimited', channel: 'Twitter/X', from: at(0), until: at(600) });
    const limited = get('https://api.x.com/2/users/99/mentions', { headers: { Authorization: 'Bearer x-token' } });
    expect(limited.code).toBe(429);
    expect(limited.headers['x-rate-limit-reset']).toBe(String(at(600).getTime() / 1000));
    expect(get('https://api.x.com/2/users/99/mentions', { headers: { Authorization: 'Bearer wrong' } }).code).toBe(401);
    world.faults.length = 0;
    const reply = get('https://api.x.com/2/tweets', {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ text: 'Halo', reply: { in_reply_to_tweet_id: '201' } }),
      headers: { Authorization: 'Bearer x-token' },
    });
    expect(reply.code).toBe(201);
    expect(reply.body.data).toMatchObject({ text: 'Halo', edit_history_tweet_ids: [reply.body.data.id] });
    expect(world.replies[0]).toMatchObject({ channel: 'Twitter/X', parentId: '201' });
  });
});
