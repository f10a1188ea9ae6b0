/**
 * Making user text safe where it lands: in a cell (never a formula, never reinterpreted as a
 * number or date, within the 50,000-character cell limit) and in HTML (escaped).
 */

/** Google Sheets' documented limit of characters in one cell. */
export const CELL_CHAR_LIMIT = 50000;

/** Text that Sheets would turn into a formula (or, for = + - @, into a formula-like parse). */
const FORMULA_LEAD = /^[=+\-@\t\r]/;
/**
 * Text that Sheets would reinterpret as a number (incl. currency, percent and exponent forms),
 * boolean, date or time of day when written.
 */
const REINTERPRETED =
  /^\s*(?:(?:rp\.?\s?|\$)?[+-]?[\d.,]+(?:e[+-]?\d+)?%?|true|false|\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:\s.*)?)\s*$/i;

/**
 * The value to write for a piece of user text: prefixed with an apostrophe when Sheets would
 * otherwise execute or reinterpret it. Sheets stores such a value as plain text without the
 * apostrophe, so reading it back gives the user's text unchanged.
 */
export function cellText(text: string): string {
  if (text === '') return '';
  if (FORMULA_LEAD.test(text) || REINTERPRETED.test(text) || text.startsWith("'")) return `'${text}`;
  return text;
}

export interface Clipped {
  text: string;
  clipped: boolean;
  originalLength: number;
}

/**
 * Keeps text within the cell limit (with room for the apostrophe of cellText), with a visible
 * marker saying how much was cut and where the full text is.
 */
export function clipToCell(text: string, whereFull: string): Clipped {
  const limit = CELL_CHAR_LIMIT - 1;
  if (text.length <= limit) return { text, clipped: false, originalLength: text.length };
  const marker = `\n…[TERPOTONG: ${text.length.toLocaleString('id-ID')} karakter; teks lengkap di ${whereFull}]`;
  let head = text.slice(0, limit - marker.length);
  // Do not split a surrogate pair (emoji) in half.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return { text: head + marker, clipped: true, originalLength: text.length };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** Trims and normalises line endings of a free-text answer. */
export function normaliseText(value: unknown): string {
  return String(value ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();
}

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value.trim());
}
