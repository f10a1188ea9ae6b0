/**
 * The complaint form (DESIGN §4): found before anything is created, created once, linked to the
 * spreadsheet, published and titled; on every setup or "Sinkronkan pilihan formulir" its items
 * are found by title and brought up to date (missing ones added, choices re-synced from the
 * config). Never duplicates an item, and never creates a second form because an open failed
 * for a passing reason.
 *
 * Google's side (each checked by the self-test on the real account):
 * - forms created by script after 30 June 2026 start unpublished and accept nothing until
 *   setPublished(true) (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms);
 * - FormApp.create(title) names the file and may leave the form's title blank;
 * - the responses tab appears server-side after setDestination returns: flush, re-open, wait.
 */
import { FORM_ITEMS, FormItemSpec, responseColumns } from '../core/form-spec';
import { FORM } from '../core/labels';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface FormState {
  published: boolean;
  accepting: boolean;
  /** Its responses go to this spreadsheet. */
  linked: boolean;
  /** 'VERIFIED', 'RESPONDER_INPUT' or 'DO_NOT_COLLECT' (or 'YA'/'TIDAK' on the older switch). */
  emailCollection: string;
}

export interface FormReport {
  form: Form;
  created: boolean;
  addedItems: string[];
  updatedChoices: string[];
  /** What was changed to make the form usable (published, titled, linked…). */
  fixed: string[];
  state: FormState;
}

/** Google's messages for a form that does not exist (or cannot be seen): recreate it. */
const GONE = /could not be found|no item with the given id|does not exist|not found|has been deleted|trashed/i;

/** The error is one that says the form is gone for good (not a passing service failure). */
export function isGoneError(e: unknown): boolean {
  return GONE.test(String((e as Error)?.message ?? e));
}

function openBy(open: () => Form): Form | null {
  try {
    return open();
  } catch (e) {
    if (isGoneError(e)) return null;
    throw e; // transient ("Service error: Forms", time-outs): never create a second form
  }
}

/**
 * The system's form: the id setup recorded, else the form the spreadsheet itself names (its
 * responses come here), which survives lost Script Properties and a copy of the project.
 */
export function findForm(ss: Spreadsheet, formId: string): Form | null {
  if (formId) {
    const byId = openBy(() => FormApp.openById(formId));
    if (byId) return byId;
  }
  const url = ss.getFormUrl();
  return url ? openBy(() => FormApp.openByUrl(url)) : null;
}

/** Adds a question; returns it as the generic Item (as getItems would), since the typed item
 * returned by add…Item has no as…Item methods. */
function addItem(form: Form, spec: FormItemSpec): Item {
  let id: number;
  switch (spec.kind) {
    case 'datetime':
      id = form.addDateTimeItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId();
      break;
    case 'multipleChoice':
      id = form.addMultipleChoiceItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId();
      break;
    case 'text':
      id = form.addTextItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId();
      break;
    case 'paragraph':
      id = form.addParagraphTextItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId();
      break;
    case 'list':
      id = form.addListItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId();
      break;
  }
  return form.getItemById(id);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The spreadsheet the form sends its responses to ('' when none). */
export function destinationOf(form: Form): string {
  try {
    return form.getDestinationId();
  } catch {
    return ''; // "The form currently has no response destination."
  }
}

/** Verified email collection where the form offers it; the older switch otherwise. */
function collectEmail(form: Form, fixed: string[]): string {
  if (typeof form.getEmailCollectionType === 'function' && FormApp.EmailCollectionType) {
    const verified = FormApp.EmailCollectionType.VERIFIED;
    if (String(form.getEmailCollectionType()) !== String(verified)) {
      form.setEmailCollectionType(verified);
      fixed.push('email');
    }
    return String(form.getEmailCollectionType());
  }
  if (!form.collectsEmail()) {
    form.setCollectEmail(true);
    fixed.push('email');
  }
  return form.collectsEmail() ? 'YA' : 'TIDAK';
}

/** Publishes a form that is not (new forms start unpublished); legacy forms are always published. */
function publish(form: Form, fixed: string[]): boolean {
  const advanced =
    typeof form.supportsAdvancedResponderPermissions === 'function' && form.supportsAdvancedResponderPermissions();
  if (!advanced) return true;
  if (!form.isPublished()) {
    form.setPublished(true);
    fixed.push('published');
  }
  return form.isPublished();
}

export function ensureForm(ss: Spreadsheet, formId: string, choices: Partial<Record<string, string[]>>): FormReport {
  let form = findForm(ss, formId);
  let created = false;
  const fixed: string[] = [];
  if (!form) {
    form = FormApp.create(FORM.title);
    form.setDescription(FORM.description);
    form.setConfirmationMessage(FORM.confirmation);
    created = true;
  }
  if (form.getTitle() !== FORM.title) {
    form.setTitle(FORM.title);
    if (!created) fixed.push('title');
  }
  const emailCollection = collectEmail(form, created ? [] : fixed);
  const items = form.getItems();
  const byTitle = new Map<string, Item>();
  for (const item of items) byTitle.set(item.getTitle(), item);
  const addedItems: string[] = [];
  const updatedChoices: string[] = [];
  for (const spec of FORM_ITEMS) {
    let item = byTitle.get(spec.title);
    if (!item) {
      item = addItem(form, spec);
      addedItems.push(spec.title);
    }
    const wanted = choices[spec.key];
    if (!wanted || !wanted.length) continue;
    const choiceItem =
      spec.kind === 'list' ? item.asListItem() : spec.kind === 'multipleChoice' ? item.asMultipleChoiceItem() : null;
    if (
      choiceItem &&
      !sameList(
        choiceItem.getChoices().map((c) => c.getValue()),
        wanted,
      )
    ) {
      choiceItem.setChoiceValues(wanted);
      updatedChoices.push(spec.title);
    }
  }
  if (destinationOf(form) !== ss.getId()) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    if (!created) fixed.push('linked');
  }
  const published = publish(form, created ? [] : fixed);
  return {
    form,
    created,
    addedItems,
    updatedChoices,
    fixed,
    state: {
      published,
      accepting: form.isAcceptingResponses(),
      linked: destinationOf(form) === ss.getId(),
      emailCollection,
    },
  };
}

export interface ResponsesTab {
  sheet: Sheet;
  /** Answer columns by logical key (0-based), from its header row. */
  columns: Record<string, number>;
}

/** The tabs a form (any form) sends responses to: Sheets marks each with the form's URL. */
export function linkedTabs(ss: Spreadsheet): Sheet[] {
  return ss.getSheets().filter((s) => !!s.getFormUrl());
}

function formKeyOf(url: string): string {
  return (/\/forms\/d\/(?:e\/)?([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? url).toLowerCase();
}

/** Whether a tab's form URL names this form (edit URL, published URL or id). */
function isTabOf(sheet: Sheet, form: Form): boolean {
  const url = sheet.getFormUrl() ?? '';
  if (!url) return false;
  const key = formKeyOf(url);
  return key === form.getId().toLowerCase() || key === formKeyOf(form.getPublishedUrl()) || url.includes(form.getId());
}

/**
 * The responses tab of the form, once Google has created it with its header row. Google creates
 * it after setDestination has returned: flush, re-open the spreadsheet and look again, a few
 * times, a second apart. Null when it is still missing after that (setup says so; the next
 * setup or the hourly run finds it).
 */
export function waitForResponsesTab(ss: Spreadsheet, form: Form, attempts = 5): ResponsesTab | null {
  SpreadsheetApp.flush();
  for (let i = 0; i < attempts; i++) {
    const fresh = i === 0 ? ss : SpreadsheetApp.openById(ss.getId());
    const sheet = fresh.getSheets().find((s) => isTabOf(s, form));
    if (sheet && sheet.getLastColumn() > 0) {
      const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      const columns = responseColumns(headers);
      if (columns.timestamp !== undefined) return { sheet, columns };
    }
    Utilities.sleep(1000);
  }
  return null;
}
