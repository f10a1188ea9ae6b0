/**
 * The responses tab a form writes into once it has a spreadsheet destination, laid out the way
 * Google Forms does it (https://support.google.com/docs/answer/2917686,
 * https://developers.google.com/apps-script/reference/forms/form#setDestination(DestinationType,String)):
 * - a new tab "Form Responses 1" (or the next free number) inserted as the first tab;
 * - row 1 = "Timestamp", "Email Address" when the form collects emails, then one column per
 *   question in item order (section headers get none);
 * - a question added later gets a new column at the end; renaming a question renames its
 *   header; deleting a question keeps its column (old answers stay);
 * - each response is appended as the next row; Forms writes only its own columns.
 *
 * The spreadsheet side provides the host hooks used here (`_addSheet`, `_writeRaw`,
 * `_setFormUrl`); they write without the checks a user's edit would meet, as Forms does.
 */
export interface HostRange {
  getDisplayValues(): string[][];
  setNumberFormat(format: string): unknown;
}

export interface HostSheet {
  getName(): string;
  getLastRow(): number;
  getLastColumn(): number;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): HostRange;
  _writeRaw(row: number, column: number, values: unknown[][]): void;
  _setFormUrl(url: string | null): void;
  setFrozenRows?(rows: number): unknown;
}

export interface HostSpreadsheet {
  getId(): string;
  getSheets(): HostSheet[];
  getSpreadsheetTimeZone(): string;
  _addSheet(name: string, index?: number): HostSheet;
}

export const TIMESTAMP_HEADER = 'Timestamp';
export const EMAIL_HEADER = 'Email Address';
export const RESPONSES_SHEET_PREFIX = 'Form Responses';
/** The format Forms gives timestamp and date-time answer cells (en_US spreadsheet locale). */
export const RESPONSE_DATE_FORMAT = 'M/d/yyyy H:mm:ss';

export type ColumnKey = 'timestamp' | 'email' | number;

export interface ResponseRow {
  timestamp: Date;
  email: string;
  answers: Map<number, string | Date>;
}

export class ResponsesSheet {
  /** Column (1-based) of each form field: timestamp, email, and question item ids. */
  readonly columns = new Map<ColumnKey, number>();

  /** Titles of the columns, written as row 1 once the header is due (see Form.setDestination). */
  private readonly titles = new Map<ColumnKey, string>();
  private headerWritten = false;

  private constructor(
    readonly spreadsheet: HostSpreadsheet,
    readonly sheet: HostSheet,
  ) {}

  static create(
    spreadsheet: HostSpreadsheet,
    headers: Array<[ColumnKey, string]>,
    formUrl: string,
    withHeader = true,
  ): ResponsesSheet {
    const taken = new Set(spreadsheet.getSheets().map((s) => s.getName()));
    let n = 1;
    while (taken.has(`${RESPONSES_SHEET_PREFIX} ${n}`)) n++;
    const sheet = spreadsheet._addSheet(`${RESPONSES_SHEET_PREFIX} ${n}`, 0);
    const tab = new ResponsesSheet(spreadsheet, sheet);
    headers.forEach(([key, title], i) => {
      tab.columns.set(key, i + 1);
      tab.titles.set(key, title);
    });
    sheet._setFormUrl(formUrl);
    if (withHeader) tab.writeHeader();
    return tab;
  }

  /** Row 1 (once): the column titles, frozen. */
  writeHeader(): void {
    if (this.headerWritten) return;
    this.headerWritten = true;
    for (const [key, column] of this.columns) this.sheet._writeRaw(1, column, [[this.titles.get(key) ?? '']]);
    this.sheet.setFrozenRows?.(1);
  }

  addColumn(key: ColumnKey, title: string): void {
    if (this.columns.has(key)) return;
    const column = Math.max(this.sheet.getLastColumn(), ...this.columns.values()) + 1;
    this.columns.set(key, column);
    this.titles.set(key, title);
    if (this.headerWritten) this.sheet._writeRaw(1, column, [[title]]);
  }

  renameColumn(key: ColumnKey, title: string): void {
    const column = this.columns.get(key);
    this.titles.set(key, title);
    if (column !== undefined && this.headerWritten) this.sheet._writeRaw(1, column, [[title]]);
  }

  unlink(): void {
    this.sheet._setFormUrl(null);
  }

  /** Appends one response; returns its row and the form columns in sheet order. */
  append(response: ResponseRow): { row: number; columns: number[] } {
    const row = this.sheet.getLastRow() + 1;
    const cells = new Map<number, string | Date>();
    for (const [key, column] of this.columns) {
      if (key === 'timestamp') cells.set(column, response.timestamp);
      else if (key === 'email') cells.set(column, response.email);
      else cells.set(column, response.answers.get(key) ?? '');
    }
    const columns = [...cells.keys()].sort((a, b) => a - b);
    // Write each run of adjacent form columns at once, never touching the user's own columns.
    let start = 0;
    for (let i = 1; i <= columns.length; i++) {
      if (i === columns.length || columns[i] !== columns[i - 1] + 1) {
        this.sheet._writeRaw(row, columns[start], [columns.slice(start, i).map((c) => cells.get(c))]);
        start = i;
      }
    }
    for (const c of columns) {
      if (cells.get(c) instanceof Date) this.sheet.getRange(row, c).setNumberFormat(RESPONSE_DATE_FORMAT);
    }
    return { row, columns };
  }

  /** The cells of a response row as displayed, and the headers, in sheet order. */
  displayed(row: number, columns: number[]): { headers: string[]; values: string[] } {
    const last = columns[columns.length - 1];
    const header = this.sheet.getRange(1, 1, 1, last).getDisplayValues()[0];
    const shown = this.sheet.getRange(row, 1, 1, last).getDisplayValues()[0];
    return { headers: columns.map((c) => header[c - 1]), values: columns.map((c) => shown[c - 1]) };
  }
}
