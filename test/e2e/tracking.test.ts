/**
 * The citizen's side (DESIGN §15, issue 16) on the built bundle: scenario events `visit` and
 * `rate` write `pages/` and `ratings.json`; each page shows the right status and steps and no
 * personal data; a wrong code, an old code and a neighbouring number's code give the same bytes
 * as an unknown number; ratings (the last kept, each change in Riwayat) reach `Dasbor Data`,
 * `Ringkasan` and the weekly summary; the menu replaces the secret and rewrites the links; pages
 * are cached; bad events are refused naming the field.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sheet } from '../../emulator/spreadsheet';
import { callWebApp } from '../../emulator/web/server';
import { OPERATOR, Simulation, simulate } from '../../scripts/simulate';
import { realCode } from '../../scripts/sim/citizen';
import { ScenarioError, parseScenario } from '../../scripts/sim/scenario';

const ADMIN = 'admin.medsos@example.org';
const PIC = 'pic.museum.seni@example.org';
const LEADER = 'kadis@example.org';
const PERSONAL = {
  reporters: ['@sartika_rahmawati', 'Budi Santoso (Facebook)', '@warga.kemayoran'],
  texts: [
    'Toilet Museum Wayang kotor, anak saya Nadia muntah',
    'Atap bocor, HP saya 0812-3456-7890',
    'Jadwal tari untuk putri saya Kirana?',
  ],
  postUrls: [
    'https://www.instagram.com/p/SartikaPost',
    'https://www.facebook.com/permalink/BudiPost',
    'https://x.com/kemayoran/status/42',
  ],
};

const submit = (at: string, i: number, unit: string) => ({
  at,
  by: ADMIN,
  submit: {
    receivedAt: at,
    channel: ['Instagram', 'Facebook', 'Twitter/X'][i],
    reporter: PERSONAL.reporters[i],
    postUrl: PERSONAL.postUrls[i],
    text: PERSONAL.texts[i],
    category: 'Fasilitas dan kebersihan',
    unit,
  },
});

const scenario = {
  start: '2026-04-06T07:00:00+07:00',
  end: '2026-04-20T17:00:00+07:00',
  admins: [ADMIN],
  leaders: [LEADER],
  units: [
    { name: 'UP Museum Seni', kind: 'UKPD', pics: [PIC], head: 'kepala.seni@example.org', keywords: ['museum wayang'] },
    { name: 'Bidang Pelindungan Kebudayaan', kind: 'Bidang', pics: ['pic.pelindungan@example.org'] },
  ],
  events: [
    submit('2026-04-06T09:10:00+07:00', 0, 'UP Museum Seni'), // 0
    submit('2026-04-06T10:00:00+07:00', 1, 'Bidang Pelindungan Kebudayaan'), // 1
    submit('2026-04-06T11:00:00+07:00', 2, 'UP Museum Seni'), // 2
    { at: '2026-04-06T13:00:00+07:00', by: PIC, update: { ref: 1, status: 'Diproses' } }, // 3
    { at: '2026-04-07T10:00:00+07:00', by: PIC, update: { ref: 1, followUp: 'Toilet dibersihkan', status: 'Selesai' } }, // 4
    {
      at: '2026-04-07T11:00:00+07:00',
      by: ADMIN,
      answer: {
        ref: 1,
        reply: 'Terima kasih Kak Sartika, toilet sudah bersih. Info: humas@example.org',
        replyUrl: 'https://www.instagram.com/p/SartikaPost/c/1',
      },
    }, // 5
    { at: '2026-04-07T12:00:00+07:00', visit: { ref: 1 } }, // 6 answered, right code
    { at: '2026-04-07T12:01:00+07:00', visit: { ref: 2 } }, // 7 open
    { at: '2026-04-07T12:02:00+07:00', visit: { ref: 1, code: 'ZZZZ9999' } }, // 8 wrong code
    { at: '2026-04-07T12:03:00+07:00', visit: { number: 'ADU-2026-0999' } }, // 9 unknown number (its real code)
    { at: '2026-04-07T12:04:00+07:00', visit: { number: 'ADU-2026-0002', code: 'NEIGHBOUR' } }, // 10 replaced below by the code of 0001
    { at: '2026-04-07T12:05:00+07:00', visit: { number: 'bukan-nomor' } }, // 11 malformed
    {
      at: '2026-04-07T13:00:00+07:00',
      rate: { ref: 1, score: 3, comment: '=HYPERLINK("http://x") <script>alert(1)</script>' },
    }, // 12
    { at: '2026-04-07T13:30:00+07:00', rate: { ref: 1, score: 5, comment: 'Cepat sekali, terima kasih' } }, // 13 replaces
    { at: '2026-04-07T13:40:00+07:00', rate: { ref: 2, score: 1 } }, // 14 refused: not answered
    { at: '2026-04-07T14:00:00+07:00', visit: { ref: 1 } }, // 15 shows the rating
    { at: '2026-04-07T14:01:00+07:00', visit: { ref: 2 } }, // 16 cached …
    { at: '2026-04-07T14:02:00+07:00', by: 'pic.pelindungan@example.org', update: { ref: 2, status: 'Diproses' } }, // 17
    { at: '2026-04-07T14:03:00+07:00', visit: { ref: 2 } }, // 18 … but never stale: Diproses
  ],
};

describe('scenario events visit and rate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracking-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let result: Awaited<ReturnType<typeof simulate>>;
  const page = (i: number) => readFileSync(join(dir, 'out', 'pages', `${String(i).padStart(3, '0')}.html`), 'utf8');

  beforeAll(async () => {
    // A neighbour's visit carries the right code of ADU-2026-0001 (computed once setup made the secret).
    const probe = new Simulation(
      parseScenario(JSON.stringify({ ...scenario, events: scenario.events.slice(0, 1) })),
      () => undefined,
    );
    probe.setup();
    const s = JSON.parse(JSON.stringify(scenario));
    s.events[10].visit.code = realCode(probe.rt, 'ADU-2026-0001');
    result = await simulate(parseScenario(JSON.stringify(s)), join(dir, 'out'), () => undefined);
  }, 120_000);

  test('writes pages/ by event index and ratings.json', () => {
    expect(readdirSync(join(dir, 'out', 'pages')).sort()).toEqual([
      '006.html',
      '007.html',
      '008.html',
      '009.html',
      '010.html',
      '011.html',
      '015.html',
      '016.html',
      '018.html',
    ]);
    const ratings = JSON.parse(readFileSync(join(dir, 'out', 'ratings.json'), 'utf8'));
    expect(ratings).toEqual([
      {
        number: 'ADU-2026-0001',
        score: 5,
        comment: 'Cepat sekali, terima kasih',
        ratedAt: '2026-04-07T13:30:00+07:00',
        changes: 1,
      },
    ]);
    expect(result.problems).toEqual([
      'events[14]: rate: rate.ref: ADU-2026-0002: penilaian ditolak: Penilaian dapat diberikan setelah pengaduan dijawab.',
    ]);
  });

  test('the answered complaint: status Dijawab, five steps done, the answer scrubbed, the rating form', () => {
    const html = page(6);
    expect(html).toContain('id="status">Dijawab<');
    expect(html.match(/<li class="done" data-step="\d">/g)).toHaveLength(5);
    expect(html).toContain('Terima kasih Kak […], toilet sudah bersih. Info: […]');
    expect(html).toContain('<form method="post"');
    expect(page(15)).toContain('Penilaian Anda: 5 dari 5');
  });

  test('the open complaint: Diproses is not reached yet, later steps "menunggu", no rating form', () => {
    const html = page(7);
    expect(html).toContain('id="status">Diteruskan<');
    expect(html.match(/<li class="done"/g)).toHaveLength(2);
    expect(html.match(/<li class="waiting" data-step="[345]">[^<]*<span class="when">menunggu<\/span>/g)).toHaveLength(
      3,
    );
    expect(html).not.toContain('name="nilai"');
  });

  test('a change in the register drops the cached page: the next visit shows the new status', () => {
    expect(page(16)).toContain('id="status">Diteruskan<');
    expect(page(18)).toContain('id="status">Diproses<');
    expect(page(18)).toContain('<li class="done" data-step="3">');
  });

  test("wrong code, unknown number, neighbour with another number's code, malformed number: identical bytes", () => {
    const notFound = page(8);
    expect(notFound).toContain('Pengaduan tidak ditemukan');
    for (const i of [9, 10, 11]) expect(page(i)).toBe(notFound);
  });

  test('no page holds personal data', () => {
    for (const f of readdirSync(join(dir, 'out', 'pages'))) {
      const html = readFileSync(join(dir, 'out', 'pages', f), 'utf8');
      for (const s of [
        ...PERSONAL.reporters,
        ...PERSONAL.texts,
        ...PERSONAL.postUrls,
        'sartika_rahmawati',
        'Sartika',
        'Budi',
        'Toilet dibersihkan',
      ])
        expect([f, html.includes(s)]).toEqual([f, false]);
      expect([f, /[\w.+-]+@[\w-]+\.[a-z]{2,}/i.test(html)]).toEqual([f, false]);
    }
  });

  test('ratings reach the feed, Ringkasan and Riwayat; the comment stays out of the feed', () => {
    const wb = JSON.parse(readFileSync(join(dir, 'out', 'workbook.json'), 'utf8')) as {
      name: string;
      values: unknown[][];
    }[];
    const tab = (name: string) => wb.find((t) => t.name === name)!.values;
    const feed = tab('Dasbor Data');
    const h = feed[0] as string[];
    const row1 = feed.find((r) => r[0] === 'ADU-2026-0001')!;
    expect([row1[h.indexOf('nilai_kepuasan')], row1[h.indexOf('jumlah_penilaian')]]).toEqual([5, 1]);
    const row2 = feed.find((r) => r[0] === 'ADU-2026-0002')!;
    expect([row2[h.indexOf('nilai_kepuasan')], row2[h.indexOf('jumlah_penilaian')]]).toEqual(['', 0]);
    expect(JSON.stringify(feed)).not.toContain('Cepat sekali');
    const summary = tab('Ringkasan');
    const at = summary.findIndex((r) => r[0] === 'Kepuasan masyarakat per unit');
    expect(summary.slice(at + 2, at + 4).map((r) => r.slice(0, 3))).toEqual([
      ['Semua', 1, 5],
      ['UP Museum Seni', 1, 5],
    ]);
    const history = tab('Riwayat').filter((r) => r[2] === 'ADU-2026-0001' && String(r[3]).startsWith('Penilaian'));
    expect(history.map((r) => [r[3], r[4], r[5], r[6]])).toEqual([
      ['Penilaian diberikan', 'Nilai', '', '3'],
      ['Penilaian diberikan', 'Komentar Penilaian', '', '=HYPERLINK("http://x") <script>alert(1)</script>'],
      ['Penilaian diubah', 'Nilai', '3', '5'],
      [
        'Penilaian diubah',
        'Komentar Penilaian',
        '=HYPERLINK("http://x") <script>alert(1)</script>',
        'Cepat sekali, terima kasih',
      ],
    ]);
    const penilaian = result.runtime.spreadsheet.getSheetByName('Penilaian') as Sheet;
    expect(penilaian.getRange(2, 3).getFormula()).toBe('');
  });

  test('the weekly summary to leadership carries the average and the count', () => {
    const outbox = JSON.parse(readFileSync(join(dir, 'out', 'outbox.json'), 'utf8')) as {
      subject: string;
      body: string;
      htmlBody: string;
    }[];
    const weekly = outbox.find(
      (m) => m.subject.includes('Ringkasan mingguan') && m.body.includes('Kepuasan masyarakat'),
    )!;
    expect(weekly.body).toMatch(/Semua\D+1\D+5,00/);
    expect(weekly.htmlBody).toContain('Kepuasan masyarakat');
    expect(weekly.body).not.toContain('Cepat sekali');
  });

  test("Tautan Pantau holds each complaint's link with its code", () => {
    const wb = JSON.parse(readFileSync(join(dir, 'out', 'workbook.json'), 'utf8')) as {
      name: string;
      values: unknown[][];
    }[];
    const reg = wb.find((t) => t.name === 'Pengaduan')!.values;
    const col = (reg[0] as string[]).indexOf('Tautan Pantau');
    expect(reg.slice(1).map((r) => r[col])).toEqual(
      ['0001', '0002', '0003'].map(
        (n) => `http://127.0.0.1:8080/exec?no=ADU-2026-${n}&k=${realCode(result.runtime, `ADU-2026-${n}`)}`,
      ),
    );
  });
});

describe('rotating the secret, caching, the event object', () => {
  const sim = new Simulation(
    parseScenario(JSON.stringify({ ...scenario, events: scenario.events.slice(0, 6) })),
    () => undefined,
  );
  sim.setup();
  scenario.events.slice(0, 6).forEach((ev, i) => sim.event(ev, i));
  const get = (query: string) => callWebApp(sim.rt, { method: 'GET', url: `/exec?${query}` });

  test('a second view of the same page comes from CacheService, without reading the register', () => {
    const code = realCode(sim.rt, 'ADU-2026-0002');
    const first = get(`no=ADU-2026-0002&k=${code}`);
    const runs = sim.rt.ledger.runs;
    const firstCalls = runs[runs.length - 1].calls;
    const second = get(`no=ADU-2026-0002&k=${code.toLowerCase()}`);
    const secondCalls = sim.rt.ledger.runs[sim.rt.ledger.runs.length - 1].calls;
    expect(second.html).toBe(first.html);
    expect(firstCalls['Range.getValues']).toBeGreaterThan(0);
    expect(secondCalls['Range.getValues'] ?? 0).toBe(0);
    expect(secondCalls['Cache.get']).toBe(1);
  });

  test('the menu item replaces the secret: old links show "tidak ditemukan", Tautan Pantau is rewritten', () => {
    const oldCode = realCode(sim.rt, 'ADU-2026-0001');
    expect(get(`no=ADU-2026-0001&k=${oldCode}`).html).toContain('id="status">Dijawab<');
    sim.rt.openSpreadsheet(OPERATOR);
    const r = sim.rt.clickMenu(OPERATOR, ['Pengaduan', 'Ganti kode tautan pantau']);
    expect(r.ok).toBe(true);
    const newCode = realCode(sim.rt, 'ADU-2026-0001');
    expect(newCode).not.toBe(oldCode);
    expect(get(`no=ADU-2026-0001&k=${oldCode}`).html).toContain('Pengaduan tidak ditemukan');
    expect(get(`no=ADU-2026-0001&k=${newCode}`).html).toContain('id="status">Dijawab<');
    const reg = (sim.rt.spreadsheet.getSheetByName('Pengaduan') as Sheet).getDataRange().getValues();
    const col = reg[0].indexOf('Tautan Pantau');
    expect(reg[1][col]).toBe(`http://127.0.0.1:8080/exec?no=ADU-2026-0001&k=${newCode}`);
  });

  test('a rating can be changed 20 times; then the page says so and nothing more is written', () => {
    const post = (score: number) =>
      callWebApp(sim.rt, {
        method: 'POST',
        url: '/exec',
        contentType: 'application/x-www-form-urlencoded',
        body: `no=ADU-2026-0001&k=${realCode(sim.rt, 'ADU-2026-0001')}&nilai=${score}`,
      });
    for (let i = 0; i <= 20; i++) expect(post((i % 5) + 1).html).toContain('penilaian Anda telah kami terima');
    expect(post(3).html).toContain('terlalu sering diubah');
    const rows = (sim.rt.spreadsheet.getSheetByName('Penilaian') as Sheet).getDataRange().getValues().slice(1);
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual([['ADU-2026-0001', 1, 20]]);
    (sim.rt.spreadsheet.getSheetByName('Penilaian') as Sheet).deleteRow(2);
  });

  test('the search page without parameters; a POST with a wrong code gets the not-found page and stores nothing', () => {
    const search = get('');
    expect(search.html).toContain('<form method="get" action="http://127.0.0.1:8080/exec" rel="noopener">');
    const post = callWebApp(sim.rt, {
      method: 'POST',
      url: '/exec',
      contentType: 'application/x-www-form-urlencoded',
      body: 'no=ADU-2026-0001&k=WRONG&nilai=1',
    });
    expect(post.html).toBe(get('no=ADU-2026-0001&k=WRONG').html);
    expect((sim.rt.spreadsheet.getSheetByName('Penilaian') as Sheet).getLastRow()).toBe(1);
  });
});

describe('links before the URL is known', () => {
  test('registration leaves Tautan Pantau empty; setup fills it once url_pantau is entered, with the same code', () => {
    const events = scenario.events.slice(0, 2);
    const sim = new Simulation(
      parseScenario(JSON.stringify({ ...scenario, settings: { url_pantau: '' }, events })),
      () => undefined,
    );
    sim.setup();
    events.forEach((ev, i) => sim.event(ev, i));
    const links = () => {
      const reg = (sim.rt.spreadsheet.getSheetByName('Pengaduan') as Sheet).getDataRange().getValues();
      const col = reg[0].indexOf('Tautan Pantau');
      return reg.slice(1).map((r) => r[col]);
    };
    expect(links()).toEqual(['', '']);
    const settings = sim.rt.spreadsheet.getSheetByName('Pengaturan') as Sheet;
    const values = settings.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === 'url_pantau') + 1;
    expect(
      sim.rt.editAsUser(OPERATOR, 'Pengaturan', row, values[0].indexOf('Nilai') + 1, [
        ['https://script.google.com/macros/s/ABC/exec'],
      ]).applied,
    ).toBe(true);
    sim.rt.call('setup', [], { user: OPERATOR });
    expect(links()).toEqual(
      ['0001', '0002'].map(
        (n) => `https://script.google.com/macros/s/ABC/exec?no=ADU-2026-${n}&k=${realCode(sim.rt, `ADU-2026-${n}`)}`,
      ),
    );
  });
});

describe('validation of citizen events', () => {
  const base = {
    start: scenario.start,
    end: scenario.end,
    admins: [ADMIN],
    events: [submit('2026-04-06T09:10:00+07:00', 0, 'UP Museum Seni')],
  };
  test.each([
    [{ at: '2026-04-06T10:00:00+07:00', visit: {} }, 'events[1].visit'],
    [{ at: '2026-04-06T10:00:00+07:00', visit: { ref: 1, number: 'ADU-2026-0001' } }, 'events[1].visit'],
    [{ at: '2026-04-06T10:00:00+07:00', visit: { ref: 2 } }, 'events[1].visit.ref'],
    [{ at: '2026-04-06T10:00:00+07:00', visit: { ref: 1, code: 7 } }, 'events[1].visit.code'],
    [{ at: '2026-04-06T10:00:00+07:00', rate: { ref: 1, score: 6 } }, 'events[1].rate.score'],
    [{ at: '2026-04-06T10:00:00+07:00', rate: { ref: 1, score: 2.5 } }, 'events[1].rate.score'],
    [{ at: '2026-04-06T10:00:00+07:00', rate: { score: 3 } }, 'events[1].rate.ref'],
    [{ at: '2026-04-06T10:00:00+07:00', rate: { ref: 1, score: 3, comment: ['x'] } }, 'events[1].rate.comment'],
  ])('a bad citizen event names its field (%#)', (event, where) => {
    const text = JSON.stringify({ ...base, events: [...base.events, event] });
    expect(() => parseScenario(text, 's.json')).toThrow(ScenarioError);
    expect(() => parseScenario(text, 's.json')).toThrow(where);
  });
});
