/**
 * FormResponse and ItemResponse (https://developers.google.com/apps-script/reference/forms/form-response),
 * what a form-bound onFormSubmit trigger receives as `e.response`.
 * ItemResponse.getResponse returns a string for text and choice questions, and "YYYY-MM-DD HH:MM"
 * for a date-time question.
 */
import { GasObject } from '../../gas-object';
import { BaseItem, ItemState } from './items';

export interface ResponseRecord {
  id: string;
  timestamp: Date;
  respondentEmail: string;
  /** Answers by item id, as stored by Forms: strings, or Date for date-time questions. */
  answers: Map<number, string | Date>;
  /** The same answers as ItemResponse.getResponse gives them (String[] for a checkbox question). */
  responses: Map<number, string | string[]>;
}

export interface ResponseOwner {
  _stateById(id: number): ItemState | undefined;
  _wrap(state: ItemState): BaseItem;
  _editResponseUrl(record: ResponseRecord): string;
}

export class ItemResponse extends GasObject {
  readonly _className = 'ItemResponse';

  constructor(
    private readonly item: BaseItem,
    private readonly response: string | string[],
  ) {
    super();
  }

  getItem(): BaseItem {
    return this.item;
  }

  getResponse(): string | string[] {
    return Array.isArray(this.response) ? [...this.response] : this.response;
  }
}

export class FormResponse extends GasObject {
  readonly _className = 'FormResponse';

  constructor(
    readonly _record: ResponseRecord,
    private readonly owner: ResponseOwner,
  ) {
    super();
  }

  getId(): string {
    return this._record.id;
  }

  getTimestamp(): Date {
    return new Date(this._record.timestamp.getTime());
  }

  getRespondentEmail(): string {
    return this._record.respondentEmail;
  }

  getItemResponses(): ItemResponse[] {
    const out: ItemResponse[] = [];
    for (const [id, response] of this._record.responses) {
      const state = this.owner._stateById(id);
      if (state) out.push(new ItemResponse(this.owner._wrap(state), response));
    }
    return out;
  }

  getResponseForItem(item: BaseItem): ItemResponse | null {
    const response = this._record.responses.get(item.getId());
    return response === undefined ? null : new ItemResponse(item, response);
  }

  getEditResponseUrl(): string {
    return this.owner._editResponseUrl(this._record);
  }
}
