/**
 * The register (`Pengaduan`) and the unit tabs as tables of complaints, found by complaint
 * number (never by row number: users sort, filter, insert and delete rows).
 */
import { Complaint, ComplaintKey, REGISTER_COLUMNS, UNIT_COLUMNS, UnitTabKey, unitRowOf } from '../core/complaint';
import { TAB } from '../core/labels';
import { FAILURE } from '../core/labels/journal';
import { ColumnIndex, indexColumns, readRecord, writeRecord } from '../core/rows';
import { TabData, appendRows, readSheet, writeChangedCells } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class RegisterTable {
  readonly complaints: Complaint[];
  private readonly rowOf = new Map<string, number>();
  private readonly changed = new Map<number, unknown[]>();
  private readonly added: unknown[][] = [];

  private constructor(
    readonly tab: TabData,
    readonly index: ColumnIndex<ComplaintKey>,
  ) {
    this.complaints = tab.rows.map((row) => readRecord(row, index, REGISTER_COLUMNS) as unknown as Complaint);
    this.complaints.forEach((c, i) => {
      if (c.number && !this.rowOf.has(c.number)) this.rowOf.set(c.number, i);
    });
  }

  static read(ss: Spreadsheet): RegisterTable {
    const sheet = ss.getSheetByName(TAB.register);
    if (!sheet) throw new Error(FAILURE.tabMissing(TAB.register));
    return RegisterTable.of(readSheet(sheet));
  }

  /**
   * Only the register rows of `numbers`, found with a TextFinder on the number column: an
   * officer's edit then costs the same at 100 or 50,000 complaints (DESIGN §10), instead of a
   * read of the whole register. The other rows are absent (holes): `find` knows only these.
   */
  static readRows(ss: Spreadsheet, numbers: string[]): RegisterTable {
    const sheet = ss.getSheetByName(TAB.register);
    if (!sheet) throw new Error(FAILURE.tabMissing(TAB.register));
    const headers = sheet.getRange('1:1').getValues()[0];
    let width = headers.length;
    while (width > 0 && String(headers[width - 1] ?? '') === '') width--;
    const column = indexColumns(TAB.register, headers, REGISTER_COLUMNS).number + 1;
    const last = sheet.getLastRow();
    const rows: unknown[][] = [];
    if (last >= 2) {
      const numberColumn = sheet.getRange(2, column, last - 1, 1);
      for (const n of new Set(numbers.filter(Boolean))) {
        const cell = numberColumn.createTextFinder(n).matchCase(true).matchEntireCell(true).findNext();
        if (cell) rows[cell.getRow() - 2] = sheet.getRange(cell.getRow(), 1, 1, width).getValues()[0];
      }
    }
    return RegisterTable.of({ sheet, headers: headers.slice(0, width), rows, width });
  }

  static of(tab: TabData): RegisterTable {
    return new RegisterTable(tab, indexColumns(TAB.register, tab.headers, REGISTER_COLUMNS));
  }

  find(number: string): Complaint | undefined {
    const i = this.rowOf.get(number);
    return i === undefined ? undefined : this.complaints[i];
  }

  put(c: Complaint): void {
    const i = this.rowOf.get(c.number);
    const row = writeRecord(
      c as unknown as Record<ComplaintKey, unknown>,
      this.index,
      REGISTER_COLUMNS,
      this.tab.width,
      i === undefined ? undefined : this.tab.rows[i],
    );
    if (i === undefined) {
      this.added.push(row);
      this.rowOf.set(c.number, this.complaints.length);
      this.complaints.push(c);
    } else {
      this.changed.set(i, row);
      this.complaints[i] = c;
    }
  }

  /**
   * Writes the changed cells (optimistically) and appends the new rows after the sheet's last
   * row as it is now. Returns the numbers of complaints left unwritten because a person changed
   * their row meanwhile (the next run takes them up again).
   */
  flush(): Set<string> {
    const skipped = writeChangedCells(this.tab, this.changed, this.index.number ?? 0);
    this.changed.clear();
    appendRows(this.tab.sheet, this.added);
    this.added.length = 0;
    return new Set([...skipped].map((i) => this.complaints[i]?.number ?? '').filter(Boolean));
  }
}

/**
 * What intake needs of the register without reading all of it: its header row, and the number
 * and response-key columns (one column read each; the numbers only when asked).
 */
export interface RegisterKeys {
  sheet: Sheet;
  headers: unknown[];
  keys: Array<{ number: string; key: string; recordedAt: Date | null; adminEmail: string }>;
}

export function readRegisterKeys(ss: Spreadsheet): RegisterKeys {
  const sheet = ss.getSheetByName(TAB.register);
  if (!sheet) throw new Error(FAILURE.tabMissing(TAB.register));
  const headers = sheet.getRange('1:1').getValues()[0];
  const index = indexColumns(TAB.register, headers, REGISTER_COLUMNS);
  const last = sheet.getLastRow();
  const column = (key: ComplaintKey): unknown[] => {
    const i = index[key];
    return last < 2 || i === undefined
      ? []
      : sheet
          .getRange(2, i + 1, last - 1, 1)
          .getValues()
          .map((r): unknown => r[0]);
  };
  const numbers = column('number');
  const keys = column('sourceKey');
  return {
    sheet,
    headers,
    keys: numbers.map((n, i) => ({
      number: String(n ?? '').trim(),
      key: String(keys[i] ?? '').trim(),
      recordedAt: null,
      adminEmail: '',
    })),
  };
}

/** Appends one complaint to a table whose header row is read first (2 calls + the append). */
export function appendComplaintRow(
  sheet: Sheet,
  tabName: string,
  c: Complaint,
  kind: 'register' | 'unit',
  knownHeaders?: unknown[],
): void {
  const headers = knownHeaders ?? sheet.getRange('1:1').getValues()[0];
  let width = headers.length;
  while (width > 0 && String(headers[width - 1] ?? '') === '') width--;
  const row =
    kind === 'register'
      ? writeRecord(
          c as unknown as Record<ComplaintKey, unknown>,
          indexColumns(tabName, headers, REGISTER_COLUMNS),
          REGISTER_COLUMNS,
          width,
        )
      : writeRecord(unitRowOf(c), indexColumns(tabName, headers, UNIT_COLUMNS), UNIT_COLUMNS, width);
  sheet.appendRow(row);
}

export interface UnitRow {
  index: number;
  values: Record<UnitTabKey, unknown>;
}

/** A unit tab: rows by complaint number, rewritten from the register. */
export class UnitTable {
  readonly rows: UnitRow[];
  private readonly changed = new Map<number, unknown[]>();

  private constructor(
    readonly name: string,
    readonly tab: TabData,
    readonly index: ColumnIndex<UnitTabKey>,
  ) {
    this.rows = tab.rows.map((row, i) => ({ index: i, values: readRecord(row, index, UNIT_COLUMNS) }));
  }

  static of(name: string, tab: TabData): UnitTable {
    return new UnitTable(name, tab, indexColumns(name, tab.headers, UNIT_COLUMNS));
  }

  /** The row to write for a complaint, keeping the operator's extra columns of `base`. */
  rowFor(c: Complaint, base?: unknown[]): unknown[] {
    return writeRecord(unitRowOf(c), this.index, UNIT_COLUMNS, this.tab.width, base);
  }

  set(index: number, c: Complaint): void {
    this.changed.set(index, this.rowFor(c, this.tab.rows[index]));
  }

  private readonly removed = new Set<number>();
  private readonly added: unknown[][] = [];

  /** The complaint joins this tab (forwarded or reassigned here): appended by `flush`. */
  append(c: Complaint): void {
    this.added.push(this.rowFor(c));
  }

  /** The row leaves this tab (reassignment): deleted by `flush`, after the other writes. */
  remove(index: number): void {
    this.removed.add(index);
    this.changed.delete(index);
  }

  /** Optimistic, like RegisterTable.flush; a row is deleted only if it still holds its complaint. */
  flush(): Set<string> {
    const skipped = writeChangedCells(this.tab, this.changed, this.index.number ?? 0);
    this.changed.clear();
    // Bottom-up, so that each deletion leaves the rows still to delete where they were.
    const numberCol = (this.index.number ?? 0) + 1;
    for (const index of [...this.removed].sort((a, b) => b - a)) {
      const expected = String(this.rows[index]?.values.number ?? '');
      if (String(this.tab.sheet.getRange(index + 2, numberCol).getValue()) === expected)
        this.tab.sheet.deleteRow(index + 2);
    }
    appendRows(this.tab.sheet, this.added);
    this.removed.clear();
    this.added.length = 0;
    return new Set([...skipped].map((i) => String(this.rows[i]?.values.number ?? '')).filter(Boolean));
  }
}
