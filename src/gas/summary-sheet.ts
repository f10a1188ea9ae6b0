/**
 * Writes the `Ringkasan` tab laid out by the core (summary-sheet.ts): the old charts removed, the
 * tab cleared, the grid written with one setValues, bold/background in one call each, a few
 * number formats, then one embedded chart per chart spec.
 */
import { ChartSpec, GridRange, SummaryLayout } from '../core/dashboard/summary-sheet';
import { TAB } from '../core/labels';
import { protectTab } from './sheet-setup';
import { ensureRows } from './tabs';
import { protectText } from '../core/rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = '#f3e3e3';
const TITLE_COLOUR = '#7b1f1f';
const CHART_COLOURS = ['#7b1f1f', '#d9822b', '#2b7bb9', '#3c8d40', '#8e5ea2', '#888888'];

function summarySheet(ss: Spreadsheet): Sheet {
  const existing = ss.getSheetByName(TAB.summary);
  if (existing) return existing;
  const sheet = ss.insertSheet(TAB.summary, ss.getSheets().length);
  protectTab(sheet, TAB.summary, [], []);
  sheet.setColumnWidth(1, 300);
  sheet.setColumnWidths(2, 6, 120);
  return sheet;
}

function rangeOf(sheet: Sheet, r: GridRange): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(r.row, r.column, r.numRows, r.numColumns);
}

function insertChart(sheet: Sheet, spec: ChartSpec): void {
  const base = sheet.newChart();
  let builder;
  switch (spec.kind) {
    case 'PIE':
      builder = base.asPieChart();
      break;
    case 'BAR':
      builder = base.asBarChart();
      break;
    case 'LINE':
      builder = base.asLineChart();
      break;
    default:
      builder = base.asColumnChart();
  }
  builder.setTitle(spec.title).setColors(CHART_COLOURS);
  if (spec.kind !== 'PIE') {
    const axis = builder as GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
    if (spec.xTitle) axis.setXAxisTitle(spec.xTitle);
    if (spec.yTitle) axis.setYAxisTitle(spec.yTitle);
    if (spec.stacked) axis.setStacked();
  }
  for (const r of spec.ranges) builder.addRange(rangeOf(sheet, r));
  builder.setNumHeaders(1).setPosition(spec.anchor.row, spec.anchor.column, 0, 0);
  if (spec.percent) builder.setOption('vAxis.format', 'percent');
  sheet.insertChart(builder.build());
}

/** Rebuilds `Ringkasan`; returns how many charts it holds. */
export function writeSummary(ss: Spreadsheet, layout: SummaryLayout): number {
  const sheet = summarySheet(ss);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.clear();
  const height = layout.values.length;
  const width = layout.width;
  ensureRows(sheet, height);
  const area = sheet.getRange(1, 1, height, width);
  // Unit and category names are operator text: never a formula (numbers and dates pass as they are).
  area.setValues(layout.values.map((row) => row.map(protectText)));
  const bold = new Set(layout.boldRows);
  const headers = new Map(layout.headerRows.map((h) => [h.row, h.numColumns]));
  area.setFontWeights(
    layout.values.map((_, i) => new Array<'bold' | 'normal'>(width).fill(bold.has(i + 1) ? 'bold' : 'normal')),
  );
  area.setBackgrounds(
    layout.values.map((_, i) =>
      Array.from({ length: width }, (_, j) => (j < (headers.get(i + 1) ?? 0) ? HEADER_BACKGROUND : null)),
    ),
  );
  for (const f of layout.formats) rangeOf(sheet, f).setNumberFormat(f.format);
  sheet.getRange(1, 1).setFontSize(14).setFontColor(TITLE_COLOUR);
  for (const spec of layout.charts) insertChart(sheet, spec);
  return layout.charts.length;
}
