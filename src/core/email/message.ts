/**
 * An outgoing email as the outbox keeps it (DESIGN §8): recipients, Indonesian subject, plain
 * text and HTML bodies, and an idempotency key (kind + complaint/unit + period) so that the same
 * message is never queued or sent twice.
 */
export interface OutgoingEmail {
  key: string;
  kind: string;
  number: string;
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  htmlBody: string;
}

export const OUTBOX_HEADERS = [
  'Kunci',
  'Dibuat',
  'Jenis',
  'No. Pengaduan',
  'Kepada',
  'Tembusan',
  'Subjek',
  'Isi Teks',
  'Isi HTML',
  'Status',
  'Dikirim',
  'Percobaan',
  'Galat',
];

/**
 * `Menunggu` → `Mengirim` (marked and written before MailApp is called) → `Terkirim` (written
 * right after), or back to `Menunggu` / `Gagal` when the call throws. A `Mengirim` left by a run
 * that ended has an unknown outcome: it becomes `Perlu Dicek` and waits for the operator, who
 * sets it back to `Menunggu` to send it again (or to `Terkirim` / `Dibatalkan`).
 */
export const OUTBOX_STATUS = {
  waiting: 'Menunggu',
  sending: 'Mengirim',
  sent: 'Terkirim',
  unknown: 'Perlu Dicek',
  failed: 'Gagal',
  cancelled: 'Dibatalkan',
} as const;

/** Sending is retried on the next runs; after this many failures the message is marked failed. */
export const MAX_ATTEMPTS = 5;

export function recipientCount(m: Pick<OutgoingEmail, 'to' | 'cc'>): number {
  return new Set([...m.to, ...m.cc].map((e) => e.toLowerCase())).size;
}
