/** Range operations that move many cells at once: sort, copyTo, trimWhitespace. */
import { GasError } from '../errors';
import type { SortSpec } from './cells';
import type { Range } from './range';
import { assertScriptCanEdit } from './write';

function sortSpecs(range: Range, spec: unknown): SortSpec[] {
  const list = Array.isArray(spec) ? spec : [spec];
  return list.map((s) => {
    const column = typeof s === 'number' ? s : Number((s as { column?: unknown })?.column);
    const ascending = typeof s === 'number' ? true : (s as { ascending?: boolean }).ascending !== false;
    if (!Number.isInteger(column) || column < range._column || column > range._column + range._numColumns - 1) {
      throw new GasError('The sort column must be within the range being sorted.');
    }
    return { column, ascending };
  });
}

/** Range.sort: rows of the range reorder within the range's columns only. */
export function sortRange(range: Range, spec: unknown): void {
  const specs = sortSpecs(range, spec);
  const sheet = range._sheet;
  assertScriptCanEdit(sheet, range._row, range._column, range._numRows, range._numColumns);
  sheet._cells.sortRows(
    range._row,
    range._row + range._numRows - 1,
    range._column,
    range._column + range._numColumns - 1,
    specs,
    sheet._timeZone(),
  );
}

type CopyWhat = { contents: boolean; formats: boolean };

function copyWhat(optionsOrType: unknown): CopyWhat {
  if (typeof optionsOrType === 'string') {
    switch (optionsOrType) {
      case 'PASTE_VALUES':
      case 'PASTE_FORMULA':
        return { contents: true, formats: false };
      case 'PASTE_FORMAT':
        return { contents: false, formats: true };
      default:
        return { contents: true, formats: true };
    }
  }
  const o = (optionsOrType ?? {}) as { contentsOnly?: boolean; formatOnly?: boolean };
  return { contents: !o.formatOnly, formats: !o.contentsOnly };
}

/**
 * Range.copyTo: a single-cell destination takes the source's size; the grid grows as a paste
 * does. Formulas are copied as text (references are not re-based: formulas are not evaluated).
 */
export function copyRange(source: Range, destination: Range, optionsOrType?: unknown, transposed?: boolean): void {
  const what = copyWhat(optionsOrType);
  const valuesOnly = optionsOrType === 'PASTE_VALUES';
  const src = source._sheet._cells;
  const dst = destination._sheet;
  const [r1, c1] = [source._row - 1, source._column - 1];
  const [r2, c2] = [r1 + source._numRows - 1, c1 + source._numColumns - 1];
  const rows = transposed ? source._numColumns : source._numRows;
  const cols = transposed ? source._numRows : source._numColumns;
  dst._ensureSize(destination._row + rows - 1, destination._column + cols - 1);
  assertScriptCanEdit(dst, destination._row, destination._column, rows, cols);
  const pairs: [{ rows: (unknown[] | undefined)[] }, { set(r: number, c: number, v: unknown): void }][] = [];
  if (what.contents) {
    pairs.push([src.values, dst._cells.values], [src.notes, dst._cells.notes]);
    if (!valuesOnly) pairs.push([src.formulas, dst._cells.formulas]);
    else
      dst._cells.clear(
        destination._row,
        destination._column,
        destination._row + rows - 1,
        destination._column + cols - 1,
        { contents: true },
      );
  }
  if (what.formats) {
    for (const key of Object.keys(src.styles) as (keyof typeof src.styles)[])
      pairs.push([src.styles[key], dst._cells.styles[key]]);
    pairs.push([src.validations, dst._cells.validations]);
  }
  // Snapshot every layer first: source and destination may overlap.
  const blocks = pairs.map(([from]) => {
    const block: unknown[][] = [];
    for (let r = r1; r <= r2; r++) {
      const row = from.rows[r];
      const line: unknown[] = [];
      for (let c = c1; c <= c2; c++) line.push(row === undefined ? undefined : row[c]);
      block.push(line);
    }
    return block;
  });
  pairs.forEach(([, to], k) => {
    const block = blocks[k];
    for (let i = 0; i < block.length; i++) {
      for (let j = 0; j < block[i].length; j++) {
        const [ti, tj] = transposed ? [j, i] : [i, j];
        to.set(destination._row - 1 + ti, destination._column - 1 + tj, block[i][j]);
      }
    }
  });
  dst._cells.touch();
}

/** Range.trimWhitespace: trims text cells and collapses inner runs of whitespace to one space. */
export function trimRange(range: Range): void {
  const sheet = range._sheet;
  assertScriptCanEdit(sheet, range._row, range._column, range._numRows, range._numColumns);
  const values = sheet._cells.values;
  for (let r = range._row - 1; r < range._row - 1 + range._numRows; r++) {
    for (let c = range._column - 1; c < range._column - 1 + range._numColumns; c++) {
      const v = values.get(r, c);
      if (typeof v !== 'string') continue;
      const t = v.trim().replace(/\s+/g, ' ');
      values.set(r, c, t === '' ? undefined : t);
    }
  }
  sheet._cells.touch();
}
