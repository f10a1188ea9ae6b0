/**
 * Puts a backed-up workbook into a fresh local runtime (emulator/runtime.ts), as it is on Google:
 * every tab with its values (dates as dates; dates and numbers with a number format that shows
 * them as they were shown), frozen rows, and the form's responses tab linked to a form whose
 * questions match its columns. Script Properties are not in a backup (the Sheets API cannot read them): the runtime
 * starts with only the link to that form, as after "the script was moved to a new project".
 */
import { GasRuntime } from '../../emulator/runtime';
import type { Sheet } from '../../emulator/spreadsheet';
import { compileFormat } from '../../emulator/spreadsheet/number-format';
import { FORM_ITEMS, RESPONSE_EMAIL_HEADERS, RESPONSE_TIMESTAMP_HEADERS } from '../../src/core/form-spec';
import { FORM } from '../../src/core/labels';
import type { SheetSnapshot } from '../sim/outputs';

/** Formats tried, in order, to show a date cell exactly as the backup displayed it. */
const DATE_FORMATS = [
  'yyyy-mm-dd hh:mm',
  'yyyy-mm-dd',
  'M/d/yyyy H:mm:ss',
  'M/d/yyyy',
  'yyyy-mm-dd hh:mm:ss',
  'dd/mm/yyyy hh:mm',
  'dd/mm/yyyy',
  'd/M/yyyy H:mm:ss',
  'dd/MM/yyyy H:mm:ss',
  'd/M/yyyy',
  'yyyy-mm',
  'mmmm yyyy',
];
/** Number formats tried when a number is not shown as Sheets' automatic format would show it. */
const NUMBER_FORMATS = ['0.00', '0%', '0.0%', '0.00%', '0', '0.0', '#,##0', '#,##0.00'];

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export interface LoadedWorkbook {
  /** The tab taken as the current form's responses tab (null when the workbook has none). */
  responsesTab: string | null;
  formId: string | null;
  /** Date cells whose display could not be matched by any known format (shown in ISO form). */
  unmatchedDates: number;
}

/** Responses tabs: Google writes "Timestamp" (or its translation) as the first header. */
export function isResponsesTab(s: Pick<SheetSnapshot, 'display'>): boolean {
  const first = String(s.display[0]?.[0] ?? '').trim();
  return RESPONSE_TIMESTAMP_HEADERS.includes(first);
}

/** The form writes into the newest responses tab ("Form Responses 2" after a re-link). */
export function currentResponsesTab(sheets: SheetSnapshot[]): SheetSnapshot | null {
  const candidates = sheets.filter(isResponsesTab);
  const n = (s: SheetSnapshot) => Number(/(\d+)\s*$/.exec(s.name)?.[1] ?? 0);
  return candidates.sort((a, b) => n(b) - n(a))[0] ?? null;
}

function formatFor(d: Date, shown: string, timeZone: string): string | null {
  return DATE_FORMATS.find((f) => compileFormat(f).date(d.getTime(), timeZone) === shown) ?? null;
}

function fill(sheet: Sheet, snap: SheetSnapshot, timeZone: string): number {
  let unmatched = 0;
  if (snap.values.length && snap.values[0].length) sheet._writeRaw(1, 1, snap.values);
  snap.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'number') {
        const shown = snap.display[r]?.[c] ?? '';
        if (compileFormat(undefined).number(v, timeZone) === shown) return;
        const f = NUMBER_FORMATS.find((p) => compileFormat(p).number(v, timeZone) === shown);
        if (f) sheet.getRange(r + 1, c + 1).setNumberFormat(f);
        return;
      }
      if (!isDate(v)) return;
      const f = formatFor(v, snap.display[r]?.[c] ?? '', timeZone);
      if (!f) unmatched++;
      sheet.getRange(r + 1, c + 1).setNumberFormat(f ?? 'yyyy-mm-dd hh:mm:ss');
    }),
  );
  if (snap.frozenRows) sheet.setFrozenRows(snap.frozenRows);
  return unmatched;
}

export function loadWorkbook(rt: GasRuntime, sheets: SheetSnapshot[]): LoadedWorkbook {
  const ss = rt.spreadsheet;
  const tz = ss.getSpreadsheetTimeZone();
  const blank = ss._sheets[0];
  const responses = currentResponsesTab(sheets);
  let formId: string | null = null;
  let unmatchedDates = 0;
  sheets.forEach((snap, i) => {
    let sheet: Sheet;
    if (snap === responses) {
      // A form with the questions of the responses tab, linked to the spreadsheet: Forms makes
      // a new "Form Responses N" tab, which then takes the backed-up tab's name, place and rows.
      const form = rt.formApp.create(FORM.title);
      const headers = snap.display[0].map((h) => String(h).trim());
      if (headers.some((h) => RESPONSE_EMAIL_HEADERS.includes(h))) form.setCollectEmail(true);
      for (const h of headers) {
        const spec = FORM_ITEMS.find((f) => f.title === h);
        if (!spec) continue;
        const item =
          spec.kind === 'datetime'
            ? form.addDateTimeItem()
            : spec.kind === 'multipleChoice'
              ? form.addMultipleChoiceItem()
              : spec.kind === 'text'
                ? form.addTextItem()
                : spec.kind === 'paragraph'
                  ? form.addParagraphTextItem()
                  : form.addListItem();
        item.setTitle(spec.title).setRequired(spec.required);
      }
      form.setTitle(FORM.title);
      form.setPublished(true); // the live form is published (a new one starts unpublished)
      form.setDestination('SPREADSHEET', ss.getId());
      form._materialise(true); // Google creates the responses tab server-side; here, now
      sheet = ss._sheets.find((s) => s._formUrl && s._formUrl.includes(form.getId())) ?? ss._sheets[0];
      sheet.setName(snap.name);
      ss.setActiveSheet(sheet);
      ss.moveActiveSheet(Math.min(i + 1, ss._sheets.length));
      formId = form.getId();
    } else {
      sheet =
        snap.name === blank.getName() && i === 0 ? blank : ss._addSheet(snap.name, Math.min(i, ss._sheets.length));
    }
    unmatchedDates += fill(sheet, snap, tz);
  });
  if (!sheets.some((s) => s.name === blank.getName()) && ss._sheets.includes(blank) && ss._sheets.length > 1)
    ss.deleteSheet(blank);
  if (formId) {
    const layout = JSON.stringify({ spreadsheetUrl: ss.getUrl(), gids: {}, formId, responses: null });
    rt.propertiesService.getScriptProperties().setProperties({ 'layout.0': layout, 'layout.n': '1' });
  }
  return { responsesTab: responses?.name ?? null, formId, unmatchedDates };
}
