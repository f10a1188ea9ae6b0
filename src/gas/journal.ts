/**
 * The run's journal: history and error entries collected during a run and appended to
 * `Riwayat` and `Log Galat` once at the end (one append per tab).
 */
import { ErrorEntry, HistoryEntry, errorRow, historyRow } from '../core/audit';
import { TAB } from '../core/labels';
import { appendRows } from './tabs';
import { forgetTrackingPages } from './tracking';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class Journal {
  readonly history: HistoryEntry[] = [];
  readonly errors: ErrorEntry[] = [];

  constructor(
    private readonly now: Date,
    private readonly user: string,
    readonly source: string,
  ) {}

  record(
    number: string,
    action: string,
    field = '',
    oldValue: unknown = '',
    newValue: unknown = '',
    user = this.user,
  ): void {
    this.history.push({ at: this.now, user, number, action, field, oldValue, newValue, source: this.source });
  }

  error(message: string, detail = '', number = '', level: ErrorEntry['level'] = 'GALAT'): void {
    this.errors.push({ at: this.now, level, source: this.source, number, message, detail });
  }

  /**
   * Forgets the history of complaints whose rows were not written (a person changed them
   * meanwhile): the next run records those changes when it makes them.
   */
  dropFor(numbers: Set<string>): void {
    if (!numbers.size) return;
    for (let i = this.history.length - 1; i >= 0; i--)
      if (numbers.has(this.history[i].number)) this.history.splice(i, 1);
  }

  flush(ss: Spreadsheet): void {
    if (this.history.length) {
      const sheet = ss.getSheetByName(TAB.history);
      if (sheet) appendRows(sheet, this.history.map(historyRow));
      // The complaints in the history changed: their public tracking pages must not be served stale.
      forgetTrackingPages(this.history.map((h) => h.number));
      this.history.length = 0;
    }
    if (this.errors.length) {
      const sheet = ss.getSheetByName(TAB.errors);
      if (sheet) appendRows(sheet, this.errors.map(errorRow));
      else console.error(this.errors.map((e) => e.message).join('\n'));
      this.errors.length = 0;
    }
  }
}
