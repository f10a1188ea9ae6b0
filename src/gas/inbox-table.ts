/**
 * The `Kotak Masuk` tab as a table of posts (issue 15), and the register's response keys.
 * Rows are found by channel + platform id, never by row number. A run writes back only the
 * rows it changed, and first re-reads them: a row the admin edited meanwhile is left for the
 * next run, never overwritten (DESIGN §10).
 */
import { INBOX_COLUMNS, InboxKey, InboxRow, channelFeed } from '../core/channels/inbox';
import type { WorkCalendar } from '../core/calendar';
import { dedupKey } from '../core/channels/post';
import { REGISTER_COLUMNS } from '../core/complaint';
import { TAB } from '../core/labels';
import { CHANNEL_FEED_HEADERS, CHANNEL_FEED_TAB, INBOX_TAB } from '../core/labels/channels';
import { ColumnIndex, indexColumns, protectText, readRecord, writeRecord } from '../core/rows';
import { TabData, appendRows, readSheet, replaceDataRows } from './tabs';
import { ensureTab, protectTab } from './sheet-setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class InboxTable {
  readonly rows: InboxRow[];
  private readonly changed = new Map<number, InboxRow>();
  private readonly added: unknown[][] = [];

  private constructor(
    readonly tab: TabData,
    readonly index: ColumnIndex<InboxKey>,
  ) {
    this.rows = tab.rows.map((r) => readRecord(r, index, INBOX_COLUMNS) as InboxRow);
  }

  /** Null when setup has not created the tab yet. */
  static read(ss: Spreadsheet): InboxTable | null {
    const sheet = ss.getSheetByName(INBOX_TAB);
    if (!sheet) return null;
    const tab = readSheet(sheet);
    return new InboxTable(tab, indexColumns(INBOX_TAB, tab.headers, INBOX_COLUMNS));
  }

  keys(): Set<string> {
    return new Set(this.rows.map((r) => dedupKey(String(r.channel), String(r.platformId))));
  }

  append(row: InboxRow): void {
    this.added.push(writeRecord(row, this.index, INBOX_COLUMNS, this.tab.width));
  }

  update(i: number, fields: Partial<InboxRow>): void {
    const next = { ...(this.changed.get(i) ?? this.rows[i]), ...fields };
    this.changed.set(i, next);
  }

  current(i: number): InboxRow {
    return this.changed.get(i) ?? this.rows[i];
  }

  /**
   * Writes changed rows one block each (they are few), after checking that the admin's cells
   * still hold what was read. Returns the indices left for the next run.
   */
  flush(): number[] {
    const skipped: number[] = [];
    const admin = INBOX_COLUMNS.filter((c) => c.editor === 'admin').map((c) => this.index[c.key]);
    const indices = [...this.changed.keys()].sort((a, b) => a - b);
    if (indices.length) {
      const first = indices[0];
      const last = indices[indices.length - 1];
      const now = this.tab.sheet.getRange(first + 2, 1, last - first + 1, this.tab.width).getValues();
      const block: unknown[][] = [];
      for (let i = first; i <= last; i++) {
        const live = now[i - first];
        const read = this.tab.rows[i];
        const changed = this.changed.get(i);
        const moved = admin.some((c) => String(live[c] ?? '') !== String(read[c] ?? ''));
        if (changed && moved) skipped.push(i);
        block.push(
          changed && !moved
            ? writeRecord(changed, this.index, INBOX_COLUMNS, this.tab.width, live)
            : live.map(protectText),
        );
      }
      this.tab.sheet.getRange(first + 2, 1, block.length, this.tab.width).setValues(block);
    }
    this.changed.clear();
    appendRows(this.tab.sheet, this.added, this.tab.rows.length + 1);
    this.added.length = 0;
    return skipped;
  }
}

/** Complaint number by response key (`Kunci Respons`) for the posts already registered. */
export function registeredInboxKeys(ss: Spreadsheet): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = ss.getSheetByName(TAB.register);
  if (!sheet) return out;
  const last = sheet.getLastRow();
  if (last < 2) return out;
  const headers = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((h) => String(h ?? '').trim());
  const keyCol = headers.indexOf(REGISTER_COLUMNS.find((c) => c.key === 'sourceKey')!.header);
  const numCol = headers.indexOf(REGISTER_COLUMNS.find((c) => c.key === 'number')!.header);
  if (keyCol < 0 || numCol < 0) return out;
  // Two single-column reads instead of the whole register.
  const keys = sheet.getRange(2, keyCol + 1, last - 1, 1).getValues();
  const numbers = sheet.getRange(2, numCol + 1, last - 1, 1).getValues();
  for (let r = 0; r < keys.length; r++) {
    const key = String(keys[r][0] ?? '');
    if (key.startsWith('K:')) out.set(key, String(numbers[r][0] ?? ''));
  }
  return out;
}

/** `Dasbor Kanal`: posts, triage outcomes and triage time per channel (no personal data). */
export function writeChannelFeed(ss: Spreadsheet, calendar: WorkCalendar): number {
  const inbox = InboxTable.read(ss);
  if (!inbox) return 0;
  const feed = channelFeed(inbox.rows, calendar);
  const tab = ensureTab(ss, CHANNEL_FEED_TAB, CHANNEL_FEED_HEADERS);
  if (tab.created) protectTab(tab.sheet, CHANNEL_FEED_TAB, [], []);
  const width = Math.max(...tab.index.values()) + 1;
  const rows = feed.map((f) => {
    const row: unknown[] = new Array<unknown>(width).fill('');
    const values = [
      f.channel,
      f.posts,
      f.complaints,
      f.notComplaints,
      f.spam,
      f.untriaged,
      f.medianTriageWorkingHours ?? '',
    ];
    CHANNEL_FEED_HEADERS.forEach((h, k) => {
      row[tab.index.get(h)!] = values[k];
    });
    return row;
  });
  replaceDataRows(tab.sheet, rows, tab.dataRows, width);
  return rows.length;
}
