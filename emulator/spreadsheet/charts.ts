/**
 * Embedded charts: Sheet.newChart() builders, EmbeddedChart, and the Charts service enums.
 * Charts are stored (type, source ranges, options, position) for the workbook output, not drawn.
 * Typed builders (asColumnChart(), …) carry the extra setters their Apps Script classes have;
 * the generic EmbeddedChartBuilder does not (Apps Script has no setTitle there: use
 * setOption('title', …)).
 */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import type { Anchor } from './anchor';
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType, ChartTypeName, LegendPosition } from './enums';
import type { Range } from './range';
import type { Sheet } from './sheet';

export interface ChartState {
  chartId: number | null;
  chartType: ChartTypeName;
  ranges: Range[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
}

const cloneState = (s: ChartState): ChartState => ({
  ...s,
  ranges: [...s.ranges],
  options: JSON.parse(JSON.stringify(s.options)) as Record<string, unknown>,
  position: { ...s.position },
});

export function newChartState(): ChartState {
  return {
    chartId: null,
    chartType: 'COLUMN',
    ranges: [],
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transpose: false,
    hiddenDimensionStrategy: 'IGNORE_BOTH',
    mergeStrategy: 'MERGE_COLUMNS',
  };
}

export class ContainerInfo extends GasObject {
  readonly _className = 'ContainerInfo';

  constructor(readonly _position: ChartState['position']) {
    super();
  }

  getAnchorColumn(): number {
    return this._position.column;
  }
  getAnchorRow(): number {
    return this._position.row;
  }
  getOffsetX(): number {
    return this._position.offsetX;
  }
  getOffsetY(): number {
    return this._position.offsetY;
  }
}

export class ChartOptions extends GasObject {
  readonly _className = 'ChartOptions';

  constructor(readonly _options: Record<string, unknown>) {
    super();
  }

  /** Looks an option up by its dotted name, whether it was set flat or as a nested object. */
  get(option: string): unknown {
    if (option in this._options) return this._options[option];
    let cur: unknown = this._options;
    for (const part of option.split('.')) {
      if (cur === null || typeof cur !== 'object') return null;
      cur = (cur as Record<string, unknown>)[part];
    }
    return cur ?? null;
  }
}

abstract class ChartBuilderBase extends GasObject {
  constructor(
    readonly _sheet: Sheet,
    readonly _state: ChartState,
  ) {
    super();
  }

  protected _opt(key: string, value: unknown): this {
    this._state.options[key] = value;
    return this;
  }

  addRange(range: Range): this {
    this._state.ranges.push(range);
    return this;
  }
  removeRange(range: Range): this {
    const a1 = range.getA1Notation();
    this._state.ranges = this._state.ranges.filter((r) => !(r._sheet === range._sheet && r.getA1Notation() === a1));
    return this;
  }
  clearRanges(): this {
    this._state.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return [...this._state.ranges];
  }
  getChartType(): ChartTypeName {
    return this._state.chartType;
  }
  getContainer(): ContainerInfo {
    return new ContainerInfo({ ...this._state.position });
  }
  setChartType(type: ChartTypeName): EmbeddedChartBuilder {
    if (!(type in ChartType)) throw new GasError('Invalid argument: type');
    this._state.chartType = type;
    return new EmbeddedChartBuilder(this._sheet, this._state);
  }
  setOption(option: string, value: unknown): this {
    return this._opt(String(option), value);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this._state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  setNumHeaders(headers: number): this {
    this._state.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this._state.transpose = Boolean(transpose);
    return this;
  }
  setHiddenDimensionStrategy(strategy: string): this {
    if (!(strategy in ChartHiddenDimensionStrategy)) throw new GasError('Invalid argument: strategy');
    this._state.hiddenDimensionStrategy = strategy;
    return this;
  }
  setMergeStrategy(mergeStrategy: string): this {
    if (!(mergeStrategy in ChartMergeStrategy)) throw new GasError('Invalid argument: mergeStrategy');
    this._state.mergeStrategy = mergeStrategy;
    return this;
  }
  asAreaChart(): EmbeddedAreaChartBuilder {
    this._state.chartType = 'AREA';
    return new EmbeddedAreaChartBuilder(this._sheet, this._state);
  }
  asBarChart(): EmbeddedBarChartBuilder {
    this._state.chartType = 'BAR';
    return new EmbeddedBarChartBuilder(this._sheet, this._state);
  }
  asColumnChart(): EmbeddedColumnChartBuilder {
    this._state.chartType = 'COLUMN';
    return new EmbeddedColumnChartBuilder(this._sheet, this._state);
  }
  asLineChart(): EmbeddedLineChartBuilder {
    this._state.chartType = 'LINE';
    return new EmbeddedLineChartBuilder(this._sheet, this._state);
  }
  asPieChart(): EmbeddedPieChartBuilder {
    this._state.chartType = 'PIE';
    return new EmbeddedPieChartBuilder(this._sheet, this._state);
  }
  asTableChart(): EmbeddedTableChartBuilder {
    this._state.chartType = 'TABLE';
    return new EmbeddedTableChartBuilder(this._sheet, this._state);
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this._sheet, cloneState(this._state));
  }
}

export class EmbeddedChartBuilder extends ChartBuilderBase {
  readonly _className: string = 'EmbeddedChartBuilder';
}

abstract class DecoratedChartBuilder extends ChartBuilderBase {
  setTitle(chartTitle: string): this {
    return this._opt('title', chartTitle);
  }
  setColors(cssValues: string[]): this {
    return this._opt('colors', [...cssValues]);
  }
  setBackgroundColor(cssValue: string): this {
    return this._opt('backgroundColor', cssValue);
  }
  setLegendPosition(position: string): this {
    if (!(position in LegendPosition)) throw new GasError('Invalid argument: position');
    return this._opt('legend.position', position.toLowerCase());
  }
  reverseCategories(): this {
    return this._opt('reverseCategories', true);
  }
}

abstract class AxisChartBuilder extends DecoratedChartBuilder {
  setXAxisTitle(title: string): this {
    return this._opt('hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this._opt('vAxis.title', title);
  }
  useLogScale(): this {
    return this._opt('vAxis.logScale', true);
  }
  setRange(start: number, end: number): this {
    this._opt('vAxis.viewWindow.min', start);
    return this._opt('vAxis.viewWindow.max', end);
  }
}

export class EmbeddedColumnChartBuilder extends AxisChartBuilder {
  readonly _className = 'EmbeddedColumnChartBuilder';
  setStacked(): this {
    return this._opt('isStacked', true);
  }
}

export class EmbeddedBarChartBuilder extends AxisChartBuilder {
  readonly _className = 'EmbeddedBarChartBuilder';
  setStacked(): this {
    return this._opt('isStacked', true);
  }
}

export class EmbeddedAreaChartBuilder extends AxisChartBuilder {
  readonly _className = 'EmbeddedAreaChartBuilder';
  setStacked(): this {
    return this._opt('isStacked', true);
  }
}

export class EmbeddedLineChartBuilder extends AxisChartBuilder {
  readonly _className = 'EmbeddedLineChartBuilder';
}

export class EmbeddedPieChartBuilder extends DecoratedChartBuilder {
  readonly _className = 'EmbeddedPieChartBuilder';
  set3D(): this {
    return this._opt('is3D', true);
  }
}

export class EmbeddedTableChartBuilder extends ChartBuilderBase {
  readonly _className = 'EmbeddedTableChartBuilder';
  enablePaging(enableOrPageSize: boolean | number, startPage?: number): this {
    if (typeof enableOrPageSize === 'boolean') return this._opt('page', enableOrPageSize ? 'enable' : 'disable');
    this._opt('page', 'enable');
    this._opt('pageSize', enableOrPageSize);
    return startPage === undefined ? this : this._opt('startPage', startPage);
  }
  enableSorting(enableSorting: boolean): this {
    return this._opt('sort', enableSorting ? 'enable' : 'disable');
  }
  showRowNumberColumn(showRowNumber: boolean): this {
    return this._opt('showRowNumber', Boolean(showRowNumber));
  }
  useAlternatingRowStyle(alternate: boolean): this {
    return this._opt('alternatingRowStyle', Boolean(alternate));
  }
}

export class EmbeddedChart extends GasObject {
  readonly _className = 'EmbeddedChart';

  constructor(
    readonly _sheet: Sheet,
    readonly _state: ChartState,
  ) {
    super();
  }

  getChartId(): number | null {
    return this._state.chartId;
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo({ ...this._state.position });
  }
  getHiddenDimensionStrategy(): string {
    return this._state.hiddenDimensionStrategy;
  }
  getMergeStrategy(): string {
    return this._state.mergeStrategy;
  }
  getNumHeaders(): number {
    return this._state.numHeaders;
  }
  getOptions(): ChartOptions {
    return new ChartOptions(cloneState(this._state).options);
  }
  getRanges(): Range[] {
    return [...this._state.ranges];
  }
  getTransposeRowsAndColumns(): boolean {
    return this._state.transpose;
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._sheet, cloneState(this._state));
  }
}

/** A chart as the sheet keeps it: source ranges are anchors that follow structural changes. */
export interface StoredChart {
  state: ChartState;
  anchors: { sheet: Sheet; anchor: Anchor }[];
}

export function storeChart(chart: EmbeddedChart, chartId: number): StoredChart {
  const state = cloneState(chart._state);
  state.chartId = chartId;
  const anchors = state.ranges.map((r) => ({
    sheet: r._sheet,
    anchor: r._sheet._anchor(r._row, r._column, r._numRows, r._numColumns),
  }));
  return { state, anchors };
}

export function loadChart(sheet: Sheet, stored: StoredChart): EmbeddedChart {
  const state = cloneState(stored.state);
  state.ranges = stored.anchors
    .filter((x) => !x.anchor.dead)
    .map((x) => x.sheet._rangeAt(x.anchor.r1, x.anchor.c1, x.anchor.numRows, x.anchor.numColumns));
  return new EmbeddedChart(sheet, state);
}

export function dropChartAnchors(stored: StoredChart): void {
  for (const x of stored.anchors) x.sheet._anchors.delete(x.anchor);
}

/** The Charts service: only its enums are emulated (standalone chart builders are not). */
export class ChartsService extends GasObject {
  readonly _className = 'Charts';

  constructor(readonly _env?: unknown) {
    super();
  }

  readonly ChartType = ChartType;
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly Position = LegendPosition;
}

/** The runtime's name for the service. */
export { ChartsService as Charts };
