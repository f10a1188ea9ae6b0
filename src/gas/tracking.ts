/**
 * The citizen side's Apps Script adapters (DESIGN §15): the tracking secret in Script
 * Properties, the HMAC (Utilities.computeHmacSha256Signature), the web app's URL, the
 * `Penilaian` tab and the page cache (CacheService). Decisions live in src/core/tracking.
 */
import { Complaint, REGISTER_COLUMNS } from '../core/complaint';
import type { AppConfig } from '../core/config';
import { TAB } from '../core/labels';
import { indexColumns, protectText, readRecord } from '../core/rows';
import { FAILURE } from '../core/labels/journal';
import { RATING_HEADERS, TRACKING_TAB } from '../core/labels/tracking';
import { codeMessage, shortCodeOf, trackingLink } from '../core/tracking/code';
import { Rating, latestRatings, ratingRow, ratingsOf } from '../core/tracking/rating';
import { cellText } from '../core/sanitize';
import { RegisterTable } from './complaint-tables';
import type { ScriptState } from './state';
import { TabData, readTab } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Script Properties key of the HMAC secret (never in a sheet). */
export const TRACKING_SECRET_KEY = 'pantau.secret';

/** A new random secret: two v4 UUIDs (244 random bits). */
export function newTrackingSecret(): string {
  return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
}

/** Creates the secret when missing (setup); true when it was created. */
export function ensureTrackingSecret(state: ScriptState): boolean {
  if (state.get(TRACKING_SECRET_KEY)) return false;
  state.set(TRACKING_SECRET_KEY, newTrackingSecret());
  return true;
}

export function trackingCodeOf(number: string, secret: string): string {
  return shortCodeOf(Utilities.computeHmacSha256Signature(codeMessage(number), secret, Utilities.Charset.UTF_8));
}

/**
 * The page's address: Pengaturan `url_pantau`, else the deployed web app's URL
 * (ScriptApp.getService().getUrl(), null when the script is not deployed as a web app).
 */
export function webAppUrl(config: Pick<AppConfig, 'trackingUrl'>): string {
  if (config.trackingUrl) return config.trackingUrl;
  try {
    return ScriptApp.getService().getUrl() ?? '';
  } catch {
    // Not deployed, or a runtime without the service: no URL, links stay empty.
    return '';
  }
}

/** The link of one complaint ('' before setup created the secret or without a URL). */
export function trackingLinkFor(
  run: { state: ScriptState; config: Pick<AppConfig, 'trackingUrl'> },
  number: string,
  baseUrl?: string,
): string {
  const secret = run.state.get(TRACKING_SECRET_KEY);
  if (!secret || !number) return '';
  const base = baseUrl ?? webAppUrl(run.config);
  return base ? trackingLink(base, number, trackingCodeOf(number, secret)) : '';
}

/**
 * Writes `Tautan Pantau` (one register read, one write of the changed rows): the complaints
 * without a link (setup, after an upgrade or once the URL is known), or every complaint (after a
 * new secret). Returns how many links were written and the URL used.
 */
export function writeTrackingLinks(
  run: { ss: Spreadsheet; state: ScriptState; config: Pick<AppConfig, 'trackingUrl'> },
  all: boolean,
): { written: number; base: string } {
  const base = webAppUrl(run.config);
  const register = RegisterTable.read(run.ss);
  let written = 0;
  for (const c of register.complaints) {
    if (!c.number || (!all && c.trackingUrl)) continue;
    const link = trackingLinkFor(run, c.number, base);
    if (link === c.trackingUrl) continue;
    register.put({ ...c, trackingUrl: link });
    if (link) written++;
  }
  register.flush();
  return { written, base };
}

/**
 * One complaint of the register by number, reading only the header, the number column and that
 * row (3 calls: a page view must not read a 50,000-row register); undefined when not there.
 */
export function findComplaint(ss: Spreadsheet, number: string): Complaint | undefined {
  const sheet = ss.getSheetByName(TAB.register);
  if (!sheet) return undefined;
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 2 || lastCol < 1) return undefined;
  const headers = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  const index = indexColumns(TAB.register, headers, REGISTER_COLUMNS);
  const col = index.number;
  const numbers = sheet.getRange(2, col + 1, lastRow - 1, 1).getValues();
  const i = numbers.findIndex((r) => String(r[0] ?? '').trim() === number);
  if (i < 0) return undefined;
  const row = sheet.getRange(i + 2, 1, 1, lastCol).getValues()[0];
  return readRecord(row, index, REGISTER_COLUMNS) as unknown as Complaint;
}

/**
 * The `Penilaian` tab (columns found by header name): the latest rating per complaint and the
 * sheet row of each, so that a new rating overwrites its complaint's row (one per complaint).
 */
export class RatingTable {
  private constructor(
    private readonly tab: TabData | null,
    /** Column of each RATING_HEADERS entry (0-based), -1 when missing. */
    private readonly cols: number[],
    readonly byNumber: Map<string, Rating>,
    private readonly rowOf: Map<string, number>,
  ) {}

  static read(ss: Spreadsheet): RatingTable {
    const tab = readTab(ss, TRACKING_TAB);
    if (!tab) return new RatingTable(null, [], new Map(), new Map());
    const cols = RATING_HEADERS.map((h) => tab.headers.findIndex((x) => String(x).trim() === h));
    const rows = tab.rows.map((r) => cols.map((c) => (c >= 0 ? r[c] : '')));
    const rowOf = new Map<string, number>();
    rows.forEach((r, i) => {
      const n = String(r[0] ?? '').trim();
      if (n) rowOf.set(n, i);
    });
    return new RatingTable(tab, cols, latestRatings(ratingsOf(rows)), rowOf);
  }

  /** Writes one complaint's rating over its row, or appends it (one call). */
  put(r: Rating): void {
    const tab = this.tab;
    if (!tab || this.cols.some((c) => c < 0)) throw new Error(FAILURE.tabMissing(TRACKING_TAB));
    const values = ratingRow({ ...r, comment: cellText(r.comment) });
    const index = this.rowOf.get(r.number);
    const width = Math.max(tab.width, ...this.cols.map((c) => c + 1));
    // Other columns of the row (the operator's own) are kept, neutralised as written back.
    const row = Array.from({ length: width }, (_, i) =>
      index !== undefined && i < tab.rows[index].length ? protectText(tab.rows[index][i]) : '',
    );
    this.cols.forEach((c, k) => {
      row[c] = values[k];
    });
    if (index !== undefined) tab.sheet.getRange(index + 2, 1, 1, width).setValues([row]);
    else tab.sheet.appendRow(row);
    this.byNumber.set(r.number, r);
  }
}

/** Ratings of the tab, latest per complaint ([] before setup created the tab). */
export function readRatings(ss: Spreadsheet): Rating[] {
  return [...RatingTable.read(ss).byNumber.values()];
}

/** Tracking pages cached for a few minutes (CacheService: 100 KB per value, 6 h at most). */
export const PAGE_CACHE_SECONDS = 300;

export function cachedPage(key: string): string | null {
  return CacheService.getScriptCache().get(key);
}

export function cachePage(key: string, html: string): void {
  // A value over 100 KB is refused by CacheService; such a page is simply not cached.
  if (html.length < 90_000) CacheService.getScriptCache().put(key, html, PAGE_CACHE_SECONDS);
}

export function forgetPage(key: string): void {
  CacheService.getScriptCache().remove(key);
}

/** The cache key of a complaint's page: the code is part of it, so a new secret orphans old pages. */
export function pageCacheKey(number: string, code: string): string {
  return `pantau|${code}|${number}`;
}

/**
 * Drops the cached pages of complaints that just changed, so a citizen never sees a status older
 * than the register's (the cache is only there for repeated views). Best effort: a cache failure
 * only means the page may lag up to PAGE_CACHE_SECONDS.
 */
export function forgetTrackingPages(numbers: Iterable<string>): void {
  const unique = [...new Set(numbers)].filter(Boolean);
  if (!unique.length) return;
  try {
    const secret = PropertiesService.getScriptProperties().getProperty(TRACKING_SECRET_KEY);
    if (!secret) return;
    CacheService.getScriptCache().removeAll(unique.map((n) => pageCacheKey(n, trackingCodeOf(n, secret))));
  } catch (e) {
    console.warn(`Halaman pantau: cache tidak dapat dibersihkan: ${String((e as Error)?.message ?? e)}`);
  }
}
