/**
 * The dashboard end to end (issue 6) on the built bundle in the local runtime: complaints come
 * in through the form and the tabs, the hourly job and Menu › Buka dasbor refresh `Dasbor Data`
 * and `Ringkasan`; checked on the feed's columns and types, the charts the runtime records, the
 * dialog the Ui records, and the absence of every personal string the scenario typed.
 */
import type { Sheet } from '../../emulator/spreadsheet';
import { FEED_COLUMNS, FEED_HEADERS } from '../../src/core/dashboard/feed';
import { OPERATOR, Simulation } from '../../scripts/simulate';
import { parseScenario } from '../../scripts/sim/scenario';

const ADMIN = 'admin.medsos@example.org';
const PIC_SENI = 'pic.museum.seni@example.org';

/** Personal data the scenario types in; none of it may reach the dashboard. */
const PERSONAL = {
  reporters: ['@ibu_sartika_rahmawati', '@budi.santoso.1987', 'Slamet Riyadi (RT 05)', '@wargaTMII'],
  texts: [
    'Toilet di Museum Wayang kotor sekali, anak saya Nadia sampai muntah',
    'Atap Gedung Arsip bocor, nomor HP saya 0812-3456-7890',
    'Mohon info jadwal latihan tari untuk putri saya Kirana',
    'Promo judi online klik tautan ini',
  ],
  postUrls: [
    'https://www.instagram.com/p/Cx9pRiVaTe1',
    'https://www.facebook.com/permalink/9988776655',
    'https://x.com/wargaTMII/status/123456',
    'https://youtu.be/spamSpamXYZ',
  ],
  followUp: 'Petugas kebersihan Pak Darto sudah menindaklanjuti pada pukul 10.00',
  reply: 'Terima kasih Ibu Sartika, toilet sudah dibersihkan dan diperiksa ulang',
  replyUrl: 'https://www.instagram.com/p/Cx9pRiVaTe1/c/17999',
  closeReason: 'Spam judi daring dari akun anonim',
};

function boot(settings: Record<string, string> = {}): Simulation {
  const scenario = parseScenario(
    JSON.stringify({
      start: '2026-04-06T07:00:00+07:00',
      end: '2027-12-31T17:00:00+07:00',
      admins: [ADMIN],
      leaders: ['kadis@example.org'],
      settings,
      events: [],
    }),
  );
  const sim = new Simulation(scenario, () => undefined);
  sim.setup();
  return sim;
}

/** Four complaints: answered, being processed, waiting for a unit (Baru), closed as spam. */
function runScenario(sim: Simulation): void {
  const submit = (at: string, i: number, channel: string, category: string, unit: string, receivedAt: string) =>
    sim.event(
      {
        at,
        by: ADMIN,
        submit: {
          receivedAt,
          channel,
          reporter: PERSONAL.reporters[i],
          postUrl: PERSONAL.postUrls[i],
          text: PERSONAL.texts[i],
          category,
          unit,
        },
      },
      i,
    );
  submit(
    '2026-04-06T09:10:00+07:00',
    0,
    'Instagram',
    'Fasilitas dan kebersihan',
    'UP Museum Seni',
    '2026-04-06T08:40:00+07:00',
  );
  submit(
    '2026-04-06T10:00:00+07:00',
    1,
    'Facebook',
    'Cagar budaya dan koleksi',
    'Bidang Pelindungan Kebudayaan',
    '2026-04-06T09:30:00+07:00',
  );
  sim.event({ at: '2026-04-06T10:30:00+07:00', by: PIC_SENI, update: { ref: 1, status: 'Diproses' } }, 2);
  submit(
    '2026-04-07T08:30:00+07:00',
    2,
    'Twitter/X',
    'Permintaan informasi',
    'Tentukan otomatis',
    '2026-04-07T08:00:00+07:00',
  );
  submit('2026-04-07T09:00:00+07:00', 3, 'YouTube', 'Lainnya', 'Tentukan otomatis', '2026-04-07T08:45:00+07:00');
  sim.event(
    {
      at: '2026-04-07T10:00:00+07:00',
      by: PIC_SENI,
      update: { ref: 1, followUp: PERSONAL.followUp, status: 'Selesai' },
    },
    5,
  );
  sim.event(
    {
      at: '2026-04-07T11:00:00+07:00',
      by: ADMIN,
      answer: { ref: 1, reply: PERSONAL.reply, replyUrl: PERSONAL.replyUrl },
    },
    6,
  );
  sim.event({ at: '2026-04-07T11:30:00+07:00', by: ADMIN, close: { ref: 4, reason: PERSONAL.closeReason } }, 7);
  sim.rt.advanceTo('2026-04-09T13:30:00+07:00'); // hourly runs refresh the dashboard
  expect(sim.problems).toEqual([]);
}

const sheet = (sim: Simulation, name: string, ss = sim.rt.spreadsheet) => ss.getSheetByName(name) as Sheet;
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function records(values: unknown[][]): Record<string, unknown>[] {
  const [header, ...rows] = values;
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

function allText(s: Sheet): string {
  const range = s.getDataRange();
  const cells = [
    ...range
      .getValues()
      .flat()
      .map((v) => (isDate(v) ? v.toISOString() : String(v))),
    ...range.getDisplayValues().flat(),
    ...range.getNotes().flat(),
  ];
  return cells.join('\n');
}

function lastDialog(sim: Simulation) {
  const dialogs = sim.rt.spreadsheetApp._ui._dialogs;
  expect(dialogs.length).toBeGreaterThan(0);
  return dialogs[dialogs.length - 1];
}

function linkParams(html: string): Record<string, string> {
  const href = /id="looker-link" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
  const url = new URL(href);
  expect(`${url.origin}${url.pathname}`).toBe('https://lookerstudio.google.com/reporting/create');
  return Object.fromEntries(url.searchParams.entries());
}

function openDashboard(sim: Simulation, user = OPERATOR): void {
  sim.rt.openSpreadsheet(user);
  const run = sim.rt.clickMenu(user, ['Pengaduan', 'Buka dasbor']);
  expect(run.error).toBeUndefined();
}

describe('Dasbor Data on a scenario run', () => {
  let sim: Simulation;
  let values: unknown[][];
  let rows: Record<string, unknown>[];
  beforeAll(() => {
    sim = boot();
    runScenario(sim);
    values = sheet(sim, 'Dasbor Data').getDataRange().getValues();
    rows = records(values);
  });

  test('one row per complaint under the stable column ids', () => {
    expect(values[0]).toEqual(FEED_HEADERS);
    expect(rows.map((r) => r.no_pengaduan)).toEqual([
      'ADU-2026-0001',
      'ADU-2026-0002',
      'ADU-2026-0003',
      'ADU-2026-0004',
    ]);
  });

  test('typed cells: Dates, numbers and booleans, never their display text', () => {
    for (const r of rows) {
      for (const col of FEED_COLUMNS) {
        const v = r[col.id];
        const got = v === '' ? 'blank' : isDate(v) ? 'date' : typeof v;
        const allowed = {
          'Date & Time': ['date', 'blank'],
          Date: ['date', 'blank'],
          'Year Month': ['date'],
          Number: ['number', 'blank'],
          Boolean: ['boolean'],
          Text: ['string'],
        }[col.type];
        expect([r.no_pengaduan, col.id, allowed.includes(got) ? 'ok' : got]).toEqual([r.no_pengaduan, col.id, 'ok']);
      }
    }
    expect(isDate(rows[0].waktu_diterima) && rows[0].waktu_diterima.toISOString()).toBe('2026-04-06T01:40:00.000Z');
  });

  test('what each complaint looks like', () => {
    const pick = (r: Record<string, unknown>) => [
      r.kanal,
      r.unit,
      r.jenis_unit,
      r.status,
      r.terbuka,
      r.langkah_saat_ini,
      r.tepat_waktu,
      r.lewat_tenggat,
    ];
    expect(rows.map(pick)).toEqual([
      ['Instagram', 'UP Museum Seni', 'UKPD', 'Dijawab', false, 0, 'Ya', false],
      // Forwarded Mon 10:00, nobody started it: step 3 overdue since Tue 10:00.
      ['Facebook', 'Bidang Pelindungan Kebudayaan', 'Bidang', 'Diteruskan', true, 3, 'Berjalan', true],
      // No keyword matched: waiting for the admin to choose a unit.
      ['Twitter/X', 'Belum ditentukan', 'Belum ditentukan', 'Baru', true, 2, 'Berjalan', true],
      ['YouTube', 'Belum ditentukan', 'Belum ditentukan', 'Ditutup', false, 0, 'Ditutup', false],
    ]);
    expect((rows[0].waktu_dijawab as Date).toISOString()).toBe('2026-04-07T04:00:00.000Z');
    expect(rows[0].hari_terlambat).toBe(0);
    expect(typeof rows[1].jam_kerja_langkah_3).toBe('number');
  });

  test('date columns carry date formats, hours two decimals', () => {
    const s = sheet(sim, 'Dasbor Data');
    const fmt = (id: string) => s.getRange(2, FEED_HEADERS.indexOf(id) + 1).getNumberFormat();
    expect(fmt('waktu_diterima')).toBe('yyyy-mm-dd hh:mm');
    expect(fmt('tanggal_diterima')).toBe('yyyy-mm-dd');
    expect(fmt('bulan')).toBe('yyyy-mm');
    expect(fmt('jam_kerja_langkah_3')).toBe('0.00');
  });

  test('no personal data anywhere in Dasbor Data or Ringkasan', () => {
    const strings = [
      ...PERSONAL.reporters,
      ...PERSONAL.texts,
      ...PERSONAL.postUrls,
      PERSONAL.followUp,
      PERSONAL.reply,
      PERSONAL.replyUrl,
      PERSONAL.closeReason,
      ADMIN,
    ];
    // The register does hold them (the check would otherwise prove nothing).
    const register = allText(sheet(sim, 'Pengaduan'));
    for (const s of strings.filter((x) => x !== ADMIN)) expect(register).toContain(s);
    for (const tab of ['Dasbor Data', 'Ringkasan']) {
      const text = allText(sheet(sim, tab));
      for (const s of strings) expect([tab, text.includes(s) ? s : '']).toEqual([tab, '']);
      for (const fragment of ['Sartika', 'Nadia', '0812', 'instagram.com', 'judi', 'Darto'])
        expect([tab, text.includes(fragment) ? fragment : '']).toEqual([tab, '']);
    }
  });

  test('Ringkasan: key figures and the charts the runtime records, over their tables', () => {
    const s = sheet(sim, 'Ringkasan');
    const grid = s.getDataRange().getValues();
    const row = (label: string) => grid.find((r) => r[0] === label)!;
    expect(row('Diterima').slice(0, 4)).toEqual(['Diterima', 4, 0, 4]);
    expect(row('Persentase tepat waktu').slice(0, 4)).toEqual(['Persentase tepat waktu', 1, '', 1]);
    expect(row('Lewat tenggat').slice(0, 4)).toEqual(['Lewat tenggat', '', '', 2]);
    const charts = s.getCharts().map((c) => ({
      type: c.modify().getChartType(),
      title: c.getOptions().get('title'),
      headers: c.getRanges().map((r) => String(r.getCell(1, 1).getValue())),
      rows: c.getRanges()[0].getNumRows(),
    }));
    expect(charts.map((c) => [c.type, c.title, c.headers])).toEqual([
      ['PIE', 'Pengaduan per status', ['Status']],
      ['BAR', 'Terbuka dan lewat tenggat per unit', ['Unit', 'Masih terbuka', 'Lewat tenggat']],
      ['COLUMN', 'Pengaduan diterima per minggu, per kanal', ['Minggu mulai']],
      ['PIE', 'Pengaduan per kanal', ['Kanal', 'Diterima']],
      ['COLUMN', 'Persentase tepat waktu per langkah', ['Langkah', 'Persentase tepat waktu']],
    ]);
    expect(charts[0].rows).toBe(7); // header + six statuses
    expect(charts[1].rows).toBe(4); // header + three units (incl. "Belum ditentukan")
  });

  test('refreshing again replaces the charts instead of piling them up', () => {
    openDashboard(sim);
    openDashboard(sim);
    expect(sheet(sim, 'Ringkasan').getCharts()).toHaveLength(5);
    expect(records(sheet(sim, 'Dasbor Data').getDataRange().getValues())).toHaveLength(4);
  });

  test('Menu › Buka dasbor shows a dialog whose link creates a Looker Studio report on the feed tab', () => {
    openDashboard(sim);
    const dialog = lastDialog(sim);
    expect(dialog.kind).toBe('modal');
    expect(dialog.title).toBe('Buka dasbor Looker Studio');
    const p = linkParams(dialog.html);
    expect(p['ds.ds0.connector']).toBe('googleSheets');
    expect(p['ds.ds0.spreadsheetId']).toBe(sim.rt.spreadsheet.getId());
    expect(p['ds.ds0.worksheetId']).toBe(String(sheet(sim, 'Dasbor Data').getSheetId()));
    expect(p['r.reportName']).toContain('Dasbor Pengaduan');
    expect(p).not.toHaveProperty('c.reportId');
    expect(dialog.html).toContain('<td>4</td>'); // rows in the feed
  });

  test('an admin without rights on the protected dashboard tabs still gets the link to the feed', () => {
    const before = sim.rt.spreadsheetApp._ui._dialogs.length;
    openDashboard(sim, ADMIN);
    expect(sim.rt.spreadsheetApp._ui._dialogs.length).toBe(before + 1);
    const p = linkParams(lastDialog(sim).html);
    expect(p['ds.ds0.worksheetId']).toBe(String(sheet(sim, 'Dasbor Data').getSheetId()));
    expect(lastDialog(sim).html).toContain('<td>4</td>');
  });

  test('the hourly job keeps the feed current', () => {
    const time = () => (records(sheet(sim, 'Dasbor Data').getDataRange().getValues())[0].waktu_data as Date).getTime();
    const before = time();
    sim.rt.advanceTo('2026-04-09T16:30:00+07:00');
    expect(time()).toBeGreaterThan(before);
    expect(sim.rt.executions.filter((e) => e.label === 'hourlyJob').every((e) => e.ok)).toBe(true);
  });
});

describe('a failing dashboard does not fail the job it ends', () => {
  test('the hourly job still succeeds and the failure is in Log Galat', () => {
    const sim = boot();
    runScenario(sim);
    const summary = sheet(sim, 'Ringkasan') as Sheet & { newChart: () => unknown };
    summary.newChart = () => {
      throw new Error('grafik rusak (uji)');
    };
    const runs = sim.rt.advanceTo('2026-04-09T15:30:00+07:00').filter((r) => r.label === 'hourlyJob');
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.ok)).toBe(true);
    const errors = records(sheet(sim, 'Log Galat').getDataRange().getValues());
    expect(
      errors.some(
        (e) =>
          String(e['Pesan']).startsWith('Dasbor tidak dapat diperbarui: ') &&
          String(e['Pesan']).includes('grafik rusak (uji)'),
      ),
    ).toBe(true);
  });
});

describe('settings', () => {
  test('setup builds the feed header and Ringkasan before any complaint', () => {
    const sim = boot();
    expect(sheet(sim, 'Ringkasan')).not.toBeNull();
    expect(sheet(sim, 'Ringkasan').getCharts().length).toBeGreaterThan(0);
    expect(sheet(sim, 'Dasbor Data').getDataRange().getValues()).toEqual([FEED_HEADERS]);
  });

  test('with a template report id in Pengaturan the link copies it (c.reportId); the dialog escapes it', () => {
    const sim = boot({ dasbor_template_report_id: 'tmpl-123"><b>x</b>' });
    openDashboard(sim);
    const dialog = lastDialog(sim);
    expect(linkParams(dialog.html)['c.reportId']).toBe('tmpl-123"><b>x</b>');
    expect(dialog.html).not.toContain('<b>x</b>');
  });
});

describe('separate dashboard spreadsheet (Pengaturan dasbor_spreadsheet_id)', () => {
  test('the feed goes there too, and the link points at it', () => {
    const sim = boot();
    const external = sim.rt.spreadsheetApp.create('Dasbor Pengaduan (tanpa data pribadi)');
    external.setSpreadsheetTimeZone('Etc/UTC');
    const settings = sheet(sim, 'Pengaturan');
    const keys = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    sim.rt.editAsUser(OPERATOR, 'Pengaturan', keys.indexOf('dasbor_spreadsheet_id') + 1, 2, [
      [`https://docs.google.com/spreadsheets/d/${external.getId()}/edit`],
    ]);
    runScenario(sim);
    openDashboard(sim);
    const feed = external.getSheetByName('Dasbor Data') as Sheet;
    expect(feed).not.toBeNull();
    expect(records(feed.getDataRange().getValues()).map((r) => r.no_pengaduan)).toEqual([
      'ADU-2026-0001',
      'ADU-2026-0002',
      'ADU-2026-0003',
      'ADU-2026-0004',
    ]);
    expect(external.getSpreadsheetTimeZone()).toBe('Asia/Jakarta');
    const p = linkParams(lastDialog(sim).html);
    expect(p['ds.ds0.spreadsheetId']).toBe(external.getId());
    expect(p['ds.ds0.worksheetId']).toBe(String(feed.getSheetId()));
    expect(lastDialog(sim).html).toContain('spreadsheet terpisah');
  });

  test('an id that cannot be opened is logged for the operator; the local feed is still refreshed and linked', () => {
    const sim = boot({ dasbor_spreadsheet_id: 'tidak-ada-spreadsheet-ini' });
    runScenario(sim);
    openDashboard(sim);
    const errors = records(sheet(sim, 'Log Galat').getDataRange().getValues());
    expect(
      errors.some((e) => String(e['Pesan']).includes('tidak-ada-spreadsheet-ini') && e['Tingkat'] === 'PERINGATAN'),
    ).toBe(true);
    expect(linkParams(lastDialog(sim).html)['ds.ds0.spreadsheetId']).toBe(sim.rt.spreadsheet.getId());
    expect(records(sheet(sim, 'Dasbor Data').getDataRange().getValues())).toHaveLength(4);
  });
});
