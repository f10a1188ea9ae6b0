/**
 * Time zones as Apps Script accepts them: IANA ids (`Asia/Jakarta`) and Java's custom ids
 * (`GMT+7`, `GMT+07:00`, `UTC`). Java's `TimeZone.getTimeZone` falls back to GMT for an id it
 * does not know, and `Utilities.formatDate` inherits that, so `resolveZone` does the same.
 */
import { FixedOffsetZone, IANAZone, Zone } from 'luxon';

const CUSTOM = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/;

export function resolveZone(id: string): Zone {
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
