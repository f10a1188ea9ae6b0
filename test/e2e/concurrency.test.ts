/**
 * People edit while scripts run (issue 12), through the scenario runner in the DESIGN §12.1
 * vocabulary on the built bundle: an edit landing in the middle of the hourly run, edits while
 * another execution holds the lock, an officer sorting their own columns, a unit tab cleared or
 * renamed. No person's recorded edit is lost or moved to another complaint; every unit but the
 * broken one keeps its emails and due times.
 */
import type { Sheet } from '../../emulator/spreadsheet';
import { Simulation } from '../../scripts/simulate';
import { ScenarioEvent, parseScenario } from '../../scripts/sim/scenario';
import type { EventRecord } from '../../scripts/sim/runner';

const ADMIN = 'admin.medsos@example.org';
const PIC = 'pic.museum.seni@example.org';
const PIC_BAHARI = 'pic.kebaharian@example.org';
const OWNER = 'operator@example.org';
const t = (s: string) => `2026-04-${s}+07:00`;

function submission(at: string, text: string, unit = 'UP Museum Seni'): ScenarioEvent {
  return {
    at,
    by: ADMIN,
    submit: {
      receivedAt: at,
      channel: 'Instagram',
      reporter: '@warga',
      text,
      category: 'Fasilitas dan kebersihan',
      unit,
    },
  };
}
const THREE = [
  submission(t('06T09:00:00'), 'AC ruang pamer Museum Wayang mati'),
  submission(t('06T09:05:00'), 'Toilet Museum Keramik kotor'),
  submission(t('06T09:10:00'), 'Dermaga Museum Bahari rusak', 'UP Museum Kebaharian'),
];

function play(events: ScenarioEvent[], end = t('07T17:00:00')): { sim: Simulation; records: EventRecord[] } {
  const s = parseScenario(JSON.stringify({ start: t('06T07:00:00'), end, admins: [ADMIN], events }));
  const sim = new Simulation(s);
  sim.setup();
  s.events.forEach((e, i) => sim.event(e, i));
  sim.finish();
  return { sim, records: sim.eventRecords() };
}

function rows(sim: Simulation, name: string): Record<string, unknown>[] {
  const values = (sim.rt.spreadsheet.getSheetByName(name) as Sheet).getDataRange().getValues();
  const headers = values[0].map(String);
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}
const complaint = (sim: Simulation, n: number) =>
  rows(sim, 'Pengaduan').find((r) => r['No. Pengaduan'] === `ADU-2026-000${n}`)!;
const wib = (d: unknown) =>
  d instanceof Date ? new Date(d.getTime() + 7 * 3600e3).toISOString().slice(0, 16) : String(d);
const history = (sim: Simulation) => rows(sim, 'Riwayat');

describe('an edit landing in the middle of the hourly run', () => {
  test.each([1, 2, 3, 4])(
    "officer Diproses and admin Jawaban typed after the hourly run's read no. %i are kept and taken in",
    (nth) => {
      const { sim } = play([
        ...THREE,
        {
          at: t('06T10:59:00'),
          by: PIC,
          update: { ref: 1, status: 'Diproses' },
          during: { run: 'hourly', after: 'Range.getValues', nth },
        },
        {
          at: t('06T10:59:30'),
          by: ADMIN,
          edit: { tab: 'Pengaduan', range: 'L3', values: [['Sudah kami teruskan']] },
          during: { run: 'hourly', after: 'Range.getValues', nth: nth + 1 },
        },
      ]);
      const c1 = complaint(sim, 1);
      expect(c1['Status']).toBe('Diproses');
      expect(c1['Diproses']).toBeInstanceOf(Date);
      expect(rows(sim, 'UP Museum Seni').find((r) => r['No. Pengaduan'] === 'ADU-2026-0001')!['Status']).toBe(
        'Diproses',
      );
      expect(complaint(sim, 2)['Jawaban']).toBe('Sudah kami teruskan');
      expect(history(sim).some((r) => r['No. Pengaduan'] === 'ADU-2026-0001' && r['Nilai Baru'] === 'Diproses')).toBe(
        true,
      );
    },
  );
});

describe('edits while another execution holds the lock', () => {
  test("an officer's Diproses at 10:00 and an admin's answer, typed while the lock is held 45 s, are applied with their own time and user", () => {
    const { sim } = play([
      ...THREE,
      { at: t('06T10:00:00'), fault: { kind: 'holdLock', seconds: 45 } },
      { at: t('06T10:00:05'), by: PIC, update: { ref: 1, status: 'Diproses' } },
      { at: t('06T10:00:20'), by: ADMIN, answer: { ref: 2, reply: 'Toilet sudah dibersihkan' } },
    ]);
    const c1 = complaint(sim, 1);
    expect(c1['Status']).toBe('Diproses');
    expect(wib(c1['Diproses'])).toBe('2026-04-06T10:00');
    const entry = history(sim).find((r) => r['No. Pengaduan'] === 'ADU-2026-0001' && r['Nilai Baru'] === 'Diproses')!;
    expect(entry['Pengguna']).toBe(PIC);
    expect(wib(entry['Waktu'])).toBe('2026-04-06T10:00');
    const c2 = complaint(sim, 2);
    expect(c2['Status']).toBe('Dijawab');
    expect(c2['Dijawab']).toBeInstanceOf(Date);
    expect(wib(c2['Dijawab'])).toBe('2026-04-06T10:00');
    expect(sim.rt.spreadsheet._toasts.some((x) => x.message.includes('sedang sibuk'))).toBe(true);
  });
});

describe('an officer sorts their own columns', () => {
  test('statuses and texts moved to other complaints are put back; nothing is accepted for the wrong complaint', () => {
    const { sim } = play([
      ...THREE,
      { at: t('06T10:00:00'), by: PIC, update: { ref: 1, followUp: 'AC diganti teknisi', status: 'Selesai' } },
      { at: t('06T10:05:00'), by: PIC, update: { ref: 2, note: 'Petugas kebersihan dihubungi' } },
      {
        at: t('06T10:10:00'),
        by: PIC,
        sort: { tab: 'UP Museum Seni', range: 'K2:M3', column: 'K', descending: false },
      },
    ]);
    const [c1, c2] = [complaint(sim, 1), complaint(sim, 2)];
    expect([c1['Status'], c1['Hasil Tindak Lanjut'], c1['Catatan Petugas']]).toEqual([
      'Ditindaklanjuti',
      'AC diganti teknisi',
      '',
    ]);
    expect([c2['Status'], c2['Hasil Tindak Lanjut'], c2['Catatan Petugas']]).toEqual([
      'Diteruskan',
      '',
      'Petugas kebersihan dihubungi',
    ]);
    const unit = rows(sim, 'UP Museum Seni');
    const row = (n: string) => unit.find((r) => r['No. Pengaduan'] === n)!;
    expect([row('ADU-2026-0001')['Status'], row('ADU-2026-0001')['Hasil Tindak Lanjut']]).toEqual([
      'Selesai',
      'AC diganti teknisi',
    ]);
    expect(row('ADU-2026-0002')['Catatan Petugas']).toBe('Petugas kebersihan dihubungi');
    expect(
      history(sim).some((r) => String(r['Tindakan']).startsWith('Isian petugas di tab UP Museum Seni dikembalikan')),
    ).toBe(true);
  });
});

describe('one broken unit tab never stops the rest', () => {
  test('the owner clears a unit tab: hourly runs keep serving every other unit, and intake to the broken unit still registers and emails', () => {
    const { sim } = play([
      ...THREE,
      { at: t('06T09:30:00'), by: OWNER, clearTab: { tab: 'UP Museum Kebaharian' } },
      submission(t('06T09:40:00'), 'Lampu Museum Bahari padam', 'UP Museum Kebaharian'),
      submission(t('06T11:30:00'), 'Kursi Museum Wayang patah'),
    ]);
    const failed = sim.rt.executions.filter((x) => !x.ok).map((x) => `${x.label}: ${x.error}`);
    expect(failed).toEqual([]);
    expect(rows(sim, 'Pengaduan').map((r) => r['No. Pengaduan'])).toEqual([
      'ADU-2026-0001',
      'ADU-2026-0002',
      'ADU-2026-0003',
      'ADU-2026-0004',
      'ADU-2026-0005',
    ]);
    const sentTo = (n: string) => sim.rt.outbox.filter((m) => m.subject.includes(n)).map((m) => m.to);
    expect(sentTo('ADU-2026-0004').flat()).toContain(PIC_BAHARI);
    expect(sentTo('ADU-2026-0005').flat()).toContain(PIC);
    expect(complaint(sim, 5)['Tenggat Langkah']).toBeInstanceOf(Date);
    // Reconcile rebuilt the cleared tab from the register.
    expect(
      rows(sim, 'UP Museum Kebaharian')
        .map((r) => r['No. Pengaduan'])
        .sort(),
    ).toEqual(['ADU-2026-0003', 'ADU-2026-0004']);
  });

  test("a renamed unit tab still takes its officers' edits", () => {
    const { sim } = play([
      ...THREE,
      { at: t('06T09:30:00'), by: OWNER, renameTab: { tab: 'UP Museum Seni', to: 'Museum Seni' } },
      { at: t('06T10:00:00'), by: PIC, edit: { tab: 'Museum Seni', range: 'K2', values: [['Diproses']] } },
    ]);
    expect(complaint(sim, 1)['Status']).toBe('Diproses');
    expect(sim.rt.executions.filter((x) => !x.ok)).toEqual([]);
  });
});

describe('a unit renamed in the Unit tab while it has open complaints', () => {
  test('is refused: the name is put back, the operator is told, and the complaints stay in their tab', () => {
    const { sim } = play([...THREE]);
    const units = sim.rt.spreadsheet.getSheetByName('Unit') as Sheet;
    const names = units
      .getRange(2, 1, units.getLastRow() - 1, 1)
      .getValues()
      .map((r) => String(r[0]));
    const row = names.indexOf('UP Museum Seni') + 2;
    sim.rt.editAsUser(OWNER, 'Unit', row, 1, [['Museum Seni Rupa']]);
    expect(units.getRange(row, 1).getValue()).toBe('UP Museum Seni');
    expect(sim.rt.spreadsheet._toasts.some((x) => x.message.includes('masih punya 2 pengaduan terbuka'))).toBe(true);
    expect(rows(sim, 'Log Galat').some((r) => String(r['Pesan']).includes('tidak dapat diganti namanya'))).toBe(true);
    sim.rt.call('hourlyJob', [], { kind: 'time-trigger' });
    expect(
      rows(sim, 'UP Museum Seni')
        .map((r) => r['No. Pengaduan'])
        .sort(),
    ).toEqual(['ADU-2026-0001', 'ADU-2026-0002']);
  });
});

describe('stored edits never block the edits after them', () => {
  test('a config edit while the lock is busy is not stored (the hourly run re-reads the config); later edits are applied', () => {
    const { sim } = play([
      ...THREE,
      { at: t('06T10:00:00'), fault: { kind: 'holdLock', seconds: 45 } },
      { at: t('06T10:00:05'), by: OWNER, edit: { tab: 'Pengaturan', range: 'B2', values: [['08:00']] } },
      { at: t('06T10:00:20'), by: PIC, update: { ref: 1, status: 'Diproses' } },
      { at: t('06T10:05:00'), by: PIC, update: { ref: 2, status: 'Diproses' } },
    ]);
    const props = sim.rt.propertiesService.getScriptProperties().getKeys();
    expect(props.filter((k) => k.startsWith('edit.pending.'))).toEqual([]);
    expect([complaint(sim, 1)['Status'], complaint(sim, 2)['Status']]).toEqual(['Diproses', 'Diproses']);
    expect(sim.rt.executions.filter((x) => !x.ok)).toEqual([]);
  });
});
