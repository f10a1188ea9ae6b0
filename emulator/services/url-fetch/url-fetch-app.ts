/**
 * UrlFetchApp (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app),
 * routed to in-process fakes: nothing leaves the machine. A host with no fake answers like an
 * unreachable address.
 *
 * Documented behaviour kept:
 * - `fetch(url, params)`: method (default get), headers, payload (an object is sent form-encoded,
 *   a string as is), contentType (default application/x-www-form-urlencoded), muteHttpExceptions.
 * - Without muteHttpExceptions a response code ≥ 400 throws "Request failed for <scheme://host>
 *   returned code N. Truncated server response: … (use muteHttpExceptions option to examine full
 *   response)" (the wording Apps Script logs; the cut-off length is not documented: 500 here).
 * - `fetchAll(requests)`: each request a URL or an object with `url` and the same params; the
 *   responses in the same order; each request counts against the quota.
 * - Quota (https://developers.google.com/apps-script/guides/services/quotas): "URL Fetch calls"
 *   20,000 a day for consumer accounts, 100,000 for Workspace; past it, "Service invoked too many
 *   times for one day: urlfetch.". The window resets 24 hours after the first call (as MailApp).
 * - The scope script.external_request; not callable from a simple trigger.
 */
import { GasEnv } from '../../env';
import { GasError } from '../../errors';
import { GasObject } from '../../gas-object';
import { requireAuthorization, SCOPES } from '../authorization';
import { HTTPResponse } from './http-response';

export const URL_FETCH_QUOTA_CONSUMER = 20000;
export const URL_FETCH_QUOTA_WORKSPACE = 100000;
export const URL_FETCH_QUOTA_MESSAGE = 'Service invoked too many times for one day: urlfetch.';
export const URL_FETCH_WINDOW_MS = 24 * 60 * 60 * 1000;
export const TRUNCATED_RESPONSE_CHARS = 500;

/** A request as a fake platform sees it. */
export interface FetchRequest {
  at: Date;
  method: string;
  url: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  contentType: string | null;
  /** The body as sent (form-encoded or the string given). */
  payload: string;
}

export interface FakeResponse {
  code: number;
  headers?: Record<string, string>;
  body: string;
}

export type FakeHost = (request: FetchRequest) => FakeResponse;

interface FetchParams {
  url?: string;
  method?: string;
  headers?: Record<string, unknown>;
  payload?: unknown;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

const METHODS = new Set(['get', 'delete', 'patch', 'post', 'put']);

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

export class UrlFetchApp extends GasObject {
  readonly _className = 'UrlFetchApp';
  /** Every request made, in order (tests, the scenario runner's replies). */
  readonly _requests: FetchRequest[] = [];
  _quota: number;
  private readonly hosts = new Map<string, FakeHost>();
  private used = 0;
  private windowStart: number | null = null;

  constructor(
    private readonly env: GasEnv,
    quota = URL_FETCH_QUOTA_CONSUMER,
  ) {
    super();
    this._quota = quota;
  }

  /** Serves `host` (e.g. "graph.facebook.com") with a fake. */
  _route(host: string, fake: FakeHost): void {
    this.hosts.set(host.toLowerCase(), fake);
  }

  fetch(url: unknown, params?: FetchParams): HTTPResponse {
    requireAuthorization(this.env, 'UrlFetchApp.fetch', SCOPES.externalRequest);
    return this.one(String(url), params ?? {});
  }

  fetchAll(requests: unknown): HTTPResponse[] {
    requireAuthorization(this.env, 'UrlFetchApp.fetchAll', SCOPES.externalRequest);
    if (!Array.isArray(requests)) throw new GasError('Invalid argument: requests');
    return requests.map((r) => {
      // The requests run in parallel on Google: the ledger charges fetchAll once plus a little each.
      this.env.ledger.record('UrlFetchApp.fetchAll[request]');
      if (typeof r === 'string') return this.one(r, {});
      const p = (r ?? {}) as FetchParams;
      if (!p.url) throw new GasError('Invalid argument: url');
      return this.one(String(p.url), p);
    });
  }

  getRequest(url: unknown, params?: FetchParams): Record<string, unknown> {
    const r = this.prepare(String(url), params ?? {});
    return { url: r.url, method: r.method, headers: r.headers, contentType: r.contentType, payload: r.payload };
  }

  private prepare(url: string, p: FetchParams): FetchRequest {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new GasError(`Invalid argument: ${url}`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new GasError(`Invalid argument: ${url}`);
    const method = String(p.method ?? 'get').toLowerCase();
    if (!METHODS.has(method)) throw new GasError(`Invalid argument: method`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(p.headers ?? {})) headers[k] = String(v);
    let payload = '';
    let contentType: string | null = null;
    if (p.payload !== undefined && p.payload !== null) {
      payload = typeof p.payload === 'string' ? p.payload : formEncode(p.payload as Record<string, unknown>);
      contentType = p.contentType ?? 'application/x-www-form-urlencoded';
    } else if (p.contentType) {
      contentType = p.contentType;
    }
    const query: Record<string, string> = {};
    parsed.searchParams.forEach((v, k) => {
      query[k] = v;
    });
    return {
      at: this.env.clock.date(),
      method,
      url,
      host: parsed.host.toLowerCase(),
      path: parsed.pathname,
      query,
      headers,
      contentType,
      payload,
    };
  }

  private one(url: string, p: FetchParams): HTTPResponse {
    const request = this.prepare(url, p);
    this.rollWindow();
    if (this.used >= this._quota) throw new GasError(URL_FETCH_QUOTA_MESSAGE);
    if (this.windowStart === null) this.windowStart = this.env.clock.now();
    this.used++;
    const fake = this.hosts.get(request.host);
    if (!fake) throw new GasError(`Address unavailable: ${url}`);
    this._requests.push(request);
    const answer = fake(request);
    const headerList: [string, string][] = Object.entries(answer.headers ?? {});
    if (!headerList.some(([k]) => k.toLowerCase() === 'content-type'))
      headerList.push(['Content-Type', 'application/json; charset=UTF-8']);
    const response = new HTTPResponse(answer.code, headerList, answer.body);
    if (answer.code >= 400 && !p.muteHttpExceptions) {
      const origin = `${new URL(url).protocol}//${request.host}`;
      throw new GasError(
        `Request failed for ${origin} returned code ${answer.code}. Truncated server response: ${answer.body.slice(0, TRUNCATED_RESPONSE_CHARS)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return response;
  }

  /** Calls left in the current quota window (host-side; Apps Script offers no such getter). */
  _remaining(): number {
    this.rollWindow();
    return Math.max(0, this._quota - this.used);
  }

  private rollWindow(): void {
    if (this.windowStart !== null && this.env.clock.now() >= this.windowStart + URL_FETCH_WINDOW_MS) {
      this.windowStart = null;
      this.used = 0;
    }
  }
}
