/**
 * Key figures and chart series of the dashboard, from the feed (the same numbers on `Ringkasan`,
 * the local preview and a Looker Studio report), and the `Ringkasan` layout built from them.
 */
import { buildFeed } from '../../src/core/dashboard/feed';
import { computeFigures } from '../../src/core/dashboard/figures';
import { summaryLayout } from '../../src/core/dashboard/summary-sheet';
import { isoWib } from '../../src/core/values';
import { COMPLAINTS, NOW, at, calendar, ctx, personalStrings } from './dashboard.fixtures';

const { records } = buildFeed(COMPLAINTS, ctx);
const figures = computeFigures(records, calendar, NOW);

describe('figures', () => {
  test('overall: received, open, overdue, answered on time / late, closed, on-time rate', () => {
    expect(figures.overall).toEqual({
      received: 5,
      open: 2,
      overdue: 1,
      answered: 2,
      onTime: 1,
      late: 1,
      closed: 1,
      onTimeRate: 0.5,
      avgDaysToAnswer: 5.28,
    });
  });

  test('this month counts April receipts and April answers; last month March', () => {
    expect(figures.thisMonth).toMatchObject({
      label: 'April 2026',
      received: 3,
      answered: 1,
      onTime: 0,
      late: 1,
      onTimeRate: 0,
    });
    expect(figures.lastMonth).toMatchObject({
      label: 'Maret 2026',
      received: 2,
      answered: 1,
      onTime: 1,
      late: 0,
      onTimeRate: 1,
    });
    expect(isoWib(figures.thisMonth.start)).toBe('2026-04-01T00:00:00+07:00');
    expect(isoWib(figures.lastMonth.start)).toBe('2026-03-01T00:00:00+07:00');
  });

  test('last month of January is December of the year before', () => {
    const f = computeFigures(records, calendar, at('2026-01-05T09:00:00+07:00'));
    expect([f.thisMonth.label, f.lastMonth.label]).toEqual(['Januari 2026', 'Desember 2025']);
  });

  test('per status, in lifecycle order, zeros included', () => {
    expect(figures.byStatus.map((s) => [s.status, s.count])).toEqual([
      ['Baru', 1],
      ['Diteruskan', 0],
      ['Diproses', 1],
      ['Ditindaklanjuti', 0],
      ['Dijawab', 2],
      ['Ditutup', 1],
    ]);
  });

  test('per unit: largest first, then most open; kind from the Unit tab', () => {
    expect(figures.byUnit.map((u) => [u.key, u.kind, u.received, u.open, u.overdue, u.answered, u.onTimeRate])).toEqual(
      [
        ['Belum ditentukan', 'Belum ditentukan', 2, 1, 1, 0, null],
        ['Suku Dinas Kebudayaan Jakarta Barat', 'Sudin', 1, 1, 0, 0, null],
        ['Bidang Pelindungan Kebudayaan', 'Bidang', 1, 0, 0, 1, 0],
        ['UP Museum Seni', 'UKPD', 1, 0, 0, 1, 1],
      ],
    );
  });

  test('per channel and per category', () => {
    expect(figures.byChannel.map((c) => [c.key, c.received])).toEqual([
      ['Instagram', 2],
      ['Twitter/X', 1],
      ['Facebook', 1],
      ['YouTube', 1],
    ]);
    expect(figures.byCategory.map((c) => c.key)).toContain('Tanpa kategori');
    expect(figures.byCategory.reduce((a, c) => a + c.received, 0)).toBe(5);
  });

  test('per SOP step: done, late, overdue now, average hours', () => {
    expect(figures.bySteps.map((s) => [s.step, s.done, s.late, s.overdueNow, s.onTimeRate, s.avgHours])).toEqual([
      [1, 5, 0, 0, 1, 0.25],
      [2, 3, 0, 1, 1, 0],
      [3, 3, 0, 0, 1, 5.78],
      [4, 2, 1, 0, 0.5, 31.5],
      [5, 2, 0, 0, 1, 5],
    ]);
  });

  test('weekly trend: every week from the first complaint to this week, per channel, empty weeks as zeros', () => {
    expect(figures.weekly.channels).toEqual(['Instagram', 'Facebook', 'Twitter/X', 'YouTube']);
    expect(figures.weekly.weeks.map((w) => [isoWib(w.start)!.slice(0, 10), ...w.counts, w.total])).toEqual([
      ['2026-03-16', 1, 0, 0, 0, 1],
      ['2026-03-23', 0, 1, 0, 0, 1],
      ['2026-03-30', 0, 0, 0, 0, 0],
      ['2026-04-06', 1, 0, 1, 1, 3],
    ]);
  });

  test('weekly trend keeps at most the last N weeks', () => {
    const f = computeFigures(records, calendar, NOW, { weeks: 2 });
    expect(f.weekly.weeks.map((w) => isoWib(w.start)!.slice(0, 10))).toEqual(['2026-03-30', '2026-04-06']);
  });

  test('late list: open and overdue first, then answered late', () => {
    expect(figures.lateList.map((r) => r.no_pengaduan)).toEqual(['ADU-2026-0003', 'ADU-2026-0002']);
  });

  test('an empty feed gives zeros and no rate, not NaN', () => {
    const f = computeFigures([], calendar, NOW);
    expect(f.overall).toEqual({
      received: 0,
      open: 0,
      overdue: 0,
      answered: 0,
      onTime: 0,
      late: 0,
      closed: 0,
      onTimeRate: null,
      avgDaysToAnswer: null,
    });
    expect(f.weekly.weeks).toHaveLength(1);
    expect(f.byUnit).toEqual([]);
    expect(JSON.stringify(f)).not.toContain('NaN');
  });
});

describe('Ringkasan layout', () => {
  const layout = summaryLayout(figures);
  const cell = (row: number, col: number) => layout.values[row - 1][col - 1];

  test('a rectangular grid with the title, the time of the data and the key figures', () => {
    for (const row of layout.values) expect(row).toHaveLength(layout.width);
    expect(cell(1, 1)).toBe('Ringkasan Pengaduan Media Sosial');
    expect(cell(2, 2)).toEqual(NOW);
    const keyRow = layout.values.findIndex((r) => r[0] === 'Persentase tepat waktu') + 1;
    expect(layout.values[keyRow - 1].slice(0, 4)).toEqual(['Persentase tepat waktu', 0, 1, 0.5]);
    expect(layout.formats).toContainEqual({ row: keyRow, column: 2, numRows: 1, numColumns: 3, format: '0%' });
    const header = layout.values.find((r) => r[0] === 'Angka kunci' && r[1] !== '')!;
    expect(header.slice(1, 4)).toEqual(['Bulan ini (April 2026)', 'Bulan lalu (Maret 2026)', 'Seluruhnya']);
  });

  test('charts by status, by unit, weekly trend, by channel and per step, each over its table', () => {
    expect(layout.charts.map((c) => [c.id, c.kind])).toEqual([
      ['status', 'PIE'],
      ['unit', 'BAR'],
      ['weekly', 'COLUMN'],
      ['channel', 'PIE'],
      ['steps', 'COLUMN'],
    ]);
    const headerOf = (id: string) => layout.charts.find((c) => c.id === id)!.ranges.map((r) => cell(r.row, r.column));
    expect(headerOf('status')).toEqual(['Status']);
    expect(headerOf('unit')).toEqual(['Unit', 'Masih terbuka', 'Lewat tenggat']);
    expect(headerOf('weekly')).toEqual(['Minggu mulai']);
    expect(headerOf('channel')).toEqual(['Kanal', 'Diterima']);
    expect(headerOf('steps')).toEqual(['Langkah', 'Persentase tepat waktu']);
    const weekly = layout.charts.find((c) => c.id === 'weekly')!;
    expect(weekly.ranges[0]).toMatchObject({ numColumns: 5, numRows: 5 }); // week + 4 channels, header + 4 weeks
    expect(weekly.stacked).toBe(true);
    // Each chart's ranges lie inside the grid and charts do not overlap one another.
    for (const c of layout.charts)
      for (const r of c.ranges) expect(r.row + r.numRows - 1).toBeLessThanOrEqual(layout.values.length);
    expect(new Set(layout.charts.map((c) => c.anchor.row)).size).toBe(layout.charts.length);
    for (const c of layout.charts) expect(c.anchor.column).toBeGreaterThan(layout.width);
  });

  test('the unit chart series are the open and overdue counts of the unit table', () => {
    const unit = layout.charts.find((c) => c.id === 'unit')!;
    const [names, open, overdue] = unit.ranges.map((r) =>
      Array.from({ length: r.numRows - 1 }, (_, i) => cell(r.row + 1 + i, r.column)),
    );
    expect(names).toEqual(figures.byUnit.map((u) => u.key));
    expect(open).toEqual(figures.byUnit.map((u) => u.open));
    expect(overdue).toEqual(figures.byUnit.map((u) => u.overdue));
  });

  test('an empty feed still lays out every table, and only the weekly chart', () => {
    const empty = summaryLayout(computeFigures([], calendar, NOW));
    expect(empty.charts.map((c) => c.id)).toEqual(['weekly']);
    expect(empty.values.filter((r) => r[0] === 'Belum ada data.').length).toBeGreaterThanOrEqual(3);
  });

  test('carries no personal data', () => {
    const dump = JSON.stringify(layout);
    for (const s of COMPLAINTS.flatMap(personalStrings)) expect(dump.includes(s) ? s : '').toBe('');
  });
});
