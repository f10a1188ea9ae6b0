/**
 * The `Dasbor Data` feed (DESIGN §9): stable typed columns, one row per complaint, SLA figures
 * from the calendar, and no personal data. Expected values worked out by hand on the default
 * calendar (Mon–Fri 08:00–16:00, shipped 2026 holidays: Lebaran 18–24 Mar, Good Friday 3 Apr).
 */
import { STATUS, emptyComplaint } from '../../src/core/complaint';
import {
  FEED_COLUMNS,
  FEED_HEADERS,
  FeedRecord,
  buildFeed,
  feedFormatRuns,
  feedRecordOf,
  feedValues,
} from '../../src/core/dashboard/feed';
import { feedRecordsFromObjects, feedRecordsFromTable } from '../../src/core/dashboard/feed-read';
import { isoWib } from '../../src/core/values';
import { COMPLAINTS, NOW, at, ctx, personalStrings } from './dashboard.fixtures';

const { records, problems } = buildFeed(COMPLAINTS, ctx);
const byNumber = (n: number): FeedRecord =>
  records.find((r) => r.no_pengaduan === `ADU-2026-${String(n).padStart(4, '0')}`)!;

describe('columns', () => {
  test('ids are unique snake_case identifiers, in the documented order', () => {
    expect(new Set(FEED_HEADERS).size).toBe(FEED_HEADERS.length);
    for (const id of FEED_HEADERS) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(FEED_HEADERS.slice(0, 10)).toEqual([
      'no_pengaduan',
      'waktu_diterima',
      'tanggal_diterima',
      'minggu',
      'bulan',
      'kanal',
      'kategori',
      'unit',
      'jenis_unit',
      'status',
    ]);
  });

  test('cover what DESIGN §9 asks for', () => {
    for (const id of [
      'no_pengaduan',
      'tanggal_diterima',
      'bulan',
      'kanal',
      'kategori',
      'unit',
      'jenis_unit',
      'status',
      'langkah_saat_ini',
      'jam_kerja_langkah_1',
      'jam_kerja_langkah_5',
      'terlambat_langkah_1',
      'terlambat_langkah_5',
      'hari_kerja_total',
      'tepat_waktu',
      'tanggal_dijawab',
    ])
      expect(FEED_HEADERS).toContain(id);
  });

  test('no column is named after personal data', () => {
    for (const id of FEED_HEADERS)
      expect(id).not.toMatch(/pelapor|isi|tautan|url|jawaban|email|catatan|tindak_lanjut|alasan/);
  });

  test('format runs group adjacent columns of one format', () => {
    const runs = feedFormatRuns();
    const hours = runs.find((r) => FEED_COLUMNS[r.first].id === 'jam_kerja_langkah_1')!;
    expect(hours).toEqual({ first: FEED_HEADERS.indexOf('jam_kerja_langkah_1'), count: 5, format: '0.00' });
    for (const r of runs) for (let k = 0; k < r.count; k++) expect(FEED_COLUMNS[r.first + k].format).toBe(r.format);
  });
});

describe('types', () => {
  const nullable = new Set(['tenggat_langkah', 'waktu_dijawab', 'tanggal_dijawab', 'waktu_ditutup', 'waktu_penilaian']);

  test('every value has its column type: Date, number, boolean, text', () => {
    expect(problems).toEqual([]);
    expect(records).toHaveLength(COMPLAINTS.length);
    for (const r of records) {
      for (const col of FEED_COLUMNS) {
        const v = r[col.id];
        const where = `${r.no_pengaduan}.${col.id}`;
        switch (col.type) {
          case 'Date & Time':
          case 'Date':
          case 'Year Month':
            if (v === null) expect([where, nullable.has(col.id)]).toEqual([where, true]);
            else expect([where, v instanceof Date && !isNaN(v.getTime())]).toEqual([where, true]);
            break;
          case 'Number':
            if (v === null)
              expect([where, col.id.startsWith('jam_kerja_langkah_') || col.id === 'nilai_kepuasan']).toEqual([
                where,
                true,
              ]);
            else expect([where, typeof v === 'number' && Number.isFinite(v)]).toEqual([where, true]);
            break;
          case 'Boolean':
            expect([where, typeof v]).toEqual([where, 'boolean']);
            break;
          default:
            expect([where, typeof v]).toEqual([where, 'string']);
        }
      }
    }
  });

  test('sheet rows keep the types and write blanks as empty cells', () => {
    const rows = feedValues(records);
    for (const row of rows) {
      expect(row).toHaveLength(FEED_COLUMNS.length);
      row.forEach((v, i) => {
        const type = FEED_COLUMNS[i].type;
        expect(v === null || v === undefined).toBe(false);
        if (typeof v === 'string' && v !== '') expect(type).toBe('Text');
        if (v instanceof Date) expect(['Date & Time', 'Date', 'Year Month']).toContain(type);
      });
    }
  });

  test('calendar days are midnight WIB: day, Monday of the week, first of the month', () => {
    const r = byNumber(2); // Wednesday 25 March 2026 10:00 WIB
    expect(isoWib(r.waktu_diterima)).toBe('2026-03-25T10:00:00+07:00');
    expect(isoWib(r.tanggal_diterima)).toBe('2026-03-25T00:00:00+07:00');
    expect(isoWib(r.minggu)).toBe('2026-03-23T00:00:00+07:00');
    expect(isoWib(r.bulan)).toBe('2026-03-01T00:00:00+07:00');
    expect(isoWib(r.tanggal_dijawab)).toBe('2026-04-08T00:00:00+07:00');
    expect(isoWib(byNumber(3).minggu)).toBe('2026-04-06T00:00:00+07:00'); // a Wednesday → Monday 6 April
  });
});

describe('values', () => {
  type Row = [number, string, boolean, number, number, string, boolean, boolean, number, string, string, boolean];
  const row = (n: number): Row => {
    const r = byNumber(n);
    return [
      n,
      r.status,
      r.terbuka,
      r.langkah_saat_ini,
      r.langkah_selesai,
      r.tepat_waktu,
      r.lewat_tenggat,
      r.terlambat,
      r.hari_terlambat,
      r.unit,
      r.jenis_unit,
      r.dialihkan,
    ];
  };

  test('status, steps, timeliness per complaint', () => {
    expect([1, 2, 3, 4, 5].map(row)).toEqual<Row[]>([
      [1, 'Dijawab', false, 0, 5, 'Ya', false, false, 0, 'UP Museum Seni', 'UKPD', false],
      // Step 4 due Fri 27 Mar 09:00, done Tue 7 Apr 11:00: six working days late (3 Apr is Good Friday).
      [2, 'Dijawab', false, 0, 5, 'Tidak', false, true, 6, 'Bidang Pelindungan Kebudayaan', 'Bidang', false],
      // Waiting for a unit since Wed 8 Apr 08:20; step 2 was due Thu 9 Apr 08:20.
      [3, 'Baru', true, 2, 1, 'Berjalan', true, true, 1, 'Belum ditentukan', 'Belum ditentukan', false],
      [4, 'Ditutup', false, 0, 1, 'Ditutup', false, false, 0, 'Belum ditentukan', 'Belum ditentukan', false],
      [5, 'Diproses', true, 4, 3, 'Berjalan', false, false, 0, 'Suku Dinas Kebudayaan Jakarta Barat', 'Sudin', true],
    ]);
  });

  test('working hours per step and working days overall', () => {
    const r = byNumber(1);
    // 08:40→09:10, 09:10→09:10, 09:10→13:00, 13:00→10:00 next day, 10:00→14:00.
    expect([1, 2, 3, 4, 5].map((k) => r[`jam_kerja_langkah_${k as 1}`])).toEqual([0.5, 0, 3.83, 5, 4]);
    expect(r.hari_kerja_total).toBe(1.67); // 7h20 of 8h on Monday + 6h of 8h on Tuesday
    expect(byNumber(2).hari_kerja_total).toBe(8.88); // Lebaran days and Good Friday do not count
    expect(byNumber(2).terlambat_langkah_4).toBe(true);
    expect([1, 2, 3, 5].map((k) => byNumber(2)[`terlambat_langkah_${k as 1}`])).toEqual([false, false, false, false]);
    // Not started steps have no hours; a running step counts up to now.
    expect(byNumber(3).jam_kerja_langkah_3).toBeNull();
    expect(byNumber(3).jam_kerja_langkah_2).toBe(23.67);
  });

  test('due times and answer/close instants', () => {
    expect(isoWib(byNumber(1).tenggat_akhir)).toBe('2026-03-30T08:40:00+07:00'); // 5 working days across Lebaran
    expect(byNumber(1).tenggat_langkah).toBeNull();
    expect(isoWib(byNumber(3).tenggat_langkah)).toBe('2026-04-09T08:20:00+07:00');
    expect(isoWib(byNumber(5).tenggat_langkah)).toBe('2026-04-13T09:00:00+07:00');
    expect(isoWib(byNumber(1).waktu_dijawab)).toBe('2026-03-17T14:00:00+07:00');
    expect(isoWib(byNumber(4).waktu_ditutup)).toBe('2026-04-09T14:00:00+07:00');
    for (const r of records) expect(r.waktu_data.getTime()).toBe(NOW.getTime());
  });

  test('rows are ordered by received time', () => {
    expect(records.map((r) => r.no_pengaduan)).toEqual([
      'ADU-2026-0001',
      'ADU-2026-0002',
      'ADU-2026-0003',
      'ADU-2026-0005',
      'ADU-2026-0004',
    ]);
  });

  test('an unknown unit keeps its name with kind "Tidak diketahui"; a typed-over status falls back to the stamps', () => {
    const c = { ...COMPLAINTS[0], unit: 'Unit Lama', status: 'selesai' as never };
    const r = feedRecordOf(c, ctx);
    expect([r.unit, r.jenis_unit, r.status]).toEqual(['Unit Lama', 'Tidak diketahui', STATUS.answered]);
  });

  test('text that a sheet would read as a formula is written as text', () => {
    const r = feedRecordOf({ ...COMPLAINTS[0], category: '=IMPORTXML("http://x")' }, ctx);
    const cell = feedValues([r])[0][FEED_HEADERS.indexOf('kategori')];
    expect(cell).toBe('\'=IMPORTXML("http://x")');
  });

  test('rows without a number are skipped; a row whose dates are broken is reported, not fatal', () => {
    const broken = { ...emptyComplaint('ADU-2026-0099', at('2026-04-01T09:00:00+07:00')), recordedAt: new Date(NaN) };
    const blank = { ...COMPLAINTS[0], number: '' };
    const out = buildFeed([blank, broken, COMPLAINTS[1]], ctx);
    expect(out.records.map((r) => r.no_pengaduan)).toEqual(['ADU-2026-0002']);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatch(/^ADU-2026-0099: /);
  });
});

describe('no personal data', () => {
  const strings = COMPLAINTS.flatMap(personalStrings);

  test('the fixtures do carry personal data in every personal field', () => {
    expect(strings.length).toBe(COMPLAINTS.length * 10 + 1); // + the one close reason
  });

  test('no reporter, text, post URL, reply, note, email or close reason anywhere in the feed', () => {
    const cells = feedValues(records)
      .flat()
      .map((v) => (v instanceof Date ? v.toISOString() : String(v)));
    const dump = JSON.stringify(records) + '\n' + cells.join('\n');
    for (const s of strings) expect(dump.includes(s) ? s : '').toBe('');
    // Nor any recognisable part of them.
    for (const fragment of ['rahasia', 'Melati', '@example.org', 'instagram.com', 'pribadi', 'spam'])
      expect(dump).not.toContain(fragment);
  });
});

describe('reading the feed back (local preview input)', () => {
  test('from the tab values (header row + rows)', () => {
    const table = [FEED_HEADERS.slice(), ...feedValues(records)];
    expect(feedRecordsFromTable(table)).toEqual(records);
  });

  test('from JSON objects with ISO dates', () => {
    const json = JSON.parse(JSON.stringify(records)) as Record<string, unknown>[];
    expect(feedRecordsFromObjects(json)).toEqual(records);
  });

  test('columns found by name, extra columns ignored, a missing column named', () => {
    const header = FEED_HEADERS.slice().reverse();
    const rows = feedValues(records).map((r) => r.slice().reverse());
    const moved = [['catatan_operator', ...header], ...rows.map((r) => ['x', ...r])];
    expect(feedRecordsFromTable(moved)).toEqual(records);
    const short = [
      FEED_HEADERS.filter((h) => h !== 'tepat_waktu'),
      ...feedValues(records).map((r) => r.filter((_, i) => FEED_HEADERS[i] !== 'tepat_waktu')),
    ];
    expect(() => feedRecordsFromTable(short)).toThrow(/tepat_waktu/);
  });
});

test('format runs follow the tab’s own column order when the operator moved columns', () => {
  const moved = FEED_HEADERS.slice().reverse();
  const runs = feedFormatRuns((id) => moved.indexOf(id));
  const hours = runs.find((r) => r.format === '0.00' && r.count === 5)!;
  expect(moved.slice(hours.first, hours.first + 5).sort()).toEqual([
    'jam_kerja_langkah_1',
    'jam_kerja_langkah_2',
    'jam_kerja_langkah_3',
    'jam_kerja_langkah_4',
    'jam_kerja_langkah_5',
  ]);
  const covered = runs.reduce((n, r) => n + r.count, 0);
  expect(covered).toBe(FEED_COLUMNS.filter((c) => c.format).length);
});
