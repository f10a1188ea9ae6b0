/**
 * Probes of the JavaScript engine itself (no Apps Script service): the system computes every
 * due time with luxon, which reads zone offsets through Intl.DateTimeFormat#formatToParts, so
 * Apps Script's V8 must know Asia/Jakarta.
 */
import { DateTime } from 'luxon';
import type { Observations } from './checks';
import { PROBE_INSTANT_MS, ZONE } from './expected';

const pad = (n: number) => String(n).padStart(2, '0');

export function probeIntl(): Observations['zona.intl'] {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const part = (type: string) =>
    Number(format.formatToParts(new Date(PROBE_INSTANT_MS)).find((p) => p.type === type)?.value);
  const [y, mo, d, h, mi] = ['year', 'month', 'day', 'hour', 'minute'].map(part);
  const wallMs = Date.UTC(y, mo - 1, d, h, mi);
  const minutes = Math.round((wallMs - PROBE_INSTANT_MS) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return {
    wall: `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`,
    offset: `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
  };
}

export function probeLuxon(): Observations['zona.luxon'] {
  const t = DateTime.fromMillis(PROBE_INSTANT_MS, { zone: ZONE });
  return { iso: t.isValid ? (t.toISO() ?? '') : String(t.invalidExplanation), valid: t.isValid };
}
