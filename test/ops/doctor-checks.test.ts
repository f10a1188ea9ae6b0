/**
 * The pure consistency checks behind `npm run ops -- doctor` (scripts/ops/doctor-checks.ts):
 * a small healthy workbook, then one fault at a time, each found at the right level.
 */
import { REGISTER_COLUMNS, UNIT_COLUMNS } from '../../src/core/complaint';
import { HOLIDAY_HEADERS, SETTINGS_HEADERS, UNIT_HEADERS } from '../../src/core/config';
import { OUTBOX_HEADERS } from '../../src/core/email/message';
import { FORM_ITEMS } from '../../src/core/form-spec';
import { Tab, checkHealth, healthText } from '../../scripts/ops/doctor-checks';

const NOW = new Date('2026-03-20T10:00:00+07:00');
const t = (iso: string) => new Date(iso);

function register(rows: Record<string, unknown>[]): Tab {
  const headers = REGISTER_COLUMNS.map((c) => c.header);
  return { name: 'Pengaduan', values: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))] };
}

function unitTab(name: string, rows: Record<string, unknown>[]): Tab {
  const headers = UNIT_COLUMNS.map((c) => c.header);
  return { name, values: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))] };
}

function workbook(): Tab[] {
  const responses = [
    ['Timestamp', 'Email Address', ...FORM_ITEMS.map((f) => f.title)],
    [
      t('2026-03-16T09:00:00+07:00'),
      'admin@example.org',
      t('2026-03-16T08:00:00+07:00'),
      'Instagram',
      '@a',
      '',
      'AC mati',
      'Fasilitas dan kebersihan',
      'UP Museum Seni',
      '',
    ],
    [
      t('2026-03-17T09:00:00+07:00'),
      'admin@example.org',
      t('2026-03-17T08:00:00+07:00'),
      'Facebook',
      '@b',
      '',
      'Tiket mahal',
      'Tiket dan jam buka',
      'UP Museum Seni',
      '',
    ],
  ];
  return [
    { name: 'Form Responses 1', values: responses },
    {
      name: 'Unit',
      values: [
        [...UNIT_HEADERS],
        ['UP Museum Seni', 'UKPD', 'UP Museum Seni', 'pic@example.org', 'kepala@example.org', 'museum wayang', 'Ya'],
      ],
    },
    {
      name: 'Pengaturan',
      values: [
        [...SETTINGS_HEADERS],
        ['email_admin', 'admin@example.org', ''],
        ['email_pimpinan', 'kadis@example.org', ''],
      ],
    },
    {
      name: 'Hari Libur',
      values: [[...HOLIDAY_HEADERS], [t('2026-03-19T00:00:00+07:00'), 'Nyepi', 'Libur nasional', 'SKB']],
    },
    register([
      { 'No. Pengaduan': 'ADU-2026-0001', Unit: 'UP Museum Seni', Status: 'Diproses', 'Kunci Respons': 'R2' },
      { 'No. Pengaduan': 'ADU-2026-0002', Unit: 'UP Museum Seni', Status: 'Dijawab', 'Kunci Respons': 'R3' },
    ]),
    unitTab('UP Museum Seni', [
      { 'No. Pengaduan': 'ADU-2026-0001', Status: 'Diproses' },
      { 'No. Pengaduan': 'ADU-2026-0002', Status: 'Dijawab' },
    ]),
    {
      name: 'Antrean Email',
      values: [
        OUTBOX_HEADERS,
        [
          'k1',
          t('2026-03-16T09:00:00+07:00'),
          'Penugasan',
          'ADU-2026-0001',
          'pic@example.org',
          '',
          'S',
          'B',
          '',
          'Terkirim',
          t('2026-03-16T09:01:00+07:00'),
          1,
          '',
        ],
      ],
    },
  ];
}

const tab = (wb: Tab[], name: string) => wb.find((x) => x.name === name)!;
const levels = (wb: Tab[]) =>
  checkHealth(wb, NOW)
    .findings.filter((f) => f.level !== 'info')
    .map((f) => `${f.level} ${f.area}`);

test('the unit tab status header the fixture uses is the real one', () => {
  expect(UNIT_COLUMNS.find((c) => c.key === 'officerStatus')!.header).toBe('Status');
});

test('a consistent workbook: nothing to do, exit 0', () => {
  const r = checkHealth(workbook(), NOW);
  expect(r.findings.filter((f) => f.level !== 'info')).toEqual([]);
  expect(r.needsOperator).toBe(false);
  expect(r.complaints).toBe(2);
  expect(r.responses).toBe(2);
  expect(healthText(r).pop()).toMatch(/^Hasil: sehat/);
});

test('a duplicated number is an error', () => {
  const wb = workbook();
  tab(wb, 'Pengaduan').values[2][0] = 'ADU-2026-0001';
  const r = checkHealth(wb, NOW);
  expect(r.needsOperator).toBe(true);
  expect(r.findings).toContainEqual(
    expect.objectContaining({
      level: 'error',
      area: 'numbering',
      message: expect.stringContaining('ADU-2026-0001 dipakai 2 kali (Pengaduan baris 2, 3)'),
    }),
  );
});

test('a gap in the numbering is a warning, per year', () => {
  const wb = workbook();
  tab(wb, 'Pengaduan').values[2][0] = 'ADU-2026-0003';
  tab(wb, 'UP Museum Seni').values[2][0] = 'ADU-2026-0003';
  const r = checkHealth(wb, NOW);
  expect(r.needsOperator).toBe(false);
  expect(r.findings.filter((f) => f.level !== 'info')).toEqual([
    expect.objectContaining({
      level: 'warning',
      area: 'numbering',
      message: expect.stringMatching(/^Tahun 2026: 1 nomor tidak ada di register \(ADU-2026-0002\)/),
    }),
  ]);
});

test('a malformed number and a row without a number are errors', () => {
  const wb = workbook();
  tab(wb, 'Pengaduan').values[1][0] = 'ADU-26-1';
  tab(wb, 'Pengaduan').values.push(
    REGISTER_COLUMNS.map((c) => (c.header === 'Isi Pengaduan' ? 'teks tanpa nomor' : '')),
  );
  const msgs = checkHealth(wb, NOW)
    .findings.filter((f) => f.level === 'error')
    .map((f) => f.message);
  expect(msgs.some((m) => m.includes('"ADU-26-1" bukan bentuk'))).toBe(true);
  expect(msgs.some((m) => m.includes('baris 4: berisi data tetapi tanpa nomor'))).toBe(true);
});

test('register vs unit tab drift is a warning (reconcile repairs it): missing, foreign, duplicated, stale status', () => {
  const wb = workbook();
  const unit = tab(wb, 'UP Museum Seni');
  unit.values[1][UNIT_COLUMNS.findIndex((c) => c.key === 'officerStatus')] = 'Selesai';
  unit.values.splice(2, 1);
  unit.values.push([...unit.values[1]]);
  unit.values.push(UNIT_COLUMNS.map((c) => (c.key === 'number' ? 'ADU-2026-0099' : '')));
  const r = checkHealth(wb, NOW);
  const drift = r.findings.find((f) => f.area === 'unit-tabs')!;
  expect(drift.level).toBe('warning');
  expect(drift.message).toMatch(/^5 beda/);
  for (const s of [
    'status "Selesai", register "Diproses"',
    'ADU-2026-0002 tidak ada',
    'ADU-2026-0001 muncul 2 kali',
    'ADU-2026-0099 ada di',
  ])
    expect(drift.message).toContain(s);
  expect(r.needsOperator).toBe(false);
});

test('a complaint routed to a unit that does not exist is an error; a missing unit tab with complaints too', () => {
  const wb = workbook();
  tab(wb, 'Pengaduan').values[1][REGISTER_COLUMNS.findIndex((c) => c.key === 'unit')] = 'Unit Hantu';
  expect(levels(wb)).toContain('error unit-tabs');
  const wb2 = workbook().filter((x) => x.name !== 'UP Museum Seni');
  expect(checkHealth(wb2, NOW).findings).toContainEqual(
    expect.objectContaining({
      level: 'error',
      message: expect.stringContaining('Tab unit "UP Museum Seni" tidak ada (2 pengaduan'),
    }),
  );
});

test('an unregistered response: warning while fresh, error after two hours', () => {
  const wb = workbook();
  const resp = tab(wb, 'Form Responses 1');
  resp.values.push([
    t('2026-03-20T09:30:00+07:00'),
    'admin@example.org',
    t('2026-03-20T09:00:00+07:00'),
    'YouTube',
    '@c',
    '',
    'baru',
    'Lainnya',
    'UP Museum Seni',
    '',
  ]);
  expect(levels(wb)).toEqual(['warning responses']);
  resp.values.push([
    t('2026-03-19T09:30:00+07:00'),
    'admin@example.org',
    t('2026-03-19T09:00:00+07:00'),
    'YouTube',
    '@d',
    '',
    'lama',
    'Lainnya',
    'UP Museum Seni',
    '',
  ]);
  const r = checkHealth(wb, NOW);
  expect(r.findings).toContainEqual(
    expect.objectContaining({ level: 'error', area: 'responses', message: expect.stringContaining('(baris 5)') }),
  );
  expect(r.needsOperator).toBe(true);
});

test('a complaint pointing at a deleted response row is a warning', () => {
  const wb = workbook();
  tab(wb, 'Form Responses 1').values.splice(2, 1);
  expect(checkHealth(wb, NOW).findings).toContainEqual(
    expect.objectContaining({
      level: 'warning',
      area: 'responses',
      message: expect.stringContaining('ADU-2026-0002 → R3'),
    }),
  );
});

test('mail waiting over 24 hours and failed mail are errors; recent waiting mail is only counted', () => {
  const wb = workbook();
  const q = tab(wb, 'Antrean Email');
  const row = (created: Date, status: string, error = '') => [
    'k',
    created,
    'Pengingat harian',
    '',
    'pic@example.org',
    '',
    'S',
    'B',
    '',
    status,
    '',
    1,
    error,
  ];
  q.values.push(row(t('2026-03-20T09:00:00+07:00'), 'Menunggu'));
  let r = checkHealth(wb, NOW);
  expect(r.needsOperator).toBe(false);
  expect(r.findings).toContainEqual(
    expect.objectContaining({ level: 'info', area: 'mail', message: expect.stringContaining('1 email menunggu') }),
  );
  q.values.push(
    row(t('2026-03-18T09:00:00+07:00'), 'Menunggu'),
    row(t('2026-03-18T09:00:00+07:00'), 'Gagal', 'Service invoked too many times'),
  );
  r = checkHealth(wb, NOW);
  const errs = r.findings.filter((f) => f.level === 'error' && f.area === 'mail').map((f) => f.message);
  expect(errs).toHaveLength(2);
  expect(errs[0]).toContain('sejak 2026-03-18 09:00');
  expect(errs[1]).toContain('Service invoked too many times');
});

test('config problems (parseConfig), no admins, a unit without PIC, a missing config tab: errors', () => {
  const wb = workbook();
  tab(wb, 'Pengaturan').values.push(['jam_pengingat', '25', '']);
  expect(checkHealth(wb, NOW).findings).toContainEqual(
    expect.objectContaining({ level: 'error', area: 'config', message: expect.stringContaining('jam_pengingat') }),
  );
  const wb2 = workbook();
  tab(wb2, 'Pengaturan').values[1][1] = '';
  tab(wb2, 'Unit').values[1][3] = '';
  const msgs = checkHealth(wb2, NOW)
    .findings.filter((f) => f.level === 'error')
    .map((f) => f.message);
  expect(msgs.some((m) => m.includes('email_admin kosong'))).toBe(true);
  expect(msgs.some((m) => m.includes('tanpa Email PIC: UP Museum Seni'))).toBe(true);
  const wb3 = workbook().filter((x) => x.name !== 'Hari Libur');
  expect(levels(wb3)).toContain('error config');
});

test('headers are found by name: moved columns change nothing', () => {
  const wb = workbook();
  const reg = tab(wb, 'Pengaduan');
  for (const row of reg.values) row.reverse();
  expect(levels(wb)).toEqual([]);
});
