/** Named ranges (Spreadsheet.setNamedRange / getRangeByName); they follow structural changes. */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import type { Anchor } from './anchor';
import type { Range } from './range';
import type { Sheet } from './sheet';
import type { Spreadsheet } from './spreadsheet';

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export function assertRangeName(name: string): void {
  // Sheets refuses names that look like cell references or contain spaces.
  if (!NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name)) {
    throw new GasError(`Invalid range name: ${name}`);
  }
}

export class NamedRange extends GasObject {
  readonly _className = 'NamedRange';

  constructor(
    readonly _spreadsheet: Spreadsheet,
    public _name: string,
    public _sheet: Sheet,
    public _anchorRef: Anchor,
  ) {
    super();
  }

  getName(): string {
    return this._name;
  }

  getRange(): Range {
    const a = this._anchorRef;
    return this._sheet._rangeAt(a.r1, a.c1, a.numRows, a.numColumns);
  }

  remove(): void {
    this._spreadsheet.removeNamedRange(this._name);
  }

  setName(name: string): this {
    assertRangeName(name);
    if (this._spreadsheet._namedRanges.some((n) => n !== this && n._name === name))
      throw new GasError(`A named range with the name "${name}" already exists.`);
    this._name = name;
    return this;
  }

  setRange(range: Range): this {
    this._sheet._anchors.delete(this._anchorRef);
    this._sheet = range._sheet;
    this._anchorRef = range._sheet._anchor(range._row, range._column, range._numRows, range._numColumns);
    return this;
  }
}
