/**
 * The citizen side's pure parts (DESIGN §15): the short code, the page HTML (escaping, what it
 * may and may not show, the not-found page that echoes nothing), the rating's sanitising and the
 * satisfaction figures.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { Complaint, STATUS, emptyComplaint } from '../../src/core/complaint';
import {
  CODE_LENGTH,
  codeMessage,
  codesMatch,
  normaliseCode,
  normaliseNumber,
  shortCodeOf,
  trackingLink,
} from '../../src/core/tracking/code';
import {
  notFoundPageHtml,
  scrubPublicText,
  searchPageHtml,
  trackingPageHtml,
  trackingViewOf,
} from '../../src/core/tracking/page';
import { COMMENT_MAX, latestRatings, parseScore, ratingsOf, sanitiseComment } from '../../src/core/tracking/rating';
import { satisfactionOf } from '../../src/core/tracking/satisfaction';

const at = (s: string) => new Date(s);
const hmac = (secret: string, number: string) =>
  [...createHmac('sha256', secret).update(codeMessage(number)).digest()].map((b) => (b > 127 ? b - 256 : b));

function complaint(fields: Partial<Complaint> = {}): Complaint {
  return {
    ...emptyComplaint('ADU-2026-0007', at('2026-04-06T09:10:00+07:00')),
    receivedAt: at('2026-04-06T08:40:00+07:00'),
    channel: 'Instagram',
    category: 'Fasilitas dan kebersihan',
    unit: 'UP Museum Seni',
    reporter: '@sartika_rahmawati',
    text: 'Toilet kotor, HP saya 0812',
    postUrl: 'https://www.instagram.com/p/abc',
    adminEmail: 'admin@example.org',
    forwardedAt: at('2026-04-06T09:10:00+07:00'),
    status: STATUS.forwarded,
    ...fields,
  };
}

describe('short code', () => {
  test('8 characters of Crockford base32 from the HMAC; signed and unsigned bytes give the same code', () => {
    const signed = hmac('rahasia', 'ADU-2026-0007');
    const code = shortCodeOf(signed);
    expect(code).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${CODE_LENGTH}}$`));
    expect(shortCodeOf(signed.map((b) => b & 0xff))).toBe(code);
    expect(shortCodeOf(hmac('rahasia', 'ADU-2026-0008'))).not.toBe(code);
    expect(shortCodeOf(hmac('lain', 'ADU-2026-0007'))).not.toBe(code);
  });

  test('the first 40 bits, 5 at a time', () => {
    expect(shortCodeOf([0, 0, 0, 0, 0])).toBe('00000000');
    expect(shortCodeOf([-1, -1, -1, -1, -1])).toBe('ZZZZZZZZ');
    expect(shortCodeOf([0x08, 0x42, 0x10, 0x84, 0x21])).toBe('11111111');
    expect(() => shortCodeOf([1, 2])).toThrow('too short');
  });

  test('typed codes: case, spaces, dashes, O/I/L forgiven; anything else does not match', () => {
    const code = shortCodeOf(hmac('s', 'ADU-2026-0001'));
    expect(codesMatch(code.toLowerCase(), code)).toBe(true);
    expect(codesMatch(` ${code.slice(0, 4)}-${code.slice(4)} `, code)).toBe(true);
    expect(normaliseCode('oIl')).toBe('011');
    expect(codesMatch(code.slice(0, 7), code)).toBe(false);
    expect(codesMatch(`${code}X`, code)).toBe(false);
    expect(codesMatch('', code)).toBe(false);
    fc.assert(fc.property(fc.string(), (s) => codesMatch(s, code) === (normaliseCode(s) === code)));
  });

  test('numbers: ADU-yyyy-NNNN (at least 4 digits), trimmed, upper-cased; else empty', () => {
    expect(normaliseNumber(' adu-2026-0007 ')).toBe('ADU-2026-0007');
    expect(normaliseNumber('ADU-2026-12345')).toBe('ADU-2026-12345');
    for (const bad of ['ADU-2026-7', 'X', '', undefined, 'ADU-2026-0007<script>'])
      expect(normaliseNumber(bad)).toBe('');
  });

  test('the link: query parameters no and k, encoded; empty without a base URL', () => {
    expect(trackingLink('https://script.google.com/macros/s/ID/exec', 'ADU-2026-0007', 'AB12CD34')).toBe(
      'https://script.google.com/macros/s/ID/exec?no=ADU-2026-0007&k=AB12CD34',
    );
    expect(trackingLink('https://x/exec?a=1', 'ADU-2026-0007', 'AB12CD34')).toBe(
      'https://x/exec?a=1&no=ADU-2026-0007&k=AB12CD34',
    );
    expect(trackingLink('', 'ADU-2026-0007', 'AB12CD34')).toBe('');
  });
});

describe('page', () => {
  const ctx = { actionUrl: 'https://script.google.com/macros/s/ID/exec', code: 'AB12CD34' };
  const now = at('2026-04-07T12:00:00+07:00');

  test('shows number, date, channel, category, unit, status and each step with its time or "menunggu"', () => {
    const html = trackingPageHtml(trackingViewOf(complaint(), undefined, now), ctx);
    for (const s of [
      'ADU-2026-0007',
      '6 April 2026',
      'Instagram',
      'Fasilitas dan kebersihan',
      'UP Museum Seni',
      'id="status">Diteruskan<',
    ])
      expect(html).toContain(s);
    expect(html).toContain(
      '<li class="done" data-step="1">1. Pengaduan dicatat<span class="when">Senin, 6 April 2026 09.10 WIB</span></li>',
    );
    expect(html).toContain(
      '<li class="waiting" data-step="5">5. Jawaban disampaikan<span class="when">menunggu</span></li>',
    );
    expect(html).not.toContain('name="nilai"');
    expect(html).not.toMatch(/<script/i);
  });

  test('never the reporter, the text, the post link, the admin email; the answer scrubbed', () => {
    const c = complaint({
      status: STATUS.answered,
      processedAt: at('2026-04-06T13:00:00+07:00'),
      followedUpAt: at('2026-04-07T10:00:00+07:00'),
      answeredAt: at('2026-04-07T11:00:00+07:00'),
      reply: 'Halo Kak Sartika (@sartika_rahmawati), hubungi humas@example.org',
      replyUrl: 'https://www.instagram.com/p/abc/c/1',
      followUp: 'Petugas Darto',
      officerNote: 'catatan internal',
    });
    const html = trackingPageHtml(trackingViewOf(c, undefined, now), ctx);
    for (const s of [
      'sartika',
      'Sartika',
      'Toilet kotor',
      'instagram.com/p/abc',
      'admin@example.org',
      'humas@example.org',
      'Darto',
      'catatan internal',
    ])
      expect([s, html.includes(s)]).toEqual([s, false]);
    expect(html).toContain('Halo Kak […] ([…]), hubungi […]');
    expect(html).toContain('name="nilai"');
  });

  test('every value is escaped', () => {
    const c = complaint({
      unit: '<img src=x onerror=alert(1)>',
      category: '"><script>',
      status: STATUS.answered,
      answeredAt: at('2026-04-07T11:00:00+07:00'),
      reply: '<b>&</b>',
    });
    const html = trackingPageHtml(
      trackingViewOf(
        c,
        { number: c.number, score: 4, comment: '</textarea><script>x</script>', at: now, changes: 0 },
        now,
      ),
      { ...ctx, code: '"><x>' },
    );
    expect(html).not.toMatch(/<img|<script|<b>|<x>|<\/textarea><script/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>');
  });

  test('a closed complaint: the steps not done are "tidak dilakukan", the closing shown, no reason', () => {
    const c = complaint({
      status: STATUS.closed,
      closedAt: at('2026-04-06T11:00:00+07:00'),
      closeReason: 'spam dari @akun_judi',
    });
    const html = trackingPageHtml(trackingViewOf(c, undefined, now), ctx);
    expect(html).toContain('<span class="when">tidak dilakukan</span>');
    expect(html).toContain('Pengaduan ditutup');
    expect(html).not.toContain('akun_judi');
  });

  test('the not-found page and the search page echo nothing of the request', () => {
    expect(notFoundPageHtml(ctx.actionUrl)).toBe(notFoundPageHtml(ctx.actionUrl));
    expect(notFoundPageHtml(ctx.actionUrl)).toContain('Pengaduan tidak ditemukan');
    expect(searchPageHtml(ctx.actionUrl)).toContain(
      '<form method="get" action="https://script.google.com/macros/s/ID/exec" rel="noopener">',
    );
  });

  test('scrubbing keeps ordinary words', () => {
    expect(scrubPublicText('Terima kasih warga, museum buka', '@warga.kemayoran')).toBe(
      'Terima kasih warga, museum buka',
    );
    expect(scrubPublicText('Halo Bu Yuyun', 'Yuyun Rahmawati (Facebook)')).toBe('Halo Bu […]');
  });
});

describe('rating', () => {
  test('scores 1–5 only', () => {
    expect([1, 2, 3, 4, 5].map((n) => parseScore(String(n)))).toEqual([1, 2, 3, 4, 5]);
    for (const bad of ['0', '6', '2.5', '', 'x', ' 3 4']) expect(parseScore(bad)).toBeNull();
  });

  test('comments: control characters removed, whitespace collapsed, at most 500 characters (never half an emoji)', () => {
    expect(sanitiseComment('  a\u0000b\u200B  c\r\n\r\n\r\nd ')).toBe('ab c\n\nd');
    expect(sanitiseComment('x'.repeat(900))).toHaveLength(COMMENT_MAX);
    const emoji = sanitiseComment('😀'.repeat(600));
    expect(Array.from(emoji)).toHaveLength(COMMENT_MAX);
    expect(emoji.endsWith('😀')).toBe(true);
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (s) => Array.from(sanitiseComment(s)).length <= COMMENT_MAX));
  });

  test('rows of Penilaian: unreadable ones skipped, the latest per complaint kept', () => {
    const rows = [
      ['ADU-2026-0001', 3, 'a', at('2026-04-07T10:00:00+07:00'), 0],
      ['ADU-2026-0001', 5, 'b', at('2026-04-08T10:00:00+07:00'), 1],
      ['ADU-2026-0002', 9, 'x', at('2026-04-08T10:00:00+07:00'), 0],
      ['', 4, '', at('2026-04-08T10:00:00+07:00'), 0],
    ];
    const latest = latestRatings(ratingsOf(rows));
    expect([...latest.keys()]).toEqual(['ADU-2026-0001']);
    expect(latest.get('ADU-2026-0001')!.score).toBe(5);
  });
});

describe('satisfaction figures', () => {
  const complaints = [
    { number: 'A1', unit: 'UP Museum Seni', channel: 'Instagram' },
    { number: 'A2', unit: 'UP Museum Seni', channel: 'Facebook' },
    { number: 'A3', unit: 'Sekretariat', channel: 'Instagram' },
  ];
  const r = (number: string, score: number, when: string) => ({
    number,
    score,
    comment: 'tidak dipakai',
    at: at(when),
    changes: 0,
  });
  const ratings = [
    r('A1', 5, '2026-03-31T20:00:00+07:00'),
    r('A2', 2, '2026-04-01T09:00:00+07:00'),
    r('A3', 4, '2026-04-02T09:00:00+07:00'),
    r('X9', 1, '2026-04-02T09:00:00+07:00'),
  ];

  test('average and count overall, per unit, channel and month (WIB); unknown numbers ignored', () => {
    const f = satisfactionOf(ratings, complaints);
    expect(f.overall).toEqual({ name: '', count: 3, average: 3.67 });
    expect(f.byUnit).toEqual([
      { name: 'UP Museum Seni', count: 2, average: 3.5 },
      { name: 'Sekretariat', count: 1, average: 4 },
    ]);
    expect(f.byChannel).toEqual([
      { name: 'Instagram', count: 2, average: 4.5 },
      { name: 'Facebook', count: 1, average: 2 },
    ]);
    expect(f.byMonth).toEqual([
      { name: '2026-03', count: 1, average: 5 },
      { name: '2026-04', count: 2, average: 3 },
    ]);
    expect(JSON.stringify(f)).not.toContain('tidak dipakai');
  });

  test('a period counts the ratings given in it', () => {
    const f = satisfactionOf(ratings, complaints, {
      from: at('2026-04-01T00:00:00+07:00'),
      to: at('2026-04-02T00:00:00+07:00'),
    });
    expect(f.overall).toEqual({ name: '', count: 1, average: 2 });
    expect(satisfactionOf([], complaints).overall.average).toBeNull();
  });
});
