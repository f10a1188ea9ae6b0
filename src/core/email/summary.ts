/**
 * The leadership summaries (DESIGN §8, issue 5): weekly and monthly figures with the change
 * against the previous period. Keys: `ringkasan-mingguan|<yyyy-Www>`,
 * `ringkasan-bulanan|<yyyy-MM>`; an on-demand send from the menu adds `|manual|<time>`.
 */
import type { Period } from '../reports/period';
import {
  count,
  countChange,
  percent,
  rateChange,
  shortDate,
  shortTime,
  workingDaysText,
  decimal,
} from '../reports/format';
import type { PeriodFigures, Rate, Summary } from '../reports/summary';
import { STEP_NAMES } from '../reports/worklist';
import type { StepNumber } from '../sla';
import { FOOTER } from './assignment';
import { OutgoingEmail } from './message';
import { CellValue, FiguresBlock, ReportContent, TableBlock, renderWithin } from './report-layout';
import { SATISFACTION } from '../labels/tracking';
import type { RatingTally } from '../tracking/satisfaction';

const KIND: Record<Period['kind'], { key: string; name: string; previous: string }> = {
  week: { key: 'ringkasan-mingguan', name: 'Ringkasan mingguan', previous: 'minggu sebelumnya' },
  month: { key: 'ringkasan-bulanan', name: 'Ringkasan bulanan', previous: 'bulan sebelumnya' },
};

export function summaryKey(period: Period, manualAt?: string): string {
  return `${KIND[period.kind].key}|${period.key}${manualAt ? `|manual|${manualAt}` : ''}`;
}

function rateText(r: Rate): string {
  return r.done ? `${percent(r.rate)} (${r.onTime} dari ${r.done})` : '–';
}

function headline(s: Summary): FiguresBlock {
  const c = s.current;
  const p = s.previous;
  const vs = (now: number, before: number): string => `${countChange(now, before)} dibanding ${count(before)}`;
  return {
    kind: 'figures',
    heading: 'Angka utama',
    rows: [
      ['Pengaduan masuk', count(c.received), vs(c.received, p.received)],
      ['Dijawab', count(c.answered), vs(c.answered, p.answered)],
      ['Ditutup tanpa jawaban', count(c.closed), vs(c.closed, p.closed)],
      ['Masih terbuka di akhir periode', count(c.openAtEnd), vs(c.openAtEnd, p.openAtEnd)],
      ['… di antaranya lewat tenggat', count(c.overdueAtEnd), vs(c.overdueAtEnd, p.overdueAtEnd)],
      [
        'Dijawab tepat waktu (keseluruhan)',
        rateText(c.overall),
        c.overall.rate === null || p.overall.rate === null
          ? `sebelumnya ${percent(p.overall.rate)}`
          : `${rateChange(c.overall.rate, p.overall.rate)} dibanding ${percent(p.overall.rate)}`,
      ],
    ],
  };
}

function stepTable(s: Summary): TableBlock {
  const rows: CellValue[][] = s.current.steps.map((r, k) => {
    const before = s.previous.steps[k];
    const change = rateChange(r.rate, before.rate);
    return [
      `${k + 1}. ${STEP_NAMES[(k + 1) as StepNumber]}`,
      count(r.done),
      count(r.onTime),
      percent(r.rate),
      { text: change, alert: change.startsWith('−') },
    ];
  });
  const o = s.current.overall;
  rows.push([
    'Keseluruhan (5 langkah)',
    count(o.done),
    count(o.onTime),
    percent(o.rate),
    rateChange(o.rate, s.previous.overall.rate),
  ]);
  return {
    kind: 'table',
    heading: 'Ketepatan waktu per langkah',
    note: 'Langkah yang selesai dalam periode ini; keseluruhan = pengaduan yang dijawab dalam periode ini, dibanding tenggat akhir.',
    columns: ['Langkah', 'Selesai', 'Tepat waktu', 'Persentase', 'Perubahan'],
    numeric: [1, 2, 3],
    rows,
  };
}

function groupTable(heading: string, label: string, groups: PeriodFigures['byChannel'], limit: number): TableBlock {
  const shown = groups.slice(0, limit);
  return {
    kind: 'table',
    heading,
    columns: [label, 'Masuk', 'Dijawab', 'Dijawab tepat waktu'],
    numeric: [1, 2, 3],
    rows: shown.map((g) => [g.name, count(g.received), count(g.answered), percent(g.overall.rate)]),
    more: groups.length - shown.length,
    empty: 'Tidak ada pengaduan dalam periode ini.',
  };
}

function unitTable(f: PeriodFigures, limit: number): TableBlock {
  const shown = f.byUnit.slice(0, limit);
  return {
    kind: 'table',
    heading: 'Per unit',
    note: 'Langkah unit = langkah 3 (mulai diproses) dan 4 (hasil tindak lanjut) yang selesai dalam periode ini.',
    columns: ['Unit', 'Masuk', 'Dijawab', 'Langkah unit selesai', 'Tepat waktu', 'Terbuka', 'Lewat tenggat'],
    numeric: [1, 2, 3, 4, 5, 6],
    rows: shown.map((u) => [
      u.name,
      count(u.received),
      count(u.answered),
      count(u.unitSteps.done),
      percent(u.unitSteps.rate),
      count(u.openAtEnd),
      u.overdueAtEnd ? { text: count(u.overdueAtEnd), alert: true } : '0',
    ]),
    more: f.byUnit.length - shown.length,
    empty: 'Tidak ada pengaduan dalam periode ini.',
  };
}

function oldestTable(f: PeriodFigures, registerUrl: string): TableBlock {
  return {
    kind: 'table',
    heading: 'Pengaduan terbuka terlama',
    columns: ['No. Pengaduan', 'Waktu pengaduan', 'Unit', 'Langkah', 'Umur', 'Terlambat'],
    rows: f.oldestOpen.map((o) => [
      { text: o.number, link: registerUrl || undefined },
      shortTime(o.receivedAt),
      o.unit || '(belum ada unit)',
      `${o.step}. ${STEP_NAMES[o.step]}`,
      `${decimal(o.ageWorkingDays)} hari kerja`,
      o.overdue ? { text: workingDaysText(o.overdueWorkingDays), alert: true } : '-',
    ]),
    empty: 'Tidak ada pengaduan terbuka di akhir periode.',
  };
}

function averageText(t: RatingTally): string {
  return t.average === null ? '–' : decimal(t.average, 2);
}

/** Average rating and count of ratings given in the period: overall, per unit, per channel. */
function satisfactionTable(s: Summary, limit: number): TableBlock | null {
  if (!s.satisfaction) return null;
  const { current, previous } = s.satisfaction;
  const before = previous.overall.count
    ? ` (${s.previous.period.label}: ${averageText(previous.overall)} dari ${count(previous.overall.count)} penilaian)`
    : '';
  const rows: CellValue[][] = current.overall.count
    ? [
        [SATISFACTION.overall, count(current.overall.count), averageText(current.overall)],
        ...current.byUnit
          .slice(0, limit)
          .map((t) => [`${SATISFACTION.unit}: ${t.name}`, count(t.count), averageText(t)]),
        ...current.byChannel
          .slice(0, limit)
          .map((t) => [`${SATISFACTION.channel}: ${t.name}`, count(t.count), averageText(t)]),
      ]
    : [];
  return {
    kind: 'table',
    heading: SATISFACTION.heading,
    note: `${SATISFACTION.note}${before}`,
    columns: [SATISFACTION.group, SATISFACTION.count, SATISFACTION.average],
    numeric: [1, 2],
    rows,
    empty: SATISFACTION.none,
  };
}

export interface SummaryLinks {
  spreadsheet: string;
  register: string;
}

export function summaryEmail(s: Summary, leaders: string[], links: SummaryLinks, manualAt?: string): OutgoingEmail {
  const c = s.current;
  const kind = KIND[c.period.kind];
  const build = (limit: number): ReportContent => ({
    title: `${kind.name} pengaduan media sosial: ${c.period.label}`,
    intro: [
      `Periode ${c.period.label} (${shortDate(c.period.from)} s.d. ${shortDate(new Date(c.period.to.getTime() - 1))}), dibanding ${kind.previous} (${s.previous.period.label}).`,
      `${count(c.received)} pengaduan masuk, ${count(c.answered)} dijawab (${percent(c.overall.rate)} tepat waktu), ${count(c.openAtEnd)} masih terbuka di akhir periode.`,
      'Pengaduan masuk dihitung menurut waktu pengaduan disampaikan; ketepatan waktu diukur dengan hari kerja dan baku mutu waktu SOP.',
    ],
    blocks: [
      headline(s),
      stepTable(s),
      groupTable('Per kanal', 'Kanal', c.byChannel, limit),
      groupTable('Per kategori', 'Kategori', c.byCategory, limit),
      unitTable(c, limit),
      ...[satisfactionTable(s, limit)].filter((b): b is TableBlock => b !== null),
      oldestTable(c, links.register),
    ],
    action: links.spreadsheet ? { label: 'Buka spreadsheet pengaduan', url: links.spreadsheet } : undefined,
    footer: FOOTER,
  });
  const { html, text } = renderWithin(build, 50);
  return {
    key: summaryKey(c.period, manualAt),
    kind: kind.name,
    number: '',
    to: leaders,
    cc: [],
    subject: `[Pengaduan] ${kind.name} ${c.period.label}: ${count(c.received)} masuk, ${count(c.answered)} dijawab${c.overall.done ? `, ${percent(c.overall.rate)} tepat waktu` : ''}`,
    body: text,
    htmlBody: html,
  };
}
