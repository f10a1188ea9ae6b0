/**
 * The `Ringkasan` tab as a value: one grid of cells (written with one setValues), the number
 * formats and bold rows to apply, and the embedded charts to insert, each over a block of the
 * grid. The app layer only carries it out, so the layout is tested without a spreadsheet.
 */
import { DashboardFigures, GroupTally, Tally } from './figures';
import { SUMMARY, stepLabel } from '../labels/dashboard';
import { SATISFACTION } from '../labels/tracking';
import type { RatingTally } from '../tracking/satisfaction';

export type ChartKind = 'PIE' | 'BAR' | 'COLUMN' | 'LINE';

/** A 1-based block of the summary grid. */
export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ChartSpec {
  id: 'status' | 'unit' | 'weekly' | 'channel' | 'steps';
  kind: ChartKind;
  title: string;
  /** The first range is the domain (labels), each further column a series; row 1 of each is its header. */
  ranges: GridRange[];
  anchor: { row: number; column: number };
  stacked?: boolean;
  xTitle?: string;
  yTitle?: string;
  percent?: boolean;
}

export interface SummaryLayout {
  values: unknown[][];
  width: number;
  /** Number formats to apply (percent, dates, decimals). */
  formats: (GridRange & { format: string })[];
  /** Rows (1-based) shown bold: titles and table headers. */
  boldRows: number[];
  /** Rows (1-based) holding a table header (coloured). */
  headerRows: { row: number; numColumns: number }[];
  charts: ChartSpec[];
}

const WIDTH = 7;
const CHART_COLUMN = WIDTH + 2;
const CHART_ROWS = 20;

const PERCENT = '0%';
const DECIMAL = '0.00';
const DAY = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';

const orBlank = (v: number | null): number | '' => (v === null ? '' : v);

class Grid {
  readonly rows: unknown[][] = [];
  readonly formats: SummaryLayout['formats'] = [];
  readonly boldRows: number[] = [];
  readonly headerRows: SummaryLayout['headerRows'] = [];

  get next(): number {
    return this.rows.length + 1;
  }

  line(cells: unknown[], bold = false): number {
    const row = this.next;
    this.rows.push(cells.concat(Array(Math.max(0, WIDTH - cells.length)).fill('')).slice(0, WIDTH));
    if (bold) this.boldRows.push(row);
    return row;
  }

  blank(): void {
    this.line([]);
  }

  /** A titled table; returns the range of header + rows. */
  table(
    title: string,
    header: string[],
    rows: unknown[][],
    formats: { col: number; format: string }[] = [],
  ): GridRange {
    this.line([title], true);
    const first = this.line(header, true);
    this.headerRows.push({ row: first, numColumns: header.length });
    for (const r of rows) this.line(r);
    if (!rows.length) this.line([SUMMARY.none]);
    for (const f of formats)
      if (rows.length)
        this.formats.push({ row: first + 1, column: f.col, numRows: rows.length, numColumns: 1, format: f.format });
    this.blank();
    return { row: first, column: 1, numRows: rows.length + 1, numColumns: header.length };
  }
}

function column(block: GridRange, col: number): GridRange {
  return { row: block.row, column: col, numRows: block.numRows, numColumns: 1 };
}

function groupRow(g: GroupTally): unknown[] {
  return [g.key, g.received, g.open, g.overdue, g.answered, orBlank(g.onTimeRate)];
}

function keyFigureRows(f: DashboardFigures): unknown[][] {
  const o: Tally = f.overall;
  const m = f.thisMonth;
  const l = f.lastMonth;
  return [
    [SUMMARY.received, m.received, l.received, o.received],
    [SUMMARY.answered, m.answered, l.answered, o.answered],
    [SUMMARY.answeredOnTime, m.onTime, l.onTime, o.onTime],
    [SUMMARY.answeredLate, m.late, l.late, o.late],
    [SUMMARY.onTimeRate, orBlank(m.onTimeRate), orBlank(l.onTimeRate), orBlank(o.onTimeRate)],
    [SUMMARY.avgDays, orBlank(m.avgDaysToAnswer), orBlank(l.avgDaysToAnswer), orBlank(o.avgDaysToAnswer)],
    [SUMMARY.open, '', '', o.open],
    [SUMMARY.overdue, '', '', o.overdue],
    [SUMMARY.closed, '', '', o.closed],
  ];
}

export function summaryLayout(f: DashboardFigures): SummaryLayout {
  const g = new Grid();
  g.line([SUMMARY.title], true);
  const asOfRow = g.line([SUMMARY.asOf, f.asOf]);
  g.formats.push({ row: asOfRow, column: 2, numRows: 1, numColumns: 1, format: DATE_TIME });
  g.line([SUMMARY.note]);
  g.blank();

  const key = g.table(
    SUMMARY.keyFigures,
    [
      SUMMARY.keyFigures,
      `${SUMMARY.thisMonth} (${f.thisMonth.label})`,
      `${SUMMARY.lastMonth} (${f.lastMonth.label})`,
      SUMMARY.allTime,
    ],
    keyFigureRows(f),
  );
  g.formats.push({ row: key.row + 5, column: 2, numRows: 1, numColumns: 3, format: PERCENT });
  g.formats.push({ row: key.row + 6, column: 2, numRows: 1, numColumns: 3, format: DECIMAL });

  const status = g.table(
    SUMMARY.byStatus,
    [SUMMARY.status, SUMMARY.count],
    f.byStatus.map((s) => [s.status, s.count]),
  );

  const units = g.table(
    SUMMARY.byUnit,
    [
      SUMMARY.unit,
      SUMMARY.unitKind,
      SUMMARY.received,
      SUMMARY.open,
      SUMMARY.overdue,
      SUMMARY.answered,
      SUMMARY.onTimeRate,
    ],
    f.byUnit.map((u) => [u.key, u.kind, u.received, u.open, u.overdue, u.answered, orBlank(u.onTimeRate)]),
    [{ col: 7, format: PERCENT }],
  );

  const weekly = g.table(
    SUMMARY.weekly,
    [SUMMARY.weekStart, ...f.weekly.channels, SUMMARY.total],
    f.weekly.weeks.map((w) => [w.start, ...w.counts, w.total]),
    [{ col: 1, format: DAY }],
  );

  const groupHeader = (name: string) => [
    name,
    SUMMARY.received,
    SUMMARY.open,
    SUMMARY.overdue,
    SUMMARY.answered,
    SUMMARY.onTimeRate,
  ];
  const channels = g.table(SUMMARY.byChannel, groupHeader(SUMMARY.channel), f.byChannel.map(groupRow), [
    { col: 6, format: PERCENT },
  ]);
  g.table(SUMMARY.byCategory, groupHeader(SUMMARY.category), f.byCategory.map(groupRow), [{ col: 6, format: PERCENT }]);

  const steps = g.table(
    SUMMARY.bySteps,
    [
      SUMMARY.step,
      SUMMARY.done,
      SUMMARY.onTime,
      SUMMARY.late,
      SUMMARY.overdueNow,
      SUMMARY.onTimeRate,
      SUMMARY.avgHours,
    ],
    f.bySteps.map((s) => [
      stepLabel(s.step),
      s.done,
      s.onTime,
      s.late,
      s.overdueNow,
      orBlank(s.onTimeRate),
      orBlank(s.avgHours),
    ]),
    [
      { col: 6, format: PERCENT },
      { col: 7, format: DECIMAL },
    ],
  );

  const sat = f.satisfaction;
  const ratingRow = (t: RatingTally, name = t.name): unknown[] => [name, t.count, orBlank(t.average)];
  const ratingFormat = [{ col: 3, format: DECIMAL }];
  g.table(
    SATISFACTION.byUnit,
    [SUMMARY.unit, SATISFACTION.count, SATISFACTION.average],
    sat.overall.count ? [ratingRow(sat.overall, SATISFACTION.overall), ...sat.byUnit.map((t) => ratingRow(t))] : [],
    ratingFormat,
  );
  g.table(
    SATISFACTION.byChannel,
    [SUMMARY.channel, SATISFACTION.count, SATISFACTION.average],
    sat.byChannel.map((t) => ratingRow(t)),
    ratingFormat,
  );
  g.table(
    SATISFACTION.byMonth,
    [SATISFACTION.month, SATISFACTION.count, SATISFACTION.average],
    sat.byMonth.map((t) => ratingRow(t)),
    ratingFormat,
  );

  const charts: ChartSpec[] = [];
  const place = () => ({ row: 1 + charts.length * CHART_ROWS, column: CHART_COLUMN });
  if (f.overall.received > 0) {
    charts.push({ id: 'status', kind: 'PIE', title: SUMMARY.chartStatus, ranges: [status], anchor: place() });
  }
  if (f.byUnit.length) {
    charts.push({
      id: 'unit',
      kind: 'BAR',
      title: SUMMARY.chartUnit,
      ranges: [column(units, 1), column(units, 4), column(units, 5)],
      anchor: place(),
      xTitle: SUMMARY.count,
    });
  }
  charts.push({
    id: 'weekly',
    kind: 'COLUMN',
    title: SUMMARY.chartWeekly,
    ranges: [{ ...weekly, numColumns: 1 + f.weekly.channels.length }],
    anchor: place(),
    stacked: true,
    xTitle: SUMMARY.weekStart,
    yTitle: SUMMARY.count,
  });
  if (f.byChannel.length) {
    charts.push({
      id: 'channel',
      kind: 'PIE',
      title: SUMMARY.chartChannel,
      ranges: [column(channels, 1), column(channels, 2)],
      anchor: place(),
    });
  }
  if (f.bySteps.some((s) => s.done > 0)) {
    charts.push({
      id: 'steps',
      kind: 'COLUMN',
      title: SUMMARY.chartSteps,
      ranges: [column(steps, 1), column(steps, 6)],
      anchor: place(),
      yTitle: SUMMARY.onTimeRate,
      percent: true,
    });
  }

  return { values: g.rows, width: WIDTH, formats: g.formats, boldRows: g.boldRows, headerRows: g.headerRows, charts };
}
