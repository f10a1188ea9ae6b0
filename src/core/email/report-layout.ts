/**
 * The frame of the list-like emails (digests, summaries): compact tables, so that a digest of a
 * hundred complaints stays well under the size Gmail clips (~102 KB) and under the outbox cell
 * limit. Inline styles only (Gmail drops <style> blocks); table spacing uses the `cellpadding`
 * attribute rather than a style on every cell. Every value is escaped; the plain-text twin says
 * the same.
 */
import { escapeHtml } from '../sanitize';

export interface Cell {
  text: string;
  link?: string;
  /** Highlight (overdue, a fall in the on-time rate). */
  alert?: boolean;
}

export type CellValue = string | Cell;

export interface TableBlock {
  kind: 'table';
  heading: string;
  note?: string;
  columns: string[];
  /** Right-align these column indexes (figures). */
  numeric?: number[];
  rows: CellValue[][];
  /** Rows left out; shown as "dan N lainnya". */
  more?: number;
  moreNote?: string;
  empty?: string;
}

export interface FiguresBlock {
  kind: 'figures';
  heading: string;
  /** [label, value, optional change] */
  rows: [string, string, string?][];
}

export interface TextBlock {
  kind: 'text';
  heading?: string;
  lines: string[];
}

export type Block = TableBlock | FiguresBlock | TextBlock;

export interface ReportContent {
  title: string;
  intro: string[];
  blocks: Block[];
  action?: { label: string; url: string };
  footer: string;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#202124;';
const MAROON = '#7b1f1f';
const ALERT = 'color:#b3261e;font-weight:bold;';

const cellOf = (v: CellValue): Cell => (typeof v === 'string' ? { text: v } : v);

function htmlCell(v: CellValue, right: boolean, tag: 'td' | 'th' = 'td'): string {
  const c = cellOf(v);
  const text = escapeHtml(c.text).replace(/\n/g, '<br>');
  const content = c.link ? `<a href="${escapeHtml(c.link)}" style="color:#1a73e8;">${text}</a>` : text;
  const style = `${right ? 'text-align:right;' : ''}${c.alert ? ALERT : ''}`;
  return `<${tag}${style ? ` style="${style}"` : ''}>${content}</${tag}>`;
}

export function moreText(n: number): string {
  return `… dan ${n} lainnya`;
}

function htmlBlock(b: Block): string[] {
  const out: string[] = [];
  if (b.kind !== 'text' || b.heading) {
    out.push(
      `<h3 style="${FONT}font-size:15px;margin:18px 0 6px;border-bottom:1px solid #dadce0;padding-bottom:4px;">${escapeHtml(b.heading ?? '')}</h3>`,
    );
  }
  if (b.kind === 'text') {
    for (const line of b.lines) out.push(`<p style="margin:0 0 8px;">${escapeHtml(line)}</p>`);
    return out;
  }
  if (b.kind === 'figures') {
    out.push('<table cellpadding="3" cellspacing="0" style="border-collapse:collapse;font-size:13px;">');
    for (const [label, value, change] of b.rows) {
      out.push(
        `<tr><td style="color:#5f6368;">${escapeHtml(label)}</td><td style="text-align:right;font-weight:bold;">${escapeHtml(value)}</td><td style="color:#5f6368;">${escapeHtml(change ?? '')}</td></tr>`,
      );
    }
    out.push('</table>');
    return out;
  }
  if (b.note) out.push(`<p style="margin:0 0 6px;color:#5f6368;font-size:13px;">${escapeHtml(b.note)}</p>`);
  if (!b.rows.length) {
    out.push(`<p style="margin:0 0 8px;color:#5f6368;">${escapeHtml(b.empty ?? '-')}</p>`);
    return out;
  }
  const numeric = new Set(b.numeric ?? []);
  out.push(
    '<table cellpadding="4" cellspacing="0" border="1" style="border-collapse:collapse;border-color:#dadce0;font-size:13px;">',
  );
  out.push(
    `<tr style="background:#f1f3f4;">${b.columns.map((h, i) => htmlCell(h, numeric.has(i), 'th')).join('')}</tr>`,
  );
  for (const row of b.rows) out.push(`<tr>${row.map((v, i) => htmlCell(v, numeric.has(i))).join('')}</tr>`);
  out.push('</table>');
  if (b.more)
    out.push(
      `<p style="margin:4px 0 8px;color:#5f6368;">${escapeHtml(moreText(b.more))}${b.moreNote ? ` ${escapeHtml(b.moreNote)}` : ''}</p>`,
    );
  return out;
}

export function renderReportHtml(c: ReportContent): string {
  const parts: string[] = [`<div style="${FONT}font-size:14px;line-height:1.45;max-width:760px;">`];
  parts.push(`<h2 style="${FONT}font-size:18px;margin:0 0 12px;color:${MAROON};">${escapeHtml(c.title)}</h2>`);
  for (const p of c.intro) parts.push(`<p style="margin:0 0 10px;">${escapeHtml(p)}</p>`);
  for (const b of c.blocks) parts.push(...htmlBlock(b));
  if (c.action) {
    parts.push(
      `<p style="margin:16px 0;"><a href="${escapeHtml(c.action.url)}" style="background:${MAROON};color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none;display:inline-block;">${escapeHtml(c.action.label)}</a></p>`,
    );
  }
  parts.push(`<p style="margin:18px 0 0;font-size:12px;color:#5f6368;">${escapeHtml(c.footer)}</p>`);
  parts.push('</div>');
  return parts.join('\n');
}

function textBlock(b: Block): string[] {
  const out: string[] = [''];
  if (b.kind !== 'text' || b.heading) out.push(`== ${b.heading ?? ''} ==`);
  if (b.kind === 'text') return [...out, ...b.lines];
  if (b.kind === 'figures') {
    for (const [label, value, change] of b.rows) out.push(`  ${label}: ${value}${change ? ` (${change})` : ''}`);
    return out;
  }
  if (b.note) out.push(b.note);
  if (!b.rows.length) return [...out, b.empty ?? '-'];
  for (const row of b.rows) {
    out.push(
      `- ${row
        .map((v, i) => {
          const text = cellOf(v).text.replace(/\s*\n\s*/g, ' ');
          return i === 0 ? text : `${b.columns[i]}: ${text}`;
        })
        .join(' | ')}`,
    );
  }
  if (b.more) out.push(`${moreText(b.more)}${b.moreNote ? ` ${b.moreNote}` : ''}`);
  return out;
}

export function renderReportText(c: ReportContent): string {
  const lines: string[] = [c.title, '', ...c.intro];
  for (const b of c.blocks) lines.push(...textBlock(b));
  if (c.action) lines.push('', `${c.action.label}: ${c.action.url}`);
  lines.push('', '--', c.footer);
  return lines.join('\n');
}

/** Gmail and the outbox cell both need room: every body stays under this many characters. */
export const MAX_BODY_CHARS = 45_000;

/**
 * Renders with at most `limit` rows in the tables, lowering the limit until both bodies fit
 * within MAX_BODY_CHARS. `build(limit)` must cut its lists to `limit` rows in total.
 */
export function renderWithin(
  build: (limit: number) => ReportContent,
  limit = 100,
): { html: string; text: string; limit: number } {
  for (let n = limit; ; n = Math.floor(n * 0.75)) {
    const content = build(n);
    const html = renderReportHtml(content);
    const text = renderReportText(content);
    if ((html.length <= MAX_BODY_CHARS && text.length <= MAX_BODY_CHARS) || n === 0) return { html, text, limit: n };
  }
}

/** Cuts lists to `limit` rows in total, in order; returns the kept rows and how many were left out per list. */
export function share<T>(lists: T[][], limit: number): { kept: T[][]; left: number[] } {
  let room = limit;
  const kept = lists.map((l) => {
    const k = l.slice(0, Math.max(0, room));
    room -= k.length;
    return k;
  });
  return { kept, left: lists.map((l, i) => l.length - kept[i].length) };
}
