/**
 * Sheets number formats: what a cell shows (getDisplayValue) for a number or date.
 *
 * Supported: the automatic format, plain text `@`, number patterns (`0`, `0.00`, `#,##0`,
 * `0%`, `0.0E+00`, quoted/escaped literals, `positive;negative;zero;text` sections) and date
 * patterns (`yyyy`, `yy`, `m`/`mm` month or minute by context, `mmm`, `mmmm`, `d`, `dd`, `ddd`,
 * `dddd`, `h`, `hh`, `ss`, `.000`, `am/pm`, `a/p`). Letters are case-insensitive as in Sheets, so
 * Apps Script's default `M/d/yyyy H:mm:ss` works. Locale: en_US.
 */
import { dateFormat } from './date-format';
import { serialFromInstant } from './time-zone';

/** What getNumberFormat() returns for a cell that never got a format (Sheets' "Automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';
/** Format Sheets gives a cell when a script writes a Date into it (en_US). */
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';
export const DEFAULT_TIME_FORMAT = 'h:mm:ss AM/PM';
export const TEXT_FORMAT = '@';

interface NumberSection {
  prefix: string;
  suffix: string;
  minInt: number;
  minFrac: number;
  maxFrac: number;
  grouping: boolean;
  percent: boolean;
  exponent: number | null; // digits of the exponent when scientific
  text: boolean; // contains '@'
  empty: boolean;
}

export type FormatKind = 'automatic' | 'text' | 'number' | 'date';

export interface CompiledFormat {
  kind: FormatKind;
  /** Display of a number (dates: serial numbers) under this format. */
  number(value: number, timeZone: string): string;
  /** Display of an instant under this format. */
  date(ms: number, timeZone: string): string;
  /** Display of a string under this format. */
  text(value: string): string;
}

const cache = new Map<string, CompiledFormat>();

export function compileFormat(pattern: string | undefined): CompiledFormat {
  const key = pattern ?? '';
  let f = cache.get(key);
  if (!f) {
    f = build(key);
    cache.set(key, f);
  }
  return f;
}

export function formatKind(pattern: string | undefined): FormatKind {
  return compileFormat(pattern).kind;
}

/** Sheets' automatic display of a number: up to 10 significant digits, exponent beyond 1e15. */
export function automaticNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '#NUM!' : value < 0 ? '-#NUM!' : '#NUM!';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e15) return String(value);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mant, exp] = value.toExponential(5).split('e');
    const m = mant.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const s = value.toPrecision(10);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function splitSections(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < pattern.length) {
      cur += ch + pattern[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Strips quoted text, escapes and bracketed colours/conditions so the pattern's kind can be judged. */
function bareLetters(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

function isDatePattern(pattern: string): boolean {
  const bare = bareLetters(pattern)
    .toLowerCase()
    .replace(/am\/pm|a\/p/g, 'h');
  return /[ydhs]|m/.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/g, ''));
}

function build(pattern: string): CompiledFormat {
  const trimmed = pattern.trim();
  if (trimmed === '' || trimmed === AUTOMATIC_FORMAT || trimmed.toLowerCase() === 'general') return automatic();
  if (trimmed === TEXT_FORMAT) return textFormat();
  const first = splitSections(trimmed)[0];
  if (isDatePattern(first)) return dateFormat(first);
  return numberFormat(trimmed);
}

function automatic(): CompiledFormat {
  return {
    kind: 'automatic',
    number: (v) => automaticNumber(v),
    date: (ms, tz) => compileFormat(DEFAULT_DATE_TIME_FORMAT).date(ms, tz),
    text: (s) => s,
  };
}

function textFormat(): CompiledFormat {
  return {
    kind: 'text',
    number: (v) => automaticNumber(v),
    date: (ms, tz) => compileFormat(DEFAULT_DATE_TIME_FORMAT).date(ms, tz),
    text: (s) => s,
  };
}

// ---------------------------------------------------------------- numbers

function parseNumberSection(section: string): NumberSection {
  let prefix = '';
  let suffix = '';
  let intPart = '';
  let fracPart = '';
  let inFrac = false;
  let seenDigit = false;
  let afterDigits = false;
  let percent = false;
  let exponent: number | null = null;
  let text = false;
  let i = 0;
  const lit = (s: string) => {
    if (seenDigit) {
      afterDigits = true;
      suffix += s;
    } else prefix += s;
  };
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      lit(section[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '_' || ch === '*') {
      i += 2; // spacing/fill characters: no visible text here
      continue;
    }
    if ((ch === '0' || ch === '#' || ch === '?' || ch === ',') && !afterDigits) {
      if (ch !== ',') seenDigit = true;
      if (inFrac) fracPart += ch;
      else intPart += ch;
      i++;
      continue;
    }
    if (ch === '.' && !afterDigits && !inFrac) {
      inFrac = true;
      seenDigit = true;
      i++;
      continue;
    }
    if ((ch === 'E' || ch === 'e') && seenDigit && (section[i + 1] === '+' || section[i + 1] === '-')) {
      let n = 0;
      i += 2;
      while (section[i] === '0' || section[i] === '#') {
        n++;
        i++;
      }
      exponent = n;
      afterDigits = true;
      continue;
    }
    if (ch === '%') percent = true;
    if (ch === '@') {
      text = true;
      i++;
      continue;
    }
    lit(ch);
    i++;
  }
  const intDigits = intPart.replace(/,/g, '');
  return {
    prefix,
    suffix,
    minInt: (intDigits.match(/0/g) ?? []).length,
    minFrac: (fracPart.match(/0/g) ?? []).length,
    maxFrac: fracPart.replace(/,/g, '').length,
    grouping: /[0#?],[0#?]/.test(intPart),
    percent,
    exponent,
    text,
    empty: !seenDigit,
  };
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function renderNumber(sec: NumberSection, value: number): string {
  let v = sec.percent ? value * 100 : value;
  if (sec.empty) return sec.prefix + sec.suffix;
  let exp = '';
  if (sec.exponent !== null) {
    const e = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
    v = v / Math.pow(10, e);
    exp = `E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(sec.exponent, '0')}`;
  }
  let fixed = Math.abs(v).toFixed(sec.maxFrac);
  let [intDigits, frac = ''] = fixed.split('.');
  while (frac.length > sec.minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intDigits === '0' && sec.minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(sec.minInt, '0');
  if (sec.grouping) intDigits = group(intDigits);
  fixed = frac ? `${intDigits}.${frac}` : sec.maxFrac > 0 && sec.minFrac === 0 ? `${intDigits}.` : intDigits;
  if (fixed.endsWith('.')) fixed = fixed.slice(0, -1);
  return sec.prefix + fixed + exp + sec.suffix;
}

function numberFormat(pattern: string): CompiledFormat {
  const sections = splitSections(pattern).map(parseNumberSection);
  const [pos, neg, zero, txt] = sections;
  return {
    kind: 'number',
    number: (v) => {
      if (!Number.isFinite(v)) return automaticNumber(v);
      if (v < 0 && neg) return renderNumber(neg, -v);
      if (v === 0 && zero) return renderNumber(zero, 0);
      const out = renderNumber(pos, Math.abs(v));
      // A negative that rounds to zero shows without the sign, as in Sheets.
      return v < 0 && /[1-9]/.test(out) ? '-' + out : out;
    },
    date: (ms, tz) => compileFormat(pattern).number(serialFromInstant(ms, tz), tz),
    text: (s) => (txt && txt.text ? txt.prefix + s + txt.suffix : s),
  };
}
