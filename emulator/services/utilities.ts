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
import type { ServiceModule } from '../service-module';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** `Utilities.sleep`: "the maximum allowed value is 300000 (or 5 minutes)". */
export const MAX_SLEEP_MS = 300000;

/** Apps Script's Byte[] is Java's signed byte: -128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/**
 * The bytes of a string in a charset, as Java encodes it (Utilities.Charset): UTF-8 by default;
 * US-ASCII replaces every character it cannot encode with '?' (0x3F).
 */
export function encodeText(text: string, charset?: string): Buffer {
  if (charset === Charset.US_ASCII)
    return Buffer.from(Array.from(text, (ch) => (ch.codePointAt(0)! < 128 ? ch.codePointAt(0)! : 0x3f)));
  return Buffer.from(text, 'utf8');
}

function toBuffer(value: unknown, charset?: string): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  return encodeText(String(value), charset);
}

/** Java's String.format for the conversions scripts use: %s %d %f (%.Nf) %x %% and %n. */
export function formatJava(template: string, args: unknown[]): string {
  let i = 0;
  return String(template).replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdfxXbn%])/g,
    (token, left, zero, width, precision, conv: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      if (i >= args.length) throw new GasError(`Format specifier '${token}' has no argument`);
      const v = args[i++];
      let out: string;
      switch (conv) {
        case 's':
          out = v === null || v === undefined ? 'null' : String(v);
          if (precision !== undefined) out = out.slice(0, Number(precision));
          break;
        case 'b':
          out = String(v !== null && v !== undefined && v !== false);
          break;
        case 'd':
          if (typeof v !== 'number' || !Number.isInteger(v))
            throw new GasError(`d != ${typeof v === 'number' ? 'java.lang.Double' : 'java.lang.String'}`);
          out = String(v);
          break;
        case 'f':
          if (typeof v !== 'number') throw new GasError('f != java.lang.String');
          out = v.toFixed(precision === undefined ? 6 : Number(precision));
          break;
        default:
          out = Math.trunc(Number(v)).toString(16);
          if (conv === 'X') out = out.toUpperCase();
      }
      const w = width === undefined ? 0 : Number(width);
      if (out.length < w)
        out = left
          ? out.padEnd(w)
          : zero
            ? out.startsWith('-')
              ? `-${out.slice(1).padStart(w - 1, '0')}`
              : out.padStart(w, '0')
            : out.padStart(w);
      return out;
    },
  );
}

/** A Blob (https://developers.google.com/apps-script/reference/base/blob): bytes, a content type and a name. */
export class Blob extends GasObject {
  readonly _className = 'Blob';

  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    super();
  }

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }

  setBytes(data: number[]): Blob {
    this.bytes = toBuffer(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    if (charset === Charset.US_ASCII)
      return Array.from(this.bytes, (b) => (b < 128 ? String.fromCharCode(b) : '\ufffd')).join('');
    return this.bytes.toString('utf8');
  }

  setDataFromString(data: string, charset?: string): Blob {
    this.bytes = encodeText(String(data), charset);
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.contentType = contentType === null ? null : String(contentType);
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): Blob {
    this.name = String(name);
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }

  copyBlob(): Blob {
    return new Blob(Buffer.from(this.bytes), this.contentType, this.name);
  }

  getBlob(): Blob {
    return this.copyBlob();
  }
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
    if (ms > MAX_SLEEP_MS)
      throw new GasError(`Invalid argument: milliseconds. The maximum allowed value is ${MAX_SLEEP_MS}.`);
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

  /** A string is stored as UTF-8; content type and name are those given (else null). */
  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    const bytes = Array.isArray(data) ? toBuffer(data) : encodeText(String(data));
    return new Blob(
      bytes,
      contentType === undefined ? null : String(contentType),
      name === undefined ? null : String(name),
    );
  }

  /** "Performs sprintf-like string formatting using '%'-style format strings." */
  formatString(template: string, ...args: unknown[]): string {
    return formatJava(String(template), args);
  }

  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
}

/** The Utilities module (emulator/registry.ts lists it), with the Blob it makes. */
export const UTILITIES_SERVICE: ServiceModule = {
  global: 'Utilities',
  messagePrefix: 'Utilities',
  namespaces: ['Utilities'],
  classes: ['Base.Blob', 'Base.BlobSource'],
  create: (ctx) => new Utilities(ctx.env),
  samples: (ctx) => [new Utilities(ctx.env), new Utilities(ctx.env).newBlob('x')],
  costs: [],
};
