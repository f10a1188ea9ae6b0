/**
 * Content of the digests, escalations and summaries (DESIGN §8, issue 5): Indonesian, HTML with
 * inline styles plus plain text, user text escaped, bodies within 45,000 characters, keys per
 * kind + unit + period; and the daily plan that puts them in the outbox.
 */
import { createCalendar } from '../../src/core/calendar';
import { adminDigestEmail, unitDigestEmail } from '../../src/core/email/digest';
import { escalationEmail } from '../../src/core/email/escalation';
import { OutgoingEmail } from '../../src/core/email/message';
import { MAX_BODY_CHARS } from '../../src/core/email/report-layout';
import { summaryEmail, summaryKey } from '../../src/core/email/summary';
import { dueSummaryPeriods, manualSummary, planDaily, summaryOf } from '../../src/core/reports/daily';
import { calendarOf } from '../../src/core/calendar-config';
import { dueEscalations } from '../../src/core/reports/escalation';
import { scheduledReminderDay, weekContaining } from '../../src/core/reports/period';
import { adminWorklist, openItems, unitWorklists } from '../../src/core/reports/worklist';
import { UNIT_SENI, complaint, config, wib } from './reports-fixtures';

const cal = createCalendar();
const STEPS = [1, 1, 1, 1, 1];
const TAB_URL = 'https://docs.google.com/spreadsheets/d/abc/edit#gid=7';
const links = {
  spreadsheet: 'https://docs.google.com/spreadsheets/d/abc/edit',
  register: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=1',
  tab: (name: string) => `${TAB_URL}&t=${encodeURIComponent(name)}`,
};
const EVIL = '<script>alert("x")</script> & <img src=x onerror=alert(1)> \'kutip\'';

function expectSafeHtml(m: OutgoingEmail): void {
  expect(m.htmlBody).not.toMatch(/<script|<img|<style|class=/i);
  expect(m.htmlBody).toContain('style="');
  expect(m.htmlBody.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
  expect(m.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
}

describe('unit and admin digests', () => {
  const day = scheduledReminderDay(cal, wib('2026-04-08T08:00:00'), 8);

  test('user text is escaped in HTML and kept as typed in the plain text', () => {
    const c = complaint(
      { received: '2026-04-06T09:30:00', forwarded: '2026-04-06T10:00:00' },
      { text: EVIL, channel: 'Instagram' },
    );
    const [w] = unitWorklists(openItems([c], cal, STEPS, day.asOf), config().units, day, null, cal);
    const m = unitDigestEmail(w, day, TAB_URL);
    expectSafeHtml(m);
    expect(m.htmlBody).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
    expect(m.body).toContain('<script>alert("x")</script>');
    expect(m.key).toBe('digest|UP Museum Seni|2026-04-08');
    expect(m.to).toEqual(UNIT_SENI.pics);
    expect(m.subject).toBe('[Pengaduan] Pengingat harian UP Museum Seni, Rabu, 8 April 2026: 1 lewat tenggat');
    expect(m.body).toContain('per Rabu, 8 April 2026 pukul 08.00 WIB');
    expect(m.htmlBody).toContain(`<a href="${TAB_URL}" style="color:#1a73e8;">${c.number}</a>`);
    expect(m.body).toContain('Terlambat: < 1 hari kerja');
  });

  test('a unit name with markup is escaped too', () => {
    const unit = { ...UNIT_SENI, name: 'Museum <b>Seni</b>', tab: 'Museum <b>Seni</b>' };
    const c = complaint({ received: '2026-04-07T08:30:00', forwarded: '2026-04-07T09:00:00' }, { unit: unit.name });
    const [w] = unitWorklists(openItems([c], cal, STEPS, day.asOf), [unit], day, null, cal);
    const m = unitDigestEmail(w, day, TAB_URL);
    expect(m.htmlBody).not.toContain('<b>');
    expect(m.htmlBody).toContain('Museum &lt;b&gt;Seni&lt;/b&gt;');
  });

  test('a long digest lists at most 100 complaints, then "dan N lainnya", and stays under 45,000 characters', () => {
    const many = Array.from({ length: 340 }, (_, i) =>
      complaint(
        { received: '2026-03-30T09:00:00', forwarded: '2026-03-30T10:00:00' },
        { number: `ADU-2026-${String(i + 1).padStart(4, '0')}`, text: '"<>&\''.repeat(800) },
      ),
    );
    const [w] = unitWorklists(openItems(many, cal, STEPS, day.asOf), config().units, day, null, cal);
    const m = unitDigestEmail(w, day, TAB_URL);
    expectSafeHtml(m);
    const rows = (m.htmlBody.match(/<tr>/g) ?? []).length;
    expect(rows).toBeLessThanOrEqual(100);
    expect(rows).toBeGreaterThanOrEqual(40);
    expect(m.htmlBody).toContain(`… dan ${340 - rows} lainnya`);
    expect(m.subject).toContain('340 lewat tenggat');
  });

  test('admin digest: waiting for a unit, waiting for the answer, units no reminder reaches', () => {
    const items = openItems(
      [
        complaint({ received: '2026-04-07T09:00:00' }, { text: EVIL }),
        complaint({
          received: '2026-04-06T08:00:00',
          forwarded: '2026-04-06T08:20:00',
          processed: '2026-04-06T09:00:00',
          followedUp: '2026-04-06T14:00:00',
        }),
        complaint({ received: '2026-04-07T08:00:00', forwarded: '2026-04-07T08:10:00' }, { unit: 'Unit Lama' }),
      ],
      cal,
      STEPS,
      day.asOf,
    );
    const m = adminDigestEmail(adminWorklist(items, config().units), day, ['admin.medsos@example.org'], links.register);
    expectSafeHtml(m);
    expect(m.key).toBe('admin|2026-04-08');
    expect(m.subject).toBe(
      '[Pengaduan] Pengingat harian admin, Rabu, 8 April 2026: 1 belum diteruskan, 1 menunggu jawaban ke masyarakat, 1 di unit tanpa penerima email',
    );
    expect(m.body).toContain('== Belum diteruskan ke unit (1) ==');
    expect(m.body).toContain('Unit: Unit Lama');
  });
});

describe('escalation email', () => {
  test('names the complaint, the step, the due time and how late; copies per level; escapes', () => {
    const asOf = wib('2026-04-08T08:00:00');
    const c = complaint(
      { received: '2026-03-30T09:00:00', forwarded: '2026-03-30T10:00:00' },
      { text: EVIL, postUrl: 'https://instagram.com/p/"><script>' },
    );
    const [e] = dueEscalations(openItems([c], cal, STEPS, asOf), config(), () => false);
    const m = escalationEmail(e, asOf, { unitTab: TAB_URL, registerTab: links.register });
    expectSafeHtml(m);
    expect(m.key).toBe(`eskalasi|${c.number}|3|pimpinan|UP Museum Seni`);
    expect(m.subject).toBe(
      `[Pengaduan ${c.number}] Eskalasi: langkah 3 (Mulai diproses unit) lewat tenggat 4 hari kerja`,
    );
    expect(m.to).toEqual(UNIT_SENI.pics);
    expect(m.cc).toEqual([
      'kepala.seni@example.org',
      'admin.medsos@example.org',
      'kadis@example.org',
      'sekdis@example.org',
    ]);
    expect(m.body).toContain('Selasa, 31 Maret 2026 10.00 WIB');
    expect(m.body).toContain('kepala unit, admin media sosial dan pimpinan');
    expect(m.number).toBe(c.number);
  });
});

describe('summary email', () => {
  const register = [
    complaint(
      {
        received: '2026-04-06T09:00:00',
        recorded: '2026-04-06T09:10:00',
        forwarded: '2026-04-06T09:20:00',
        processed: '2026-04-07T08:30:00',
        followedUp: '2026-04-07T15:00:00',
        answered: '2026-04-08T10:00:00',
      },
      { category: EVIL },
    ),
    complaint({
      received: '2026-04-06T10:00:00',
      recorded: '2026-04-06T10:05:00',
      forwarded: '2026-04-06T10:10:00',
      processed: '2026-04-09T10:00:00',
      followedUp: '2026-04-09T11:00:00',
      answered: '2026-04-10T15:00:00',
    }),
    complaint({ received: '2026-04-01T09:00:00', forwarded: '2026-04-01T09:30:00' }),
  ];
  const period = weekContaining(cal, '2026-04-08');

  test('headline figures, per-step rates with the change, escaped groups', () => {
    const m = summaryEmail(summaryOf(register, cal, period, config()), ['kadis@example.org'], links);
    expectSafeHtml(m);
    expect(m.key).toBe('ringkasan-mingguan|2026-W15');
    // Both answered this week; the second was answered on Fri 10 Apr 15:00, within its overall
    // due (Mon 13 Apr 10:00): 2 of 2 on time.
    expect(m.subject).toBe('[Pengaduan] Ringkasan mingguan 6–12 April 2026: 2 masuk, 2 dijawab, 100,0% tepat waktu');
    expect(m.body).toContain('Pengaduan masuk: 2 (+1 dibanding 1)');
    expect(m.body).toContain('Masih terbuka di akhir periode: 1 (tetap dibanding 1)');
    expect(m.body).toContain(
      '- 3. Mulai diproses unit | Selesai: 2 | Tepat waktu: 1 | Persentase: 50,0% | Perubahan: –',
    );
    expect(m.htmlBody).toContain('&lt;script&gt;');
    expect(m.to).toEqual(['kadis@example.org']);
  });

  test('on demand: its own key, so it never collides with the scheduled one', () => {
    const m = manualSummary(register, config(), cal, wib('2026-04-15T10:15:00'), links, '2026-04-15 10:15');
    expect(m.key).toBe('ringkasan-mingguan|2026-W15|manual|2026-04-15 10:15');
    expect(summaryKey(period)).not.toBe(m.key);
  });
});

describe('the daily plan', () => {
  const cfg = config();
  const register = [
    complaint({ received: '2026-03-30T09:00:00', forwarded: '2026-03-30T10:00:00' }), // 4 days overdue on 8 Apr
    complaint({ received: '2026-04-07T08:30:00', forwarded: '2026-04-07T09:00:00' }), // due today
    complaint({ received: '2026-04-07T09:00:00' }), // waiting for a unit
  ];
  const plan = (at: string, queued: Set<string> = new Set(), complaints = register, c = cfg) =>
    planDaily({
      complaints,
      config: c,
      calendar: cal,
      day: scheduledReminderDay(cal, wib(at), c.reminderHour),
      links,
      alreadyQueued: (k) => queued.has(k),
    });

  test('a working day: unit digests first, then the admin digest, escalations and the due summaries', () => {
    const p = plan('2026-04-08T07:50:00');
    expect(p.emails.map((m) => m.key)).toEqual([
      'digest|UP Museum Seni|2026-04-08',
      'admin|2026-04-08',
      `eskalasi|${register[0].number}|3|pimpinan|UP Museum Seni`,
      'ringkasan-mingguan|2026-W14',
      // Not sent on 1 April (the register was not in use at the time of the test's data): a summary
      // of a closed period whose key is missing goes out on a later working day of the month.
      'ringkasan-bulanan|2026-03',
    ]);
  });

  test('a second run the same day (or one 15 minutes late) finds every key queued and sends nothing new', () => {
    const first = plan('2026-04-08T07:50:00');
    const queued = new Set(first.emails.map((m) => m.key));
    expect(plan('2026-04-08T08:15:00', queued).emails).toEqual([]);
    // The next working day brings its own digests; escalations and summaries are not repeated.
    expect(plan('2026-04-09T08:00:00', queued).emails.map((m) => m.key)).toEqual([
      'digest|UP Museum Seni|2026-04-09',
      'admin|2026-04-09',
    ]);
  });

  test('a run on time and a run 15 minutes late produce the same digest', () => {
    const a = plan('2026-04-08T07:45:00').emails;
    const b = plan('2026-04-08T08:15:00').emails;
    expect(b).toEqual(a);
  });

  test('at most 50 escalations a day, most overdue first; the rest follow the next working day', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      complaint({
        received: '2026-03-26T09:00:00',
        forwarded: `2026-03-${i < 10 ? '26' : '30'}T10:${String(i).padStart(2, '0')}:00`,
      }),
    );
    const first = plan('2026-04-08T08:00:00', new Set(), many).emails.filter((m) => m.key.startsWith('eskalasi'));
    expect(first).toHaveLength(50);
    const olderFirst = many.slice(0, 10).map((c) => c.number);
    expect(
      first
        .slice(0, 10)
        .map((m) => m.number)
        .sort(),
    ).toEqual(olderFirst.sort());
    const queued = new Set(first.map((m) => m.key));
    // A second run the same day: the day's 50 are spent.
    const again = planDaily({
      complaints: many,
      config: cfg,
      calendar: cal,
      day: scheduledReminderDay(cal, wib('2026-04-08T09:00:00'), 8),
      links,
      alreadyQueued: (k) => queued.has(k),
      escalationsQueuedToday: 50,
    });
    expect(again.emails.filter((m) => m.key.startsWith('eskalasi'))).toEqual([]);
    expect(plan('2026-04-09T08:00:00', queued, many).emails.filter((m) => m.key.startsWith('eskalasi'))).toHaveLength(
      10,
    );
  });

  test('nothing on a holiday or a weekend', () => {
    expect(plan('2026-04-03T08:00:00').emails).toEqual([]);
    expect(plan('2026-04-11T08:00:00').emails).toEqual([]);
  });

  test('monthly summary on the first working day of the month, for the previous month', () => {
    const march = [...register, complaint({ received: '2026-03-02T09:00:00', forwarded: '2026-03-02T09:30:00' })];
    const keys = plan('2026-05-04T08:00:00', new Set(), march)
      .emails.map((m) => m.key)
      .filter((k) => k.startsWith('ringkasan'));
    expect(keys).toEqual(['ringkasan-mingguan|2026-W18', 'ringkasan-bulanan|2026-04']);
  });

  test('after a week without working days, the summary of the week before it goes out too', () => {
    const leave = ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24'].map((date) => ({
      date,
      name: 'Libur lokal',
      kind: 'Libur lokal',
      source: '',
    }));
    const withLeave = calendarOf(config({ holidays: leave }));
    expect(dueSummaryPeriods(withLeave, '2026-04-27').map((p) => p.key)).toEqual(['2026-W16', '2026-W17', '2026-03']);
    expect(dueSummaryPeriods(cal, '2026-04-27').map((p) => p.key)).toEqual(['2026-W17', '2026-03']);
    // Lebaran 2026: Mon 23 and Tue 24 March are leave, Wed 25 is a working day.
    expect(dueSummaryPeriods(cal, '2026-03-25').map((p) => p.key)).toEqual(['2026-W12', '2026-02']);
  });

  test('no summaries before the register was in use, and none without leadership emails', () => {
    const keys = (p: ReturnType<typeof plan>) => p.emails.map((m) => m.key).filter((k) => k.startsWith('ringkasan'));
    expect(keys(plan('2026-04-08T08:00:00', new Set(), register.slice(1)))).toEqual([]);
    expect(keys(plan('2026-04-08T08:00:00', new Set(), register, config({ leaders: [] })))).toEqual([]);
  });

  test('the reminder hour comes from the settings', () => {
    const p = plan('2026-04-08T13:05:00', new Set(), register, config({ reminderHour: 13 }));
    expect(p.day.date).toBe('2026-04-08');
    expect(p.emails.find((m) => m.key.startsWith('digest'))!.body).toContain('pukul 13.00 WIB');
  });
});
