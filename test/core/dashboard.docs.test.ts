/**
 * docs/looker-studio.md documents the feed Looker Studio binds to: every column with its type
 * and aggregation as the code defines them, the link's parameters, and the report's pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_COLUMNS } from '../../src/core/dashboard/feed';

const doc = readFileSync(join(__dirname, '../../docs/looker-studio.md'), 'utf8');

test('every feed column is in the field table with its type and aggregation', () => {
  const rows = new Map(
    doc
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => [/`([^`]+)`/.exec(l)![1], l.split('|').map((c) => c.trim())]),
  );
  for (const col of FEED_COLUMNS) {
    const row = rows.get(col.id);
    expect([col.id, row ? 'documented' : 'missing']).toEqual([col.id, 'documented']);
    expect([col.id, row![2]]).toEqual([col.id, col.type]);
    expect(row![3]).toContain(`(${col.aggregation})`);
  }
});

test('describes the link, the calculated on-time rate, the pages and sharing', () => {
  for (const s of [
    'ds.ds0.connector=googleSheets',
    'ds.ds0.spreadsheetId',
    'ds.ds0.worksheetId',
    'r.reportName',
    'c.reportId',
    'dasbor_spreadsheet_id',
    'dasbor_template_report_id',
  ])
    expect(doc).toContain(s);
  expect(doc).toContain(
    'SUM(CASE WHEN tepat_waktu = "Ya" THEN 1 ELSE 0 END) / SUM(CASE WHEN tepat_waktu IN ("Ya", "Tidak") THEN 1 ELSE 0 END)',
  );
  for (const page of ['Ikhtisar', 'Tren mingguan per kanal', 'Per unit', 'Kanal dan kategori', 'Daftar terlambat'])
    expect(doc).toContain(page);
  expect(doc).toMatch(/kredensial pemilik/);
});
