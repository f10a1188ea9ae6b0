/**
 * A sheet as the user sees it, for the runtime's outputs (workbook.json, workbook.xlsx).
 * Rectangular arrays cover the data region (lastRow × lastColumn); everything is plain data.
 */
import { GasObject } from '../gas-object';
import { rangeA1 } from './a1';
import { STYLE_DEFAULTS, StyleKey } from './cells';
import type { Protection } from './protection';
import type { Sheet } from './sheet';
import type { DataValidation } from './validation';

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  lastRow: number;
  lastColumn: number;
  /** getValues() of the data region (Dates for date cells). */
  values: unknown[][];
  displayValues: string[][];
  formulas: string[][];
  notes: string[][];
  numberFormats: string[][];
  backgrounds: string[][];
  fontColors: string[][];
  fontWeights: string[][];
  fontStyles: string[][];
  horizontalAlignments: string[][];
  wraps: boolean[][];
  /** Widths of columns 1..max(lastColumn, widened columns), in pixels. */
  columnWidths: number[];
  hiddenRows: number[];
  hiddenColumns: number[];
  validations: { range: string; criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string | null }[];
  protections: ReturnType<Protection['_summary']>[];
  conditionalFormats: {
    ranges: string[];
    criteria: string | null;
    values: unknown[];
    format: Record<string, unknown>;
  }[];
  charts: {
    chartId: number | null;
    type: string;
    ranges: string[];
    options: Record<string, unknown>;
    position: { row: number; column: number; offsetX: number; offsetY: number };
  }[];
  formUrl: string | null;
}

function styleGrid<T>(sheet: Sheet, key: StyleKey, rows: number, cols: number): T[][] {
  const grid = sheet._cells.styles[key];
  const def = STYLE_DEFAULTS[key];
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < cols; c++) {
      const v = grid.get(r, c);
      line.push((v === undefined ? def : v) as T);
    }
    out.push(line);
  }
  return out;
}

/** A rule argument as plain data: a Range becomes its A1 notation with the sheet name. */
function plainArg(arg: unknown): unknown {
  if (arg instanceof GasObject && arg._className === 'Range') {
    const r = arg as unknown as { _sheet: Sheet; getA1Notation(): string };
    return `${r._sheet._name}!${r.getA1Notation()}`;
  }
  return arg;
}

/** Validation rules grouped into runs of identical rules per column, in A1 notation. */
function validationRuns(sheet: Sheet): SheetSnapshot['validations'] {
  const out: SheetSnapshot['validations'] = [];
  const grid = sheet._cells.validations;
  const width = grid.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  for (let c = 0; c < width; c++) {
    let start = -1;
    let rule: unknown = undefined;
    const flush = (end: number) => {
      if (rule !== undefined && start >= 0) {
        const spec = (rule as DataValidation)._spec;
        out.push({
          range: rangeA1(start + 1, c + 1, end - start, 1),
          criteria: spec.criteria ?? '',
          values: spec.args.map(plainArg),
          allowInvalid: spec.allowInvalid,
          helpText: spec.helpText,
        });
      }
    };
    for (let r = 0; r <= grid.rows.length; r++) {
      const v = r < grid.rows.length ? grid.get(r, c) : undefined;
      if (v !== rule) {
        flush(r);
        start = r;
        rule = v;
      }
    }
  }
  return out;
}

export function snapshotSheet(sheet: Sheet): SheetSnapshot {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const region = lastRow > 0 && lastColumn > 0 ? sheet._rangeAt(1, 1, lastRow, lastColumn) : null;
  const widthCount = Math.max(lastColumn, sheet._columnWidths.length);
  const indexes = (arr: (true | undefined)[]) => arr.flatMap((v, i) => (v ? [i + 1] : []));
  return {
    name: sheet._name,
    sheetId: sheet._sheetId,
    index: sheet.getIndex(),
    hidden: sheet._hidden,
    tabColor: sheet._tabColor,
    maxRows: sheet._maxRows,
    maxColumns: sheet._maxColumns,
    frozenRows: sheet._frozenRows,
    frozenColumns: sheet._frozenColumns,
    lastRow,
    lastColumn,
    values: region ? region.getValues() : [],
    displayValues: region ? region.getDisplayValues() : [],
    formulas: region ? region.getFormulas() : [],
    notes: region ? region.getNotes() : [],
    numberFormats: region ? region.getNumberFormats() : [],
    backgrounds: styleGrid(sheet, 'background', lastRow, lastColumn),
    fontColors: styleGrid(sheet, 'fontColor', lastRow, lastColumn),
    fontWeights: styleGrid(sheet, 'fontWeight', lastRow, lastColumn),
    fontStyles: styleGrid(sheet, 'fontStyle', lastRow, lastColumn),
    horizontalAlignments: styleGrid(sheet, 'horizontalAlignment', lastRow, lastColumn),
    wraps: styleGrid<string>(sheet, 'wrapStrategy', lastRow, lastColumn).map((l) => l.map((s) => s === 'WRAP')),
    columnWidths: Array.from({ length: widthCount }, (_, i) => sheet.getColumnWidth(i + 1)),
    hiddenRows: indexes(sheet._hiddenRows),
    hiddenColumns: indexes(sheet._hiddenColumns),
    validations: validationRuns(sheet),
    protections: sheet._spreadsheet._protections.filter((p) => p._sheet === sheet).map((p) => p._summary()),
    conditionalFormats: sheet.getConditionalFormatRules().map((r) => ({
      ranges: r.getRanges().map((x) => x.getA1Notation()),
      criteria: r._spec.criteria,
      values: r._spec.args.map(plainArg),
      format: { ...r._spec.format },
    })),
    charts: sheet.getCharts().map((c) => ({
      chartId: c._state.chartId,
      type: c._state.chartType,
      ranges: c._state.ranges.map((x) =>
        x._sheet === sheet ? x.getA1Notation() : `${x._sheet._name}!${x.getA1Notation()}`,
      ),
      options: { ...c._state.options },
      position: { ...c._state.position },
    })),
    formUrl: sheet._formUrl,
  };
}
