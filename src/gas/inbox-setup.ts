/**
 * `Kotak Masuk` as setup leaves it (issue 15): dropdowns on the admin's columns (Triase,
 * Kategori, Unit), a checkbox for Kirim Balasan, and only those columns editable by the admins.
 */
import { INBOX_COLUMNS, InboxKey } from '../core/channels/inbox';
import { INBOX_TAB, TRIAGE_CHOICES } from '../core/labels/channels';
import { DROPDOWN_HELP } from '../core/labels/dialogs';
import { dataColumns, dropdown, protectTab } from './sheet-setup';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function prepareInbox(
  sheet: Sheet,
  index: Map<string, number>,
  categories: string[],
  units: string[],
  admins: string[],
): void {
  const col = (key: InboxKey) => index.get(INBOX_COLUMNS.find((c) => c.key === key)!.header)!;
  dropdown(
    sheet,
    col('triage'),
    TRIAGE_CHOICES,
    'Baru / Pengaduan / Bukan pengaduan / Spam. Pengaduan = dicatat ke tab Pengaduan.',
  );
  dropdown(sheet, col('category'), categories, DROPDOWN_HELP.category);
  dropdown(sheet, col('unit'), units, DROPDOWN_HELP.unit);
  dataColumns(sheet, col('sendReply')).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  protectTab(
    sheet,
    INBOX_TAB,
    INBOX_COLUMNS.filter((c) => c.editor === 'admin').map((c) => col(c.key)),
    admins,
  );
}
