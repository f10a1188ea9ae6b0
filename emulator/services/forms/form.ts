/**
 * Form (https://developers.google.com/apps-script/reference/forms/form): settings, items, the
 * spreadsheet destination and its responses tab, and the responses it has received.
 *
 * `_submit` is the host's way in: it is what a respondent pressing "Submit" does (the live form
 * checks required questions, choices and text validation before accepting), not a script call.
 */
import { DateTime } from 'luxon';
import { GasEnv } from '../../env';
import { GasError } from '../../errors';
import { GasObject } from '../../gas-object';
import { resolveZone } from '../time-zone';
import { FormResponse, ResponseOwner, ResponseRecord } from './form-response';
import {
  CheckboxItem,
  CHOICE_TYPES,
  PageBreakItem,
  BaseItem,
  DateTimeItem,
  Item,
  ItemOwner,
  ItemState,
  ItemTypeName,
  ListItem,
  MultipleChoiceItem,
  NON_QUESTION_TYPES,
  ParagraphTextItem,
  SectionHeaderItem,
  TextItem,
  typedItem,
} from './items';
import { ColumnKey, EMAIL_HEADER, HostSpreadsheet, ResponsesSheet, TIMESTAMP_HEADER } from './responses-sheet';

export const DestinationType = { SPREADSHEET: 'SPREADSHEET' } as const;

/** FormApp.EmailCollectionType (https://developers.google.com/apps-script/reference/forms/email-collection-type). */
export const EmailCollectionType = {
  DO_NOT_COLLECT: 'DO_NOT_COLLECT',
  VERIFIED: 'VERIFIED',
  RESPONDER_INPUT: 'RESPONDER_INPUT',
} as const;
export type EmailCollectionTypeName = keyof typeof EmailCollectionType;

/** Google's message for getDestinationId/getDestinationType on a form without a destination. */
export const NO_DESTINATION_MESSAGE = 'The form currently has no response destination.';

interface Destination {
  spreadsheetId: string;
  /** Null until Google has created the tab, after setDestination returned (see setDestination). */
  tab: ResponsesSheet | null;
}

export interface Submission {
  /** Answers by question title or item id. */
  answers: Record<string, unknown>;
  respondent?: string;
}

export class Form extends GasObject implements ItemOwner, ResponseOwner {
  readonly _className = 'Form';
  readonly _items: ItemState[] = [];
  readonly _responses: ResponseRecord[] = [];
  _destination: Destination | null = null;
  /** The Drive file name FormApp.create was given (the form's title stays blank). */
  readonly _fileName: string;
  private title: string;
  private description = '';
  private emailCollection: EmailCollectionTypeName = 'DO_NOT_COLLECT';
  /** Forms created by script after 30 June 2026 start unpublished (see _isNew below). */
  private published = false;
  private confirmationMessage = '';
  private allowResponseEdits = false;
  private limitOneResponsePerUser = false;
  private acceptingResponses = true;

  constructor(
    readonly _id: string,
    fileName: string,
    private readonly env: GasEnv,
    private readonly nextItemId: () => number,
  ) {
    super();
    this._fileName = fileName;
    // FormApp.create(title) names the Drive file; the form's own title may stay blank on new
    // forms (https://issuetracker.google.com/issues/36763096 and gas-fakes notes): set it.
    this.title = '';
  }

  private get collectEmail(): boolean {
    return this.emailCollection !== 'DO_NOT_COLLECT';
  }

  /**
   * "Forms created by the API after June 30, 2026 will be created in an unpublished state. You
   * must publish the forms before they can accept responses."
   * (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms).
   * Every install of this system is after that date, so every form the runtime creates does.
   */
  isPublished(): boolean {
    return this.published;
  }

  /** "Publish the form. This also enables accepting responses." (publish-form guide). */
  setPublished(enabled: boolean): Form {
    this.published = Boolean(enabled);
    this.acceptingResponses = this.published;
    return this;
  }

  /** New forms support granular responder permissions (and so setPublished); legacy forms do not. */
  supportsAdvancedResponderPermissions(): boolean {
    return true;
  }

  getEmailCollectionType(): EmailCollectionTypeName {
    return this.emailCollection;
  }

  setEmailCollectionType(type: string): Form {
    if (!(String(type) in EmailCollectionType)) throw new GasError(`Invalid argument: type ${type}`);
    this.emailCollection = String(type) as EmailCollectionTypeName;
    if (this.collectEmail) this._destination?.tab?.addColumn('email', EMAIL_HEADER);
    return this;
  }

  getId(): string {
    return this._id;
  }

  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this._id}/edit`;
  }

  getPublishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this._publishedId}/viewform`;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): Form {
    this.title = String(title);
    return this;
  }

  getDescription(): string {
    return this.description;
  }

  setDescription(description: string): Form {
    this.description = String(description);
    return this;
  }

  collectsEmail(): boolean {
    return this.collectEmail;
  }

  /** The older switch: true collects verified emails (sign-in), false collects none. */
  setCollectEmail(collect: boolean): Form {
    return this.setEmailCollectionType(collect ? 'VERIFIED' : 'DO_NOT_COLLECT');
  }

  getConfirmationMessage(): string {
    return this.confirmationMessage;
  }

  setConfirmationMessage(message: string): Form {
    this.confirmationMessage = String(message);
    return this;
  }

  canEditResponse(): boolean {
    return this.allowResponseEdits;
  }

  setAllowResponseEdits(enabled: boolean): Form {
    this.allowResponseEdits = Boolean(enabled);
    return this;
  }

  hasLimitOneResponsePerUser(): boolean {
    return this.limitOneResponsePerUser;
  }

  setLimitOneResponsePerUser(enabled: boolean): Form {
    this.limitOneResponsePerUser = Boolean(enabled);
    return this;
  }

  /** An unpublished form accepts nothing ("If is_published is false, this field is forced to false"). */
  isAcceptingResponses(): boolean {
    return this.published && this.acceptingResponses;
  }

  setAcceptingResponses(enabled: boolean): Form {
    this.acceptingResponses = Boolean(enabled);
    return this;
  }

  addTextItem(): TextItem {
    return this.add('TEXT') as TextItem;
  }

  addParagraphTextItem(): ParagraphTextItem {
    return this.add('PARAGRAPH_TEXT') as ParagraphTextItem;
  }

  addMultipleChoiceItem(): MultipleChoiceItem {
    return this.add('MULTIPLE_CHOICE') as MultipleChoiceItem;
  }

  addListItem(): ListItem {
    return this.add('LIST') as ListItem;
  }

  addDateTimeItem(): DateTimeItem {
    return this.add('DATETIME') as DateTimeItem;
  }

  addSectionHeaderItem(): SectionHeaderItem {
    return this.add('SECTION_HEADER') as SectionHeaderItem;
  }

  addCheckboxItem(): CheckboxItem {
    return this.add('CHECKBOX') as CheckboxItem;
  }

  addPageBreakItem(): PageBreakItem {
    return this.add('PAGE_BREAK') as PageBreakItem;
  }

  getItems(itemType?: string): Item[] {
    return this._items.filter((s) => itemType === undefined || s.type === itemType).map((s) => new Item(s, this));
  }

  getItemById(id: number): Item | null {
    const state = this._stateById(Number(id));
    return state ? new Item(state, this) : null;
  }

  deleteItem(item: BaseItem | number): void {
    this._items.splice(this.indexArg(item), 1);
  }

  moveItem(from: BaseItem | number, toIndex: number): Item {
    const index = this.indexArg(from);
    const to = Number(toIndex);
    if (!Number.isInteger(to) || to < 0 || to >= this._items.length)
      throw new GasError(`Invalid argument: toIndex ${toIndex}`);
    const [state] = this._items.splice(index, 1);
    this._items.splice(to, 0, state);
    return new Item(state, this);
  }

  getResponses(): FormResponse[] {
    return this._responses.map((r) => new FormResponse(r, this));
  }

  /**
   * Links the form to a spreadsheet. On Google the responses tab is created server-side after
   * this call returns; scripts that look for it at once may not find it, or find it without its
   * header row. The runtime creates it at the next SpreadsheetApp.flush() (with its header) or
   * when the execution ends (header written on the first response or the next flush).
   */
  setDestination(type: string, id: string): Form {
    if (type !== DestinationType.SPREADSHEET) throw new GasError(`Invalid argument: type ${type}`);
    const spreadsheet = this.env.files.get(String(id)) as HostSpreadsheet | undefined;
    if (!spreadsheet || typeof spreadsheet._addSheet !== 'function') {
      throw new GasError(`No spreadsheet with id ${id} could be found, or you do not have permission to access it.`);
    }
    this._destination?.tab?.unlink();
    const destination: Destination = { spreadsheetId: String(id), tab: null };
    this._destination = destination;
    this.env.serverWork.push((when) => {
      if (this._destination !== destination) return true;
      this._materialise(when === 'flush');
      return when === 'flush';
    });
    return this;
  }

  /** Creates the responses tab of the current destination (if not yet) and its header (if asked). */
  _materialise(withHeader: boolean): ResponsesSheet | null {
    const destination = this._destination;
    if (!destination) return null;
    if (!destination.tab) {
      const spreadsheet = this.env.files.get(destination.spreadsheetId) as HostSpreadsheet;
      const headers: Array<[ColumnKey, string]> = [['timestamp', TIMESTAMP_HEADER]];
      if (this.collectEmail) headers.push(['email', EMAIL_HEADER]);
      for (const s of this._items) if (!NON_QUESTION_TYPES.has(s.type)) headers.push([s.id, s.title]);
      const tab = ResponsesSheet.create(
        spreadsheet,
        headers,
        this.getEditUrl(),
        withHeader || this._responses.length > 0,
      );
      destination.tab = tab;
      // Responses received before the link are copied into the new tab, as Forms does.
      for (const r of this._responses) tab.append(this.rowOf(r, spreadsheet));
    } else if (withHeader) {
      destination.tab.writeHeader();
    }
    return destination.tab;
  }

  getDestinationId(): string {
    if (!this._destination) throw new GasError(NO_DESTINATION_MESSAGE);
    return this._destination.spreadsheetId;
  }

  getDestinationType(): string {
    if (!this._destination) throw new GasError(NO_DESTINATION_MESSAGE);
    return DestinationType.SPREADSHEET;
  }

  removeDestination(): Form {
    this._destination?.tab?.unlink();
    this._destination = null;
    return this;
  }

  /**
   * A response as Forms writes it into the responses tab: the timestamp is the instant; a
   * date-time answer is the wall clock the respondent typed, which Sheets reads in the
   * spreadsheet's own time zone (it stores wall-clock serial numbers).
   */
  private rowOf(
    r: ResponseRecord,
    spreadsheet: HostSpreadsheet,
  ): { timestamp: Date; email: string; answers: Map<number, string | Date> } {
    const zone = spreadsheet.getSpreadsheetTimeZone();
    const answers = new Map<number, string | Date>();
    for (const [id, v] of r.answers) {
      if (!(v instanceof Date)) {
        answers.set(id, v);
        continue;
      }
      const wall = DateTime.fromJSDate(v, { zone: resolveZone(this.env.respondentTimeZone) });
      answers.set(
        id,
        DateTime.fromObject(
          { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute },
          { zone: resolveZone(zone) },
        ).toJSDate(),
      );
    }
    return { timestamp: r.timestamp, email: r.respondentEmail, answers };
  }

  get _publishedId(): string {
    return `1FAIpQLS${this._id.slice(0, 48)}`;
  }

  _stateById(id: number): ItemState | undefined {
    return this._items.find((s) => s.id === id);
  }

  _indexOf(state: ItemState): number {
    return this._items.indexOf(state);
  }

  _titleChanged(state: ItemState): void {
    this._destination?.tab?.renameColumn(state.id, state.title);
  }

  _wrap(state: ItemState, type?: ItemTypeName): BaseItem {
    return typedItem(state, this, type);
  }

  _editResponseUrl(record: ResponseRecord): string {
    return `https://docs.google.com/forms/d/e/${this._publishedId}/viewform?edit2=${record.id}`;
  }

  /**
   * A respondent submits the form. Throws (host Error, not a script error) when the live form
   * would refuse the submission; otherwise records it and appends it to the responses tab.
   */
  _submit(submission: Submission): { response: ResponseRecord; row: number | null; columns: number[] } {
    if (!this.published)
      throw new Error(
        `form "${this.title || this._fileName}" is not published: it accepts no responses until setPublished(true)`,
      );
    if (!this.acceptingResponses) throw new Error(`form "${this.title}" is not accepting responses`);
    const respondent = submission.respondent ?? '';
    if (this.collectEmail && !respondent)
      throw new Error(`form "${this.title}" collects email: the submission needs a respondent`);
    if (this.limitOneResponsePerUser && this._responses.some((r) => r.respondentEmail === respondent)) {
      throw new Error(`form "${this.title}" allows one response per user; ${respondent} has already responded`);
    }
    const answers = new Map<number, string | Date>();
    const responses = new Map<number, string | string[]>();
    const used = new Set<string>();
    for (const state of this._items) {
      if (NON_QUESTION_TYPES.has(state.type)) continue;
      const key = String(state.id) in submission.answers ? String(state.id) : state.title;
      const raw = submission.answers[key];
      if (key in submission.answers) used.add(key);
      const value = this.checkAnswer(state, raw);
      if (value === null) continue;
      answers.set(state.id, Array.isArray(value) ? value.join(', ') : value);
      responses.set(state.id, Array.isArray(value) ? value : value instanceof Date ? this.itemDateTime(value) : value);
    }
    const unknown = Object.keys(submission.answers).filter((k) => !used.has(k));
    if (unknown.length > 0)
      throw new Error(`form "${this.title}" has no question ${unknown.map((k) => `"${k}"`).join(', ')}`);
    const response: ResponseRecord = {
      id: this.env.newId('2_ABaOnu'),
      timestamp: this.env.clock.date(),
      respondentEmail: this.collectEmail ? respondent : '',
      answers,
      responses,
    };
    this._responses.push(response);
    if (!this._destination) return { response, row: null, columns: [] };
    const tab = this._materialise(false)!;
    tab.writeHeader();
    const spreadsheet = this.env.files.get(this._destination.spreadsheetId) as HostSpreadsheet;
    const { row, columns } = tab.append(this.rowOf(response, spreadsheet));
    return { response, row, columns };
  }

  private checkAnswer(state: ItemState, raw: unknown): string | string[] | Date | null {
    const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (blank) {
      if (state.required) throw new Error(`form "${this.title}": "${state.title}" is required`);
      return null;
    }
    if (state.type === 'DATETIME') {
      const date = raw instanceof Date ? raw : new Date(String(raw));
      if (Number.isNaN(date.getTime()))
        throw new Error(`form "${this.title}": "${state.title}" needs a date and time, got ${String(raw)}`);
      // The form's date-time picker has minute precision.
      return new Date(Math.floor(date.getTime() / 60000) * 60000);
    }
    if (state.type === 'CHECKBOX') {
      // Any number of the choices (ItemResponse.getResponse: String[]); the responses tab joins them with ", ".
      const picked = (Array.isArray(raw) ? raw : [raw]).map(String);
      const bad = state.otherOption ? [] : picked.filter((v) => !state.choices.includes(v));
      if (bad.length) throw new Error(`form "${this.title}": "${bad[0]}" is not a choice of "${state.title}"`);
      return picked;
    }
    const text = String(raw);
    if ((state.type === 'MULTIPLE_CHOICE' && !state.otherOption) || state.type === 'LIST') {
      if (!state.choices.includes(text))
        throw new Error(`form "${this.title}": "${text}" is not a choice of "${state.title}"`);
    }
    if (state.validation && !state.validation._accepts(text)) {
      throw new Error(
        `form "${this.title}": "${state.title}" fails its validation (${state.validation._helpText || state.validation._rule}): ${text}`,
      );
    }
    return text;
  }

  private itemDateTime(date: Date): string {
    return DateTime.fromJSDate(date, { zone: resolveZone(this.env.respondentTimeZone) }).toFormat('yyyy-MM-dd HH:mm');
  }

  private add(type: ItemTypeName): BaseItem {
    const state: ItemState = {
      id: this.nextItemId(),
      type,
      title: '',
      helpText: '',
      required: false,
      choices: CHOICE_TYPES.has(type) ? [''] : [],
      otherOption: false,
      validation: null,
      includesYear: true,
    };
    this._items.push(state);
    if (!NON_QUESTION_TYPES.has(type)) this._destination?.tab?.addColumn(state.id, state.title);
    return typedItem(state, this);
  }

  private indexArg(item: BaseItem | number): number {
    if (typeof item === 'number') {
      if (!Number.isInteger(item) || item < 0 || item >= this._items.length)
        throw new GasError(`Invalid argument: index ${item}`);
      return item;
    }
    const index = item instanceof BaseItem ? this._items.indexOf(item._state) : -1;
    if (index < 0) throw new GasError('The item is not in this form.');
    return index;
  }
}
