/**
 * What the system writes in `Riwayat` (actions) and `Log Galat` (messages for the operator),
 * in Bahasa Indonesia. Part of the labels module.
 */

export const UNKNOWN_USER = 'tidak diketahui';
export const SYSTEM_USER = 'sistem';

/** `Riwayat` › Tindakan. */
export const ACTION = {
  recorded: 'Pengaduan dicatat',
  recordedByReconcile: 'Dicatat oleh rekonsiliasi',
  officerUpdate: 'Pembaruan petugas',
  officerUpdateByReconcile: 'Pembaruan petugas (rekonsiliasi)',
  adminUpdate: 'Pembaruan admin',
  reassignedFrom: (unit: string) => `Dialihkan dari ${unit}`,
  refused: 'Perubahan ditolak',
  configChanged: 'Konfigurasi diubah',
  reconcile: 'Rekonsiliasi',
  setup: 'Siapkan / Perbarui',
  assignmentCancelled: 'Email penugasan dibatalkan',
  holidayAdded: 'Hari libur ditambahkan dari Google Kalender',
  officerCellsRestored: (tab: string) => `Isian petugas di tab ${tab} dikembalikan ke pengaduannya`,
  editApplied: 'Perubahan tertunda diterapkan',
  textNotUsed: (tab: string, owner: string) => `Isian di tab ${tab} tidak dipakai (pengaduan milik: ${owner})`,
} as const;

/** `Riwayat` › Nilai Baru of the actions above. */
export const HISTORY_VALUE = {
  recorded: (status: string, unit: string, auto: boolean, note: string) =>
    `${status}; ${unit ? `diteruskan ke ${unit}${auto ? ' (otomatis)' : ''}` : 'menunggu admin memilih unit'}${note ? `. ${note}` : ''}`,
  assignmentCancelled: (n: number) => `${n} email (pengaduan sudah dijawab/ditutup)`,
  reconcile: (registered: number, officerUpdates: number, rebuilt: string[], queued: number) =>
    `${registered} respons dicatat, ${officerUpdates} isian petugas diambil, tab dibangun ulang: ${rebuilt.join(', ') || '-'}, ${queued} email penugasan diantrekan`,
  noOwner: 'tidak ada',
  headerRestored: 'tab unit kosong (dihapus isinya): judul kolom dipulihkan, baris dibangun ulang dari tab Pengaduan',
  restored: (status: string, unit: string) =>
    `${status}; baris di Pengaduan hilang dan dibuat lagi dengan nomor yang sama; isian unit ${unit} dipulihkan dari tab unit`,
  formUpToDate: 'sudah sesuai',
} as const;

/** `Log Galat` › Pesan. */
export const LOG = {
  refused: (user: string, message: string) => `Perubahan oleh ${user || 'pengguna'} ditolak: ${message}`,
  typed: (value: string) => `isian: "${value}"`,
  formProblems: (problems: string[]) => `Isian formulir perlu diperiksa admin: ${problems.join(' ')}`,
  responseAt: (sheet: string, row: number) => `tab "${sheet}" baris ${row}`,
  lockTimeout: (ms: number) =>
    `Kunci skrip tidak didapat dalam ${Math.round(ms / 1000)} detik (proses lain sedang berjalan).`,
  partFailed: (part: string, error: string) =>
    `${part} tidak dapat diproses dan dilewati (bagian lain tetap berjalan): ${error}. Periksa tab tersebut atau jalankan Siapkan / Perbarui.`,
  busy: 'Respons formulir belum dicatat karena sistem sedang sibuk; akan dicatat otomatis oleh rekonsiliasi berikutnya.',
  duplicate: (number: string) => `Respons ini sudah dicatat sebagai ${number}; kiriman ganda diabaikan.`,
  keyConflict: (numbers: string[]) =>
    `Respons dengan waktu kirim dan pengisi yang sama dengan ${numbers.join(', ')} tetapi isinya berbeda; dicatat sebagai pengaduan baru. Periksa apakah ini pengaduan yang sama.`,
  duplicateRegisterRows: (number: string, rows: number[]) =>
    `Nomor ${number} muncul di ${rows.length} baris tab Pengaduan (baris ${rows.join(', ')}); yang dipakai baris ${rows[0]}. Hapus baris salinannya.`,
  blank: (row: number) => `Respons kosong di baris ${row} diabaikan.`,
  unitTabMissing: (tab: string) => `Tab unit "${tab}" tidak ditemukan; pengaduan tetap tercatat di tab Pengaduan.`,
  emailFailed: (subject: string, attempt: number) => `Email "${subject}" gagal dikirim (percobaan ${attempt}).`,
  unexpected: (message: string) => `Galat tak terduga: ${message}`,
  checkConfigTabs: 'Periksa tab Unit / Pengaturan / Hari Libur.',
  assignmentMoot: 'Dibatalkan: pengaduan sudah dijawab/ditutup sebelum email terkirim.',
} as const;

/** Errors that stop a run and tell the operator what to do. */
export const FAILURE = {
  tabMissing: (tab: string) => `Tab "${tab}" tidak ditemukan. Jalankan menu Pengaduan › Siapkan / Perbarui.`,
  responsesLayoutMissing:
    'Tata letak tab respons formulir belum tersimpan. Jalankan menu Pengaduan › Siapkan / Perbarui.',
  holidayCalendarMissing:
    'Kalender "Hari libur di Indonesia" belum diikuti oleh akun ini, jadi tidak dapat dibaca. ' +
    'Cara mengikutinya: buka Google Kalender dengan akun pemilik spreadsheet › di kiri, "Kalender lain" › "+" › ' +
    '"Telusuri kalender yang diminati" › "Hari libur regional" › centang "Hari libur di Indonesia". ' +
    'Lalu jalankan lagi menu Pengaduan › Sinkron hari libur. Tanggal libur juga dapat diketik langsung di tab Hari Libur.',
} as const;

/** What a person editing a tab is told (toasts). */
export const EDIT_TEXT = {
  refusedTitle: 'Perubahan tidak dapat diterima',
  busyTitle: 'Perubahan dicatat',
  busy: 'Sistem sedang sibuk. Perubahan Anda sudah dicatat (dengan waktu dan nama Anda) dan akan diproses otomatis dalam beberapa menit; tidak perlu diketik ulang.',
  sorted:
    'Kolom isian petugas tampaknya diurutkan, sehingga isian berpindah ke pengaduan lain. Isian dikembalikan ke pengaduan masing-masing; ' +
    'untuk mengurutkan, gunakan Data › Buat tampilan filter.',
  rowsRestored: (n: number) => `${n} baris`,
  unitOfficer: (unit: string) => `petugas ${unit} (email tidak terlihat)`,
  unitStillInUse: (units: string[], open: number, restored: boolean) =>
    `Unit ${units.map((u) => `"${u}"`).join(', ')} masih punya ${open} pengaduan terbuka, jadi tidak dapat diganti namanya atau dihapus; ` +
    (restored ? 'isian dikembalikan. ' : 'kembalikan namanya di tab Unit. ') +
    'Untuk mengganti nama: tambahkan baris unit baru, alihkan pengaduannya di tab Pengaduan, lalu nonaktifkan unit lama (Aktif = Tidak) setelah semua selesai.',
  rowNotOwn: (row: number) => `Baris ${row} tidak cocok dengan pengaduan unit ini; akan dirapikan oleh rekonsiliasi.`,
} as const;
