/**
 * The complaint form (DESIGN §4): created once and linked to the spreadsheet; on every setup or
 * "Sinkronkan pilihan formulir" its items are found by title and brought up to date (missing
 * ones added, choices re-synced from the config). Never duplicates an item.
 */
import { FORM_ITEMS, FormItemSpec } from '../core/form-spec';
import { FORM } from '../core/labels';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FormReport {
  form: Form;
  created: boolean;
  addedItems: string[];
  updatedChoices: string[];
}

function openForm(formId: string): Form | null {
  if (!formId) return null;
  try {
    return FormApp.openById(formId);
  } catch {
    return null;
  }
}

/** Adds a question; returns it as the generic Item (as getItems would), since the typed item
 * returned by add…Item has no as…Item methods. */
function addItem(form: Form, spec: FormItemSpec): Item {
  let id: number;
  switch (spec.kind) {
    case 'datetime': id = form.addDateTimeItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId(); break;
    case 'multipleChoice': id = form.addMultipleChoiceItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId(); break;
    case 'text': id = form.addTextItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId(); break;
    case 'paragraph': id = form.addParagraphTextItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId(); break;
    case 'list': id = form.addListItem().setTitle(spec.title).setRequired(spec.required).setHelpText(spec.help).getId(); break;
  }
  return form.getItemById(id);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function ensureForm(ss: Spreadsheet, formId: string, choices: Partial<Record<string, string[]>>): FormReport {
  let form = openForm(formId);
  let created = false;
  if (!form) {
    form = FormApp.create(FORM.title);
    form.setDescription(FORM.description);
    form.setConfirmationMessage(FORM.confirmation);
    form.setCollectEmail(true);
    created = true;
  }
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
    const choiceItem = spec.kind === 'list' ? item.asListItem() : spec.kind === 'multipleChoice' ? item.asMultipleChoiceItem() : null;
    if (choiceItem && !sameList(choiceItem.getChoices().map((c) => c.getValue()), wanted)) {
      choiceItem.setChoiceValues(wanted);
      updatedChoices.push(spec.title);
    }
  }
  if (created || form.getDestinationId() !== ss.getId()) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  }
  return { form, created, addedItems, updatedChoices };
}

/** The responses tab of the form linked to this spreadsheet (Google names it). */
export function responsesSheet(ss: Spreadsheet, form: Form): GoogleAppsScript.Spreadsheet.Sheet | null {
  const url = form.getPublishedUrl().replace(/\/viewform.*$/, '');
  for (const sheet of ss.getSheets()) {
    const formUrl = sheet.getFormUrl();
    if (formUrl && (formUrl === form.getPublishedUrl() || formUrl.replace(/\/viewform.*$/, '') === url || formUrl.includes(form.getId()))) return sheet;
  }
  return null;
}
