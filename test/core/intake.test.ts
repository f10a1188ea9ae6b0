import { STATUS } from '../../src/core/complaint';
import { DEFAULT_UNITS } from '../../src/core/config';
import { Answers, FORM_KEYS, IntakeInput, buildComplaint, isBlankResponse } from '../../src/core/intake';
import { FORM } from '../../src/core/labels';
import { CELL_CHAR_LIMIT } from '../../src/core/sanitize';

const at = (iso: string) => new Date(iso);
const submittedAt = at('2026-03-16T09:10:00+07:00');
const units = DEFAULT_UNITS.map(({ name, keywords, active }) => ({ name, keywords, active }));

const valid: Answers = {
  receivedAt: at('2026-03-16T08:40:00+07:00'),
  channel: 'Instagram',
  reporter: '@warga_jkt',
  postUrl: 'https://www.instagram.com/p/Cx1',
  text: 'Toilet di museum wayang kotor',
  category: 'Fasilitas dan kebersihan',
  unit: 'UP Museum Seni',
  initialResponse: 'Terima kasih, kami teruskan.',
};

function intake(answers: Answers, over: Partial<IntakeInput> = {}) {
  return buildComplaint({
    answers,
    submittedAt,
    respondent: ' Admin.Medsos@example.org ',
    sourceKey: 'resp-1',
    sourceLabel: 'tab Respons Formulir 1',
    units,
    ...over,
  });
}

describe('a valid submission', () => {
  test('with a chosen unit is forwarded at submission time', () => {
    const r = intake(valid);
    expect(r.problems).toEqual([]);
    expect(r.routing).toBe('chosen');
    expect(r.complaint).toMatchObject({
      status: STATUS.forwarded,
      unit: 'UP Museum Seni',
      receivedAt: valid.receivedAt,
      recordedAt: submittedAt,
      forwardedAt: submittedAt,
      channel: 'Instagram',
      reporter: '@warga_jkt',
      postUrl: 'https://www.instagram.com/p/Cx1',
      text: 'Toilet di museum wayang kotor',
      category: 'Fasilitas dan kebersihan',
      initialResponse: 'Terima kasih, kami teruskan.',
      sourceKey: 'resp-1',
      adminEmail: 'Admin.Medsos@example.org',
      problem: '',
      processedAt: null,
      followedUpAt: null,
      answeredAt: null,
      closedAt: null,
    });
    expect(r.complaint).not.toHaveProperty('number');
  });

  test('trims answers and normalises line breaks', () => {
    const r = intake({ ...valid, reporter: '  @warga  ', text: '  baris satu\r\nbaris dua  ' });
    expect(r.complaint.reporter).toBe('@warga');
    expect(r.complaint.text).toBe('baris satu\nbaris dua');
  });

  test('a receivedAt up to 5 minutes ahead of the server clock is accepted', () => {
    const ahead = new Date(submittedAt.getTime() + 4 * 60_000);
    const r = intake({ ...valid, receivedAt: ahead });
    expect(r.problems).toEqual([]);
    expect(r.complaint.receivedAt).toEqual(ahead);
  });

  test('a postUrl is optional', () => {
    const r = intake({ ...valid, postUrl: '' });
    expect(r.problems).toEqual([]);
    expect(r.complaint.postUrl).toBe('');
  });
});

describe('routing at intake', () => {
  test('"Tentukan otomatis" routes by keyword and forwards', () => {
    const r = intake({ ...valid, unit: FORM.autoRoute, text: 'Jalan ke Setu Babakan rusak' });
    expect(r.routing).toBe('auto');
    expect(r.routingNote).toContain('setu babakan');
    expect(r.complaint).toMatchObject({
      unit: 'UP Perkampungan Budaya Betawi',
      status: STATUS.forwarded,
      forwardedAt: submittedAt,
    });
    expect(r.problems).toEqual([]);
  });

  test('a blank unit answer routes automatically too', () => {
    const r = intake({ ...valid, unit: '', text: 'Kapal ke Onrust' });
    expect(r.complaint.unit).toBe('UP Museum Kebaharian');
    expect(r.routing).toBe('auto');
  });

  test('the post URL can decide the unit', () => {
    const r = intake({
      ...valid,
      unit: FORM.autoRoute,
      text: 'Tolong dicek',
      postUrl: 'https://www.instagram.com/explore/tags/marunda/',
    });
    expect(r.complaint.unit).toBe('UP Museum Kebaharian');
  });

  test('auto-routing without a match leaves it Baru with a note for the admin', () => {
    const r = intake({ ...valid, unit: FORM.autoRoute, text: 'Pelayanan kurang ramah' });
    expect(r.routing).toBe('none');
    expect(r.complaint).toMatchObject({ unit: '', status: STATUS.new, forwardedAt: null });
    expect(r.routingNote).toMatch(/tidak menemukan kata kunci.*pilih unit secara manual/);
    expect(r.problems).toEqual([]);
  });

  test('auto-routing tie leaves it Baru and names the candidates', () => {
    const r = intake({ ...valid, unit: FORM.autoRoute, text: 'Acara di Jakarta Barat dan Jakarta Timur' });
    expect(r.complaint.status).toBe(STATUS.new);
    expect(r.routingNote).toContain('Suku Dinas Kebudayaan Jakarta Barat');
    expect(r.routingNote).toContain('Suku Dinas Kebudayaan Jakarta Timur');
  });

  test('an unknown unit keeps the complaint, Baru, with a problem naming the unit', () => {
    const r = intake({ ...valid, unit: 'UP Museum Hantu' });
    expect(r.complaint).toMatchObject({ status: STATUS.new, unit: '', forwardedAt: null, text: valid.text });
    expect(r.problems).toEqual([
      'Unit "UP Museum Hantu" tidak ada atau tidak aktif di tab Unit; pilih unit secara manual.',
    ]);
    expect(r.complaint.problem).toBe(r.problems.join(' '));
  });

  test('an inactive chosen unit is treated like an unknown one', () => {
    const list = units.map((u) => (u.name === 'UP Museum Seni' ? { ...u, active: false } : u));
    const r = intake(valid, { units: list });
    expect(r.complaint.status).toBe(STATUS.new);
    expect(r.problems[0]).toContain('tidak aktif');
  });

  test('a complaint without text is not forwarded even when a unit was chosen', () => {
    const r = intake({ ...valid, text: '  ' });
    expect(r.complaint).toMatchObject({ status: STATUS.new, unit: '', forwardedAt: null });
    expect(r.problems).toContain('Isi pengaduan kosong.');
  });
});

describe('invalid submissions are kept and flagged, never thrown', () => {
  test.each<[string, Answers, string]>([
    ['channel', { ...valid, channel: '' }, 'Kanal media sosial kosong.'],
    ['unknown channel', { ...valid, channel: 'TikTok' }, 'Kanal "TikTok" tidak dikenal.'],
    ['reporter', { ...valid, reporter: undefined }, 'Nama/akun pelapor kosong.'],
    ['text', { ...valid, text: '' }, 'Isi pengaduan kosong.'],
    ['receivedAt missing', { ...valid, receivedAt: undefined }, 'Waktu pengaduan kosong; dipakai waktu pencatatan.'],
    ['receivedAt null', { ...valid, receivedAt: null }, 'Waktu pengaduan kosong; dipakai waktu pencatatan.'],
    ['receivedAt blank text', { ...valid, receivedAt: '  ' }, 'Waktu pengaduan kosong; dipakai waktu pencatatan.'],
    [
      'receivedAt unreadable',
      { ...valid, receivedAt: 'kemarin sore' },
      'Waktu pengaduan tidak dapat dibaca; dipakai waktu pencatatan.',
    ],
    [
      'receivedAt invalid date',
      { ...valid, receivedAt: new Date(NaN) },
      'Waktu pengaduan tidak dapat dibaca; dipakai waktu pencatatan.',
    ],
    ['bad URL', { ...valid, postUrl: 'instagram.com/p/x' }, 'Tautan unggahan bukan alamat http(s) yang sah.'],
    ['script URL', { ...valid, postUrl: 'javascript:alert(1)' }, 'Tautan unggahan bukan alamat http(s) yang sah.'],
  ])('%s', (_name, answers, problem) => {
    let r!: ReturnType<typeof intake>;
    expect(() => (r = intake(answers))).not.toThrow();
    expect(r.problems).toContain(problem);
    expect(r.complaint.problem).toContain(problem);
  });

  test('a missing receivedAt falls back to the submission time', () => {
    expect(intake({ ...valid, receivedAt: undefined }).complaint.receivedAt).toEqual(submittedAt);
  });

  test('a receivedAt more than 5 minutes in the future is flagged and replaced by the submission time', () => {
    const r = intake({ ...valid, receivedAt: new Date(submittedAt.getTime() + 6 * 60_000) });
    expect(r.problems).toEqual(['Waktu pengaduan berada di masa depan; dipakai waktu pencatatan.']);
    expect(r.complaint.receivedAt).toEqual(submittedAt);
    expect(r.complaint.status).toBe(STATUS.forwarded);
  });

  test('a bad URL is still kept as typed, for the admin to fix', () => {
    expect(intake({ ...valid, postUrl: 'instagram.com/p/x' }).complaint.postUrl).toBe('instagram.com/p/x');
  });

  test('several problems are all listed, in one sentence each', () => {
    const r = intake({ receivedAt: undefined, channel: '', reporter: '', text: '', unit: FORM.autoRoute });
    expect(r.problems).toHaveLength(4);
    expect(r.complaint.problem).toBe(r.problems.join(' '));
    expect(r.complaint.status).toBe(STATUS.new);
  });

  test('non-string answers do not crash', () => {
    const r = intake({ ...valid, channel: 42, reporter: ['a', 'b'], text: { x: 1 } });
    expect(r.problems).toContain('Kanal "42" tidak dikenal.');
    expect(typeof r.complaint.text).toBe('string');
  });
});

describe('adversarial text', () => {
  test('60,000 characters are clipped with a marker, and the problem says so', () => {
    const long = 'museum wayang '.repeat(5000).slice(0, 60000);
    const r = intake({ ...valid, text: long });
    expect(r.complaint.text.length).toBeLessThan(CELL_CHAR_LIMIT);
    expect(r.complaint.text).toContain('TERPOTONG: 60.000 karakter; teks lengkap di tab Respons Formulir 1');
    expect(r.problems).toEqual([
      'Isi pengaduan terlalu panjang (60000 karakter) dan dipotong; teks lengkap di tab Respons Formulir 1.',
    ]);
    expect(r.complaint.status).toBe(STATUS.forwarded);
  });

  test('every text field stays within the cell limit', () => {
    const huge = 'x'.repeat(60000);
    const r = intake({
      ...valid,
      reporter: huge,
      postUrl: `https://contoh.id/${huge}`,
      category: huge,
      initialResponse: huge,
    });
    for (const key of ['reporter', 'postUrl', 'category', 'initialResponse', 'text'] as const) {
      expect(r.complaint[key].length).toBeLessThan(CELL_CHAR_LIMIT);
    }
  });

  test('formula-looking text and markup are kept verbatim (escaping happens where written)', () => {
    const r = intake({ ...valid, reporter: '=HYPERLINK("x")', text: '<script>alert(1)</script> 😀' });
    expect(r.complaint.reporter).toBe('=HYPERLINK("x")');
    expect(r.complaint.text).toBe('<script>alert(1)</script> 😀');
  });
});

describe('isBlankResponse', () => {
  test('all blank, missing or whitespace-only → blank', () => {
    expect(isBlankResponse({})).toBe(true);
    expect(isBlankResponse(Object.fromEntries(FORM_KEYS.map((k) => [k, '  '])))).toBe(true);
    expect(isBlankResponse({ text: '', channel: null, unit: undefined })).toBe(true);
  });

  test.each(FORM_KEYS)('one answered field (%s) → not blank', (key) => {
    expect(isBlankResponse({ [key]: 'isi' })).toBe(false);
  });

  test('a date answer alone is not blank', () => {
    expect(isBlankResponse({ receivedAt: new Date() })).toBe(false);
  });
});
