/**
 * What the Instagram (Instagram Login, graph.instagram.com) and Facebook (graph.facebook.com)
 * fakes share: the versioned path, the access token (query `access_token` or a Bearer header),
 * the error body and codes of https://developers.facebook.com/docs/graph-api/guides/error-handling
 * (`{error:{message,type,code,error_subcode,fbtrace_id}}`; 190 = access token expired or
 * invalid, subcode 463 = expired; 4 = application request limit, 17 = user request limit,
 * 32 = page request limit, 613 = calls exceeded the rate limit), and cursor paging
 * (https://developers.facebook.com/docs/graph-api/results: `paging.cursors.before/after`,
 * `paging.next` present only when there is a next page).
 */
import type { FetchRequest } from '../../services/url-fetch';
import { json, offsetOf, pageToken } from './world';

export function graphError(code: number, message: string, subcode?: number, httpCode = 400) {
  return json(httpCode, {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
      fbtrace_id: `Afake${code}${subcode ?? ''}`,
    },
  });
}

export const EXPIRED = () => graphError(190, 'Error validating access token: Session has expired.', 463);
export const INVALID_TOKEN = () => graphError(190, 'Invalid OAuth access token - Cannot parse access token');
/** Instagram and Page rate limits answer code 4 (app) or 32 (page); both are "throttled". */
export const THROTTLED = (code: 4 | 17 | 32 | 613) =>
  graphError(
    code,
    code === 4
      ? 'Application request limit reached'
      : code === 17
        ? 'User request limit reached'
        : code === 32
          ? 'Page request limit reached'
          : 'Calls to this api have exceeded the rate limit.',
    undefined,
    403,
  );

/** `/v21.0/a/b` → ['a','b'] (the version segment is optional). */
export function segments(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] && /^v\d+\.\d+$/.test(parts[0])) parts.shift();
  return parts;
}

export function tokenOf(r: FetchRequest): string {
  const bearer = /^(?:Bearer|OAuth) (.+)$/i.exec(r.headers.Authorization ?? r.headers.authorization ?? '')?.[1];
  return (
    bearer ??
    r.query.access_token ??
    (r.contentType?.startsWith('application/x-www-form-urlencoded')
      ? new URLSearchParams(r.payload).get('access_token')
      : null) ??
    ''
  );
}

/** The field names asked for at the top level of `fields` (nested `{…}` and `.limit()` skipped). */
export function topFields(fields: string | undefined): Set<string> {
  const out = new Set<string>();
  let depth = 0;
  let word = '';
  for (const ch of `${fields ?? ''},`) {
    if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.add(word.split('.')[0].trim());
      word = '';
    } else if (depth === 0) word += ch;
  }
  out.delete('');
  return out;
}

/** One page of `items` by the request's `after` cursor and `limit` (default 25). */
export function cursorPage<T>(
  r: FetchRequest,
  items: T[],
  defaultLimit = 25,
): { data: T[]; paging?: Record<string, unknown> } | null {
  const limit = Math.max(1, Math.min(100, Number(r.query.limit ?? defaultLimit) || defaultLimit));
  const offset = offsetOf(r.query.after);
  if (offset === null) return null;
  const data = items.slice(offset, offset + limit);
  if (!data.length) return { data };
  const paging: Record<string, unknown> = {
    cursors: { before: pageToken(offset), after: pageToken(offset + data.length) },
  };
  if (offset + limit < items.length) {
    const next = new URL(r.url);
    next.searchParams.set('after', pageToken(offset + data.length));
    paging.next = next.toString();
  }
  return { data, paging };
}
