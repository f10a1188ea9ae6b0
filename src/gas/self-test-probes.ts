/**
 * The self-test's probes (DESIGN §13): each calls Apps Script the way the system does and
 * reports what came back, for src/core/self-test/checks.ts to judge. They write only in the
 * scratch tab, under one scratch property/cache key, and a one-off trigger they delete again;
 * the system's own form is only read.
 */
import type { Observations } from '../core/self-test/checks';
import { isDateValue } from '../core/self-test/check';
import * as X from '../core/self-test/expected';
import { SELF_TEST_TEXT } from '../core/labels/self-test';
import { FORM_ITEMS } from '../core/form-spec';
import { probeIntl, probeLuxon } from '../core/self-test/v8-probes';
import { destinationOf, findForm, waitForResponsesTab } from './form';
import { cachedConfig } from './config-store';
import { ScriptState } from './state';
import { HANDLERS } from './triggers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Form = GoogleAppsScript.Forms.Form;

export interface ProbeContext {
  ss: Spreadsheet;
  scratch: Sheet;
  /** The account running the test (normally the operator), lower case. */
  me: string;
  /** The system's form (from the layout setup recorded), '' before the first setup. */
  formId: string;
  /** The script state, read once (layout, cached config). */
  state: ScriptState;
}

export type Probes = { [K in keyof Observations]: (ctx: ProbeContext) => Observations[K] };

function errorOf(body: () => void): string | null {
  try {
    body();
    return null;
  } catch (e) {
    return String((e as Error)?.message ?? e);
  }
}

function timed(body: () => void): number {
  const start = Date.now();
  body();
  return Date.now() - start;
}

const emails = (users: GoogleAppsScript.Base.User[]) => users.map((u) => u.getEmail().toLowerCase());

const formsFound = new WeakMap<ProbeContext, Form | null>();

/** The system's form as setup finds it (recorded id, else the spreadsheet's linked form), opened once; only read. */
function withForm<T>(ctx: ProbeContext, read: (form: Form) => T): ({ formId: string } & T) | { formId: '' } {
  if (!formsFound.has(ctx)) formsFound.set(ctx, findForm(ctx.ss, ctx.formId));
  const form = formsFound.get(ctx);
  return form ? { formId: form.getId(), ...read(form) } : { formId: '' };
}

export const PROBES: Probes = {
  'kunci.rebutan': () => {
    const lock = LockService.getScriptLock();
    const start = Date.now();
    const acquired = lock.tryLock(X.LOCK_CONTENTION_TIMEOUT_MS);
    const elapsedMs = Date.now() - start;
    if (acquired) lock.releaseLock();
    return { acquired, elapsedMs };
  },
  'kunci.ambil': () => {
    const lock = LockService.getScriptLock();
    const acquired = lock.tryLock(X.LOCK_ACQUIRE_TIMEOUT_MS);
    const heldAfter = lock.hasLock();
    lock.releaseLock();
    return { acquired, heldAfter, releasedAfter: lock.hasLock() };
  },
  'nilai.kosong': ({ scratch }) => {
    scratch.getRange(1, 1).setValue('x');
    return { values: scratch.getRange(1, 1, 2, 3).getValues() };
  },
  'nilai.tanggal': ({ scratch }) => {
    scratch.getRange(3, 1).setValue(new Date(X.PROBE_INSTANT_MS));
    return { value: scratch.getRange(3, 1).getValue() };
  },
  'nilai.angka': ({ scratch }) => {
    scratch.getRange(4, 1, 1, 2).setValues([[X.NUMBER_PROBE, X.BOOLEAN_PROBE]]);
    return { values: scratch.getRange(4, 1, 1, 2).getValues()[0] };
  },
  'nilai.ukuran': ({ scratch }) => ({ error: errorOf(() => scratch.getRange(5, 1, 2, 2).setValues([[1, 2, 3]])) }),
  'zona.skrip': () => ({ zone: Session.getScriptTimeZone() }),
  'zona.spreadsheet': ({ ss }) => ({ zone: ss.getSpreadsheetTimeZone() }),
  'zona.jawaban': ({ ss, scratch }) => {
    const cell = scratch.getRange(6, 1);
    cell.setNumberFormat('yyyy-MM-dd HH:mm:ss').setValue(X.TYPED_WALL);
    const value: unknown = cell.getValue();
    const zone = ss.getSpreadsheetTimeZone();
    const wallInSheetZone = isDateValue(value) ? Utilities.formatDate(value, zone, 'yyyy-MM-dd HH:mm:ss') : '';
    return { value, wallInSheetZone, display: cell.getDisplayValue(), zone };
  },
  'zona.intl': () => probeIntl(),
  'zona.luxon': () => probeLuxon(),
  'zona.utilities': () => ({
    text: Utilities.formatDate(new Date(X.PROBE_INSTANT_MS), X.ZONE, "yyyy-MM-dd'T'HH:mmXXX"),
  }),
  'lindungi.baru': ({ ss, scratch, me }) => {
    const p = scratch.protect();
    const editors = emails(p.getEditors());
    p.remove();
    const owner = ss.getOwner();
    return { owner: owner ? owner.getEmail().toLowerCase() : me, editors };
  },
  'lindungi.berlaku': ({ ss, scratch, me }) => {
    // The order the system's protectTab must follow: add yourself first, so the list changes.
    const p = scratch.getRange(1, 1, 2, 2).protect();
    p.addEditor(me);
    p.removeEditors(emails(p.getEditors()).filter((e) => e !== me));
    if (p.canDomainEdit()) p.setDomainEdit(false);
    const owner = ss.getOwner();
    const seen = {
      me,
      owner: owner ? owner.getEmail().toLowerCase() : me,
      editors: emails(p.getEditors()),
      canEdit: p.canEdit(),
      domainEdit: p.canDomainEdit(),
    };
    p.remove();
    return seen;
  },
  'pemicu.pasang': () => {
    const trigger = ScriptApp.newTrigger(X.PROBE_TRIGGER_HANDLER).timeBased().after(X.PROBE_TRIGGER_AFTER_MS).create();
    const id = trigger.getUniqueId();
    const found = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === id);
    ScriptApp.deleteTrigger(trigger);
    return {
      listed: !!found,
      handler: found ? found.getHandlerFunction() : '',
      gone: !ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === id),
    };
  },
  'pemicu.pemilik': ({ ss, me }) => {
    const owner = ss.getOwner();
    return {
      wanted: Object.values(HANDLERS),
      handlers: ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()),
      runner: me,
      owner: owner ? owner.getEmail() : '',
    };
  },
  'properti.batas': () => {
    const props = PropertiesService.getScriptProperties();
    const chunk = 'a'.repeat(X.PROPERTY_CHUNK_CHARS);
    try {
      props.setProperty(X.PROPERTY_PROBE_KEY, chunk);
      const chunkIntact = props.getProperty(X.PROPERTY_PROBE_KEY) === chunk;
      return {
        chunkIntact,
        oversizeError: errorOf(() => props.setProperty(X.PROPERTY_PROBE_KEY, 'a'.repeat(X.PROPERTY_OVERSIZE_CHARS))),
      };
    } finally {
      props.deleteProperty(X.PROPERTY_PROBE_KEY);
    }
  },
  'properti.biaya': () => {
    const props = PropertiesService.getScriptProperties();
    try {
      const total = timed(() => {
        for (let i = 0; i < X.PROPERTY_TIMED_WRITES; i++) props.setProperty(X.PROPERTY_PROBE_KEY, String(i));
      });
      return { perWriteMs: total / X.PROPERTY_TIMED_WRITES };
    } finally {
      props.deleteProperty(X.PROPERTY_PROBE_KEY);
    }
  },
  'lembar.flush': ({ scratch }) => {
    scratch.getRange(7, 1, 1, 3).setValues([[1, 2, 3]]);
    return { flushMs: timed(() => SpreadsheetApp.flush()) };
  },
  'cache.batas': () => {
    const cache = CacheService.getScriptCache();
    const key = 'k'.repeat(X.CACHE_KEY_CHARS);
    const value = 'v'.repeat(X.CACHE_VALUE_CHARS);
    cache.put(key, value, X.CACHE_EXPIRATION_S);
    const intact = cache.get(key) === value;
    cache.remove(key);
    return { intact };
  },
  'surel.kuota': () => ({ quota: MailApp.getRemainingDailyQuota() }),
  'surel.kirim': ({ me }) => {
    const quotaBefore = MailApp.getRemainingDailyQuota();
    if (quotaBefore < 1) return { quotaBefore, sent: false, error: null };
    const error = errorOf(() =>
      MailApp.sendEmail({ to: me, subject: SELF_TEST_TEXT.mailSubject, body: SELF_TEST_TEXT.mailBody }),
    );
    return { quotaBefore, sent: error === null, error };
  },
  'kalender.null': () => ({
    value: CalendarApp.getCalendarById(X.UNSUBSCRIBED_CALENDAR_ID) === null ? 'null' : 'calendar',
  }),
  'kalender.libur': () => {
    const year = new Date().getFullYear();
    return {
      calendars: X.HOLIDAY_CALENDAR_IDS.map((id) => {
        const calendar = CalendarApp.getCalendarById(id);
        if (!calendar) return { id, name: null, events: 0 };
        return {
          id,
          name: calendar.getName(),
          events: calendar.getEvents(new Date(year, 0, 1), new Date(year + 1, 0, 1)).length,
        };
      }),
    };
  },
  'pengguna.aktif': () => ({
    active: Session.getActiveUser().getEmail(),
    effective: Session.getEffectiveUser().getEmail(),
  }),
  'pengguna.penyunting': ({ ss, me, state }) => {
    // The PICs and admins: the people whose edits the edit trigger must credit.
    const config = cachedConfig(ss, state);
    const officers = [
      ...new Set([...config.units.flatMap((u) => u.pics), ...config.admins].map((e) => e.toLowerCase())),
    ];
    const owner = ss.getOwner();
    return { owner: owner ? owner.getEmail() : me, officers };
  },
  'html.keluaran': () => {
    const out = HtmlService.createHtmlOutput(SELF_TEST_TEXT.htmlProbe)
      .setTitle(SELF_TEST_TEXT.htmlTitle)
      .setWidth(X.HTML_SIZE.width)
      .setHeight(X.HTML_SIZE.height);
    return { content: out.getContent(), title: out.getTitle(), width: out.getWidth(), height: out.getHeight() };
  },
  'formulir.judul': (ctx) => withForm(ctx, (form) => ({ title: form.getTitle() })),
  'formulir.terbit': (ctx) =>
    withForm(ctx, (form) => {
      // Forms without the new responder permissions (legacy forms) are always published.
      const legacy = !(
        typeof form.supportsAdvancedResponderPermissions === 'function' && form.supportsAdvancedResponderPermissions()
      );
      return { legacy, published: legacy || form.isPublished() };
    }),
  'formulir.menerima': (ctx) => withForm(ctx, (form) => ({ accepting: form.isAcceptingResponses() })),
  'formulir.tujuan': (ctx) =>
    withForm(ctx, (form) => ({
      type: String(form.getDestinationType()),
      destinationId: destinationOf(form),
      spreadsheetId: ctx.ss.getId(),
    })),
  'formulir.tab-jawaban': (ctx) =>
    withForm(ctx, (form) => {
      const tab = waitForResponsesTab(ctx.ss, form, 1);
      if (!tab) return { tab: null, missing: [] };
      return {
        tab: tab.sheet.getName(),
        missing: FORM_ITEMS.filter((item) => tab.columns[item.key] === undefined).map((item) => item.title),
      };
    }),
};
