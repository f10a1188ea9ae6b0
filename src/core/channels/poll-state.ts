/**
 * A channel's poll state (Script Properties, one JSON per channel) and the decisions on it:
 * whether to poll now, whether this poll is the daily wider one, backing off after a rate
 * limit, reporting a bad token once a day, and counting YouTube quota units (10,000 a day,
 * https://developers.google.com/youtube/v3/getting-started#quota).
 */
import { ChannelName } from './post';
import { Outcome } from './responses';

export interface ChannelState {
  /** X: the newest mention id read (since_id). */
  sinceId: string;
  /** YouTube: ISO time of the newest top-level comment read. */
  newestAt: string;
  lastPollAt: string;
  lastWideAt: string;
  backoffUntil: string;
  backoffLevel: number;
  /** ISO time since when the token has been refused ('' when it works). */
  tokenBadSince: string;
  /** yyyy-MM-dd (WIB) of the last token report. */
  tokenReportedDay: string;
  /** YouTube quota day (Pacific date) and units spent on it. */
  quotaDay: string;
  quotaUnits: number;
  /** Instagram: when the long-lived token was last refreshed. */
  tokenRefreshedAt: string;
  /** Instagram: comment count per recent media at the last poll (comments read only on change). */
  mediaCounts: Record<string, number>;
}

export function emptyState(): ChannelState {
  return {
    sinceId: '',
    newestAt: '',
    lastPollAt: '',
    lastWideAt: '',
    backoffUntil: '',
    backoffLevel: 0,
    tokenBadSince: '',
    tokenReportedDay: '',
    quotaDay: '',
    quotaUnits: 0,
    tokenRefreshedAt: '',
    mediaCounts: {},
  };
}

export function stateOf(value: unknown): ChannelState {
  return { ...emptyState(), ...(value && typeof value === 'object' ? (value as Partial<ChannelState>) : {}) };
}

/** The state as stored (JSON text); a missing or unreadable one is a fresh state. */
export function parseState(raw: string | undefined): ChannelState {
  try {
    return stateOf(raw ? JSON.parse(raw) : null);
  } catch {
    return stateOf(null);
  }
}

export const POLL_MINUTES = 15;
export const WIDE_EVERY_MS = 24 * 3600_000;
export const BACKOFF_BASE_MS = POLL_MINUTES * 60_000;
export const BACKOFF_MAX_MS = 6 * 3600_000;
export const YOUTUBE_DAILY_UNITS = 10000;
/** Units kept back from reading so that replies (50 units each) can still be posted. */
export const YOUTUBE_REPLY_RESERVE = 1000;
export const YOUTUBE_COST = { list: 1, insert: 50 } as const;
export const INSTAGRAM_REFRESH_MS = 7 * 24 * 3600_000;

const ms = (iso: string): number => (iso ? Date.parse(iso) : NaN);

export interface PollDecision {
  poll: boolean;
  wide: boolean;
}

export function decidePoll(state: ChannelState, now: Date): PollDecision {
  const until = ms(state.backoffUntil);
  if (Number.isFinite(until) && now.getTime() < until) return { poll: false, wide: false };
  const lastWide = ms(state.lastWideAt);
  return { poll: true, wide: !Number.isFinite(lastWide) || now.getTime() - lastWide >= WIDE_EVERY_MS };
}

export interface AfterFailure {
  state: ChannelState;
  /** A token problem to report now (at most once a WIB day). */
  reportToken: boolean;
}

const wibDay = (d: Date): string => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The state after a request that did not succeed. */
export function afterFailure(state: ChannelState, outcome: Exclude<Outcome, { kind: 'ok' }>, now: Date): AfterFailure {
  const next = { ...state };
  let reportToken = false;
  if (outcome.kind === 'rateLimited' || outcome.kind === 'quotaExceeded') {
    const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** state.backoffLevel);
    const until =
      outcome.retryAt && outcome.retryAt.getTime() > now.getTime()
        ? outcome.retryAt.getTime()
        : now.getTime() + exponential;
    next.backoffUntil = new Date(until).toISOString();
    next.backoffLevel = Math.min(state.backoffLevel + 1, 10);
  } else if (outcome.kind === 'tokenInvalid') {
    if (!state.tokenBadSince) next.tokenBadSince = now.toISOString();
    if (state.tokenReportedDay !== wibDay(now)) {
      next.tokenReportedDay = wibDay(now);
      reportToken = true;
    }
  }
  return { state: next, reportToken };
}

/** The state after a poll whose every request succeeded. */
export function afterSuccess(state: ChannelState, now: Date, wide: boolean): ChannelState {
  return {
    ...state,
    lastPollAt: now.toISOString(),
    lastWideAt: wide ? now.toISOString() : state.lastWideAt,
    backoffUntil: '',
    backoffLevel: 0,
    tokenBadSince: '',
    tokenReportedDay: '',
  };
}

const pacificDay = (d: Date): string => new Date(d.getTime() - 8 * 3600_000).toISOString().slice(0, 10);

/** Spends YouTube units if the day's budget allows (reads keep a reserve for replies). */
export function spendUnits(state: ChannelState, now: Date, cost: number, forReply = false): boolean {
  const day = pacificDay(now);
  if (state.quotaDay !== day) {
    state.quotaDay = day;
    state.quotaUnits = 0;
  }
  const budget = forReply ? YOUTUBE_DAILY_UNITS : YOUTUBE_DAILY_UNITS - YOUTUBE_REPLY_RESERVE;
  if (state.quotaUnits + cost > budget) return false;
  state.quotaUnits += cost;
  return true;
}

/** Instagram's long-lived token is refreshed weekly (it lasts 60 days). */
export function refreshDue(channel: ChannelName, state: ChannelState, now: Date): boolean {
  if (channel !== 'Instagram' || !state.tokenRefreshedAt) return false;
  return now.getTime() - ms(state.tokenRefreshedAt) >= INSTAGRAM_REFRESH_MS;
}
