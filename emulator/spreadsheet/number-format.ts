/**
 * Sheets number formats: what a cell shows (getDisplayValue) for a number or date.
 *
 * Supported: the automatic format, plain text `@`, number patterns (`0`, `0.00`, `#,##0`,
 * `0%`, `0.0E+00`, quoted/escaped literals, `positive;negative;zero;text` sections) and date
 * patterns (`yyyy`, `yy`, `m`/`mm` month or minute by context, `mmm`, `mmmm`, `d`, `dd`, `ddd`,
 * `dddd`, `h`, `hh`, `ss`, `.000`, `am/pm`, `a/p`). Letters are case-insensitive as in Sheets, so
 * Apps Script's default `M/d/yyyy H:mm:ss` works. Locale: en_US.
 */
import { instantFromSerial, serialFromInstant, wallTime } from './time-zone';

/** What getNumberFormat() returns for a cell that never got a format (Sheets' "Automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';
/** Format Sheets gives a cell when a script writes a Date into it (en_US). */
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';
export const DEFAULT_TIME_FORMAT = 'h:mm:ss AM/PM';
export const TEXT_FORMAT = '@';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type DateToken =
  | { t: 'lit'; s: string }
  | { t: 'y'; n: number }
  | { t: 'M'; n: number } // month
  | { t: 'min'; n: number }
  | { t: 'm?'; n: number } // month or minute, resolved after tokenising
  | { t: 'd'; n: number }
  | { t: 'h'; n: number }
  | { t: 's'; n: number }
  | { t: 'frac'; n: number }
  | { t: 'ampm'; short: boolean; upper: boolean };

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
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

function isDatePattern(pattern: string): boolean {
  const bare = bareLetters(pattern).toLowerCase().replace(/am\/pm|a\/p/g, 'h');
  return /[ydhs]|m/.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/g, ''));
}

function build(pattern: string): CompiledFormat {
  const trimmed = pattern.trim();
  if (trimmed === '' || trimmed === AUTOMATIC_FORMAT || trimmed.toLowerCase() === 'general') return automatic();
  if (trimmed === TEXT_FORMAT) return textFormat();
  if (isDatePattern(splitSections(trimmed)[0])) return dateFormat(trimmed);
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

// ---------------------------------------------------------------- dates

function tokenizeDate(pattern: string): DateToken[] {
  const tokens: DateToken[] = [];
  const lit = (s: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.t === 'lit') last.s += s;
    else tokens.push({ t: 'lit', s });
  };
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      lit(pattern.slice(i + 1, end < 0 ? pattern.length : end));
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      lit(pattern[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = pattern.indexOf(']', i);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    const rest = pattern.slice(i).toLowerCase();
    if (rest.startsWith('am/pm')) {
      tokens.push({ t: 'ampm', short: false, upper: pattern[i] === 'A' });
      i += 5;
      continue;
    }
    if (rest.startsWith('a/p')) {
      tokens.push({ t: 'ampm', short: true, upper: pattern[i] === 'A' });
      i += 3;
      continue;
    }
    if ('ymdhs'.includes(lower)) {
      let n = 0;
      while (i < pattern.length && pattern[i].toLowerCase() === lower) {
        n++;
        i++;
      }
      if (lower === 'y') tokens.push({ t: 'y', n });
      else if (lower === 'm') tokens.push({ t: 'm?', n });
      else if (lower === 'd') tokens.push({ t: 'd', n });
      else if (lower === 'h') tokens.push({ t: 'h', n });
      else tokens.push({ t: 's', n });
      continue;
    }
    if (ch === '.' && pattern[i + 1] === '0') {
      let n = 0;
      i++;
      while (pattern[i] === '0') {
        n++;
        i++;
      }
      tokens.push({ t: 'frac', n });
      continue;
    }
    lit(ch);
    i++;
  }
  // "m"/"mm" is minutes right after an hour or right before seconds; otherwise month.
  const fields = tokens.filter((t) => t.t !== 'lit');
  for (let k = 0; k < fields.length; k++) {
    const tok = fields[k];
    if (tok.t !== 'm?') continue;
    const prev = fields[k - 1];
    const next = fields[k + 1];
    const minute = tok.n <= 2 && (prev?.t === 'h' || next?.t === 's');
    (tok as { t: string }).t = minute ? 'min' : 'M';
  }
  return tokens;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dateFormat(pattern: string): CompiledFormat {
  const tokens = tokenizeDate(splitSections(pattern)[0]);
  const twelveHour = tokens.some((t) => t.t === 'ampm');
  const render = (ms: number, tz: string): string => {
    const w = wallTime(ms, tz);
    let out = '';
    for (const tok of tokens) {
      switch (tok.t) {
        case 'lit':
          out += tok.s;
          break;
        case 'y':
          out += tok.n <= 2 ? pad(w.year % 100, 2) : String(w.year);
          break;
        case 'M':
          if (tok.n === 1) out += String(w.month);
          else if (tok.n === 2) out += pad(w.month, 2);
          else if (tok.n === 3) out += MONTHS[w.month - 1].slice(0, 3);
          else if (tok.n === 5) out += MONTHS[w.month - 1][0];
          else out += MONTHS[w.month - 1];
          break;
        case 'min':
          out += tok.n === 1 ? String(w.minute) : pad(w.minute, 2);
          break;
        case 'd':
          if (tok.n === 1) out += String(w.day);
          else if (tok.n === 2) out += pad(w.day, 2);
          else if (tok.n === 3) out += DAYS[w.weekday].slice(0, 3);
          else out += DAYS[w.weekday];
          break;
        case 'h': {
          const h = twelveHour ? w.hour % 12 || 12 : w.hour;
          out += tok.n === 1 ? String(h) : pad(h, 2);
          break;
        }
        case 's':
          out += tok.n === 1 ? String(w.second) : pad(w.second, 2);
          break;
        case 'frac':
          out += '.' + pad(w.millisecond, 3).slice(0, tok.n).padEnd(tok.n, '0');
          break;
        case 'ampm': {
          const am = w.hour < 12;
          const s = tok.short ? (am ? 'a' : 'p') : am ? 'am' : 'pm';
          out += tok.upper ? s.toUpperCase() : s;
          break;
        }
        default:
          break;
      }
    }
    return out;
  };
  return {
    kind: 'date',
    number: (v, tz) => render(instantFromSerial(v, tz), tz),
    date: render,
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
