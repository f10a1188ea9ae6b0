/** HtmlService: HtmlOutput for dialogs and sidebars. Templates (scriptlets) are not emulated. */
import { GasObject } from '../gas-object';
import { SandboxMode, XFrameOptionsMode } from './enums';

export class HtmlOutput extends GasObject {
  readonly _className = 'HtmlOutput';
  _content: string;
  _title = '';
  _width = 600;
  _height = 400;
  _sandboxMode = 'IFRAME';
  _xFrameOptionsMode = 'DEFAULT';

  constructor(html = '') {
    super();
    this._content = html;
  }

  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this._content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this._content += String(addedContent).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): this {
    this._title = String(title);
    return this;
  }
  getWidth(): number {
    return this._width;
  }
  setWidth(width: number): this {
    this._width = width;
    return this;
  }
  getHeight(): number {
    return this._height;
  }
  setHeight(height: number): this {
    this._height = height;
    return this;
  }
  setSandboxMode(mode: string): this {
    this._sandboxMode = mode;
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this._xFrameOptionsMode = mode;
    return this;
  }
}

export class HtmlServiceService extends GasObject {
  readonly _className = 'HtmlService';
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(readonly _env?: unknown) {
    super();
  }

  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(html === undefined ? '' : String(html));
  }
}

/** The runtime's name for the service. */
export { HtmlServiceService as HtmlService };
