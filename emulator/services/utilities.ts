/**
 * Utilities (https://developers.google.com/apps-script/reference/utilities/utilities):
 * formatDate with Java patterns, getUuid, sleep on the virtual clock, computeDigest and
 * HMAC signatures returning signed bytes, base64.
 */
import { createHash, createHmac } from 'node:crypto';
import { GasEnv } from '../env';
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { formatJavaDate } from './java-date-format';

export const DigestAlgorithm = {
  MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512',
} as const;

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512',
};

/** `Utilities.sleep`: "the maximum allowed value is 300000 (or 5 minutes)". */
export const MAX_SLEEP_MS = 300000;

/** Apps Script's Byte[] is Java's signed byte: -128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(value: unknown, charset?: string): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  const text = String(value);
  return Buffer.from(text, charset === Charset.US_ASCII ? 'latin1' : 'utf8');
}

export class Utilities extends GasObject {
  readonly _className = 'Utilities';
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;

  constructor(private readonly env: GasEnv) {
    super();
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw new GasError('Invalid argument: date');
    }
    return formatJavaDate(date, String(timeZone), String(format));
  }

  /** A v4 UUID from the seeded generator: the same scenario gives the same ids. */
  getUuid(): string {
    const bytes: number[] = [];
    for (let i = 0; i < 16; i++) bytes.push(Math.floor(this.env.random() * 256));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new GasError('Invalid argument: milliseconds');
    if (ms > MAX_SLEEP_MS) throw new GasError(`Invalid argument: milliseconds. The maximum allowed value is ${MAX_SLEEP_MS}.`);
    this.env.clock.advance(Math.floor(ms));
  }

  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    const nodeName = NODE_DIGEST[String(algorithm)];
    if (!nodeName) throw new GasError(`not emulated: Utilities.computeDigest(${String(algorithm)})`);
    return toSignedBytes(createHash(nodeName).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
    return toSignedBytes(createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }

  base64Encode(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
}
