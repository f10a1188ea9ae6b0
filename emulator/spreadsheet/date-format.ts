/**
 * Date and time number formats (`yyyy-mm-dd hh:mm`, `d mmmm yyyy`, `h:mm am/pm`, …) rendered in
 * a time zone. Letters are case-insensitive as in Sheets; "m"/"mm" means minutes right after an
 * hour or right before seconds, months otherwise. Locale: en_US.
 */
import type { CompiledFormat } from './number-format';
import { instantFromSerial, wallTime } from './time-zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
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

/** Compiles the first section of a date pattern (date formats have no negative/zero sections). */
export function dateFormat(section: string): CompiledFormat {
  const tokens = tokenizeDate(section);
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
