/**
 * What every part of the Range API shares: the fixed coordinates (1-based, as in Apps Script —
 * a Range obtained before a row is inserted still points at the same cells afterwards) and the
 * helpers that read a layer of cells or clear kinds of data.
 */
import { GasObject } from '../gas-object';
import type { Sheet } from './sheet';
import { assertScriptCanEdit } from './write';

export type ClearOptions = {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
};

export abstract class RangeBase extends GasObject {
  constructor(
    readonly _sheet: Sheet,
    readonly _row: number,
    readonly _column: number,
    readonly _numRows: number,
    readonly _numColumns: number,
  ) {
    super();
  }

  protected get _r2(): number {
    return this._row + this._numRows - 1;
  }
  protected get _c2(): number {
    return this._column + this._numColumns - 1;
  }

  /** Reads one layer of the rectangle as rows×columns, mapping each stored entry. */
  protected _read<T, U>(
    grid: { rows: (T[] | undefined)[] },
    map: (v: T | undefined, r: number, c: number) => U,
  ): U[][] {
    const out = new Array<U[]>(this._numRows);
    const r0 = this._row - 1;
    const c0 = this._column - 1;
    for (let i = 0; i < this._numRows; i++) {
      const row = grid.rows[r0 + i];
      const line = new Array<U>(this._numColumns);
      for (let j = 0; j < this._numColumns; j++)
        line[j] = map(row === undefined ? undefined : row[c0 + j], r0 + i, c0 + j);
      out[i] = line;
    }
    return out;
  }

  protected _clear(options: ClearOptions): this {
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
}
