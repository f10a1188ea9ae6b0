/**
 * The citizen's scenario events (DESIGN §15), in their own module so the runner only hooks them:
 *
 *   { "at", "visit": { "ref" | "number", "code"? } }   the citizen opens their tracking link
 *   { "at", "rate":  { "ref", "score", "comment"? } }  the citizen rates (the page's form, POST)
 *
 * A visit's `code` overrides the real one (a wrong or old link); `number` may name a complaint
 * that does not exist. Each visit's HTML goes to `pages/<event index>.html`, and the `Penilaian`
 * tab's ratings at the end to `ratings.json`. Both go through the same request handling as the
 * HTTP server (emulator/web), so a page written here is the page a browser gets.
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { GasRuntime } from '../../emulator/runtime';
import { callWebApp } from '../../emulator/web/server';
import { TRACKING_TAB } from '../../src/core/labels/tracking';
import { codeMessage, shortCodeOf } from '../../src/core/tracking/code';
import { ratingsOf } from '../../src/core/tracking/rating';
import { TRACKING_SECRET_KEY } from '../../src/gas/tracking';
import { ScenarioError } from './validate';

export type CitizenEvent =
  | { at: string; visit: { ref?: number | string; number?: string; code?: string } }
  | { at: string; rate: { ref: number | string; score: number; comment?: string } };

export const CITIZEN_KINDS = ['visit', 'rate'] as const;

/** The page URL the system writes into `Tautan Pantau` in local runs (`npm run serve` listens there). */
export const LOCAL_WEB_APP_PORT = 8080;
export const localWebAppUrl = (port = LOCAL_WEB_APP_PORT): string => `http://127.0.0.1:${port}/exec`;

/** Settings the runner enters for the citizen side unless the scenario sets them. */
export function citizenSettings(): Record<string, string> {
  return { url_pantau: localWebAppUrl() };
}

function fail(where: string, message: string): never {
  throw new ScenarioError(`${where}: ${message}`);
}

const NUMBER = /^ADU-\d{4}-\d{4,}$/;

function isRef(v: unknown): boolean {
  return (typeof v === 'number' && Number.isInteger(v) && v >= 1) || (typeof v === 'string' && NUMBER.test(v));
}

/**
 * Validates a `visit` or `rate` body at `where` (e.g. `events[3].visit`); `submissions` is how many
 * submissions came before it (a numeric ref cannot point past them).
 */
export function validateCitizenEvent(
  kind: (typeof CITIZEN_KINDS)[number],
  body: unknown,
  where: string,
  submissions = Infinity,
): void {
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(where, 'harus berupa objek');
  const b = body as Record<string, unknown>;
  const refTooFar = (): void => {
    if (typeof b.ref === 'number' && b.ref > submissions)
      fail(`${where}.ref`, `merujuk kiriman ke-${b.ref}, padahal baru ${submissions} kiriman sebelum peristiwa ini`);
  };
  if (kind === 'visit') {
    const hasRef = b.ref !== undefined;
    const hasNumber = b.number !== undefined;
    if (hasRef === hasNumber) fail(where, 'harus berisi tepat satu dari ref atau number');
    if (hasRef && !isRef(b.ref))
      fail(`${where}.ref`, 'harus nomor urut kiriman (1, 2, …) atau nomor pengaduan ADU-YYYY-NNNN');
    if (hasNumber && (typeof b.number !== 'string' || !b.number.trim()))
      fail(`${where}.number`, 'harus teks nomor pengaduan (boleh nomor yang tidak ada)');
    if (b.code !== undefined && typeof b.code !== 'string') fail(`${where}.code`, `harus teks, bukan ${typeof b.code}`);
    refTooFar();
    return;
  }
  if (!isRef(b.ref)) fail(`${where}.ref`, 'harus nomor urut kiriman (1, 2, …) atau nomor pengaduan ADU-YYYY-NNNN');
  if (typeof b.score !== 'number' || !Number.isInteger(b.score) || b.score < 1 || b.score > 5)
    fail(`${where}.score`, 'harus bilangan bulat 1–5');
  if (b.comment !== undefined && typeof b.comment !== 'string')
    fail(`${where}.comment`, `harus teks, bukan ${typeof b.comment}`);
  refTooFar();
}

/** `(body, where) => void` validators, one per event kind (the runner's hook shape). */
export const validateVisit = (body: unknown, where: string): void => validateCitizenEvent('visit', body, where);
export const validateRate = (body: unknown, where: string): void => validateCitizenEvent('rate', body, where);

/** What a delivery needs from the runner. */
export interface CitizenContext {
  rt: GasRuntime;
  /** The complaint number of a ref (throws a ScenarioError naming the field when there is none). */
  number(ref: number | string, where: string): string;
  problems: string[];
}

/** Pages and outcomes collected during the run, written out at the end. */
export class CitizenLog {
  readonly pages = new Map<number, string>();
  readonly visits: { index: number; at: string; number: string; status: number }[] = [];
}

/** The real code of a number, as the system derives it (HMAC with the secret in Script Properties). */
export function realCode(rt: GasRuntime, number: string): string {
  const secret = rt.propertiesService.getScriptProperties().getProperty(TRACKING_SECRET_KEY);
  if (!secret) return '';
  return shortCodeOf([
    ...createHmac('sha256', Buffer.from(secret, 'utf8')).update(codeMessage(number), 'utf8').digest(),
  ]);
}

export function isCitizenEvent(ev: object): ev is CitizenEvent {
  return 'visit' in ev || 'rate' in ev;
}

/** Delivers a visit or a rating as the citizen's browser would. */
export function deliverCitizenEvent(ctx: CitizenContext, ev: CitizenEvent, index: number, log: CitizenLog): void {
  const where = `events[${index}]`;
  if ('visit' in ev) {
    const v = ev.visit;
    const number = v.ref !== undefined ? ctx.number(v.ref, `${where}.visit`) : String(v.number);
    const code = v.code ?? realCode(ctx.rt, number);
    const query = new URLSearchParams({ no: number, k: code }).toString();
    const out = callWebApp(ctx.rt, { method: 'GET', url: `/exec?${query}` });
    if (out.status !== 200) ctx.problems.push(`${where}: halaman pantau gagal (${out.status})`);
    log.pages.set(index, out.html);
    log.visits.push({ index, at: ev.at, number, status: out.status });
    return;
  }
  const r = ev.rate;
  const number = ctx.number(r.ref, `${where}.rate`);
  const body = new URLSearchParams({
    no: number,
    k: realCode(ctx.rt, number),
    nilai: String(r.score),
    komentar: r.comment ?? '',
  }).toString();
  const out = callWebApp(ctx.rt, {
    method: 'POST',
    url: '/exec',
    contentType: 'application/x-www-form-urlencoded',
    body,
  });
  if (out.status !== 200) {
    ctx.problems.push(`${where}: penilaian gagal (${out.status})`);
    return;
  }
  // The page says what happened: thanks (green notice), or why not (a warning notice).
  const notice = /<p class="notice( warn)?" role="status">([^<]*)<\/p>/.exec(out.html);
  if (!notice) ctx.problems.push(`${where}: rate.ref: ${number}: halaman pantau tidak menerima penilaian`);
  else if (notice[1]) ctx.problems.push(`${where}: rate.ref: ${number}: penilaian ditolak: ${notice[2]}`);
}

const iso = (d: Date): string | null =>
  DateTime.fromMillis(d.getTime(), { zone: 'Asia/Jakarta' }).toISO({ suppressMilliseconds: true });

/** `pages/NNN.html` for each visit and `ratings.json` (the `Penilaian` tab at the end). */
export function writeCitizenOutputs(dir: string, rt: GasRuntime, log: CitizenLog): void {
  if (log.pages.size) {
    mkdirSync(join(dir, 'pages'), { recursive: true });
    for (const [index, html] of log.pages)
      writeFileSync(join(dir, 'pages', `${String(index).padStart(3, '0')}.html`), html);
  }
  const sheet = rt.spreadsheet.getSheetByName(TRACKING_TAB);
  const rows =
    sheet && sheet.getLastRow() > 1
      ? sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).getValues()
      : [];
  const ratings = ratingsOf(rows).map((r) => ({
    number: r.number,
    score: r.score,
    comment: r.comment,
    ratedAt: iso(r.at),
    changes: r.changes,
  }));
  writeFileSync(join(dir, 'ratings.json'), `${JSON.stringify(ratings, null, 2)}\n`);
}
