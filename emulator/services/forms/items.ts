/**
 * Form items (https://developers.google.com/apps-script/reference/forms/item and the typed
 * item classes). Each class has exactly the methods its Apps Script class has among those
 * emulated, so code calling `setRequired` on a SectionHeaderItem fails here as it does there.
 *
 * One `ItemState` per question holds the data; wrappers are views of it (`form.getItems()`
 * returns generic `Item`s, `item.asTextItem()` a `TextItem` of the same state), as in Apps Script.
 */
import { GasError } from '../../errors';
import { GasObject } from '../../gas-object';

export const ItemType = {
  CHECKBOX: 'CHECKBOX',
  CHECKBOX_GRID: 'CHECKBOX_GRID',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  FILE_UPLOAD: 'FILE_UPLOAD',
  GRID: 'GRID',
  IMAGE: 'IMAGE',
  LIST: 'LIST',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  PAGE_BREAK: 'PAGE_BREAK',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  RATING: 'RATING',
  SCALE: 'SCALE',
  SECTION_HEADER: 'SECTION_HEADER',
  TEXT: 'TEXT',
  TIME: 'TIME',
  VIDEO: 'VIDEO',
} as const;
export type ItemTypeName = keyof typeof ItemType;

/** Items that are not questions get no column in the responses sheet. */
export const NON_QUESTION_TYPES: ReadonlySet<string> = new Set(['SECTION_HEADER', 'PAGE_BREAK', 'IMAGE', 'VIDEO']);

export interface ItemState {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  otherOption: boolean;
  validation: TextValidation | null;
  includesYear: boolean;
}

/** What an item needs from its form: its position, and to tell it a title changed. */
export interface ItemOwner {
  _indexOf(state: ItemState): number;
  _titleChanged(state: ItemState): void;
  _wrap(state: ItemState, type?: ItemTypeName): BaseItem;
}

export class Choice extends GasObject {
  readonly _className = 'Choice';

  constructor(private readonly value: string) {
    super();
  }

  getValue(): string {
    return this.value;
  }
}

export type TextRule = 'url' | 'email' | 'number' | 'pattern' | 'contains' | 'maxLength' | 'minLength';

export class TextValidation extends GasObject {
  readonly _className = 'TextValidation';

  constructor(
    readonly _rule: TextRule,
    readonly _arg: string | number | null,
    readonly _helpText: string,
  ) {
    super();
  }

  /** Whether an answer passes, as the live form would check it before accepting the response. */
  _accepts(text: string): boolean {
    switch (this._rule) {
      case 'url':
        return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(text);
      case 'email':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
      case 'number':
        return text.trim() !== '' && Number.isFinite(Number(text));
      case 'pattern':
        return new RegExp(`^(?:${String(this._arg)})$`).test(text);
      case 'contains':
        return new RegExp(String(this._arg)).test(text);
      case 'maxLength':
        return text.length <= Number(this._arg);
      case 'minLength':
        return text.length >= Number(this._arg);
    }
  }
}

export class TextValidationBuilder extends GasObject {
  readonly _className: string = 'TextValidationBuilder';
  protected rule: TextRule | null = null;
  protected arg: string | number | null = null;
  protected helpText = '';

  requireTextIsUrl(): this {
    return this.set('url', null);
  }

  requireTextIsEmail(): this {
    return this.set('email', null);
  }

  requireNumber(): this {
    return this.set('number', null);
  }

  requireTextMatchesPattern(pattern: string): this {
    return this.set('pattern', String(pattern));
  }

  requireTextContainsPattern(pattern: string): this {
    return this.set('contains', String(pattern));
  }

  requireTextLengthLessThanOrEqualTo(number: number): this {
    return this.set('maxLength', Number(number));
  }

  requireTextLengthGreaterThanOrEqualTo(number: number): this {
    return this.set('minLength', Number(number));
  }

  setHelpText(text: string): this {
    this.helpText = String(text);
    return this;
  }

  build(): TextValidation {
    if (!this.rule) throw new GasError('The validation has no rule.');
    return new TextValidation(this.rule, this.arg, this.helpText);
  }

  private set(rule: TextRule, arg: string | number | null): this {
    this.rule = rule;
    this.arg = arg;
    return this;
  }
}

export class ParagraphTextValidationBuilder extends TextValidationBuilder {
  override readonly _className = 'ParagraphTextValidationBuilder';
}

export abstract class BaseItem extends GasObject {
  constructor(
    readonly _state: ItemState,
    protected readonly _owner: ItemOwner,
  ) {
    super();
  }

  getId(): number {
    return this._state.id;
  }

  getIndex(): number {
    return this._owner._indexOf(this._state);
  }

  getType(): string {
    return this._state.type;
  }

  getTitle(): string {
    return this._state.title;
  }

  setTitle(title: string): this {
    this._state.title = String(title);
    this._owner._titleChanged(this._state);
    return this;
  }

  getHelpText(): string {
    return this._state.helpText;
  }

  setHelpText(text: string): this {
    this._state.helpText = String(text);
    return this;
  }
}

/** The generic Item that Form.getItems returns. */
export class Item extends BaseItem {
  readonly _className = 'Item';

  private as<T extends BaseItem>(type: ItemTypeName): T {
    if (this._state.type !== type) throw new GasError(`Invalid conversion for item type: ${this._state.type}`);
    return this._owner._wrap(this._state, type) as T;
  }

  asTextItem(): TextItem {
    return this.as('TEXT');
  }

  asParagraphTextItem(): ParagraphTextItem {
    return this.as('PARAGRAPH_TEXT');
  }

  asMultipleChoiceItem(): MultipleChoiceItem {
    return this.as('MULTIPLE_CHOICE');
  }

  asListItem(): ListItem {
    return this.as('LIST');
  }

  asDateTimeItem(): DateTimeItem {
    return this.as('DATETIME');
  }

  asSectionHeaderItem(): SectionHeaderItem {
    return this.as('SECTION_HEADER');
  }

  asCheckboxItem(): CheckboxItem {
    return this.as('CHECKBOX');
  }

  asPageBreakItem(): PageBreakItem {
    return this.as('PAGE_BREAK');
  }
}

export class SectionHeaderItem extends BaseItem {
  readonly _className = 'SectionHeaderItem';
}

abstract class QuestionItem extends BaseItem {
  isRequired(): boolean {
    return this._state.required;
  }

  setRequired(enabled: boolean): this {
    this._state.required = Boolean(enabled);
    return this;
  }
}

export class TextItem extends QuestionItem {
  readonly _className = 'TextItem';

  setValidation(validation: TextValidation): TextItem {
    if (!(validation instanceof TextValidation)) throw new GasError('Invalid argument: validation');
    this._state.validation = validation;
    return this;
  }

  clearValidation(): TextItem {
    this._state.validation = null;
    return this;
  }
}

export class ParagraphTextItem extends QuestionItem {
  readonly _className = 'ParagraphTextItem';

  setValidation(validation: TextValidation): ParagraphTextItem {
    if (!(validation instanceof TextValidation)) throw new GasError('Invalid argument: validation');
    this._state.validation = validation;
    return this;
  }

  clearValidation(): ParagraphTextItem {
    this._state.validation = null;
    return this;
  }
}

export class DateTimeItem extends QuestionItem {
  readonly _className = 'DateTimeItem';

  includesYear(): boolean {
    return this._state.includesYear;
  }

  setIncludesYear(enableYear: boolean): DateTimeItem {
    this._state.includesYear = Boolean(enableYear);
    return this;
  }
}

abstract class ChoiceQuestionItem extends QuestionItem {
  createChoice(value: string): Choice {
    return new Choice(String(value));
  }

  getChoices(): Choice[] {
    return this._state.choices.map((v) => new Choice(v));
  }

  setChoiceValues(values: string[]): this {
    if (!Array.isArray(values)) throw new GasError('Invalid argument: values');
    this.replaceChoices(values.map(String));
    return this;
  }

  setChoices(choices: Choice[]): this {
    if (!Array.isArray(choices) || choices.some((c) => !(c instanceof Choice)))
      throw new GasError('Invalid argument: choices');
    this.replaceChoices(choices.map((c) => c.getValue()));
    return this;
  }

  private replaceChoices(values: string[]): void {
    // The Forms editor refuses an empty option list and blank options.
    if (values.length === 0 || values.some((v) => v.trim() === '')) throw new GasError('Invalid data updating form.');
    this._state.choices = values;
  }
}

export class MultipleChoiceItem extends ChoiceQuestionItem {
  readonly _className = 'MultipleChoiceItem';

  showOtherOption(enabled: boolean): MultipleChoiceItem {
    this._state.otherOption = Boolean(enabled);
    return this;
  }

  hasOtherOption(): boolean {
    return this._state.otherOption;
  }
}

export class ListItem extends ChoiceQuestionItem {
  readonly _className = 'ListItem';
}

/** A question whose answer is any number of its choices (https://developers.google.com/apps-script/reference/forms/checkbox-item). */
export class CheckboxItem extends ChoiceQuestionItem {
  readonly _className = 'CheckboxItem';

  showOtherOption(enabled: boolean): CheckboxItem {
    this._state.otherOption = Boolean(enabled);
    return this;
  }

  hasOtherOption(): boolean {
    return this._state.otherOption;
  }
}

/** The start of a new page (https://developers.google.com/apps-script/reference/forms/page-break-item): no answer, no column. */
export class PageBreakItem extends BaseItem {
  readonly _className = 'PageBreakItem';
}

/** Item types whose new items start with one empty choice, as Forms creates them. */
export const CHOICE_TYPES: ReadonlySet<string> = new Set(['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX']);

export function typedItem(state: ItemState, owner: ItemOwner, type: ItemTypeName = state.type): BaseItem {
  switch (type) {
    case 'TEXT':
      return new TextItem(state, owner);
    case 'PARAGRAPH_TEXT':
      return new ParagraphTextItem(state, owner);
    case 'MULTIPLE_CHOICE':
      return new MultipleChoiceItem(state, owner);
    case 'LIST':
      return new ListItem(state, owner);
    case 'DATETIME':
      return new DateTimeItem(state, owner);
    case 'SECTION_HEADER':
      return new SectionHeaderItem(state, owner);
    case 'CHECKBOX':
      return new CheckboxItem(state, owner);
    case 'PAGE_BREAK':
      return new PageBreakItem(state, owner);
    default:
      throw new GasError(`not emulated: ${type} items`);
  }
}
