/** The formatting part of the Range API: number formats, colours, fonts, alignment, wrapping. */
import { StyleKey, STYLE_DEFAULTS } from './cells';
import { normalizeColor } from './colors';

/**
 * Formats are read back as Sheets stores them (gas-fakes notes/oddities.md, live behaviour):
 * the "general" number format is stored as "0.###############" and the "normal" horizontal
 * alignment as "general-left".
 */
export function storedNumberFormat(format: unknown): string {
  const text = String(format);
  return text.toLowerCase() === 'general' ? '0.###############' : text;
}
export function storedAlignment(alignment: unknown): string | null {
  if (alignment === null || alignment === undefined) return null;
  const text = String(alignment);
  return text.toLowerCase() === 'normal' ? 'general-left' : text;
}
import { RangeBase } from './range-base';
import { reportedFormat } from './values';
import { assertRectangular, assertScriptCanEdit } from './write';

export abstract class FormattedRange extends RangeBase {
  protected _styles<T>(key: StyleKey): T[][] {
    const def = STYLE_DEFAULTS[key];
    return this._read(this._sheet._cells.styles[key], (v) => (v === undefined ? def : v) as T);
  }

  protected _style<T>(key: StyleKey): T {
    const v = this._sheet._cells.styles[key].get(this._row - 1, this._column - 1);
    return (v === undefined ? STYLE_DEFAULTS[key] : v) as T;
  }

  protected _setStyle(key: StyleKey, value: unknown): this {
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    this._sheet._cells.styles[key].fill(
      this._row - 1,
      this._column - 1,
      this._r2 - 1,
      this._c2 - 1,
      value === null ? undefined : value,
    );
    return this;
  }

  protected _setStyles(key: StyleKey, values: unknown[][], map: (v: unknown) => unknown = (v) => v): this {
    assertRectangular(values, this._numRows, this._numColumns);
    assertScriptCanEdit(this._sheet, this._row, this._column, this._numRows, this._numColumns);
    const grid = this._sheet._cells.styles[key];
    values.forEach((line, i) =>
      line.forEach((v, j) =>
        grid.set(this._row - 1 + i, this._column - 1 + j, v === null || v === undefined ? undefined : map(v)),
      ),
    );
    return this;
  }

  getNumberFormats(): string[][] {
    return this._read(this._sheet._cells.styles.numberFormat, (f) => reportedFormat(f as string | undefined));
  }
  getNumberFormat(): string {
    return reportedFormat(
      this._sheet._cells.styles.numberFormat.get(this._row - 1, this._column - 1) as string | undefined,
    );
  }
  setNumberFormat(numberFormat: string): this {
    return this._setStyle('numberFormat', storedNumberFormat(numberFormat));
  }
  setNumberFormats(numberFormats: string[][]): this {
    return this._setStyles('numberFormat', numberFormats, storedNumberFormat);
  }

  getBackgrounds(): string[][] {
    return this._styles('background');
  }
  getBackground(): string {
    return this._style('background');
  }
  setBackground(color: string | null): this {
    return this._setStyle('background', color === null ? null : normalizeColor(color));
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this._setStyles('background', colors, (c) => normalizeColor(String(c)));
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = [red, green, blue]
      .map((n) =>
        Math.max(0, Math.min(255, Math.round(n)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('');
    return this._setStyle('background', `#${hex}`);
  }

  getFontColor(): string {
    return this._style('fontColor');
  }
  setFontColor(color: string | null): this {
    return this._setStyle('fontColor', color === null ? null : normalizeColor(color));
  }
  setFontColors(colors: unknown[][]): this {
    return this._setStyles('fontColor', colors, (c) => normalizeColor(String(c)));
  }

  getFontWeights(): string[][] {
    return this._styles('fontWeight');
  }
  getFontWeight(): string {
    return this._style('fontWeight');
  }
  setFontWeight(fontWeight: 'normal' | 'bold' | null): this {
    return this._setStyle('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: ('normal' | 'bold' | null)[][]): this {
    return this._setStyles('fontWeight', fontWeights);
  }

  getFontStyles(): string[][] {
    return this._styles('fontStyle');
  }
  getFontStyle(): string {
    return this._style('fontStyle');
  }
  setFontStyle(fontStyle: 'normal' | 'italic' | null): this {
    return this._setStyle('fontStyle', fontStyle);
  }
  setFontStyles(fontStyles: ('normal' | 'italic' | null)[][]): this {
    return this._setStyles('fontStyle', fontStyles);
  }

  getFontSizes(): number[][] {
    return this._styles('fontSize');
  }
  getFontSize(): number {
    return this._style('fontSize');
  }
  setFontSize(size: number): this {
    return this._setStyle('fontSize', size);
  }
  setFontSizes(sizes: number[][]): this {
    return this._setStyles('fontSize', sizes);
  }

  getFontFamilies(): string[][] {
    return this._styles('fontFamily');
  }
  getFontFamily(): string {
    return this._style('fontFamily');
  }
  setFontFamily(fontFamily: string | null): this {
    return this._setStyle('fontFamily', fontFamily);
  }
  setFontFamilies(fontFamilies: (string | null)[][]): this {
    return this._setStyles('fontFamily', fontFamilies);
  }

  getFontLines(): string[][] {
    return this._styles('fontLine');
  }
  getFontLine(): string {
    return this._style('fontLine');
  }
  setFontLine(fontLine: string | null): this {
    return this._setStyle('fontLine', fontLine);
  }
  setFontLines(fontLines: (string | null)[][]): this {
    return this._setStyles('fontLine', fontLines);
  }

  getHorizontalAlignments(): string[][] {
    return this._styles('horizontalAlignment');
  }
  getHorizontalAlignment(): string {
    return this._style('horizontalAlignment');
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._setStyle('horizontalAlignment', storedAlignment(alignment));
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this._setStyles('horizontalAlignment', alignments, storedAlignment);
  }

  getVerticalAlignments(): string[][] {
    return this._styles('verticalAlignment');
  }
  getVerticalAlignment(): string {
    return this._style('verticalAlignment');
  }
  setVerticalAlignment(alignment: string | null): this {
    return this._setStyle('verticalAlignment', alignment);
  }
  setVerticalAlignments(alignments: (string | null)[][]): this {
    return this._setStyles('verticalAlignment', alignments);
  }

  getWrapStrategies(): string[][] {
    return this._styles('wrapStrategy');
  }
  getWrapStrategy(): string {
    return this._style('wrapStrategy');
  }
  setWrapStrategy(strategy: string): this {
    return this._setStyle('wrapStrategy', strategy);
  }
  setWrapStrategies(strategies: string[][]): this {
    return this._setStyles('wrapStrategy', strategies);
  }
  getWraps(): boolean[][] {
    return this._styles<string>('wrapStrategy').map((l) => l.map((s) => s === 'WRAP'));
  }
  getWrap(): boolean {
    return this._style('wrapStrategy') === 'WRAP';
  }
  setWrap(isWrapEnabled: boolean): this {
    return this._setStyle('wrapStrategy', isWrapEnabled ? 'WRAP' : 'OVERFLOW');
  }
  setWraps(isWrapEnabled: boolean[][]): this {
    return this._setStyles('wrapStrategy', isWrapEnabled, (w) => (w ? 'WRAP' : 'OVERFLOW'));
  }

  /** Borders are recorded (for the workbook output) but not styled per side. */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: string | null,
  ): this {
    const any = [top, left, bottom, right, vertical, horizontal].some((b) => b === true);
    const none = [top, left, bottom, right, vertical, horizontal].every((b) => b === false);
    if (!any && !none) return this;
    return this._setStyle(
      'border',
      any
        ? { top, left, bottom, right, vertical, horizontal, color: color ?? '#000000', style: style ?? 'SOLID' }
        : null,
    );
  }

  clearFormat(): this {
    return this._clear({ formatOnly: true });
  }
}
