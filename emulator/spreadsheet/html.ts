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
  _metaTags: { name: string; content: string }[] = [];

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
  /**
   * https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String):
   * only `viewport`, `apple-mobile-web-app-capable`, `mobile-web-app-capable` are allowed (the
   * web app's outer page gets them); any other name throws.
   */
  addMetaTag(name: string, content: string): this {
    const allowed = ['viewport', 'apple-mobile-web-app-capable', 'mobile-web-app-capable'];
    if (!allowed.includes(String(name))) throw new Error(`Meta tag name "${String(name)}" is not allowed.`);
    this._metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this._metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
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
