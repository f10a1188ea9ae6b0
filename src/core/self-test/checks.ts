/**
 * The self-test suite as data (DESIGN §13): every check's id, the documentation page of the
 * behaviour it states, and the pure judgement of what its probe saw. The probes, which call
 * Apps Script, are in src/gas/self-test-probes.ts under the same ids; the order here is the
 * order they run in and the order of the `Uji Sistem` tab.
 */
import { FORM } from '../labels';
import { SELF_TEST_EXPECTED as E, SELF_TEST_SEEN as S, SELF_TEST_TEXT as T } from '../labels/self-test';
import { Outcome, describe, fail, isDateValue, pass, skip, verdictOf } from './check';
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
  'lindungi.berlaku': { me: string; owner: string; editors: string[]; canEdit: boolean; domainEdit: boolean };
  'pemicu.pasang': { listed: boolean; handler: string; gone: boolean };
  'pemicu.pemilik': { wanted: string[]; handlers: string[]; runner: string; owner: string };
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

const budget = (model: number) => model * X.SLOWER_THAN_MODEL_FACTOR;

function formCheck<T>(expected: string, o: FormObservation<T>, judge: (o: { formId: string } & T) => Outcome): Outcome {
  return o.formId ? judge(o as { formId: string } & T) : fail(expected, T.missingSetup);
}

/** A check: its documentation page and judgement; the expected text comes from the labels. */
function spec<K extends CheckId>(
  id: K,
  doc: string,
  judge: (o: Observations[K], expected: string) => Outcome,
): CheckSpec<K> {
  const expected = E[id];
  return { doc, expected, judge: (o) => judge(o, expected) };
}

export const CHECKS: { [K in CheckId]: CheckSpec<K> } = {
  'kunci.rebutan': spec('kunci.rebutan', `${REF}/lock/lock#tryLock(Integer)`, (o, e) =>
    o.acquired ? skip(e, T.lockFree) : pass(e, S.lockRefused(o.elapsedMs)),
  ),
  'kunci.ambil': spec('kunci.ambil', `${REF}/lock/lock#releaseLock()`, (o, e) =>
    verdictOf(o.acquired && o.heldAfter && !o.releasedAfter, e, S.lock(o.acquired, o.heldAfter, o.releasedAfter)),
  ),
  'nilai.kosong': spec('nilai.kosong', `${REF}/spreadsheet/range#getValues()`, (o, e) => {
    const flat = o.values.flat();
    const ok =
      o.values.length === 2 &&
      o.values.every((r) => r.length === 3) &&
      flat[0] === 'x' &&
      flat.slice(1).every((v) => v === '');
    return verdictOf(ok, e, describe(o.values));
  }),
  'nilai.tanggal': spec('nilai.tanggal', `${REF}/spreadsheet/range#getValue()`, (o, e) =>
    verdictOf(isDateValue(o.value) && Math.abs(o.value.getTime() - X.PROBE_INSTANT_MS) < 1000, e, describe(o.value)),
  ),
  'nilai.angka': spec('nilai.angka', `${REF}/spreadsheet/range#getValues()`, (o, e) =>
    verdictOf(o.values[0] === X.NUMBER_PROBE && o.values[1] === X.BOOLEAN_PROBE, e, describe(o.values)),
  ),
  'nilai.ukuran': spec('nilai.ukuran', `${REF}/spreadsheet/range#setValues(Object)`, (o, e) =>
    verdictOf(o.error !== null, e, o.error === null ? T.noError : T.threw(o.error)),
  ),
  'zona.skrip': spec('zona.skrip', `${REF}/base/session#getScriptTimeZone()`, (o, e) =>
    verdictOf(o.zone === X.ZONE, e, o.zone),
  ),
  'zona.spreadsheet': spec('zona.spreadsheet', `${REF}/spreadsheet/spreadsheet#getSpreadsheetTimeZone()`, (o, e) =>
    verdictOf(o.zone === X.ZONE, e, o.zone),
  ),
  'zona.jawaban': spec(
    'zona.jawaban',
    'https://developers.google.com/sheets/api/guides/formats#about_date_time_values',
    (o, e) =>
      verdictOf(
        isDateValue(o.value) && o.wallInSheetZone === X.TYPED_WALL && o.display === X.TYPED_WALL,
        e,
        S.typedDate(describe(o.value), o.wallInSheetZone, o.zone, o.display),
      ),
  ),
  'zona.intl': spec('zona.intl', `${GUIDE}/v8-runtime`, (o, e) =>
    verdictOf(o.wall === X.PROBE_WALL && o.offset === X.ZONE_OFFSET, e, `${o.wall} (UTC${o.offset})`),
  ),
  'zona.luxon': spec('zona.luxon', 'https://moment.github.io/luxon/#/zones', (o, e) =>
    verdictOf(o.valid && o.iso === X.PROBE_ISO_WIB, e, o.valid ? o.iso : S.invalid(o.iso)),
  ),
  'zona.utilities': spec('zona.utilities', `${REF}/utilities/utilities#formatDate(Date,String,String)`, (o, e) =>
    verdictOf(o.text === X.PROBE_ISO_MINUTES, e, o.text),
  ),
  'lindungi.baru': spec('lindungi.baru', `${REF}/spreadsheet/range#protect()`, (o, e) =>
    verdictOf(!o.editors.includes(o.owner), e, S.editors(o.editors)),
  ),
  'lindungi.berlaku': spec('lindungi.berlaku', `${REF}/spreadsheet/protection#addEditor(String)`, (o, e) =>
    verdictOf(
      o.editors.includes(o.me) && o.editors.every((x) => x === o.me || x === o.owner) && o.canEdit && !o.domainEdit,
      e,
      S.protection(o.editors, o.canEdit, o.domainEdit),
    ),
  ),
  'pemicu.pasang': spec('pemicu.pasang', `${REF}/script/script-app#getProjectTriggers()`, (o, e) =>
    verdictOf(o.listed && o.handler === X.PROBE_TRIGGER_HANDLER && o.gone, e, S.trigger(o.listed, o.handler, o.gone)),
  ),
  'pemicu.pemilik': spec('pemicu.pemilik', `${GUIDE}/triggers/installable#restrictions`, (o, e) => {
    // "A given account can't see triggers installed from a second account": only the operator can tell.
    if (o.owner && o.runner.toLowerCase() !== o.owner.toLowerCase()) return skip(e, T.notOperator(o.runner, o.owner));
    const count = (h: string) => o.handlers.filter((x) => x === h).length;
    return verdictOf(
      o.wanted.every((h) => count(h) === 1),
      e,
      o.wanted.map((h) => S.triggerCount(h, count(h))).join(', '),
    );
  }),
  'properti.batas': spec('properti.batas', `${GUIDE}/services/quotas#current_limitations`, (o, e) =>
    verdictOf(o.chunkIntact && o.oversizeError !== null, e, S.property(o.chunkIntact, o.oversizeError)),
  ),
  'properti.biaya': spec('properti.biaya', `${GUIDE}/support/best-practices`, (o, e) =>
    verdictOf(o.perWriteMs <= budget(X.MODEL_MS.propertiesWrite), e, S.perWrite(o.perWriteMs)),
  ),
  'lembar.flush': spec('lembar.flush', `${REF}/spreadsheet/spreadsheet-app#flush()`, (o, e) =>
    verdictOf(o.flushMs <= budget(X.MODEL_MS.flushAfterWrite), e, S.ms(o.flushMs)),
  ),
  'cache.batas': spec('cache.batas', `${REF}/cache/cache#put(String,String,Integer)`, (o, e) =>
    verdictOf(o.intact, e, S.intact(o.intact)),
  ),
  'surel.kuota': spec('surel.kuota', `${REF}/mail/mail-app#getRemainingDailyQuota()`, (o, e) =>
    verdictOf(Number.isInteger(o.quota) && (o.quota as number) >= 0, e, describe(o.quota)),
  ),
  'surel.kirim': spec('surel.kirim', `${REF}/mail/mail-app#sendEmail(Object)`, (o, e) =>
    o.quotaBefore < 1 ? skip(e, T.quotaEmpty) : verdictOf(o.sent, e, o.sent ? S.sent : T.threw(o.error ?? '')),
  ),
  'kalender.null': spec('kalender.null', `${REF}/calendar/calendar-app#getCalendarById(String)`, (o, e) =>
    verdictOf(o.value === 'null', e, o.value),
  ),
  'kalender.libur': spec('kalender.libur', `${REF}/calendar/calendar-app#getCalendarById(String)`, (o, e) =>
    verdictOf(
      o.calendars.some((c) => c.name !== null && c.events > 0),
      e,
      o.calendars.map((c) => S.calendar(c.id, c.name, c.events)).join('; '),
    ),
  ),
  'pengguna.aktif': spec('pengguna.aktif', `${REF}/base/session#getActiveUser()`, (o, e) =>
    verdictOf(
      o.active !== '' && o.active.toLowerCase() === o.effective.toLowerCase(),
      e,
      S.user(o.active, o.effective),
    ),
  ),
  'pengguna.penyunting': spec('pengguna.penyunting', `${GUIDE}/triggers/events#edit`, (o, e) => judgeEditors(o, e)),
  'html.keluaran': spec('html.keluaran', `${REF}/html/html-output`, (o, e) =>
    verdictOf(
      o.content === T.htmlProbe &&
        o.title === T.htmlTitle &&
        o.width === X.HTML_SIZE.width &&
        o.height === X.HTML_SIZE.height,
      e,
      S.html(o.content, o.title, o.width, o.height),
    ),
  ),
  'formulir.judul': spec('formulir.judul', 'https://issuetracker.google.com/issues/442747794', (o, e) =>
    formCheck(e, o, (f) => verdictOf(f.title === FORM.title, e, describe(f.title))),
  ),
  'formulir.terbit': spec('formulir.terbit', `${REF}/forms/form#isPublished()`, (o, e) =>
    formCheck(e, o, (f) => verdictOf(f.published, e, f.legacy ? S.legacyForm : String(f.published))),
  ),
  'formulir.menerima': spec('formulir.menerima', `${REF}/forms/form#isAcceptingResponses()`, (o, e) =>
    formCheck(e, o, (f) => verdictOf(f.accepting, e, String(f.accepting))),
  ),
  'formulir.tujuan': spec('formulir.tujuan', `${REF}/forms/form#getDestinationId()`, (o, e) =>
    formCheck(e, o, (f) =>
      verdictOf(
        f.type === 'SPREADSHEET' && f.destinationId === f.spreadsheetId,
        e,
        S.destination(f.type, f.destinationId === f.spreadsheetId, f.destinationId),
      ),
    ),
  ),
  'formulir.tab-jawaban': spec('formulir.tab-jawaban', `${REF}/spreadsheet/sheet#getFormUrl()`, (o, e) =>
    formCheck(e, o, (f) =>
      verdictOf(
        f.tab !== null && f.missing.length === 0,
        e,
        f.tab === null ? S.noResponsesTab : S.responsesTab(f.tab, f.missing),
      ),
    ),
  ),
};

/** e.user is blank for a consumer account and for editors outside the owner's domain. */
function judgeEditors(o: Observations['pengguna.penyunting'], expected: string): Outcome {
  const domain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const ownerDomain = domain(o.owner);
  if (X.CONSUMER_DOMAINS.includes(ownerDomain)) return fail(expected, S.consumer(ownerDomain));
  const outside = o.officers.filter((e) => domain(e) !== ownerDomain);
  return verdictOf(
    outside.length === 0,
    expected,
    outside.length ? S.outsideDomain(ownerDomain, outside) : S.allInDomain(ownerDomain),
  );
}

export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];
