/**
 * Local preview of the dashboard (issue 6): one self-contained `dashboard.html` (Chart.js inlined
 * from node_modules, data embedded, no network) with the pages of the Looker Studio report
 * (docs/looker-studio.md): overview scorecards, weekly trend by channel, per unit, channel and
 * category, late list. Its numbers come from the same feed and the same core functions as the
 * `Ringkasan` tab, and it only ever sees the feed, so it holds no personal data either.
 *
 * The scenario runner calls `writeDashboardHtml(path, { sheets | feed | complaints, config, now })`;
 * by hand: `tsx scripts/dashboard-html.ts --out dashboard.html (--workbook workbook.json | --feed feed.json | --complaints complaints.json)`.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCalendar, WorkCalendar } from '../src/core/calendar';
import { calendarOf } from '../src/core/calendar-config';
import { Complaint, STATUS, Status, emptyComplaint } from '../src/core/complaint';
import { AppConfig, DEFAULT_UNITS } from '../src/core/config';
import { FeedRecord, buildFeed, unitKindsOf } from '../src/core/dashboard/feed';
import { feedRecordsFromObjects, feedRecordsFromTable } from '../src/core/dashboard/feed-read';
import { DashboardFigures, GroupTally, computeFigures } from '../src/core/dashboard/figures';
import { PREVIEW, SUMMARY, stepLabel } from '../src/core/labels/dashboard';
import { TAB } from '../src/core/labels';
import { escapeHtml as e } from '../src/core/sanitize';
import { DEFAULT_STEP_DAYS } from '../src/core/sla';
import { formatDate, formatDateTime, isDate } from '../src/core/values';

/** One complaint as the scenario runner's complaints.json has it (DESIGN §12). */
export interface ComplaintJson {
  number: string;
  receivedAt: string | null;
  recordedAt: string;
  channel: string;
  category: string;
  unit: string | null;
  status: string;
  steps: { step: number; startedAt: string | null; doneAt: string | null }[];
  answeredAt?: string | null;
  closedAt?: string | null;
}

export interface DashboardPreviewInput {
  /** Feed rows: `Dasbor Data` values (header row first) or objects keyed by column id. */
  feed?: readonly (readonly unknown[])[] | readonly Record<string, unknown>[];
  /** Workbook tabs (the runner's snapshots or workbook.json): the `Dasbor Data` tab is used. */
  sheets?: readonly { name: string; values: readonly (readonly unknown[])[] }[];
  /** Complaints (register records or complaints.json entries): the feed is computed from them. */
  complaints?: readonly (Complaint | ComplaintJson)[];
  /** Units, standards, hours and holidays (defaults when absent). */
  config?: Partial<Pick<AppConfig, 'units' | 'stepDays' | 'weekHours' | 'exceptions' | 'holidays'>>;
  /** The time of the figures (default: the feed's own time, else now). */
  now?: Date | string;
}

const CHART_JS = join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');

function calendarFor(config: DashboardPreviewInput['config']): WorkCalendar {
  return config?.weekHours && config.exceptions && config.holidays
    ? calendarOf({ weekHours: config.weekHours, exceptions: config.exceptions, holidays: config.holidays })
    : createCalendar();
}

const dateOrNull = (s: string | null | undefined): Date | null => (s ? new Date(s) : null);

function complaintOf(c: Complaint | ComplaintJson): Complaint {
  if (!('steps' in c) || !Array.isArray(c.steps)) return c as Complaint;
  const j = c;
  const step = (k: number) => j.steps.find((s) => s.step === k);
  const recordedAt = new Date(j.recordedAt);
  const step2Start = dateOrNull(step(2)?.startedAt);
  return {
    ...emptyComplaint(j.number, recordedAt),
    receivedAt: dateOrNull(j.receivedAt),
    channel: j.channel ?? '',
    category: j.category ?? '',
    unit: j.unit ?? '',
    status: (j.status as Status) || STATUS.new,
    forwardedAt: dateOrNull(step(2)?.doneAt),
    processedAt: dateOrNull(step(3)?.doneAt),
    followedUpAt: dateOrNull(step(4)?.doneAt),
    answeredAt: dateOrNull(j.answeredAt ?? step(5)?.doneAt),
    closedAt: dateOrNull(j.closedAt),
    // Step 2 restarting later than step 1 ended is a reassignment (DESIGN §5).
    reassignedAt: step2Start && step2Start.getTime() !== recordedAt.getTime() ? step2Start : null,
  };
}

/** The feed to show: given rows, else the workbook's `Dasbor Data` tab, else computed from complaints. */
function feedOf(
  input: DashboardPreviewInput,
  calendar: WorkCalendar,
  now: Date,
): { records: FeedRecord[]; computed: boolean } {
  if (input.feed) {
    const rows = input.feed;
    const records =
      rows.length && Array.isArray(rows[0])
        ? feedRecordsFromTable(rows as unknown[][])
        : feedRecordsFromObjects(rows as Record<string, unknown>[]);
    return { records, computed: false };
  }
  const tab = input.sheets?.find((s) => s.name === TAB.dashboard);
  const complaints = (input.complaints ?? []).map(complaintOf).filter((c) => c.number);
  if (tab && tab.values.length > 1) {
    const records = feedRecordsFromTable(tab.values);
    // A feed older than the last complaint (refreshed hourly) is not what the register says.
    if (records.length >= complaints.length) return { records, computed: false };
  }
  const { records } = buildFeed(complaints, {
    calendar,
    now,
    stepDays: input.config?.stepDays ?? DEFAULT_STEP_DAYS,
    unitKinds: unitKindsOf(input.config?.units ?? DEFAULT_UNITS),
  });
  return { records, computed: true };
}

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)}%`);
const num = (x: number | null): string => (x === null ? '—' : x.toLocaleString('id-ID', { maximumFractionDigits: 2 }));

function table(header: string[], rows: string[][], empty: string = SUMMARY.none): string {
  if (!rows.length) return `<p class="empty">${e(empty)}</p>`;
  return `<table><thead><tr>${header.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function groupRows(groups: GroupTally[]): string[][] {
  return groups.map((g) => [
    g.key,
    String(g.received),
    String(g.open),
    String(g.overdue),
    String(g.answered),
    pct(g.onTimeRate),
  ]);
}

function card(label: string, value: string, tone = ''): string {
  return `<div class="card ${tone}"><div class="value">${e(value)}</div><div class="label">${e(label)}</div></div>`;
}

/** What the page's script draws: labels and series only. */
function chartData(f: DashboardFigures) {
  return {
    status: { labels: f.byStatus.map((s) => s.status), values: f.byStatus.map((s) => s.count) },
    steps: {
      labels: f.bySteps.map((s) => stepLabel(s.step)),
      values: f.bySteps.map((s) => (s.onTimeRate === null ? null : Math.round(s.onTimeRate * 100))),
    },
    weekly: {
      labels: f.weekly.weeks.map((w) => formatDate(w.start)),
      series: f.weekly.channels.map((ch, i) => ({ label: ch, values: f.weekly.weeks.map((w) => w.counts[i]) })),
    },
    unit: {
      labels: f.byUnit.map((u) => u.key),
      open: f.byUnit.map((u) => u.open),
      overdue: f.byUnit.map((u) => u.overdue),
      answered: f.byUnit.map((u) => u.answered),
    },
    // Each channel keeps its colour of the weekly chart.
    channel: {
      labels: f.byChannel.map((c) => c.key),
      values: f.byChannel.map((c) => c.received),
      colours: f.byChannel.map((c) => f.weekly.channels.indexOf(c.key)),
    },
    category: { labels: f.byCategory.map((c) => c.key), values: f.byCategory.map((c) => c.received) },
  };
}

/** JSON inside a <script> element: nothing in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;margin:0;background:#f6f3f1;color:#222}
header{background:#7b1f1f;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.9}
nav{margin-top:10px}nav a{color:#fff;margin-right:16px;font-size:13px}
section{background:#fff;margin:16px 24px;padding:16px 20px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h2{margin:0 0 12px;font-size:18px;color:#7b1f1f}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}
.card{flex:1 1 150px;border:1px solid #e3d6d6;border-radius:6px;padding:12px;text-align:center}
.card .value{font-size:28px;font-weight:bold}.card .label{font-size:12px;color:#555;margin-top:4px}
.card.bad .value{color:#b3261e}.card.good .value{color:#2e7d32}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px;align-items:start}
.chart{position:relative;height:320px}.chart.tall{height:420px}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}
th,td{border-bottom:1px solid #eee;padding:5px 8px;text-align:left}th{background:#f3e3e3}
td:not(:first-child){white-space:nowrap}.empty{color:#666;font-style:italic}`;

const SCRIPT = `
(function () {
  var D = JSON.parse(document.getElementById('dashboard-data').textContent);
  var C = ['#7b1f1f', '#d9822b', '#2b7bb9', '#3c8d40', '#8e5ea2', '#888888', '#c0a36e', '#4db6ac'];
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  var drawn = 0;
  function draw(id, config) { var el = document.getElementById(id); if (!el) return; new Chart(el, config); drawn++; }
  draw('chart-status', { type: 'doughnut', data: { labels: D.status.labels, datasets: [{ data: D.status.values, backgroundColor: C }] } });
  draw('chart-steps', { type: 'bar', data: { labels: D.steps.labels, datasets: [{ label: '% tepat waktu', data: D.steps.values, backgroundColor: C[0] }] },
    options: { scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } } } });
  draw('chart-weekly', { type: 'bar', data: { labels: D.weekly.labels, datasets: D.weekly.series.map(function (s, i) { return { label: s.label, data: s.values, backgroundColor: C[i % C.length] }; }) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
  draw('chart-unit', { type: 'bar', data: { labels: D.unit.labels, datasets: [
      { label: 'Masih terbuka', data: D.unit.open, backgroundColor: C[1] },
      { label: 'Lewat tenggat', data: D.unit.overdue, backgroundColor: C[0] },
      { label: 'Dijawab', data: D.unit.answered, backgroundColor: C[3] }] },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } } });
  draw('chart-channel', { type: 'doughnut', data: { labels: D.channel.labels, datasets: [{ data: D.channel.values, backgroundColor: D.channel.colours.map(function (i) { return C[(i < 0 ? 5 : i) % C.length]; }) }] } });
  draw('chart-category', { type: 'bar', data: { labels: D.category.labels, datasets: [{ label: 'Diterima', data: D.category.values, backgroundColor: C[2] }] },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } } });
  document.body.setAttribute('data-charts-drawn', String(drawn));
})();`;

export function dashboardHtml(records: readonly FeedRecord[], figures: DashboardFigures): string {
  const f = figures;
  const o = f.overall;
  const P = PREVIEW.pages;
  const S = PREVIEW.scorecards;
  const chart = (id: string, tall = false) =>
    `<div class="chart${tall ? ' tall' : ''}"><canvas id="${id}"></canvas></div>`;
  const keyRows = [
    [SUMMARY.received, f.thisMonth.received, f.lastMonth.received, o.received],
    [SUMMARY.answered, f.thisMonth.answered, f.lastMonth.answered, o.answered],
    [SUMMARY.answeredOnTime, f.thisMonth.onTime, f.lastMonth.onTime, o.onTime],
    [SUMMARY.answeredLate, f.thisMonth.late, f.lastMonth.late, o.late],
  ].map((r) => r.map(String));
  keyRows.push([SUMMARY.onTimeRate, pct(f.thisMonth.onTimeRate), pct(f.lastMonth.onTimeRate), pct(o.onTimeRate)]);
  keyRows.push([
    SUMMARY.avgDays,
    num(f.thisMonth.avgDaysToAnswer),
    num(f.lastMonth.avgDaysToAnswer),
    num(o.avgDaysToAnswer),
  ]);
  const groupHeader = (name: string) => [
    name,
    SUMMARY.received,
    SUMMARY.open,
    SUMMARY.overdue,
    SUMMARY.answered,
    SUMMARY.onTimeRate,
  ];
  const body = [
    `<header><h1>${e(PREVIEW.title)}</h1><p>${e(PREVIEW.subtitle)}</p><p>${e(PREVIEW.generated)} ${e(formatDateTime(f.asOf))} WIB · ${e(records.length)} pengaduan</p>`,
    `<nav>${[
      ['ikhtisar', P.overview],
      ['tren', P.weekly],
      ['unit', P.units],
      ['kanal', P.channels],
      ['terlambat', P.late],
    ]
      .map(([id, t]) => `<a href="#${id}">${e(t)}</a>`)
      .join('')}</nav></header>`,
    `<section id="ikhtisar"><h2>1. ${e(P.overview)}</h2><div class="cards">`,
    card(S.received, String(o.received)),
    card(S.open, String(o.open)),
    card(S.overdue, String(o.overdue), o.overdue ? 'bad' : ''),
    card(S.answered, String(o.answered)),
    card(S.onTimeRate, pct(o.onTimeRate), o.onTimeRate !== null && o.onTimeRate >= 0.9 ? 'good' : ''),
    card(S.avgDays, num(o.avgDaysToAnswer)),
    `</div>${table([SUMMARY.keyFigures, `${SUMMARY.thisMonth} (${f.thisMonth.label})`, `${SUMMARY.lastMonth} (${f.lastMonth.label})`, SUMMARY.allTime], keyRows)}`,
    `<div class="grid"><div><h3>${e(SUMMARY.chartStatus)}</h3>${chart('chart-status')}</div><div><h3>${e(SUMMARY.chartSteps)}</h3>${chart('chart-steps')}</div></div>`,
    table(
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
        String(s.done),
        String(s.onTime),
        String(s.late),
        String(s.overdueNow),
        pct(s.onTimeRate),
        num(s.avgHours),
      ]),
    ),
    '</section>',
    `<section id="tren"><h2>2. ${e(P.weekly)}</h2>${chart('chart-weekly')}`,
    table(
      [SUMMARY.weekStart, ...f.weekly.channels, SUMMARY.total],
      f.weekly.weeks.map((w) => [formatDate(w.start), ...w.counts.map(String), String(w.total)]),
    ),
    '</section>',
    `<section id="unit"><h2>3. ${e(P.units)}</h2>${chart('chart-unit', true)}`,
    table(
      [
        SUMMARY.unit,
        SUMMARY.unitKind,
        SUMMARY.received,
        SUMMARY.open,
        SUMMARY.overdue,
        SUMMARY.answered,
        SUMMARY.onTimeRate,
      ],
      f.byUnit.map((u) => [
        u.key,
        u.kind,
        String(u.received),
        String(u.open),
        String(u.overdue),
        String(u.answered),
        pct(u.onTimeRate),
      ]),
    ),
    '</section>',
    `<section id="kanal"><h2>4. ${e(P.channels)}</h2><div class="grid"><div><h3>${e(SUMMARY.chartChannel)}</h3>${chart('chart-channel')}</div>`,
    `<div><h3>${e(SUMMARY.chartCategory)}</h3>${chart('chart-category')}</div></div>`,
    `<div class="grid"><div>${table(groupHeader(SUMMARY.channel), groupRows(f.byChannel))}</div><div>${table(groupHeader(SUMMARY.category), groupRows(f.byCategory))}</div></div>`,
    '</section>',
    `<section id="terlambat"><h2>5. ${e(P.late)}</h2>`,
    table(
      [
        SUMMARY.number,
        SUMMARY.receivedAt,
        SUMMARY.unit,
        SUMMARY.channel,
        SUMMARY.category,
        SUMMARY.status,
        SUMMARY.currentStep,
        SUMMARY.due,
        SUMMARY.daysLate,
        SUMMARY.onTimeColumn,
      ],
      f.lateList.map((r) => [
        r.no_pengaduan,
        formatDateTime(r.waktu_diterima),
        r.unit,
        r.kanal,
        r.kategori,
        r.status,
        r.langkah_saat_ini ? stepLabel(r.langkah_saat_ini) : SUMMARY.finished,
        r.tenggat_langkah ? formatDateTime(r.tenggat_langkah) : '—',
        String(r.hari_terlambat),
        r.tepat_waktu,
      ]),
      PREVIEW.noLate,
    ),
    '</section>',
  ].join('\n');
  const chartJs = readFileSync(CHART_JS, 'utf8').replace(/<\/script/gi, '<\\/script');
  return [
    '<!DOCTYPE html>',
    '<html lang="id"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(PREVIEW.title)}</title>`,
    `<style>${STYLE}</style>`,
    `<script>${chartJs}</script>`,
    '</head><body>',
    body,
    `<script type="application/json" id="dashboard-data">${scriptJson(chartData(f))}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** The feed records and figures the preview shows for `input`, as of the feed's own time when it has one. */
export function previewModel(input: DashboardPreviewInput): { records: FeedRecord[]; figures: DashboardFigures } {
  const calendar = calendarFor(input.config);
  const now = input.now === undefined ? new Date() : new Date(input.now);
  const { records, computed } = feedOf(input, calendar, now);
  const feedTime = records.reduce((t, r) => Math.max(t, isDate(r.waktu_data) ? r.waktu_data.getTime() : 0), 0);
  const asOf = computed || !feedTime ? now : new Date(feedTime);
  return { records, figures: computeFigures(records, calendar, asOf) };
}

/** Writes the preview to `out` (a file, or a folder that gets `dashboard.html`); returns the path. */
export function writeDashboardHtml(out: string, input: DashboardPreviewInput): string {
  const isDir = (() => {
    try {
      return statSync(out).isDirectory();
    } catch {
      return false;
    }
  })();
  const path = isDir ? join(out, 'dashboard.html') : out;
  mkdirSync(dirname(path), { recursive: true });
  const { records, figures } = previewModel(input);
  writeFileSync(path, dashboardHtml(records, figures));
  return path;
}

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
  const out = arg('--out') ?? 'dashboard.html';
  const input: DashboardPreviewInput = {};
  if (arg('--workbook')) input.sheets = read(arg('--workbook')!) as { name: string; values: unknown[][] }[];
  if (arg('--feed')) input.feed = read(arg('--feed')!);
  if (arg('--complaints')) input.complaints = read(arg('--complaints')!);
  if (arg('--now')) input.now = arg('--now');
  if (!input.sheets && !input.feed && !input.complaints) {
    console.error(
      'usage: tsx scripts/dashboard-html.ts --out FILE (--workbook workbook.json | --feed feed.json | --complaints complaints.json) [--now ISO]',
    );
    process.exit(2);
  }
  console.log(writeDashboardHtml(out, input));
}

if (require.main === module) main(process.argv.slice(2));
