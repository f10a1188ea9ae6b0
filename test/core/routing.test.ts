import fc from 'fast-check';
import { DEFAULT_UNITS } from '../../src/core/config';
import { RoutableUnit, normaliseForMatch, routeByKeywords } from '../../src/core/routing';

const units: RoutableUnit[] = DEFAULT_UNITS.map(({ name, keywords, active }) => ({ name, keywords, active }));
const route = (text: string, url = '', list = units) => routeByKeywords(text, url, list);

describe('routing with the default units (DESIGN §7 examples)', () => {
  test.each([
    ['Pemandu di Museum Wayang kurang ramah', 'UP Museum Seni'],
    ['Koleksi keramik berdebu', 'UP Museum Seni'],
    ['Jalan ke Setu Babakan banyak sampah', 'UP Perkampungan Budaya Betawi'],
    ['Kapal ke Pulau Onrust tidak ada jadwal', 'UP Museum Kebaharian'],
    ['Benteng Marunda kotor', 'UP Museum Kebaharian'],
    ['Museum Bahari bocor saat hujan', 'UP Museum Kebaharian'],
    ['Antrean tiket Museum Fatahillah panjang', 'UP Museum Kesejarahan Jakarta'],
    ['Sanggar tari di Jakarta Timur butuh bantuan', 'Suku Dinas Kebudayaan Jakarta Timur'],
  ])('%j → %s', (text, unit) => {
    expect(route(text)).toEqual({ unit, keyword: expect.any(String) });
  });

  test('reports which keyword decided', () => {
    expect(route('Ada apa dengan museum wayang?')).toEqual({ unit: 'UP Museum Seni', keyword: 'museum wayang' });
  });
});

describe('matching', () => {
  test.each([
    ['MUSEUM WAYANG tutup'],
    ['MUSÉUM WAYANG tutup'],
    ['museum   wayang'],
    ['Museum-Wayang!'],
    ['(museum wayang)'],
    ['museum\nwayang'],
  ])('case, accent, spacing and punctuation insensitive: %j', (text) => {
    expect(route(text).unit).toBe('UP Museum Seni');
  });

  test('accented keywords match unaccented text too', () => {
    const list = [{ name: 'A', keywords: ['Café Batavia'], active: true }];
    expect(route('kopi di cafe batavia', '', list).unit).toBe('A');
  });

  test('a keyword in the post URL routes', () => {
    expect(route('Tolong ditindaklanjuti', 'https://www.instagram.com/explore/tags/setu-babakan/')).toEqual({
      unit: 'UP Perkampungan Budaya Betawi',
      keyword: 'setu babakan',
    });
    expect(route('Kotor', 'https://x.com/warga/status/1?q=marunda').unit).toBe('UP Museum Kebaharian');
  });

  test('keywords match whole words only', () => {
    // "keramikus" (a ceramicist) is not "keramik"; "tim" is not "timur"; "onrust" is not "onrusty".
    expect(route('Seorang keramikus ingin pameran')).toEqual({ unit: null, reason: 'no-match', candidates: [] });
    expect(route('Pulau onrusty')).toMatchObject({ unit: null, reason: 'no-match' });
    const list = [{ name: 'TIM', keywords: ['tim'], active: true }];
    expect(route('angin timur', '', list)).toMatchObject({ unit: null, reason: 'no-match' });
    expect(route('acara di TIM malam ini', '', list).unit).toBe('TIM');
  });

  test('a multi-word keyword needs its words together, in order', () => {
    expect(route('museum yang memajang wayang')).toMatchObject({ unit: null, reason: 'no-match' });
  });
});

describe('choosing among matches', () => {
  const list: RoutableUnit[] = [
    { name: 'UP Museum Seni', keywords: ['museum wayang'], active: true },
    { name: 'UP Gedung Pertunjukan Seni Budaya', keywords: ['wayang orang bharata'], active: true },
    { name: 'Bidang Pengembangan Kebudayaan', keywords: ['wayang'], active: true },
  ];

  test('the most specific (longest) keyword wins, whichever unit comes first', () => {
    expect(route('Pertunjukan wayang orang bharata di dekat museum wayang', '', list).unit).toBe(
      'UP Gedung Pertunjukan Seni Budaya',
    );
    expect(route('Pertunjukan wayang orang bharata', '', [...list].reverse()).unit).toBe(
      'UP Gedung Pertunjukan Seni Budaya',
    );
    expect(route('Ke museum wayang', '', list).unit).toBe('UP Museum Seni');
    expect(route('Lomba wayang kulit', '', list).unit).toBe('Bidang Pengembangan Kebudayaan');
  });

  test('a tie between two units waits for the admin and names both', () => {
    const tie: RoutableUnit[] = [
      { name: 'Suku Dinas Kebudayaan Jakarta Barat', keywords: ['jakarta barat'], active: true },
      { name: 'Suku Dinas Kebudayaan Jakarta Timur', keywords: ['jakarta timur'], active: true },
    ];
    const r = route('Acara di jakarta barat dan jakarta timur', '', tie);
    expect(r).toEqual({
      unit: null,
      reason: 'tie',
      candidates: ['Suku Dinas Kebudayaan Jakarta Barat', 'Suku Dinas Kebudayaan Jakarta Timur'],
    });
  });

  test('two keywords of one unit are not a tie', () => {
    const r = route('Museum tekstil dan museum wayang', '', units);
    expect(r.unit).toBe('UP Museum Seni');
  });

  test('a longer match after a tie breaks it', () => {
    const l: RoutableUnit[] = [
      { name: 'A', keywords: ['abcd'], active: true },
      { name: 'B', keywords: ['efgh'], active: true },
      { name: 'C', keywords: ['abcd efgh'], active: true },
    ];
    expect(route('abcd efgh', '', l).unit).toBe('C');
  });

  test('no keyword → no-match', () => {
    expect(route('Terima kasih atas pelayanannya')).toEqual({ unit: null, reason: 'no-match', candidates: [] });
    expect(route('', '')).toEqual({ unit: null, reason: 'no-match', candidates: [] });
  });

  test('an inactive unit is ignored', () => {
    const l = units.map((u) => (u.name === 'UP Museum Kebaharian' ? { ...u, active: false } : u));
    expect(route('Pulau onrust', '', l)).toMatchObject({ unit: null, reason: 'no-match' });
  });

  test('an inactive unit does not cause a tie', () => {
    const l: RoutableUnit[] = [
      { name: 'A', keywords: ['kota tua'], active: true },
      { name: 'B', keywords: ['kota tua'], active: false },
    ];
    expect(route('parkir kota tua', '', l).unit).toBe('A');
  });

  test('blank and punctuation-only keywords never match', () => {
    const l: RoutableUnit[] = [{ name: 'A', keywords: ['', '  ', '--'], active: true }];
    expect(route('apa saja - di sini', '', l)).toMatchObject({ unit: null, reason: 'no-match' });
  });
});

describe('normaliseForMatch', () => {
  test('lower-cases, strips accents and collapses non-letters', () => {
    expect(normaliseForMatch('  MUSÉUM   Wayang!! ')).toBe('museum wayang');
    expect(normaliseForMatch('https://www.instagram.com/p/Setu_Babakan')).toBe(
      'https www instagram com p setu babakan',
    );
  });

  test('property: idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => expect(normaliseForMatch(normaliseForMatch(s))).toBe(normaliseForMatch(s))),
    );
  });

  test('property: a keyword embedded as its own words in any text is found', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), fc.array(word, { maxLength: 5 }), (before, after) => {
        const l: RoutableUnit[] = [{ name: 'UP Museum Seni', keywords: ['museum wayang'], active: true }];
        const text = [...before, 'Museum', 'Wayang', ...after].join(' ');
        expect(route(text, '', l).unit).toBe('UP Museum Seni');
      }),
    );
  });
});
