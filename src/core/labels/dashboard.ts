/**
 * What a person reads on the dashboard surfaces (the `Ringkasan` tab, the Buka dasbor dialog,
 * the local preview): Bahasa Indonesia, kept here beside the other labels of the dashboard so
 * the feed's column identifiers (feed.ts), which Looker Studio binds to, never depend on them.
 */

export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Values the feed uses where a complaint has no unit (yet) or its unit is not in the `Unit` tab. */
export const NO_UNIT = 'Belum ditentukan';
export const UNKNOWN_KIND = 'Tidak diketahui';
export const NO_CATEGORY = 'Tanpa kategori';

/** The feed's `tepat_waktu` values. */
export const ON_TIME = {
  yes: 'Ya',
  no: 'Tidak',
  running: 'Berjalan',
  closed: 'Ditutup',
} as const;
export type OnTime = (typeof ON_TIME)[keyof typeof ON_TIME];

export const STEP_NAMES = [
  'Pencatatan pengaduan',
  'Diteruskan ke unit',
  'Diproses unit',
  'Hasil tindak lanjut',
  'Jawaban ke masyarakat',
] as const;

export const SUMMARY = {
  title: 'Ringkasan Pengaduan Media Sosial',
  asOf: 'Data per',
  note: 'Dibangun ulang otomatis setiap jam dari tab Dasbor Data (tanpa data pribadi). Jangan diubah: perubahan akan tertimpa.',
  keyFigures: 'Angka kunci',
  thisMonth: 'Bulan ini',
  lastMonth: 'Bulan lalu',
  allTime: 'Seluruhnya',
  received: 'Diterima',
  answered: 'Dijawab',
  answeredOnTime: 'Dijawab tepat waktu',
  answeredLate: 'Dijawab terlambat',
  onTimeRate: 'Persentase tepat waktu',
  avgDays: 'Rata-rata hari kerja sampai dijawab',
  open: 'Masih terbuka',
  overdue: 'Lewat tenggat',
  closed: 'Ditutup tanpa jawaban',
  byStatus: 'Per status',
  status: 'Status',
  count: 'Jumlah',
  byUnit: 'Per unit',
  unit: 'Unit',
  unitKind: 'Jenis unit',
  byChannel: 'Per kanal',
  channel: 'Kanal',
  byCategory: 'Per kategori',
  category: 'Kategori',
  bySteps: 'Per langkah SOP',
  step: 'Langkah',
  done: 'Selesai',
  onTime: 'Tepat waktu',
  late: 'Terlambat',
  overdueNow: 'Lewat tenggat sekarang',
  avgHours: 'Rata-rata jam kerja',
  weekly: 'Tren mingguan per kanal',
  weekStart: 'Minggu mulai',
  total: 'Jumlah',
  lateList: 'Daftar terlambat',
  number: 'No. Pengaduan',
  receivedAt: 'Diterima',
  currentStep: 'Langkah saat ini',
  due: 'Tenggat',
  daysLate: 'Hari kerja terlambat',
  onTimeColumn: 'Tepat waktu',
  none: 'Belum ada data.',
  chartStatus: 'Pengaduan per status',
  chartUnit: 'Terbuka dan lewat tenggat per unit',
  chartWeekly: 'Pengaduan diterima per minggu, per kanal',
  chartChannel: 'Pengaduan per kanal',
  chartCategory: 'Pengaduan per kategori',
  chartSteps: 'Persentase tepat waktu per langkah',
  finished: 'Selesai',
} as const;

export const DIALOG = {
  title: 'Buka dasbor Looker Studio',
  intro:
    'Tautan ini membuat laporan Looker Studio dari tab Dasbor Data. Data tersebut tidak memuat data pribadi ' +
    '(tanpa nama pelapor, isi pengaduan, tautan unggahan, jawaban, atau email).',
  open: 'Buka Looker Studio',
  source: 'Sumber data',
  spreadsheet: 'Spreadsheet',
  tab: 'Tab',
  rows: 'Baris data',
  refreshed: 'Diperbarui',
  template: 'Laporan templat',
  noTemplate: 'Tidak ada (laporan kosong; susun halaman sesuai panduan docs/looker-studio.md).',
  external: 'Data dasbor ditulis ke spreadsheet terpisah (Pengaturan dasbor_spreadsheet_id).',
  steps:
    'Setelah laporan terbuka: klik "Edit and share" / "Simpan", lalu bagikan laporan kepada pimpinan. ' +
    'Data diperbarui otomatis setiap jam.',
  close: 'Tutup',
  reportName: 'Dasbor Pengaduan Media Sosial — Dinas Kebudayaan DKI Jakarta',
  datasourceName: 'Dasbor Data Pengaduan Medsos',
  externalUnavailable: (id: string, reason: string) =>
    `Spreadsheet dasbor "${id}" (Pengaturan dasbor_spreadsheet_id) tidak dapat dibuka: ${reason}. Data dasbor tetap ditulis ke tab Dasbor Data di spreadsheet ini.`,
  refreshFailed: (reason: string) => `Dasbor tidak dapat diperbarui: ${reason}`,
  /** Log Galat: a register row the feed could not use (the problem starts with its number). */
  skippedComplaint: (problem: string) => `Dasbor: pengaduan dilewati: ${problem}`,
} as const;

export const PREVIEW = {
  title: 'Pratinjau Dasbor Pengaduan Media Sosial',
  subtitle: 'Dinas Kebudayaan Provinsi DKI Jakarta — SOP 1762/-073.71',
  generated: 'Dibuat dari data dasbor (tanpa data pribadi) per',
  pages: {
    overview: 'Ikhtisar',
    weekly: 'Tren mingguan per kanal',
    units: 'Per unit',
    channels: 'Kanal dan kategori',
    late: 'Daftar terlambat',
  },
  scorecards: {
    received: 'Diterima',
    open: 'Masih terbuka',
    overdue: 'Lewat tenggat',
    answered: 'Dijawab',
    onTimeRate: 'Tepat waktu',
    avgDays: 'Rata-rata hari kerja sampai dijawab',
  },
  noLate: 'Tidak ada pengaduan yang terlambat.',
} as const;

export function monthLabel(year: number, month1: number): string {
  return `${MONTHS_ID[month1 - 1]} ${year}`;
}

export function stepLabel(step: number): string {
  return `${step}. ${STEP_NAMES[step - 1]}`;
}
