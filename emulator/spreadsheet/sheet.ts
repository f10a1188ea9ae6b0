/**
 * Sheet: one tab of a spreadsheet. A new sheet has 1,000 rows and 26 columns (as in Sheets).
 *
 * Documented behaviour relied on (developers.google.com/apps-script/reference/spreadsheet/sheet):
 * getLastRow()/getLastColumn() are the last row/column with content (0 on an empty sheet);
 * getRange() rejects coordinates outside the grid; appendRow() writes after the last row with
 * content, growing the grid when needed; insert/delete shift everything below/right.
 */
import { GasError } from '../errors';
import type { NamedRange } from './named-range';
import { TextFinder } from './text-finder';
import { GasObject } from '../gas-object';
import { parseA1 } from './a1';
import { Anchor } from './anchor';
import { CellStore } from './cells';
import {
  EmbeddedChart,
  EmbeddedChartBuilder,
  StoredChart,
  dropChartAnchors,
  loadChart,
  newChartState,
  storeChart,
} from './charts';
import { ConditionalFormatRule, StoredRule, loadRule, storeRule } from './conditional-format';
import { Protection, ProtectionTypeName } from './protection';
import { Range } from './range';
import type { Spreadsheet } from './spreadsheet';
import { deleteColumns, deleteRows, insertColumns, insertRows } from './structure';
import { EditOutcome, applyTyped, typeAll, userEdit, scriptWrite, assertScriptCanEdit } from './write';
import { snapshotSheet, SheetSnapshot } from './snapshot';
import { normalizeColor } from './colors';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

/** New rows/columns take the formatting of the one before them (the one after at the very top). */
const neighbourBefore = (position: number) => (position > 1 ? position - 1 : position);

const typeName = (v: unknown) =>
  v === null ? 'null' : typeof v === 'string' ? 'String' : typeof v === 'object' ? 'Object' : typeof v;

export class Sheet extends GasObject {
  readonly _className = 'Sheet';
  readonly _cells = new CellStore();
  readonly _anchors = new Set<Anchor>();
  _frozenRows = 0;
  _frozenColumns = 0;
  _hidden = false;
  _tabColor: string | null = null;
  _columnWidths: (number | undefined)[] = [];
  _rowHeights: (number | undefined)[] = [];
  _hiddenRows: (true | undefined)[] = [];
  _hiddenColumns: (true | undefined)[] = [];
  _conditionalRules: StoredRule[] = [];
  _charts: StoredChart[] = [];
  _formUrl: string | null = null;
  _activeRange = { row: 1, column: 1, numRows: 1, numColumns: 1 };

  constructor(
    readonly _spreadsheet: Spreadsheet,
    public _name: string,
    readonly _sheetId: number,
    public _maxRows = DEFAULT_ROWS,
    public _maxColumns = DEFAULT_COLUMNS,
  ) {
    super();
  }

  // ------------------------------------------------------------------ host helpers

  _timeZone(): string {
    return this._spreadsheet._timeZone;
  }

  _now(): number {
    return this._spreadsheet._env.clock.now();
  }

  /** A Range without bounds checks (host use; coordinates must be valid). */
  _rangeAt(row: number, column: number, numRows: number, numColumns: number): Range {
    return new Range(this, row, column, numRows, numColumns);
  }

  /** A stored rectangle that follows structural changes of this sheet. */
  _anchor(row: number, column: number, numRows: number, numColumns: number): Anchor {
    const a = new Anchor(row, column, row + numRows - 1, column + numColumns - 1);
    this._anchors.add(a);
    return a;
  }

  /** Removes what lost all its cells in a deletion (protections, named ranges, format rules). */
  _dropDeadAnchors(): void {
    const ss = this._spreadsheet;
    for (const p of ss._protections.filter((x) => x._sheet === this && x._anchor?.dead)) p.remove();
    for (const n of ss._namedRanges.filter((x) => x._sheet === this && x._anchorRef.dead)) ss.removeNamedRange(n._name);
    this._conditionalRules = this._conditionalRules.filter((r) => r.anchors.some((a) => !a.dead));
    for (const a of [...this._anchors]) if (a.dead) this._anchors.delete(a);
  }

  /** Grows the grid (rows first, then columns) so that (rows, columns) fits. */
  _ensureSize(rows: number, columns: number): void {
    const addRows = Math.max(0, rows - this._maxRows);
    const addColumns = Math.max(0, columns - this._maxColumns);
    if (addRows === 0 && addColumns === 0) return;
    this._spreadsheet._assertCellBudget(addRows * this._maxColumns + addColumns * (this._maxRows + addRows));
    this._maxRows += addRows;
    this._maxColumns += addColumns;
  }

  /** System write (Google Forms, setup by the runtime): no parsing, no protection, grows the grid. */
  _writeRaw(row: number, column: number, values: unknown[][]): void {
    const width = Math.max(0, ...values.map((l) => l.length));
    if (values.length === 0 || width === 0) return;
    this._ensureSize(row + values.length - 1, column + width - 1);
    applyTyped(this, row, column, typeAll(this, row, column, values, 'raw'));
  }

  /** A user typing (or pasting) `values` at (row, column), with the UI's parsing and checks. */
  _userEdit(userEmail: string, row: number, column: number, values: unknown[][]): EditOutcome {
    return userEdit(this, userEmail, row, column, values);
  }

  _setFormUrl(url: string | null): void {
    this._formUrl = url;
  }

  _snapshot(): SheetSnapshot {
    return snapshotSheet(this);
  }

  // ------------------------------------------------------------------ identity

  getName(): string {
    return this._name;
  }
  getSheetName(): string {
    return this._name;
  }
  setName(name: string): this {
    this._spreadsheet._assertSheetName(String(name), this);
    this._name = String(name);
    return this;
  }
  getSheetId(): number {
    return this._sheetId;
  }
  getIndex(): number {
    return this._spreadsheet._sheets.indexOf(this) + 1;
  }
  getParent(): Spreadsheet {
    return this._spreadsheet;
  }
  getType(): string {
    return 'GRID';
  }
  getFormUrl(): string | null {
    return this._formUrl;
  }
  activate(): this {
    this._hidden = false;
    this._spreadsheet._activeSheet = this;
    return this;
  }
  hideSheet(): this {
    if (this._spreadsheet._sheets.filter((s) => !s._hidden && s !== this).length === 0) {
      throw new GasError('Sorry, it is not possible to hide all sheets in a document.');
    }
    this._hidden = true;
    return this;
  }
  showSheet(): this {
    this._hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  getTabColor(): string | null {
    return this._tabColor;
  }
  setTabColor(color: string | null): this {
    this._tabColor = color === null ? null : normalizeColor(color);
    return this;
  }

  // ------------------------------------------------------------------ grid

  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxColumns;
  }
  getLastRow(): number {
    return this._cells.lastRow();
  }
  getLastColumn(): number {
    return this._cells.lastColumn();
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === 'string' && column === undefined) return this._rangeFromA1(a);
    const args = [a, column, numRows, numColumns].slice(
      0,
      numColumns !== undefined ? 4 : numRows !== undefined ? 3 : 2,
    );
    if (args.some((x) => typeof x !== 'number' || Number.isNaN(x))) {
      throw new GasError(
        `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    const [row, col, nr, nc] = [
      Math.floor(a as number),
      Math.floor(column as number),
      Math.floor(numRows ?? 1),
      Math.floor(numColumns ?? 1),
    ];
    return this._checkedRange(row, col, nr, nc);
  }

  _checkedRange(row: number, column: number, numRows: number, numColumns: number): Range {
    if (row < 1) throw new GasError('The starting row of the range is too small.');
    if (column < 1) throw new GasError('The starting column of the range is too small.');
    if (numRows < 1) throw new GasError('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new GasError('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._maxRows || column + numColumns - 1 > this._maxColumns) {
      throw new GasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(this, row, column, numRows, numColumns);
  }

  _rangeFromA1(a1: string): Range {
    const ref = parseA1(a1);
    const sheet = ref.sheetName === null ? this : this._spreadsheet.getSheetByName(ref.sheetName);
    if (!sheet) throw new GasError('Range not found');
    const r1 = ref.startRow ?? 1;
    const c1 = ref.startColumn ?? 1;
    const r2 = ref.endRow ?? sheet._maxRows;
    const c2 = ref.endColumn ?? sheet._maxColumns;
    const range = sheet._checkedRange(r1, c1, r2 - r1 + 1, c2 - c1 + 1);
    // Whole rows ("5:7") and whole columns ("D:F") keep their form in getA1Notation; an open end
    // ("A2:C") comes back bounded ("A2:C1000").
    if (ref.startRow === null && ref.endRow === null) range._openA1 = 'columns';
    else if (ref.startColumn === null && ref.endColumn === null) range._openA1 = 'rows';
    return range;
  }

  getDataRange(): Range {
    return this._rangeAt(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const nr = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const nc = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return this.getRange(startRow, startColumn, nr, nc).getValues();
  }

  getActiveRange(): Range {
    const a = this._activeRange;
    return this._rangeAt(a.row, a.column, a.numRows, a.numColumns);
  }
  getActiveCell(): Range {
    return this._rangeAt(this._activeRange.row, this._activeRange.column, 1, 1);
  }
  getCurrentCell(): Range {
    return this.getActiveCell();
  }
  setActiveRange(range: Range): Range {
    return range.activate();
  }
  setActiveSelection(range: Range | string): Range {
    return (typeof range === 'string' ? this.getRange(range) : range).activate();
  }

  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents))
      throw new GasError(
        `The parameters (${typeName(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    if (rowContents.length === 0) return this;
    const row = this.getLastRow() + 1;
    // Check limits and typing before the grid grows, so a failed append changes nothing.
    typeAll(this, row, 1, [rowContents], 'script');
    this._ensureSize(row, rowContents.length);
    scriptWrite(this, row, 1, [rowContents]);
    return this;
  }

  // ------------------------------------------------------------------ rows and columns

  insertRowBefore(beforePosition: number): this {
    insertRows(this, beforePosition, 1, neighbourBefore(beforePosition));
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    insertRows(this, afterPosition + 1, 1, afterPosition);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    insertRows(this, beforePosition, howMany, neighbourBefore(beforePosition));
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    insertRows(this, afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertRows(rowIndex: number, numRows = 1): void {
    insertRows(this, rowIndex, numRows, neighbourBefore(rowIndex));
  }
  deleteRow(rowPosition: number): this {
    deleteRows(this, rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    deleteRows(this, rowPosition, howMany);
  }
  insertColumnBefore(beforePosition: number): this {
    insertColumns(this, beforePosition, 1, neighbourBefore(beforePosition));
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    insertColumns(this, afterPosition + 1, 1, afterPosition);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    insertColumns(this, beforePosition, howMany, neighbourBefore(beforePosition));
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    insertColumns(this, afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    insertColumns(this, columnIndex, numColumns, neighbourBefore(columnIndex));
  }
  deleteColumn(columnPosition: number): this {
    deleteColumns(this, columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    deleteColumns(this, columnPosition, howMany);
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0 || rows >= this._maxRows)
      throw new GasError('Sorry, it is not possible to freeze all rows.');
    this._frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0 || columns >= this._maxColumns)
      throw new GasError('Sorry, it is not possible to freeze all columns.');
    this._frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._frozenColumns;
  }

  getColumnWidth(columnPosition: number): number {
    return this._columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this._columnWidths[columnPosition - 1] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._columnWidths[c - 1] = width;
    return this;
  }
  /** Fits columns to their longest displayed text (about 7 px per character, as Arial 10 renders). */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    const lastRow = Math.max(1, this.getLastRow());
    const shown = this._rangeAt(1, startColumn, lastRow, numColumns).getDisplayValues();
    for (let j = 0; j < numColumns; j++) {
      let longest = 0;
      for (const line of shown) for (const part of line[j].split('\n')) longest = Math.max(longest, part.length);
      this._columnWidths[startColumn - 1 + j] = Math.max(DEFAULT_COLUMN_WIDTH / 2, Math.min(1000, longest * 7 + 10));
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  getRowHeight(rowPosition: number): number {
    return this._rowHeights[rowPosition - 1] ?? DEFAULT_ROW_HEIGHT;
  }
  setRowHeight(rowPosition: number, height: number): this {
    this._rowHeights[rowPosition - 1] = height;
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    for (let r = startRow; r < startRow + numRows; r++) this._rowHeights[r - 1] = height;
    return this;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns[c - 1] = true;
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns[c - 1] = undefined;
  }
  hideColumn(column: Range): void {
    this.hideColumns(column._column, column._numColumns);
  }
  unhideColumn(column: Range): void {
    this.showColumns(column._column, column._numColumns);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._hiddenColumns[columnPosition - 1] === true;
  }
  hideRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this._hiddenRows[r - 1] = true;
  }
  showRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this._hiddenRows[r - 1] = undefined;
  }
  hideRow(row: Range): void {
    this.hideRows(row._row, row._numRows);
  }
  unhideRow(row: Range): void {
    this.showRows(row._row, row._numRows);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this._hiddenRows[rowPosition - 1] === true;
  }

  // ------------------------------------------------------------------ clearing and sorting

  /**
   * "Clears the sheet of content and formatting information" (reference/spreadsheet/sheet#clear()):
   * notes and data validation rules stay, unlike Range.clear().
   */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): this {
    const contentsOnly = !options?.formatOnly || options.contentsOnly === true;
    const formatOnly = !options?.contentsOnly || options.formatOnly === true;
    this._rangeAt(1, 1, this._maxRows, this._maxColumns).clear({ contentsOnly, formatOnly });
    return this;
  }

  /** The named ranges whose range is on this sheet. */
  getNamedRanges(): NamedRange[] {
    return this._spreadsheet.getNamedRanges().filter((n) => n._sheet === this);
  }

  createTextFinder(findText: string): TextFinder {
    return new TextFinder(String(findText), { kind: 'sheet', sheet: this });
  }
  clearContents(): this {
    this._rangeAt(1, 1, this._maxRows, this._maxColumns).clearContent();
    return this;
  }
  clearFormats(): this {
    this._rangeAt(1, 1, this._maxRows, this._maxColumns).clearFormat();
    return this;
  }
  clearNotes(): this {
    this._rangeAt(1, 1, this._maxRows, this._maxColumns).clearNote();
    return this;
  }

  /** Sorts the rows below the frozen rows by one column (documented Sheet.sort). */
  sort(columnPosition: number, ascending = true): this {
    if (!Number.isInteger(columnPosition) || columnPosition < 1 || columnPosition > this._maxColumns) {
      throw new GasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    const first = this._frozenRows + 1;
    const last = this.getLastRow();
    if (last < first) return this;
    assertScriptCanEdit(this, first, 1, last - first + 1, this._maxColumns);
    this._cells.sortRows(first, last, 1, this._maxColumns, [{ column: columnPosition, ascending }], this._timeZone());
    return this;
  }

  // ------------------------------------------------------------------ protections

  protect(): Protection {
    const existing = this._spreadsheet._protections.find((p) => p._sheet === this && p._type === 'SHEET');
    if (existing) return existing;
    const p = new Protection(this, 'SHEET', null);
    this._spreadsheet._protections.push(p);
    return p;
  }

  getProtections(type: ProtectionTypeName): Protection[] {
    if (type !== 'RANGE' && type !== 'SHEET')
      throw new GasError(
        `The parameters (${typeName(type)}) don't match the method signature for SpreadsheetApp.Sheet.getProtections.`,
      );
    return this._spreadsheet._protections.filter((p) => p._sheet === this && p._type === type);
  }

  // ------------------------------------------------------------------ conditional formats

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this._conditionalRules.map((r) => loadRule(this, r));
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof ConditionalFormatRule))) {
      throw new GasError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      );
    }
    for (const old of this._conditionalRules) for (const a of old.anchors) this._anchors.delete(a);
    this._conditionalRules = rules.map((r) => storeRule(this, r));
  }
  clearConditionalFormatRules(): void {
    this.setConditionalFormatRules([]);
  }

  // ------------------------------------------------------------------ charts

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this, newChartState());
  }
  insertChart(chart: EmbeddedChart): void {
    if (!(chart instanceof EmbeddedChart))
      throw new GasError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
      );
    const id = this._spreadsheet._nextChartId();
    this._charts.push(storeChart(chart, id));
    chart._state.chartId = id;
  }
  getCharts(): EmbeddedChart[] {
    return this._charts.map((c) => loadChart(this, c));
  }
  removeChart(chart: EmbeddedChart): void {
    const found = this._charts.find((c) => c.state.chartId !== null && c.state.chartId === chart._state.chartId);
    if (!found) throw new GasError('The chart could not be found.');
    dropChartAnchors(found);
    this._charts = this._charts.filter((c) => c !== found);
  }
  updateChart(chart: EmbeddedChart): void {
    const index = this._charts.findIndex((c) => c.state.chartId !== null && c.state.chartId === chart._state.chartId);
    if (index < 0) throw new GasError('The chart could not be found.');
    dropChartAnchors(this._charts[index]);
    this._charts[index] = storeChart(chart, chart._state.chartId as number);
  }
}
