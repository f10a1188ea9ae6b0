/**
 * The public tracking page (DESIGN §15) as HTML, built from a view that holds only what the
 * public may see: number, date received, channel, category, unit, status, each SOP step with its
 * time or "menunggu", and the public answer once given. Never the reporter, the complaint text,
 * the post link (nor the reply link, which points at the citizen's post), officer notes or any email: the view cannot carry them, and the answer itself is
 * scrubbed of email addresses and of the reporter's account name.
 *
 * Mobile-first, readable without JavaScript (plain forms, no script), every value escaped. A
 * wrong code and an unknown number give exactly the same "tidak ditemukan" page (it echoes
 * nothing of the request), so a visitor cannot tell which of the two it was.
 */
import { DateTime } from 'luxon';
import { STATUS, type Complaint } from '../complaint';
import { PAGE } from '../labels/tracking';
import { escapeHtml } from '../sanitize';
import { ZONE, formatHuman } from '../values';
import { canRate, type Rating } from './rating';

export type StepState = 'done' | 'waiting' | 'skipped';

export interface StepView {
  step: 1 | 2 | 3 | 4 | 5;
  label: string;
  at: string | null;
  state: StepState;
}

export type Notice = 'thanks' | 'invalid' | 'notYet' | 'busy' | 'limit';

export interface TrackingView {
  number: string;
  received: string;
  channel: string;
  category: string;
  unit: string;
  status: string;
  steps: StepView[];
  /** The closing, when closed without an answer. */
  closedAt: string | null;
  /** The public answer's text (the reply link is left out: it points at the citizen's own post). */
  answer: { text: string } | null;
  canRate: boolean;
  rating: { score: number; comment: string } | null;
  asOf: string;
}

/** Where the page's forms go and which code they carry (the rating form needs both). */
export interface PageContext {
  actionUrl: string;
  code: string;
  notice?: Notice;
}

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;
const REDACTED = '[…]';

/** Words of a reporter's name that are not a name (channel names, common words of accounts). */
const NOT_A_NAME = new Set([
  'facebook',
  'instagram',
  'twitter',
  'youtube',
  'tiktok',
  'akun',
  'official',
  'resmi',
  'bapak',
  'ibu',
  'kak',
  'the',
  'warga',
  'admin',
  'info',
  'jakarta',
  'dki',
  'kota',
  'museum',
  'budaya',
  'komunitas',
  'channel',
  'vlog',
  'official',
]);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Public text with email addresses and the reporter's identity taken out: the reporter's whole
 * name or account (with or without "@", any case), and each word of the name or of the account
 * ("@sartika_rahmawati" → sartika, rahmawati) as a whole word in any case ("Halo Bu Yuyun" for
 * reporter "Yuyun Rahmawati (Facebook)"), except channel names and common words.
 */
export function scrubPublicText(text: string, reporter: string): string {
  let out = text.replace(EMAIL, REDACTED);
  const whole = reporter.trim();
  for (const name of [whole, whole.replace(/^@/, '')].filter((n) => n.length >= 3)) {
    out = out.replace(new RegExp(escapeRegExp(name), 'gi'), REDACTED);
  }
  const words = new Set(
    (whole.match(/\p{L}[\p{L}\p{M}'’]{2,}/gu) ?? []).map((w) => w.toLowerCase()).filter((w) => !NOT_A_NAME.has(w)),
  );
  for (const w of words)
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'giu'), REDACTED);
  return out;
}

function dateOnly(d: Date): string {
  return DateTime.fromMillis(d.getTime(), { zone: ZONE }).setLocale('id').toFormat('d LLLL yyyy');
}

/** The view of a complaint: reads only the fields the public may see. */
export function trackingViewOf(c: Complaint, rating: Rating | undefined, now: Date): TrackingView {
  const received = c.receivedAt ?? c.recordedAt;
  const stamps: [1 | 2 | 3 | 4 | 5, Date | null][] = [
    [1, c.recordedAt],
    [2, c.forwardedAt],
    [3, c.processedAt],
    [4, c.followedUpAt],
    [5, c.answeredAt],
  ];
  const closed = c.status === STATUS.closed || (c.closedAt !== null && c.answeredAt === null);
  const steps = stamps.map(([step, at]): StepView => ({
    step,
    label: PAGE.steps[step],
    at: at ? formatHuman(at) : null,
    state: at ? 'done' : closed ? 'skipped' : 'waiting',
  }));
  const answered = c.status === STATUS.answered && c.answeredAt !== null;
  const replyText = scrubPublicText(c.reply.trim(), c.reporter);
  return {
    number: c.number,
    received: dateOnly(received),
    channel: c.channel || '-',
    category: c.category || PAGE.noCategory,
    unit: c.unit || PAGE.noUnit,
    status: c.status,
    steps,
    closedAt: closed && c.closedAt ? formatHuman(c.closedAt) : null,
    answer: answered && replyText ? { text: replyText } : null,
    canRate: canRate(c),
    rating: rating ? { score: rating.score, comment: rating.comment } : null,
    asOf: formatHuman(now),
  };
}

/**
 * Where links and forms open. Apps Script serves a web app inside a sandboxed iframe, and "in the
 * IFRAME mode you need to set the link target attribute to either _top or _blank"; but the
 * sandbox's `allow-top-navigation-by-user-activation` "is only set for stand-alone script
 * projects" (https://developers.google.com/apps-script/guides/html/restrictions), and this
 * project is bound to the spreadsheet: `_top` may be refused there, `_blank` (allow-popups,
 * allow-popups-to-escape-sandbox) works in both. The result opens in a new tab.
 */
export const LINK_TARGET = '_blank';

const STYLE = [
  '*{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%}',
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f1f1f;background:#f6f3f0}',
  'header{background:#7b1f1f;color:#fff;padding:12px 16px}',
  'header p{margin:0;font-size:14px;opacity:.9}',
  'header h1{margin:0;font-size:20px}',
  'main{max-width:640px;margin:0 auto;padding:12px}',
  'section{background:#fff;border-radius:8px;padding:12px 14px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}',
  'h2{font-size:18px;margin:0 0 8px}',
  'dl{margin:0}',
  'dt{font-size:13px;color:#666;margin-top:6px}',
  'dd{margin:0;font-weight:600;overflow-wrap:anywhere}',
  'ol{list-style:none;margin:0;padding:0}',
  'li{padding:8px 0 8px 28px;border-top:1px solid #eee;position:relative;overflow-wrap:anywhere}',
  'li:first-child{border-top:0}',
  'li::before{content:"";position:absolute;left:4px;top:14px;width:12px;height:12px;border-radius:50%;border:2px solid #999;background:#fff}',
  'li.done::before{background:#3c8d40;border-color:#3c8d40}',
  'li.skipped{color:#888}',
  '.when{display:block;font-size:14px;color:#555}',
  '.waiting .when{font-style:italic}',
  '.status{display:inline-block;padding:2px 8px;border-radius:12px;background:#f3e3e3;color:#7b1f1f}',
  '.answer{white-space:pre-wrap;overflow-wrap:anywhere}',
  'a{color:#2b5db9;overflow-wrap:anywhere}',
  'label{display:block;margin:8px 0 4px;font-weight:600}',
  'input[type=text],textarea{width:100%;max-width:100%;font:inherit;padding:8px;border:1px solid #bbb;border-radius:6px}',
  'textarea{min-height:90px}',
  'fieldset{border:0;margin:0;padding:0;min-width:0}',
  'legend{font-weight:600;padding:0}',
  '.scale label{display:flex;align-items:center;gap:8px;font-weight:400;margin:4px 0}',
  'button{font:inherit;font-weight:600;margin-top:10px;padding:10px 16px;border:0;border-radius:6px;background:#7b1f1f;color:#fff;width:100%}',
  '.notice{padding:10px 12px;border-radius:6px;background:#e7f3e8;margin:0 0 12px}',
  '.notice.warn{background:#fdf0dc}',
  'footer{font-size:13px;color:#666;padding:0 16px 24px;max-width:640px;margin:0 auto}',
  '@media (min-width:600px){button{width:auto}}',
].join('');

function layout(title: string, body: string, footer: string): string {
  return (
    '<!DOCTYPE html>' +
    `<html lang="${PAGE.lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="robots" content="noindex, nofollow">' +
    '<meta name="referrer" content="no-referrer">' +
    `<base target="${LINK_TARGET}"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><header><p>${escapeHtml(PAGE.agency)}</p><h1>${escapeHtml(PAGE.title)}</h1></header>` +
    `<main>${body}</main><footer>${footer}</footer></body></html>`
  );
}

function searchForm(actionUrl: string): string {
  return (
    '<section id="cari">' +
    `<h2>${escapeHtml(PAGE.searchHeading)}</h2><p>${escapeHtml(PAGE.searchHelp)}</p>` +
    `<form method="get" action="${escapeHtml(actionUrl)}" rel="noopener">` +
    `<label for="no">${escapeHtml(PAGE.numberLabel)}</label>` +
    `<input type="text" id="no" name="no" inputmode="text" autocomplete="off" autocapitalize="characters" maxlength="20" placeholder="${escapeHtml(PAGE.numberPlaceholder)}" required>` +
    `<label for="k">${escapeHtml(PAGE.codeLabel)}</label>` +
    '<input type="text" id="k" name="k" autocomplete="off" autocapitalize="characters" maxlength="20" required>' +
    `<button type="submit">${escapeHtml(PAGE.searchButton)}</button>` +
    '</form></section>'
  );
}

const FOOTER = `<p>${escapeHtml(PAGE.privacy)}</p>`;

/** The page with only the search box (no number asked for). */
export function searchPageHtml(actionUrl: string): string {
  return layout(PAGE.title, `<section><p>${escapeHtml(PAGE.intro)}</p></section>${searchForm(actionUrl)}`, FOOTER);
}

/**
 * The "tidak ditemukan" page: the same bytes for a wrong code, an unknown number and a malformed
 * request, whatever was asked (nothing of the request is echoed).
 */
export function notFoundPageHtml(actionUrl: string): string {
  return layout(
    `${PAGE.notFoundHeading} — ${PAGE.title}`,
    `<section role="alert"><h2>${escapeHtml(PAGE.notFoundHeading)}</h2><p>${escapeHtml(PAGE.notFound)}</p></section>${searchForm(actionUrl)}`,
    FOOTER,
  );
}

function stepItem(s: StepView): string {
  const when = s.state === 'done' ? s.at! : s.state === 'skipped' ? PAGE.skipped : PAGE.waiting;
  return `<li class="${s.state}" data-step="${s.step}">${escapeHtml(`${s.step}. ${s.label}`)}<span class="when">${escapeHtml(when)}</span></li>`;
}

const NOTICE_TEXT: Record<Notice, { text: string; warn: boolean }> = {
  thanks: { text: PAGE.ratingThanks, warn: false },
  invalid: { text: PAGE.ratingInvalid, warn: true },
  notYet: { text: PAGE.ratingNotYet, warn: true },
  busy: { text: PAGE.ratingBusy, warn: true },
  limit: { text: PAGE.ratingLimit, warn: true },
};

function ratingSection(v: TrackingView, ctx: PageContext): string {
  if (!v.canRate) return '';
  const current = v.rating?.score ?? 0;
  const options = ([1, 2, 3, 4, 5] as const)
    .map(
      (n) =>
        `<label><input type="radio" name="nilai" value="${n}"${n === current ? ' checked' : ''} required> ${n} — ${escapeHtml(PAGE.ratingScale[n])}</label>`,
    )
    .join('');
  return (
    '<section id="penilaian">' +
    `<h2>${escapeHtml(PAGE.ratingHeading)}</h2>` +
    (v.rating ? `<p>${escapeHtml(PAGE.yourRating(v.rating.score))}</p>` : '') +
    `<form method="post" action="${escapeHtml(ctx.actionUrl)}" rel="noopener">` +
    `<input type="hidden" name="no" value="${escapeHtml(v.number)}">` +
    `<input type="hidden" name="k" value="${escapeHtml(ctx.code)}">` +
    `<fieldset class="scale"><legend>${escapeHtml(PAGE.ratingQuestion)}</legend>${options}</fieldset>` +
    `<label for="komentar">${escapeHtml(PAGE.commentLabel)}</label>` +
    `<textarea id="komentar" name="komentar" maxlength="500">${escapeHtml(v.rating?.comment ?? '')}</textarea>` +
    `<button type="submit">${escapeHtml(PAGE.submitRating)}</button>` +
    '</form></section>'
  );
}

/** The status page of one complaint. */
export function trackingPageHtml(v: TrackingView, ctx: PageContext): string {
  const f = PAGE.fields;
  const notice = ctx.notice ? NOTICE_TEXT[ctx.notice] : null;
  const facts: [string, string][] = [
    [f.received, v.received],
    [f.channel, v.channel],
    [f.category, v.category],
    [f.unit, v.unit],
  ];
  const steps =
    v.steps.map(stepItem).join('') +
    (v.closedAt
      ? `<li class="done" data-step="closed">${escapeHtml(PAGE.closedStep)}<span class="when">${escapeHtml(v.closedAt)}</span></li>`
      : '');
  const answer = v.answer
    ? `<section id="jawaban"><h2>${escapeHtml(PAGE.answerHeading)}</h2>` +
      `<p class="answer">${escapeHtml(v.answer.text)}</p></section>`
    : v.closedAt
      ? `<section><p>${escapeHtml(PAGE.closedNote)}</p></section>`
      : '';
  const body =
    (notice ? `<p class="notice${notice.warn ? ' warn' : ''}" role="status">${escapeHtml(notice.text)}</p>` : '') +
    '<section id="ringkasan">' +
    `<p>${escapeHtml(PAGE.numberHeading)}</p><h2 id="nomor">${escapeHtml(v.number)}</h2>` +
    `<p>${escapeHtml(f.status)}: <strong class="status" id="status">${escapeHtml(v.status)}</strong></p>` +
    `<dl>${facts.map(([k, val]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(val)}</dd>`).join('')}</dl>` +
    '</section>' +
    `<section id="tahapan"><h2>${escapeHtml(PAGE.stepsHeading)}</h2><ol>${steps}</ol></section>` +
    answer +
    ratingSection(v, ctx) +
    `<p><a href="${escapeHtml(ctx.actionUrl || '?')}" rel="noopener">${escapeHtml(PAGE.back)}</a></p>`;
  return layout(`${v.number} — ${PAGE.title}`, body, `<p>${escapeHtml(PAGE.updatedAt(v.asOf))}</p>${FOOTER}`);
}
