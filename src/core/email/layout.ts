/**
 * The frame of every email: HTML with inline styles only (Gmail drops <style> blocks in many
 * clients), a plain-text twin, and escaping of every value that came from a user.
 */
import { escapeHtml } from '../sanitize';

export interface EmailSection {
  heading: string;
  /** Each item is a list of [label, value] pairs; values are user text and get escaped. */
  items: { title: string; link?: string; fields: [string, string][] }[];
  empty?: string;
}

export interface EmailContent {
  title: string;
  intro: string[];
  sections: EmailSection[];
  action?: { label: string; url: string };
  footer: string;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#202124;';

export function renderHtml(c: EmailContent): string {
  const parts: string[] = [];
  parts.push(`<div style="${FONT}font-size:14px;line-height:1.5;max-width:680px;">`);
  parts.push(`<h2 style="${FONT}font-size:18px;margin:0 0 12px;color:#7b1f1f;">${escapeHtml(c.title)}</h2>`);
  for (const p of c.intro) parts.push(`<p style="margin:0 0 10px;">${escapeHtml(p)}</p>`);
  for (const s of c.sections) {
    parts.push(
      `<h3 style="${FONT}font-size:15px;margin:18px 0 8px;border-bottom:1px solid #dadce0;padding-bottom:4px;">${escapeHtml(s.heading)}</h3>`,
    );
    if (!s.items.length && s.empty) parts.push(`<p style="margin:0 0 8px;color:#5f6368;">${escapeHtml(s.empty)}</p>`);
    for (const item of s.items) {
      const title = item.link
        ? `<a href="${escapeHtml(item.link)}" style="color:#1a73e8;text-decoration:none;">${escapeHtml(item.title)}</a>`
        : escapeHtml(item.title);
      parts.push(`<div style="margin:0 0 10px;padding:8px 10px;background:#f8f9fa;border-left:3px solid #7b1f1f;">`);
      parts.push(`<div style="font-weight:bold;margin-bottom:4px;">${title}</div>`);
      parts.push('<table style="border-collapse:collapse;font-size:13px;">');
      for (const [label, value] of item.fields) {
        parts.push(
          `<tr><td style="padding:1px 10px 1px 0;color:#5f6368;vertical-align:top;white-space:nowrap;">${escapeHtml(label)}</td><td style="padding:1px 0;vertical-align:top;">${escapeHtml(value).replace(/\n/g, '<br>')}</td></tr>`,
        );
      }
      parts.push('</table></div>');
    }
  }
  if (c.action) {
    parts.push(
      `<p style="margin:16px 0;"><a href="${escapeHtml(c.action.url)}" style="background:#7b1f1f;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none;display:inline-block;">${escapeHtml(c.action.label)}</a></p>`,
    );
  }
  parts.push(`<p style="margin:18px 0 0;font-size:12px;color:#5f6368;">${escapeHtml(c.footer)}</p>`);
  parts.push('</div>');
  return parts.join('\n');
}

export function renderText(c: EmailContent): string {
  const lines: string[] = [c.title, '', ...c.intro];
  for (const s of c.sections) {
    lines.push('', `== ${s.heading} ==`);
    if (!s.items.length && s.empty) lines.push(s.empty);
    for (const item of s.items) {
      lines.push('', `* ${item.title}${item.link ? ` <${item.link}>` : ''}`);
      for (const [label, value] of item.fields) lines.push(`  ${label}: ${value.replace(/\n/g, '\n    ')}`);
    }
  }
  if (c.action) lines.push('', `${c.action.label}: ${c.action.url}`);
  lines.push('', '--', c.footer);
  return lines.join('\n');
}
