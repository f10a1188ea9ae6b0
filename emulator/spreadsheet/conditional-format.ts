/**
 * Conditional format rules: the builder, the immutable rule, and its boolean condition. The
 * emulator stores rules and their ranges (which follow row/column changes, as in Sheets) but
 * does not render them.
 */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { Anchor } from './anchor';
import { BooleanCriteriaName } from './enums';
import type { Range } from './range';
import type { Sheet } from './sheet';
import { isDate } from './values';
import { normalizeColor } from './colors';

export interface ConditionFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export interface RuleSpec {
  criteria: BooleanCriteriaName | null;
  args: unknown[];
  format: ConditionFormat;
  /** Ranges as the script gave them (builder) — fixed coordinates. */
  ranges: Range[];
}

const emptyFormat = (): ConditionFormat => ({
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
});

const copyArgs = (args: unknown[]) => args.map((v) => (isDate(v) ? new Date(v.getTime()) : v));

export class BooleanCondition extends GasObject {
  readonly _className = 'BooleanCondition';

  constructor(
    readonly _criteria: BooleanCriteriaName,
    readonly _args: unknown[],
    readonly _format: ConditionFormat,
  ) {
    super();
  }

  getCriteriaType(): BooleanCriteriaName {
    return this._criteria;
  }
  getCriteriaValues(): unknown[] {
    return copyArgs(this._args);
  }
  getBackground(): string | null {
    return this._format.background;
  }
  getFontColor(): string | null {
    return this._format.fontColor;
  }
  getBold(): boolean | null {
    return this._format.bold;
  }
  getItalic(): boolean | null {
    return this._format.italic;
  }
  getStrikethrough(): boolean | null {
    return this._format.strikethrough;
  }
  getUnderline(): boolean | null {
    return this._format.underline;
  }
}

export class ConditionalFormatRuleBuilder extends GasObject {
  readonly _className = 'ConditionalFormatRuleBuilder';
  readonly _spec: RuleSpec;

  constructor(spec?: RuleSpec) {
    super();
    this._spec = spec ?? { criteria: null, args: [], format: emptyFormat(), ranges: [] };
  }

  private _when(criteria: BooleanCriteriaName, args: unknown[]): this {
    this._spec.criteria = criteria;
    this._spec.args = copyArgs(args);
    return this;
  }

  build(): ConditionalFormatRule {
    if (!this._spec.criteria) throw new GasError('A conditional format rule needs a condition before it is built.');
    return new ConditionalFormatRule({
      ...this._spec,
      args: copyArgs(this._spec.args),
      format: { ...this._spec.format },
      ranges: [...this._spec.ranges],
    });
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder({
      ...this._spec,
      args: copyArgs(this._spec.args),
      format: { ...this._spec.format },
      ranges: [...this._spec.ranges],
    });
  }

  getBooleanCondition(): BooleanCondition | null {
    return this._spec.criteria
      ? new BooleanCondition(this._spec.criteria, this._spec.args, { ...this._spec.format })
      : null;
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): Range[] {
    return [...this._spec.ranges];
  }

  setBackground(color: string | null): this {
    this._spec.format.background = color === null ? null : normalizeColor(color);
    return this;
  }
  setFontColor(color: string | null): this {
    this._spec.format.fontColor = color === null ? null : normalizeColor(color);
    return this;
  }
  setBold(bold: boolean | null): this {
    this._spec.format.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this._spec.format.italic = italic;
    return this;
  }
  setStrikethrough(strikethrough: boolean | null): this {
    this._spec.format.strikethrough = strikethrough;
    return this;
  }
  setUnderline(underline: boolean | null): this {
    this._spec.format.underline = underline;
    return this;
  }
  setRanges(ranges: Range[]): this {
    this._spec.ranges = [...ranges];
    return this;
  }

  whenCellEmpty(): this {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenDateAfter(date: unknown): this {
    return this._when(isDate(date) ? 'DATE_AFTER' : 'DATE_AFTER_RELATIVE', [date]);
  }
  whenDateBefore(date: unknown): this {
    return this._when(isDate(date) ? 'DATE_BEFORE' : 'DATE_BEFORE_RELATIVE', [date]);
  }
  whenDateEqualTo(date: unknown): this {
    return this._when(isDate(date) ? 'DATE_EQUAL_TO' : 'DATE_EQUAL_TO_RELATIVE', [date]);
  }
  whenFormulaSatisfied(formula: string): this {
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(start: number, end: number): this {
    return this._when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(number: number): this {
    return this._when('NUMBER_EQUAL_TO', [number]);
  }
  whenNumberGreaterThan(number: number): this {
    return this._when('NUMBER_GREATER_THAN', [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): this {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberLessThan(number: number): this {
    return this._when('NUMBER_LESS_THAN', [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): this {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberNotBetween(start: number, end: number): this {
    return this._when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberNotEqualTo(number: number): this {
    return this._when('NUMBER_NOT_EQUAL_TO', [number]);
  }
  whenTextContains(text: string): this {
    return this._when('TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): this {
    return this._when('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextEndsWith(text: string): this {
    return this._when('TEXT_ENDS_WITH', [text]);
  }
  whenTextEqualTo(text: string): this {
    return this._when('TEXT_EQUAL_TO', [text]);
  }
  whenTextStartsWith(text: string): this {
    return this._when('TEXT_STARTS_WITH', [text]);
  }
  withCriteria(criteria: BooleanCriteriaName, args: unknown[]): this {
    return this._when(criteria, args);
  }
}

export class ConditionalFormatRule extends GasObject {
  readonly _className = 'ConditionalFormatRule';

  constructor(readonly _spec: RuleSpec) {
    super();
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder({
      ...this._spec,
      args: copyArgs(this._spec.args),
      format: { ...this._spec.format },
      ranges: [...this._spec.ranges],
    });
  }
  getBooleanCondition(): BooleanCondition | null {
    return this._spec.criteria
      ? new BooleanCondition(this._spec.criteria, this._spec.args, { ...this._spec.format })
      : null;
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): Range[] {
    return [...this._spec.ranges];
  }
}

/** A rule as the sheet keeps it: its ranges are anchors that follow structural changes. */
export interface StoredRule {
  spec: RuleSpec;
  anchors: Anchor[];
}

export function storeRule(sheet: Sheet, rule: ConditionalFormatRule): StoredRule {
  const anchors = rule._spec.ranges.map((r) => sheet._anchor(r._row, r._column, r._numRows, r._numColumns));
  return { spec: rule._spec, anchors };
}

export function loadRule(sheet: Sheet, stored: StoredRule): ConditionalFormatRule {
  const ranges = stored.anchors.filter((a) => !a.dead).map((a) => sheet._rangeAt(a.r1, a.c1, a.numRows, a.numColumns));
  return new ConditionalFormatRule({ ...stored.spec, ranges });
}
