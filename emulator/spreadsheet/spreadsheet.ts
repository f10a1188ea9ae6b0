/**
 * Spreadsheet: the file. Registered in env.files under its id (Drive-like), owned by env.owner.
 *
 * Documented behaviour relied on (developers.google.com/apps-script/reference/spreadsheet/spreadsheet):
 * insertSheet(sheetIndex) is 0-based; sheet names are unique; getSheetByName returns null when
 * absent; getFormUrl is null without a linked form; toast() needs no UI; a workbook holds at most
 * 10,000,000 cells (Google Sheets limits, support.google.com/drive/answer/37603).
 */
import { GasError } from '../errors';
import { TextFinder } from './text-finder';
import { GasObject } from '../gas-object';
import type { GasEnv } from '../env';
import { parseA1 } from './a1';
import { NamedRange, assertRangeName } from './named-range';
import { Protection, ProtectionTypeName } from './protection';
import type { Range } from './range';
import { Sheet, DEFAULT_COLUMNS, DEFAULT_ROWS } from './sheet';
import { SheetSnapshot } from './snapshot';
import { instantFromSerial, isValidTimeZone, serialFromInstant } from './time-zone';
import { DateCell } from './values';
import { emailOf, User } from './user';

export const MAX_CELLS = 10_000_000;

export interface Toast {
  at: string;
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

export interface SpreadsheetSnapshot {
  id: string;
  name: string;
  url: string;
  timeZone: string;
  sheets: SheetSnapshot[];
  namedRanges: { name: string; range: string }[];
}

export class Spreadsheet extends GasObject {
  readonly _className = 'Spreadsheet';
  _sheets: Sheet[] = [];
  _activeSheet: Sheet | null = null;
  _timeZone: string;
  _locale = 'en_US';
  _editors: string[] = [];
  _viewers: string[] = [];
  _protections: Protection[] = [];
  _namedRanges: NamedRange[] = [];
  _toasts: Toast[] = [];
  private _sheetIdSeed: number;
  private _chartIdCounter = 0;

  constructor(
    readonly _env: GasEnv,
    readonly _id: string,
    public _name: string,
    rows = DEFAULT_ROWS,
    columns = DEFAULT_COLUMNS,
  ) {
    super();
    // A new spreadsheet takes its creator's account time zone, not the script's
    // (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()).
    this._timeZone = _env.accountTimeZone;
    // Sheet ids look random in Sheets; here they come from the file id, so runs are reproducible.
    this._sheetIdSeed = [..._id].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);
    this._activeSheet = this._addSheet('Sheet1', 0, rows, columns, 0);
  }

  _owner(): string {
    return this._env.owner;
  }

  private _newSheetId(): number {
    let id: number;
    do {
      this._sheetIdSeed = (Math.imul(this._sheetIdSeed, 1103515245) + 12345) >>> 0;
      id = this._sheetIdSeed % 2147483647;
    } while (id === 0 || this._sheets.some((s) => s._sheetId === id));
    return id;
  }

  _nextChartId(): number {
    return 1_000_000 + ++this._chartIdCounter;
  }

  _totalCells(): number {
    return this._sheets.reduce((n, s) => n + s._maxRows * s._maxColumns, 0);
  }

  _assertCellBudget(extraCells: number): void {
    if (this._totalCells() + extraCells > MAX_CELLS) {
      throw new GasError(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  _assertSheetName(name: string, except: Sheet | null): void {
    if (name.trim() === '') throw new GasError('Sheet names cannot be empty.');
    if (this._sheets.some((s) => s !== except && s._name.toLowerCase() === name.toLowerCase())) {
      throw new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  /** Host: adds a sheet without counting a call (FormApp's "Form Responses 1" goes to index 0). */
  _addSheet(name: string, index?: number, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS, sheetId?: number): Sheet {
    this._assertSheetName(name, null);
    this._assertCellBudget(rows * columns);
    const sheet = new Sheet(this, name, sheetId ?? this._newSheetId(), rows, columns);
    const at = index === undefined ? this._sheets.length : Math.max(0, Math.min(index, this._sheets.length));
    this._sheets.splice(at, 0, sheet);
    return sheet;
  }

  _snapshot(): SpreadsheetSnapshot {
    return {
      id: this._id,
      name: this._name,
      url: this.getUrl(),
      timeZone: this._timeZone,
      sheets: this._sheets.map((s) => s._snapshot()),
      namedRanges: this._namedRanges.map((n) => ({
        name: n._name,
        range: `${n._sheet._name}!${n.getRange().getA1Notation()}`,
      })),
    };
  }

  private _active(): Sheet {
    if (!this._activeSheet || !this._sheets.includes(this._activeSheet))
      this._activeSheet = this._sheets.find((s) => !s._hidden) ?? this._sheets[0];
    return this._activeSheet;
  }

  // ------------------------------------------------------------------ file

  getId(): string {
    return this._id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getName(): string {
    return this._name;
  }
  rename(newName: string): void {
    this._name = String(newName);
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  /**
   * Sheets stores date cells as serial numbers, i.e. wall-clock time in the spreadsheet's zone:
   * changing the zone keeps what every date cell shows and so moves the instant it stands for
   * (https://support.google.com/docs/answer/58515: "changing the time zone … doesn't change
   * existing data"). The emulator stores instants, so it re-bases them to keep the wall clock.
   */
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw new GasError(`Invalid argument: ${timezone}`);
    const from = this._timeZone;
    this._timeZone = timezone;
    if (from === timezone) return;
    for (const sheet of this._sheets) {
      for (const row of sheet._cells.values.rows) {
        if (!row) continue;
        for (let c = 0; c < row.length; c++) {
          const cell = row[c];
          if (cell instanceof DateCell)
            row[c] = new DateCell(instantFromSerial(serialFromInstant(cell.ms, from), timezone));
        }
      }
      sheet._cells.touch();
    }
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._locale = String(locale);
  }
  getFormUrl(): string | null {
    return this._sheets.find((s) => s._formUrl !== null)?._formUrl ?? null;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._toasts.push({
      at: this._env.clock.date().toISOString(),
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? null,
    });
  }

  // ------------------------------------------------------------------ sharing

  getOwner(): User {
    return new User(this._owner());
  }
  getEditors(): User[] {
    return [this._owner(), ...this._editors.filter((e) => e !== this._owner())].map((e) => new User(e));
  }
  addEditor(user: unknown): this {
    const email = emailOf(user);
    if (email !== this._owner() && !this._editors.includes(email)) this._editors.push(email);
    this._viewers = this._viewers.filter((v) => v !== email);
    return this;
  }
  addEditors(emailAddresses: string[]): this {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }
  removeEditor(user: unknown): this {
    const email = emailOf(user);
    this._editors = this._editors.filter((e) => e !== email);
    return this;
  }
  getViewers(): User[] {
    return [...this._viewers, ...this._editors].map((e) => new User(e));
  }
  addViewer(user: unknown): this {
    const email = emailOf(user);
    if (email !== this._owner() && !this._editors.includes(email) && !this._viewers.includes(email))
      this._viewers.push(email);
    return this;
  }
  addViewers(emailAddresses: string[]): this {
    for (const e of emailAddresses) this.addViewer(e);
    return this;
  }
  removeViewer(user: unknown): this {
    const email = emailOf(user);
    this._viewers = this._viewers.filter((e) => e !== email);
    return this;
  }

  // ------------------------------------------------------------------ sheets

  getSheets(): Sheet[] {
    return [...this._sheets];
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    return this._sheets.find((s) => s._name === name) ?? null;
  }
  getSheetById(id: number): Sheet | null {
    return this._sheets.find((s) => s._sheetId === id) ?? null;
  }
  getActiveSheet(): Sheet {
    return this._active();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return sheet.activate();
  }

  /** insertSheet(), (index), (name), (name, index); options/templates are not emulated. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    if (
      (nameOrIndex !== undefined && typeof nameOrIndex === 'object') ||
      (index !== undefined && typeof index !== 'number')
    ) {
      throw new GasError('insertSheet with options (templates) is not emulated.');
    }
    let name: string;
    let at: number | undefined = index;
    if (typeof nameOrIndex === 'number') {
      at = nameOrIndex;
      name = this._defaultSheetName();
    } else name = nameOrIndex === undefined ? this._defaultSheetName() : String(nameOrIndex);
    if (at !== undefined && (!Number.isInteger(at) || at < 0 || at > this._sheets.length))
      throw new GasError('Invalid argument: sheetIndex');
    const sheet = this._addSheet(name, at);
    // Documented: the new sheet becomes the active sheet.
    this._activeSheet = sheet;
    return sheet;
  }

  private _defaultSheetName(): string {
    let n = this._sheets.length + 1;
    while (this._sheets.some((s) => s._name.toLowerCase() === `sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  deleteSheet(sheet: Sheet): void {
    if (!this._sheets.includes(sheet)) throw new GasError('The sheet has already been deleted.');
    if (this._sheets.filter((s) => s !== sheet && !s._hidden).length === 0) {
      throw new GasError('Sorry, it is not possible to delete all non-hidden sheets in a document.');
    }
    this._sheets = this._sheets.filter((s) => s !== sheet);
    this._protections = this._protections.filter((p) => p._sheet !== sheet);
    this._namedRanges = this._namedRanges.filter((n) => n._sheet !== sheet);
    if (this._activeSheet === sheet) this._activeSheet = null;
  }

  moveActiveSheet(pos: number): void {
    const sheet = this._active();
    if (!Number.isInteger(pos) || pos < 1 || pos > this._sheets.length) throw new GasError('Invalid argument: pos');
    this._sheets = this._sheets.filter((s) => s !== sheet);
    this._sheets.splice(pos - 1, 0, sheet);
  }

  // ------------------------------------------------------------------ ranges

  /** A1 notation, optionally with a sheet name; without one, the active sheet. */
  getRange(a1Notation: string): Range {
    const ref = parseA1(a1Notation);
    if (ref.sheetName !== null && !this.getSheetByName(ref.sheetName)) throw new GasError('Range not found');
    return this._active()._rangeFromA1(a1Notation);
  }
  getDataRange(): Range {
    return this._active().getDataRange();
  }
  getLastRow(): number {
    return this._active().getLastRow();
  }
  getLastColumn(): number {
    return this._active().getLastColumn();
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    return this._active().getSheetValues(startRow, startColumn, numRows, numColumns);
  }
  appendRow(rowContents: unknown[]): Sheet {
    return this._active().appendRow(rowContents);
  }
  getActiveRange(): Range {
    return this._active().getActiveRange();
  }
  getActiveCell(): Range {
    return this._active().getActiveCell();
  }
  getFrozenRows(): number {
    return this._active().getFrozenRows();
  }
  setFrozenRows(rows: number): void {
    this._active().setFrozenRows(rows);
  }

  getProtections(type: ProtectionTypeName): Protection[] {
    if (type !== 'RANGE' && type !== 'SHEET')
      throw new GasError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Spreadsheet.getProtections.",
      );
    return this._protections.filter((p) => p._type === type);
  }

  setNamedRange(name: string, range: Range): void {
    assertRangeName(name);
    const existing = this._namedRanges.find((n) => n._name === name);
    if (existing) {
      existing.setRange(range);
      return;
    }
    this._namedRanges.push(
      new NamedRange(
        this,
        name,
        range._sheet,
        range._sheet._anchor(range._row, range._column, range._numRows, range._numColumns),
      ),
    );
  }
  getRangeByName(name: string): Range | null {
    return this._namedRanges.find((n) => n._name === name)?.getRange() ?? null;
  }
  createTextFinder(findText: string): TextFinder {
    return new TextFinder(String(findText), { kind: 'spreadsheet', sheets: () => this.getSheets() });
  }

  getNamedRanges(): NamedRange[] {
    return [...this._namedRanges];
  }
  removeNamedRange(name: string): void {
    const found = this._namedRanges.find((n) => n._name === name);
    if (!found) return;
    found._sheet._anchors.delete(found._anchorRef);
    this._namedRanges = this._namedRanges.filter((n) => n !== found);
  }
}
