/**
 * The cell data of one sheet: values, formulas, notes, validations and formatting, each a sparse
 * layer over the same grid, moved together by row/column insertion, deletion and sorting.
 */
import { Grid } from './grid';
import type { DataValidation } from './validation';
import { Cell, DateCell } from './values';
import { serialFromInstant } from './time-zone';

export type StyleKey =
  | 'numberFormat'
  | 'background'
  | 'fontColor'
  | 'fontWeight'
  | 'fontStyle'
  | 'fontSize'
  | 'fontFamily'
  | 'fontLine'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrapStrategy'
  | 'border';

/** What Apps Script reports for a cell whose style was never set. */
export const STYLE_DEFAULTS: Record<StyleKey, unknown> = {
  numberFormat: undefined,
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  fontLine: 'none',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
  border: undefined,
};

const STYLE_KEYS = Object.keys(STYLE_DEFAULTS) as StyleKey[];

export interface SortSpec {
  /** 1-based sheet column. */
  column: number;
  ascending: boolean;
}

export class CellStore {
  readonly values = new Grid<Cell>();
  readonly formulas = new Grid<string>();
  readonly notes = new Grid<string>();
  readonly validations = new Grid<DataValidation>();
  readonly styles = Object.fromEntries(STYLE_KEYS.map((k) => [k, new Grid<unknown>()])) as Record<
    StyleKey,
    Grid<unknown>
  >;
  private version = 0;
  private lastCache: { version: number; row: number; column: number } | null = null;

  /** Marks content as changed (invalidates the last row/column cache). */
  touch(): void {
    this.version++;
  }

  private grids(): Grid<unknown>[] {
    return [this.values, this.formulas, this.notes, this.validations, ...Object.values(this.styles)] as Grid<unknown>[];
  }

  /** Layers a new row/column copies from its neighbour (formatting and validation, not content). */
  private inheritedGrids(): Grid<unknown>[] {
    return [this.validations, ...Object.values(this.styles)] as Grid<unknown>[];
  }

  private contentGrids(): Grid<unknown>[] {
    return [this.values, this.formulas, this.notes] as Grid<unknown>[];
  }

  hasContent(r: number, c: number): boolean {
    return this.values.get(r, c) !== undefined || this.formulas.get(r, c) !== undefined;
  }

  private computeLast(): { row: number; column: number } {
    if (this.lastCache && this.lastCache.version === this.version) return this.lastCache;
    let row = 0;
    let column = 0;
    for (const grid of [this.values, this.formulas] as Grid<unknown>[]) {
      const rows = grid.rows;
      for (let r = rows.length - 1; r >= 0; r--) {
        const line = rows[r];
        if (line === undefined) continue;
        for (let c = line.length - 1; c >= 0; c--) {
          if (line[c] !== undefined) {
            if (r + 1 > row) row = r + 1;
            if (c + 1 > column) column = c + 1;
            break;
          }
        }
      }
    }
    this.lastCache = { version: this.version, row, column };
    return this.lastCache;
  }

  /** 1-based position of the last row with content (a value or a formula); 0 when empty. */
  lastRow(): number {
    return this.computeLast().row;
  }

  lastColumn(): number {
    return this.computeLast().column;
  }

  /** Inserts `n` rows before 1-based row `at`; formatting is copied from 1-based row `inheritFrom`. */
  insertRows(at: number, n: number, inheritFrom: number | null): void {
    for (const g of this.contentGrids()) g.insertRows(at - 1, n);
    // `inheritFrom` is the model row's position before the insertion.
    for (const g of this.inheritedGrids()) g.insertRows(at - 1, n, inheritFrom === null ? null : inheritFrom - 1);
    this.touch();
  }

  deleteRows(at: number, n: number): void {
    for (const g of this.grids()) g.deleteRows(at - 1, n);
    this.touch();
  }

  insertColumns(at: number, n: number, inheritFrom: number | null): void {
    for (const g of this.contentGrids()) g.insertColumns(at - 1, n);
    for (const g of this.inheritedGrids()) g.insertColumns(at - 1, n, inheritFrom === null ? null : inheritFrom - 1);
    this.touch();
  }

  deleteColumns(at: number, n: number): void {
    for (const g of this.grids()) g.deleteColumns(at - 1, n);
    this.touch();
  }

  /** Clears a rectangle (1-based, inclusive) of the chosen kinds of data. */
  clear(
    r1: number,
    c1: number,
    r2: number,
    c2: number,
    what: { contents?: boolean; formats?: boolean; notes?: boolean; validations?: boolean },
  ): void {
    const [a, b, c, d] = [r1 - 1, c1 - 1, r2 - 1, c2 - 1];
    if (what.contents) {
      this.values.clear(a, b, c, d);
      this.formulas.clear(a, b, c, d);
    }
    if (what.formats) for (const g of Object.values(this.styles)) g.clear(a, b, c, d);
    if (what.notes) this.notes.clear(a, b, c, d);
    if (what.validations) this.validations.clear(a, b, c, d);
    this.touch();
  }

  /**
   * Sorts rows r1..r2 (1-based) of columns c1..c2 by the given keys, as Sheets orders values:
   * numbers and dates, then text (case-insensitive), then booleans; blanks always last.
   */
  sortRows(r1: number, r2: number, c1: number, c2: number, specs: SortSpec[], timeZone: string): void {
    // Sort keys are computed once per row: [type rank, comparable value] per sort column.
    const rank = (v: Cell | undefined): [number, number | string] => {
      if (v === undefined) return [9, 0];
      if (typeof v === 'number') return [0, v];
      if (v instanceof DateCell) return [0, serialFromInstant(v.ms, timeZone)];
      if (typeof v === 'string') return [1, v.toLowerCase()];
      return [2, v ? 1 : 0];
    };
    const order: number[] = [];
    const keys = new Map<number, [number, number | string][]>();
    for (let r = r1 - 1; r <= r2 - 1; r++) {
      order.push(r);
      keys.set(
        r,
        specs.map((s) => rank(this.values.get(r, s.column - 1))),
      );
    }
    order.sort((x, y) => {
      const kx = keys.get(x)!;
      const ky = keys.get(y)!;
      for (let k = 0; k < specs.length; k++) {
        const [tx, vx] = kx[k];
        const [ty, vy] = ky[k];
        if (tx === 9 || ty === 9) {
          if (tx !== ty) return tx === 9 ? 1 : -1;
          continue;
        }
        let cmp = tx !== ty ? tx - ty : vx < vy ? -1 : vx > vy ? 1 : 0;
        if (!specs[k].ascending) cmp = -cmp;
        if (cmp !== 0) return cmp;
      }
      return x - y;
    });
    for (const g of this.grids()) g.permuteRows(r1 - 1, c1 - 1, c2 - 1, order);
    this.touch();
  }

  /** Widest row length across layers (used to bound whole-row operations). */
  width(): number {
    let w = 0;
    for (const g of this.grids()) for (const row of g.rows) if (row && row.length > w) w = row.length;
    return w;
  }
}
