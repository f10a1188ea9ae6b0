/**
 * A rectangle stored by the spreadsheet itself (a protected range, a named range, a conditional
 * format or chart range) that follows row and column insertions and deletions as in Sheets.
 * Script-side `Range` objects do not: they are fixed coordinates, as in Apps Script.
 */
export class Anchor {
  dead = false;

  constructor(
    public r1: number,
    public c1: number,
    public r2: number,
    public c2: number,
  ) {}

  get numRows(): number {
    return this.r2 - this.r1 + 1;
  }

  get numColumns(): number {
    return this.c2 - this.c1 + 1;
  }

  /** `n` new rows now occupy positions at..at+n-1 (1-based). */
  insertRows(at: number, n: number): void {
    if (at <= this.r1) {
      this.r1 += n;
      this.r2 += n;
    } else if (at <= this.r2) this.r2 += n;
  }

  deleteRows(at: number, n: number): void {
    const [a, b] = shrink(this.r1, this.r2, at, n);
    if (b < a) this.dead = true;
    this.r1 = a;
    this.r2 = b;
  }

  insertColumns(at: number, n: number): void {
    if (at <= this.c1) {
      this.c1 += n;
      this.c2 += n;
    } else if (at <= this.c2) this.c2 += n;
  }

  deleteColumns(at: number, n: number): void {
    const [a, b] = shrink(this.c1, this.c2, at, n);
    if (b < a) this.dead = true;
    this.c1 = a;
    this.c2 = b;
  }

  contains(row: number, column: number): boolean {
    return row >= this.r1 && row <= this.r2 && column >= this.c1 && column <= this.c2;
  }

  intersects(r1: number, c1: number, r2: number, c2: number): boolean {
    return r1 <= this.r2 && r2 >= this.r1 && c1 <= this.c2 && c2 >= this.c1;
  }
}

function shrink(start: number, end: number, at: number, n: number): [number, number] {
  const last = at + n - 1;
  const a = start < at ? start : start > last ? start - n : at;
  const b = end < at ? end : end > last ? end - n : at - 1;
  return [a, b];
}
