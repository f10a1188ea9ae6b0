/**
 * The `Dasbor Data` feed (DESIGN §9): one row per complaint, typed values, no personal data.
 *
 * Looker Studio binds its fields to the column names, so the ids below are a public interface:
 * add columns at the end, never rename or reorder silently (docs/looker-studio.md lists them).
 * Values are typed for the data source to detect: instants and calendar days are Dates, counts
 * and durations numbers, flags booleans; text only where the value is a category. What is left
 * out on purpose: reporter, complaint text, post URL, initial response, follow-up, officer note,
 * answer text and link, close reason, admin email, response key, tracking link, rating comment.
 */
import type { WorkCalendar } from '../calendar';
import { dateKeyOfDay, dayNumberOf } from '../calendar';
import { ALL_STATUSES, Complaint, Status, isOpen, statusFromStamps } from '../complaint';
import { slaOf } from '../derive';
import { cellText } from '../sanitize';
import type { SlaState, StepSla } from '../sla';
import { NO_CATEGORY, NO_UNIT, ON_TIME, OnTime, UNKNOWN_KIND } from '../labels/dashboard';

export const STEPS = [1, 2, 3, 4, 5] as const;
export type Step = (typeof STEPS)[number];

type StepHours = { [K in `jam_kerja_langkah_${Step}`]: number | null };
type StepLate = { [K in `terlambat_langkah_${Step}`]: boolean };

export interface FeedRecord extends StepHours, StepLate {
  no_pengaduan: string;
  waktu_diterima: Date;
  tanggal_diterima: Date;
  minggu: Date;
  bulan: Date;
  kanal: string;
  kategori: string;
  unit: string;
  jenis_unit: string;
  status: Status;
  terbuka: boolean;
  langkah_saat_ini: number;
  langkah_selesai: number;
  dialihkan: boolean;
  hari_kerja_total: number;
  tenggat_langkah: Date | null;
  tenggat_akhir: Date;
  lewat_tenggat: boolean;
  terlambat: boolean;
  hari_terlambat: number;
  tepat_waktu: OnTime;
  waktu_dijawab: Date | null;
  tanggal_dijawab: Date | null;
  waktu_ditutup: Date | null;
  waktu_data: Date;
  /** The citizen's latest rating 1–5 (DESIGN §15), null when not rated. */
  nilai_kepuasan: number | null;
  /** 1 when rated, else 0: summed, the number of ratings. */
  jumlah_penilaian: number;
  waktu_penilaian: Date | null;
}

export type FeedColumnId = keyof FeedRecord;

/** Looker Studio's names for the types and default aggregations (docs/looker-studio.md). */
export type FeedType = 'Text' | 'Number' | 'Boolean' | 'Date & Time' | 'Date' | 'Year Month';
export type FeedAggregation = 'None' | 'Sum' | 'Average' | 'Max' | 'Count Distinct';

export interface FeedColumn {
  id: FeedColumnId;
  type: FeedType;
  aggregation: FeedAggregation;
  /** What the field means (Indonesian: the operator reads it in the guide and the header note). */
  description: string;
  /** Number format of the column in the sheet. */
  format?: string;
}

const DATE_TIME = 'yyyy-mm-dd hh:mm';
const DAY = 'yyyy-mm-dd';

const stepColumns = (): FeedColumn[] => [
  ...STEPS.map((k): FeedColumn => ({
    id: `jam_kerja_langkah_${k}`,
    type: 'Number',
    aggregation: 'Average',
    format: '0.00',
    description: `Jam kerja langkah ${k} dari mulai sampai selesai (atau sampai sekarang bila masih berjalan, sampai ditutup bila ditutup); kosong bila langkah belum dimulai.`,
  })),
  ...STEPS.map((k): FeedColumn => ({
    id: `terlambat_langkah_${k}`,
    type: 'Boolean',
    aggregation: 'None',
    description: `TRUE bila langkah ${k} selesai setelah tenggatnya, atau masih terbuka dan sudah lewat tenggat.`,
  })),
];

export const FEED_COLUMNS: readonly FeedColumn[] = Object.freeze([
  {
    id: 'no_pengaduan',
    type: 'Text',
    aggregation: 'Count Distinct',
    description: 'Nomor pengaduan ADU-tahun-urut (kunci baris).',
  },
  {
    id: 'waktu_diterima',
    type: 'Date & Time',
    aggregation: 'None',
    format: DATE_TIME,
    description: 'Waktu pengaduan disampaikan di media sosial (WIB); waktu tercatat bila kosong.',
  },
  { id: 'tanggal_diterima', type: 'Date', aggregation: 'None', format: DAY, description: 'Tanggal diterima (WIB).' },
  {
    id: 'minggu',
    type: 'Date',
    aggregation: 'None',
    format: DAY,
    description: 'Hari Senin minggu diterima (tren mingguan).',
  },
  {
    id: 'bulan',
    type: 'Year Month',
    aggregation: 'None',
    format: 'yyyy-mm',
    description: 'Bulan diterima (tanggal 1 bulan itu).',
  },
  {
    id: 'kanal',
    type: 'Text',
    aggregation: 'None',
    description: 'Kanal media sosial: Instagram, Facebook, Twitter/X, YouTube.',
  },
  {
    id: 'kategori',
    type: 'Text',
    aggregation: 'None',
    description: `Kategori pengaduan ("${NO_CATEGORY}" bila kosong).`,
  },
  {
    id: 'unit',
    type: 'Text',
    aggregation: 'None',
    description: `Unit (Bidang/UKPD/Sudin/Sekretariat) yang menangani; "${NO_UNIT}" bila belum diteruskan.`,
  },
  {
    id: 'jenis_unit',
    type: 'Text',
    aggregation: 'None',
    description: `Jenis unit dari tab Unit: Sekretariat, Bidang, UKPD, Sudin ("${NO_UNIT}" / "${UNKNOWN_KIND}").`,
  },
  {
    id: 'status',
    type: 'Text',
    aggregation: 'None',
    description: 'Status: Baru, Diteruskan, Diproses, Ditindaklanjuti, Dijawab, Ditutup.',
  },
  { id: 'terbuka', type: 'Boolean', aggregation: 'None', description: 'TRUE bila belum dijawab dan belum ditutup.' },
  {
    id: 'langkah_saat_ini',
    type: 'Number',
    aggregation: 'None',
    description: 'Langkah SOP yang sedang berjalan (1–5); 0 bila selesai (dijawab atau ditutup).',
  },
  {
    id: 'langkah_selesai',
    type: 'Number',
    aggregation: 'None',
    description: 'Banyaknya langkah SOP yang sudah selesai (0–5): langkah 1 sampai angka ini selesai.',
  },
  { id: 'dialihkan', type: 'Boolean', aggregation: 'None', description: 'TRUE bila pernah dialihkan ke unit lain.' },
  ...stepColumns(),
  {
    id: 'hari_kerja_total',
    type: 'Number',
    aggregation: 'Average',
    format: '0.00',
    description: 'Hari kerja dari diterima sampai dijawab (atau sampai ditutup / sampai sekarang).',
  },
  {
    id: 'tenggat_langkah',
    type: 'Date & Time',
    aggregation: 'None',
    format: DATE_TIME,
    description: 'Tenggat langkah yang sedang berjalan; kosong bila selesai.',
  },
  {
    id: 'tenggat_akhir',
    type: 'Date & Time',
    aggregation: 'None',
    format: DATE_TIME,
    description: 'Tenggat keseluruhan: jumlah baku mutu semua langkah (5 hari kerja) sejak diterima.',
  },
  {
    id: 'lewat_tenggat',
    type: 'Boolean',
    aggregation: 'None',
    description: 'TRUE bila masih terbuka dan langkah saat ini atau tenggat akhir sudah lewat.',
  },
  {
    id: 'terlambat',
    type: 'Boolean',
    aggregation: 'None',
    description: 'TRUE bila ada langkah atau keseluruhan yang melewati tenggat (daftar terlambat).',
  },
  {
    id: 'hari_terlambat',
    type: 'Number',
    aggregation: 'Max',
    description: 'Hari kerja penuh terbanyak suatu langkah atau keseluruhan melewati tenggat (0 bila tidak pernah).',
  },
  {
    id: 'tepat_waktu',
    type: 'Text',
    aggregation: 'None',
    description:
      'Ya = dijawab paling lambat pada tenggat akhir; Tidak = dijawab setelahnya; Berjalan = belum dijawab; Ditutup = ditutup tanpa jawaban (tidak dihitung).',
  },
  {
    id: 'waktu_dijawab',
    type: 'Date & Time',
    aggregation: 'None',
    format: DATE_TIME,
    description: 'Waktu jawaban diberikan kepada masyarakat (langkah 5); kosong bila belum.',
  },
  {
    id: 'tanggal_dijawab',
    type: 'Date',
    aggregation: 'None',
    format: DAY,
    description: 'Tanggal dijawab (WIB); kosong bila belum.',
  },
  {
    id: 'waktu_ditutup',
    type: 'Date & Time',
    aggregation: 'None',
    format: DATE_TIME,
    description: 'Waktu ditutup tanpa jawaban; kosong bila tidak.',
  },
  {
    id: 'waktu_data',
    type: 'Date & Time',
    aggregation: 'Max',
    format: DATE_TIME,
    description: 'Waktu data dasbor diperbarui (sama untuk semua baris).',
  },
  {
    id: 'nilai_kepuasan',
    type: 'Number',
    aggregation: 'Average',
    format: '0.00',
    description:
      'Nilai kepuasan 1–5 dari masyarakat pada halaman pantau (penilaian terakhir); kosong bila belum dinilai. Rata-rata per unit/kanal/bulan.',
  },
  {
    id: 'jumlah_penilaian',
    type: 'Number',
    aggregation: 'Sum',
    description: '1 bila pengaduan sudah dinilai masyarakat, 0 bila belum (dijumlahkan = banyaknya penilaian).',
  },
  {
    id: 'waktu_penilaian',
    type: 'Date & Time',
    aggregation: 'None',
    format: DATE_TIME,
    description: 'Waktu penilaian terakhir (WIB); kosong bila belum dinilai.',
  },
] as FeedColumn[]);

export const FEED_HEADERS: readonly string[] = Object.freeze(FEED_COLUMNS.map((c) => c.id));

/** What the feed needs besides the complaints: the calendar and standards, the units' kinds, now. */
export interface FeedContext {
  calendar: WorkCalendar;
  stepDays: readonly number[];
  now: Date;
  /** Unit name → kind (from the `Unit` tab). */
  unitKinds: ReadonlyMap<string, string>;
  /** Complaint number → the citizen's latest rating (`Penilaian`; no comment text here). */
  ratings?: ReadonlyMap<string, { score: number; at: Date }>;
}

export function unitKindsOf(units: readonly { name: string; kind: string }[]): Map<string, string> {
  return new Map(units.map((u) => [u.name, u.kind]));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const LATE_STATES: ReadonlySet<SlaState> = new Set<SlaState>(['late', 'overdue']);

/** Midnight (in the calendar's zone) of the calendar day of `d`. */
export function dayOf(calendar: WorkCalendar, d: Date): Date {
  return calendar.at(calendar.dateKey(d));
}

/** Midnight of the Monday of the week of `d`. */
export function weekStartOf(calendar: WorkCalendar, d: Date): Date {
  const day = dayNumberOf(calendar.dateKey(d));
  const sinceMonday = (((day + 3) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
  return calendar.at(dateKeyOfDay(day - sinceMonday));
}

/** Midnight of the first day of the month of `d`. */
export function monthStartOf(calendar: WorkCalendar, d: Date): Date {
  return calendar.at(`${calendar.dateKey(d).slice(0, 7)}-01`);
}

function statusOf(c: Complaint): Status {
  return (ALL_STATUSES as string[]).includes(c.status) ? c.status : statusFromStamps(c);
}

function onTimeOf(state: SlaState): OnTime {
  if (state === 'on-time') return ON_TIME.yes;
  if (state === 'late') return ON_TIME.no;
  if (state === 'closed') return ON_TIME.closed;
  return ON_TIME.running;
}

function hoursOf(s: StepSla): number | null {
  return s.startedAt === null || s.state === 'pending' ? null : round2(s.workingMinutes / 60);
}

/** The feed row of one complaint. Reads only the fields that carry no personal data. */
export function feedRecordOf(c: Complaint, ctx: FeedContext): FeedRecord {
  const { calendar } = ctx;
  const sla = slaOf(c, calendar, ctx.stepDays, ctx.now);
  const received = c.receivedAt ?? c.recordedAt;
  const status = statusOf(c);
  const open = isOpen(status) && sla.overall.doneAt === null && sla.overall.closedAt === null;
  const current = sla.currentStep === null ? null : sla.steps[sla.currentStep - 1];
  const overdueNow = open && (sla.overall.state === 'overdue' || current?.state === 'overdue');
  const unit = c.unit.trim();
  const stepHours = {} as StepHours;
  const stepLate = {} as StepLate;
  for (const s of sla.steps) {
    stepHours[`jam_kerja_langkah_${s.step}`] = hoursOf(s);
    stepLate[`terlambat_langkah_${s.step}`] = LATE_STATES.has(s.state);
  }
  const answeredAt = sla.overall.doneAt;
  const rating = ctx.ratings?.get(c.number);
  return {
    no_pengaduan: c.number,
    waktu_diterima: new Date(received.getTime()),
    tanggal_diterima: dayOf(calendar, received),
    minggu: weekStartOf(calendar, received),
    bulan: monthStartOf(calendar, received),
    kanal: c.channel.trim(),
    kategori: c.category.trim() || NO_CATEGORY,
    unit: unit || NO_UNIT,
    jenis_unit: unit ? ctx.unitKinds.get(unit) || UNKNOWN_KIND : NO_UNIT,
    status,
    terbuka: open,
    langkah_saat_ini: open ? (sla.currentStep ?? 0) : 0,
    langkah_selesai: sla.steps.filter((s) => s.doneAt !== null).length,
    dialihkan: c.reassignedAt !== null,
    ...stepHours,
    ...stepLate,
    hari_kerja_total: round2(sla.overall.workingDays),
    tenggat_langkah: open && current ? current.dueAt : null,
    tenggat_akhir: sla.overall.dueAt,
    lewat_tenggat: overdueNow,
    terlambat: overdueNow || LATE_STATES.has(sla.overall.state) || sla.steps.some((s) => LATE_STATES.has(s.state)),
    hari_terlambat: Math.max(sla.overall.overdueWorkingDays, ...sla.steps.map((s) => s.overdueWorkingDays)),
    tepat_waktu: onTimeOf(sla.overall.state),
    waktu_dijawab: answeredAt,
    tanggal_dijawab: answeredAt ? dayOf(calendar, answeredAt) : null,
    waktu_ditutup: sla.overall.closedAt,
    waktu_data: new Date(ctx.now.getTime()),
    nilai_kepuasan: rating ? rating.score : null,
    jumlah_penilaian: rating ? 1 : 0,
    waktu_penilaian: rating ? new Date(rating.at.getTime()) : null,
  };
}

/**
 * Feed records of the register's complaints, oldest first. Rows without a number (a half-typed
 * row) are skipped; a complaint whose dates cannot be measured is reported, not fatal.
 */
export function buildFeed(
  complaints: readonly Complaint[],
  ctx: FeedContext,
): { records: FeedRecord[]; problems: string[] } {
  const records: FeedRecord[] = [];
  const problems: string[] = [];
  for (const c of complaints) {
    if (!c.number) continue;
    try {
      records.push(feedRecordOf(c, ctx));
    } catch (e) {
      problems.push(`${c.number}: ${String((e as Error)?.message ?? e)}`);
    }
  }
  records.sort(
    (a, b) => a.waktu_diterima.getTime() - b.waktu_diterima.getTime() || a.no_pengaduan.localeCompare(b.no_pengaduan),
  );
  return { records, problems };
}

/** The sheet rows of the feed (header not included): Dates, numbers, booleans; '' for none. */
export function feedValues(records: readonly FeedRecord[]): unknown[][] {
  return records.map((r) =>
    FEED_COLUMNS.map((col) => {
      const v = r[col.id];
      if (v === null || v === undefined) return '';
      return typeof v === 'string' ? cellText(v) : v;
    }),
  );
}

/**
 * Runs of adjacent columns sharing a number format, as 0-based first column and count, for the
 * tab's own column positions (default: the order of FEED_COLUMNS): one format call per run.
 */
export function feedFormatRuns(
  positionOf: (id: FeedColumnId) => number = (id) => FEED_HEADERS.indexOf(id),
): { first: number; count: number; format: string }[] {
  const cols = FEED_COLUMNS.filter((c) => c.format)
    .map((c) => ({ at: positionOf(c.id), format: c.format! }))
    .sort((a, b) => a.at - b.at);
  const runs: { first: number; count: number; format: string }[] = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last && last.format === c.format && last.first + last.count === c.at) last.count++;
    else runs.push({ first: c.at, count: 1, format: c.format });
  }
  return runs;
}
