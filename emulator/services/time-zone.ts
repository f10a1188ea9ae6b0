/**
 * Time zones as Apps Script accepts them: IANA ids (`Asia/Jakarta`) and Java's custom ids
 * (`GMT+7`, `GMT+07:00`, `UTC`). Java's `TimeZone.getTimeZone` falls back to GMT for an id it
 * does not know, and `Utilities.formatDate` inherits that, so `resolveZone` does the same.
 */
import { FixedOffsetZone, IANAZone, Zone } from 'luxon';

const CUSTOM = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/;

const resolved = new Map<string, Zone>();
const offsets = new Map<string, Map<number, number>>();
const BUCKET_MS = 15 * 60 * 1000;

export function resolveZone(id: string): Zone {
  let zone = resolved.get(id);
  if (!zone) resolved.set(id, (zone = resolveUncached(id)));
  return zone;
}

/**
 * Offset of zone `id` from UTC at instant `ms`, in minutes. Cached per quarter hour: every zone
 * changes offset only at quarter-hour boundaries, and Intl lookups are slow.
 */
export function offsetMinutesAt(id: string, ms: number): number {
  let cache = offsets.get(id);
  if (!cache) offsets.set(id, (cache = new Map<number, number>()));
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) cache.set(bucket, (offset = resolveZone(id).offset(bucket * BUCKET_MS)));
  return offset;
}

function resolveUncached(id: string): Zone {
  const custom = CUSTOM.exec(id);
  if (custom) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    return FixedOffsetZone.instance(custom[1] === '-' ? -minutes : minutes);
  }
  if (id === 'GMT' || id === 'UTC' || id === 'Z') return FixedOffsetZone.utcInstance;
  return isKnownZone(id) ? IANAZone.create(id) : FixedOffsetZone.utcInstance;
}

export function isKnownZone(id: string): boolean {
  return CUSTOM.test(id) || id === 'GMT' || id === 'UTC' || IANAZone.isValidZone(id);
}
