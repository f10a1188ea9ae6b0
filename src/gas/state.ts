/**
 * Script state in Script Properties, read once per run with one `getProperties()`: the cached
 * configuration (split in chunks: a property value is limited to 9 KB), complaint-number
 * counters, which form responses were taken in, and the layout of the form's responses tab.
 */
type Properties = GoogleAppsScript.Properties.Properties;

const CHUNK = 8000;

/**
 * A JSON value stored by `ScriptState.setJson` as `key.n` chunks `key.0`, `key.1`, …; undefined
 * when missing, incomplete or unreadable. Also used by the local runner to read the state.
 */
export function readChunkedJson<T>(get: (key: string) => string | null | undefined, key: string): T | undefined {
  const n = Number(get(`${key}.n`) ?? '');
  if (!Number.isInteger(n) || n <= 0) return undefined;
  let text = '';
  for (let i = 0; i < n; i++) {
    const part = get(`${key}.${i}`);
    if (part === undefined || part === null) return undefined;
    text += part;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export class ScriptState {
  private constructor(
    private readonly props: Properties,
    private readonly all: Record<string, string>,
  ) {}

  static load(): ScriptState {
    const props = PropertiesService.getScriptProperties();
    return new ScriptState(props, props.getProperties());
  }

  get(key: string): string | undefined {
    return this.all[key];
  }

  /** Every property key loaded. */
  keys(): string[] {
    return Object.keys(this.all);
  }

  getJson<T>(key: string): T | undefined {
    return readChunkedJson<T>((k) => this.all[k], key);
  }

  /** Values to write; `save()` writes them all in one call. */
  private pending: Record<string, string> = {};

  set(key: string, value: string): void {
    this.pending[key] = value;
    this.all[key] = value;
  }

  setJson(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    const n = Math.max(1, Math.ceil(text.length / CHUNK));
    for (let i = 0; i < n; i++) this.set(`${key}.${i}`, text.slice(i * CHUNK, (i + 1) * CHUNK));
    this.set(`${key}.n`, String(n));
  }

  save(): void {
    if (!Object.keys(this.pending).length) return;
    this.props.setProperties(this.pending);
    this.pending = {};
  }
}

/** A set of positive integers kept compactly as ranges ("2-40,42"). */
export class IntegerSet {
  private readonly ranges: [number, number][];

  constructor(text = '') {
    this.ranges = text
      .split(',')
      .filter(Boolean)
      .map((part) => {
        const [a, b] = part.split('-').map(Number);
        return [a, b ?? a] as [number, number];
      })
      .filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && a <= b)
      .sort((x, y) => x[0] - y[0]);
  }

  has(n: number): boolean {
    return this.ranges.some(([a, b]) => n >= a && n <= b);
  }

  add(n: number): void {
    if (this.has(n)) return;
    this.ranges.push([n, n]);
    this.ranges.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const r of this.ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    this.ranges.splice(0, this.ranges.length, ...merged);
  }

  toString(): string {
    return this.ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
  }
}
