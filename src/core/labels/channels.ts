/** User-visible text of channel capture (issue 15, DESIGN §14): the `Kotak Masuk` tab, menu, logs. */
import type { ChannelName } from '../channels/post';

export const INBOX_TAB = 'Kotak Masuk';

export const TRIAGE = {
  new: 'Baru',
  complaint: 'Pengaduan',
  notComplaint: 'Bukan pengaduan',
  spam: 'Spam',
} as const;
export const TRIAGE_CHOICES: string[] = Object.values(TRIAGE);

export const REPLY_STATE = {
  sending: 'Mengirim',
  sent: 'Terkirim',
  unknown: 'Tidak pasti',
  failed: 'Gagal',
  off: 'Balasan kanal ini tidak aktif',
  notAnswered: 'Menunggu jawaban (status Dijawab)',
} as const;

export const LIKELY = 'Ya';

export const CHANNEL_TRIGGER_NAME = 'kanal tiap 15 menit';

export const CHANNEL_MENU = {
  connect: 'Hubungkan kanal',
  pollNow: 'Ambil unggahan kanal sekarang',
} as const;

export const CHANNEL_TEXT = {
  connectIntro: (channel: ChannelName, fields: string[]) =>
    `Masukkan ${fields.join(' dan ')} untuk ${channel}, dipisahkan dengan baris baru atau "|" (kosongkan untuk mematikan kanal ini). ` +
    'Kredensial disimpan di Script Properties, tidak pernah di sheet.',
  tested: (channel: ChannelName, ok: boolean, detail: string) =>
    ok
      ? `${channel}: tersambung.`
      : `${channel}: gagal diuji (${detail}). Kredensial tetap disimpan; periksa lalu coba lagi.`,
  removed: (channel: ChannelName) => `${channel}: kanal dimatikan (kredensial dihapus).`,
  incomplete: (channel: ChannelName) => `${channel}: isian tidak lengkap; tidak ada yang diubah.`,
  summary: (on: string[]) =>
    on.length
      ? `Kanal aktif: ${on.join(', ')}.`
      : 'Kanal aktif: tidak ada (hubungkan lewat menu Pengaduan › Hubungkan kanal).',
} as const;

/** How the operator renews each credential (Log Galat and the admin digest). */
export const RENEW_HOW: Record<ChannelName, string> = {
  YouTube:
    'Buat kunci API baru di Google Cloud Console (APIs & Services › Credentials), lalu masukkan lewat menu Pengaduan › Hubungkan kanal.',
  Instagram:
    'Buat token akses jangka panjang baru di Meta for Developers (Instagram API with Instagram Login), lalu masukkan lewat menu Pengaduan › Hubungkan kanal.',
  Facebook:
    'Buat Page access token baru di Meta for Developers (Graph API Explorer, izin pages_read_engagement), lalu masukkan lewat menu Pengaduan › Hubungkan kanal.',
  'Twitter/X':
    'Buat bearer token baru di X Developer Console (Projects & Apps › Keys and tokens), lalu masukkan lewat menu Pengaduan › Hubungkan kanal.',
};

export const CHANNEL_LOG = {
  tokenInvalid: (channel: ChannelName, detail: string) =>
    `Token/kunci ${channel} ditolak (${detail}). ${RENEW_HOW[channel]}`,
  rateLimited: (channel: ChannelName, until: string) =>
    `${channel} membatasi permintaan (rate limit); pengambilan berikutnya setelah ${until}.`,
  quotaExceeded: (channel: ChannelName, until: string) =>
    `Kuota harian ${channel} habis; pengambilan berikutnya setelah ${until}.`,
  quotaBudget: (units: string) =>
    `Kuota YouTube hari ini hampir habis (${units} dari 10.000); pengambilan YouTube dilanjutkan besok.`,
  failed: (channel: ChannelName, detail: string) =>
    `Pengambilan ${channel} gagal: ${detail}. Dicoba lagi pada jadwal berikutnya.`,
  captured: (n: number) => `${n} unggahan baru di Kotak Masuk`,
  triaged: (as: string) => `Triase Kotak Masuk: ${as}`,
  replyUnknown: (number: string) =>
    `Balasan untuk ${number} mungkin sudah terkirim atau belum (proses terhenti di tengah pengiriman). Periksa unggahan aslinya; jangan dikirim ulang otomatis.`,
  replyFailed: (number: string, detail: string) => `Balasan untuk ${number} gagal dikirim: ${detail}.`,
  triageNoText: (row: number) => `Kotak Masuk baris ${row}: unggahan tanpa isi tidak dapat dicatat sebagai pengaduan.`,
} as const;

export const DIGEST_INBOX = {
  heading: 'Unggahan di Kotak Masuk yang belum ditriase lewat baku mutu langkah 1',
  line: (channel: string, account: string, at: string) => `${channel} — ${account} — ${at}`,
  tokenHeading: 'Kanal yang tokennya ditolak',
  note: 'Pilih Triase di tab Kotak Masuk: Pengaduan, Bukan pengaduan atau Spam (langkah 1).',
  tokenNote: 'Unggahan dari kanal ini tidak terambil sampai token diperbarui (lihat Log Galat).',
  columns: ['Waktu unggahan', 'Kanal', 'Akun'],
  tokenColumns: ['Kanal', 'Cara memperbarui'],
  untriaged: 'unggahan belum ditriase',
  tokenRefused: 'kanal dengan token ditolak',
} as const;

/** The dashboard's per-channel table (no personal data): tab and column ids for Looker Studio. */
export const CHANNEL_FEED_TAB = 'Dasbor Kanal';
export const CHANNEL_FEED_HEADERS = [
  'kanal',
  'unggahan',
  'pengaduan',
  'bukan_pengaduan',
  'spam',
  'belum_ditriase',
  'median_jam_kerja_triase',
] as const;
