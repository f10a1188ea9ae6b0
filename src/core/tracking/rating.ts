/**
 * The citizen's satisfaction rating (DESIGN §15): 1–5 with an optional comment, one per
 * complaint (a new rating replaces the previous one; each change goes to `Riwayat`), offered
 * only once the complaint is `Dijawab`. Stored in the `Penilaian` tab.
 */
import { STATUS, type Complaint } from '../complaint';
import { RATING_HEADERS } from '../labels/tracking';
import { asDate } from '../values';

export const COMMENT_MAX = 500;
/** Changes kept per complaint: beyond this a link passed around cannot flood `Riwayat`. */
export const RATING_MAX_CHANGES = 20;

export interface Rating {
  number: string;
  score: number;
  comment: string;
  at: Date;
  /** How many times the citizen changed it after the first rating. */
  changes: number;
}

/**
 * A comment as it may be stored and shown: control characters removed, whitespace collapsed,
 * at most 500 characters (by code point, never half a surrogate pair). Escaping for HTML and
 * neutralising for cells happen where it lands.
 */
export function sanitiseComment(input: unknown): string {
  const text = String(input ?? '')
    // Control and invisible formatting characters are removed on purpose (they hide or reorder text).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return Array.from(text).slice(0, COMMENT_MAX).join('').trim();
}

/** The score as submitted: an integer 1–5, else null. */
export function parseScore(input: unknown): number | null {
  const s = String(input ?? '').trim();
  return /^[1-5]$/.test(s) ? Number(s) : null;
}

export function canRate(c: Pick<Complaint, 'status' | 'answeredAt'>): boolean {
  return c.status === STATUS.answered && c.answeredAt !== null;
}

/** The `Penilaian` row of a rating, in RATING_HEADERS order. */
export function ratingRow(r: Rating): unknown[] {
  return [r.number, r.score, r.comment, r.at, r.changes];
}

/** Ratings of the `Penilaian` tab (rows in RATING_HEADERS order); unreadable rows are skipped. */
export function ratingsOf(rows: readonly unknown[][]): Rating[] {
  const out: Rating[] = [];
  for (const row of rows) {
    const number = String(row[0] ?? '').trim();
    const score = parseScore(row[1]);
    const at = asDate(row[3]);
    if (!number || score === null || !at) continue;
    out.push({ number, score, comment: String(row[2] ?? ''), at, changes: Number(row[4]) || 0 });
  }
  return out;
}

/** The latest rating per complaint number (the tab holds one row each; duplicates keep the latest). */
export function latestRatings(ratings: readonly Rating[]): Map<string, Rating> {
  const out = new Map<string, Rating>();
  for (const r of ratings) {
    const seen = out.get(r.number);
    if (!seen || seen.at.getTime() <= r.at.getTime()) out.set(r.number, r);
  }
  return out;
}

export const RATING_COLUMNS = RATING_HEADERS;

/** The rating that replaces `previous` (or the first one). */
export function nextRating(
  previous: Rating | undefined,
  number: string,
  score: number,
  comment: string,
  at: Date,
): Rating {
  return { number, score, comment, at, changes: previous ? previous.changes + 1 : 0 };
}
