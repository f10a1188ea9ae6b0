/**
 * Checks shared by the scenario parser and the event kinds (scripts/sim/events/): each failure is
 * a ScenarioError naming the place (`events[3].fault.until`) and what is wrong, in Indonesian, as
 * the runner's other messages.
 */

export class ScenarioError extends Error {}

export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export type Body = Record<string, unknown>;

export function fail(where: string, message: string): never {
  throw new ScenarioError(`${where}: ${message}`);
}

export function str(obj: Body, key: string, where: string, required = true): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) fail(`${where}.${key}`, 'wajib diisi (required)');
    return undefined;
  }
  if (typeof v !== 'string') fail(`${where}.${key}`, `harus teks, bukan ${typeof v}`);
  return v;
}

export function nonEmpty(obj: Body, key: string, where: string): string {
  const v = str(obj, key, where)!;
  if (!v.trim()) fail(`${where}.${key}`, 'tidak boleh kosong');
  return v;
}

export function instant(obj: Body, key: string, where: string): string {
  const v = str(obj, key, where)!;
  if (!ISO.test(v) || isNaN(Date.parse(v)))
    fail(`${where}.${key}`, `"${v}" bukan waktu ISO 8601 dengan zona (mis. 2026-03-16T09:10:00+07:00)`);
  return v;
}

export function int(obj: Body, key: string, where: string, min: number, required = true): number | undefined {
  const v = obj[key];
  if (v === undefined && !required) return undefined;
  if (!(typeof v === 'number' && Number.isInteger(v) && v >= min))
    fail(`${where}.${key}`, `harus bilangan bulat ≥ ${min}`);
  return v;
}

export function bool(obj: Body, key: string, where: string): boolean | undefined {
  const v = obj[key];
  if (v !== undefined && typeof v !== 'boolean') fail(`${where}.${key}`, 'harus true atau false');
  return v;
}

export function ref(obj: Body, where: string): void {
  const v = obj.ref;
  if (
    !(typeof v === 'number' && Number.isInteger(v) && v >= 1) &&
    !(typeof v === 'string' && /^ADU-\d{4}-\d{4,}$/.test(v))
  ) {
    fail(`${where}.ref`, 'harus nomor urut kiriman (1, 2, …) atau nomor pengaduan ADU-YYYY-NNNN');
  }
}

export function email(v: string, where: string): void {
  if (!/^[^\s@]+@[^\s@]+$/.test(v)) fail(where, `"${v}" bukan alamat email`);
}

/** A run name: 'setup', an alias (hourly, daily, …) or an entry point of the bundle (checked after loading it). */
export function runName(obj: Body, key: string, where: string): string {
  const v = nonEmpty(obj, key, where);
  if (!/^[A-Za-z_]\w*$/.test(v))
    fail(
      `${where}.${key}`,
      `"${v}" bukan nama run (setup, reconcile, hourly, daily, summary, dashboard atau fungsi menu)`,
    );
  return v;
}

/** Only the listed keys (a typo in a field name is a schema error, not a silently ignored field). */
export function only(obj: Body, keys: string[], where: string): void {
  for (const k of Object.keys(obj))
    if (!keys.includes(k)) fail(`${where}.${k}`, `kolom tidak dikenal (yang sah: ${keys.join(', ')})`);
}
