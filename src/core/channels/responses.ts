/**
 * What a platform's HTTP answer means for the poller (DESIGN §14): data, a rate limit or quota
 * to back off from, a token that no longer works, or another failure. Documented signals:
 * - X: HTTP 429 with `x-rate-limit-reset` (epoch seconds); 401 for a bad or revoked token
 *   (https://docs.x.com/x-api/fundamentals/rate-limits, …/response-codes-and-errors).
 * - Graph (Instagram, Facebook): `error.code` 190 = token expired/invalid; 4, 17, 32, 613 (and
 *   HTTP 429) = throttled (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 * - YouTube: `error.errors[].reason` quotaExceeded / dailyLimitExceeded (until the quota day
 *   ends, midnight Pacific), rateLimitExceeded / userRateLimitExceeded, keyInvalid or HTTP 401
 *   (https://developers.google.com/youtube/v3/docs/errors).
 */
import { ChannelName } from './post';

export interface HttpReply {
  code: number;
  text: string;
  headers: Record<string, string>;
}

export type Outcome =
  | { kind: 'ok'; body: unknown }
  | { kind: 'rateLimited'; retryAt: Date | null; detail: string }
  | { kind: 'quotaExceeded'; retryAt: Date; detail: string }
  | { kind: 'tokenInvalid'; detail: string }
  | { kind: 'failed'; detail: string };

export const GRAPH_THROTTLE_CODES = [4, 17, 32, 613];

/** The next midnight in Pacific Time (taken as UTC−8), when YouTube's daily quota resets. */
export function nextPacificMidnight(now: Date): Date {
  const shifted = new Date(now.getTime() - 8 * 3600_000);
  const day = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate() + 1);
  return new Date(day + 8 * 3600_000);
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

export function classify(channel: ChannelName, reply: HttpReply, now: Date): Outcome {
  let body: unknown;
  try {
    body = reply.text ? JSON.parse(reply.text) : null;
  } catch {
    body = null;
  }
  const error =
    (body && typeof body === 'object' ? (body as { error?: Record<string, unknown> }).error : undefined) ?? undefined;
  const message = String(error?.message ?? (body as { title?: string } | null)?.title ?? '').slice(0, 200);
  const detail = `HTTP ${reply.code}${message ? `: ${message}` : ''}`;
  if (reply.code >= 200 && reply.code < 300) {
    return body === null ? { kind: 'failed', detail: `${detail} (bukan JSON)` } : { kind: 'ok', body };
  }
  if (channel === 'Twitter/X') {
    if (reply.code === 429) {
      const reset = Number(header(reply.headers, 'x-rate-limit-reset'));
      return {
        kind: 'rateLimited',
        retryAt: Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null,
        detail,
      };
    }
    if (reply.code === 401) return { kind: 'tokenInvalid', detail };
    return { kind: 'failed', detail };
  }
  if (channel === 'YouTube') {
    const reasons = (Array.isArray(error?.errors) ? (error.errors as { reason?: string }[]) : []).map((e) =>
      String(e.reason ?? ''),
    );
    if (reasons.some((r) => r === 'quotaExceeded' || r === 'dailyLimitExceeded'))
      return { kind: 'quotaExceeded', retryAt: nextPacificMidnight(now), detail };
    if (reply.code === 429 || reasons.some((r) => r === 'rateLimitExceeded' || r === 'userRateLimitExceeded'))
      return { kind: 'rateLimited', retryAt: null, detail };
    if (reply.code === 401 || reasons.includes('keyInvalid') || /API_KEY_INVALID/.test(reply.text))
      return { kind: 'tokenInvalid', detail };
    return { kind: 'failed', detail };
  }
  const code = Number(error?.code);
  if (code === 190) return { kind: 'tokenInvalid', detail };
  if (reply.code === 429 || GRAPH_THROTTLE_CODES.includes(code)) return { kind: 'rateLimited', retryAt: null, detail };
  return { kind: 'failed', detail };
}

/** Removes every secret from a text bound for a log or a sheet (URLs carry tokens and keys). */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out.replace(/([?&](?:access_token|key)=)[^&\s]+/g, '$1***');
}
