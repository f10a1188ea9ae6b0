/**
 * Number/date formats and input typing, as Sheets documents them:
 * https://developers.google.com/sheets/api/guides/formats (date-time and number format tokens,
 * serial dates counted from 1899-12-30) and https://support.google.com/docs/answer/56470
 * (custom number formats). Locale en_US, spreadsheet time zone Asia/Jakarta unless stated.
 */
import { GasEnv } from '../../emulator/env';
import {
  automaticNumber,
  compileFormat,
  DateCell,
  displayCell,
  instantOf,
  parseTyped,
  readCell,
  serialFromInstant,
  SpreadsheetAppService,
} from '../../emulator/spreadsheet';

const TZ = 'Asia/Jakarta';
const NOW = Date.parse('2026-03-16T08:00:00+07:00');
const at = (iso: string) => new DateCell(Date.parse(iso));

describe('date formats', () => {
  const when = at('2026-03-06T14:05:09.250+07:00');
  test.each([
    ['M/d/yyyy H:mm:ss', '3/6/2026 14:05:09'],
    ['yyyy-mm-dd', '2026-03-06'],
    ['dd/mm/yyyy hh:mm', '06/03/2026 14:05'],
    ['d mmm yy', '6 Mar 26'],
    ['dddd, d mmmm yyyy', 'Friday, 6 March 2026'],
    ['h:mm am/pm', '2:05 pm'],
    ['hh:mm:ss AM/PM', '02:05:09 PM'],
    ['mm:ss', '05:09'],
    ['hh:mm:ss.000', '14:05:09.250'],
    ['yyyy"年"m"月"', '2026年3月'],
    ['m/d', '3/6'],
  ])('%s shows %s', (pattern, shown) => {
    expect(displayCell(when, pattern, TZ)).toBe(shown);
  });

  test('the same instant shows the wall time of the time zone asked for', () => {
    expect(displayCell(when, 'yyyy-mm-dd hh:mm', 'UTC')).toBe('2026-03-06 07:05');
    expect(displayCell(when, 'yyyy-mm-dd hh:mm', 'America/New_York')).toBe('2026-03-06 02:05');
  });

  test('serial numbers count days since 1899-12-30 in the zone', () => {
    expect(serialFromInstant(instantOf(TZ, 1899, 12, 31), TZ)).toBe(1);
    expect(serialFromInstant(instantOf(TZ, 2026, 3, 16, 12), TZ)).toBe(46097.5);
  });
});

describe('number formats', () => {
  test.each([
    [1234.567, '0', '1235'],
    [1234.567, '0.00', '1234.57'],
    [1234.567, '#,##0', '1,235'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.1234, '0%', '12%'],
    [0.1234, '0.0%', '12.3%'],
    [5, '000', '005'],
    [-5, '0.00', '-5.00'],
    [-5, '0.00;(0.00)', '(5.00)'],
    [0, '0;-0;"nol"', 'nol'],
    [1500000, '"Rp "#,##0', 'Rp 1,500,000'],
    [12345, '0.00E+00', '1.23E+04'],
    [0.5, '#.##', '.5'],
  ])('%p with %s shows %s', (value, pattern, shown) => {
    expect(displayCell(value, pattern, TZ)).toBe(shown);
  });

  test('the automatic format shows up to 10 significant digits and integers in full', () => {
    expect([
      automaticNumber(1 / 3),
      automaticNumber(100 / 3),
      automaticNumber(123456789012),
      automaticNumber(1e16),
      automaticNumber(0.1 + 0.2),
    ]).toEqual(['0.3333333333', '33.33333333', '123456789012', '1E+16', '0.3']);
  });

  test('plain text and booleans display as themselves', () => {
    expect(displayCell('teks', '@', TZ)).toBe('teks');
    expect(displayCell(true, undefined, TZ)).toBe('TRUE');
    expect(displayCell(7, '@', TZ)).toBe('7');
    expect(compileFormat('@').kind).toBe('text');
    expect(compileFormat('yyyy-mm-dd').kind).toBe('date');
    expect(compileFormat('#,##0').kind).toBe('number');
  });
});

describe('typing input like the Sheets UI', () => {
  test.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['1,234', 1234],
    ['007', 7],
    ['1e3', 1000],
    ['TRUE', true],
    ['false', false],
    ['Baru', 'Baru'],
    ['PM-2026-0001', 'PM-2026-0001'],
    ['12 Maret', '12 Maret'],
    ['+62 812', '+62 812'],
    ['2026-02-30', '2026-02-30'],
  ])('%p is stored as %p', (input, stored) => {
    expect(parseTyped(input, TZ, NOW).value).toBe(stored);
  });

  test('dates and times typed in en_US become date cells with a matching format', () => {
    const cases: [string, string, string][] = [
      ['2026-03-20', '2026-03-19T17:00:00.000Z', 'yyyy-mm-dd'],
      ['3/20/2026', '2026-03-19T17:00:00.000Z', 'M/d/yyyy'],
      ['3/20/2026 14:30', '2026-03-20T07:30:00.000Z', 'M/d/yyyy H:mm:ss'],
      ['3/20', '2026-03-19T17:00:00.000Z', 'M/d'],
    ];
    for (const [input, iso, format] of cases) {
      const typed = parseTyped(input, TZ, NOW);
      expect(typed.value).toBeInstanceOf(DateCell);
      expect(new Date((typed.value as DateCell).ms).toISOString()).toBe(iso);
      expect(typed.format).toBe(format);
    }
    const time = parseTyped('9:15 PM', TZ, NOW);
    expect(displayCell(time.value, time.format, TZ)).toBe('9:15:00 PM');
  });

  test('script writes type the same way, whatever the first character', () => {
    const sheet = new SpreadsheetAppService(new GasEnv()).create('t').getSheets()[0];
    sheet.getRange('A1:F1').setValues([['FALSE ', ' 42', 'tanggapan', 'Terima kasih', 'false', '$5']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[false, 42, 'tanggapan', 'Terima kasih', false, '$5']]);
  });

  test('percentages become fractions with a percent format', () => {
    expect(parseTyped('15%', TZ, NOW)).toEqual({ value: 0.15, format: '0%' });
    expect(parseTyped('12.5%', TZ, NOW)).toEqual({ value: 0.125, format: '0.00%' });
  });

  test('formulas, apostrophes and blanks', () => {
    expect(parseTyped('=SUM(A1:A3)', TZ, NOW)).toEqual({ value: undefined, formula: '=SUM(A1:A3)' });
    expect(parseTyped("'=SUM(A1:A3)", TZ, NOW)).toEqual({ value: '=SUM(A1:A3)' });
    expect(parseTyped('', TZ, NOW)).toEqual({ value: undefined });
    expect(parseTyped('=', TZ, NOW)).toEqual({ value: '=' });
  });

  test('readCell returns a Date for date cells and a number once a number format applies', () => {
    const cell = at('2026-03-16T12:00:00+07:00');
    expect(readCell(cell, undefined, TZ)).toEqual(new Date('2026-03-16T05:00:00Z'));
    expect(readCell(cell, '0.0', TZ)).toBe(46097.5);
  });
});
