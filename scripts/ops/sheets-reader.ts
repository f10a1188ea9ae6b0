/**
 * Reads a whole spreadsheet through the Sheets API v4 into the runner's SheetSnapshot shape:
 * one `spreadsheets.get` for the tabs, then `values.batchGet` for all tabs at once, once per
 * rendering needed to rebuild what the user sees and what a script reads:
 * - FORMATTED_VALUE: the display text of every cell (workbook.json `rows`);
 * - UNFORMATTED_VALUE + SERIAL_NUMBER: numbers, booleans, text, and dates as serial numbers;
 * - UNFORMATTED_VALUE + FORMATTED_STRING: tells date cells apart (they come back as text while
 *   plain numbers stay numbers), so a serial number is turned back into an instant only there.
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/DateTimeRenderOption
 */
import type { sheets_v4 } from 'googleapis';
import { instantFromSerial } from '../../emulator/spreadsheet/time-zone';
import type { SheetSnapshot } from '../sim/outputs';

export interface RemoteWorkbook {
  spreadsheetId: string;
  title: string;
  timeZone: string;
  sheets: SheetSnapshot[];
}

const SPREADSHEET_FIELDS =
  'spreadsheetId,properties(title,timeZone),sheets.properties(sheetId,title,index,gridProperties(rowCount,columnCount,frozenRowCount))';

export const quoteTab = (name: string): string => `'${name.replace(/'/g, "''")}'`;

export async function readWorkbook(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  log: (line: string) => void = () => undefined,
): Promise<RemoteWorkbook> {
  const meta = (await api.spreadsheets.get({ spreadsheetId, fields: SPREADSHEET_FIELDS })).data;
  const tabs = (meta.sheets ?? []).map((s) => s.properties!).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const timeZone = meta.properties?.timeZone ?? 'Asia/Jakarta';
  const ranges = tabs.map((t) => quoteTab(t.title ?? ''));
  log(`  "${meta.properties?.title ?? ''}": ${tabs.length} tab, zona waktu ${timeZone}; membaca nilai semua tab…`);
  const batch = async (valueRenderOption: string, dateTimeRenderOption?: string): Promise<unknown[][][]> => {
    if (!ranges.length) return [];
    const res = await api.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges,
      valueRenderOption,
      dateTimeRenderOption,
      majorDimension: 'ROWS',
    });
    return (res.data.valueRanges ?? []).map((vr) => (vr.values ?? []) as unknown[][]);
  };
  const shown = await batch('FORMATTED_VALUE');
  const serial = await batch('UNFORMATTED_VALUE', 'SERIAL_NUMBER');
  const asText = await batch('UNFORMATTED_VALUE', 'FORMATTED_STRING');
  const sheets = tabs.map((t, k): SheetSnapshot => {
    const rows = Math.max(shown[k]?.length ?? 0, serial[k]?.length ?? 0);
    const cols = Math.max(0, ...[shown[k] ?? [], serial[k] ?? []].flatMap((g) => g.map((r) => r.length)));
    const display: string[][] = [];
    const values: unknown[][] = [];
    for (let r = 0; r < rows; r++) {
      const d: string[] = [];
      const v: unknown[] = [];
      for (let c = 0; c < cols; c++) {
        const text = shown[k]?.[r]?.[c];
        const raw = serial[k]?.[r]?.[c];
        const alt = asText[k]?.[r]?.[c];
        d.push(text === undefined || text === null ? '' : String(text));
        if (typeof raw === 'number' && typeof alt === 'string') v.push(new Date(instantFromSerial(raw, timeZone)));
        else v.push(raw === undefined || raw === null ? '' : raw);
      }
      display.push(d);
      values.push(v);
    }
    log(`  ${t.title}: ${rows} baris × ${cols} kolom`);
    return { name: t.title ?? '', values, display, frozenRows: t.gridProperties?.frozenRowCount ?? 0 };
  });
  return { spreadsheetId: meta.spreadsheetId ?? spreadsheetId, title: meta.properties?.title ?? '', timeZone, sheets };
}
