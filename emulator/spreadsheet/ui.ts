/**
 * The spreadsheet's user interface (SpreadsheetApp.getUi()): custom menus, alerts, prompts and
 * HTML dialogs. Nothing is shown; everything is recorded host-side for the runtime and tests,
 * and the user's answers come from host-configurable defaults.
 */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { Button, ButtonName, ButtonSet, ButtonSetName } from './enums';
import { HtmlOutput } from './html';

export interface MenuEntry {
  caption: string;
  functionName: string;
  separator?: true;
  items?: MenuEntry[];
}

export interface MenuRecord {
  caption: string;
  items: MenuEntry[];
}

export interface AlertRecord {
  at: string;
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  answer: ButtonName;
  responseText?: string;
}

export interface DialogRecord {
  at: string;
  kind: 'modal' | 'modeless' | 'sidebar';
  title: string;
  html: string;
  width: number;
  height: number;
}

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class Menu extends GasObject {
  readonly _className = 'Menu';
  readonly _items: MenuEntry[] = [];

  constructor(
    readonly _ui: Ui,
    readonly _caption: string,
  ) {
    super();
  }

  addItem(caption: string, functionName: string): this {
    this._items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this._items.push({ caption: '', functionName: '', separator: true });
    return this;
  }
  addSubMenu(menu: Menu): this {
    this._items.push({ caption: menu._caption, functionName: '', items: menu._items.map((i) => ({ ...i })) });
    return this;
  }
  /** Adding a menu with the caption of an existing one replaces it (onOpen runs again on reload). */
  addToUi(): void {
    const record = { caption: this._caption, items: this._items.map((i) => ({ ...i })) };
    const at = this._ui._menus.findIndex((m) => m.caption === this._caption);
    if (at >= 0) this._ui._menus[at] = record;
    else this._ui._menus.push(record);
  }
}

export class PromptResponse extends GasObject {
  readonly _className = 'PromptResponse';

  constructor(
    readonly _button: ButtonName,
    readonly _text: string,
  ) {
    super();
  }

  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): ButtonName {
    return this._button;
  }
}

export class Ui extends GasObject {
  readonly _className = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  _menus: MenuRecord[] = [];
  _alerts: AlertRecord[] = [];
  _dialogs: DialogRecord[] = [];
  /** Answers the emulated user gives, consumed first; then `_nextButton` if the dialog offers it. */
  _buttonQueue: ButtonName[] = [];
  _nextButton: ButtonName = 'OK';
  _promptTextQueue: string[] = [];
  _nextPromptText = '';

  constructor(private readonly _clockIso: () => string) {
    super();
  }

  private _answer(buttons: ButtonSetName): ButtonName {
    const offered = BUTTONS_OF[buttons];
    const queued = this._buttonQueue.shift();
    const wanted = queued ?? this._nextButton;
    if (offered.includes(wanted) || wanted === 'CLOSE') return wanted;
    return offered[0];
  }

  private _dialogArgs(a: unknown, b?: unknown, c?: unknown): { title: string; prompt: string; buttons: ButtonSetName } {
    if (c !== undefined) return { title: String(a), prompt: String(b), buttons: c as ButtonSetName };
    if (b !== undefined) return { title: '', prompt: String(a), buttons: b as ButtonSetName };
    return { title: '', prompt: String(a), buttons: 'OK' };
  }

  alert(a: string, b?: unknown, c?: unknown): ButtonName {
    const { title, prompt, buttons } = this._dialogArgs(a, b, c);
    if (!(buttons in BUTTONS_OF)) throw new GasError(`The parameters don't match the method signature for Ui.alert.`);
    const answer = this._answer(buttons);
    this._alerts.push({ at: this._clockIso(), kind: 'alert', title, prompt, buttons, answer });
    return answer;
  }

  prompt(a: string, b?: unknown, c?: unknown): PromptResponse {
    const { title, prompt, buttons } = this._dialogArgs(a, b, c);
    if (!(buttons in BUTTONS_OF)) throw new GasError(`The parameters don't match the method signature for Ui.prompt.`);
    const answer = this._answer(buttons);
    const text = this._promptTextQueue.shift() ?? this._nextPromptText;
    this._alerts.push({ at: this._clockIso(), kind: 'prompt', title, prompt, buttons, answer, responseText: text });
    return new PromptResponse(answer, text);
  }

  createMenu(caption: string): Menu {
    return new Menu(this, String(caption));
  }

  createAddonMenu(): Menu {
    return new Menu(this, 'Add-ons');
  }

  private _show(kind: DialogRecord['kind'], output: HtmlOutput, title?: string): void {
    if (!(output instanceof HtmlOutput))
      throw new GasError(`The parameters don't match the method signature for Ui.show.`);
    this._dialogs.push({
      at: this._clockIso(),
      kind,
      title: title ?? output._title,
      html: output._content,
      width: output._width,
      height: output._height,
    });
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this._show('modal', userInterface, String(title));
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this._show('modeless', userInterface, String(title));
  }
  showSidebar(userInterface: HtmlOutput): void {
    this._show('sidebar', userInterface);
  }
}
