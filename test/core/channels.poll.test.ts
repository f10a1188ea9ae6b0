/**
 * The pure poll step machine (src/core/channels/poll.ts) against the fake platforms: cursors
 * across polls, paging, only changed Instagram media, backoff and token reports.
 */
import { GasRuntime } from '../../emulator/runtime';
import { installPlatforms, PlatformAccounts, PlatformChannel } from '../../emulator/fakes/platforms';
import { ChannelPoll, PollResult } from '../../src/core/channels/poll';
import { ChannelState, emptyState } from '../../src/core/channels/poll-state';
import { ChannelName } from '../../src/core/channels/post';

const ACCOUNTS: PlatformAccounts = {
  YouTube: { channelId: 'UCd', apiKey: 'k' },
  Instagram: { userId: 'ig', token: 'it' },
  Facebook: { pageId: 'pg', token: 'ft' },
  'Twitter/X': { userId: 'xu', token: 'xt' },
};

function world() {
  const rt = new GasRuntime({ start: '2026-03-16T08:00:00+07:00' });
  const p = installPlatforms(rt.urlFetchApp, ACCOUNTS, () => rt.now());
  const states: Partial<Record<ChannelName, ChannelState>> = {};
  const poll = (channel: ChannelName, wide = false): PollResult => {
    const cp = new ChannelPoll(channel, ACCOUNTS[channel]!, states[channel] ?? emptyState(), rt.now(), wide);
    let tasks = cp.start();
    while (tasks.length) {
      const replies = rt.urlFetchApp.fetchAll(tasks.map((t) => ({ ...t.request, muteHttpExceptions: true })));
      tasks = tasks.flatMap((t, i) =>
        cp.handle(t, {
          code: replies[i].getResponseCode(),
          text: replies[i].getContentText(),
          headers: replies[i].getHeaders(),
        }),
      );
    }
    const r = cp.finish();
    states[channel] = r.state;
    return r;
  };
  const add = (channel: PlatformChannel, id: string, minutesAgo: number, parent?: string) =>
    p.world.addPost({
      channel,
      id,
      author: 'w',
      text: `t${id}`,
      url: '',
      at: new Date(rt.now().getTime() - minutesAgo * 60_000),
      ...(parent ? { parent } : {}),
    });
  return { rt, ...p, poll, add, states };
}

test('X: since_id moves only after a complete chain; the next poll reads only newer mentions', () => {
  const w = world();
  for (let i = 1; i <= 3; i++) w.add('Twitter/X', String(i), 10 - i);
  expect(w.poll('Twitter/X').posts.map((p) => p.platformId)).toEqual(['3', '2', '1']);
  expect(w.states['Twitter/X']!.sinceId).toBe('3');
  for (let i = 4; i <= 250; i++) w.add('Twitter/X', String(i), 0);
  const second = w.poll('Twitter/X');
  expect(second.posts).toHaveLength(247);
  expect(second.requests).toBe(3); // 100 + 100 + 47
  expect(w.poll('Twitter/X').posts).toHaveLength(0);
});

test('X: a 429 backs off until x-rate-limit-reset and keeps the cursor', () => {
  const w = world();
  w.add('Twitter/X', '1', 5);
  w.poll('Twitter/X');
  w.world.addFault({
    kind: 'rateLimited',
    channel: 'Twitter/X',
    from: w.rt.now(),
    until: new Date(w.rt.now().getTime() + 40 * 60_000),
  });
  const r = w.poll('Twitter/X');
  expect(r.reports.map((x) => x.kind)).toEqual(['rateLimited']);
  expect(r.state.sinceId).toBe('1');
  expect(Date.parse(r.state.backoffUntil)).toBe(w.rt.now().getTime() + 40 * 60_000);
});

test('YouTube: pages until the last newest comment (minus an hour), replies included; units counted', () => {
  const w = world();
  for (let i = 1; i <= 150; i++) w.add('YouTube', `c${i}`, 300 - i, 'vid');
  w.add('YouTube', 'r1', 0, 'c150');
  const first = w.poll('YouTube', true);
  expect(first.posts).toHaveLength(151);
  expect(first.requests).toBe(2);
  expect(first.state.quotaUnits).toBe(2);
  w.rt.advanceTo(new Date(w.rt.now().getTime() + 15 * 60_000));
  w.add('YouTube', 'c151', 0, 'vid');
  const second = w.poll('YouTube');
  expect(second.requests).toBe(1); // the first page already reaches back past the cursor
  expect(second.posts.map((p) => p.platformId)).toContain('c151');
});

test('Instagram: media → comments only for media whose comment count changed; tags every poll', () => {
  const w = world();
  w.add('Instagram', 'k1', 30, 'm1');
  w.add('Instagram', 'k2', 20, 'm2');
  w.add('Instagram', 't1', 10);
  const first = w.poll('Instagram');
  expect(first.posts.map((p) => p.platformId).sort()).toEqual(['k1', 'k2', 't1']);
  expect(first.requests).toBe(4); // media, tags, 2 × comments
  w.add('Instagram', 'k3', 0, 'k2'); // a reply: comments_count "includes replies on comments"
  const second = w.poll('Instagram');
  expect(second.requests).toBe(3); // media, tags, comments of m2 only
  expect(second.posts.map((p) => p.platformId)).toEqual(expect.arrayContaining(['k3']));
  expect(w.poll('Instagram').requests).toBe(2);
});

test('Facebook: an expired token is reported once a day, the feed read again when it works', () => {
  const w = world();
  w.add('Facebook', 'c1', 5, 'pg_1');
  w.world.addFault({
    kind: 'tokenExpired',
    channel: 'Facebook',
    from: w.rt.now(),
    until: new Date(w.rt.now().getTime() + 3600_000),
  });
  expect(w.poll('Facebook').reports.map((r) => r.kind)).toEqual(['tokenInvalid']);
  w.rt.advanceTo(new Date(w.rt.now().getTime() + 15 * 60_000));
  expect(w.poll('Facebook').reports).toEqual([]); // same day: not again
  w.rt.advanceTo(new Date(w.rt.now().getTime() + 3600_000));
  const ok = w.poll('Facebook');
  expect(ok.posts.map((p) => p.platformId)).toEqual(['c1']);
  expect(ok.state.tokenBadSince).toBe('');
});

test('Instagram: the long-lived token is refreshed once a week and the new one returned for storage', () => {
  const w = world();
  w.poll('Instagram'); // the first poll starts the weekly clock
  expect(w.states.Instagram!.tokenRefreshedAt).toBe(w.rt.now().toISOString());
  w.rt.advanceTo(new Date(w.rt.now().getTime() + 6 * 24 * 3600_000));
  expect(w.poll('Instagram').credential).toBeNull();
  w.rt.advanceTo(new Date(w.rt.now().getTime() + 24 * 3600_000));
  const r = w.poll('Instagram');
  expect(r.credential).toEqual({ userId: 'ig', token: 'it.r1' });
  expect(r.state.tokenRefreshedAt).toBe(w.rt.now().toISOString());
});

test('Instagram: comments under a media that tags the account are captured too', () => {
  const w = world();
  w.add('Instagram', 't1', 30); // a tag
  w.add('Instagram', 'k1', 20, 't1'); // a comment under it
  expect(
    w
      .poll('Instagram')
      .posts.map((p) => [p.platformId, p.parent])
      .sort(),
  ).toEqual([
    ['k1', 't1'],
    ['t1', ''],
  ]);
  w.add('Instagram', 'k2', 0, 'k1');
  expect(w.poll('Instagram').posts.map((p) => p.platformId)).toContain('k2');
});

test('YouTube: a new reply on an old thread is captured by the next ordinary poll', () => {
  const w = world();
  for (let i = 1; i <= 120; i++) w.add('YouTube', `c${i}`, 3000 - i, 'vid');
  w.poll('YouTube', true);
  w.rt.advanceTo(new Date(w.rt.now().getTime() + 15 * 60_000));
  w.add('YouTube', 'late', 0, 'c1'); // a reply to the oldest thread
  const r = w.poll('YouTube');
  expect(r.posts.map((p) => p.platformId)).toContain('late');
  expect(r.requests).toBe(1);
});
