import fc from 'fast-check';
import { CELL_CHAR_LIMIT, cellText, clipToCell, escapeHtml, isHttpUrl, normaliseText } from '../../src/core/sanitize';

/** What Google Sheets stores for a written string: a leading apostrophe forces text and is dropped. */
const storedAs = (written: string): string => (written.startsWith("'") ? written.slice(1) : written);

describe('cellText', () => {
  test.each([
    ['=IMPORTXML("http://evil","//a")'],
    ['=1+1'],
    ['+62 812 3456 7890'],
    ['-5'],
    ['- keluhan dengan tanda minus'],
    ['@warga_jakarta'],
    ['\tterselip tab'],
    ['\rcarriage return'],
    ['=HYPERLINK("https://contoh.id","klik")'],
  ])('neutralises a formula lead: %j', (text) => {
    expect(cellText(text)).toBe(`'${text}`);
    expect(storedAs(cellText(text))).toBe(text);
  });

  test.each([
    ['12345'],
    ['0812345678'],
    ['1.500.000'],
    ['3,14'],
    ['50%'],
    [' 42 '],
    ['TRUE'],
    ['false'],
    ['True'],
    ['2026-03-18'],
    ['18/03/2026'],
    ['18.03.2026'],
    ['3/18'],
    ['2026-03-18 10:00'],
  ])('keeps numeric-, boolean- and date-looking text as text: %j', (text) => {
    expect(cellText(text)).toBe(`'${text}`);
    expect(storedAs(cellText(text))).toBe(text);
  });

  test.each([['10:30'], ['8:00'], ['08:00:15'], ['1e5'], ['2.5E-3']])(
    'keeps time- and exponent-looking text as text: %j',
    (text) => {
      expect(cellText(text)).toBe(`'${text}`);
    },
  );

  test('keeps a leading apostrophe the user typed', () => {
    expect(cellText("'kutipan")).toBe("''kutipan");
    expect(storedAs(cellText("'kutipan"))).toBe("'kutipan");
  });

  test.each([
    ['Pelayanan di museum wayang kurang ramah'],
    ['Toiletnya kotor sekali 😡🙏'],
    ['<script>alert(1)</script>'],
    ['Museum Fatahillah tutup jam 3 sore?'],
    ['https://www.instagram.com/p/abc'],
    ['truek'],
    ['Tiket 50 ribu terlalu mahal'],
    ['Kenapa "Setu Babakan" sepi?'],
  ])('leaves ordinary text unchanged: %j', (text) => {
    expect(cellText(text)).toBe(text);
  });

  test('empty stays empty', () => {
    expect(cellText('')).toBe('');
  });

  test('property: whatever the text, what Sheets stores is the text, and never a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const written = cellText(text);
        expect(storedAs(written)).toBe(text);
        expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
      }),
    );
  });
});

describe('clipToCell', () => {
  const limit = CELL_CHAR_LIMIT - 1;

  test('leaves short text alone', () => {
    expect(clipToCell('pendek', 'respons formulir')).toEqual({ text: 'pendek', clipped: false, originalLength: 6 });
  });

  test('leaves text of exactly 49,999 characters alone', () => {
    const text = 'a'.repeat(limit);
    const r = clipToCell(text, 'x');
    expect(r.clipped).toBe(false);
    expect(r.text).toBe(text);
  });

  test('clips 60,000 characters to at most 49,999, with a visible marker naming the total and the source', () => {
    const text = 'b'.repeat(60000);
    const r = clipToCell(text, 'tab Respons Formulir baris 7');
    expect(r.clipped).toBe(true);
    expect(r.originalLength).toBe(60000);
    expect(r.text.length).toBeLessThanOrEqual(limit);
    expect(r.text.startsWith('b'.repeat(49000))).toBe(true);
    expect(r.text).toMatch(/TERPOTONG: 60\.000 karakter; teks lengkap di tab Respons Formulir baris 7\]$/);
    // With the apostrophe cellText may add, the cell limit still holds.
    expect(cellText(r.text).length).toBeLessThanOrEqual(CELL_CHAR_LIMIT);
  });

  test('never splits an emoji at the cut, wherever the cut falls', () => {
    for (let shift = 0; shift < 4; shift++) {
      const text = 'x'.repeat(shift) + '😀'.repeat(30000);
      const r = clipToCell(text, 'x');
      expect(r.clipped).toBe(true);
      const head = r.text.slice(0, r.text.indexOf('\n…[TERPOTONG'));
      expect(/[\uD800-\uDBFF]$/.test(head)).toBe(false);
      expect(/^[\uDC00-\uDFFF]/.test(r.text.slice(head.length))).toBe(false);
      expect(text.startsWith(head)).toBe(true);
      expect(r.text.length).toBeLessThanOrEqual(limit);
    }
  });

  test('property: the result fits, and is a prefix of the input plus a marker when clipped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70000 }), fc.constantFrom('a', '😀', 'é'), (n, ch) => {
        const text = ch.repeat(n).slice(0, n);
        const r = clipToCell(text, 'sumber');
        expect(r.text.length).toBeLessThanOrEqual(limit);
        if (text.length <= limit) expect(r.text).toBe(text);
        else expect(text.startsWith(r.text.slice(0, r.text.indexOf('\n…[TERPOTONG')))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('escapeHtml', () => {
  test('escapes all five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  test('escapes an ampersand only once and leaves other text alone', () => {
    expect(escapeHtml('&lt; sudah')).toBe('&amp;lt; sudah');
    expect(escapeHtml('Sapa warga 😊 di Setu Babakan')).toBe('Sapa warga 😊 di Setu Babakan');
  });

  test('renders null and undefined as empty and other values as text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  test('property: escaped text contains no markup characters', () => {
    fc.assert(fc.property(fc.string(), (s) => expect(/[<>"']/.test(escapeHtml(s))).toBe(false)));
  });
});

describe('normaliseText', () => {
  test('trims and turns CRLF and CR into LF', () => {
    expect(normaliseText('  baris 1\r\nbaris 2\rbaris 3  ')).toBe('baris 1\nbaris 2\nbaris 3');
    expect(normaliseText(null)).toBe('');
    expect(normaliseText(undefined)).toBe('');
  });
});

describe('isHttpUrl', () => {
  test.each([
    ['https://www.instagram.com/p/Cx1', true],
    ['http://facebook.com/dinaskebudayaan/posts/1', true],
    ['HTTPS://X.COM/dkijakarta/status/1', true],
    ['  https://youtu.be/abc  ', true],
    ['www.instagram.com/p/x', false],
    ['javascript:alert(1)', false],
    ['ftp://files.example.org', false],
    ['https://', false],
    ['https://contoh situs.id', false],
    ['', false],
  ])('%j → %s', (url, ok) => {
    expect(isHttpUrl(url)).toBe(ok);
  });
});

describe('cellText: currency', () => {
  test.each([['Rp50.000'], ['Rp 50.000'], ['$100']])('keeps %j as text', (text) => {
    expect(cellText(text)).toBe(`'${text}`);
  });
  test('leaves a sentence about money alone', () => {
    expect(cellText('Rp 50.000 untuk tiket terlalu mahal')).toBe('Rp 50.000 untuk tiket terlalu mahal');
  });
});
