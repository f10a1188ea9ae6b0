/**
 * Form responses as the system reads them (DESIGN §3): from the form-submit event, or from every
 * responses tab the spreadsheet has had. A response is read by its tab's own header row, never
 * by a column layout remembered from an older tab.
 */
import { FORM_KEYS } from '../core/intake';
import { FORM_ITEMS, RESPONSE_EMAIL_HEADERS, RESPONSE_TIMESTAMP_HEADERS, responseColumns } from '../core/form-spec';
import { ResponseRow } from '../core/registration';
import { asDate, asText } from '../core/values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type FormSubmitEvent = GoogleAppsScript.Events.SheetsOnFormSubmit;

export interface KnownResponsesTab {
  sheetName: string;
  gid: number;
  columns?: Record<string, number>;
}

/** One row of a responses tab as a ResponseRow (columns by logical key, 0-based). */
export function responseOf(values: unknown[], columns: Record<string, number>, tab: string, row: number): ResponseRow {
  const answers: ResponseRow['answers'] = {};
  for (const key of FORM_KEYS) {
    const i = columns[key];
    if (i !== undefined && i < values.length) answers[key] = values[i];
  }
  return {
    tab,
    row,
    submittedAt: columns.timestamp === undefined ? null : asDate(values[columns.timestamp]),
    respondent: columns.email === undefined ? '' : asText(values[columns.email]).trim(),
    answers,
  };
}

const TITLE_OF: Record<string, string[]> = {
  timestamp: RESPONSE_TIMESTAMP_HEADERS,
  email: RESPONSE_EMAIL_HEADERS,
  ...Object.fromEntries(FORM_ITEMS.map((f) => [f.key, [f.title]])),
};

/**
 * Whether the remembered columns describe the tab this event came from: every remembered
 * column's header must carry the value the event gives at that position (e.namedValues and
 * e.values come with the event, so this costs no service call).
 */
function layoutFits(e: FormSubmitEvent, columns: Record<string, number>): boolean {
  const named = e.namedValues as Record<string, string[]> | undefined;
  const values = e.values as unknown as string[] | undefined;
  if (!named || !values || columns.timestamp === undefined) return false;
  return Object.entries(columns).every(([key, i]) => {
    const titles = TITLE_OF[key] ?? [];
    return titles.some((t) => named[t] !== undefined && String(named[t][0] ?? '') === String(values[i] ?? ''));
  });
}

/** The response of a form-submit event, read by the header of the tab it landed in. */
export function responseOfEvent(e: FormSubmitEvent, remembered: Record<string, number> | undefined): ResponseRow {
  const values = e.range.getValues()[0];
  const row = e.range.getRow();
  if (remembered && layoutFits(e, remembered)) return responseOf(values, remembered, '', row);
  // A tab other than the one setup saw (re-linked form, lost state, a column moved): its header.
  const sheet = e.range.getSheet();
  const headers = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0];
  const column = e.range.getColumn() - 1;
  const columns = Object.fromEntries(Object.entries(responseColumns(headers)).map(([k, i]) => [k, i - column]));
  return responseOf(values, columns, sheet.getName(), row);
}

/** A tab laid out as Google Forms writes responses: a timestamp column and a known question. */
function looksLikeResponses(headers: unknown[]): boolean {
  const columns = responseColumns(headers);
  return columns.timestamp !== undefined && FORM_KEYS.some((k) => columns[k] !== undefined);
}

/**
 * Every responses tab the spreadsheet has: tabs linked to a form (Sheets marks them with its
 * URL), tabs setup recorded earlier, and unlinked tabs that still look like responses (a form
 * re-linked elsewhere leaves its old tab, and the responses in it, behind).
 */
export function allResponseTabs(ss: Spreadsheet, known: KnownResponsesTab[], skip: ReadonlySet<string>): Sheet[] {
  const gids = new Set(known.map((t) => t.gid));
  const out: Sheet[] = [];
  for (const sheet of ss.getSheets()) {
    if (skip.has(sheet.getName())) continue;
    if (sheet.getFormUrl() || gids.has(sheet.getSheetId())) {
      out.push(sheet);
      continue;
    }
    const last = sheet.getLastColumn();
    if (last > 0 && looksLikeResponses(sheet.getRange(1, 1, 1, last).getValues()[0])) out.push(sheet);
  }
  return out;
}

/** Every response in a tab (one read), with the tab's own columns. */
export function readResponses(sheet: Sheet): ResponseRow[] {
  const values = sheet.getDataRange().getValues();
  if (values.length < 2) return [];
  const columns = responseColumns(values[0]);
  if (columns.timestamp === undefined) return [];
  const name = sheet.getName();
  const out: ResponseRow[] = [];
  for (let i = 1; i < values.length; i++) {
    if (values[i].every((v) => v === '' || v === null)) continue;
    out.push(responseOf(values[i], columns, name, i + 1));
  }
  return out;
}
