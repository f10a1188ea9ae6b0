import fc from 'fast-check';
import {
  formatComplaintNumber,
  highestSequences,
  nextComplaintNumber,
  parseComplaintNumber,
} from '../../src/core/numbering';

describe('formatComplaintNumber / parseComplaintNumber', () => {
  test.each([
    [2026, 1, 'ADU-2026-0001'],
    [2026, 42, 'ADU-2026-0042'],
    [2026, 9999, 'ADU-2026-9999'],
    [2026, 10000, 'ADU-2026-10000'],
    [2026, 12345, 'ADU-2026-12345'],
    [2025, 7, 'ADU-2025-0007'],
  ])('%i #%i → %s', (year, seq, text) => {
    expect(formatComplaintNumber(year, seq)).toBe(text);
    expect(parseComplaintNumber(text)).toEqual({ year, sequence: seq });
  });

  test.each([[0], [-1], [1.5], [NaN]])('refuses sequence %p', (seq) => {
    expect(() => formatComplaintNumber(2026, seq)).toThrow(/invalid complaint sequence/);
  });

  test('tolerates surrounding spaces when parsing', () => {
    expect(parseComplaintNumber('  ADU-2026-0003 ')).toEqual({ year: 2026, sequence: 3 });
  });

  test.each([[''], ['ADU-2026-001'], ['ADU-26-0001'], ['ADU-2026-0001x'], ['XYZ-2026-0001'], ['12'], ['ADU-2026-']])(
    'not a complaint number: %j',
    (text) => {
      expect(parseComplaintNumber(text)).toBeNull();
    },
  );

  test('property: format then parse gives back year and sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 10_000_000 }), (year, seq) => {
        const n = formatComplaintNumber(year, seq);
        expect(n).toMatch(/^ADU-\d{4}-\d{4,}$/);
        expect(parseComplaintNumber(n)).toEqual({ year, sequence: seq });
      }),
    );
  });

  test('property: within a year, text order of 4-digit numbers is numeric order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (a, b) => {
        const cmp = formatComplaintNumber(2026, a) < formatComplaintNumber(2026, b);
        expect(cmp).toBe(a < b);
      }),
    );
  });
});

describe('highestSequences', () => {
  test('keeps the highest per year and ignores what is not a number', () => {
    const m = highestSequences([
      'ADU-2025-0100',
      'ADU-2026-0003',
      'ADU-2026-12000',
      'ADU-2026-0009',
      '',
      'catatan',
      'ADU-2025-0002',
    ]);
    expect(m.get(2025)).toBe(100);
    expect(m.get(2026)).toBe(12000);
    expect(m.get(2024)).toBeUndefined();
  });

  test('an empty register has no sequences', () => {
    expect(highestSequences([]).size).toBe(0);
  });
});

describe('nextComplaintNumber', () => {
  test('the first complaint of a year is 0001', () => {
    expect(nextComplaintNumber(2026, 0, 0)).toEqual({ number: 'ADU-2026-0001', sequence: 1 });
  });

  test('a new year starts again at 0001 even when last year went far', () => {
    const highest = highestSequences(['ADU-2025-0950']);
    expect(nextComplaintNumber(2026, 0, highest.get(2026) ?? 0).number).toBe('ADU-2026-0001');
    expect(nextComplaintNumber(2025, 0, highest.get(2025) ?? 0).number).toBe('ADU-2025-0951');
  });

  test('a counter behind the register (lost or restored) does not reuse a number', () => {
    expect(nextComplaintNumber(2026, 3, 17).number).toBe('ADU-2026-0018');
  });

  test('a counter ahead of the register (rows deleted) does not reuse a number', () => {
    expect(nextComplaintNumber(2026, 40, 17).number).toBe('ADU-2026-0041');
  });

  test('a missing or unreadable counter falls back to the register', () => {
    expect(nextComplaintNumber(2026, NaN, 17).number).toBe('ADU-2026-0018');
    expect(nextComplaintNumber(2026, NaN, NaN).number).toBe('ADU-2026-0001');
  });

  test('goes past 9999 with 5 digits', () => {
    expect(nextComplaintNumber(2026, 9999, 9999).number).toBe('ADU-2026-10000');
  });

  test('property: allocating in a row gives distinct consecutive numbers above everything seen', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.integer({ min: 1, max: 40 }), (counter0, registerHighest, count) => {
        let counter = counter0;
        const register = registerHighest ? [formatComplaintNumber(2026, registerHighest)] : [];
        const issued: number[] = [];
        for (let i = 0; i < count; i++) {
          const next = nextComplaintNumber(2026, counter, highestSequences(register).get(2026) ?? 0);
          counter = next.sequence;
          register.push(next.number);
          issued.push(next.sequence);
        }
        expect(new Set(issued).size).toBe(count);
        expect(issued[0]).toBe(Math.max(counter0, registerHighest) + 1);
        issued.forEach((s, i) => expect(s).toBe(issued[0] + i));
      }),
    );
  });
});
