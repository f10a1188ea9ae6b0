/**
 * What the mail outbox writes for people (`Antrean Email` › Galat, `Log Galat`, the admin
 * digest), in Bahasa Indonesia. Part of the labels module.
 */

/** How the operator settles a message whose outcome is unknown (status `Perlu Dicek`). */
export const UNKNOWN_HOW_TO =
  'Periksa dengan penerima apakah email ini sudah sampai. Untuk mengirim ulang, ubah Status menjadi "Menunggu"; jika sudah sampai, ubah menjadi "Terkirim"; jika tidak perlu lagi, "Dibatalkan".';

export const OUTBOX_TEXT = {
  /** `Galat` while a run sends the message (status `Mengirim`): which run, started when. */
  marked: (by: string, startedAt: string) => `Sedang dikirim oleh proses "${by}" (mulai ${startedAt})`,
  unknown: (mark: string, markedAt: string) =>
    `Hasil pengiriman tidak diketahui: proses pengirim berhenti sebelum mencatat hasilnya (${mark}; ditandai ${markedAt}). ${UNKNOWN_HOW_TO}`,
  logUnknown: (subject: string) =>
    `Email "${subject}" mungkin sudah terkirim, mungkin belum: proses pengirim berhenti sebelum mencatat hasilnya. Tidak dikirim ulang otomatis; status di Antrean Email: "Perlu Dicek".`,
  notRecorded: (subject: string) =>
    `Email "${subject}" sudah terkirim, tetapi statusnya tidak dapat dicatat: baris ini di Antrean Email berubah (diurutkan atau dihapus?) selama pengiriman.`,
  backlog: (waiting: number, recipients: number, quota: number, oldest: string) =>
    `Antrean Email tidak habis dengan kuota email hari ini: ${waiting} email menunggu (${recipients} penerima), sisa kuota ${quota} penerima, menunggu sejak ${oldest}. Email penugasan dan eskalasi dikirim lebih dulu; pengingat dan ringkasan menyusul saat kuota tersedia.`,
  backlogDetail:
    'Kuota MailApp dihitung per penerima: 100 penerima per hari untuk akun Gmail biasa, 1.500 untuk Google Workspace. Kurangi penerima (PIC, tembusan) atau gunakan akun Workspace.',
  digestUnknown: (n: number) =>
    `${n} email di tab Antrean Email berstatus "Perlu Dicek" (hasil pengiriman tidak diketahui). ${UNKNOWN_HOW_TO}`,
  digestCounts: 'masalah antrean email',
} as const;
