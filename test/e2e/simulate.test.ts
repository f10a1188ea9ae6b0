/**
 * The scenario runner (issue 7): bad files are refused with the event index and field, the same
 * scenario gives byte-identical JSON, and the workbook opens in an xlsx reader.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../../scripts/simulate';
import { ScenarioError, parseScenario } from '../../scripts/sim/scenario';

const base = {
  start: '2026-03-16T07:00:00+07:00',
  end: '2026-03-20T17:00:00+07:00',
  admins: ['admin.medsos@example.org'],
  events: [
    {
      at: '2026-03-16T09:10:00+07:00',
      by: 'admin.medsos@example.org',
      submit: {
        receivedAt: '2026-03-16T08:40:00+07:00',
        channel: 'Instagram',
        reporter: '@warga',
        postUrl: 'https://www.instagram.com/p/x',
        text: 'AC ruang pamer Museum Wayang mati',
        category: 'Fasilitas dan kebersihan',
        unit: 'UP Museum Seni',
      },
    },
    { at: '2026-03-16T11:00:00+07:00', by: 'pic.museum.seni@example.org', update: { ref: 1, status: 'Diproses' } },
    {
      at: '2026-03-17T09:00:00+07:00',
      by: 'pic.museum.seni@example.org',
      update: { ref: 1, followUp: 'AC diperbaiki', status: 'Selesai' },
    },
    {
      at: '2026-03-17T10:00:00+07:00',
      by: 'admin.medsos@example.org',
      answer: { ref: 1, reply: 'Terima kasih, sudah diperbaiki.' },
    },
  ],
};

describe('scenario validation', () => {
  test.each([
    [{ ...base, events: [{ ...base.events[0], at: 'kemarin' }] }, 'events[0].at'],
    [{ ...base, events: [base.events[1]] }, 'events[0].update.ref'],
    [
      { ...base, events: [base.events[0], { at: '2026-03-16T11:00:00+07:00', by: 'x@example.org', update: {} }] },
      'events[1].update',
    ],
    [
      {
        ...base,
        events: [base.events[0], { at: '2026-03-16T11:00:00+07:00', by: 'x@example.org', submit: {}, close: {} }],
      },
      'events[1]',
    ],
    [{ ...base, events: [base.events[1], base.events[0]] }, 'events[0]'],
    [{ ...base, end: base.start }, '.end'],
  ])('a bad scenario names the event and field (%#)', (scenario, where) => {
    expect(() => parseScenario(JSON.stringify(scenario), 'skenario.json')).toThrow(ScenarioError);
    expect(() => parseScenario(JSON.stringify(scenario), 'skenario.json')).toThrow(where);
  });

  test('not JSON', () => {
    expect(() => parseScenario('{', 'x.json')).toThrow('bukan JSON');
  });
});

describe('outputs', () => {
  test('same scenario twice → byte-identical JSON; the xlsx has every tab', async () => {
    const scenario = parseScenario(JSON.stringify(base));
    const a = mkdtempSync(join(tmpdir(), 'sim-a-'));
    const b = mkdtempSync(join(tmpdir(), 'sim-b-'));
    const quiet = () => undefined;
    const ra = await simulate(scenario, join(a, 'out'), quiet);
    await simulate(parseScenario(JSON.stringify(base)), join(b, 'out'), quiet);
    const files = readdirSync(join(a, 'out'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual([
      'complaints.json',
      'events.json',
      'ledger.json',
      'outbox.json',
      'ratings.json',
      'replies.json',
      'workbook.json',
    ]);
    for (const f of files)
      expect(readFileSync(join(a, 'out', f), 'utf8')).toBe(readFileSync(join(b, 'out', f), 'utf8'));

    const complaints = JSON.parse(readFileSync(join(a, 'out', 'complaints.json'), 'utf8'));
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({ number: 'ADU-2026-0001', status: 'Dijawab', late: false });
    // Step 5 started Tue 17 Mar 09:00; 18–24 Mar are holidays/cuti bersama → due Wed 25 Mar 09:00.
    expect(complaints[0].steps[4]).toMatchObject({
      startedAt: '2026-03-17T09:00:00+07:00',
      dueAt: '2026-03-25T09:00:00+07:00',
      state: 'on-time',
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(a, 'out', 'workbook.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    const tabs = ra.runtime.spreadsheet.getSheets().map((s) => s.getName().slice(0, 31));
    expect(names).toEqual(tabs);
    const register = wb.getWorksheet('Pengaduan')!;
    expect(register.getRow(1).getCell(1).value).toBe('No. Pengaduan');
    expect(register.getRow(2).getCell(1).value).toBe('ADU-2026-0001');
  });
});

describe('events a person could not have performed', () => {
  test('a form answer the form refuses is noted with its event index and the run goes on', async () => {
    const scenario = parseScenario(
      JSON.stringify({
        ...base,
        events: [
          { ...base.events[0], submit: { ...base.events[0].submit, unit: 'Unit Khayalan' } },
          { ...base.events[0], at: '2026-03-16T09:20:00+07:00' },
          {
            at: '2026-03-16T11:00:00+07:00',
            by: 'pic.museum.seni@example.org',
            update: { ref: 1, status: 'Diproses' },
          },
          {
            at: '2026-03-16T11:10:00+07:00',
            by: 'pic.museum.seni@example.org',
            update: { ref: 2, status: 'Diproses' },
          },
        ],
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'sim-bad-'));
    const result = await simulate(scenario, join(dir, 'out'), () => undefined);
    expect(result.problems.some((p) => p.startsWith('events[0]: submit: formulir menolak'))).toBe(true);
    expect(result.problems.some((p) => p.startsWith('events[2]: update.ref: kiriman ke-1'))).toBe(true);
    const complaints = JSON.parse(readFileSync(join(dir, 'out', 'complaints.json'), 'utf8'));
    expect(complaints.map((c: { number: string; status: string }) => [c.number, c.status])).toEqual([
      ['ADU-2026-0001', 'Diproses'],
    ]);
  });
});
