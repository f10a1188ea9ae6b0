/**
 * Cell values: how a written value is typed (as Sheets does when a user types it or a script
 * writes it), what getValues() returns for a stored cell, and what getDisplayValues() shows.
 *
 * Storage: a blank cell is `undefined`; text, numbers and booleans are stored as themselves;
 * a date is a `DateCell` (an instant in epoch ms) so no mutable Date is ever shared.
 */
import { GasError } from '../errors';
import {
  AUTOMATIC_FORMAT,
  compileFormat,
  DEFAULT_DATE_FORMAT,
  DEFAULT_DATE_TIME_FORMAT,
  DEFAULT_TIME_FORMAT,
  TEXT_FORMAT,
} from './number-format';
import { instantFromSerial, instantOf, serialFromInstant, wallTime } from './time-zone';

export class DateCell {
  constructor(readonly ms: number) {}
}

export type Cell = string | number | boolean | DateCell;

/** Sheets' per-cell limit (documented in "Files you can store in Google Drive"). */
export const MAX_CELL_CHARS = 50000;

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** The result of typing or writing one value into a cell. */
export interface TypedInput {
  value: Cell | undefined;
  formula?: string;
  /** A number format Sheets infers from the input (dates, percentages), applied to automatic cells. */
  format?: string;
}

export function assertCellLength(text: string): void {
  if (text.length > MAX_CELL_CHARS) {
    throw new GasError(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
}

const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?(?:\\s*([AaPp][Mm]))?';
const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:\\s+${TIME})?$`);
const US_DATE = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?:\\s+${TIME})?$`);
const MONTH_DAY = /^(\d{1,2})\/(\d{1,2})$/;
const TIME_ONLY = new RegExp(`^${TIME}$`);
/** Inputs whose first character cannot start a number, boolean or date stay text without regex work. */
const MAYBE_TYPED = /^[\s0-9+\-.tTfF]/;
const STARTS_NUMERIC = /^[0-9+\-.]/;
const DATE_SEPARATOR = /[/:-]/;

function parseNumber(text: string): number | null {
  if (!NUMBER.test(text) || !/\d/.test(text)) return null;
  return Number(text.replace(/,/g, ''));
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function hourOf(h: string, ampm: string | undefined): number | null {
  let hour = Number(h);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.toLowerCase() === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return hour > 23 ? null : hour;
}

interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function timeOf(g: (string | undefined)[]): TimeParts | null | undefined {
  const [h, min, s, frac, ampm] = g;
  if (h === undefined) return undefined;
  const hour = hourOf(h, ampm);
  const minute = Number(min);
  const second = s ? Number(s) : 0;
  if (hour === null || minute > 59 || second > 59) return null;
  return { hour, minute, second, ms: frac ? Number(frac.padEnd(3, '0')) : 0 };
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 30 ? 2000 + n : 1900 + n; // Sheets reads two-digit years in the 1930-2029 window
}

/** Recognises the date and time inputs an en_US spreadsheet accepts. */
function parseDateInput(text: string, timeZone: string, nowMs: number): TypedInput | null {
  let m = ISO_DATE.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = timeOf(m.slice(4, 9));
    if (!validDay(y, mo, d) || t === null) return null;
    const ms = instantOf(timeZone, y, mo, d, t?.hour ?? 0, t?.minute ?? 0, t?.second ?? 0, t?.ms ?? 0);
    return { value: new DateCell(ms), format: t ? 'yyyy-mm-dd H:mm:ss' : 'yyyy-mm-dd' };
  }
  m = US_DATE.exec(text);
  if (m) {
    const [mo, d, y] = [Number(m[1]), Number(m[2]), fullYear(m[3])];
    const t = timeOf(m.slice(4, 9));
    if (!validDay(y, mo, d) || t === null) return null;
    const ms = instantOf(timeZone, y, mo, d, t?.hour ?? 0, t?.minute ?? 0, t?.second ?? 0, t?.ms ?? 0);
    return { value: new DateCell(ms), format: t ? DEFAULT_DATE_TIME_FORMAT : DEFAULT_DATE_FORMAT };
  }
  m = MONTH_DAY.exec(text);
  if (m) {
    const year = wallTime(nowMs, timeZone).year;
    const [mo, d] = [Number(m[1]), Number(m[2])];
    if (!validDay(year, mo, d)) return null;
    return { value: new DateCell(instantOf(timeZone, year, mo, d)), format: 'M/d' };
  }
  m = TIME_ONLY.exec(text);
  if (m) {
    const t = timeOf(m.slice(1, 6));
    if (!t) return null;
    const serial = (t.hour * 3600 + t.minute * 60 + t.second + t.ms / 1000) / 86400;
    return { value: new DateCell(instantFromSerial(serial, timeZone)), format: m[5] ? DEFAULT_TIME_FORMAT : 'H:mm:ss' };
  }
  return null;
}

/**
 * Types text as Sheets does when a user enters it (and when a script writes a string):
 * `=…` is a formula, a leading apostrophe forces text and is not kept, TRUE/FALSE are booleans,
 * numbers (with thousands separators), percentages, dates and times become numbers and dates.
 */
export function parseTyped(text: string, timeZone: string, nowMs: number): TypedInput {
  assertCellLength(text);
  if (text === '') return { value: undefined };
  const first = text[0];
  if (first === "'") return { value: text.length > 1 ? text.slice(1) : undefined };
  if (first === '=' && text.length > 1) return { value: undefined, formula: text };
  if (!MAYBE_TYPED.test(text)) return { value: text };
  const trimmed = text.trim();
  if (trimmed.length <= 5) {
    const upper = trimmed.toUpperCase();
    if (upper === 'TRUE') return { value: true };
    if (upper === 'FALSE') return { value: false };
  }
  if (!STARTS_NUMERIC.test(trimmed)) return { value: text };
  const n = parseNumber(trimmed);
  if (n !== null) return { value: n };
  if (trimmed.endsWith('%')) {
    const p = parseNumber(trimmed.slice(0, -1).trim());
    if (p !== null) return { value: p / 100, format: trimmed.includes('.') ? '0.00%' : '0%' };
  }
  if (!DATE_SEPARATOR.test(trimmed)) return { value: text };
  return parseDateInput(trimmed, timeZone, nowMs) ?? { value: text };
}

/**
 * Types a value written by a script (setValue/setValues/appendRow). Strings are typed as user
 * input unless the cell is formatted as plain text (`@`); a Date becomes a date cell.
 */
export function typeScriptValue(
  value: unknown,
  cellFormat: string | undefined,
  timeZone: string,
  nowMs: number,
): TypedInput {
  if (value === null || value === undefined) return { value: undefined };
  switch (typeof value) {
    case 'string':
      if (cellFormat === TEXT_FORMAT) {
        assertCellLength(value);
        return { value: value === '' ? undefined : value };
      }
      return parseTyped(value, timeZone, nowMs);
    case 'number':
      return { value };
    case 'boolean':
      return { value };
    default:
      break;
  }
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { value: 'Invalid Date' };
    return { value: new DateCell(ms), format: DEFAULT_DATE_TIME_FORMAT };
  }
  const text = String(value);
  assertCellLength(text);
  return { value: text };
}

/** What getValues() returns for a stored cell: the format decides between Date and number. */
export function readCell(cell: Cell | undefined, format: string | undefined, timeZone: string): unknown {
  if (cell === undefined) return '';
  if (cell instanceof DateCell) {
    if (format !== undefined) {
      const kind = compileFormat(format).kind;
      if (kind === 'number') return serialFromInstant(cell.ms, timeZone);
    }
    return new Date(cell.ms);
  }
  if (typeof cell === 'number' && format !== undefined && compileFormat(format).kind === 'date') {
    return new Date(instantFromSerial(cell, timeZone));
  }
  return cell;
}

/** What getDisplayValues() shows for a stored cell. */
export function displayCell(cell: Cell | undefined, format: string | undefined, timeZone: string): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return format === undefined ? cell : compileFormat(format).text(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const f = compileFormat(format);
  if (cell instanceof DateCell) return f.date(cell.ms, timeZone);
  return f.number(cell, timeZone);
}

/** The number format reported for a cell (getNumberFormat). */
export function reportedFormat(format: string | undefined): string {
  return format ?? AUTOMATIC_FORMAT;
}

/** Plain copy of a cell for host snapshots and events (Dates for date cells). */
export function plainCell(cell: Cell | undefined): unknown {
  if (cell === undefined) return '';
  return cell instanceof DateCell ? new Date(cell.ms) : cell;
}
