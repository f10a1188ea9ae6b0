/**
 * A sparse two-dimensional layer of per-cell data (values, formulas, notes, formats, …):
 * an array of row arrays, `undefined` meaning "nothing here". Row and column insertion and
 * deletion are array splices, so 50,000-row sheets stay fast. Indices are 0-based.
 */
export class Grid<T> {
  rows: (T[] | undefined)[] = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row === undefined ? undefined : row[c];
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (row === undefined) {
      if (v === undefined) return;
      row = this.rows[r] = [];
    }
    if (v === undefined) {
      if (c < row.length) row[c] = undefined as unknown as T;
      return;
    }
    row[c] = v;
  }

  /** Sets every cell of the rectangle to `v` (undefined clears). */
  fill(r1: number, c1: number, r2: number, c2: number, v: T | undefined): void {
    if (v === undefined) {
      this.clear(r1, c1, r2, c2);
      return;
    }
    for (let r = r1; r <= r2; r++) {
      let row = this.rows[r];
      if (row === undefined) row = this.rows[r] = [];
      for (let c = c1; c <= c2; c++) row[c] = v;
    }
  }

  clear(r1: number, c1: number, r2: number, c2: number): void {
    const last = Math.min(r2, this.rows.length - 1);
    for (let r = r1; r <= last; r++) {
      const row = this.rows[r];
      if (row === undefined) continue;
      const end = Math.min(c2, row.length - 1);
      if (c1 === 0 && end === row.length - 1) {
        this.rows[r] = undefined;
        continue;
      }
      for (let c = c1; c <= end; c++) row[c] = undefined as unknown as T;
    }
  }

  isEmpty(): boolean {
    return this.rows.every((row) => row === undefined || row.every((v) => v === undefined));
  }

  insertRows(at: number, n: number, inheritFrom: number | null = null): void {
    if (at > this.rows.length) return;
    const fresh = new Array<T[] | undefined>(n);
    const model = inheritFrom === null ? undefined : this.rows[inheritFrom];
    for (let i = 0; i < n; i++) fresh[i] = model ? model.slice() : undefined;
    this.rows.splice(at, 0, ...fresh);
  }

  deleteRows(at: number, n: number): void {
    if (at < this.rows.length) this.rows.splice(at, n);
  }

  insertColumns(at: number, n: number, inheritFrom: number | null = null): void {
    for (const row of this.rows) {
      if (row === undefined || row.length <= at) continue;
      const fill = new Array<T>(n);
      if (inheritFrom !== null) for (let i = 0; i < n; i++) fill[i] = row[inheritFrom];
      row.splice(at, 0, ...fill);
    }
    if (inheritFrom === null) return;
    // Rows shorter than the insertion point may still carry the inherited column.
    for (const row of this.rows) {
      if (row === undefined || row.length > at || row.length <= inheritFrom) continue;
      const v = row[inheritFrom];
      if (v !== undefined) for (let i = 0; i < n; i++) row[at + i] = v;
    }
  }

  deleteColumns(at: number, n: number): void {
    for (const row of this.rows) if (row !== undefined && row.length > at) row.splice(at, n);
  }

  /** Reorders rows r1..r2 (inclusive) of columns c1..c2 so that new row i takes old row order[i]. */
  permuteRows(r1: number, c1: number, c2: number, order: number[]): void {
    const end = r1 + order.length;
    let used = false;
    let whole = c1 === 0;
    for (let r = r1; r < end && r < this.rows.length; r++) {
      const row = this.rows[r];
      if (row === undefined) continue;
      used = true;
      if (row.length > c2 + 1) whole = false;
    }
    if (!used) return;
    if (whole) {
      // Every row fits inside the sorted columns: move row arrays, not cells.
      const moved = order.map((from) => this.rows[from]);
      moved.forEach((row, i) => (this.rows[r1 + i] = row));
      return;
    }
    const taken = order.map((from) => {
      const row = this.rows[from];
      const part: (T | undefined)[] = [];
      for (let c = c1; c <= c2; c++) part.push(row === undefined ? undefined : row[c]);
      return part;
    });
    taken.forEach((part, i) => {
      const r = r1 + i;
      for (let c = c1; c <= c2; c++) this.set(r, c, part[c - c1]);
    });
  }

  /** Copies a rectangle (values as-is) so it can be pasted elsewhere. */
  extract(r1: number, c1: number, r2: number, c2: number): (T | undefined)[][] {
    const out: (T | undefined)[][] = [];
    for (let r = r1; r <= r2; r++) {
      const row = this.rows[r];
      const line = new Array<T | undefined>(c2 - c1 + 1);
      for (let c = c1; c <= c2; c++) line[c - c1] = row === undefined ? undefined : row[c];
      out.push(line);
    }
    return out;
  }
}
