/**
 * Menu › Buka dasbor: the Looker Studio Linking API URL (parsed back with URL) and the dialog's
 * HTML, where every value is escaped.
 */
import { dashboardDialogHtml } from '../../src/core/dashboard/dialog';
import { LOOKER_CREATE_URL, lookerCreateUrl, reportIdOf, spreadsheetIdOf } from '../../src/core/dashboard/looker-link';

const SHEET_ID = '1AbC-dEf_0123456789xyz';

function params(url: string): Record<string, string> {
  const u = new URL(url);
  expect(`${u.origin}${u.pathname}`).toBe(LOOKER_CREATE_URL);
  return Object.fromEntries(u.searchParams.entries());
}

describe('Looker Studio link', () => {
  test('creates a report on the feed tab through the Google Sheets connector', () => {
    const url = lookerCreateUrl({
      spreadsheetId: SHEET_ID,
      worksheetId: 123456789,
      reportName: 'Dasbor Pengaduan — DKI & Kebudayaan',
    });
    expect(params(url)).toEqual({
      'r.reportName': 'Dasbor Pengaduan — DKI & Kebudayaan',
      'ds.ds0.connector': 'googleSheets',
      'ds.ds0.spreadsheetId': SHEET_ID,
      'ds.ds0.worksheetId': '123456789',
      'ds.ds0.hasHeader': 'true',
    });
    expect(url).toMatch(/^https:\/\/lookerstudio\.google\.com\/reporting\/create\?/);
    expect(url).not.toMatch(/[ —&]Kebudayaan/); // the name is encoded, its '&' does not split a parameter
  });

  test('with a template report: c.reportId, also when the report URL was pasted', () => {
    const url = lookerCreateUrl({
      spreadsheetId: SHEET_ID,
      worksheetId: 0,
      reportName: 'Dasbor',
      templateReportId: 'https://lookerstudio.google.com/reporting/abcd-1234-ef/page/p_x',
      datasourceName: 'Dasbor Data',
    });
    expect(params(url)).toMatchObject({
      'c.reportId': 'abcd-1234-ef',
      'ds.ds0.worksheetId': '0',
      'ds.ds0.datasourceName': 'Dasbor Data',
    });
    expect(
      params(lookerCreateUrl({ spreadsheetId: SHEET_ID, worksheetId: 1, reportName: 'x', templateReportId: '  ' })),
    ).not.toHaveProperty('c.reportId');
  });

  test('a spreadsheet URL pasted in Pengaturan gives its id', () => {
    expect(spreadsheetIdOf(`https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit#gid=0`)).toBe(SHEET_ID);
    expect(spreadsheetIdOf(` ${SHEET_ID} `)).toBe(SHEET_ID);
    expect(reportIdOf('abcd')).toBe('abcd');
  });

  test('refuses a link without a spreadsheet or with a gid that is not a sheet id', () => {
    expect(() => lookerCreateUrl({ spreadsheetId: '', worksheetId: 1, reportName: 'x' })).toThrow(/spreadsheetId/);
    expect(() => lookerCreateUrl({ spreadsheetId: SHEET_ID, worksheetId: -1, reportName: 'x' })).toThrow(/worksheetId/);
    expect(() => lookerCreateUrl({ spreadsheetId: SHEET_ID, worksheetId: 1.5, reportName: 'x' })).toThrow(
      /worksheetId/,
    );
  });
});

describe('dialog HTML', () => {
  const lookerUrl = lookerCreateUrl({ spreadsheetId: SHEET_ID, worksheetId: 42, reportName: 'Dasbor' });
  const input = {
    lookerUrl,
    spreadsheetName: 'Pengaduan "Medsos" <script>alert(1)</script>',
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit#gid=42`,
    tabName: 'Dasbor Data',
    rows: 17,
    refreshedAt: 'Jumat, 10 April 2026 17.00 WIB',
    templateReportId: '"><img src=x onerror=alert(2)>',
    external: true,
  };
  const html = dashboardDialogHtml(input);

  test('links to the Looker Studio URL, escaped for the attribute', () => {
    expect(html).toContain(`href="${lookerUrl.replace(/&/g, '&amp;')}"`);
    const href = /id="looker-link" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    expect(params(href)['ds.ds0.worksheetId']).toBe('42');
  });

  test('escapes every value', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Pengaduan &quot;Medsos&quot; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  test('says where the data comes from, in Indonesian', () => {
    expect(html).toContain('Dasbor Data');
    expect(html).toContain('>17<');
    expect(html).toContain('spreadsheet terpisah');
    expect(html).toContain('tanpa nama pelapor');
    expect(dashboardDialogHtml({ ...input, external: false, templateReportId: '' })).toContain(
      'Tidak ada (laporan kosong',
    );
  });
});
