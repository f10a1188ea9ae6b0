/**
 * The Buka dasbor dialog's HTML (shown with HtmlService): the Looker Studio link and where its
 * data comes from. Every value is escaped, the link included (it carries names the operator
 * typed, e.g. the template id).
 */
import { escapeHtml } from '../sanitize';
import { DIALOG } from '../labels/dashboard';

export interface DashboardDialogInput {
  lookerUrl: string;
  spreadsheetName: string;
  spreadsheetUrl: string;
  tabName: string;
  rows: number;
  /** When the feed was refreshed, as people read it. */
  refreshedAt: string;
  templateReportId: string;
  /** The feed is in a separate spreadsheet (Pengaturan `dasbor_spreadsheet_id`). */
  external: boolean;
}

export function dashboardDialogHtml(d: DashboardDialogInput): string {
  const e = escapeHtml;
  const row = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${value}</td></tr>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="id"><head><meta charset="utf-8"><base target="_blank">',
    '<style>',
    'body{font-family:Arial,sans-serif;font-size:13px;color:#222;margin:12px}',
    'h2{font-size:16px;margin:0 0 8px;color:#7b1f1f}',
    'table{border-collapse:collapse;margin:8px 0}th,td{text-align:left;padding:3px 8px 3px 0;vertical-align:top}',
    'th{color:#555;font-weight:normal;white-space:nowrap}',
    '.open{display:inline-block;background:#7b1f1f;color:#fff;padding:8px 14px;border-radius:4px;text-decoration:none;font-weight:bold}',
    'input{width:100%;box-sizing:border-box;font-size:11px;margin-top:8px}',
    'button{margin-top:10px}',
    '</style></head><body>',
    `<h2>${e(DIALOG.title)}</h2>`,
    `<p>${e(DIALOG.intro)}</p>`,
    `<p><a class="open" id="looker-link" href="${e(d.lookerUrl)}" target="_blank" rel="noopener noreferrer">${e(DIALOG.open)}</a></p>`,
    `<input id="looker-url" type="text" readonly value="${e(d.lookerUrl)}" onclick="this.select()">`,
    '<table>',
    row(
      DIALOG.spreadsheet,
      `<a href="${e(d.spreadsheetUrl)}" target="_blank" rel="noopener noreferrer">${e(d.spreadsheetName)}</a>`,
    ),
    row(DIALOG.tab, e(d.tabName)),
    row(DIALOG.rows, e(d.rows)),
    row(DIALOG.refreshed, e(d.refreshedAt)),
    row(DIALOG.template, d.templateReportId ? e(d.templateReportId) : e(DIALOG.noTemplate)),
    '</table>',
    d.external ? `<p>${e(DIALOG.external)}</p>` : '',
    `<p>${e(DIALOG.steps)}</p>`,
    `<button onclick="google.script.host.close()">${e(DIALOG.close)}</button>`,
    '</body></html>',
  ].join('\n');
}
