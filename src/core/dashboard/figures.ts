/**
 * The dashboard's figures, computed from the feed alone (never from the register), so that the
 * `Ringkasan` tab, the local preview and a Looker Studio report built on `Dasbor Data` show the
 * same numbers. Definitions (docs/looker-studio.md uses the same ones):
 * - on-time rate = answered on time / answered (tepat_waktu Ya / (Ya + Tidak)); complaints still
 *   running or closed without an answer are not counted; null when nothing was answered;
 * - a month's "received" counts complaints received in it, its "answered" and on-time rate count
 *   complaints answered in it;
 * - a step is counted once it is done (langkah_selesai ≥ step); its on-time rate is the share of
 *   done steps whose late flag is false.
 */
import type { WorkCalendar } from '../calendar';
import { dateKeyOfDay, dayNumberOf } from '../calendar';
import { ALL_STATUSES, CHANNELS, Status } from '../complaint';
import { FeedRecord, STEPS, Step, monthStartOf, weekStartOf } from './feed';
import { ON_TIME, monthLabel } from '../labels/dashboard';
import { SatisfactionFigures, satisfactionOf } from '../tracking/satisfaction';

export interface Tally {
  received: number;
  open: number;
  overdue: number;
  answered: number;
  onTime: number;
  late: number;
  closed: number;
  /** 0..1, null when nothing was answered. */
  onTimeRate: number | null;
  /** Mean working days from received to answered, null when nothing was answered. */
  avgDaysToAnswer: number | null;
}

export interface GroupTally extends Tally {
  key: string;
}

export interface UnitTally extends GroupTally {
  kind: string;
}

export interface MonthFigures {
  label: string;
  start: Date;
  received: number;
  answered: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  avgDaysToAnswer: number | null;
}

export interface StepFigures {
  step: Step;
  done: number;
  onTime: number;
  late: number;
  overdueNow: number;
  onTimeRate: number | null;
  avgHours: number | null;
}

export interface WeeklyTrend {
  channels: string[];
  weeks: { start: Date; counts: number[]; total: number }[];
}

export interface DashboardFigures {
  asOf: Date;
  overall: Tally;
  thisMonth: MonthFigures;
  lastMonth: MonthFigures;
  byStatus: { status: Status; count: number }[];
  byUnit: UnitTally[];
  byChannel: GroupTally[];
  byCategory: GroupTally[];
  bySteps: StepFigures[];
  weekly: WeeklyTrend;
  /** Complaints that missed a due time: open and overdue first, then the latest by days late. */
  lateList: FeedRecord[];
  /** The citizens' ratings (DESIGN §15): average and count overall, per unit, channel and month. */
  satisfaction: SatisfactionFigures;
}

/** Satisfaction from the feed's rating columns (the same numbers Looker Studio computes). */
export function feedSatisfaction(records: readonly FeedRecord[]): SatisfactionFigures {
  const rated = records.filter((r) => r.nilai_kepuasan !== null && r.waktu_penilaian !== null);
  return satisfactionOf(
    rated.map((r) => ({
      number: r.no_pengaduan,
      score: r.nilai_kepuasan!,
      at: r.waktu_penilaian!,
      comment: '',
      changes: 0,
    })),
    records.map((r) => ({ number: r.no_pengaduan, unit: r.unit, channel: r.kanal })),
  );
}

export interface FiguresOptions {
  /** Weeks shown in the trend, ending with the week of `asOf` (default 12). */
  weeks?: number;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const rate = (onTime: number, late: number): number | null => (onTime + late ? onTime / (onTime + late) : null);

export function tally(records: readonly FeedRecord[]): Tally {
  let open = 0,
    overdue = 0,
    onTime = 0,
    late = 0,
    closed = 0;
  const days: number[] = [];
  for (const r of records) {
    if (r.terbuka) open++;
    if (r.lewat_tenggat) overdue++;
    if (r.tepat_waktu === ON_TIME.yes) onTime++;
    if (r.tepat_waktu === ON_TIME.no) late++;
    if (r.tepat_waktu === ON_TIME.closed) closed++;
    if (r.tepat_waktu === ON_TIME.yes || r.tepat_waktu === ON_TIME.no) days.push(r.hari_kerja_total);
  }
  const avg = mean(days);
  return {
    received: records.length,
    open,
    overdue,
    answered: onTime + late,
    onTime,
    late,
    closed,
    onTimeRate: rate(onTime, late),
    avgDaysToAnswer: avg === null ? null : round(avg, 2),
  };
}

function groupBy(records: readonly FeedRecord[], key: (r: FeedRecord) => string): Map<string, FeedRecord[]> {
  const groups = new Map<string, FeedRecord[]>();
  for (const r of records) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/** Largest first (received, then open), then by name. */
function byVolume<T extends GroupTally>(a: T, b: T): number {
  return b.received - a.received || b.open - a.open || a.key.localeCompare(b.key);
}

function groupTallies(records: readonly FeedRecord[], key: (r: FeedRecord) => string): GroupTally[] {
  return [...groupBy(records, key)].map(([k, rs]) => ({ key: k, ...tally(rs) })).sort(byVolume);
}

function sameMonth(calendar: WorkCalendar, d: Date | null, month: Date): boolean {
  return d !== null && monthStartOf(calendar, d).getTime() === month.getTime();
}

function period(records: readonly FeedRecord[], calendar: WorkCalendar, month: Date): MonthFigures {
  const received = records.filter((r) => r.bulan.getTime() === month.getTime()).length;
  const answered = records.filter((r) => sameMonth(calendar, r.waktu_dijawab, month));
  const t = tally(answered);
  const key = calendar.dateKey(month);
  return {
    label: monthLabel(Number(key.slice(0, 4)), Number(key.slice(5, 7))),
    start: month,
    received,
    answered: t.answered,
    onTime: t.onTime,
    late: t.late,
    onTimeRate: t.onTimeRate,
    avgDaysToAnswer: t.avgDaysToAnswer,
  };
}

function previousMonth(calendar: WorkCalendar, month: Date): Date {
  const day = dayNumberOf(calendar.dateKey(month));
  return monthStartOf(calendar, calendar.at(dateKeyOfDay(day - 1)));
}

function stepFigures(records: readonly FeedRecord[]): StepFigures[] {
  return STEPS.map((step) => {
    const done = records.filter((r) => r.langkah_selesai >= step);
    const late = done.filter((r) => r[`terlambat_langkah_${step}`]).length;
    const hours = done.map((r) => r[`jam_kerja_langkah_${step}`]).filter((h): h is number => typeof h === 'number');
    const avg = mean(hours);
    return {
      step,
      done: done.length,
      onTime: done.length - late,
      late,
      overdueNow: records.filter((r) => r.terbuka && r.langkah_saat_ini === step && r[`terlambat_langkah_${step}`])
        .length,
      onTimeRate: rate(done.length - late, late),
      avgHours: avg === null ? null : round(avg, 2),
    };
  });
}

function weeklyTrend(records: readonly FeedRecord[], calendar: WorkCalendar, asOf: Date, weeks: number): WeeklyTrend {
  // The four channels always (stable series and colours), then any other value found.
  const known: readonly string[] = CHANNELS;
  const others = [...new Set(records.map((r) => r.kanal))].filter((c) => !known.includes(c)).sort();
  const channels = [...known, ...others];
  const lastWeek = dayNumberOf(calendar.dateKey(weekStartOf(calendar, asOf)));
  const firstRecord = records.length
    ? Math.min(...records.map((r) => dayNumberOf(calendar.dateKey(r.minggu))))
    : lastWeek;
  const firstWeek = Math.min(lastWeek, Math.max(firstRecord, lastWeek - 7 * (weeks - 1)));
  const out: WeeklyTrend['weeks'] = [];
  for (let day = firstWeek; day <= lastWeek; day += 7) {
    const start = calendar.at(dateKeyOfDay(day));
    const inWeek = records.filter((r) => r.minggu.getTime() === start.getTime());
    const counts = channels.map((ch) => inWeek.filter((r) => r.kanal === ch).length);
    out.push({ start, counts, total: inWeek.length });
  }
  return { channels, weeks: out };
}

function lateList(records: readonly FeedRecord[]): FeedRecord[] {
  return records
    .filter((r) => r.terlambat)
    .sort(
      (a, b) =>
        Number(b.lewat_tenggat) - Number(a.lewat_tenggat) ||
        b.hari_terlambat - a.hari_terlambat ||
        a.waktu_diterima.getTime() - b.waktu_diterima.getTime(),
    );
}

export function computeFigures(
  records: readonly FeedRecord[],
  calendar: WorkCalendar,
  asOf: Date,
  options: FiguresOptions = {},
): DashboardFigures {
  const thisMonth = monthStartOf(calendar, asOf);
  const statusCounts = groupBy(records, (r) => r.status);
  const kinds = new Map(records.map((r) => [r.unit, r.jenis_unit]));
  return {
    asOf,
    overall: tally(records),
    thisMonth: period(records, calendar, thisMonth),
    lastMonth: period(records, calendar, previousMonth(calendar, thisMonth)),
    byStatus: ALL_STATUSES.map((status) => ({ status, count: statusCounts.get(status)?.length ?? 0 })),
    byUnit: groupTallies(records, (r) => r.unit).map((g) => ({ ...g, kind: kinds.get(g.key) ?? '' })),
    byChannel: groupTallies(records, (r) => r.kanal),
    byCategory: groupTallies(records, (r) => r.kategori),
    bySteps: stepFigures(records),
    weekly: weeklyTrend(records, calendar, asOf, Math.max(1, options.weeks ?? 12)),
    lateList: lateList(records),
    satisfaction: feedSatisfaction(records),
  };
}
