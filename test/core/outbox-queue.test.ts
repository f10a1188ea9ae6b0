/**
 * The outbox's send plan (src/core/email/queue.ts; issue 12 item 4, DESIGN §8, §10): priority
 * (assignment and escalation, then digests, then summaries; oldest first), the quota counted in
 * recipients, unknown outcomes (a `Mengirim` mark left by a run that ended) never sent again,
 * and the backlog figures when the queue cannot drain within today's quota; and what the admin
 * digest tells the operator about it.
 */
import fc from 'fast-check';
import { createCalendar } from '../../src/core/calendar';
import { adminDigestEmail } from '../../src/core/email/digest';
import {
  MAX_SENDS_PER_RUN,
  MailHealth,
  QueuedMessage,
  STALE_MARK_MS,
  bySendOrder,
  mailHealth,
  planSends,
  priorityOf,
} from '../../src/core/email/queue';
import { planDaily } from '../../src/core/reports/daily';
import { scheduledReminderDay } from '../../src/core/reports/period';
import { adminWorklist, openItems } from '../../src/core/reports/worklist';
import { complaint, config, wib } from './reports-fixtures';

const NOW = new Date('2026-08-03T02:00:00Z');
const at = (iso: string) => new Date(iso);
let next = 0;
function msg(kind: string, created: string, extra: Partial<QueuedMessage> = {}): QueuedMessage {
  return { index: next++, kind, created: at(created), status: 'Menunggu', recipients: 1, markedAt: null, ...extra };
}

beforeEach(() => {
  next = 0;
});

describe('planSends', () => {
  test('assignment and escalation before digests before summaries, oldest first within each', () => {
    const q = [
      msg('Ringkasan mingguan', '2026-07-27T01:00:00Z'),
      msg('Pengingat harian', '2026-07-28T01:00:00Z'),
      msg('Pengingat admin', '2026-07-28T00:30:00Z'),
      msg('Eskalasi', '2026-08-01T01:00:00Z'),
      msg('Penugasan', '2026-07-31T01:00:00Z'),
      msg('Ringkasan bulanan', '2026-07-26T01:00:00Z'),
      msg('Penugasan', '2026-08-02T01:00:00Z'),
    ];
    expect(planSends(q, 100, NOW).sends).toEqual([4, 3, 6, 2, 1, 5, 0]);
  });

  test('a kind the planner does not know ranks with the digests', () => {
    expect(priorityOf('Balasan kanal')).toBe(priorityOf('Pengingat harian'));
    expect(priorityOf('Penugasan')).toBeLessThan(priorityOf('Pengingat harian'));
    expect(priorityOf('Pengingat harian')).toBeLessThan(priorityOf('Ringkasan mingguan'));
  });

  test('same kind and time: queue (row) order', () => {
    const q = [msg('Penugasan', '2026-08-01T01:00:00Z'), msg('Penugasan', '2026-08-01T01:00:00Z')];
    expect(planSends(q, 10, NOW).sends).toEqual([0, 1]);
  });

  test('the quota counts recipients; one that does not fit is passed over, smaller ones still go', () => {
    const q = [
      msg('Eskalasi', '2026-08-01T01:00:00Z', { recipients: 4 }),
      msg('Penugasan', '2026-08-01T02:00:00Z', { recipients: 2 }),
      msg('Pengingat harian', '2026-08-01T03:00:00Z', { recipients: 1 }),
      msg('Ringkasan mingguan', '2026-08-01T04:00:00Z', { recipients: 1 }),
    ];
    expect(planSends(q, 3, NOW).sends).toEqual([1, 2]);
    expect(planSends(q, 4, NOW).sends).toEqual([0]);
    expect(planSends(q, 0, NOW).sends).toEqual([]);
  });

  test('at most MAX_SENDS_PER_RUN a run; the cap alone is not a backlog', () => {
    const q = Array.from({ length: MAX_SENDS_PER_RUN + 20 }, () => msg('Penugasan', '2026-08-01T01:00:00Z'));
    const plan = planSends(q, 1500, NOW);
    expect(plan.sends).toHaveLength(MAX_SENDS_PER_RUN);
    expect(plan.backlog).toBeNull();
  });

  test('only `Menunggu` is sent: sent, failed, cancelled, marked and to-be-checked messages are not', () => {
    const q = ['Terkirim', 'Gagal', 'Dibatalkan', 'Mengirim', 'Perlu Dicek', 'Menunggu'].map((status) =>
      msg('Penugasan', '2026-08-01T01:00:00Z', { status, markedAt: status === 'Mengirim' ? NOW : null }),
    );
    expect(planSends(q, 100, NOW).sends).toEqual([5]);
  });

  test('a mark older than STALE_MARK_MS has an unknown outcome; a younger one belongs to a run still sending', () => {
    const q = [
      msg('Penugasan', '2026-08-01T01:00:00Z', {
        status: 'Mengirim',
        markedAt: new Date(NOW.getTime() - STALE_MARK_MS + 1),
      }),
      msg('Penugasan', '2026-08-01T01:00:00Z', {
        status: 'Mengirim',
        markedAt: new Date(NOW.getTime() - 2 * STALE_MARK_MS),
      }),
      msg('Penugasan', '2026-08-01T01:00:00Z', {
        status: 'Mengirim',
        markedAt: new Date(NOW.getTime() - STALE_MARK_MS),
      }),
      msg('Penugasan', '2026-08-01T01:00:00Z', { status: 'Mengirim', markedAt: null }),
      msg('Penugasan', '2026-08-01T01:00:00Z', { status: 'Perlu Dicek', markedAt: new Date(0) }),
    ];
    const plan = planSends(q, 100, NOW);
    expect(plan.sends).toEqual([]);
    expect(plan.unknown.map((m) => m.index)).toEqual([1, 2, 3]); // oldest mark first; a mark without a time last
  });

  test('backlog: the figures when the waiting recipients exceed the quota left', () => {
    const q = [
      msg('Penugasan', '2026-08-02T01:00:00Z', { recipients: 2 }),
      msg('Pengingat harian', '2026-07-28T01:00:00Z', { recipients: 3 }),
      msg('Penugasan', '2026-07-20T01:00:00Z', { status: 'Terkirim' }),
    ];
    expect(planSends(q, 5, NOW).backlog).toBeNull();
    expect(planSends(q, 4, NOW).backlog).toEqual({
      waiting: 2,
      recipients: 5,
      quota: 4,
      oldest: at('2026-07-28T01:00:00Z'),
    });
    expect(planSends(q, -1, NOW).backlog?.quota).toBe(0);
  });

  test('property: within the quota, each message once, in send order, and nothing that fits left out', () => {
    const kinds = ['Penugasan', 'Eskalasi', 'Pengingat harian', 'Pengingat admin', 'Ringkasan mingguan', 'Lain'];
    const statuses = ['Menunggu', 'Menunggu', 'Menunggu', 'Terkirim', 'Mengirim', 'Perlu Dicek', 'Gagal'];
    const message = fc.record({
      kind: fc.constantFrom(...kinds),
      created: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
      status: fc.constantFrom(...statuses),
      recipients: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 15 }),
        (raw, quota, cap) => {
          const q: QueuedMessage[] = raw.map((m, index) => ({
            ...m,
            index,
            created: m.created === null ? null : new Date(m.created * 60_000),
            markedAt: null,
          }));
          const { sends } = planSends(q, quota, NOW, cap);
          const sent = sends.map((i) => q[i]);
          expect(new Set(sends).size).toBe(sends.length);
          expect(sends.length).toBeLessThanOrEqual(cap);
          expect(sent.every((m) => m.status === 'Menunggu')).toBe(true);
          expect(sent.reduce((n, m) => n + m.recipients, 0)).toBeLessThanOrEqual(quota);
          expect([...sent].sort(bySendOrder)).toEqual(sent);
          if (sends.length < cap) {
            // Greedy in send order: a waiting message left out did not fit in what was left then.
            let left = quota;
            for (const m of q.filter((x) => x.status === 'Menunggu').sort(bySendOrder)) {
              if (sends.includes(m.index)) left -= m.recipients;
              else expect(m.recipients).toBeGreaterThan(left);
            }
          }
        },
      ),
    );
  });
});

describe('mailHealth (what the admin digest tells)', () => {
  test('unknown outcomes: `Perlu Dicek` and stale marks; backlog against the quota', () => {
    const q = [
      msg('Penugasan', '2026-08-01T01:00:00Z', { status: 'Perlu Dicek' }),
      msg('Penugasan', '2026-08-01T01:00:00Z', { status: 'Mengirim', markedAt: new Date(NOW.getTime() - 3_600_000) }),
      msg('Penugasan', '2026-08-01T01:00:00Z', { status: 'Mengirim', markedAt: NOW }),
      msg('Pengingat harian', '2026-07-30T01:00:00Z', { recipients: 3 }),
    ];
    expect(mailHealth(q, 10, NOW)).toEqual({ unknown: 2, backlog: null });
    expect(mailHealth(q, 2, NOW)).toEqual({
      unknown: 2,
      backlog: { waiting: 1, recipients: 3, quota: 2, oldest: at('2026-07-30T01:00:00Z') },
    });
  });
});

describe('the admin digest tells the operator about the outbox', () => {
  const cal = createCalendar();
  const links = {
    spreadsheet: 'https://docs.google.com/spreadsheets/d/abc/edit',
    register: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=1',
    tab: () => 'https://docs.google.com/spreadsheets/d/abc/edit#gid=2',
  };
  const day = scheduledReminderDay(cal, wib('2026-04-08T07:50:00'), 8);
  const backlog = { waiting: 40, recipients: 61, quota: 12, oldest: wib('2026-04-06T09:05:00') };
  const plan = (mail?: MailHealth) =>
    planDaily({ complaints: [], config: config(), calendar: cal, day, links, alreadyQueued: () => false, mail });

  test('nothing waits on the admins and the outbox is fine: no admin digest', () => {
    expect(plan().adminDigest).toBe(0);
    expect(plan({ unknown: 0, backlog: null }).adminDigest).toBe(0);
  });

  test('only the outbox needs the operator: the admin digest goes out with the figures and how to settle', () => {
    const p = plan({ unknown: 3, backlog });
    expect(p.adminDigest).toBe(1);
    const m = p.emails.find((e) => e.key === 'admin|2026-04-08')!;
    expect(m.subject).toBe('[Pengaduan] Pengingat harian admin, Rabu, 8 April 2026: masalah antrean email');
    expect(m.body).toContain('Tidak ada pengaduan yang menunggu admin per Rabu, 8 April 2026 pukul 08.00 WIB.');
    expect(m.body).toContain(
      'Antrean Email tidak habis dengan kuota email hari ini: 40 email menunggu (61 penerima), sisa kuota 12 penerima, menunggu sejak 2026-04-06 09:05.',
    );
    expect(m.body).toContain('3 email di tab Antrean Email berstatus "Perlu Dicek"');
    expect(m.body).toContain('Untuk mengirim ulang, ubah Status menjadi "Menunggu"');
    expect(m.htmlBody).toContain('sisa kuota 12 penerima');
  });

  test('with work for the admins too, the outbox lines follow the counts', () => {
    const items = openItems([complaint({ received: '2026-04-07T09:00:00' })], cal, [1, 1, 1, 1, 1], day.asOf);
    const m = adminDigestEmail(
      adminWorklist(items, config().units),
      day,
      ['admin.medsos@example.org'],
      links.register,
      { unknown: 1, backlog: null },
    );
    expect(m.subject).toBe('[Pengaduan] Pengingat harian admin, Rabu, 8 April 2026: 1 belum diteruskan');
    expect(m.body).toContain('1 email di tab Antrean Email berstatus "Perlu Dicek"');
    expect(m.body).not.toContain('tidak habis dengan kuota');
  });
});
