/**
 * The self-test (menu Pengaduan › Uji kecocokan sistem): what each check states, what it
 * expects and how it words what it saw, in Bahasa Indonesia; the `Uji Sistem` tab and the
 * summary dialog. Part of the labels module.
 */
import * as X from '../self-test/expected';
import { FORM } from './index';

const ms = (n: number) => `${Math.round(n)} ms`;
const none = '(tidak ada)';
const list = (xs: string[]) => (xs.length ? xs.join(', ') : none);
const HTML_PROBE = '<p>Uji <b>HtmlService</b> &amp; dialog</p>';
const HTML_TITLE = 'Uji HtmlService';
export const SELF_TEST_TAB = 'Uji Sistem';
/** The scratch tab the checks write in; deleted at the end of every run. */
export const SELF_TEST_SCRATCH_TAB = 'Uji Sistem (sementara, boleh dihapus)';

export const SELF_TEST_HEADERS = [
  'Waktu uji',
  'ID',
  'Yang diperiksa',
  'Hasil',
  'Diharapkan',
  'Terlihat',
  'Keterangan',
  'Dokumentasi',
] as const;

/** What each check states (the "Yang diperiksa" column), by check id. */
export const SELF_TEST_TITLE: Record<string, string> = {
  'nilai.kosong': "getValues mengembalikan teks kosong '' untuk sel kosong",
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

/** The `Diharapkan` column, by check id. */
export const SELF_TEST_EXPECTED: Record<string, string> = {
  'kunci.rebutan': `false setelah ±${X.LOCK_CONTENTION_TIMEOUT_MS} ms, tanpa galat`,
  'kunci.ambil': 'tryLock true, hasLock true, lalu hasLock false setelah releaseLock',
  'nilai.kosong': `[["x", '', ''], ['', '', '']]`,
  'nilai.tanggal': `Date ${new Date(X.PROBE_INSTANT_MS).toISOString()}`,
  'nilai.angka': `[angka ${X.NUMBER_PROBE}, boolean ${X.BOOLEAN_PROBE}]`,
  'nilai.ukuran': 'galat: jumlah baris/kolom data tidak sama dengan rentang',
  'zona.skrip': X.ZONE,
  'zona.spreadsheet': X.ZONE,
  'zona.jawaban': `Date yang di zona spreadsheet berbunyi ${X.TYPED_WALL}, dan tampil demikian`,
  'zona.intl': `${X.PROBE_WALL} (UTC${X.ZONE_OFFSET})`,
  'zona.luxon': X.PROBE_ISO_WIB,
  'zona.utilities': X.PROBE_ISO_MINUTES,
  'lindungi.baru': 'daftar editor tidak memuat pemilik: perlindungan belum berlaku',
  'lindungi.berlaku': 'editor hanya Anda (dan pemilik); Anda dapat mengedit; akses domain mati',
  'pemicu.pasang': `pemicu ${X.PROBE_TRIGGER_HANDLER} terlihat, lalu hilang setelah dihapus`,
  'pemicu.pemilik': 'masing-masing tepat 1: kirim formulir, edit, buka, harian, per jam',
  'properti.batas': `${X.PROPERTY_CHUNK_CHARS} karakter utuh; ${X.PROPERTY_OVERSIZE_CHARS} karakter ditolak`,
  'properti.biaya': `≤ ${ms(X.MODEL_MS.propertiesWrite * X.SLOWER_THAN_MODEL_FACTOR)} per penulisan (model: ${ms(X.MODEL_MS.propertiesWrite)})`,
  'lembar.flush': `≤ ${ms(X.MODEL_MS.flushAfterWrite * X.SLOWER_THAN_MODEL_FACTOR)} (model: ${ms(X.MODEL_MS.flushAfterWrite)})`,
  'cache.batas': 'nilai terbaca kembali utuh',
  'surel.kuota': 'bilangan bulat ≥ 0',
  'surel.kirim': 'terkirim tanpa galat',
  'kalender.null': 'null',
  'kalender.libur': 'salah satu kalender ditemukan dan berisi ≥ 1 acara tahun ini',
  'pengguna.aktif': 'alamat email yang sama dengan akun yang menjalankan',
  'pengguna.penyunting': 'akun Workspace; semua PIC dan admin di domain yang sama',
  'html.keluaran': `${HTML_PROBE}, "${HTML_TITLE}", ${X.HTML_SIZE.width}×${X.HTML_SIZE.height}`,
  'formulir.judul': `"${FORM.title}"`,
  'formulir.terbit': 'true',
  'formulir.menerima': 'true',
  'formulir.tujuan': 'SPREADSHEET, id spreadsheet ini',
  'formulir.tab-jawaban': 'tab ditemukan dengan judul waktu kirim; tidak ada pertanyaan yang kurang',
};

/** How the `Terlihat` column words an observation. */
export const SELF_TEST_SEEN = {
  blank: "'' (teks kosong)",
  number: (n: number) => `angka ${n}`,
  boolean: (b: boolean) => `boolean ${b}`,
  list,
  ms,
  lockRefused: (elapsed: number) => `false setelah ${ms(elapsed)}`,
  lock: (acquired: boolean, held: boolean, released: boolean) =>
    `tryLock ${acquired}, hasLock ${held}, setelah releaseLock ${released}`,
  typedDate: (value: string, wall: string, zone: string, display: string) =>
    `${value} = ${wall} di ${zone}; tampil "${display}"`,
  invalid: (why: string) => `tidak valid (${why})`,
  editors: (editors: string[]) => `editor: ${list(editors)}`,
  protection: (editors: string[], canEdit: boolean, domainEdit: boolean) =>
    `editor: ${list(editors)}; dapat mengedit: ${canEdit}; akses domain: ${domainEdit}`,
  trigger: (listed: boolean, handler: string, gone: boolean) =>
    `terlihat: ${listed} (${handler || none}); hilang setelah dihapus: ${gone}`,
  triggerCount: (handler: string, n: number) => `${handler} ×${n}`,
  property: (intact: boolean, oversize: string | null) =>
    `${X.PROPERTY_CHUNK_CHARS} karakter ${intact ? 'utuh' : 'tidak utuh'}; ${X.PROPERTY_OVERSIZE_CHARS} karakter: ${oversize === null ? 'diterima' : `galat: ${oversize}`}`,
  perWrite: (n: number) => `${ms(n)} per penulisan`,
  intact: (ok: boolean) => (ok ? 'utuh' : 'hilang atau berubah'),
  sent: 'terkirim',
  calendar: (id: string, name: string | null, events: number) =>
    `${id}: ${name === null ? 'null' : `"${name}", ${events} acara`}`,
  user: (active: string, effective: string) => `${active || "''"} (akun: ${effective || "''"})`,
  consumer: (domain: string) => `akun konsumen (${domain}): e.user kosong untuk semua petugas`,
  outsideDomain: (domain: string, outside: string[]) =>
    `di luar ${domain}: ${list(outside.slice(0, 5))}${outside.length > 5 ? ` (+${outside.length - 5})` : ''}`,
  allInDomain: (domain: string) => `semua di ${domain}`,
  html: (content: string, title: string, width: number, height: number) => `${content}, "${title}", ${width}×${height}`,
  legacyForm: 'true (formulir lama: selalu terbit)',
  destination: (type: string, same: boolean, id: string) => `${type}, ${same ? 'id spreadsheet ini' : id || "''"}`,
  noResponsesTab: 'tab jawaban tidak ditemukan (atau tanpa judul waktu kirim)',
  responsesTab: (tab: string, missing: string[]) => `tab "${tab}"; kurang: ${list(missing)}`,
} as const;

export const SELF_TEST_TEXT = {
  menu: 'Uji kecocokan sistem',
  dialogTitle: 'Uji kecocokan sistem',
  summary: (total: number, passed: number, failed: number, skipped: number) =>
    `${total} pemeriksaan: ${passed} lulus, ${failed} gagal, ${skipped} dilewati.`,
  failedList: (items: string[]) => `Gagal:\n${items.map((s) => `• ${s}`).join('\n')}`,
  skippedList: (items: string[]) => `Dilewati:\n${items.map((s) => `• ${s}`).join('\n')}`,
  details:
    'Rincian (yang diharapkan, yang terlihat, dan dokumentasinya) ada di tab "Uji Sistem". Langkah untuk setiap kegagalan: docs/DEPLOY.md §10.',
  durationNote: (seconds: number) => `Lama uji: ${seconds} detik.`,
  mailSubject: 'Uji kecocokan sistem Pengaduan Medsos',
  mailBody:
    'Email ini dikirim oleh menu Pengaduan › Uji kecocokan sistem untuk memastikan sistem dapat mengirim email dari akun ini. Tidak perlu dibalas.',
  htmlProbe: HTML_PROBE,
  htmlTitle: HTML_TITLE,
  threw: (message: string) => `galat: ${message}`,
  noError: 'tidak ada galat',
  none,
  missingSetup: 'belum ada formulir: Siapkan / Perbarui belum dijalankan',
  lockFree:
    'Tidak ada eksekusi lain yang memegang kunci skrip saat uji; rebutan kunci tidak dapat dibuat dalam satu eksekusi.',
  notOperator: (runner: string, owner: string) =>
    `Dijalankan oleh ${runner}, bukan operator (pemilik spreadsheet ${owner}); pemicu yang dipasang akun lain tidak terlihat. Minta operator menjalankan uji ini.`,
  quotaEmpty: 'Kuota email hari ini sudah habis; tidak ada email uji yang dapat dikirim.',
} as const;
