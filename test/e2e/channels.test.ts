/**
 * Channel capture end to end on the built bundle (issue 15, DESIGN §14): the operator connects
 * the four channels through the menu, posts appear on the fake platforms, the 15-minute poll
 * brings each once into `Kotak Masuk`, the admin triages, complaints start at the post's time,
 * answers go back as replies once, and no credential appears in any tab, email or log.
 */
import { Simulation } from '../../scripts/simulate';
import { parseScenario, ScenarioError } from '../../scripts/sim/scenario';
import type { Sheet } from '../../emulator/spreadsheet';

const ADMIN = 'admin.medsos@example.org';
const PIC = 'pic.museum.seni@example.org';
const SECRETS = ['AIzaYT-SECRET-KEY', 'yt-oauth-SECRET', 'IGQ-SECRET-TOKEN', 'EAAB-SECRET-PAGE', 'X-BEARER-SECRET'];
const CHANNELS = {
  YouTube: { channelId: 'UCdisbud', apiKey: SECRETS[0], oauthToken: SECRETS[1] },
  Instagram: { userId: '17841', token: SECRETS[2] },
  Facebook: { pageId: '1050', token: SECRETS[3] },
  'Twitter/X': { userId: '99', token: SECRETS[4] },
};

const post = (at: string, channel: string, id: string, text: string, parent?: string) => ({
  at,
  post: { channel, id, author: `@w${id}`, text, url: `https://example.com/${id}`, ...(parent ? { parent } : {}) },
});

function scenario(events: unknown[], extra: Record<string, unknown> = {}) {
  return parseScenario(
    JSON.stringify({
      start: '2026-03-16T07:00:00+07:00',
      end: '2026-03-18T17:00:00+07:00',
      admins: [ADMIN],
      settings: { balasan_kanal: 'Instagram, Facebook, Twitter/X, YouTube' },
      channels: CHANNELS,
      events,
      ...extra,
    }),
  );
}

function run(events: unknown[]): Simulation {
  const sim = new Simulation(scenario(events), () => undefined);
  sim.setup();
  events.forEach((ev, i) => sim.event(ev as never, i));
  sim.finish();
  return sim;
}

function rows(sim: Simulation, name: string): Record<string, unknown>[] {
  const s = sim.rt.spreadsheet.getSheetByName(name) as Sheet;
  const v = s.getDataRange().getValues();
  return v.slice(1).map((r) => Object.fromEntries(v[0].map((h, i) => [String(h), r[i]])));
}

const EVENTS = [
  post('2026-03-16T07:20:00+07:00', 'Twitter/X', '1001', '@disbud toilet museum wayang rusak parah'),
  post('2026-03-16T07:25:00+07:00', 'YouTube', 'yc1', 'Kapan museum buka lagi?', 'vid1'),
  post('2026-03-16T07:30:00+07:00', 'Instagram', 'ig1', 'AC museum seni mati, panas sekali', 'm1'),
  post('2026-03-16T07:35:00+07:00', 'Facebook', 'fb1', 'Promo pinjaman cepat cair klik link', '1050_7'),
  post('2026-03-16T07:40:00+07:00', 'Facebook', 'fb2', 'Keren acaranya!', '1050_7'),
  {
    at: '2026-03-16T08:00:00+07:00',
    fault: { kind: 'rateLimited', channel: 'Twitter/X', until: '2026-03-16T09:00:00+07:00' },
  },
  post('2026-03-16T08:10:00+07:00', 'Twitter/X', '1002', '@disbud tiket online tidak bisa dibayar'),
  {
    at: '2026-03-16T08:20:00+07:00',
    fault: { kind: 'tokenExpired', channel: 'Instagram', until: '2026-03-16T12:00:00+07:00' },
  },
  post('2026-03-16T08:30:00+07:00', 'Instagram', 'ig2', 'Parkir museum kotor', 'ig1'),
  post('2026-03-16T09:30:00+07:00', 'Twitter/X', '1003', '=HYPERLINK("http://evil.example","klik")'),
  {
    at: '2026-03-16T13:00:00+07:00',
    by: ADMIN,
    triage: { post: '1001', as: 'complaint', category: 'Fasilitas dan kebersihan', unit: 'UP Museum Seni' },
  },
  { at: '2026-03-16T13:05:00+07:00', by: ADMIN, triage: { post: 'fb1', as: 'spam' } },
  { at: '2026-03-16T13:06:00+07:00', by: ADMIN, triage: { post: 'fb2', as: 'notComplaint' } },
  { at: '2026-03-16T13:10:00+07:00', by: ADMIN, triage: { post: 'ig2', as: 'complaint', unit: 'UP Museum Seni' } },
  { at: '2026-03-16T13:15:00+07:00', by: ADMIN, triage: { post: 'yc1', as: 'complaint' } },
  {
    at: '2026-03-16T14:00:00+07:00',
    by: PIC,
    update: { ref: 1, status: 'Selesai', followUp: 'Toilet sudah diperbaiki' },
  },
  {
    at: '2026-03-16T15:00:00+07:00',
    by: ADMIN,
    answer: { ref: 1, reply: 'Terima kasih, toilet sudah diperbaiki.', postReply: true },
  },
  { at: '2026-03-16T15:05:00+07:00', by: PIC, update: { ref: 2, status: 'Selesai', followUp: 'Parkir dibersihkan' } },
  {
    at: '2026-03-16T15:10:00+07:00',
    by: ADMIN,
    answer: { ref: 2, reply: 'Parkir sudah dibersihkan.', postReply: true },
  },
];

describe('channel capture, triage and replies (bundle)', () => {
  const sim = run(EVENTS);
  const inbox = rows(sim, 'Kotak Masuk');
  const register = rows(sim, 'Pengaduan');

  test('the runner met no problem', () => {
    expect(sim.problems).toEqual([]);
  });

  test('every post appears exactly once in Kotak Masuk, with the flag and the triage', () => {
    const ids = inbox.map((r) => String(r['ID Platform']));
    expect(ids.sort()).toEqual(['1001', '1002', '1003', 'fb1', 'fb2', 'ig1', 'ig2', 'yc1']);
    const by = (id: string) => inbox.find((r) => r['ID Platform'] === id)!;
    expect(by('1001')['Kemungkinan Pengaduan']).toBe('Ya');
    expect(by('fb2')['Kemungkinan Pengaduan']).toBe('');
    expect([by('fb1').Triase, by('fb2').Triase, by('1002').Triase]).toEqual(['Spam', 'Bukan pengaduan', 'Baru']);
    expect(by('fb1')['Ditriase Oleh']).toBe(ADMIN);
  });

  test('posts made during a rate-limit window and an expired token arrive after it', () => {
    const at = (id: string) => (inbox.find((r) => r['ID Platform'] === id)!.Diambil as Date).getTime();
    expect(at('1002')).toBeGreaterThanOrEqual(Date.parse('2026-03-16T09:00:00+07:00'));
    expect(at('ig2')).toBeGreaterThanOrEqual(Date.parse('2026-03-16T12:00:00+07:00'));
    const galat = rows(sim, 'Log Galat').map((r) => String(r.Pesan));
    expect(galat.filter((m) => m.startsWith('Token/kunci Instagram ditolak'))).toHaveLength(1);
    expect(galat.some((m) => m.includes('Twitter/X membatasi permintaan'))).toBe(true);
  });

  test("each post triaged as a complaint is exactly one complaint starting at the post's time, recorded by the admin", () => {
    const fromInbox = register.filter((r) => String(r['Kunci Respons']).startsWith('K:'));
    expect(fromInbox).toHaveLength(3);
    const x = fromInbox.find((r) => r['Kunci Respons'] === 'K:Twitter/X:1001')!;
    expect((x['Waktu Pengaduan'] as Date).toISOString()).toBe('2026-03-16T00:20:00.000Z');
    expect(x['Dicatat Oleh']).toBe(ADMIN);
    expect(x.Unit).toBe('UP Museum Seni');
    expect(inbox.find((r) => r['ID Platform'] === '1001')!['No. Pengaduan']).toBe(x['No. Pengaduan']);
    const history = rows(sim, 'Riwayat').filter(
      (h) => h['No. Pengaduan'] === x['No. Pengaduan'] && String(h.Tindakan).startsWith('Triase'),
    );
    expect(history.map((h) => h.Pengguna)).toEqual([ADMIN]);
  });

  test('every reply is posted once to the right parent; the link fills Tautan Jawaban', () => {
    const replies = sim.channels.repliesJson();
    expect(replies.map((r) => [r.channel, r.parentId])).toEqual([
      ['Twitter/X', '1001'],
      ['Instagram', 'ig2'],
    ]);
    const x = register.find((r) => r['Kunci Respons'] === 'K:Twitter/X:1001')!;
    expect(String(x['Tautan Jawaban'])).toMatch(/^https:\/\/x\.com\/i\/web\/status\/reply-/);
    expect(inbox.find((r) => r['ID Platform'] === '1001')!['Status Balasan']).toBe('Terkirim');
  });

  test('post text is neutralised in cells (never a formula)', () => {
    const s = sim.rt.spreadsheet.getSheetByName('Kotak Masuk') as Sheet;
    const formulas = s.getDataRange().getFormulas().flat().filter(Boolean);
    expect(formulas).toEqual([]);
    expect(inbox.find((r) => r['ID Platform'] === '1003')!.Isi).toBe('=HYPERLINK("http://evil.example","klik")');
  });

  test('the admin digest lists untriaged posts past the step-1 standard; Dasbor Kanal counts per channel without personal data', () => {
    const digest = sim.rt.outbox.filter((m) => m.subject.startsWith('[Pengaduan] Pengingat harian admin'));
    // Tue 17 Mar 08:00: ig1 (Mon 07:30, clock from Mon 08:00) is due exactly then; 1002 (Mon 08:10) not yet.
    const tue = digest.find((m) => m.subject.includes('17 Maret'))!;
    expect(tue.body).toContain('1 unggahan belum ditriase');
    expect(tue.body).toContain('@wig1');
    expect(tue.body).not.toContain('@w1002');
    const feed = rows(sim, 'Dasbor Kanal');
    expect(feed.find((r) => r.kanal === 'Twitter/X')).toMatchObject({ unggahan: 3, pengaduan: 1, belum_ditriase: 2 });
    expect(feed.find((r) => r.kanal === 'Facebook')).toMatchObject({ unggahan: 2, spam: 1, bukan_pengaduan: 1 });
    expect(JSON.stringify(feed)).not.toMatch(/@w|toilet|Parkir/i);
  });

  test('no credential appears in any tab, email or log', () => {
    const everything = JSON.stringify([
      sim.rt.spreadsheet.getSheets().map((s) => s.getDataRange().getValues()),
      sim.rt.outbox,
      sim.rt.logs.entries,
    ]);
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });
});

describe('channel scenario validation', () => {
  test.each([
    [
      [{ at: '2026-03-16T08:00:00+07:00', post: { channel: 'TikTok', id: '1', author: 'a', text: 't', url: 'u' } }],
      'events[0].post.channel',
    ],
    [
      [{ at: '2026-03-16T08:00:00+07:00', by: ADMIN, triage: { post: 'nope', as: 'complaint' } }],
      'events[0].triage.post',
    ],
    [
      [
        post('2026-03-16T08:00:00+07:00', 'YouTube', 'a', 't'),
        { at: '2026-03-16T08:10:00+07:00', by: ADMIN, triage: { post: 'a', as: 'maybe' } },
      ],
      'events[1].triage.as',
    ],
    [
      [{ at: '2026-03-16T08:00:00+07:00', fault: { kind: 'tokenExpired', channel: 'YouTube' } }],
      'events[0].fault.until',
    ],
    [[{ at: '2026-03-16T08:00:00+07:00', fault: { kind: 'meteor' } }], 'events[0].fault.kind'],
  ])('a bad channel event names its field (%#)', (events, where) => {
    expect(() => scenario(events)).toThrow(ScenarioError);
    expect(() => scenario(events)).toThrow(where);
  });

  test('a bad channels block names the channel and field', () => {
    expect(() => scenario([], { channels: { YouTube: { channelId: 'x' } } })).toThrow('channels.YouTube.apiKey');
  });
});

describe('the two-phase reply queue never posts twice', () => {
  const base = [
    post('2026-03-16T07:20:00+07:00', 'Twitter/X', '2001', '@disbud lampu taman rusak'),
    { at: '2026-03-16T09:00:00+07:00', by: ADMIN, triage: { post: '2001', as: 'complaint', unit: 'UP Museum Seni' } },
    { at: '2026-03-16T10:00:00+07:00', by: PIC, update: { ref: 1, status: 'Selesai', followUp: 'Lampu diganti' } },
  ];

  function boot(events: unknown[]): Simulation {
    const sim = new Simulation(scenario(events), () => undefined);
    sim.setup();
    return sim;
  }

  test('a reply call whose outcome is unknown (the call failed mid-way) is reported, marked Tidak pasti, never retried', async () => {
    const events = [
      ...base,
      { at: '2026-03-16T11:00:00+07:00', by: ADMIN, answer: { ref: 1, reply: 'Sudah diganti.', postReply: true } },
    ];
    const sim = boot(events);
    const { XFake } = await import('../../emulator/fakes/platforms/x');
    const x = new XFake(sim.channels.platforms.world).host;
    // The platform posts the reply, then the connection drops before the answer arrives.
    sim.rt.urlFetchApp._route('api.x.com', (r) => {
      const out = x(r);
      if (r.method === 'post') throw new Error('Timeout: https://api.x.com/2/tweets');
      return out;
    });
    events.forEach((ev, i) => sim.event(ev as never, i));
    sim.finish();
    expect(sim.channels.repliesJson()).toHaveLength(1);
    const row = rows(sim, 'Kotak Masuk').find((r) => r['ID Platform'] === '2001')!;
    expect(row['Status Balasan']).toBe('Tidak pasti');
    expect(rows(sim, 'Log Galat').filter((r) => String(r.Pesan).startsWith('Balasan untuk')).length).toBe(1);
  });

  test('a row left at Mengirim by a killed run becomes Tidak pasti and is not sent', () => {
    const events = [
      ...base,
      { at: '2026-03-16T11:00:00+07:00', by: ADMIN, answer: { ref: 1, reply: 'Sudah diganti.' } },
    ];
    const sim = boot(events);
    events.forEach((ev, i) => sim.event(ev as never, i));
    const s = sim.rt.spreadsheet.getSheetByName('Kotak Masuk') as Sheet;
    const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    // A run marked the row, then was killed before posting: what the sheet holds afterwards.
    s._writeRaw(2, headers.indexOf('Kirim Balasan') + 1, [[true]]);
    s._writeRaw(2, headers.indexOf('Status Balasan') + 1, [['Mengirim']]);
    sim.finish();
    expect(sim.channels.repliesJson()).toEqual([]);
    expect(rows(sim, 'Kotak Masuk')[0]['Status Balasan']).toBe('Tidak pasti');
  });
});

describe('Pengaduan › Hubungkan kanal', () => {
  test('tests the credential with one call, says so, keeps it out of every tab; setup lists the channels on', () => {
    const sim = new Simulation(scenario([], { channels: { 'Twitter/X': CHANNELS['Twitter/X'] } }), () => undefined);
    sim.setup();
    const alerts = sim.rt.spreadsheetApp._ui._alerts;
    expect(String(alerts[alerts.length - 1].prompt)).toBe('Twitter/X: tersambung.');
    const before = sim.rt.urlFetchApp._requests.length;
    sim.rt.spreadsheetApp._ui._promptTextQueue.push('Facebook', `${CHANNELS.Facebook.pageId} | salah-token`);
    sim.rt.clickMenu(sim.operator, ['Pengaduan', 'Hubungkan kanal']);
    expect(sim.rt.urlFetchApp._requests.length - before).toBe(1);
    expect(String(alerts[alerts.length - 1].prompt)).toMatch(/^Facebook: gagal diuji \(token\/kunci ditolak\)/);
    sim.rt.call('menuSetup', [], { user: sim.operator, kind: 'menu', hasUi: true });
    expect(String(alerts[alerts.length - 1].prompt)).toContain('Kanal aktif: Facebook, Twitter/X.');
    sim.rt.spreadsheetApp._ui._promptTextQueue.push('Facebook', '');
    sim.rt.clickMenu(sim.operator, ['Pengaduan', 'Hubungkan kanal']);
    expect(String(alerts[alerts.length - 1].prompt)).toBe('Facebook: kanal dimatikan (kredensial dihapus).');
    const tabs = JSON.stringify(sim.rt.spreadsheet.getSheets().map((s) => s.getDataRange().getValues()));
    expect(tabs).not.toContain(CHANNELS['Twitter/X'].token);
    expect(tabs).not.toContain('salah-token');
  });
});

describe('repeated and shared post ids', () => {
  test('a post delivered twice is one row; an id on two channels is two rows, and triage names the latest', () => {
    const sim = run([
      post('2026-03-16T07:20:00+07:00', 'Twitter/X', '5', '@disbud halte rusak'),
      post('2026-03-16T07:40:00+07:00', 'Twitter/X', '5', '@disbud halte rusak'),
      post('2026-03-16T07:50:00+07:00', 'YouTube', '5', 'Kapan museum buka?', 'vid1'),
      { at: '2026-03-16T09:00:00+07:00', by: ADMIN, triage: { post: '5', as: 'complaint' } },
    ]);
    expect(sim.problems).toEqual([]);
    const inbox = rows(sim, 'Kotak Masuk');
    expect(inbox.map((r) => [r.Kanal, r['ID Platform'], r.Triase])).toEqual([
      ['Twitter/X', '5', 'Baru'],
      ['YouTube', '5', 'Pengaduan'],
    ]);
    expect(rows(sim, 'Pengaduan').map((r) => r['Kunci Respons'])).toEqual(['K:YouTube:5']);
  });
});

describe('a triage before the post reached Kotak Masuk', () => {
  test('is applied right after the next poll, and refs stay in event order', () => {
    const sim = run([
      post('2026-03-16T09:00:00+07:00', 'Twitter/X', '7001', '@disbud pintu museum rusak'),
      { at: '2026-03-16T09:01:00+07:00', by: ADMIN, triage: { post: '7001', as: 'complaint', unit: 'UP Museum Seni' } },
      {
        at: '2026-03-16T09:02:00+07:00',
        by: ADMIN,
        submit: {
          receivedAt: '2026-03-16T08:00:00+07:00',
          channel: 'Instagram',
          reporter: '@a',
          text: 'AC Museum Wayang mati',
          category: 'Fasilitas dan kebersihan',
          unit: 'UP Museum Seni',
        },
      },
      { at: '2026-03-16T11:00:00+07:00', by: PIC, update: { ref: 1, status: 'Selesai', followUp: 'Pintu diperbaiki' } },
      { at: '2026-03-16T11:05:00+07:00', by: PIC, update: { ref: 2, status: 'Diproses' } },
    ]);
    expect(sim.problems).toEqual([]);
    const reg = rows(sim, 'Pengaduan');
    const fromPost = reg.find((r) => r['Kunci Respons'] === 'K:Twitter/X:7001')!;
    expect((fromPost['Waktu Pengaduan'] as Date).toISOString()).toBe('2026-03-16T02:00:00.000Z');
    expect(fromPost.Status).toBe('Ditindaklanjuti');
    expect(reg.find((r) => r['Kunci Respons'] !== 'K:Twitter/X:7001')!.Status).toBe('Diproses');
  });
});

describe('replies in a scenario that does not configure them', () => {
  test('the admin ticking Kirim Balasan implies the operator turned replies on (YouTube with only an API key too)', () => {
    const events = [
      post('2026-03-16T07:20:00+07:00', 'YouTube', 'ytc9', 'Suara rekaman putus-putus', 'vid9'),
      { at: '2026-03-16T09:00:00+07:00', by: ADMIN, triage: { post: 'ytc9', as: 'complaint', unit: 'UP Museum Seni' } },
      { at: '2026-03-16T10:00:00+07:00', by: PIC, update: { ref: 1, status: 'Selesai', followUp: 'Diunggah ulang' } },
      {
        at: '2026-03-16T11:00:00+07:00',
        by: ADMIN,
        answer: { ref: 1, reply: 'Sudah diunggah ulang.', postReply: true },
      },
    ];
    const s = parseScenario(
      JSON.stringify({
        start: '2026-03-16T07:00:00+07:00',
        end: '2026-03-16T17:00:00+07:00',
        admins: [ADMIN],
        channels: { YouTube: { channelId: 'UCx', apiKey: 'k-123456' } },
        events,
      }),
    );
    const sim = new Simulation(s, () => undefined);
    sim.setup();
    events.forEach((ev, i) => sim.event(ev as never, i));
    sim.finish();
    expect(sim.problems).toEqual([]);
    expect(sim.channels.repliesJson()).toMatchObject([
      { channel: 'YouTube', parentId: 'ytc9', text: 'Sudah diunggah ulang.' },
    ]);
  });
});
