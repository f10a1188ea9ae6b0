export * from './messages';
export * from './dashboard';
export * from './journal';
export * from './dialogs';
export * from './outbox';

/**
 * Every string a user sees (tabs, headers, statuses, menus, dialogs, notes, emails' fixed text),
 * in Bahasa Indonesia, in one place. Code elsewhere refers to these constants, never to literals.
 */

export const TAB = {
  register: 'Pengaduan',
  units: 'Unit',
  holidays: 'Hari Libur',
  settings: 'Pengaturan',
  history: 'Riwayat',
  outbox: 'Antrean Email',
  errors: 'Log Galat',
  dashboard: 'Dasbor Data',
  summary: 'Ringkasan',
} as const;

export const MENU = {
  title: 'Pengaduan',
  setup: 'Siapkan / Perbarui',
  syncForm: 'Sinkronkan pilihan formulir',
  reconcile: 'Rekonsiliasi',
  remindNow: 'Kirim pengingat sekarang',
  sendSummary: 'Kirim ringkasan',
  openDashboard: 'Buka dasbor',
  syncHolidays: 'Sinkron hari libur',
  about: 'Tentang',
} as const;

export const FORM = {
  title: 'Formulir Pengaduan Media Sosial',
  description:
    'Diisi oleh admin media sosial Dinas Kebudayaan Provinsi DKI Jakarta untuk setiap pengaduan ' +
    'masyarakat yang masuk melalui Instagram, Facebook, Twitter/X atau YouTube (satu isian per pengaduan).',
  confirmation: 'Terima kasih. Pengaduan telah dicatat dan akan diteruskan sesuai SOP.',
  autoRoute: 'Tentukan otomatis',
} as const;

export const APP_NAME = 'Pengaduan Medsos — Dinas Kebudayaan Provinsi DKI Jakarta';

export const MESSAGES = {
  operatorOnly: (feature: string, owner: string) =>
    `Menu "${feature}" hanya dapat dijalankan oleh operator (pemilik spreadsheet: ${owner}), ` +
    'karena mengubah tab yang dilindungi. Proses otomatis tetap berjalan setiap jam dan setiap pagi; ' +
    'bila perlu segera, mintalah operator menjalankannya.',
  about:
    'Sistem pengelolaan pengaduan masyarakat melalui media sosial (SOP 1762/-073.71) ' +
    'Dinas Kebudayaan Provinsi DKI Jakarta. Formulir → tab Pengaduan → tab unit, dengan tenggat ' +
    '1 hari kerja per langkah, pengingat dan eskalasi email, serta ringkasan untuk pimpinan.',
} as const;
