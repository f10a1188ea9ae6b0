/**
 * The self-test (menu Pengaduan › Uji kecocokan sistem): what each check states, in Bahasa
 * Indonesia, the `Uji Sistem` tab and the summary dialog. Part of the labels module.
 */
export const SELF_TEST_TAB = 'Uji Sistem';
/** The scratch tab the checks write in; deleted at the end of every run. */
export const SELF_TEST_SCRATCH_TAB = 'Uji Sistem (sementara, boleh dihapus)';

export const SELF_TEST_HEADERS = ['Waktu uji', 'ID', 'Yang diperiksa', 'Hasil', 'Diharapkan', 'Terlihat', 'Keterangan', 'Dokumentasi'] as const;

/** What each check states (the "Yang diperiksa" column), by check id. */
export const SELF_TEST_TITLE: Record<string, string> = {
  'nilai.kosong': 'getValues mengembalikan teks kosong \'\' untuk sel kosong',
  'nilai.tanggal': 'Tanggal yang ditulis terbaca kembali sebagai Date pada saat yang sama',
  'nilai.angka': 'Angka dan boolean terbaca kembali dengan tipenya (number, boolean)',
  'nilai.ukuran': 'setValues menolak data yang ukurannya tidak sama dengan rentang',
  'zona.skrip': 'Zona waktu skrip (appsscript.json) adalah Asia/Jakarta',
  'zona.spreadsheet': 'Zona waktu spreadsheet adalah Asia/Jakarta (diatur oleh Siapkan / Perbarui)',
  'zona.jawaban': 'Tanggal-waktu yang diketik di sel dibaca sebagai jam dinding di zona spreadsheet',
  'zona.intl': 'Intl.DateTimeFormat di V8 Apps Script mengenal Asia/Jakarta (UTC+07:00)',
  'zona.luxon': 'Pustaka luxon (dipakai sistem) menghitung Asia/Jakarta sebagai +07:00',
  'zona.utilities': 'Utilities.formatDate menulis jam Asia/Jakarta dengan offset +07:00',
  'lindungi.baru': 'Perlindungan baru belum membatasi siapa pun (mengikuti berbagi file; pemilik tidak tercantum)',
  'lindungi.berlaku': 'Perlindungan berlaku setelah daftar editornya diubah: hanya Anda, tanpa akses domain',
  'pemicu.pasang': 'Pemicu terpasang dapat dibuat, terlihat di daftar, lalu dihapus',
  'pemicu.pemilik': 'Kelima pemicu sistem terpasang tepat satu kali dan dimiliki akun ini',
  'properti.batas': 'Script Properties menyimpan nilai 8.000 karakter utuh dan menolak nilai di atas 9 KB',
  'properti.biaya': 'Waktu satu penulisan Script Properties sesuai perkiraan sistem',
  'lembar.flush': 'Waktu SpreadsheetApp.flush setelah menulis sesuai perkiraan sistem',
  'cache.batas': 'CacheService menyimpan kunci 250 karakter dan nilai 90.000 karakter selama 6 jam',
  'kunci.rebutan': 'tryLock mengembalikan false (tanpa galat) bila kunci sedang dipegang eksekusi lain',
  'kunci.ambil': 'tryLock mendapat kunci skrip yang bebas; releaseLock melepasnya',
  'surel.kuota': 'MailApp.getRemainingDailyQuota memberi sisa kuota email hari ini',
  'surel.kirim': 'MailApp.sendEmail mengirim email uji ke akun ini',
  'kalender.null': 'getCalendarById mengembalikan null (bukan galat) untuk kalender yang tidak dilanggan',
  'kalender.libur': 'Kalender libur Indonesia Google dilanggan dan berisi acara tahun ini',
  'pengguna.aktif': 'Alamat email pengguna yang menjalankan menu terbaca',
  'pengguna.penyunting': 'Pemicu edit dapat mengenali alamat email petugas (e.user)',
  'html.keluaran': 'HtmlService menghasilkan HTML, judul dan ukuran dialog seperti yang diminta',
  'formulir.judul': 'Judul formulir pengaduan tampil bagi pengisi (FormApp.create mengosongkan judul)',
  'formulir.terbit': 'Formulir pengaduan sudah diterbitkan (published)',
  'formulir.menerima': 'Formulir pengaduan menerima jawaban',
  'formulir.tujuan': 'Jawaban formulir dikirim ke spreadsheet ini',
  'formulir.tab-jawaban': 'Tab jawaban formulir ada dan barisan judulnya memuat waktu kirim dan semua pertanyaan',
};

export const SELF_TEST_TEXT = {
  menu: 'Uji kecocokan sistem',
  dialogTitle: 'Uji kecocokan sistem',
  summary: (total: number, passed: number, failed: number, skipped: number) =>
    `${total} pemeriksaan: ${passed} lulus, ${failed} gagal, ${skipped} dilewati.`,
  failedList: (items: string[]) => `Gagal:\n${items.map((s) => `• ${s}`).join('\n')}`,
  skippedList: (items: string[]) => `Dilewati:\n${items.map((s) => `• ${s}`).join('\n')}`,
  details: 'Rincian (yang diharapkan, yang terlihat, dan dokumentasinya) ada di tab "Uji Sistem". Langkah untuk setiap kegagalan: docs/DEPLOY.md §10.',
  durationNote: (seconds: number) => `Lama uji: ${seconds} detik.`,
  mailSubject: 'Uji kecocokan sistem Pengaduan Medsos',
  mailBody: 'Email ini dikirim oleh menu Pengaduan › Uji kecocokan sistem untuk memastikan sistem dapat mengirim email dari akun ini. Tidak perlu dibalas.',
  htmlProbe: '<p>Uji <b>HtmlService</b> &amp; dialog</p>',
  htmlTitle: 'Uji HtmlService',
  error: (message: string) => `galat: ${message}`,
  threw: (message: string) => `galat: ${message}`,
  noError: 'tidak ada galat',
  none: '(tidak ada)',
  missingSetup: 'belum ada formulir: Siapkan / Perbarui belum dijalankan',
  lockFree: 'Tidak ada eksekusi lain yang memegang kunci skrip saat uji; rebutan kunci tidak dapat dibuat dalam satu eksekusi.',
  quotaEmpty: 'Kuota email hari ini sudah habis; tidak ada email uji yang dapat dikirim.',
} as const;
