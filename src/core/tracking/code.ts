/**
 * The tracking code `k` of a public link (DESIGN §15): the first bytes of an HMAC-SHA256 of the
 * complaint number, keyed with a secret kept in Script Properties, written in Crockford base32
 * (no I, L, O, U: nothing to misread when a citizen types it). The HMAC itself is computed by the
 * adapter (Utilities.computeHmacSha256Signature); this module only shapes and compares codes.
 * Without the secret, a code for a neighbouring number cannot be derived, so numbers cannot be
 * enumerated. Changing the secret invalidates every old link.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 8 characters = 40 bits: about 10^12 guesses per number. */
export const CODE_LENGTH = 8;

/** What the HMAC is computed over: a fixed prefix, so the secret signs nothing else by accident. */
export function codeMessage(number: string): string {
  return `pantau|${number}`;
}

/** The code from HMAC bytes (Apps Script gives signed bytes, -128..127). */
export function shortCodeOf(signature: readonly number[]): string {
  if (signature.length < 5) throw new Error(`tracking code: signature too short (${signature.length} bytes)`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of signature) {
    value = (value << 8) | (b & 0xff);
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += ALPHABET[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= CODE_LENGTH) break;
  }
  return out;
}

/** A code as a citizen may type it: case, spaces and dashes ignored; O→0, I/L→1. */
export function normaliseCode(input: unknown): string {
  return String(input ?? '')
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .slice(0, 64);
}

/** A complaint number as typed ("adu-2026-7" is not accepted: numbers have at least 4 digits). */
export function normaliseNumber(input: unknown): string {
  const s = String(input ?? '')
    .trim()
    .toUpperCase()
    .slice(0, 40);
  return /^ADU-\d{4}-\d{4,}$/.test(s) ? s : '';
}

/** Compares in time independent of where the codes differ. */
export function codesMatch(given: string, expected: string): boolean {
  const a = normaliseCode(given);
  let diff = a.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (a.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return diff === 0 && expected.length === CODE_LENGTH;
}

/** The public link the admin pastes into the reply: '' when the web app's URL is not known. */
export function trackingLink(baseUrl: string, number: string, code: string): string {
  const base = baseUrl.trim();
  if (!base || !number || !code) return '';
  return `${base}${base.includes('?') ? '&' : '?'}no=${encodeURIComponent(number)}&k=${encodeURIComponent(code)}`;
}
