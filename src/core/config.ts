/**
 * The operator's configuration, as kept in the `Unit`, `Pengaturan` and `Hari Libur` tabs:
 * defaults that `setup` seeds, and parsing of what the operator typed (with a message in
 * Indonesian for each value that could not be used; the default is used instead).
 */
import { CONFIG_PROBLEM } from './labels/config';
import { HOLIDAY_KIND } from './labels/holidays';
import { normaliseText } from './sanitize';
import { isDate } from './values';

export interface UnitConfig {
  name: string;
  kind: string;
  tab: string;
  pics: string[];
  head: string;
  keywords: string[];
  active: boolean;
}

export const UNIT_HEADERS = [
  'Nama Unit',
  'Jenis',
  'Nama Tab',
  'Email PIC',
  'Email Kepala',
  'Kata Kunci',
  'Aktif',
] as const;

function unit(name: string, kind: string, slug: string, keywords: string[] = []): UnitConfig {
  return {
    name,
    kind,
    tab: name,
    pics: [`pic.${slug}@example.org`],
    head: `kepala.${slug}@example.org`,
    keywords,
    active: true,
  };
}

/** DESIGN §7 default units, with example addresses and starting keywords for the operator to edit. */
export const DEFAULT_UNITS: UnitConfig[] = [
  unit('Sekretariat', 'Sekretariat', 'sekretariat', ['kepegawaian', 'anggaran']),
  unit('Bidang Pengembangan Kebudayaan', 'Bidang', 'pengembangan', ['festival', 'sanggar']),
  unit('Bidang Pembinaan Kebudayaan', 'Bidang', 'pembinaan', ['pelatihan seni', 'komunitas budaya']),
  unit('Bidang Pelindungan Kebudayaan', 'Bidang', 'pelindungan', ['cagar budaya', 'bangunan bersejarah']),
  unit('Bidang Pemanfaatan Kebudayaan', 'Bidang', 'pemanfaatan', ['sewa gedung', 'pemanfaatan aset']),
  unit('UP Museum Kesejarahan Jakarta', 'UKPD', 'kesejarahan', [
    'museum fatahillah',
    'museum sejarah jakarta',
    'kota tua',
    'museum prasasti',
    'museum joang',
  ]),
  unit('UP Museum Kebaharian', 'UKPD', 'kebaharian', ['museum bahari', 'onrust', 'marunda']),
  unit('UP Museum Seni', 'UKPD', 'museum.seni', ['museum seni rupa', 'keramik', 'museum tekstil', 'museum wayang']),
  unit('UP Perkampungan Budaya Betawi', 'UKPD', 'pbb', ['setu babakan']),
  unit('UP Gedung Pertunjukan Seni Budaya', 'UKPD', 'gpsb', [
    'gedung kesenian jakarta',
    'gedung pertunjukan',
    'wayang orang bharata',
  ]),
  unit('Pusat Konservasi Cagar Budaya', 'UKPD', 'pkcb', ['konservasi', 'pemugaran']),
  unit('UP Pusat Kesenian Jakarta Taman Ismail Marzuki', 'UKPD', 'tim', [
    'taman ismail marzuki',
    'tim cikini',
    'planetarium',
  ]),
  unit('Suku Dinas Kebudayaan Jakarta Pusat', 'Sudin', 'sudin.jakpus', ['jakarta pusat']),
  unit('Suku Dinas Kebudayaan Jakarta Utara', 'Sudin', 'sudin.jakut', ['jakarta utara']),
  unit('Suku Dinas Kebudayaan Jakarta Barat', 'Sudin', 'sudin.jakbar', ['jakarta barat']),
  unit('Suku Dinas Kebudayaan Jakarta Selatan', 'Sudin', 'sudin.jaksel', ['jakarta selatan']),
  unit('Suku Dinas Kebudayaan Jakarta Timur', 'Sudin', 'sudin.jaktim', ['jakarta timur']),
  unit('Kepulauan Seribu', 'Sudin', 'kepseribu', ['kepulauan seribu', 'pulau seribu']),
];

export const DEFAULT_CATEGORIES = [
  'Layanan dan petugas',
  'Fasilitas dan kebersihan',
  'Tiket dan jam buka',
  'Acara dan pertunjukan',
  'Cagar budaya dan koleksi',
  'Perizinan dan sewa tempat',
  'Permintaan informasi',
  'Lainnya',
];

/** Words that make a captured post a likely complaint (issue 15); the operator edits the list. */
export const DEFAULT_COMPLAINT_KEYWORDS = [
  'rusak',
  'kotor',
  'bau',
  'tutup',
  'kecewa',
  'keluhan',
  'mengeluh',
  'komplain',
  'lapor',
  'tolong',
  'parah',
  'mahal',
  'antre',
  'antri',
  'tidak bisa',
  'gak bisa',
  'nggak bisa',
  'tidak ada',
  'lambat',
  'buruk',
  'hilang',
  'pungli',
  'calo',
  'penipuan',
  'bocor',
  'kapan',
  'kenapa',
  'mohon',
  'tidak ramah',
  'jutek',
];

/** One row of `Pengaturan`: key, default value, description (what the operator reads). */
export interface SettingDef {
  key: string;
  value: string;
  description: string;
}

export const SETTINGS: SettingDef[] = [
  { key: 'jam_kerja_senin', value: '08:00-16:00', description: 'Jam kerja hari Senin (kosong = bukan hari kerja).' },
  { key: 'jam_kerja_selasa', value: '08:00-16:00', description: 'Jam kerja hari Selasa.' },
  { key: 'jam_kerja_rabu', value: '08:00-16:00', description: 'Jam kerja hari Rabu.' },
  { key: 'jam_kerja_kamis', value: '08:00-16:00', description: 'Jam kerja hari Kamis.' },
  { key: 'jam_kerja_jumat', value: '08:00-16:00', description: 'Jam kerja hari Jumat.' },
  { key: 'jam_kerja_sabtu', value: '', description: 'Jam kerja hari Sabtu (kosong = libur).' },
  { key: 'jam_kerja_minggu', value: '', description: 'Jam kerja hari Minggu (kosong = libur).' },
  {
    key: 'jam_kerja_khusus',
    value: '',
    description:
      'Jam kerja khusus pada rentang tanggal (mis. Ramadan), satu rentang per baris. Contoh: 2026-02-19..2026-03-19: senin-kamis 08:00-15:00; jumat 08:00-15:30',
  },
  { key: 'baku_mutu_langkah_1', value: '1', description: 'Baku mutu waktu langkah 1 (pencatatan), hari kerja.' },
  {
    key: 'baku_mutu_langkah_2',
    value: '1',
    description: 'Baku mutu waktu langkah 2 (diteruskan ke unit), hari kerja.',
  },
  { key: 'baku_mutu_langkah_3', value: '1', description: 'Baku mutu waktu langkah 3 (diproses unit), hari kerja.' },
  {
    key: 'baku_mutu_langkah_4',
    value: '1',
    description: 'Baku mutu waktu langkah 4 (hasil tindak lanjut), hari kerja.',
  },
  {
    key: 'baku_mutu_langkah_5',
    value: '1',
    description: 'Baku mutu waktu langkah 5 (jawaban ke masyarakat), hari kerja.',
  },
  { key: 'jam_pengingat', value: '8', description: 'Jam pengiriman pengingat harian (WIB, 0–23).' },
  {
    key: 'eskalasi_kepala_hari',
    value: '1',
    description: 'Terlambat sekian hari kerja: tembusan ke kepala unit dan admin.',
  },
  { key: 'eskalasi_pimpinan_hari', value: '3', description: 'Terlambat sekian hari kerja: tembusan ke pimpinan.' },
  {
    key: 'email_admin',
    value: 'admin.medsos@example.org',
    description: 'Email admin media sosial (pisahkan dengan koma).',
  },
  {
    key: 'email_pimpinan',
    value: 'kadis@example.org, sekdis@example.org',
    description: 'Email pimpinan penerima ringkasan dan eskalasi (pisahkan dengan koma).',
  },
  {
    key: 'kategori',
    value: DEFAULT_CATEGORIES.join(', '),
    description: 'Pilihan kategori pada formulir (pisahkan dengan koma).',
  },
  {
    key: 'dasbor_spreadsheet_id',
    value: '',
    description: 'Opsional: ID spreadsheet terpisah untuk data dasbor (tanpa data pribadi).',
  },
  { key: 'dasbor_template_report_id', value: '', description: 'Opsional: ID laporan Looker Studio templat.' },
  {
    key: 'url_pantau',
    value: '',
    description:
      'URL aplikasi web halaman pantau (berakhiran /exec, dari Deploy › Kelola deployment). Kosong = URL deployment aplikasi web ini; tanpa deployment kolom Tautan Pantau kosong.',
  },
  // Issue 15: channel capture (Kotak Masuk) and replies.
  {
    key: 'kata_kunci_pengaduan',
    value: DEFAULT_COMPLAINT_KEYWORDS.join(', '),
    description: 'Kata kunci penanda "kemungkinan pengaduan" di tab Kotak Masuk (pisahkan dengan koma).',
  },
  {
    key: 'balasan_kanal',
    value: '',
    description:
      'Kanal yang boleh dibalas otomatis saat Kirim balasan dicentang (mis. Instagram, Facebook, Twitter/X, YouTube; kosong = tidak ada).',
  },
];

export interface Hours {
  open: number; // minutes after midnight
  close: number;
}

export interface HoursException {
  from: string; // yyyy-MM-dd
  to: string;
  /** Index 0 = Monday … 6 = Sunday (ISO weekday − 1); null = closed that weekday. */
  hours: (Hours | null)[];
}

export interface HolidayRow {
  date: string; // yyyy-MM-dd
  name: string;
  kind: string;
  source: string;
}

export const HOLIDAY_HEADERS = ['Tanggal', 'Nama', 'Jenis', 'Sumber'] as const;
export const SETTINGS_HEADERS = ['Kunci', 'Nilai', 'Keterangan'] as const;

export interface AppConfig {
  units: UnitConfig[];
  categories: string[];
  /** Index 0 = Monday … 6 = Sunday. */
  weekHours: (Hours | null)[];
  exceptions: HoursException[];
  holidays: HolidayRow[];
  stepDays: number[];
  reminderHour: number;
  escalateHeadDays: number;
  escalateLeadersDays: number;
  admins: string[];
  leaders: string[];
  dashboardSpreadsheetId: string;
  dashboardTemplateReportId: string;
  /** Base URL of the public tracking page (Pengaturan url_pantau), '' = the web app's own URL. */
  trackingUrl?: string;
  /** Issue 15: keywords of a likely complaint, and the channels where replies are posted. */
  complaintKeywords: string[];
  replyChannels: string[];
  /** Messages about values that could not be used (the default was used). */
  problems: string[];
}

const WEEKDAYS = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'];

export function parseHours(value: string): Hours | null | undefined {
  const v = value.trim();
  if (v === '' || v === '-' || /^libur$/i.test(v)) return null;
  const m = /^(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})$/.exec(v);
  if (!m || Number(m[2]) > 59 || Number(m[4]) > 59) return undefined;
  const open = Number(m[1]) * 60 + Number(m[2]);
  const close = Number(m[3]) * 60 + Number(m[4]);
  if (open >= close || close > 24 * 60) return undefined;
  return { open, close };
}

function weekdayRange(spec: string): number[] | undefined {
  const parts = spec.toLowerCase().split(/\s*-\s*/);
  const idx = parts.map((p) => WEEKDAYS.indexOf(p.trim()));
  if (idx.some((i) => i < 0)) return undefined;
  if (idx.length === 1) return idx;
  if (idx.length === 2 && idx[0] <= idx[1]) return Array.from({ length: idx[1] - idx[0] + 1 }, (_, k) => idx[0] + k);
  return undefined;
}

/** "2026-02-19..2026-03-18: senin-kamis 08:00-15:00; jumat 08:00-15:30" (one per line). */
export function parseHoursExceptions(
  value: string,
  base: (Hours | null)[],
): { exceptions: HoursException[]; problems: string[] } {
  const exceptions: HoursException[] = [];
  const problems: string[] = [];
  for (const line of value
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*:\s*(.+)$/.exec(line);
    if (!m || !isCalendarDate(m[1]) || !isCalendarDate(m[2]) || m[1] > m[2]) {
      problems.push(CONFIG_PROBLEM.exceptionUnreadableExample(line));
      continue;
    }
    const hours = base.slice();
    let ok = true;
    for (const part of m[3]
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)) {
      // Hours may be written with spaces around the dash, as in the weekday settings.
      const pm = /^([a-z][a-z\- ]*?)\s+(\d.*|-|libur)$/i.exec(part);
      const days = pm ? weekdayRange(pm[1]) : undefined;
      const h = pm ? parseHours(pm[2]) : undefined;
      if (!days || h === undefined) {
        ok = false;
        break;
      }
      for (const d of days) hours[d] = h;
    }
    if (ok) exceptions.push({ from: m[1], to: m[2], hours });
    else problems.push(CONFIG_PROBLEM.exceptionUnreadable(line));
  }
  return { exceptions, problems };
}

export function splitList(value: unknown): string[] {
  return String(value ?? '')
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function isEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
}

function emails(value: unknown, label: string, problems: string[]): string[] {
  const list = splitList(value);
  const bad = list.filter((e) => !isEmail(e));
  if (bad.length) problems.push(CONFIG_PROBLEM.badEmails(label, bad));
  return list.filter(isEmail).map((e) => e.toLowerCase());
}

function yes(value: unknown): boolean {
  const v = String(value ?? '')
    .trim()
    .toLowerCase();
  return v === '' || v === 'ya' || v === 'true' || v === 'aktif' || v === 'y';
}

/** Whether 'yyyy-MM-dd' names a day that exists (not 2026-02-30). */
function isCalendarDate(key: string): boolean {
  const d = new Date(`${key}T00:00:00Z`);
  return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === key;
}

/** yyyy-MM-dd of a date cell (read in WIB) or of text typed as a date; null when not a real day. */
export function dateKeyOf(value: unknown, offsetMinutes = 7 * 60): string | null {
  if (isDate(value)) {
    const local = new Date(value.getTime() + offsetMinutes * 60000);
    return local.toISOString().slice(0, 10);
  }
  const s = String(value ?? '').trim();
  let key: string | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) key = s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s); // dd/mm/yyyy as typed in Indonesia
  if (m) key = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return key !== null && isCalendarDate(key) ? key : null;
}

/** Pengaturan url_pantau: an https URL (http only for the local runtime on 127.0.0.1). */
function trackingUrlOf(value: string, problems: string[]): string {
  const v = value.trim();
  if (!v) return '';
  if (/^https:\/\/[^\s]+$/i.test(v) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/[^\s]*$/i.test(v)) return v;
  problems.push(CONFIG_PROBLEM.trackingUrlNotHttps(v));
  return '';
}

export interface ConfigTables {
  units: unknown[][]; // rows without header, in UNIT_HEADERS order (found by name by the caller)
  settings: Map<string, unknown>;
  holidays: unknown[][]; // rows in HOLIDAY_HEADERS order
}

export function parseConfig(tables: ConfigTables): AppConfig {
  const problems: string[] = [];
  const setting = (key: string): string => {
    const v = tables.settings.get(key);
    if (v === undefined) return SETTINGS.find((s) => s.key === key)?.value ?? '';
    return String(v);
  };
  const number = (key: string, min: number, max: number): number => {
    const raw = setting(key).trim();
    const n = Number(raw);
    // Whole numbers only: a step of 1.5 days or a reminder at hour 8.5 cannot be scheduled.
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      const def = Number(SETTINGS.find((s) => s.key === key)?.value);
      problems.push(CONFIG_PROBLEM.badInteger(key, raw, min, max, def));
      return def;
    }
    return n;
  };

  const weekHours = WEEKDAYS.map((day) => {
    const raw = setting(`jam_kerja_${day}`);
    const h = parseHours(raw);
    if (h === undefined) {
      const def = parseHours(SETTINGS.find((s) => s.key === `jam_kerja_${day}`)!.value) ?? null;
      problems.push(CONFIG_PROBLEM.badHours(day, raw));
      return def;
    }
    return h;
  });
  const ex = parseHoursExceptions(setting('jam_kerja_khusus'), weekHours);
  problems.push(...ex.problems);

  const units: UnitConfig[] = [];
  const seen = new Set<string>();
  tables.units.forEach((row, i) => {
    const name = normaliseText(row[0]);
    if (!name) return;
    if (seen.has(name)) {
      problems.push(CONFIG_PROBLEM.duplicateUnit(i + 2, name));
      return;
    }
    seen.add(name);
    units.push({
      name,
      kind: normaliseText(row[1]) || 'UKPD',
      tab: normaliseText(row[2]) || name,
      pics: emails(row[3], CONFIG_PROBLEM.unitPics(name), problems),
      head: emails(row[4], CONFIG_PROBLEM.unitHead(name), problems)[0] ?? '',
      keywords: splitList(row[5]),
      active: yes(row[6]),
    });
  });

  const holidays: HolidayRow[] = [];
  tables.holidays.forEach((row, i) => {
    if (row.every((v) => String(v ?? '').trim() === '')) return;
    const date = dateKeyOf(row[0]);
    if (!date) {
      problems.push(CONFIG_PROBLEM.badHolidayDate(i + 2, String(row[0])));
      return;
    }
    holidays.push({
      date,
      name: normaliseText(row[1]),
      kind: normaliseText(row[2]) || HOLIDAY_KIND.local,
      source: normaliseText(row[3]),
    });
  });

  return {
    units,
    categories: splitList(setting('kategori')),
    weekHours,
    exceptions: ex.exceptions,
    holidays,
    stepDays: [1, 2, 3, 4, 5].map((k) => number(`baku_mutu_langkah_${k}`, 0, 30)),
    reminderHour: number('jam_pengingat', 0, 23),
    escalateHeadDays: number('eskalasi_kepala_hari', 1, 30),
    escalateLeadersDays: number('eskalasi_pimpinan_hari', 1, 60),
    admins: emails(setting('email_admin'), CONFIG_PROBLEM.setting('email_admin'), problems),
    leaders: emails(setting('email_pimpinan'), CONFIG_PROBLEM.setting('email_pimpinan'), problems),
    dashboardSpreadsheetId: setting('dasbor_spreadsheet_id').trim(),
    dashboardTemplateReportId: setting('dasbor_template_report_id').trim(),
    trackingUrl: trackingUrlOf(setting('url_pantau'), problems),
    complaintKeywords: splitList(setting('kata_kunci_pengaduan')).map((k) => k.toLowerCase()),
    replyChannels: splitList(setting('balasan_kanal')).filter((c) =>
      ['Instagram', 'Facebook', 'Twitter/X', 'YouTube'].includes(c),
    ),
    problems,
  };
}
