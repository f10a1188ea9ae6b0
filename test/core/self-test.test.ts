/**
 * The self-test's judgements (src/core/self-test): each check says lulus only for what Google
 * documents, and the report shows types, neutralises formula-like text and ends with the
 * `N passed, N failed` line `npm run selftest` promises.
 */
import { describe as show, tally } from '../../src/core/self-test/check';
import { CHECKS, CHECK_IDS } from '../../src/core/self-test/checks';
import { consoleLines, dialogText, resultOf, resultOfError, tabRows } from '../../src/core/self-test/report';
import { probeIntl, probeLuxon } from '../../src/core/self-test/v8-probes';
import { SELF_TEST_EXPECTED, SELF_TEST_TITLE } from '../../src/core/labels/self-test';
import { PROBE_INSTANT_MS } from '../../src/core/self-test/expected';

test('every check has an Indonesian title and a documentation URL', () => {
  expect(CHECK_IDS.length).toBeGreaterThanOrEqual(30);
  for (const id of CHECK_IDS) {
    expect(SELF_TEST_TITLE[id]).toBeTruthy();
    expect(CHECKS[id].doc).toMatch(/^https:\/\//);
    expect(CHECKS[id].expected).toBeTruthy();
  }
  expect(Object.keys(SELF_TEST_TITLE).sort()).toEqual([...CHECK_IDS].sort());
  expect(Object.keys(SELF_TEST_EXPECTED).sort()).toEqual([...CHECK_IDS].sort());
});

test("blank cells must read back as '' (not null or undefined)", () => {
  const judge = CHECKS['nilai.kosong'].judge;
  expect(
    judge({
      values: [
        ['x', '', ''],
        ['', '', ''],
      ],
    }).verdict,
  ).toBe('lulus');
  expect(
    judge({
      values: [
        ['x', null, ''],
        ['', '', ''],
      ],
    }).verdict,
  ).toBe('gagal');
  expect(judge({ values: [['x', '', '']] }).verdict).toBe('gagal');
});

test('a date must come back as a Date at the same instant; a number as a number', () => {
  expect(CHECKS['nilai.tanggal'].judge({ value: new Date(PROBE_INSTANT_MS) }).verdict).toBe('lulus');
  expect(CHECKS['nilai.tanggal'].judge({ value: '2026-03-16 08:30' }).verdict).toBe('gagal');
  expect(CHECKS['nilai.tanggal'].judge({ value: new Date(PROBE_INSTANT_MS + 3600_000) }).verdict).toBe('gagal');
  expect(CHECKS['nilai.angka'].judge({ values: ['42.5', true] }).verdict).toBe('gagal');
});

test('a new protection that lists the owner is not the documented mirror; a changed one lists only you', () => {
  expect(CHECKS['lindungi.baru'].judge({ owner: 'op@x.org', editors: [] }).verdict).toBe('lulus');
  expect(CHECKS['lindungi.baru'].judge({ owner: 'op@x.org', editors: ['op@x.org'] }).verdict).toBe('gagal');
  const after = { me: 'op@x.org', owner: 'op@x.org', editors: ['op@x.org'], canEdit: true, domainEdit: false };
  expect(CHECKS['lindungi.berlaku'].judge(after).verdict).toBe('lulus');
  expect(CHECKS['lindungi.berlaku'].judge({ ...after, editors: ['op@x.org', 'pic@x.org'] }).verdict).toBe('gagal');
  expect(CHECKS['lindungi.berlaku'].judge({ ...after, domainEdit: true }).verdict).toBe('gagal');
  // Still mirroring: the list does not name you.
  expect(CHECKS['lindungi.berlaku'].judge({ ...after, editors: [] }).verdict).toBe('gagal');
  // An operator who is not the owner: the owner may stay listed.
  expect(
    CHECKS['lindungi.berlaku'].judge({ ...after, me: 'op2@x.org', editors: ['op@x.org', 'op2@x.org'] }).verdict,
  ).toBe('lulus');
});

test('contention is skipped, not passed, when nobody else held the lock', () => {
  expect(CHECKS['kunci.rebutan'].judge({ acquired: false, elapsedMs: 2000 }).verdict).toBe('lulus');
  const free = CHECKS['kunci.rebutan'].judge({ acquired: true, elapsedMs: 0 });
  expect(free.verdict).toBe('dilewati');
  expect(free.reason).toBeTruthy();
});

test('either holiday calendar id will do, but it must have events', () => {
  const judge = CHECKS['kalender.libur'].judge;
  const id = { id: 'id.indonesian#holiday@group.v.calendar.google.com', name: 'Hari Libur di Indonesia', events: 20 };
  const en = { id: 'en.indonesian#holiday@group.v.calendar.google.com', name: null, events: 0 };
  expect(judge({ calendars: [id, en] }).verdict).toBe('lulus');
  expect(judge({ calendars: [{ ...id, name: null, events: 0 }, en] }).verdict).toBe('gagal');
  expect(judge({ calendars: [{ ...id, events: 0 }, en] }).verdict).toBe('gagal');
});

test('e.user: a gmail.com operator or officers outside the domain fail, naming them', () => {
  const judge = CHECKS['pengguna.penyunting'].judge;
  expect(judge({ owner: 'op@disbud.go.id', officers: ['pic@disbud.go.id'] }).verdict).toBe('lulus');
  const outside = judge({ owner: 'op@disbud.go.id', officers: ['pic@disbud.go.id', 'pic.museum@gmail.com'] });
  expect(outside.verdict).toBe('gagal');
  expect(outside.seen).toContain('pic.museum@gmail.com');
  expect(judge({ owner: 'op@gmail.com', officers: [] }).verdict).toBe('gagal');
});

test('measured costs pass within twice the model and fail beyond', () => {
  expect(CHECKS['properti.biaya'].judge({ perWriteMs: 60 }).verdict).toBe('lulus');
  expect(CHECKS['properti.biaya'].judge({ perWriteMs: 121 }).verdict).toBe('gagal');
  expect(CHECKS['lembar.flush'].judge({ flushMs: 1001 }).verdict).toBe('gagal');
});

test('form checks fail, saying why, before the first setup', () => {
  const r = CHECKS['formulir.terbit'].judge({ formId: '' });
  expect(r.verdict).toBe('gagal');
  expect(r.seen).toMatch(/Siapkan/);
  expect(CHECKS['formulir.terbit'].judge({ formId: 'f', published: false, legacy: false }).verdict).toBe('gagal');
});

test('the V8 probes see Jakarta at +07:00 in this engine', () => {
  expect(CHECKS['zona.intl'].judge(probeIntl()).verdict).toBe('lulus');
  expect(CHECKS['zona.luxon'].judge(probeLuxon()).verdict).toBe('lulus');
});

test('values are shown with their type; report rows neutralise formula-like text; the last line counts', () => {
  expect(show('')).toBe("'' (teks kosong)");
  expect(show(5)).toBe('angka 5');
  expect(show(new Date(PROBE_INSTANT_MS))).toBe('Date 2026-03-16T01:30:00.000Z');
  const ok = resultOf('zona.skrip', CHECKS['zona.skrip'].judge({ zone: 'Asia/Jakarta' }));
  const bad = resultOfError('nilai.ukuran', new Error('=HYPERLINK("x")'));
  expect(bad.verdict).toBe('gagal');
  const rows = tabRows([ok, bad], new Date(PROBE_INSTANT_MS));
  expect(rows[1][5]).toBe(`galat: =HYPERLINK("x")`);
  expect(tabRows([resultOfError('nilai.ukuran', '=1+1')], new Date())[0][5]).toBe('galat: =1+1');
  expect(rows.every((r) => r.length === 8)).toBe(true);
  const lines = consoleLines([ok, bad]);
  expect(lines[lines.length - 1]).toBe('1 passed, 1 failed');
  expect(tally([ok, bad])).toEqual({ passed: 1, failed: 1, skipped: 0 });
  expect(dialogText([ok, bad], 3)).toContain('2 pemeriksaan: 1 lulus, 1 gagal, 0 dilewati.');
});

test('a seen value that is itself formula-like is written as text', () => {
  const r = resultOf('zona.skrip', CHECKS['zona.skrip'].judge({ zone: '=IMPORTXML("http://x")' }));
  expect(tabRows([r], new Date())[0][5]).toBe(`'=IMPORTXML("http://x")`);
});

test('trigger ownership is judged only when the operator runs the test', () => {
  const judge = CHECKS['pemicu.pemilik'].judge;
  const wanted = ['onFormSubmitTrigger', 'onEditTrigger'];
  expect(judge({ wanted, handlers: wanted, runner: 'op@x.org', owner: 'op@x.org' }).verdict).toBe('lulus');
  expect(judge({ wanted, handlers: [...wanted, 'onEditTrigger'], runner: 'op@x.org', owner: 'op@x.org' }).verdict).toBe(
    'gagal',
  );
  expect(judge({ wanted, handlers: [], runner: 'OP@x.org', owner: 'op@x.org' }).verdict).toBe('gagal');
  const other = judge({ wanted, handlers: [], runner: 'admin@x.org', owner: 'op@x.org' });
  expect(other.verdict).toBe('dilewati');
  expect(other.reason).toContain('op@x.org');
});
