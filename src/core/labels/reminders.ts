/**
 * The daily reminders and the summary menu items (src/app/reminders.ts): Riwayat entries, the
 * dialogs of "Kirim pengingat sekarang" / "Kirim ringkasan" and the daily job's failure, in
 * Bahasa Indonesia. Part of the labels module.
 */

/** What one run planned and did (the counts of src/core/reports/daily.ts DailyPlan). */
export interface ReminderCounts {
  date: string;
  escalations: number;
  unitDigests: number;
  adminDigest: number;
  summaries: number;
  queued: number;
  sent: number;
  waiting: number;
}

const afterSend = (sent: number, waiting: number) =>
  `Terkirim sekarang: ${sent}. Menunggu kuota email: ${waiting} (dikirim pada proses berikutnya).`;

export const REMINDER_TEXT = {
  /** The action name of the daily trigger's Riwayat entry and its Log Galat source. */
  dailyAction: 'Pengingat harian',
  /** The Riwayat value of a run that queued or sent something. */
  history: (c: ReminderCounts) =>
    `${c.date}: diantrekan ${c.queued} (eskalasi ${c.escalations}, pengingat unit ${c.unitDigests}, ` +
    `pengingat admin ${c.adminDigest}, ringkasan ${c.summaries}); terkirim ${c.sent}; menunggu ${c.waiting}`,
  busy: 'Proses lain sedang berjalan (mis. pemeliharaan per jam). Coba lagi beberapa menit lagi.',
  dailyLockTimeout: (minutes: number) =>
    `Pengingat harian: kunci skrip tidak didapat dalam ${minutes} menit; pengingat hari ini belum dikirim.`,
  notWorkingDay: (longDate: string) => `${longDate} bukan hari kerja; pengingat tidak dikirim.`,
  remindQueued: (c: ReminderCounts) =>
    `Diantrekan ${c.queued} email: ${c.escalations} eskalasi, ${c.unitDigests} pengingat unit, ` +
    `${c.adminDigest} pengingat admin, ${c.summaries} ringkasan.\n${afterSend(c.sent, c.waiting)}`,
  remindNothingNew: (sent: number, waiting: number) =>
    'Tidak ada pengingat baru: pengingat hari ini sudah diantrekan sebelumnya atau tidak ada yang perlu diingatkan.' +
    `\n${afterSend(sent, waiting)}`,
  noLeaders: 'Email pimpinan belum diisi (Pengaturan › email_pimpinan); ringkasan tidak dikirim.',
  summaryHistory: (subject: string, sent: number, waiting: number) =>
    `${subject}; terkirim ${sent}; menunggu ${waiting}`,
  summaryAlreadyQueued: 'Ringkasan ini baru saja diantrekan; tidak dikirim dua kali.',
  summarySent: (subject: string, to: readonly string[], sent: number, waiting: number) =>
    `${subject}\nPenerima: ${to.join(', ')}.\n${afterSend(sent, waiting)}`,
} as const;
