/**
 * TextFinder (https://developers.google.com/apps-script/reference/spreadsheet/text-finder), made
 * by Range / Sheet / Spreadsheet.createTextFinder(findText): finds cells whose displayed text
 * (or formula, with matchFormulaText) contains the text — case-insensitive unless matchCase, the
 * whole cell with matchEntireCell, a regular expression with useRegularExpression — in row-major
 * order through the scope (a range, a sheet's data range, or every sheet in order).
 * replaceWith / replaceAllWith rewrite the matched text and return the number of cells changed.
 */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import type { Range } from './range';
import type { Sheet } from './sheet';

export type TextFinderScope =
  { kind: 'range'; range: Range } | { kind: 'sheet'; sheet: Sheet } | { kind: 'spreadsheet'; sheets: () => Sheet[] };

interface Hit {
  sheet: Sheet;
  row: number;
  column: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TextFinder extends GasObject {
  readonly _className = 'TextFinder';
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulas = false;
  private diacritics = false;
  private current: Hit | null = null;
  private start: Hit | null = null;

  constructor(
    private readonly findText: string,
    private readonly scope: TextFinderScope,
  ) {
    super();
    if (findText === '') throw new GasError('Invalid argument: findText');
  }

  matchCase(matchCase: boolean): TextFinder {
    this.caseSensitive = Boolean(matchCase);
    return this;
  }
  matchEntireCell(matchEntireCell: boolean): TextFinder {
    this.entireCell = Boolean(matchEntireCell);
    return this;
  }
  useRegularExpression(useRegEx: boolean): TextFinder {
    this.regex = Boolean(useRegEx);
    return this;
  }
  matchFormulaText(matchFormulaText: boolean): TextFinder {
    this.formulas = Boolean(matchFormulaText);
    return this;
  }
  ignoreDiacritics(ignoreDiacritics: boolean): TextFinder {
    this.diacritics = Boolean(ignoreDiacritics);
    return this;
  }
  /** The search continues after this cell. */
  startFrom(startRange: Range): TextFinder {
    this.start = { sheet: startRange._sheet, row: startRange._row, column: startRange._column };
    this.current = null;
    return this;
  }

  private pattern(global: boolean): RegExp {
    const body = this.regex ? this.findText : escapeRegExp(this.findText);
    return new RegExp(
      this.entireCell ? `^(?:${body})$` : body,
      `${this.caseSensitive ? '' : 'i'}${global ? 'g' : ''}u`,
    );
  }

  private fold(text: string): string {
    return this.diacritics ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  }

  private blocks(): { sheet: Sheet; row: number; column: number; numRows: number; numColumns: number }[] {
    const s = this.scope;
    if (s.kind === 'range')
      return [
        {
          sheet: s.range._sheet,
          row: s.range._row,
          column: s.range._column,
          numRows: s.range._numRows,
          numColumns: s.range._numColumns,
        },
      ];
    const sheets = s.kind === 'sheet' ? [s.sheet] : s.sheets();
    return sheets.map((sheet) => ({
      sheet,
      row: 1,
      column: 1,
      numRows: Math.max(1, sheet.getLastRow()),
      numColumns: Math.max(1, sheet.getLastColumn()),
    }));
  }

  private textOf(display: string, formula: string): string {
    return this.fold(this.formulas && formula !== '' ? formula : display);
  }

  private hits(): Hit[] {
    const re = this.pattern(false);
    const out: Hit[] = [];
    for (const b of this.blocks()) {
      const range = b.sheet._rangeAt(b.row, b.column, b.numRows, b.numColumns);
      const shown = range.getDisplayValues();
      const formulas = this.formulas ? range.getFormulas() : null;
      for (let i = 0; i < b.numRows; i++) {
        for (let j = 0; j < b.numColumns; j++) {
          const text = this.textOf(shown[i][j], formulas ? formulas[i][j] : '');
          if (text !== '' && re.test(text)) out.push({ sheet: b.sheet, row: b.row + i, column: b.column + j });
        }
      }
    }
    return out;
  }

  private cell(h: Hit): Range {
    return h.sheet._rangeAt(h.row, h.column, 1, 1);
  }

  private order(h: Hit, sheets: Sheet[]): number[] {
    return [sheets.indexOf(h.sheet), h.row, h.column];
  }

  private step(direction: 1 | -1): Range | null {
    const hits = this.hits();
    const sheets = this.blocks().map((b) => b.sheet);
    const from = this.current ?? this.start;
    const after = (h: Hit): boolean => {
      if (!from) return true;
      const a = this.order(h, sheets);
      const b = this.order(from, sheets);
      for (let k = 0; k < 3; k++) if (a[k] !== b[k]) return direction === 1 ? a[k] > b[k] : a[k] < b[k];
      return false;
    };
    const candidates = hits.filter(after);
    const next = direction === 1 ? candidates[0] : candidates[candidates.length - 1];
    if (!next) return null;
    this.current = next;
    return this.cell(next);
  }

  findNext(): Range | null {
    return this.step(1);
  }
  findPrevious(): Range | null {
    return this.step(-1);
  }
  findAll(): Range[] {
    return this.hits().map((h) => this.cell(h));
  }
  getCurrentMatch(): Range | null {
    return this.current ? this.cell(this.current) : null;
  }

  private replaceIn(h: Hit, replaceText: string): boolean {
    const range = this.cell(h);
    const formula = range.getFormula();
    const source = this.formulas && formula !== '' ? formula : range.getDisplayValue();
    const replaced = source.replace(this.pattern(true), this.regex ? replaceText : replaceText.replace(/\$/g, '$$$$'));
    if (replaced === source) return false;
    range.setValue(replaced);
    return true;
  }

  /** Replaces the text in the current match; returns how many cells changed (0 or 1). */
  replaceWith(replaceText: string): number {
    if (!this.current) return 0;
    return this.replaceIn(this.current, String(replaceText)) ? 1 : 0;
  }

  /** Replaces the text in every match; returns how many cells changed. */
  replaceAllWith(replaceText: string): number {
    let n = 0;
    for (const h of this.hits()) if (this.replaceIn(h, String(replaceText))) n++;
    return n;
  }
}
