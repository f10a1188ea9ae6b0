/**
 * SpreadsheetApp. The active spreadsheet is the one whose id the runtime puts in
 * `_activeSpreadsheetId` (the container of the bound script).
 *
 * Documented behaviour relied on (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 * and /guides/triggers): getUi() works only where a user has the document open; from a
 * time-driven or other installable-trigger context it throws "Cannot call SpreadsheetApp.getUi()
 * from this context.".
 */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import type { GasEnv } from '../env';
import { ConditionalFormatRuleBuilder } from './conditional-format';
import {
  BooleanCriteria,
  BorderStyle,
  CopyPasteType,
  DataValidationCriteria,
  Dimension,
  Direction,
  InterpolationType,
  ProtectionType,
  RelativeDate,
  SheetType,
  WrapStrategy,
} from './enums';
import type { Range } from './range';
import type { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import { Ui } from './ui';
import { DataValidationBuilder } from './validation';

export class SpreadsheetAppService extends GasObject {
  readonly _className = 'SpreadsheetApp';
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly CopyPasteType = CopyPasteType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = Dimension;
  readonly Direction = Direction;
  readonly InterpolationType = InterpolationType;
  readonly ProtectionType = ProtectionType;
  readonly RelativeDate = RelativeDate;
  readonly SheetType = SheetType;
  readonly WrapStrategy = WrapStrategy;

  /** Id of the spreadsheet the script is bound to (set by the runtime). */
  _activeSpreadsheetId: string | null = null;
  /** The document's user interface: menus, alerts and dialogs are recorded here. */
  readonly _ui: Ui;

  constructor(readonly _env: GasEnv) {
    super();
    this._ui = new Ui(() => _env.clock.date().toISOString());
  }

  /**
   * Host: the function behind a custom menu item, by captions from the top menu down
   * (['Pengaduan', 'Siapkan'] or with sub-menus ['Pengaduan', 'Laporan', 'Mingguan']); null if absent.
   */
  _menuFunction(captions: string[]): string | null {
    const [top, ...path] = captions;
    let items = this._ui._menus.find((m) => m.caption === top)?.items;
    for (let i = 0; items && i < path.length; i++) {
      const entry = items.find((e) => !e.separator && e.caption === path[i]);
      if (!entry) return null;
      if (i === path.length - 1) return entry.items ? null : entry.functionName;
      items = entry.items;
    }
    return null;
  }

  /** Host: creates a spreadsheet without counting a call (scenario setup). */
  _create(name: string, rows?: number, columns?: number): Spreadsheet {
    const ss = new Spreadsheet(this._env, this._env.newId('ss'), String(name), rows, columns);
    this._env.files.set(ss._id, ss);
    return ss;
  }

  /** Host: the spreadsheet with this id, or null. */
  _get(id: string): Spreadsheet | null {
    const file = this._env.files.get(id);
    return file instanceof Spreadsheet ? file : null;
  }

  create(name: string, rows?: number, columns?: number): Spreadsheet {
    if (rows !== undefined && (!Number.isInteger(rows) || rows < 1)) throw new GasError('Invalid argument: rows');
    if (columns !== undefined && (!Number.isInteger(columns) || columns < 1))
      throw new GasError('Invalid argument: columns');
    return this._create(name, rows, columns);
  }

  openById(id: string): Spreadsheet {
    const ss = this._get(String(id));
    if (!ss)
      throw new GasError('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return ss;
  }

  openByUrl(url: string): Spreadsheet {
    const m = /\/spreadsheets\/d\/([a-zA-Z0-9_-]+)/.exec(String(url));
    const ss = m ? this._get(m[1]) : null;
    if (!ss)
      throw new GasError('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return ss;
  }

  getActiveSpreadsheet(): Spreadsheet | null {
    return this._activeSpreadsheetId === null ? null : this._get(this._activeSpreadsheetId);
  }

  getActive(): Spreadsheet | null {
    return this.getActiveSpreadsheet();
  }

  setActiveSpreadsheet(newActiveSpreadsheet: Spreadsheet): void {
    this._activeSpreadsheetId = newActiveSpreadsheet._id;
  }

  private _requireActive(): Spreadsheet {
    const ss = this.getActiveSpreadsheet();
    if (!ss) throw new GasError('There is no active spreadsheet.');
    return ss;
  }

  getActiveSheet(): Sheet {
    return this._requireActive().getActiveSheet();
  }

  setActiveSheet(sheet: Sheet): Sheet {
    return sheet.activate();
  }

  getActiveRange(): Range {
    return this._requireActive().getActiveRange();
  }

  getCurrentCell(): Range {
    return this._requireActive().getActiveCell();
  }

  setActiveRange(range: Range): Range {
    return range.activate();
  }

  /**
   * Writes are applied immediately by the emulator; what a flush does settle is server-side work
   * still pending, such as the responses tab of a form linked in this execution.
   */
  flush(): void {
    this._env.settle('flush');
  }

  getUi(): Ui {
    if (this._env.execution?.hasUi !== true)
      throw new GasError('Cannot call SpreadsheetApp.getUi() from this context.');
    return this._ui;
  }

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder();
  }
}
