/**
 * The event object a web app's doGet/doPost receives, built from an HTTP request as documented in
 * https://developers.google.com/apps-script/guides/web ("Request parameters"):
 * - `e.queryString`: the query string portion of the URL, or null when there is none;
 * - `e.parameter`: key/value pairs of the request parameters, only the first value of each;
 * - `e.parameters`: the same with an array of values per key;
 * - `e.pathInfo`: the URL path after /exec or /dev (absent when there is none);
 * - `e.contextPath`: not used, always the empty string;
 * - `e.contentLength`: the length of the request body for POST requests, or -1 for GET;
 * - `e.postData` (POST only): `length`, `type` (the MIME type), `contents` (the body as text),
 *   `name` (always "postData"). For `application/x-www-form-urlencoded` bodies the fields are
 *   also merged into `parameter`/`parameters` (after the query string's values).
 */
export interface WebAppEvent {
  queryString: string | null;
  parameter: Record<string, string>;
  parameters: Record<string, string[]>;
  pathInfo?: string;
  contextPath: string;
  contentLength: number;
  postData?: { length: number; type: string; contents: string; name: 'postData' };
}

export interface WebAppRequest {
  method: 'GET' | 'POST';
  /** The path and query after the host, e.g. `/exec?no=ADU-2026-0001&k=…` or `/exec/a/b`. */
  url: string;
  contentType?: string;
  body?: string;
}

/** Where the deployment lives: `/exec` (the deployed version) or `/dev` (the head version). */
export const EXEC_PATH = '/exec';

function addPairs(into: Record<string, string[]>, text: string): void {
  if (!text) return;
  for (const [k, v] of new URLSearchParams(text)) (into[k] ??= []).push(v);
}

/** Null when the path is not the web app's (/exec or /dev, optionally with a path after it). */
export function pathInfoOf(path: string): string | null | undefined {
  const m = /^\/(exec|dev)(\/.*)?$/.exec(path);
  if (!m) return null;
  const rest = (m[2] ?? '').replace(/^\/+/, '');
  return rest ? decodeURIComponent(rest) : undefined;
}

export function webAppEvent(req: WebAppRequest): WebAppEvent {
  const q = req.url.indexOf('?');
  const path = q >= 0 ? req.url.slice(0, q) : req.url;
  const query = q >= 0 ? req.url.slice(q + 1) : '';
  const parameters: Record<string, string[]> = {};
  addPairs(parameters, query);
  const event: WebAppEvent = {
    queryString: query ? query : null,
    parameter: {},
    parameters,
    contextPath: '',
    contentLength: -1,
  };
  const pathInfo = pathInfoOf(path);
  if (pathInfo) event.pathInfo = pathInfo;
  if (req.method === 'POST') {
    const body = req.body ?? '';
    const type = (req.contentType ?? 'application/x-www-form-urlencoded').split(';')[0].trim().toLowerCase();
    const length = Buffer.byteLength(body, 'utf8');
    event.contentLength = length;
    event.postData = { length, type, contents: body, name: 'postData' };
    if (type === 'application/x-www-form-urlencoded') addPairs(parameters, body);
  }
  for (const [k, vs] of Object.entries(parameters)) event.parameter[k] = vs[0];
  return event;
}
