/**
 * Range: values, formulas, notes, validation and checkboxes of a fixed rectangle of cells
 * (geometry in range-base.ts, formatting in range-format.ts).
 *
 * Documented behaviour relied on (developers.google.com/apps-script/reference/spreadsheet/range):
 * getValues() is rows×columns with '' for empty cells and Number/Boolean/Date/String values;
 * setValues() needs data of exactly the range's size; setValue on a multi-cell range sets every
 * cell; strings are interpreted as typed input (see values.ts).
 */
import { GasError } from '../errors';
import { columnToLetters, rangeA1 } from './a1';
import { TextFinder } from './text-finder';
import { Protection } from './protection';
import type { ClearOptions } from './range-base';
import { FormattedRange } from './range-format';
import { copyRange, sortRange, trimRange } from './range-ops';
import type { Sheet } from './sheet';
import { DataValidation, DataValidationBuilder } from './validation';
import { Cell, DateCell, displayCell, readCell, assertCellLength } from './values';
import { applyTyped, assertRectangular, assertScriptCanEdit, scriptWrite, typeAll } from './write';

export class Range extends FormattedRange {
  readonly _className = 'Range';

  // ------------------------------------------------------------------ geometry

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
  createTextFinder(findText: string): TextFinder {
    return new TextFinder(String(findText), { kind: 'range', range: this });
  }

  /** Set by Sheet.getRange(a1) for whole-row / whole-column / open-ended references. */
  declare _openA1?: 'rows' | 'columns';

  /** "5:7" and "D:F" come back in that form (normalised: "F:D" → "D:F", "5:2" → "2:5"). */
  getA1Notation(): string {
    if (this._openA1 === 'columns')
      return `${columnToLetters(this._column)}:${columnToLetters(this._column + this._numColumns - 1)}`;
    if (this._openA1 === 'rows') return `${this._row}:${this._row + this._numRows - 1}`;
    return rangeA1(this._row, this._column, this._numRows, this._numColumns);
  }
  getSheet(): Sheet {
    return this._sheet;
  }
  getGridId(): number {
    return this._sheet._sheetId;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this._sheet.getRange(
      this._row + rowOffset,
      this._column + columnOffset,
      numRows ?? this._numRows,
      numColumns ?? this._numColumns,
    );
  }

  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numColumns)
      throw new GasError('Cell reference out of range');
    return this._sheet._rangeAt(this._row + row - 1, this._column + column - 1, 1, 1);
  }

  activate(): this {
    this._sheet._activeRange = {
      row: this._row,
      column: this._column,
      numRows: this._numRows,
      numColumns: this._numColumns,
    };
    this._sheet.activate();
    return this;
  }

  protect(): Protection {
    const p = new Protection(
      this._sheet,
      'RANGE',
      this._sheet._anchor(this._row, this._column, this._numRows, this._numColumns),
    );
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

  getValues(): unknown[][] {
    // The hot path of every batch read: a plain loop, no per-cell closures.
    const tz = this._sheet._timeZone();
    const rows = this._sheet._cells.values.rows;
    const formatRows = this._sheet._cells.styles.numberFormat.rows;
    const r0 = this._row - 1;
    const c0 = this._column - 1;
    const nc = this._numColumns;
    const out = new Array<unknown[]>(this._numRows);
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
          else {
            const fmt = formats === undefined ? undefined : (formats[c0 + j] as string | undefined);
            line[j] = typeof v === 'number' && fmt === undefined ? v : readCell(v, fmt, tz);
          }
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
    return this._read(this._sheet._cells.values, (v: Cell | undefined, r, c) =>
      displayCell(v, formats.get(r, c) as string | undefined, tz),
    );
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
    const line = new Array<unknown>(this._numColumns).fill(value);
    scriptWrite(
      this._sheet,
      this._row,
      this._column,
      Array.from({ length: this._numRows }, () => line),
    );
    return this;
  }

  isBlank(): boolean {
    const { values, formulas } = this._sheet._cells;
    for (let r = this._row - 1; r < this._r2; r++) {
      for (let c = this._column - 1; c < this._c2; c++)
        if (values.get(r, c) !== undefined || formulas.get(r, c) !== undefined) return false;
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
    return this.setFormulas(
      Array.from({ length: this._numRows }, () => new Array<string>(this._numColumns).fill(formula)),
    );
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
    return this.setNotes(
      Array.from({ length: this._numRows }, () => new Array<string | null>(this._numColumns).fill(note)),
    );
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

  // ------------------------------------------------------------------ validation and checkboxes

  getDataValidations(): (DataValidation | null)[][] {
    return this._read(this._sheet._cells.validations, (v) => v ?? null);
  }
  getDataValidation(): DataValidation | null {
    return this._sheet._cells.validations.get(this._row - 1, this._column - 1) ?? null;
  }
  setDataValidation(rule: DataValidation | null): this {
    if (rule !== null && !(rule instanceof DataValidation))
      throw new GasError(
        "The parameters (DataValidationBuilder) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
      );
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    this._sheet._cells.validations.fill(this._row - 1, this._column - 1, this._r2 - 1, this._c2 - 1, rule ?? undefined);
    return this;
  }
  setDataValidations(rules: (DataValidation | null)[][]): this {
    assertRectangular(rules, this._numRows, this._numColumns);
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    const grid = this._sheet._cells.validations;
    rules.forEach((line, i) =>
      line.forEach((v, j) => grid.set(this._row - 1 + i, this._column - 1 + j, v ?? undefined)),
    );
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
      for (let c = this._column - 1; c < this._c2; c++)
        if (validations.get(r, c)?._spec.criteria === 'CHECKBOX') validations.set(r, c, undefined);
    }
    return this;
  }
  private _checkboxValues(checked: boolean): unknown[][] {
    return this._read(this._sheet._cells.validations, (rule, r, c) => {
      const current = this._sheet._cells.values.get(r, c);
      if (!rule || rule._spec.criteria !== 'CHECKBOX')
        return current instanceof DateCell ? new Date(current.ms) : (current ?? '');
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
