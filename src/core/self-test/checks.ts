/**
 * The self-test suite as data (DESIGN §13): every check's id, the documentation page of the
 * behaviour it states, and the pure judgement of what its probe saw. The probes, which call
 * Apps Script, are in src/gas/self-test-probes.ts under the same ids; the order here is the
 * order they run in and the order of the `Uji Sistem` tab.
 */
import { FORM } from '../labels';
import { SELF_TEST_TEXT as T } from '../labels/self-test';
import { Outcome, describe, fail, isDateValue, pass, sameStrings, skip, verdictOf } from './check';
import * as X from './expected';

const REF = 'https://developers.google.com/apps-script/reference';
const GUIDE = 'https://developers.google.com/apps-script/guides';

/** What each probe reports (its observation), by check id. */
export interface Observations {
  'kunci.rebutan': { acquired: boolean; elapsedMs: number };
  'kunci.ambil': { acquired: boolean; heldAfter: boolean; releasedAfter: boolean };
  'nilai.kosong': { values: unknown[][] };
  'nilai.tanggal': { value: unknown };
  'nilai.angka': { values: unknown[] };
  'nilai.ukuran': { error: string | null };
  'zona.skrip': { zone: string };
  'zona.spreadsheet': { zone: string };
  'zona.jawaban': { value: unknown; wallInSheetZone: string; display: string; zone: string };
  'zona.intl': { wall: string; offset: string };
  'zona.luxon': { iso: string; valid: boolean };
  'zona.utilities': { text: string };
  'lindungi.baru': { owner: string; editors: string[] };
  'lindungi.berlaku': { me: string; editors: string[]; canEdit: boolean; domainEdit: boolean };
  'pemicu.pasang': { listed: boolean; handler: string; gone: boolean };
  'pemicu.pemilik': { wanted: string[]; handlers: string[] };
  'properti.batas': { chunkIntact: boolean; oversizeError: string | null };
  'properti.biaya': { perWriteMs: number };
  'lembar.flush': { flushMs: number };
  'cache.batas': { intact: boolean };
  'surel.kuota': { quota: unknown };
  'surel.kirim': { quotaBefore: number; sent: boolean; error: string | null };
  'kalender.null': { value: 'null' | 'calendar' };
  'kalender.libur': { calendars: { id: string; name: string | null; events: number }[] };
  'pengguna.aktif': { active: string; effective: string };
  'pengguna.penyunting': { owner: string; officers: string[] };
  'html.keluaran': { content: string; title: string; width: number; height: number };
  'formulir.judul': FormObservation<{ title: string }>;
  'formulir.terbit': FormObservation<{ published: boolean; legacy: boolean }>;
  'formulir.menerima': FormObservation<{ accepting: boolean }>;
  'formulir.tujuan': FormObservation<{ type: string; destinationId: string; spreadsheetId: string }>;
  'formulir.tab-jawaban': FormObservation<{ tab: string | null; missing: string[] }>;
}

/** Form checks look at the system's own form; before the first setup there is none. */
export type FormObservation<T> = ({ formId: string } & T) | { formId: '' };

export type CheckId = keyof Observations;

export interface CheckSpec<K extends CheckId> {
  doc: string;
  expected: string;
  judge: (o: Observations[K]) => Outcome;
}

const ms = (n: number) => `${Math.round(n)} ms`;
const list = (xs: string[]) => (xs.length ? xs.join(', ') : T.none);
const budget = (model: number) => model * X.SLOWER_THAN_MODEL_FACTOR;

function formCheck<T>(expected: string, o: FormObservation<T>, judge: (o: { formId: string } & T) => Outcome): Outcome {
  return o.formId ? judge(o as { formId: string } & T) : fail(expected, T.missingSetup);
}

function spec<K extends CheckId>(doc: string, expected: string, judge: (o: Observations[K], expected: string) => Outcome): CheckSpec<K> {
  return { doc, expected, judge: (o) => judge(o, expected) };
}

export const CHECKS: { [K in CheckId]: CheckSpec<K> } = {
  'kunci.rebutan': spec(`${REF}/lock/lock#tryLock(Integer)`, `false setelah ±${X.LOCK_CONTENTION_TIMEOUT_MS} ms, tanpa galat`, (o, e) =>
    o.acquired ? skip(e, T.lockFree) : pass(e, `false setelah ${ms(o.elapsedMs)}`)),
  'kunci.ambil': spec(`${REF}/lock/lock#releaseLock()`, 'tryLock true, hasLock true, lalu hasLock false setelah releaseLock', (o, e) =>
    verdictOf(o.acquired && o.heldAfter && !o.releasedAfter, e, `tryLock ${o.acquired}, hasLock ${o.heldAfter}, setelah releaseLock ${o.releasedAfter}`)),
  'nilai.kosong': spec(`${REF}/spreadsheet/range#getValues()`, `[["x", '', ''], ['', '', '']]`, (o, e) => {
    const flat = o.values.flat();
    const ok = o.values.length === 2 && o.values.every((r) => r.length === 3) && flat[0] === 'x' && flat.slice(1).every((v) => v === '');
    return verdictOf(ok, e, describe(o.values));
  }),
  'nilai.tanggal': spec(`${REF}/spreadsheet/range#getValue()`, `Date ${new Date(X.PROBE_INSTANT_MS).toISOString()}`, (o, e) =>
    verdictOf(isDateValue(o.value) && Math.abs(o.value.getTime() - X.PROBE_INSTANT_MS) < 1000, e, describe(o.value))),
  'nilai.angka': spec(`${REF}/spreadsheet/range#getValues()`, describe([X.NUMBER_PROBE, X.BOOLEAN_PROBE]), (o, e) =>
    verdictOf(o.values[0] === X.NUMBER_PROBE && o.values[1] === X.BOOLEAN_PROBE, e, describe(o.values))),
  'nilai.ukuran': spec(`${REF}/spreadsheet/range#setValues(Object)`, 'galat: jumlah baris/kolom data tidak sama dengan rentang', (o, e) =>
    verdictOf(o.error !== null, e, o.error === null ? T.noError : T.threw(o.error))),
  'zona.skrip': spec(`${REF}/base/session#getScriptTimeZone()`, X.ZONE, (o, e) => verdictOf(o.zone === X.ZONE, e, o.zone)),
  'zona.spreadsheet': spec(`${REF}/spreadsheet/spreadsheet#getSpreadsheetTimeZone()`, X.ZONE, (o, e) => verdictOf(o.zone === X.ZONE, e, o.zone)),
  'zona.jawaban': spec('https://developers.google.com/sheets/api/guides/formats#about_date_time_values', `Date yang di zona spreadsheet berbunyi ${X.TYPED_WALL}`, (o, e) =>
    verdictOf(isDateValue(o.value) && o.wallInSheetZone === X.TYPED_WALL && o.display === X.TYPED_WALL, e,
      `${describe(o.value)} = ${o.wallInSheetZone} di ${o.zone}; tampil "${o.display}"`)),
  'zona.intl': spec('https://developers.google.com/apps-script/guides/v8-runtime', `${X.PROBE_WALL} (UTC${X.ZONE_OFFSET})`, (o, e) =>
    verdictOf(o.wall === X.PROBE_WALL && o.offset === X.ZONE_OFFSET, e, `${o.wall} (UTC${o.offset})`)),
  'zona.luxon': spec('https://moment.github.io/luxon/#/zones', X.PROBE_ISO_WIB, (o, e) =>
    verdictOf(o.valid && o.iso === X.PROBE_ISO_WIB, e, o.valid ? o.iso : `tidak valid (${o.iso})`)),
  'zona.utilities': spec(`${REF}/utilities/utilities#formatDate(Date,String,String)`, `2026-03-16T08:30${X.ZONE_OFFSET}`, (o, e) =>
    verdictOf(o.text === `2026-03-16T08:30${X.ZONE_OFFSET}`, e, o.text)),
  'lindungi.baru': spec(`${REF}/spreadsheet/range#protect()`, 'daftar editor tidak memuat pemilik: perlindungan belum berlaku', (o, e) =>
    verdictOf(!o.editors.includes(o.owner), e, `editor: ${list(o.editors)}`)),
  'lindungi.berlaku': spec(`${REF}/spreadsheet/protection#addEditor(String)`, 'editor hanya Anda; Anda dapat mengedit; akses domain mati', (o, e) =>
    verdictOf(sameStrings(o.editors, [o.me]) && o.canEdit && !o.domainEdit, e,
      `editor: ${list(o.editors)}; dapat mengedit: ${o.canEdit}; akses domain: ${o.domainEdit}`)),
  'pemicu.pasang': spec(`${REF}/script/script-app#getProjectTriggers()`, `pemicu ${X.PROBE_TRIGGER_HANDLER} terlihat, lalu hilang setelah dihapus`, (o, e) =>
    verdictOf(o.listed && o.handler === X.PROBE_TRIGGER_HANDLER && o.gone, e, `terlihat: ${o.listed} (${o.handler || T.none}); hilang setelah dihapus: ${o.gone}`)),
  'pemicu.pemilik': spec(`${GUIDE}/triggers/installable#restrictions`, 'masing-masing tepat 1: kirim formulir, edit, buka, harian, per jam', (o, e) => {
    const counts = o.wanted.map((h) => `${h} ×${o.handlers.filter((x) => x === h).length}`);
    return verdictOf(o.wanted.every((h) => o.handlers.filter((x) => x === h).length === 1), e, counts.join(', '));
  }),
  'properti.batas': spec(`${GUIDE}/services/quotas#current_limitations`, `${X.PROPERTY_CHUNK_CHARS} karakter utuh; ${X.PROPERTY_OVERSIZE_CHARS} karakter ditolak`, (o, e) =>
    verdictOf(o.chunkIntact && o.oversizeError !== null, e,
      `${X.PROPERTY_CHUNK_CHARS} karakter ${o.chunkIntact ? 'utuh' : 'tidak utuh'}; ${X.PROPERTY_OVERSIZE_CHARS} karakter: ${o.oversizeError === null ? 'diterima' : T.threw(o.oversizeError)}`)),
  'properti.biaya': spec(`${GUIDE}/support/best-practices`, `≤ ${ms(budget(X.MODEL_MS.propertiesWrite))} per penulisan (model: ${ms(X.MODEL_MS.propertiesWrite)})`, (o, e) =>
    verdictOf(o.perWriteMs <= budget(X.MODEL_MS.propertiesWrite), e, `${ms(o.perWriteMs)} per penulisan`)),
  'lembar.flush': spec(`${REF}/spreadsheet/spreadsheet-app#flush()`, `≤ ${ms(budget(X.MODEL_MS.flushAfterWrite))} (model: ${ms(X.MODEL_MS.flushAfterWrite)})`, (o, e) =>
    verdictOf(o.flushMs <= budget(X.MODEL_MS.flushAfterWrite), e, ms(o.flushMs))),
  'cache.batas': spec(`${REF}/cache/cache#put(String,String,Integer)`, 'nilai terbaca kembali utuh', (o, e) =>
    verdictOf(o.intact, e, o.intact ? 'utuh' : 'hilang atau berubah')),
  'surel.kuota': spec(`${REF}/mail/mail-app#getRemainingDailyQuota()`, 'bilangan bulat ≥ 0', (o, e) =>
    verdictOf(Number.isInteger(o.quota) && (o.quota as number) >= 0, e, describe(o.quota))),
  'surel.kirim': spec(`${REF}/mail/mail-app#sendEmail(Object)`, 'terkirim tanpa galat', (o, e) =>
    o.quotaBefore < 1 ? skip(e, T.quotaEmpty) : verdictOf(o.sent, e, o.sent ? 'terkirim' : T.threw(o.error ?? ''))),
  'kalender.null': spec(`${REF}/calendar/calendar-app#getCalendarById(String)`, 'null', (o, e) => verdictOf(o.value === 'null', e, o.value)),
  'kalender.libur': spec(`${REF}/calendar/calendar-app#getCalendarById(String)`, 'salah satu kalender ditemukan dan berisi ≥ 1 acara tahun ini', (o, e) => {
    const seen = o.calendars.map((c) => `${c.id}: ${c.name === null ? 'null' : `"${c.name}", ${c.events} acara`}`).join('; ');
    return verdictOf(o.calendars.some((c) => c.name !== null && c.events > 0), e, seen);
  }),
  'pengguna.aktif': spec(`${REF}/base/session#getActiveUser()`, 'alamat email yang sama dengan akun yang menjalankan', (o, e) =>
    verdictOf(o.active !== '' && o.active.toLowerCase() === o.effective.toLowerCase(), e, `${o.active || "''"} (akun: ${o.effective || "''"})`)),
  'pengguna.penyunting': spec(`${GUIDE}/triggers/events#edit`, 'akun Workspace; semua PIC dan admin di domain yang sama', (o, e) => judgeEditors(o, e)),
  'html.keluaran': spec(`${REF}/html/html-output`, `${T.htmlProbe}, "${T.htmlTitle}", ${X.HTML_SIZE.width}×${X.HTML_SIZE.height}`, (o, e) =>
    verdictOf(o.content === T.htmlProbe && o.title === T.htmlTitle && o.width === X.HTML_SIZE.width && o.height === X.HTML_SIZE.height, e,
      `${o.content}, "${o.title}", ${o.width}×${o.height}`)),
  'formulir.judul': spec('https://issuetracker.google.com/issues/442747794', `"${FORM.title}"`, (o, e) =>
    formCheck(e, o, (f) => verdictOf(f.title === FORM.title, e, describe(f.title)))),
  'formulir.terbit': spec(`${REF}/forms/form#isPublished()`, 'true', (o, e) => formCheck(e, o, (f) => verdictOf(f.published, e, f.legacy ? 'true (formulir lama: selalu terbit)' : String(f.published)))),
  'formulir.menerima': spec(`${REF}/forms/form#isAcceptingResponses()`, 'true', (o, e) => formCheck(e, o, (f) => verdictOf(f.accepting, e, String(f.accepting)))),
  'formulir.tujuan': spec(`${REF}/forms/form#getDestinationId()`, 'SPREADSHEET, id spreadsheet ini', (o, e) => formCheck(e, o, (f) =>
    verdictOf(f.type === 'SPREADSHEET' && f.destinationId === f.spreadsheetId, e, `${f.type}, ${f.destinationId === f.spreadsheetId ? 'id spreadsheet ini' : f.destinationId || "''"}`))),
  'formulir.tab-jawaban': spec(`${REF}/spreadsheet/sheet#getFormUrl()`, 'tab ditemukan dengan judul waktu kirim; tidak ada pertanyaan yang kurang', (o, e) => formCheck(e, o, (f) =>
    verdictOf(f.tab !== null && f.missing.length === 0, e, f.tab === null ? 'tab jawaban tidak ditemukan (atau tanpa judul waktu kirim)' : `tab "${f.tab}"; kurang: ${list(f.missing)}`))),
};

/** e.user is blank for a consumer account and for editors outside the owner's domain. */
function judgeEditors(o: Observations['pengguna.penyunting'], expected: string): Outcome {
  const domain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const ownerDomain = domain(o.owner);
  if (X.CONSUMER_DOMAINS.includes(ownerDomain)) return fail(expected, `akun konsumen (${ownerDomain}): e.user kosong untuk semua petugas`);
  const outside = o.officers.filter((e) => domain(e) !== ownerDomain);
  return verdictOf(outside.length === 0, expected, outside.length ? `di luar ${ownerDomain}: ${list(outside.slice(0, 5))}${outside.length > 5 ? ` (+${outside.length - 5})` : ''}` : `semua di ${ownerDomain}`);
}

export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];
