/**
 * Complaints for the dashboard tests: every lifecycle shape (answered on time, answered late,
 * waiting for a unit, closed, reassigned and processing), each carrying personal data in every
 * personal field so the tests can prove none of it reaches the feed.
 */
import { createCalendar } from '../../src/core/calendar';
import { Complaint, STATUS, emptyComplaint } from '../../src/core/complaint';
import { FeedContext } from '../../src/core/dashboard/feed';

export const at = (iso: string): Date => new Date(iso);

/** Friday 10 April 2026, 17:00 WIB. */
export const NOW = at('2026-04-10T17:00:00+07:00');

export const calendar = createCalendar();

export const UNITS = [
  { name: 'UP Museum Seni', kind: 'UKPD' },
  { name: 'Bidang Pelindungan Kebudayaan', kind: 'Bidang' },
  { name: 'Suku Dinas Kebudayaan Jakarta Barat', kind: 'Sudin' },
];

export const ctx: FeedContext = {
  calendar,
  stepDays: [1, 1, 1, 1, 1],
  now: NOW,
  unitKinds: new Map(UNITS.map((u) => [u.name, u.kind])),
};

function complaint(n: number, fields: Partial<Complaint>): Complaint {
  const number = `ADU-2026-${String(n).padStart(4, '0')}`;
  const base = emptyComplaint(number, fields.recordedAt ?? at('2026-03-16T09:10:00+07:00'));
  return {
    ...base,
    reporter: `@warga_rahasia_${n}`,
    postUrl: `https://www.instagram.com/p/rahasia-${n}`,
    text: `Isi pengaduan pribadi nomor ${n}: rumah saya di Jalan Melati ${n}`,
    initialResponse: `Tanggapan awal khusus ${n}`,
    followUp: `Hasil tindak lanjut internal ${n}`,
    officerNote: `Catatan petugas ${n}`,
    reply: `Jawaban kepada pelapor ${n}`,
    replyUrl: `https://www.instagram.com/p/rahasia-${n}/balasan`,
    adminEmail: `admin.${n}@example.org`,
    sourceKey: `kunci-respons-rahasia-${n}`,
    ...fields,
  };
}

export const COMPLAINTS: Complaint[] = [
  // Answered well within every standard.
  complaint(1, {
    receivedAt: at('2026-03-16T08:40:00+07:00'),
    recordedAt: at('2026-03-16T09:10:00+07:00'),
    channel: 'Instagram',
    category: 'Fasilitas dan kebersihan',
    unit: 'UP Museum Seni',
    assignedUnit: 'UP Museum Seni',
    status: STATUS.answered,
    forwardedAt: at('2026-03-16T09:10:00+07:00'),
    processedAt: at('2026-03-16T13:00:00+07:00'),
    followedUpAt: at('2026-03-17T10:00:00+07:00'),
    answeredAt: at('2026-03-17T14:00:00+07:00'),
  }),
  // Processing took a week: steps 3 and the whole complaint late.
  complaint(2, {
    receivedAt: at('2026-03-25T10:00:00+07:00'),
    recordedAt: at('2026-03-25T10:30:00+07:00'),
    channel: 'Facebook',
    category: 'Cagar budaya dan koleksi',
    unit: 'Bidang Pelindungan Kebudayaan',
    assignedUnit: 'Bidang Pelindungan Kebudayaan',
    status: STATUS.answered,
    forwardedAt: at('2026-03-25T10:30:00+07:00'),
    processedAt: at('2026-03-26T09:00:00+07:00'),
    followedUpAt: at('2026-04-07T11:00:00+07:00'),
    answeredAt: at('2026-04-08T09:00:00+07:00'),
  }),
  // No unit yet (status Baru), received two working days ago: step 2 overdue.
  complaint(3, {
    receivedAt: at('2026-04-08T08:15:00+07:00'),
    recordedAt: at('2026-04-08T08:20:00+07:00'),
    channel: 'Twitter/X',
    category: '',
    unit: '',
    status: STATUS.new,
  }),
  // Closed as spam the same day.
  complaint(4, {
    receivedAt: at('2026-04-09T13:00:00+07:00'),
    recordedAt: at('2026-04-09T13:05:00+07:00'),
    channel: 'YouTube',
    category: 'Lainnya',
    unit: '',
    status: STATUS.closed,
    closeReason: 'spam dari akun palsu pelapor',
    closedAt: at('2026-04-09T14:00:00+07:00'),
  }),
  // Reassigned to a Sudin, being processed today: running, not late.
  complaint(5, {
    receivedAt: at('2026-04-09T09:00:00+07:00'),
    recordedAt: at('2026-04-09T09:05:00+07:00'),
    channel: 'Instagram',
    category: 'Acara dan pertunjukan',
    unit: 'Suku Dinas Kebudayaan Jakarta Barat',
    assignedUnit: 'Suku Dinas Kebudayaan Jakarta Barat',
    status: STATUS.processing,
    forwardedAt: at('2026-04-09T10:00:00+07:00'),
    reassignedAt: at('2026-04-09T10:00:00+07:00'),
    processedAt: at('2026-04-10T09:00:00+07:00'),
  }),
];

/** Every personal string of a complaint (what must never appear in the feed). */
export function personalStrings(c: Complaint): string[] {
  return [
    c.reporter,
    c.postUrl,
    c.text,
    c.initialResponse,
    c.followUp,
    c.officerNote,
    c.reply,
    c.replyUrl,
    c.adminEmail,
    c.closeReason,
    c.sourceKey,
  ].filter((s) => s.length > 0);
}
