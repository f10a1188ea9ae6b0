/**
 * The public tracking page (DESIGN §15): the web app's `doGet` (status page and search box) and
 * `doPost` (the citizen's rating), deployed "Anyone" and executing as the owner, plus the menu
 * item that replaces the tracking secret (every old link stops working; the `Tautan Pantau`
 * column is rewritten).
 *
 * Request parameters (https://developers.google.com/apps-script/guides/web, "Request
 * parameters"): `e.parameter` holds the first value of each query-string parameter, and for a
 * POST with `application/x-www-form-urlencoded` content also the form's fields. The rating uses
 * a plain HTML form posted to the same URL, so it works without JavaScript; links and forms open
 * in a new tab (`<base target="_blank">`): the HtmlService sandbox of a container-bound project
 * does not allow top-level navigation (https://developers.google.com/apps-script/guides/html/restrictions;
 * see LINK_TARGET in src/core/tracking/page.ts).
 *
 * A page view reads Script Properties once (the secret and the cached config) and, only when the
 * code is right and the page is not cached, the register's number column, one register row and
 * the `Penilaian` tab. A wrong code is answered before any sheet is read, with the same bytes as
 * an unknown number.
 */
import { REGISTER_COLUMNS } from '../core/complaint';
import { TAB } from '../core/labels';
import { RUN_NAME } from '../core/labels/runs';
import { PAGE, TRACKING_DIALOG, TRACKING_HISTORY, TRACKING_MENU } from '../core/labels/tracking';
import { codesMatch, normaliseNumber } from '../core/tracking/code';
import { Notice, notFoundPageHtml, searchPageHtml, trackingPageHtml, trackingViewOf } from '../core/tracking/page';
import { RATING_MAX_CHANGES, canRate, nextRating, parseScore, sanitiseComment } from '../core/tracking/rating';
import { Journal } from '../gas/journal';
import { ScriptState } from '../gas/state';
import {
  RatingTable,
  TRACKING_SECRET_KEY,
  cachePage,
  cachedPage,
  findComplaint,
  forgetPage,
  newTrackingSecret,
  pageCacheKey,
  trackingCodeOf,
  webAppUrl,
  writeTrackingLinks,
} from '../gas/tracking';
import { htmlPage, showAlert } from '../gas/ui';
import { cachedConfig } from '../gas/config-store';
import { tryScriptLock, waitScriptLock } from '../gas/lock';
import { activeSpreadsheet, activeUserEmail, openSpreadsheetByUrl } from '../gas/session';
import { operatorOnly } from './access';
import { finish, guard, layoutOf, startRun } from './run';

type WebEvent = GoogleAppsScript.Events.DoGet | GoogleAppsScript.Events.DoPost;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

const SOURCE = TRACKING_HISTORY.source;

const output = htmlPage;

function spreadsheet(state: ScriptState): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = activeSpreadsheet();
  if (active) return active;
  const url = layoutOf(state).spreadsheetUrl;
  if (!url) throw new Error('web app: no active spreadsheet and setup has not recorded its URL');
  return openSpreadsheetByUrl(url);
}

function param(e: WebEvent | undefined, name: string): string {
  const v = e?.parameter?.[name];
  return typeof v === 'string' ? v : '';
}

interface Request {
  state: ScriptState;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Where the page's forms go: the same for every page, found or not. */
  actionUrl: string;
  /** The number and its canonical code when the code given is right; null otherwise. */
  match: { number: string; code: string } | null;
  asked: boolean;
}

function readRequest(e: WebEvent | undefined): Request {
  const state = ScriptState.load();
  const secret = state.get(TRACKING_SECRET_KEY) ?? '';
  const rawNumber = param(e, 'no');
  const rawCode = param(e, 'k');
  const asked = rawNumber.trim() !== '' || rawCode.trim() !== '';
  const number = normaliseNumber(rawNumber);
  let match: Request['match'] = null;
  if (number && secret) {
    const code = trackingCodeOf(number, secret);
    if (codesMatch(rawCode, code)) match = { number, code };
  }
  const ss = spreadsheet(state);
  // The config comes from Script Properties (cached); the sheets are read only if that is gone.
  return { state, ss, actionUrl: webAppUrl(cachedConfig(ss, state)), match, asked };
}

const NOT_FOUND_TITLE = `${PAGE.notFoundHeading} — ${PAGE.title}`;

function notFound(req: Request): HtmlOutput {
  return output(notFoundPageHtml(req.actionUrl), NOT_FOUND_TITLE);
}

const cacheKeyOf = (m: { number: string; code: string }): string => pageCacheKey(m.number, m.code);

function statusPage(e: WebEvent | undefined): HtmlOutput {
  const req = readRequest(e);
  if (!req.asked) return output(searchPageHtml(req.actionUrl), PAGE.title);
  if (!req.match) return notFound(req);
  const key = cacheKeyOf(req.match);
  const cached = cachedPage(key);
  if (cached) return output(cached, `${req.match.number} — ${PAGE.title}`);
  const ss = req.ss;
  const c = findComplaint(ss, req.match.number);
  if (!c) return notFound(req);
  const rating = RatingTable.read(ss).byNumber.get(c.number);
  const html = trackingPageHtml(trackingViewOf(c, rating, new Date()), {
    actionUrl: req.actionUrl,
    code: req.match.code,
  });
  cachePage(key, html);
  return output(html, `${c.number} — ${PAGE.title}`);
}

function rate(e: WebEvent | undefined): HtmlOutput {
  const req = readRequest(e);
  if (!req.match) return notFound(req);
  const ss = req.ss;
  const c = findComplaint(ss, req.match.number);
  if (!c) return notFound(req);
  const now = new Date();
  const page = (notice: Notice, table?: RatingTable): HtmlOutput => {
    const rating = (table ?? RatingTable.read(ss)).byNumber.get(c.number);
    return output(
      trackingPageHtml(trackingViewOf(c, rating, now), { actionUrl: req.actionUrl, code: req.match!.code, notice }),
      `${c.number} — ${PAGE.title}`,
    );
  };
  if (!canRate(c)) return page('notYet');
  const score = parseScore(param(e, 'nilai'));
  if (score === null) return page('invalid');
  const comment = sanitiseComment(param(e, 'komentar'));

  const lock = tryScriptLock('rating');
  if (!lock) return page('busy');
  try {
    const table = RatingTable.read(ss);
    const previous = table.byNumber.get(c.number);
    const same = previous !== undefined && previous.score === score && previous.comment === comment;
    if (!same && previous && previous.changes >= RATING_MAX_CHANGES) return page('limit', table);
    if (!same) {
      const journal = new Journal(now, TRACKING_HISTORY.citizen, SOURCE);
      const action = previous ? TRACKING_HISTORY.rerated : TRACKING_HISTORY.rated;
      table.put(nextRating(previous, c.number, score, comment, now));
      journal.record(c.number, action, TRACKING_HISTORY.scoreField, previous?.score ?? '', score);
      if ((previous?.comment ?? '') !== comment)
        journal.record(c.number, action, TRACKING_HISTORY.commentField, previous?.comment ?? '', comment);
      journal.flush(ss);
      forgetPage(cacheKeyOf(req.match));
    }
    return page('thanks', table);
  } finally {
    lock.release();
  }
}

/** Web app GET: the search box, or the status page of `?no=…&k=…`. */
export function doGet(e: GoogleAppsScript.Events.DoGet): HtmlOutput {
  return guard(SOURCE, () => statusPage(e));
}

/** Web app POST: the rating form (fields no, k, nilai, komentar). */
export function doPost(e: GoogleAppsScript.Events.DoPost): HtmlOutput {
  return guard(SOURCE, () => rate(e));
}

/**
 * Menu "Ganti kode tautan pantau": a new secret; every link in `Tautan Pantau` is rewritten with
 * the new code and the current URL (use it after the URL changed too). Old links then show
 * "tidak ditemukan". Links that are merely missing are filled by setup, without a new secret.
 */
export function menuRotateTrackingCode(): void {
  if (!operatorOnly(TRACKING_MENU.rotate)) return;
  guard(RUN_NAME.menu, () => {
    const lock = waitScriptLock('menu');
    const run = startRun(TRACKING_MENU.rotate, { user: activeUserEmail() });
    run.state.set(TRACKING_SECRET_KEY, newTrackingSecret());
    const { written: rewritten, base } = writeTrackingLinks(run, true);
    run.journal.record(
      '',
      TRACKING_HISTORY.rotated,
      REGISTER_COLUMNS.find((col) => col.key === 'trackingUrl')!.header,
      '',
      TRACKING_HISTORY.rotatedValue(rewritten),
    );
    if (!base) run.journal.error(TRACKING_DIALOG.noUrl, TAB.settings, '', 'PERINGATAN');
    finish(run);
    lock.release();
    showAlert(TRACKING_MENU.rotate, TRACKING_DIALOG.rotateDone(rewritten, base));
  });
}
