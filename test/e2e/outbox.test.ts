/**
 * The mail outbox end to end (issue 12, item 4; DESIGN §8, §10) on the built dist/Code.js:
 * - a run killed anywhere (after any send, write, flush or read) sends nothing twice, and a
 *   message whose outcome is unknown is reported once (`Log Galat`, admin digest) and left for
 *   the operator, who sends it again by setting its status back to `Menunggu`;
 * - a person's edit of `Antrean Email` during the run is neither overwritten nor sent over;
 * - priority under a low quota (assignment and escalation before digests and summaries, oldest
 *   first), and the backlog warning with the figures, once a day.
 * Messages are put in `Antrean Email` directly (as earlier runs would have queued them), so the
 * tests do not depend on how intake queues or sends.
 */
import type { Sheet } from '../../emulator/spreadsheet';
import { OPERATOR, Simulation } from '../../scripts/simulate';
import { parseScenario } from '../../scripts/sim/scenario';
import { OUTBOX_HEADERS } from '../../src/core/email/message';

const ADMIN = 'admin.medsos@example.org';
const SENI = 'UP Museum Seni';
const t = (local: string): string => `${local}+07:00`;
/** Saturday: the daily job sends nothing, so only the hourly job sends. */
const START = '2026-08-01T07:00:00';

function boot(mailQuota = 1500): Simulation {
  const scenario = parseScenario(
    JSON.stringify({
      start: t(START),
      end: t('2026-12-31T17:00:00'),
      mailQuota,
      admins: [ADMIN],
      leaders: ['kadis@example.org'],
      units: [{ name: SENI, kind: 'UKPD', pics: ['pic.seni@example.org'], head: 'kepala.seni@example.org' }],
      events: [],
    }),
  );
  const sim = new Simulation(scenario, () => undefined);
  sim.setup();
  return sim;
}

interface Queued {
  kind: string;
  created: string;
  to?: string;
  cc?: string;
  status?: string;
}

const sheetOf = (sim: Simulation, name: string) => sim.rt.spreadsheet.getSheetByName(name) as Sheet;

/** Appends waiting messages to `Antrean Email`; subject `M<i>` (1-based, in the order given). */
function queue(sim: Simulation, messages: Queued[]): void {
  const sheet = sheetOf(sim, 'Antrean Email');
  const first = Math.max(2, sheet.getLastRow() + 1);
  const rows = messages.map((m, i) => {
    const row: Record<string, unknown> = {
      Kunci: `uji|${i + 1}`,
      Dibuat: new Date(t(m.created)),
      Jenis: m.kind,
      'No. Pengaduan': '',
      Kepada: m.to ?? `pic${i + 1}@example.org`,
      Tembusan: m.cc ?? '',
      Subjek: `M${i + 1}`,
      'Isi Teks': `Pesan ${i + 1}`,
      'Isi HTML': `<p>Pesan ${i + 1}</p>`,
      Status: m.status ?? 'Menunggu',
      Dikirim: '',
      Percobaan: 0,
      Galat: '',
    };
    return OUTBOX_HEADERS.map((h) => row[h]);
  });
  sheet._writeRaw(first, 1, rows);
}

function rows(sim: Simulation, name: string): Record<string, unknown>[] {
  const values = sheetOf(sim, name).getDataRange().getValues();
  const headers = values[0].map(String);
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

const outbox = (sim: Simulation) => rows(sim, 'Antrean Email');
const statusOf = (sim: Simulation) =>
  Object.fromEntries(outbox(sim).map((r) => [String(r['Subjek']), String(r['Status'])]));
const sentCount = (sim: Simulation, subject: string) => sim.rt.outbox.filter((m) => m.subject === subject).length;
const warnings = (sim: Simulation, text: string) =>
  rows(sim, 'Log Galat').filter((r) => r['Tingkat'] === 'PERINGATAN' && String(r['Pesan']).includes(text));
const hourly = (sim: Simulation) => sim.rt.executions.filter((e) => e.label === 'hourlyJob');

const assignments = (n: number): Queued[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'Penugasan',
    created: `2026-08-01T06:${String(i).padStart(2, '0')}:00`,
  }));

/** What every run must keep true: a sent message is marked Terkirim; nothing goes out twice. */
function expectConsistent(sim: Simulation): void {
  for (const r of outbox(sim)) {
    const n = sentCount(sim, String(r['Subjek']));
    expect(n).toBeLessThanOrEqual(1);
    if (r['Status'] === 'Terkirim') expect(n).toBe(1);
    if (r['Status'] === 'Menunggu' || r['Status'] === 'Dibatalkan') expect(n).toBe(0);
  }
}

describe('a run killed after its 3rd send', () => {
  const sim = boot();
  queue(sim, assignments(15));
  const killed = sim.rt.faults.kill('hourlyJob', 'MailApp.sendEmail', 3);

  test('it sent 3 and left the rest of its batch marked, the next batch untouched', () => {
    sim.advance(t('2026-08-01T07:45:00')); // setup at 07:00; the hourly trigger fires at 07:xx
    expect(killed.fired).toBe(true);
    const run = hourly(sim).find((e) => e.executionId === killed.executionId)!;
    expect(run.ok).toBe(false);
    expect(run.error).toBe('Exceeded maximum execution time');
    expect(sim.rt.outbox.map((m) => m.subject)).toEqual(['M1', 'M2', 'M3']);
    const s = statusOf(sim);
    // The whole first batch (10) was marked and flushed before the first send.
    for (let i = 1; i <= 10; i++) expect(s[`M${i}`]).toBe('Mengirim');
    for (let i = 11; i <= 15; i++) expect(s[`M${i}`]).toBe('Menunggu');
    const marked = outbox(sim).find((r) => r['Subjek'] === 'M1')!;
    expect(String(marked['Galat'])).toMatch(/^Sedang dikirim oleh proses "Per jam" \(mulai 2026-08-01 0\d:\d\d\)$/);
    expect(marked['Dikirim']).toBeInstanceOf(Date);
    expectConsistent(sim);
  });

  test('the next run sends nothing twice: the unknown outcomes are reported once and left alone', () => {
    sim.advance(t('2026-08-01T08:45:00'));
    expect(hourly(sim).at(-1)!.ok).toBe(true);
    const s = statusOf(sim);
    for (let i = 1; i <= 10; i++) expect(s[`M${i}`]).toBe('Perlu Dicek');
    for (let i = 11; i <= 15; i++) expect(s[`M${i}`]).toBe('Terkirim');
    expect(sim.rt.outbox).toHaveLength(8);
    expectConsistent(sim);
    const unknown = outbox(sim).find((r) => r['Subjek'] === 'M4')!;
    expect(String(unknown['Galat'])).toContain('Hasil pengiriman tidak diketahui');
    expect(String(unknown['Galat'])).toContain('ubah Status menjadi "Menunggu"');
    expect(warnings(sim, 'mungkin sudah terkirim, mungkin belum')).toHaveLength(10);
    // Reported once: later runs neither warn again nor send.
    sim.advance(t('2026-08-01T12:30:00'));
    expect(warnings(sim, 'mungkin sudah terkirim, mungkin belum')).toHaveLength(10);
    expect(sim.rt.outbox).toHaveLength(8);
  });

  test('the operator sends one again by setting its status back to Menunggu', () => {
    const sheet = sheetOf(sim, 'Antrean Email');
    const row = outbox(sim).findIndex((r) => r['Subjek'] === 'M7') + 2;
    const col = OUTBOX_HEADERS.indexOf('Status') + 1;
    expect(sim.rt.editAsUser(OPERATOR, 'Antrean Email', row, col, [['Menunggu']]).applied).toBe(true);
    expect(sheet.getRange(row, col).getValue()).toBe('Menunggu');
    sim.advance(t('2026-08-01T13:30:00'));
    expect(statusOf(sim)['M7']).toBe('Terkirim');
    expect(sentCount(sim, 'M7')).toBe(1);
    expect(sim.rt.outbox).toHaveLength(9);
  });

  test("the admins' digest on the next working day tells how many wait for the operator, and how to settle them", () => {
    sim.advance(t('2026-08-03T09:00:00'));
    const digest = sim.rt.outbox.find((m) => m.subject.startsWith('[Pengaduan] Pengingat harian admin'))!;
    expect(digest.to).toEqual([ADMIN]);
    expect(digest.subject).toContain('masalah antrean email');
    expect(digest.body).toContain(
      '9 email di tab Antrean Email berstatus "Perlu Dicek" (hasil pengiriman tidak diketahui)',
    );
    expect(digest.body).toContain('Untuk mengirim ulang, ubah Status menjadi "Menunggu"');
    expect(sim.problems).toEqual([expect.stringMatching(/^hourlyJob .*: Exceeded maximum execution time$/)]);
  });
});

describe('a run killed anywhere sends nothing twice', () => {
  // Kill point; then what the killed run left: messages sent, rows `Mengirim`, rows `Terkirim`.
  // Batches of 10: marks of M1–M10 (setValues #1, flush #1), 10 sends, their sent marks with the
  // marks of M11–M12 (setValues #2, flush #2), 2 sends, the last sent marks (setValues #3).
  const points: [string, number, number, number, number][] = [
    ['MailApp.getRemainingDailyQuota', 1, 0, 0, 0],
    ['Range.setValues', 1, 0, 10, 0],
    ['SpreadsheetApp.flush', 1, 0, 10, 0],
    ['MailApp.sendEmail', 1, 1, 10, 0],
    ['MailApp.sendEmail', 10, 10, 10, 0],
    ['Range.setValues', 2, 10, 2, 10],
    ['SpreadsheetApp.flush', 2, 10, 2, 10],
    ['MailApp.sendEmail', 11, 11, 2, 10],
    ['MailApp.sendEmail', 12, 12, 2, 10],
    ['Range.setValues', 3, 12, 0, 12],
  ];
  test.each(points)(
    'killed right after %s #%i (sent %i, left %i Mengirim and %i Terkirim), then three more runs',
    (method, nth, sent, marked, done) => {
      const sim = boot();
      queue(sim, assignments(12));
      const kill = sim.rt.faults.kill('hourlyJob', method, nth);
      sim.advance(t('2026-08-01T07:45:00'));
      expect(kill.fired).toBe(true);
      expectConsistent(sim);
      const after = Object.values(statusOf(sim));
      expect([
        sim.rt.outbox.length,
        after.filter((x) => x === 'Mengirim').length,
        after.filter((x) => x === 'Terkirim').length,
      ]).toEqual([sent, marked, done]);
      sim.advance(t('2026-08-01T11:30:00'));
      expectConsistent(sim);
      const s = Object.values(statusOf(sim));
      // Every message is settled: sent, or waiting for the operator (never retried by itself).
      expect(s.filter((x) => x !== 'Terkirim' && x !== 'Perlu Dicek')).toEqual([]);
      expect(s.filter((x) => x === 'Perlu Dicek').length).toBeLessThanOrEqual(10);
      expect(warnings(sim, 'mungkin sudah terkirim, mungkin belum')).toHaveLength(
        s.filter((x) => x === 'Perlu Dicek').length,
      );
    },
  );
});

describe('a person edits Antrean Email while the hourly run sends', () => {
  test('a message cancelled meanwhile is not sent, and a note on another row is not overwritten', () => {
    const sim = boot();
    queue(
      sim,
      assignments(6).map((m, i) => (i === 3 ? { ...m, status: 'Gagal' } : m)),
    );
    const col = (h: string) => OUTBOX_HEADERS.indexOf(h) + 1;
    // The run reads the outbox, asks for the quota, then marks: the operator types in between.
    sim.rt.faults.during('hourlyJob', 'MailApp.getRemainingDailyQuota', 1, () => {
      sim.rt.editAsUser(OPERATOR, 'Antrean Email', 4, col('Status'), [['Dibatalkan']]); // M3
      sim.rt.editAsUser(OPERATOR, 'Antrean Email', 5, col('Galat'), [['dicek operator']]); // M4
    });
    sim.advance(t('2026-08-01T08:30:00'));
    expect(hourly(sim).at(-1)!.ok).toBe(true);
    expect(sim.rt.outbox.map((m) => m.subject)).toEqual(['M1', 'M2', 'M5', 'M6']);
    const s = statusOf(sim);
    expect(s['M3']).toBe('Dibatalkan');
    // M4 (failed earlier, between rows the run wrote) keeps what the operator typed.
    expect(s['M4']).toBe('Gagal');
    expect(outbox(sim).find((r) => r['Subjek'] === 'M4')!['Galat']).toBe('dicek operator');
    expectConsistent(sim);
  });
});

describe('MailApp refuses while the run sends', () => {
  test('the quota error: the message and the rest of its batch go back to Menunggu, attempts not counted; all go out once later', () => {
    const sim = boot();
    queue(sim, assignments(4));
    sim.rt.faults.outage(
      'MailApp.sendEmail',
      t('2026-08-01T08:00:00'),
      'Service invoked too many times for one day: email.',
    );
    sim.advance(t('2026-08-01T07:45:00'));
    expect(sim.rt.outbox).toHaveLength(0);
    const after = outbox(sim);
    expect(after.map((r) => [r['Status'], r['Percobaan'], r['Dikirim']])).toEqual(Array(4).fill(['Menunggu', 0, '']));
    expect(after[0]['Galat']).toBe('Service invoked too many times for one day: email.');
    expect(after.slice(1).map((r) => r['Galat'])).toEqual(['', '', '']);
    sim.advance(t('2026-08-01T08:45:00'));
    expect(sim.rt.outbox.map((m) => m.subject)).toEqual(['M1', 'M2', 'M3', 'M4']);
    expect(Object.values(statusOf(sim))).toEqual(Array(4).fill('Terkirim'));
    expectConsistent(sim);
  });

  test('a service error: counted as an attempt and retried on the next runs, Gagal after 5', () => {
    const sim = boot();
    queue(sim, assignments(2));
    sim.rt.faults.outage('MailApp.sendEmail', t('2026-08-01T12:00:00'));
    sim.advance(t('2026-08-01T07:45:00'));
    expect(outbox(sim).map((r) => [r['Status'], r['Percobaan'], r['Galat']])).toEqual(
      Array(2).fill(['Menunggu', 1, 'Service error: Mail']),
    );
    sim.advance(t('2026-08-01T11:45:00'));
    expect(outbox(sim).map((r) => [r['Status'], r['Percobaan']])).toEqual(Array(2).fill(['Gagal', 5]));
    expect(
      rows(sim, 'Log Galat').filter((r) => String(r['Pesan']).startsWith('Email "M1" gagal dikirim')),
    ).toHaveLength(5);
    sim.advance(t('2026-08-01T13:45:00'));
    expect(sim.rt.outbox).toHaveLength(0);
  });
});

describe('priority under a low quota (5 recipients a day, 20 queued)', () => {
  const sim = boot(5);
  // Oldest first in the sheet: summaries and digests were queued before the urgent mail.
  const messages: Queued[] = [
    ...Array.from({ length: 4 }, (_, i) => ({ kind: 'Ringkasan mingguan', created: `2026-07-27T08:0${i}:00` })),
    ...Array.from({ length: 6 }, (_, i) => ({ kind: 'Pengingat harian', created: `2026-07-28T08:0${i}:00` })),
    ...Array.from({ length: 6 }, (_, i) => ({ kind: 'Eskalasi', created: `2026-07-31T09:0${i}:00` })),
    ...Array.from({ length: 4 }, (_, i) => ({ kind: 'Penugasan', created: `2026-07-30T10:0${i}:00` })),
  ];
  queue(sim, messages);

  test('the first run sends the 5 oldest assignment and escalation emails; the rest waits', () => {
    sim.advance(t('2026-08-01T08:30:00'));
    // Assignments (queued 30 July) and escalations (31 July) before digests and summaries.
    expect(sim.rt.outbox.map((m) => m.subject)).toEqual(['M17', 'M18', 'M19', 'M20', 'M11']);
    expect(Object.values(statusOf(sim)).filter((s) => s === 'Menunggu')).toHaveLength(15);
  });

  test('a backlog warning with the figures, once a day', () => {
    const w = warnings(sim, 'Antrean Email tidak habis dengan kuota email hari ini');
    expect(w).toHaveLength(1);
    expect(String(w[0]['Pesan'])).toContain(
      '20 email menunggu (20 penerima), sisa kuota 5 penerima, menunggu sejak 2026-07-27 08:00',
    );
    sim.advance(t('2026-08-01T18:30:00'));
    expect(sim.rt.outbox).toHaveLength(5);
    expect(warnings(sim, 'Antrean Email tidak habis')).toHaveLength(1);
  });

  test('the next days: urgent mail first, then digests; the warning again each day; the admin digest has the figures', () => {
    // The quota window renews 24 hours after the first send (Saturday's first hourly run); the
    // first run of Sunday (00:xx) warns again, with no quota left yet.
    sim.advance(t('2026-08-02T18:30:00'));
    expect(sim.rt.outbox.slice(5).map((m) => m.subject)).toEqual(['M12', 'M13', 'M14', 'M15', 'M16']);
    expect(warnings(sim, 'Antrean Email tidak habis')).toHaveLength(2);
    expect(String(warnings(sim, 'Antrean Email tidak habis')[1]['Pesan'])).toContain(
      '15 email menunggu (15 penerima), sisa kuota 0 penerima, menunggu sejak 2026-07-27 08:00',
    );
    // Monday: the quota renews at 07:xx and the digests go before the summaries; the daily job
    // (08:00) queues today's admin digest, with the backlog figures in it.
    sim.advance(t('2026-08-03T08:30:00'));
    expect(sim.rt.outbox.slice(10).map((m) => m.subject)).toEqual(['M5', 'M6', 'M7', 'M8', 'M9']);
    const digest = outbox(sim).find((r) => String(r['Subjek']).startsWith('[Pengaduan] Pengingat harian admin'))!;
    expect(digest['Status']).toBe('Menunggu');
    expect(String(digest['Isi Teks'])).toContain(
      'Antrean Email tidak habis dengan kuota email hari ini: 5 email menunggu (5 penerima), sisa kuota 0 penerima, menunggu sejak 2026-07-27 08:00',
    );
    expect(String(digest['Isi HTML'])).toContain('Antrean Email tidak habis dengan kuota email hari ini');
    expectConsistent(sim);
    expect(sim.problems).toEqual([]);
  });
});
