/**
 * One channel poll (issue 15) with the four channels connected: service calls, URL fetches and
 * the estimated Apps Script time (the ledger's cost model) when nothing is new and when 500 new
 * posts arrived (125 per channel), plus YouTube units a day at 15-minute polling. Target: a poll
 * with nothing new stays under 2 s and one with 500 posts under 30 s (far within 6 minutes).
 */
import { Simulation } from '../simulate';
import { parseScenario } from '../sim/scenario';

const ADMIN = 'admin.medsos@example.org';
const CHANNELS = {
  YouTube: { channelId: 'UCd', apiKey: 'yt-key' },
  Instagram: { userId: 'ig', token: 'ig-tok' },
  Facebook: { pageId: 'pg', token: 'fb-tok' },
  'Twitter/X': { userId: 'xu', token: 'x-tok' },
};

interface Measure {
  calls: number;
  fetches: number;
  ms: number;
  detail: Record<string, number>;
}

function measure(): { empty: Measure; busy: Measure; unitsPerDay: number; pollsPerDay: number; captured: number } {
  const sim = new Simulation(
    parseScenario(
      JSON.stringify({
        start: '2026-04-06T07:00:00+07:00',
        end: '2026-04-30T17:00:00+07:00',
        admins: [ADMIN],
        channels: CHANNELS,
        events: [],
      }),
    ),
    () => undefined,
  );
  sim.setup();
  const world = sim.channels.platforms.world;
  const t0 = Date.parse('2026-04-06T07:00:00+07:00');
  // A channel with 200 videos and a month of history on every platform.
  for (let v = 0; v < 200; v++)
    world.addPost({
      channel: 'YouTube',
      id: `old${v}`,
      author: 'a',
      text: 'lama',
      url: '',
      parent: `vid${v}`,
      at: new Date(t0 - (v + 1) * 3600_000),
    });
  sim.advance('2026-04-06T07:16:00+07:00'); // first polls (wide)
  sim.advance('2026-04-07T07:31:00+07:00'); // past the daily wide poll
  const pollRun = (): Measure => {
    const r = sim.rt.ledger.runs.filter((x) => x.label === 'channelPollJob').pop()!;
    const fetches = (r.calls['UrlFetchApp.fetch'] ?? 0) + (r.calls['UrlFetchApp.fetchAll[request]'] ?? 0);
    return { calls: r.totalCalls, fetches, ms: r.estimatedMs, detail: r.calls };
  };
  sim.advance('2026-04-07T07:46:00+07:00');
  const empty = pollRun();
  const at = Date.parse('2026-04-07T07:50:00+07:00');
  for (let i = 0; i < 125; i++) {
    const when = new Date(at + i * 1000);
    world.addPost({
      channel: 'YouTube',
      id: `yt${i}`,
      author: `w${i}`,
      text: 'museum tutup?',
      url: '',
      parent: `vid${i % 200}`,
      at: when,
    });
    world.addPost({
      channel: 'Instagram',
      id: `ig${i}`,
      author: `w${i}`,
      text: 'AC mati',
      url: '',
      parent: `media${i % 5}`,
      at: when,
    });
    world.addPost({
      channel: 'Facebook',
      id: `fb${i}`,
      author: `w${i}`,
      text: 'parkir penuh',
      url: '',
      parent: `pg_${i % 5}`,
      at: when,
    });
    world.addPost({
      channel: 'Twitter/X',
      id: String(900000 + i),
      author: `@w${i}`,
      text: '@disbud tiket',
      url: '',
      at: when,
    });
  }
  sim.advance('2026-04-07T08:05:00+07:00'); // polls run at :04, :19, :34, :49
  const busy = pollRun();
  const inbox = sim.rt.spreadsheet.getSheetByName('Kotak Masuk')!;
  const captured = inbox.getLastRow() - 1;
  const before = sim.channels.platforms.youtube.unitsUsed(new Date('2026-04-08T12:00:00Z'));
  sim.advance('2026-04-09T16:00:00+07:00'); // past the end of the Pacific quota day 8 Apr (09 Apr 08:00 UTC)
  const unitsPerDay = sim.channels.platforms.youtube.unitsUsed(new Date('2026-04-08T12:00:00Z')) - before;
  const day = sim.rt.ledger.runs.filter(
    (x) =>
      x.label === 'channelPollJob' &&
      x.startedAt >= '2026-04-08T08:00:00.000Z' &&
      x.startedAt < '2026-04-09T08:00:00.000Z',
  );
  return { empty, busy, unitsPerDay, pollsPerDay: day.length, captured };
}

export async function runChannelsBench(): Promise<{ lines: string[]; ok: boolean }> {
  const m = measure();
  const ok = m.empty.ms < 2000 && m.busy.ms < 30000 && m.captured === 700;
  return {
    ok,
    lines: [
      'Channel poll (4 channels connected; call ledger, estimated Apps Script time):',
      `  nothing new: ${m.empty.calls} service calls, ${m.empty.fetches} URL fetches, est. ${m.empty.ms} ms`,
      `  500 new posts (125 per channel): ${m.busy.calls} service calls, ${m.busy.fetches} URL fetches, est. ${m.busy.ms} ms`,
      `  rows in Kotak Masuk after it: ${m.captured} (200 old YouTube comments + 500 new; expected 700)`,
      `  calls (500 new): ${JSON.stringify(m.busy.detail)}`,
      `  YouTube units in one quota day (200 videos, polled every 15 min: ${m.pollsPerDay} polls): ${m.unitsPerDay} of 10,000`,
      `  within target (< 2 s idle, < 30 s busy): ${ok ? 'yes' : 'NO'}`,
    ],
  };
}

if (require.main === module) void runChannelsBench().then((r) => console.log(r.lines.join('\n')));
