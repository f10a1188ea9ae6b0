/**
 * Range: fixed coordinates on a sheet (1-based), as in Apps Script — a Range obtained before a
 * row is inserted still points at the same cells afterwards.
 *
 * Documented behaviour relied on (developers.google.com/apps-script/reference/spreadsheet/range):
 * getValues() is rows×columns with '' for empty cells and Number/Boolean/Date/String values;
 * setValues() needs data of exactly the range's size; setValue on a multi-cell range sets every
 * cell; strings are interpreted as typed input (see values.ts).
 */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { rangeA1 } from './a1';
import { StyleKey, STYLE_DEFAULTS } from './cells';
import { normalizeColor } from './colors';
import { Protection } from './protection';
import type { Sheet } from './sheet';
import { DataValidation, DataValidationBuilder } from './validation';
import { Cell, DateCell, displayCell, readCell, reportedFormat, assertCellLength } from './values';
import { applyTyped, assertRectangular, assertScriptCanEdit, scriptWrite, typeAll } from './write';
import { copyRange, sortRange, trimRange } from './range-ops';

type ClearOptions = { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean };

export class Range extends GasObject {
  readonly _className = 'Range';

  constructor(
    readonly _sheet: Sheet,
    readonly _row: number,
    readonly _column: number,
    readonly _numRows: number,
    readonly _numColumns: number,
  ) {
    super();
  }

  // ------------------------------------------------------------------ geometry

  private get _r2(): number {
    return this._row + this._numRows - 1;
  }
  private get _c2(): number {
    return this._column + this._numColumns - 1;
  }

  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getColumn(): number {
    return this._column;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numColumns;
  }
  getHeight(): number {
    return this._numRows;
  }
  getWidth(): number {
    return this._numColumns;
  }
  /** The end row of the range (not of the data), as documented. */
  getLastRow(): number {
    return this._r2;
  }
  getLastColumn(): number {
    return this._c2;
  }
  getA1Notation(): string {
    return rangeA1(this._row, this._column, this._numRows, this._numColumns);
  }
  getSheet(): Sheet {
    return this._sheet;
  }
  getGridId(): number {
    return this._sheet._sheetId;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this._sheet.getRange(this._row + rowOffset, this._column + columnOffset, numRows ?? this._numRows, numColumns ?? this._numColumns);
  }

  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numColumns) throw new GasError('Cell reference out of range');
    return this._sheet._rangeAt(this._row + row - 1, this._column + column - 1, 1, 1);
  }

  activate(): this {
    this._sheet._activeRange = { row: this._row, column: this._column, numRows: this._numRows, numColumns: this._numColumns };
    this._sheet.activate();
    return this;
  }

  protect(): Protection {
    const p = new Protection(this._sheet, 'RANGE', this._sheet._anchor(this._row, this._column, this._numRows, this._numColumns));
    this._sheet._spreadsheet._protections.push(p);
    return p;
  }

  canEdit(): boolean {
    try {
      assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
      return true;
    } catch {
      return false;
    }
  }

  // ------------------------------------------------------------------ values

  /** Reads one layer of the rectangle as rows×columns, mapping each stored entry. */
  private _read<T, U>(grid: { rows: (T[] | undefined)[] }, map: (v: T | undefined, r: number, c: number) => U): U[][] {
    const out: U[][] = new Array(this._numRows);
    const r0 = this._row - 1;
    const c0 = this._column - 1;
    for (let i = 0; i < this._numRows; i++) {
      const row = grid.rows[r0 + i];
      const line: U[] = new Array(this._numColumns);
      for (let j = 0; j < this._numColumns; j++) line[j] = map(row === undefined ? undefined : row[c0 + j], r0 + i, c0 + j);
      out[i] = line;
    }
    return out;
  }

  getValues(): unknown[][] {
    // The hot path of every batch read: a plain loop, no per-cell closures.
    const tz = this._sheet._timeZone();
    const rows = this._sheet._cells.values.rows;
    const formatRows = this._sheet._cells.styles.numberFormat.rows;
    const r0 = this._row - 1;
    const c0 = this._column - 1;
    const nc = this._numColumns;
    const out: unknown[][] = new Array(this._numRows);
    for (let i = 0; i < this._numRows; i++) {
      const row = rows[r0 + i];
      const formats = formatRows[r0 + i];
      const line: unknown[] = new Array(nc);
      if (row === undefined) {
        for (let j = 0; j < nc; j++) line[j] = '';
      } else {
        for (let j = 0; j < nc; j++) {
          const v = row[c0 + j];
          if (v === undefined) line[j] = '';
          else if (typeof v === 'string' || typeof v === 'boolean') line[j] = v;
          else line[j] = readCell(v, formats === undefined ? undefined : (formats[c0 + j] as string | undefined), tz);
        }
      }
      out[i] = line;
    }
    return out;
  }

  getValue(): unknown {
    return this._sheet._rangeAt(this._row, this._column, 1, 1).getValues()[0][0];
  }

  getDisplayValues(): string[][] {
    const tz = this._sheet._timeZone();
    const formats = this._sheet._cells.styles.numberFormat;
    return this._read(this._sheet._cells.values, (v: Cell | undefined, r, c) => displayCell(v, formats.get(r, c) as string | undefined, tz));
  }

  getDisplayValue(): string {
    return this._sheet._rangeAt(this._row, this._column, 1, 1).getDisplayValues()[0][0];
  }

  /** Host: display values in reading order (used by requireValueInRange checks). */
  _displayValuesFlat(): string[] {
    return this.getDisplayValues().flat();
  }

  setValues(values: unknown[][]): this {
    assertRectangular(values, this._numRows, this._numColumns);
    scriptWrite(this._sheet, this._row, this._column, values);
    return this;
  }

  setValue(value: unknown): this {
    const line = new Array(this._numColumns).fill(value);
    scriptWrite(this._sheet, this._row, this._column, Array.from({ length: this._numRows }, () => line));
    return this;
  }

  isBlank(): boolean {
    const { values, formulas } = this._sheet._cells;
    for (let r = this._row - 1; r < this._r2; r++) {
      for (let c = this._column - 1; c < this._c2; c++) if (values.get(r, c) !== undefined || formulas.get(r, c) !== undefined) return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ formulas

  getFormulas(): string[][] {
    return this._read(this._sheet._cells.formulas, (f) => f ?? '');
  }

  getFormula(): string {
    return this._sheet._cells.formulas.get(this._row - 1, this._column - 1) ?? '';
  }

  setFormula(formula: string): this {
    return this.setFormulas(Array.from({ length: this._numRows }, () => new Array(this._numColumns).fill(formula)));
  }

  setFormulas(formulas: string[][]): this {
    assertRectangular(formulas, this._numRows, this._numColumns);
    // A formula is typed like input ("=…"); anything else is written as a value.
    const asText = formulas.map((line) => line.map((f) => (f === null || f === undefined ? '' : String(f))));
    const typed = typeAll(this._sheet, this._row, this._column, asText, 'user');
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    applyTyped(this._sheet, this._row, this._column, typed);
    return this;
  }

  // ------------------------------------------------------------------ notes

  getNotes(): string[][] {
    return this._read(this._sheet._cells.notes, (n) => n ?? '');
  }

  getNote(): string {
    return this._sheet._cells.notes.get(this._row - 1, this._column - 1) ?? '';
  }

  setNote(note: string | null): this {
    return this.setNotes(Array.from({ length: this._numRows }, () => new Array(this._numColumns).fill(note)));
  }

  setNotes(notes: (string | null)[][]): this {
    assertRectangular(notes, this._numRows, this._numColumns);
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    const grid = this._sheet._cells.notes;
    notes.forEach((line, i) =>
      line.forEach((n, j) => {
        const text = n === null || n === undefined || n === '' ? undefined : String(n);
        if (text) assertCellLength(text);
        grid.set(this._row - 1 + i, this._column - 1 + j, text);
      }),
    );
    return this;
  }

  clearNote(): this {
    return this._clear({ commentsOnly: true });
  }

  // ------------------------------------------------------------------ formatting

  private _styles<T>(key: StyleKey): T[][] {
    const def = STYLE_DEFAULTS[key];
    return this._read(this._sheet._cells.styles[key], (v) => (v === undefined ? def : v) as T);
  }

  private _style<T>(key: StyleKey): T {
    const v = this._sheet._cells.styles[key].get(this._row - 1, this._column - 1);
    return (v === undefined ? STYLE_DEFAULTS[key] : v) as T;
  }

  private _setStyle(key: StyleKey, value: unknown): this {
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    this._sheet._cells.styles[key].fill(this._row - 1, this._column - 1, this._r2 - 1, this._c2 - 1, value === null ? undefined : value);
    return this;
  }

  private _setStyles(key: StyleKey, values: unknown[][], map: (v: unknown) => unknown = (v) => v): this {
    assertRectangular(values, this._numRows, this._numColumns);
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    const grid = this._sheet._cells.styles[key];
    values.forEach((line, i) => line.forEach((v, j) => grid.set(this._row - 1 + i, this._column - 1 + j, v === null || v === undefined ? undefined : map(v))));
    return this;
  }

  getNumberFormats(): string[][] {
    return this._read(this._sheet._cells.styles.numberFormat, (f) => reportedFormat(f as string | undefined));
  }
  getNumberFormat(): string {
    return reportedFormat(this._sheet._cells.styles.numberFormat.get(this._row - 1, this._column - 1) as string | undefined);
  }
  setNumberFormat(numberFormat: string): this {
    return this._setStyle('numberFormat', String(numberFormat));
  }
  setNumberFormats(numberFormats: string[][]): this {
    return this._setStyles('numberFormat', numberFormats, String);
  }

  getBackgrounds(): string[][] {
    return this._styles('background');
  }
  getBackground(): string {
    return this._style('background');
  }
  setBackground(color: string | null): this {
    return this._setStyle('background', color === null ? null : normalizeColor(color));
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this._setStyles('background', colors, (c) => normalizeColor(String(c)));
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = [red, green, blue].map((n) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0')).join('');
    return this._setStyle('background', `#${hex}`);
  }

  getFontColor(): string {
    return this._style('fontColor');
  }
  setFontColor(color: string | null): this {
    return this._setStyle('fontColor', color === null ? null : normalizeColor(color));
  }
  setFontColors(colors: unknown[][]): this {
    return this._setStyles('fontColor', colors, (c) => normalizeColor(String(c)));
  }

  getFontWeights(): string[][] {
    return this._styles('fontWeight');
  }
  getFontWeight(): string {
    return this._style('fontWeight');
  }
  setFontWeight(fontWeight: 'normal' | 'bold' | null): this {
    return this._setStyle('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: ('normal' | 'bold' | null)[][]): this {
    return this._setStyles('fontWeight', fontWeights);
  }

  getFontStyles(): string[][] {
    return this._styles('fontStyle');
  }
  getFontStyle(): string {
    return this._style('fontStyle');
  }
  setFontStyle(fontStyle: 'normal' | 'italic' | null): this {
    return this._setStyle('fontStyle', fontStyle);
  }
  setFontStyles(fontStyles: ('normal' | 'italic' | null)[][]): this {
    return this._setStyles('fontStyle', fontStyles);
  }

  getFontSizes(): number[][] {
    return this._styles('fontSize');
  }
  getFontSize(): number {
    return this._style('fontSize');
  }
  setFontSize(size: number): this {
    return this._setStyle('fontSize', size);
  }
  setFontSizes(sizes: number[][]): this {
    return this._setStyles('fontSize', sizes);
  }

  getFontFamilies(): string[][] {
    return this._styles('fontFamily');
  }
  getFontFamily(): string {
    return this._style('fontFamily');
  }
  setFontFamily(fontFamily: string | null): this {
    return this._setStyle('fontFamily', fontFamily);
  }
  setFontFamilies(fontFamilies: (string | null)[][]): this {
    return this._setStyles('fontFamily', fontFamilies);
  }

  getFontLines(): string[][] {
    return this._styles('fontLine');
  }
  getFontLine(): string {
    return this._style('fontLine');
  }
  setFontLine(fontLine: string | null): this {
    return this._setStyle('fontLine', fontLine);
  }
  setFontLines(fontLines: (string | null)[][]): this {
    return this._setStyles('fontLine', fontLines);
  }

  getHorizontalAlignments(): string[][] {
    return this._styles('horizontalAlignment');
  }
  getHorizontalAlignment(): string {
    return this._style('horizontalAlignment');
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._setStyle('horizontalAlignment', alignment);
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this._setStyles('horizontalAlignment', alignments);
  }

  getVerticalAlignments(): string[][] {
    return this._styles('verticalAlignment');
  }
  getVerticalAlignment(): string {
    return this._style('verticalAlignment');
  }
  setVerticalAlignment(alignment: string | null): this {
    return this._setStyle('verticalAlignment', alignment);
  }
  setVerticalAlignments(alignments: (string | null)[][]): this {
    return this._setStyles('verticalAlignment', alignments);
  }

  getWrapStrategies(): string[][] {
    return this._styles('wrapStrategy');
  }
  getWrapStrategy(): string {
    return this._style('wrapStrategy');
  }
  setWrapStrategy(strategy: string): this {
    return this._setStyle('wrapStrategy', strategy);
  }
  setWrapStrategies(strategies: string[][]): this {
    return this._setStyles('wrapStrategy', strategies);
  }
  getWraps(): boolean[][] {
    return this._styles<string>('wrapStrategy').map((l) => l.map((s) => s === 'WRAP'));
  }
  getWrap(): boolean {
    return this._style('wrapStrategy') === 'WRAP';
  }
  setWrap(isWrapEnabled: boolean): this {
    return this._setStyle('wrapStrategy', isWrapEnabled ? 'WRAP' : 'OVERFLOW');
  }
  setWraps(isWrapEnabled: boolean[][]): this {
    return this._setStyles('wrapStrategy', isWrapEnabled, (w) => (w ? 'WRAP' : 'OVERFLOW'));
  }

  /** Borders are recorded (for the workbook output) but not styled per side. */
  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null, vertical: boolean | null, horizontal: boolean | null, color?: string | null, style?: string | null): this {
    const any = [top, left, bottom, right, vertical, horizontal].some((b) => b === true);
    const none = [top, left, bottom, right, vertical, horizontal].every((b) => b === false);
    if (!any && !none) return this;
    return this._setStyle('border', any ? { top, left, bottom, right, vertical, horizontal, color: color ?? '#000000', style: style ?? 'SOLID' } : null);
  }

  clearFormat(): this {
    return this._clear({ formatOnly: true });
  }

  // ------------------------------------------------------------------ validation and checkboxes

  getDataValidations(): (DataValidation | null)[][] {
    return this._read(this._sheet._cells.validations, (v) => v ?? null);
  }
  getDataValidation(): DataValidation | null {
    return this._sheet._cells.validations.get(this._row - 1, this._column - 1) ?? null;
  }
  setDataValidation(rule: DataValidation | null): this {
    if (rule !== null && !(rule instanceof DataValidation)) throw new GasError('The parameters (DataValidationBuilder) don\'t match the method signature for SpreadsheetApp.Range.setDataValidation.');
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    this._sheet._cells.validations.fill(this._row - 1, this._column - 1, this._r2 - 1, this._c2 - 1, rule ?? undefined);
    return this;
  }
  setDataValidations(rules: (DataValidation | null)[][]): this {
    assertRectangular(rules, this._numRows, this._numColumns);
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    const grid = this._sheet._cells.validations;
    rules.forEach((line, i) => line.forEach((v, j) => grid.set(this._row - 1 + i, this._column - 1 + j, v ?? undefined)));
    return this;
  }
  clearDataValidations(): this {
    return this._clear({ validationsOnly: true });
  }

  /** Checkbox cells ("Sets the value of all cells in the range to false", per the docs). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const rule = new DataValidationBuilder().requireCheckbox(checkedValue, uncheckedValue).build();
    this.setDataValidation(rule);
    const unchecked = checkedValue === undefined ? false : uncheckedValue === undefined ? '' : uncheckedValue;
    return this.setValue(unchecked);
  }
  removeCheckboxes(): this {
    const { validations } = this._sheet._cells;
    for (let r = this._row - 1; r < this._r2; r++) {
      for (let c = this._column - 1; c < this._c2; c++) if (validations.get(r, c)?._spec.criteria === 'CHECKBOX') validations.set(r, c, undefined);
    }
    return this;
  }
  private _checkboxValues(checked: boolean): unknown[][] {
    return this._read(this._sheet._cells.validations, (rule, r, c) => {
      const current = this._sheet._cells.values.get(r, c);
      if (!rule || rule._spec.criteria !== 'CHECKBOX') return current instanceof DateCell ? new Date(current.ms) : current ?? '';
      const a = rule._spec.args;
      if (a.length === 0) return checked;
      return checked ? a[0] : a.length > 1 ? a[1] : '';
    });
  }
  check(): this {
    return this.setValues(this._checkboxValues(true));
  }
  uncheck(): this {
    return this.setValues(this._checkboxValues(false));
  }
  isChecked(): boolean | null {
    let all: boolean | null = null;
    const { validations, values } = this._sheet._cells;
    for (let r = this._row - 1; r < this._r2; r++) {
      for (let c = this._column - 1; c < this._c2; c++) {
        const rule = validations.get(r, c);
        if (!rule || rule._spec.criteria !== 'CHECKBOX') return null;
        const v = values.get(r, c);
        const on = rule._spec.args.length === 0 ? v === true : v === rule._spec.args[0];
        if (all === null) all = on;
        else if (all !== on) return null;
      }
    }
    return all;
  }

  // ------------------------------------------------------------------ clearing, sorting, copying

  private _clear(options: ClearOptions): this {
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    const some = options.commentsOnly || options.contentsOnly || options.formatOnly || options.validationsOnly;
    this._sheet._cells.clear(this._row, this._column, this._r2, this._c2, {
      contents: !some || options.contentsOnly,
      formats: !some || options.formatOnly,
      notes: !some || options.commentsOnly,
      validations: !some || options.validationsOnly,
    });
    return this;
  }

  clear(options?: ClearOptions): this {
    return this._clear(options ?? {});
  }
  clearContent(): this {
    return this._clear({ contentsOnly: true });
  }

  sort(sortSpecObj: unknown): this {
    sortRange(this, sortSpecObj);
    return this;
  }

  copyTo(destination: Range, optionsOrType?: unknown, transposed?: boolean): void {
    copyRange(this, destination, optionsOrType, transposed);
  }

  trimWhitespace(): this {
    trimRange(this);
    return this;
  }
}
