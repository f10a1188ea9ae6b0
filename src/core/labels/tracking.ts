/**
 * What the citizen reads on the public tracking page (DESIGN §15) and what the system writes
 * about ratings (`Penilaian`, `Riwayat`, menu), in Bahasa Indonesia. Part of the labels module.
 */

export const TRACKING_TAB = 'Penilaian';

export const TRACKING_MENU = {
  rotate: 'Ganti kode tautan pantau',
} as const;

/** The public page. */
export const PAGE = {
  lang: 'id',
  title: 'Pantau Pengaduan',
  agency: 'Dinas Kebudayaan Provinsi DKI Jakarta',
  intro: 'Pantau pengaduan Anda yang disampaikan melalui media sosial Dinas Kebudayaan Provinsi DKI Jakarta.',
  searchHeading: 'Cari pengaduan',
  searchHelp: 'Masukkan nomor pengaduan dan kode pantau yang tercantum pada tautan balasan admin.',
  numberLabel: 'Nomor pengaduan',
  numberPlaceholder: 'ADU-2026-0001',
  codeLabel: 'Kode pantau',
  searchButton: 'Cari',
  notFoundHeading: 'Pengaduan tidak ditemukan',
  notFound:
    'Pengaduan tidak ditemukan. Periksa kembali nomor pengaduan dan kode pantau pada tautan yang Anda terima, ' +
    'atau hubungi admin media sosial Dinas Kebudayaan.',
  numberHeading: 'Nomor pengaduan',
  fields: {
    received: 'Tanggal diterima',
    channel: 'Kanal',
    category: 'Kategori',
    unit: 'Unit penanganan',
    status: 'Status',
  },
  noUnit: 'Belum ditentukan',
  noCategory: '-',
  stepsHeading: 'Tahapan penanganan',
  waiting: 'menunggu',
  skipped: 'tidak dilakukan',
  steps: {
    1: 'Pengaduan dicatat',
    2: 'Diteruskan ke unit terkait',
    3: 'Diproses oleh unit',
    4: 'Hasil tindak lanjut diterima',
    5: 'Jawaban disampaikan',
  } as Record<1 | 2 | 3 | 4 | 5, string>,
  closedStep: 'Pengaduan ditutup',
  answerHeading: 'Jawaban',
  closedNote: 'Pengaduan ini ditutup tanpa jawaban tertulis (misalnya karena ganda atau di luar kewenangan).',
  ratingHeading: 'Penilaian layanan',
  ratingQuestion: 'Seberapa puas Anda dengan penanganan pengaduan ini?',
  ratingScale: { 1: 'Sangat tidak puas', 2: 'Tidak puas', 3: 'Cukup', 4: 'Puas', 5: 'Sangat puas' } as Record<
    1 | 2 | 3 | 4 | 5,
    string
  >,
  commentLabel: 'Komentar (opsional, paling banyak 500 karakter)',
  submitRating: 'Kirim penilaian',
  yourRating: (score: number) =>
    `Penilaian Anda: ${score} dari 5. Anda dapat mengubahnya dengan mengirim penilaian baru.`,
  ratingThanks: 'Terima kasih, penilaian Anda telah kami terima.',
  ratingInvalid: 'Pilih nilai 1 sampai 5 sebelum mengirim penilaian.',
  ratingNotYet: 'Penilaian dapat diberikan setelah pengaduan dijawab.',
  ratingBusy: 'Penilaian belum dapat disimpan karena sistem sedang sibuk. Silakan coba lagi beberapa saat lagi.',
  ratingLimit: 'Penilaian untuk pengaduan ini sudah terlalu sering diubah; perubahan ini tidak disimpan.',
  updatedAt: (when: string) => `Data per ${when}. Halaman ini diperbarui beberapa menit sekali.`,
  privacy: 'Halaman ini tidak menampilkan identitas pelapor maupun isi pengaduan.',
  back: 'Cari pengaduan lain',
} as const;

/** `Penilaian` tab headers. */
export const RATING_HEADERS = ['No. Pengaduan', 'Nilai', 'Komentar', 'Waktu Penilaian', 'Jumlah Perubahan'] as const;

/** `Riwayat` entries of the citizen's side. */
export const TRACKING_HISTORY = {
  citizen: 'warga (halaman pantau)',
  source: 'Halaman Pantau',
  rated: 'Penilaian diberikan',
  rerated: 'Penilaian diubah',
  scoreField: 'Nilai',
  commentField: 'Komentar Penilaian',
  rotated: 'Kode tautan pantau diganti',
  rotatedValue: (n: number) => `${n} tautan pantau ditulis ulang; tautan lama tidak berlaku lagi`,
} as const;

export const TRACKING_DIALOG = {
  rotateDone: (n: number, url: string) =>
    `Kode tautan pantau telah diganti. ${n} tautan pada kolom Tautan Pantau ditulis ulang; tautan lama tidak berlaku lagi.` +
    (url
      ? `\nAlamat halaman pantau: ${url}`
      : '\nAlamat halaman pantau belum diketahui: isi Pengaturan › url_pantau dengan URL aplikasi web (…/exec), lalu jalankan menu ini lagi.'),
  noUrl: 'Pengaturan url_pantau kosong dan aplikasi web belum di-deploy: kolom Tautan Pantau dibiarkan kosong.',
} as const;

/** Satisfaction figures in summaries and `Ringkasan`. */
export const SATISFACTION = {
  heading: 'Kepuasan masyarakat',
  byUnit: 'Kepuasan masyarakat per unit',
  byChannel: 'Kepuasan masyarakat per kanal',
  byMonth: 'Kepuasan masyarakat per bulan penilaian',
  note: 'Penilaian 1–5 dari masyarakat pada halaman pantau setelah pengaduan dijawab (penilaian terakhir per pengaduan).',
  average: 'Rata-rata nilai',
  count: 'Jumlah penilaian',
  overall: 'Semua',
  group: 'Kelompok',
  unit: 'Unit',
  channel: 'Kanal',
  month: 'Bulan',
  none: 'Belum ada penilaian.',
} as const;
