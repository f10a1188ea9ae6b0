import fc from 'fast-check';
import {
  ConfigTables,
  DEFAULT_UNITS,
  SETTINGS,
  dateKeyOf,
  parseConfig,
  parseHours,
  parseHoursExceptions,
  splitList,
} from '../../src/core/config';

const H = (open: string, close: string) => {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return { open: m(open), close: m(close) };
};
const OFFICE = H('08:00', '16:00');
const WEEK = [OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, null, null];

const tables = (over: Partial<ConfigTables> = {}): ConfigTables => ({
  units: [],
  settings: new Map(),
  holidays: [],
  ...over,
});
const withSettings = (entries: Record<string, unknown>) =>
  parseConfig(tables({ settings: new Map(Object.entries(entries)) }));

describe('parseConfig defaults (DESIGN §6)', () => {
  const config = parseConfig(tables());

  test('working hours Mon–Fri 08:00–16:00, weekend closed, no exceptions', () => {
    expect(config.weekHours).toEqual(WEEK);
    expect(config.exceptions).toEqual([]);
  });

  test('one working day per step, reminder at 08, escalation after 1 and 3 days', () => {
    expect(config.stepDays).toEqual([1, 1, 1, 1, 1]);
    expect(config.reminderHour).toBe(8);
    expect(config.escalateHeadDays).toBe(1);
    expect(config.escalateLeadersDays).toBe(3);
  });

  test('example admin and leadership emails and the default categories', () => {
    expect(config.admins).toEqual(['admin.medsos@example.org']);
    expect(config.leaders).toEqual(['kadis@example.org', 'sekdis@example.org']);
    expect(config.categories).toContain('Lainnya');
    expect(config.categories.length).toBeGreaterThan(3);
    expect(config.dashboardSpreadsheetId).toBe('');
  });

  test('no problems', () => {
    expect(config.problems).toEqual([]);
  });

  test('the seeded settings parse to the same configuration as no settings', () => {
    const seeded = withSettings(Object.fromEntries(SETTINGS.map((s) => [s.key, s.value])));
    expect(seeded).toEqual(config);
  });
});

describe('parseConfig settings', () => {
  test('values read from cells as numbers are accepted', () => {
    const c = withSettings({ jam_pengingat: 7, baku_mutu_langkah_3: 2, eskalasi_pimpinan_hari: ' 5 ' });
    expect(c.reminderHour).toBe(7);
    expect(c.stepDays).toEqual([1, 1, 2, 1, 1]);
    expect(c.escalateLeadersDays).toBe(5);
    expect(c.problems).toEqual([]);
  });

  test('a step of 0 days is allowed', () => {
    expect(withSettings({ baku_mutu_langkah_1: '0' }).stepDays[0]).toBe(0);
  });

  test.each<[string, unknown, keyof ReturnType<typeof parseConfig>, unknown]>([
    ['jam_pengingat', '24', 'reminderHour', 8],
    ['jam_pengingat', '-1', 'reminderHour', 8],
    ['jam_pengingat', 'delapan', 'reminderHour', 8],
    ['jam_pengingat', '', 'reminderHour', 8],
    ['jam_pengingat', '8.5', 'reminderHour', 8],
    ['jam_pengingat', '0x8', 'reminderHour', 8],
    ['eskalasi_kepala_hari', '0', 'escalateHeadDays', 1],
    ['eskalasi_pimpinan_hari', 'tiga', 'escalateLeadersDays', 3],
    ['baku_mutu_langkah_2', '1,5', 'stepDays', [1, 1, 1, 1, 1]],
    ['baku_mutu_langkah_5', '31', 'stepDays', [1, 1, 1, 1, 1]],
  ])('%s = %j is refused in Indonesian and the default used', (key, value, field, def) => {
    const c = withSettings({ [key]: value });
    expect(c[field]).toEqual(def);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatch(
      new RegExp(`^Pengaturan ${key} = ".*" tidak sah \\(harus bilangan bulat \\d+–\\d+\\); dipakai \\d+\\.$`),
    );
  });

  test('weekday hours can be changed, closed with blank / "-" / "libur", and opened on Saturday', () => {
    const c = withSettings({
      jam_kerja_jumat: '07.30 – 11.30',
      jam_kerja_senin: 'libur',
      jam_kerja_selasa: '-',
      jam_kerja_sabtu: '08:00-12:00',
    });
    expect(c.weekHours).toEqual([null, null, OFFICE, OFFICE, H('07:30', '11:30'), H('08:00', '12:00'), null]);
    expect(c.problems).toEqual([]);
  });

  test.each([['8-16'], ['16:00-08:00'], ['08:00-08:00'], ['08:75-16:00'], ['08:00-16:60'], ['08:00-25:00'], ['pagi']])(
    'unreadable hours %j → problem and the default for that day',
    (value) => {
      const c = withSettings({ jam_kerja_rabu: value });
      expect(c.weekHours[2]).toEqual(OFFICE);
      expect(c.problems).toEqual([
        `Pengaturan jam_kerja_rabu = "${value}" tidak dapat dibaca (contoh 08:00-16:00); dipakai nilai bawaan.`,
      ]);
    },
  );

  test('invalid emails are reported and dropped; valid ones lower-cased', () => {
    const c = withSettings({ email_admin: 'Admin@Dinas.go.id, bukan-email; kedua@contoh.id', email_pimpinan: '' });
    expect(c.admins).toEqual(['admin@dinas.go.id', 'kedua@contoh.id']);
    expect(c.leaders).toEqual([]);
    expect(c.problems).toEqual(['Pengaturan email_admin: alamat email tidak sah diabaikan: bukan-email.']);
  });

  test('categories are split on commas, semicolons and new lines', () => {
    expect(withSettings({ kategori: 'A, B;C\nD,, ' }).categories).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('hours exceptions (Ramadan)', () => {
  const ramadan = '2026-02-19..2026-03-19: senin-kamis 08:00-15:00; jumat 08:00-15:30';

  test('the DESIGN §6 Ramadan example', () => {
    const c = withSettings({ jam_kerja_khusus: ramadan });
    expect(c.problems).toEqual([]);
    expect(c.exceptions).toEqual([
      {
        from: '2026-02-19',
        to: '2026-03-19',
        hours: [
          H('08:00', '15:00'),
          H('08:00', '15:00'),
          H('08:00', '15:00'),
          H('08:00', '15:00'),
          H('08:00', '15:30'),
          null,
          null,
        ],
      },
    ]);
  });

  test('days not named keep the regular hours of the week', () => {
    const c = withSettings({
      jam_kerja_khusus: '2026-04-01..2026-04-02: jumat 08:00-11:00',
      jam_kerja_senin: '09:00-17:00',
    });
    expect(c.exceptions[0].hours).toEqual([
      H('09:00', '17:00'),
      OFFICE,
      OFFICE,
      OFFICE,
      H('08:00', '11:00'),
      null,
      null,
    ]);
  });

  test('several lines, capitals, spaces around dashes and closed days', () => {
    const { exceptions, problems } = parseHoursExceptions(
      '2025-03-01 .. 2025-03-30 : Senin - Kamis 08:00 - 15:00 ; Jumat 08.00-15.30\n\n2025-12-31..2025-12-31: rabu libur',
      WEEK,
    );
    expect(problems).toEqual([]);
    expect(exceptions).toHaveLength(2);
    expect(exceptions[0].hours.slice(0, 5)).toEqual([
      H('08:00', '15:00'),
      H('08:00', '15:00'),
      H('08:00', '15:00'),
      H('08:00', '15:00'),
      H('08:00', '15:30'),
    ]);
    expect(exceptions[1]).toEqual({
      from: '2025-12-31',
      to: '2025-12-31',
      hours: [OFFICE, OFFICE, null, OFFICE, OFFICE, null, null],
    });
  });

  test.each([
    ['Ramadan 08:00-15:00'],
    ['2026-03-19..2026-02-19: senin 08:00-15:00'],
    ['2026-02-30..2026-03-19: senin 08:00-15:00'],
    ['2026-02-19..2026-03-19: kamis-senin 08:00-15:00'],
    ['2026-02-19..2026-03-19: senen 08:00-15:00'],
    ['2026-02-19..2026-03-19: senin 15:00-08:00'],
    ['2026-02-19..2026-03-19: senin'],
  ])('unreadable line %j → a problem and no exception; other lines still apply', (line) => {
    const { exceptions, problems } = parseHoursExceptions(`${line}\n2026-05-01..2026-05-02: jumat 08:00-11:00`, WEEK);
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0].from).toBe('2026-05-01');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Jam kerja khusus "${line}" tidak dapat dibaca`);
  });

  test('a bad exception reaches the config problems', () => {
    expect(withSettings({ jam_kerja_khusus: 'puasa' }).problems).toHaveLength(1);
  });
});

describe('parseHours', () => {
  test('property: every valid hh:mm-hh:mm with open < close parses to minutes', () => {
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));
    const fmt = ([h, m]: [number, number]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    fc.assert(
      fc.property(time, time, (a, b) => {
        const open = a[0] * 60 + a[1];
        const close = b[0] * 60 + b[1];
        const parsed = parseHours(`${fmt(a)}-${fmt(b)}`);
        if (open < close) expect(parsed).toEqual({ open, close });
        else expect(parsed).toBeUndefined();
      }),
    );
  });

  test('closing at 24:00 is allowed', () => {
    expect(parseHours('20:00-24:00')).toEqual({ open: 1200, close: 1440 });
  });
});

describe('units', () => {
  const row = (
    name: unknown,
    kind = 'UKPD',
    tab = '',
    pics = 'pic@contoh.id',
    head = 'kepala@contoh.id',
    keywords = '',
    active: unknown = 'Ya',
  ) => [name, kind, tab, pics, head, keywords, active];

  test('reads each column, defaulting the tab to the name', () => {
    const c = parseConfig(
      tables({
        units: [
          row(
            'UP Museum Seni',
            'UKPD',
            '',
            'A@Contoh.id, b@contoh.id',
            'Kepala@Contoh.id',
            'museum wayang, keramik\nmuseum tekstil',
          ),
        ],
      }),
    );
    expect(c.units).toEqual([
      {
        name: 'UP Museum Seni',
        kind: 'UKPD',
        tab: 'UP Museum Seni',
        pics: ['a@contoh.id', 'b@contoh.id'],
        head: 'kepala@contoh.id',
        keywords: ['museum wayang', 'keramik', 'museum tekstil'],
        active: true,
      },
    ]);
    expect(c.problems).toEqual([]);
  });

  test('a duplicate unit is ignored, with the sheet row number', () => {
    const c = parseConfig(tables({ units: [row('Sekretariat'), row('UP Museum Seni'), row('Sekretariat', 'Bidang')] }));
    expect(c.units.map((u) => u.name)).toEqual(['Sekretariat', 'UP Museum Seni']);
    expect(c.units[0].kind).toBe('UKPD');
    expect(c.problems).toEqual(['Tab Unit baris 4: unit "Sekretariat" ganda; baris ini diabaikan.']);
  });

  test.each<[unknown, boolean]>([
    ['Ya', true],
    ['ya', true],
    ['', true],
    [true, true],
    ['Aktif', true],
    ['TRUE', true],
    ['Tidak', false],
    ['tidak', false],
    [false, false],
    ['Nonaktif', false],
    ['N', false],
  ])('Aktif = %j → %s', (value, active) => {
    expect(parseConfig(tables({ units: [row('X', 'UKPD', '', '', '', '', value)] })).units[0].active).toBe(active);
  });

  test('blank rows are skipped; missing kind defaults to UKPD; a custom tab name is kept', () => {
    const c = parseConfig(
      tables({ units: [row(''), ['  ', '', '', '', '', '', ''], row('Sudin Barat', '', 'Sudin Jakbar')] }),
    );
    expect(c.units).toHaveLength(1);
    expect(c.units[0]).toMatchObject({ name: 'Sudin Barat', kind: 'UKPD', tab: 'Sudin Jakbar' });
  });

  test('bad PIC and head emails are reported per unit', () => {
    const c = parseConfig(
      tables({ units: [row('UP Museum Seni', 'UKPD', '', 'pic@contoh.id; pic-tanpa-domain', 'kepala')] }),
    );
    expect(c.units[0].pics).toEqual(['pic@contoh.id']);
    expect(c.units[0].head).toBe('');
    expect(c.problems).toEqual([
      'Tab Unit "UP Museum Seni" Email PIC: alamat email tidak sah diabaikan: pic-tanpa-domain.',
      'Tab Unit "UP Museum Seni" Email Kepala: alamat email tidak sah diabaikan: kepala.',
    ]);
  });

  test('the default units (DESIGN §7) are all there, active, with the example keywords', () => {
    expect(DEFAULT_UNITS).toHaveLength(18);
    expect(new Set(DEFAULT_UNITS.map((u) => u.name)).size).toBe(18);
    expect(DEFAULT_UNITS.every((u) => u.active && u.pics.length === 1 && u.head)).toBe(true);
    const kw = (name: string) => DEFAULT_UNITS.find((u) => u.name === name)!.keywords;
    expect(kw('UP Museum Seni')).toEqual(['museum seni rupa', 'keramik', 'museum tekstil', 'museum wayang']);
    expect(kw('UP Museum Kebaharian')).toEqual(['museum bahari', 'onrust', 'marunda']);
    expect(kw('UP Perkampungan Budaya Betawi')).toEqual(['setu babakan']);
  });
});

describe('holidays', () => {
  test('a Date cell is read as the WIB calendar date', () => {
    const c = parseConfig(
      tables({
        holidays: [[new Date('2026-03-18T00:00:00+07:00'), 'Cuti bersama Idul Fitri', 'Cuti bersama', 'SKB 3 Menteri']],
      }),
    );
    expect(c.holidays).toEqual([
      { date: '2026-03-18', name: 'Cuti bersama Idul Fitri', kind: 'Cuti bersama', source: 'SKB 3 Menteri' },
    ]);
  });

  test('a Date cell late in the WIB day stays on that day', () => {
    expect(dateKeyOf(new Date('2026-03-18T23:59:00+07:00'))).toBe('2026-03-18');
    expect(dateKeyOf(new Date('2026-03-17T17:00:00Z'))).toBe('2026-03-18');
  });

  test.each([
    ['2026-08-17', '2026-08-17'],
    [' 2026-08-17 ', '2026-08-17'],
    ['17/08/2026', '2026-08-17'],
    ['1/5/2026', '2026-05-01'],
    ['29/02/2028', '2028-02-29'],
  ])('text %j → %s', (text, key) => {
    expect(dateKeyOf(text)).toBe(key);
  });

  test.each([
    ['17 Agustus 2026'],
    ['2026-02-30'],
    ['31/04/2026'],
    ['08/13/2026'],
    ['2026/08/17'],
    ['29/02/2026'],
    [''],
    [null],
    [new Date(NaN)],
    [45000],
  ])('not a date: %j', (value) => {
    expect(dateKeyOf(value)).toBeNull();
  });

  test('a bad date row is reported with its sheet row and skipped; blank rows are skipped silently', () => {
    const c = parseConfig(
      tables({
        holidays: [
          ['2026-01-01', 'Tahun Baru', 'Libur nasional', ''],
          ['', '', '', ''],
          ['17 Agustus', 'HUT RI', 'Libur nasional', ''],
          ['06/04/2026', 'Libur lokal kantor', '', ''],
        ],
      }),
    );
    expect(c.holidays).toEqual([
      { date: '2026-01-01', name: 'Tahun Baru', kind: 'Libur nasional', source: '' },
      { date: '2026-04-06', name: 'Libur lokal kantor', kind: 'Libur lokal', source: '' },
    ]);
    expect(c.problems).toEqual(['Tab Hari Libur baris 4: tanggal "17 Agustus" tidak dapat dibaca; baris diabaikan.']);
  });
});

describe('splitList', () => {
  test('splits and trims, dropping empties', () => {
    expect(splitList(' a , b;;c\n\n d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList(undefined)).toEqual([]);
    expect(splitList(null)).toEqual([]);
  });
});
