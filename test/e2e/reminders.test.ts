/**
 * Reminders, escalation and leadership summaries end to end (issue 5): the built dist/Code.js in
 * the local runtime over four simulated weeks (6 April – 4 May 2026), driven by form submissions
 * and edits, the daily trigger (08:00 WIB ± 15 minutes) and the hourly one, with a local leave
 * week (20–24 April), a mail-quota exhaustion day, a trigger fired twice, a missed firing and one
 * fired 15 minutes late. Checked on what MailApp sent and on `Antrean Email`.
 */
import type { SentMail } from '../../emulator/services/mail-app';
import type { Sheet } from '../../emulator/spreadsheet';
import { OPERATOR, Simulation } from '../../scripts/simulate';
import { ScenarioEvent, parseScenario } from '../../scripts/sim/scenario';

const ADMIN = 'admin.medsos@example.org';
const PIC_SENI = 'pic.seni@example.org';
const PIC_SEK = 'pic.sekretariat@example.org';
const HEAD_SENI = 'kepala.seni@example.org';
const LEADERS = ['kadis@example.org', 'sekdis@example.org'];
const SENI = 'UP Museum Seni';
const SEK = 'Sekretariat';
const EVIL = '<script>alert("x")</script> <img src=x onerror=alert(1)> toilet kotor';
const LEAVE = ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24'];

const t = (local: string): string => `${local}+07:00`;

function boot(): Simulation {
  const scenario = parseScenario(
    JSON.stringify({
      start: t('2026-04-06T07:00:00'),
      end: t('2026-12-31T17:00:00'),
      admins: [ADMIN],
      leaders: LEADERS,
      units: [
        { name: SENI, kind: 'UKPD', pics: [PIC_SENI], head: HEAD_SENI, keywords: ['museum wayang'] },
        { name: SEK, kind: 'Sekretariat', pics: [PIC_SEK], head: 'kepala.sekretariat@example.org' },
      ],
      holidays: LEAVE.map((date) => ({ date, name: 'Cuti bersama lokal', kind: 'Libur lokal' })),
      events: [],
    }),
  );
  const sim = new Simulation(scenario, () => undefined);
  sim.setup();
  return sim;
}

function submit(
  sim: Simulation,
  at: string,
  received: string,
  unit: string,
  channel: string,
  text = 'Pelayanan kurang ramah',
): void {
  sim.event(
    {
      at: t(at),
      by: ADMIN,
      submit: { receivedAt: t(received), channel, reporter: '@warga', text, category: 'Layanan dan petugas', unit },
    },
    0,
  );
}

function act(sim: Simulation, ev: ScenarioEvent): void {
  sim.event(ev, 0);
  expect(sim.problems).toEqual([]);
}

function rows(sim: Simulation, name: string): Record<string, unknown>[] {
  const values = (sim.rt.spreadsheet.getSheetByName(name) as Sheet).getDataRange().getValues();
  const headers = values[0].map(String);
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

const outboxRows = (sim: Simulation) => rows(sim, 'Antrean Email');
const keysOf = (sim: Simulation) => outboxRows(sim).map((r) => String(r['Kunci']));

function dailyTrigger(sim: Simulation) {
  const trigger = sim.rt.triggers.find((x) => x.handler === 'dailyJob');
  if (!trigger) throw new Error('no daily trigger');
  return trigger;
}

const wibDate = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const sentOn = (sim: Simulation, date: string): SentMail[] => sim.rt.outbox.filter((m) => wibDate(m.at) === date);

describe('four weeks of reminders', () => {
  const sim = boot();
  const numbers: Record<string, string> = {};
  const snapshots: Record<string, { keys: string[]; statuses: string[] }> = {};
  let sentBeforeSecondRun = 0;

  beforeAll(() => {
    const register = () => rows(sim, 'Pengaduan').map((r) => String(r['No. Pengaduan']));
    const name = (label: string) => {
      numbers[label] = register()[register().length - 1];
    };
    // Week 15 (6–12 April): five complaints, figures worked out by hand in the summary test.
    submit(sim, '2026-04-06T09:10:00', '2026-04-06T08:40:00', SENI, 'Instagram', EVIL);
    name('A');
    submit(sim, '2026-04-06T09:20:00', '2026-04-06T09:00:00', SEK, 'Facebook');
    name('B');
    submit(sim, '2026-04-06T10:00:00', '2026-04-06T09:30:00', 'Tentukan otomatis', 'Instagram');
    name('C');
    act(sim, { at: t('2026-04-06T11:00:00'), by: PIC_SEK, update: { ref: 2, status: 'Diproses' } });
    act(sim, {
      at: t('2026-04-06T13:00:00'),
      by: PIC_SEK,
      update: { ref: 2, followUp: 'Petugas sudah ditegur', status: 'Selesai' },
    });
    submit(sim, '2026-04-07T08:30:00', '2026-04-07T08:00:00', SENI, 'Twitter/X');
    name('D');
    act(sim, {
      at: t('2026-04-07T10:00:00'),
      by: ADMIN,
      answer: { ref: 2, reply: 'Terima kasih, sudah ditindaklanjuti.' },
    });
    submit(sim, '2026-04-08T09:15:00', '2026-04-08T09:00:00', SEK, 'YouTube');
    name('E');
    act(sim, { at: t('2026-04-08T10:00:00'), by: ADMIN, close: { ref: 5, reason: 'spam' } });
    // Thursday: the mail quota is spent for the whole day (2 recipients left at most).
    sim.rt.advanceTo(t('2026-04-09T07:00:00'));
    sim.rt.mailApp._quota = 2;
    sim.rt.advanceTo(t('2026-04-09T08:05:00'));
    snapshots.quotaDay = { keys: keysOf(sim), statuses: outboxRows(sim).map((r) => String(r['Status'])) };
    act(sim, { at: t('2026-04-09T10:00:00'), by: PIC_SENI, update: { ref: 4, status: 'Diproses' } });
    act(sim, {
      at: t('2026-04-09T11:00:00'),
      by: PIC_SENI,
      update: { ref: 4, followUp: 'Jadwal diperbaiki', status: 'Selesai' },
    });
    sim.rt.advanceTo(t('2026-04-10T07:00:00'));
    sim.rt.mailApp._quota = 100;
    act(sim, { at: t('2026-04-10T09:00:00'), by: ADMIN, answer: { ref: 4, reply: 'Sudah kami perbaiki.' } });
    // Week 16: C gets a unit, A and C are answered; F stays open.
    act(sim, { at: t('2026-04-13T10:00:00'), by: ADMIN, reassign: { ref: 3, unit: SENI } });
    act(sim, { at: t('2026-04-13T10:30:00'), by: PIC_SENI, update: { ref: 1, status: 'Diproses' } });
    submit(sim, '2026-04-14T09:00:00', '2026-04-14T08:50:00', SEK, 'Facebook');
    name('F');
    act(sim, {
      at: t('2026-04-14T11:00:00'),
      by: PIC_SENI,
      update: { ref: 1, followUp: 'Toilet dibersihkan', status: 'Selesai' },
    });
    act(sim, {
      at: t('2026-04-14T11:30:00'),
      by: PIC_SENI,
      update: { ref: 3, followUp: 'Sudah dibina', status: 'Selesai' },
    });
    act(sim, {
      at: t('2026-04-14T14:00:00'),
      by: ADMIN,
      answer: { ref: 3, reply: 'Mohon maaf atas ketidaknyamanan.' },
    });
    act(sim, { at: t('2026-04-14T15:00:00'), by: ADMIN, answer: { ref: 1, reply: 'Sudah dibersihkan.' } });
    // Wednesday 15 April: the daily trigger does not fire at all (missed day).
    const trigger = dailyTrigger(sim);
    trigger.nextAt = (trigger.nextAt as number) + 24 * 3_600_000;
    // Thursday 16 April: it fires, and fires again at 09:30.
    sim.rt.advanceTo(t('2026-04-16T09:00:00'));
    sentBeforeSecondRun = sim.rt.outbox.length;
    trigger.nextAt = Date.parse(t('2026-04-16T09:30:00'));
    sim.rt.advanceTo(t('2026-05-04T12:00:00'));
  }, 600_000);

  test('no run failed and every queued message went out exactly once, by priority then oldest first', () => {
    const failed = sim.rt.executions.filter((e) => !e.ok).map((e) => `${e.label}: ${e.error}`);
    expect(failed).toEqual([]);
    const outbox = outboxRows(sim);
    const keys = outbox.map((r) => String(r['Kunci']));
    expect(new Set(keys).size).toBe(keys.length);
    // An assignment email whose complaint was closed before it went out is cancelled, not sent.
    const cancelled = outbox.filter((r) => r['Status'] === 'Dibatalkan');
    expect(cancelled.every((r) => r['Jenis'] === 'Penugasan')).toBe(true);
    const sentRows = outbox.filter((r) => r['Status'] !== 'Dibatalkan');
    expect(sentRows.filter((r) => r['Status'] !== 'Terkirim')).toEqual([]);
    const subjects = sim.rt.outbox.map((m) => m.subject);
    for (const r of sentRows) expect(subjects.filter((s) => s === r['Subjek'])).toHaveLength(1);
    for (const r of cancelled) expect(subjects).not.toContain(r['Subjek']);
    // Each run sends assignment and escalation emails first, then digests, then summaries, oldest first.
    const rank = (kind: string) =>
      kind === 'Penugasan' || kind === 'Eskalasi' ? 0 : kind.startsWith('Ringkasan') ? 2 : 1;
    const row = new Map(sentRows.map((r) => [String(r['Subjek']), r]));
    const runs = new Map<number, Record<string, unknown>[]>();
    for (const m of sim.rt.outbox) runs.set(m.at.getTime(), [...(runs.get(m.at.getTime()) ?? []), row.get(m.subject)!]);
    const order = (r: Record<string, unknown>) => [rank(String(r['Jenis'])), (r['Dibuat'] as Date).getTime()];
    for (const sent of runs.values()) {
      const sorted = [...sent].sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
      expect(sent.map((r) => r['Subjek'])).toEqual(sorted.map((r) => r['Subjek']));
    }
    expect(runs.size).toBeGreaterThan(10);
  });

  test('a unit digest on a working day: what is due today; units with nothing get nothing', () => {
    const tue = sentOn(sim, '2026-04-07');
    const seni = tue.find((m) => m.subject.startsWith(`[Pengaduan] Pengingat harian ${SENI}`))!;
    expect(seni.to).toEqual([PIC_SENI]);
    expect(seni.subject).toBe(`[Pengaduan] Pengingat harian ${SENI}, Selasa, 7 April 2026: 1 jatuh tempo hari ini`);
    expect(seni.body).toContain(`- ${numbers.A} | Langkah: 3. Mulai diproses unit | Tenggat: Sel 7 Apr 09.10`);
    expect(seni.body).toContain('per Selasa, 7 April 2026 pukul 08.00 WIB');
    expect(tue.some((m) => m.subject.includes(`Pengingat harian ${SEK}`))).toBe(false); // B is at step 5 (admin)
    const admin = tue.find((m) => m.subject.startsWith('[Pengaduan] Pengingat harian admin'))!;
    expect(admin.to).toEqual([ADMIN]);
    expect(admin.body).toContain(`- ${numbers.C} |`);
    expect(admin.body).toContain(`- ${numbers.B} | Unit: ${SEK}`);
  });

  test('HTML injection in a complaint text is escaped in the digest and the escalation', () => {
    const mails = sim.rt.outbox.filter(
      (m) => m.body.includes(numbers.A) && (m.subject.includes('Pengingat harian') || m.subject.includes('Eskalasi')),
    );
    expect(mails.length).toBeGreaterThan(2);
    for (const m of mails) {
      expect(m.htmlBody).not.toMatch(/<script|<img/i);
    }
    const esc = mails.find((m) => m.subject.includes('Eskalasi'))!;
    expect(esc.htmlBody).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(esc.body).toContain(EVIL);
  });

  test('quota exhaustion: what does not fit waits in Antrean Email and goes out on the next run, by priority, none lost, none twice', () => {
    const queue = [
      `digest|${SENI}|2026-04-09`,
      'admin|2026-04-09',
      `eskalasi|${numbers.A}|3|kepala|${SENI}`,
      `eskalasi|${numbers.C}|2|kepala|-`,
    ];
    const subjects = [
      `[Pengaduan] Pengingat harian ${SENI}, Kamis, 9 April 2026: 2 lewat tenggat`,
      '[Pengaduan] Pengingat harian admin, Kamis, 9 April 2026: 1 belum diteruskan',
      `[Pengaduan ${numbers.A}] Eskalasi: langkah 3 (Mulai diproses unit) lewat tenggat 1 hari kerja`,
      `[Pengaduan ${numbers.C}] Eskalasi: langkah 2 (Penerusan ke unit) lewat tenggat 1 hari kerja`,
    ];
    const { keys, statuses } = snapshots.quotaDay;
    expect(keys.slice(-4)).toEqual(queue);
    // At most 2 recipients were left on Thursday (how many exactly depends on when the rolling
    // 24-hour quota window opened): the escalation of A (to the PIC, copied to the head and the
    // admin: 3 recipients) cannot go; the escalation of C (1 recipient) goes first, then the
    // digests in queue order as far as the quota allows.
    const fitting = [3, 0, 1];
    const thursday = sentOn(sim, '2026-04-09').map((m) => m.subject);
    const k = thursday.length;
    expect(k).toBeLessThanOrEqual(2);
    expect(thursday).toEqual(fitting.slice(0, k).map((i) => subjects[i]));
    const byDailyRun = sentOn(sim, '2026-04-09').filter(
      (m) => m.at.getTime() < Date.parse(t('2026-04-09T08:05:00')),
    ).length;
    const sentByDaily = new Set(fitting.slice(0, byDailyRun));
    expect(keys.filter((_, i) => statuses[i] === 'Menunggu')).toEqual(queue.filter((_, i) => !sentByDaily.has(i)));
    // Friday's first run after the quota came back (hourly, before the 07:55 daily run) sends the
    // rest: A's escalation first, then the digests left.
    const friday = sentOn(sim, '2026-04-10');
    expect(friday.slice(0, 4 - k).map((m) => m.subject)).toEqual([2, ...fitting.slice(k)].map((i) => subjects[i]));
    expect(friday[3 - k].at.getTime()).toBeLessThan(Date.parse(t('2026-04-10T07:55:00')));
    for (const s of subjects) expect(sim.rt.outbox.filter((m) => m.subject === s)).toHaveLength(1);
  });

  test('escalation: ≥ 1 working day copies the unit head and the admins, ≥ 3 also leadership, each level once', () => {
    const escA = sim.rt.outbox.filter((m) => m.subject.startsWith(`[Pengaduan ${numbers.A}] Eskalasi`));
    expect(escA.map((m) => [m.subject.replace(/^.*lewat tenggat /, ''), m.to, m.cc])).toEqual([
      ['1 hari kerja', [PIC_SENI], [HEAD_SENI, ADMIN]],
      ['3 hari kerja', [PIC_SENI], [HEAD_SENI, ADMIN, ...LEADERS]],
    ]);
    expect(wibDate(escA[1].at)).toBe('2026-04-13');
    const escC = sim.rt.outbox.filter((m) => m.subject.startsWith(`[Pengaduan ${numbers.C}] Eskalasi`));
    expect(escC.map((m) => [m.to, m.cc])).toEqual([
      [[ADMIN], []],
      [[ADMIN], LEADERS],
    ]);
    // F: step 3 due Wed 15 April 09:00; the leave week does not count: 1 day on Fri 17, 3 on Tue 28.
    const escF = sim.rt.outbox.filter((m) => m.subject.startsWith(`[Pengaduan ${numbers.F}] Eskalasi`));
    expect(escF.map((m) => [wibDate(m.at), m.subject.replace(/^.*lewat tenggat /, '')])).toEqual([
      ['2026-04-17', '1 hari kerja'],
      ['2026-04-28', '3 hari kerja'],
    ]);
  });

  test('weekly summary on Monday for the previous week, figures as worked out by hand', () => {
    const summaries = sim.rt.outbox.filter((m) =>
      m.subject.startsWith('[Pengaduan] Ringkasan mingguan 6–12 April 2026'),
    );
    expect(summaries).toHaveLength(1);
    const s = summaries[0];
    expect(wibDate(s.at)).toBe('2026-04-13');
    expect(s.to).toEqual(LEADERS);
    expect(s.subject).toBe('[Pengaduan] Ringkasan mingguan 6–12 April 2026: 5 masuk, 2 dijawab, 100,0% tepat waktu');
    for (const line of [
      '  Pengaduan masuk: 5 (+5 dibanding 0)',
      '  Dijawab: 2 (+2 dibanding 0)',
      '  Ditutup tanpa jawaban: 1 (+1 dibanding 0)',
      '  Masih terbuka di akhir periode: 2 (+2 dibanding 0)',
      '  … di antaranya lewat tenggat: 2 (+2 dibanding 0)',
      '  Dijawab tepat waktu (keseluruhan): 100,0% (2 dari 2) (sebelumnya –)',
      '- 1. Pencatatan pengaduan | Selesai: 5 | Tepat waktu: 5 | Persentase: 100,0% | Perubahan: –',
      '- 2. Penerusan ke unit | Selesai: 4 | Tepat waktu: 4 | Persentase: 100,0% | Perubahan: –',
      '- 3. Mulai diproses unit | Selesai: 2 | Tepat waktu: 1 | Persentase: 50,0% | Perubahan: –',
      '- 4. Hasil tindak lanjut | Selesai: 2 | Tepat waktu: 2 | Persentase: 100,0% | Perubahan: –',
      '- 5. Jawaban ke masyarakat | Selesai: 2 | Tepat waktu: 2 | Persentase: 100,0% | Perubahan: –',
      '- Facebook | Masuk: 1 | Dijawab: 1 | Dijawab tepat waktu: 100,0%',
      '- Instagram | Masuk: 2 | Dijawab: 0 | Dijawab tepat waktu: –',
      '- Twitter/X | Masuk: 1 | Dijawab: 1 | Dijawab tepat waktu: 100,0%',
      '- YouTube | Masuk: 1 | Dijawab: 0 | Dijawab tepat waktu: –',
      `- ${SENI} | Masuk: 2 | Dijawab: 1 | Langkah unit selesai: 2 | Tepat waktu: 50,0% | Terbuka: 1 | Lewat tenggat: 1`,
      `- ${SEK} | Masuk: 2 | Dijawab: 1 | Langkah unit selesai: 2 | Tepat waktu: 100,0% | Terbuka: 0 | Lewat tenggat: 0`,
      '- (belum ada unit) | Masuk: 1 | Dijawab: 0 | Langkah unit selesai: 0 | Tepat waktu: – | Terbuka: 1 | Lewat tenggat: 1',
    ])
      expect(s.body.split('\n')).toContain(line);
    const oldest = s.body
      .split('== Pengaduan terbuka terlama ==')[1]
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2, 15));
    expect(oldest).toEqual([numbers.A, numbers.C]);
  });

  test("a missed day is not made up; the next day's digest lists what is overdue", () => {
    const keys = keysOf(sim);
    expect(keys.filter((k) => k.includes('2026-04-15'))).toEqual([]);
    const thu = sim.rt.outbox.find((m) =>
      m.subject.startsWith(`[Pengaduan] Pengingat harian ${SEK}, Kamis, 16 April 2026`),
    )!;
    expect(thu.body).toContain('== Lewat tenggat (1) ==');
    expect(thu.body).toContain(`- ${numbers.F} |`);
  });

  test('a trigger fired twice the same day sends nothing the second time', () => {
    const runs = sim.rt.ledger.runs.filter((r) => r.label === 'dailyJob' && r.startedAt.startsWith('2026-04-16'));
    expect(runs).toHaveLength(2);
    expect(runs[1].calls['MailApp.sendEmail'] ?? 0).toBe(0);
    expect(
      sim.rt.outbox.filter(
        (m) =>
          m.at.getTime() > Date.parse(t('2026-04-16T09:00:00')) &&
          m.at.getTime() < Date.parse(t('2026-04-17T00:00:00')),
      ),
    ).toEqual([]);
    expect(sentBeforeSecondRun).toBeGreaterThan(0);
  });

  test('a leave week sends nothing; the next Monday sends both weekly summaries', () => {
    for (const date of [...LEAVE, '2026-04-25', '2026-04-26']) expect(sentOn(sim, date)).toEqual([]);
    const leaveRuns = sim.rt.ledger.runs.filter(
      (r) => r.label === 'dailyJob' && LEAVE.some((d) => wibDate(new Date(r.startedAt)) === d),
    );
    expect(leaveRuns).toHaveLength(5);
    for (const r of leaveRuns) expect(r.calls['Range.getValues'] ?? 0).toBe(0);
    const monday = sentOn(sim, '2026-04-27')
      .map((m) => m.subject)
      .filter((s) => s.includes('Ringkasan'));
    expect(monday).toEqual([
      '[Pengaduan] Ringkasan mingguan 13–19 April 2026: 1 masuk, 2 dijawab, 0,0% tepat waktu',
      '[Pengaduan] Ringkasan mingguan 20–26 April 2026: 0 masuk, 0 dijawab',
    ]);
  });

  test('monthly summary on the first working day of May (1 May is a holiday), covering April', () => {
    const monthly = sim.rt.outbox.filter((m) => m.subject.startsWith('[Pengaduan] Ringkasan bulanan'));
    expect(monthly.map((m) => [wibDate(m.at), m.subject])).toEqual([
      // A and C were answered on 14 April, after their overall due (13 April): 2 of 4 on time.
      ['2026-05-04', '[Pengaduan] Ringkasan bulanan April 2026: 6 masuk, 4 dijawab, 50,0% tepat waktu'],
    ]);
    expect(monthly[0].body).toContain('  Pengaduan masuk: 6 (+6 dibanding 0)');
    expect(monthly[0].body).toContain('  Masih terbuka di akhir periode: 1 (+1 dibanding 0)');
  });
});

describe('a daily trigger fired 15 minutes late', () => {
  function run(lateMs: number): { sim: Simulation; tuesday: SentMail[] } {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00', '2026-04-06T08:40:00', SENI, 'Instagram');
    submit(sim, '2026-04-06T10:00:00', '2026-04-06T09:30:00', 'Tentukan otomatis', 'Instagram');
    sim.rt.advanceTo(t('2026-04-06T12:00:00'));
    dailyTrigger(sim).nextAt! += lateMs;
    sim.rt.advanceTo(t('2026-04-07T09:00:00'));
    return { sim, tuesday: sentOn(sim, '2026-04-07').filter((m) => m.subject.includes('Pengingat harian')) };
  }

  test("produces the same day's digests, word for word", () => {
    const onTime = run(0);
    const late = run(15 * 60_000);
    const runs = late.sim.rt.ledger.runs.filter((r) => r.label === 'dailyJob' && r.startedAt.startsWith('2026-04-07'));
    const onTimeRuns = onTime.sim.rt.ledger.runs.filter(
      (r) => r.label === 'dailyJob' && r.startedAt.startsWith('2026-04-07'),
    );
    expect(Date.parse(runs[0].startedAt) - Date.parse(onTimeRuns[0].startedAt)).toBe(15 * 60_000);
    expect(late.tuesday.length).toBe(2);
    expect(late.tuesday.map((m) => [m.subject, m.to, m.body, m.htmlBody])).toEqual(
      onTime.tuesday.map((m) => [m.subject, m.to, m.body, m.htmlBody]),
    );
  }, 120_000);
});

describe('menu items', () => {
  test('"Kirim pengingat sekarang" after the daily run sends nothing new; "Kirim ringkasan" sends the weekly summary now', () => {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00', '2026-04-06T08:40:00', SENI, 'Instagram');
    sim.rt.advanceTo(t('2026-04-07T10:00:00'));
    const before = sim.rt.outbox.length;
    const remind = sim.rt.clickMenu(OPERATOR, ['Pengaduan', 'Kirim pengingat sekarang']);
    expect(remind.ok).toBe(true);
    expect(sim.rt.outbox.length).toBe(before);
    const alerts = sim.rt.spreadsheetApp._ui._alerts;
    expect(alerts[alerts.length - 1].prompt).toContain('Tidak ada pengingat baru');

    const summary = sim.rt.clickMenu(OPERATOR, ['Pengaduan', 'Kirim ringkasan']);
    expect(summary.ok).toBe(true);
    const sent = sim.rt.outbox.slice(before);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      [LEADERS, '[Pengaduan] Ringkasan mingguan 30 Maret – 5 April 2026: 0 masuk, 0 dijawab'],
    ]);
    expect(keysOf(sim)).toContain('ringkasan-mingguan|2026-W14|manual|2026-04-07 10:00');
    expect(alerts[alerts.length - 1].prompt).toContain('Terkirim sekarang: 1');
    // The scheduled weekly summary keeps its own key.
    expect(keysOf(sim)).not.toContain('ringkasan-mingguan|2026-W14');
  }, 120_000);

  test('"Kirim pengingat sekarang" on a holiday says so and sends nothing', () => {
    const sim = boot();
    sim.rt.advanceTo(t('2026-04-20T10:00:00'));
    const before = sim.rt.outbox.length;
    expect(sim.rt.clickMenu(OPERATOR, ['Pengaduan', 'Kirim pengingat sekarang']).ok).toBe(true);
    expect(sim.rt.outbox.length).toBe(before);
    const alerts = sim.rt.spreadsheetApp._ui._alerts;
    expect(alerts[alerts.length - 1].prompt).toBe('Senin, 20 April 2026 bukan hari kerja; pengingat tidak dikirim.');
  }, 120_000);
});
