/** What `rehearse` reports as changed between two workbook states (scripts/ops/workbook-diff.ts). */
import { compareWorkbooks } from '../../scripts/ops/workbook-diff';
import type { SheetSnapshot } from '../../scripts/sim/outputs';

const tab = (name: string, values: unknown[][]): SheetSnapshot => ({
  name,
  values,
  display: values.map((r) => r.map(String)),
  frozenRows: 1,
});

test('tabs added and removed, columns added by name, rows matched by first cell not position', () => {
  const before = [
    tab('Pengaduan', [
      ['No.', 'Status'],
      ['ADU-1', 'Baru'],
      ['ADU-2', 'Diproses'],
      ['ADU-3', 'Dijawab'],
    ]),
    tab('Lama', [['x']]),
  ];
  const after = [
    // Rows reordered (not a change), ADU-2 rewritten, ADU-3 gone, ADU-4 new, a column added.
    tab('Pengaduan', [
      ['No.', 'Status', 'Diperbarui'],
      ['ADU-2', 'Dijawab', 'kemarin'],
      ['ADU-1', 'Baru', ''],
      ['ADU-4', 'Baru', ''],
    ]),
    tab('Baru', [['y']]),
  ];
  const d = compareWorkbooks(before, after);
  expect(d.addedTabs).toEqual(['Baru']);
  expect(d.removedTabs).toEqual(['Lama']);
  expect(d.tabs).toEqual([
    {
      tab: 'Pengaduan',
      addedColumns: ['Diperbarui'],
      addedRows: 1,
      removedRows: 1,
      changedRows: 1,
      changedColumns: { Status: 1 },
    },
  ]);
});

test('dates compare by instant; a number and its text are different values; repeated keys pair up in order', () => {
  const t = new Date('2026-03-16T09:00:00+07:00');
  const before = [
    tab('Riwayat', [
      ['Waktu', 'Nilai'],
      [t, 1],
      [t, 2],
    ]),
  ];
  expect(
    compareWorkbooks(before, [
      tab('Riwayat', [
        ['Waktu', 'Nilai'],
        [new Date(t.getTime()), 1],
        [new Date(t.getTime()), 2],
      ]),
    ]).tabs,
  ).toEqual([]);
  const d = compareWorkbooks(before, [
    tab('Riwayat', [
      ['Waktu', 'Nilai'],
      [t, 1],
      [t, '2'],
      [t, 3],
    ]),
  ]);
  expect(d.tabs).toEqual([
    { tab: 'Riwayat', addedColumns: [], addedRows: 1, removedRows: 0, changedRows: 1, changedColumns: { Nilai: 1 } },
  ]);
});
