/**
 * Looker Studio Linking API URL (DESIGN §9): opens the report-creation flow with the feed tab as
 * data source `ds0`, through the Google Sheets connector. With a template report (`c.reportId`)
 * Looker Studio copies that report's pages and binds its data source to the feed; without one it
 * starts from a blank report. Built with encodeURIComponent only (Apps Script has no URL class).
 */

export const LOOKER_CREATE_URL = 'https://lookerstudio.google.com/reporting/create';

export interface LookerLinkInput {
  spreadsheetId: string;
  /** The gid of the feed tab (Sheet.getSheetId()). */
  worksheetId: number;
  reportName: string;
  /** Optional template report id (Pengaturan `dasbor_template_report_id`). */
  templateReportId?: string;
  datasourceName?: string;
}

/** A report id may be pasted as the report's URL: keep the id only. */
export function reportIdOf(value: string): string {
  const v = value.trim();
  const m = /\/reporting\/([^/?#]+)/.exec(v);
  return m ? m[1] : v;
}

/** A spreadsheet id may be pasted as the spreadsheet's URL: keep the id only. */
export function spreadsheetIdOf(value: string): string {
  const v = value.trim();
  const m = /\/spreadsheets\/d\/([^/?#]+)/.exec(v);
  return m ? m[1] : v;
}

export function lookerCreateUrl(input: LookerLinkInput): string {
  if (!input.spreadsheetId.trim()) throw new Error('lookerCreateUrl: spreadsheetId is required');
  if (!Number.isInteger(input.worksheetId) || input.worksheetId < 0)
    throw new Error(`lookerCreateUrl: invalid worksheetId ${input.worksheetId}`);
  const params: [string, string][] = [];
  const template = input.templateReportId ? reportIdOf(input.templateReportId) : '';
  if (template) params.push(['c.reportId', template]);
  params.push(['r.reportName', input.reportName]);
  params.push(['ds.ds0.connector', 'googleSheets']);
  params.push(['ds.ds0.spreadsheetId', spreadsheetIdOf(input.spreadsheetId)]);
  params.push(['ds.ds0.worksheetId', String(input.worksheetId)]);
  params.push(['ds.ds0.hasHeader', 'true']);
  if (input.datasourceName) params.push(['ds.ds0.datasourceName', input.datasourceName]);
  return `${LOOKER_CREATE_URL}?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}
