/**
 * FormApp (https://developers.google.com/apps-script/reference/forms/form-app): creating and
 * opening forms, the ItemType and DestinationType enums, and text validation builders.
 * Forms live in the shared "Drive" (`env.files`) under their id.
 */
import { GasEnv } from '../../env';
import { GasError } from '../../errors';
import { GasObject } from '../../gas-object';
import { requireAuthorization, SCOPES } from '../authorization';
import { DestinationType, EmailCollectionType, Form } from './form';
import { ItemType, ParagraphTextValidationBuilder, TextValidationBuilder } from './items';

const FORM_URL = /\/forms\/d\/([A-Za-z0-9_-]+)/;

export class FormApp extends GasObject {
  readonly _className = 'FormApp';
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;
  readonly EmailCollectionType = EmailCollectionType;
  private itemCounter = 0;

  constructor(private readonly env: GasEnv) {
    super();
  }

  create(title: string): Form {
    requireAuthorization(this.env, 'FormApp.create', SCOPES.forms);
    const form = new Form(this.env.newId('1form'), String(title), this.env, () => this.nextItemId());
    this.env.files.set(form.getId(), form);
    return form;
  }

  openById(id: string): Form {
    requireAuthorization(this.env, 'FormApp.openById', SCOPES.forms);
    const form = this.env.files.get(String(id));
    if (!(form instanceof Form))
      throw new GasError(`No form with id ${id} could be found, or you do not have permission to access it.`);
    return form;
  }

  openByUrl(url: string): Form {
    const id = FORM_URL.exec(String(url))?.[1];
    if (!id || id === 'e') throw new GasError(`Invalid argument: url ${url}`);
    return this.openById(id);
  }

  /** The script is bound to a spreadsheet, not a form: there is no active form. */
  getActiveForm(): Form | null {
    return null;
  }

  createTextValidation(): TextValidationBuilder {
    return new TextValidationBuilder();
  }

  createParagraphTextValidation(): ParagraphTextValidationBuilder {
    return new ParagraphTextValidationBuilder();
  }

  _forms(): Form[] {
    return [...this.env.files.values()].filter((f): f is Form => f instanceof Form);
  }

  /** Item ids are integers in Apps Script; these are deterministic. */
  private nextItemId(): number {
    return 1_000_000_000 + 7919 * ++this.itemCounter;
  }
}
