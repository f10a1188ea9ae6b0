/**
 * HTTPResponse (https://developers.google.com/apps-script/reference/url-fetch/http-response):
 * what UrlFetchApp.fetch returns. getContent gives Java's signed bytes, as Utilities does;
 * getHeaders gives one value per header (the last one when a header repeats), getAllHeaders an
 * array for a repeated header. Blobs are not emulated.
 */
import { notEmulated } from '../../errors';
import { GasObject } from '../../gas-object';
import { toSignedBytes } from '../utilities';

export class HTTPResponse extends GasObject {
  readonly _className = 'HTTPResponse';

  constructor(
    private readonly code: number,
    private readonly headerList: [string, string][],
    private readonly body: string,
  ) {
    super();
  }

  getResponseCode(): number {
    return this.code;
  }

  getContentText(_charset?: string): string {
    return this.body;
  }

  getContent(): number[] {
    return toSignedBytes(Buffer.from(this.body, 'utf8'));
  }

  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.headerList) out[k] = v;
    return out;
  }

  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of this.headerList) {
      const had = out[k];
      out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
    }
    return out;
  }

  getBlob(): never {
    return notEmulated('HTTPResponse', 'getBlob');
  }

  getAs(): never {
    return notEmulated('HTTPResponse', 'getAs');
  }
}
