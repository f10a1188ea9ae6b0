/**
 * Data validation: DataValidationBuilder, DataValidation, and the check applied when a value is
 * written. A rule with allowInvalid=false ("Reject input") refuses invalid values; the default
 * (allowInvalid=true, "Show warning") keeps them, as documented for setAllowInvalid.
 */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { DataValidationCriteria, DataValidationCriteriaName } from './enums';
import type { Range } from './range';
import { isDate } from './values';

/** Sheets' limit on the items of a "Dropdown" (list) rule. */
export const MAX_LIST_ITEMS = 500;

export interface ValidationSpec {
  criteria: DataValidationCriteriaName | null;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

function copyArg(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyArg);
  if (isDate(v)) return new Date(v.getTime());
  return v;
}

export class DataValidation extends GasObject {
  readonly _className = 'DataValidation';

  constructor(readonly _spec: ValidationSpec) {
    super();
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder({ ..._copySpec(this._spec) });
  }

  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }

  getCriteriaType(): DataValidationCriteriaName {
    return this._spec.criteria as DataValidationCriteriaName;
  }

  getCriteriaValues(): unknown[] {
    return this._spec.args.map(copyArg);
  }

  getHelpText(): string | null {
    return this._spec.helpText;
  }
}

function _copySpec(spec: ValidationSpec): ValidationSpec {
  return {
    criteria: spec.criteria,
    args: spec.args.map(copyArg),
    allowInvalid: spec.allowInvalid,
    helpText: spec.helpText,
  };
}

export class DataValidationBuilder extends GasObject {
  readonly _className = 'DataValidationBuilder';
  readonly _spec: ValidationSpec;

  constructor(spec?: ValidationSpec) {
    super();
    this._spec = spec ?? { criteria: null, args: [], allowInvalid: true, helpText: null };
  }

  private _set(criteria: DataValidationCriteriaName, args: unknown[]): this {
    this._spec.criteria = criteria;
    this._spec.args = args.map(copyArg);
    return this;
  }

  build(): DataValidation {
    if (!this._spec.criteria) throw new GasError('A data validation rule needs criteria before it is built.');
    return new DataValidation(_copySpec(this._spec));
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(_copySpec(this._spec));
  }

  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }

  getCriteriaType(): DataValidationCriteriaName | null {
    return this._spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this._spec.args.map(copyArg);
  }

  getHelpText(): string | null {
    return this._spec.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this._spec.allowInvalid = Boolean(allowInvalidData);
    return this;
  }

  setHelpText(helpText: string): this {
    this._spec.helpText = String(helpText);
    return this;
  }

  withCriteria(criteria: DataValidationCriteriaName, args: unknown[]): this {
    if (!(criteria in DataValidationCriteria)) throw new GasError(`Invalid argument: criteria`);
    return this._set(criteria, args);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const args =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this._set('CHECKBOX', args);
  }

  requireDate(): this {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): this {
    return this._set('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): this {
    return this._set('DATE_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this._set('DATE_BETWEEN', [start, end]);
  }
  requireDateEqualTo(date: Date): this {
    return this._set('DATE_EQUAL_TO', [date]);
  }
  requireDateNotBetween(start: Date, end: Date): this {
    return this._set('DATE_NOT_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: Date): this {
    return this._set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): this {
    return this._set('DATE_ON_OR_BEFORE', [date]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(number: number): this {
    return this._set('NUMBER_EQUAL_TO', [number]);
  }
  requireNumberGreaterThan(number: number): this {
    return this._set('NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThan(number: number): this {
    return this._set('NUMBER_LESS_THAN', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): this {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this._set('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberNotEqualTo(number: number): this {
    return this._set('NUMBER_NOT_EQUAL_TO', [number]);
  }
  requireTextContains(text: string): this {
    return this._set('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): this {
    return this._set('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): this {
    return this._set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): this {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this._set('TEXT_IS_VALID_URL', []);
  }

  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values))
      throw new GasError(
        "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      );
    if (values.length > MAX_LIST_ITEMS) {
      throw new GasError(
        `The data validation rule has more items than the limit of ${MAX_LIST_ITEMS}. Use the “List from a range” criteria instead.`,
      );
    }
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown !== false]);
  }

  requireValueInRange(range: Range, showDropdown = true): this {
    return this._set('VALUE_IN_RANGE', [range, showDropdown !== false]);
  }
}

/** A cell as a rule sees it: the value getValue() would return and the text the cell shows. */
export interface CheckedCell {
  value: unknown;
  display: string;
  /** Sheets serial day of a date (or number) value in the spreadsheet's zone, for date rules. */
  serial: number | null;
  /** Serial day of a Date argument in the same zone. */
  serialOf(d: unknown): number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

/** True when `cell` satisfies `rule`; blank cells satisfy every rule. */
export function satisfies(rule: DataValidation, cell: CheckedCell): boolean {
  const { value, display } = cell;
  if (value === '') return true;
  const a = rule._spec.args;
  const num = typeof value === 'number' ? value : null;
  const day = cell.serial === null ? null : Math.floor(cell.serial);
  const dayOf = (d: unknown) => Math.floor(cell.serialOf(d));
  const text = display.toLowerCase();
  switch (rule._spec.criteria) {
    case 'VALUE_IN_LIST':
      return (a[0] as string[]).some((item) => item === display);
    case 'VALUE_IN_RANGE':
      return (a[0] as Range)._displayValuesFlat().some((item) => item !== '' && item === display);
    case 'CHECKBOX':
      if (a.length === 0) return typeof value === 'boolean';
      return a.some((x) => x === value || String(x) === display);
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'DATE_AFTER':
      return isDate(value) && day! > dayOf(a[0]);
    case 'DATE_BEFORE':
      return isDate(value) && day! < dayOf(a[0]);
    case 'DATE_EQUAL_TO':
      return isDate(value) && day === dayOf(a[0]);
    case 'DATE_ON_OR_AFTER':
      return isDate(value) && day! >= dayOf(a[0]);
    case 'DATE_ON_OR_BEFORE':
      return isDate(value) && day! <= dayOf(a[0]);
    case 'DATE_BETWEEN':
      return isDate(value) && day! >= dayOf(a[0]) && day! <= dayOf(a[1]);
    case 'DATE_NOT_BETWEEN':
      return isDate(value) && (day! < dayOf(a[0]) || day! > dayOf(a[1]));
    case 'NUMBER_BETWEEN':
      return num !== null && num >= Number(a[0]) && num <= Number(a[1]);
    case 'NUMBER_NOT_BETWEEN':
      return num !== null && (num < Number(a[0]) || num > Number(a[1]));
    case 'NUMBER_EQUAL_TO':
      return num !== null && num === Number(a[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== null && num !== Number(a[0]);
    case 'NUMBER_GREATER_THAN':
      return num !== null && num > Number(a[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== null && num >= Number(a[0]);
    case 'NUMBER_LESS_THAN':
      return num !== null && num < Number(a[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== null && num <= Number(a[0]);
    case 'TEXT_CONTAINS':
      return text.includes(String(a[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(a[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text === String(a[0]).toLowerCase();
    case 'TEXT_IS_VALID_EMAIL':
      return EMAIL.test(display);
    case 'TEXT_IS_VALID_URL':
      return URL.test(display);
    case 'CUSTOM_FORMULA':
      // Formulas are not evaluated by the emulator; a custom rule never rejects.
      return true;
    default:
      return true;
  }
}

/** The message Sheets gives when a value breaks a "Reject input" rule. */
export function rejectionMessage(a1: string, rule: DataValidation): string {
  const base = `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
  return rule._spec.helpText ? `${base} ${rule._spec.helpText}` : base;
}
