/**
 * The operator tools end to end (issue 17) on the shipped 4-week sample, run once:
 * - `backup` through the real googleapis client against the local fake Sheets API yields the
 *   very workbook.json `npm start` writes (and out/backup/ holds the same);
 * - a backup is never overwritten;
 * - `doctor --from out/backup` exits 0 on the sample and 1 when something needs the operator;
 * - `rehearse --from out/backup --days 2` exits 0 and reports what setup and two days change,
 *   including tabs, columns and rows an older workbook lacks.
 * Needs dist/Code.js (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SCENARIO, SimulationResult, simulate } from '../../scripts/simulate';
import { loadScenario } from '../../scripts/sim/scenario';
import { FakeSheetsApi, startFakeSheetsApi } from '../../emulator/fakes/sheets-api/server';
import { parseArgs, run } from '../../scripts/ops/cli';
import { BackupExistsError, readBackup, snapshotsOf } from '../../scripts/ops/backup-format';
import { loadWorkbook } from '../../scripts/ops/load-workbook';
import { workbookJson } from '../../scripts/sim/outputs';
import { GasRuntime } from '../../emulator/runtime';
import { RehearsalReport } from '../../scripts/ops/rehearse';

const ROOT = resolve(__dirname, '..', '..');
let dir: string;
let sim: SimulationResult;
let fake: FakeSheetsApi;

async function cli(argv: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await run(argv, (l) => out.push(l));
  return { code, out };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ops-e2e-'));
  sim = await simulate(loadScenario(DEFAULT_SCENARIO), join(dir, 'out'), () => undefined);
  fake = await startFakeSheetsApi({ spreadsheets: [sim.runtime.spreadsheet] });
}, 120_000);

afterAll(async () => {
  await fake?.close();
});

describe('backup', () => {
  test('round-trips the sample through the Sheets API into the same workbook.json', async () => {
    const id = sim.runtime.spreadsheet.getId();
    const out = join(dir, 'api-backup');
    const { code, out: lines } = await cli(['backup', '--spreadsheet', id, '--out', out, '--api-root', fake.rootUrl]);
    expect(code).toBe(0);
    const expected = readFileSync(join(dir, 'out', 'workbook.json'), 'utf8');
    expect(readFileSync(join(out, 'workbook.json'), 'utf8')).toBe(expected);
    expect(readFileSync(join(dir, 'out', 'backup', 'workbook.json'), 'utf8')).toBe(expected);
    expect(existsSync(join(out, 'workbook.xlsx'))).toBe(true);
    // A progress line per tab, and one spreadsheets.get + batchGets covering all tabs at once.
    const tabs = sim.runtime.spreadsheet.getSheets().map((s) => s.getName());
    for (const t of tabs) expect(lines.some((l) => l.startsWith(`  ${t}: `))).toBe(true);
    const calls = fake.requests.filter((r) => r.status === 200);
    expect(calls.filter((r) => !r.path.endsWith(':batchGet'))).toHaveLength(1);
    const batches = calls.filter((r) => r.path.endsWith(':batchGet'));
    expect(
      batches.map((b) => `${String(b.query.valueRenderOption)} ${String(b.query.dateTimeRenderOption ?? '')}`.trim()),
    ).toEqual(['FORMATTED_VALUE', 'UNFORMATTED_VALUE SERIAL_NUMBER', 'UNFORMATTED_VALUE FORMATTED_STRING']);
    for (const b of batches) expect(b.query.ranges).toHaveLength(tabs.length);
    const info = JSON.parse(readFileSync(join(out, 'backup-info.json'), 'utf8'));
    expect(info).toMatchObject({
      source: 'sheets-api',
      spreadsheetId: id,
      title: 'Pengaduan Medsos Disbud DKI',
      timeZone: 'Asia/Jakarta',
    });
    // Dates read back as the instants they were.
    const back = readBackup(out).sheets.find((s) => s.name === 'Pengaduan')!;
    expect(back.values[1][1]).toEqual(new Date('2026-03-09T08:12:00+07:00'));
  });

  test('refuses to overwrite an existing backup', async () => {
    const id = sim.runtime.spreadsheet.getId();
    await expect(
      cli(['backup', '--spreadsheet', id, '--out', join(dir, 'out', 'backup'), '--api-root', fake.rootUrl]),
    ).rejects.toThrow(BackupExistsError);
    await expect(
      cli(['backup', '--spreadsheet', id, '--out', join(dir, 'out', 'backup'), '--api-root', fake.rootUrl]),
    ).rejects.toThrow('tidak pernah ditimpa');
  });

  test("an unknown spreadsheet is the API's 404, not a backup", async () => {
    await expect(
      cli(['backup', '--spreadsheet', 'x'.repeat(20), '--out', join(dir, 'none'), '--api-root', fake.rootUrl]),
    ).rejects.toMatchObject({ response: { status: 404 } });
    expect(existsSync(join(dir, 'none', 'workbook.json'))).toBe(false);
  });
});

describe('doctor', () => {
  test('the sample is healthy: exit 0 and a report per area', async () => {
    const { code, out } = await cli(['doctor', '--from', join(dir, 'out', 'backup')]);
    expect(code).toBe(0);
    for (const area of ['Konfigurasi', 'Register', 'Penomoran', 'Tab unit', 'Jawaban formulir', 'Antrean email'])
      expect(out.some((l) => l.startsWith(`${area}:`))).toBe(true);
    expect(out.join('\n')).toContain('43 jawaban; register: 49 pengaduan (43 dari formulir, 6 dari Kotak Masuk)');
    expect(out[out.length - 1]).toMatch(/^Hasil: sehat/);
  });

  test('the same through the Sheets API', async () => {
    const { code } = await cli([
      'doctor',
      '--spreadsheet',
      sim.runtime.spreadsheet.getId(),
      '--api-root',
      fake.rootUrl,
    ]);
    expect(code).toBe(0);
  });

  test('a duplicated number makes it exit 1 (as a process, too)', () => {
    const broken = join(dir, 'broken');
    cpSync(join(dir, 'out', 'backup'), broken, { recursive: true });
    const wb = JSON.parse(readFileSync(join(broken, 'workbook.json'), 'utf8'));
    const reg = wb.find((s: { name: string }) => s.name === 'Pengaduan');
    reg.values[2][0] = reg.values[1][0];
    reg.rows[2][0] = reg.rows[1][0];
    writeFileSync(join(broken, 'workbook.json'), JSON.stringify(wb));
    let status = 0;
    let stdout = '';
    try {
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          join(ROOT, 'scripts', 'ops', 'cli.ts'),
          'doctor',
          '--from',
          broken,
        ],
        { encoding: 'utf8' },
      );
    } catch (e) {
      status = (e as { status: number }).status;
      stdout = (e as { stdout: string }).stdout;
    }
    expect(status).toBe(1);
    expect(stdout).toContain('Nomor ADU-2026-0001 dipakai 2 kali');
    expect(stdout).toContain('ADU-2026-0002'); // now missing: a gap
  }, 60_000);
});

describe('rehearse', () => {
  test('the workbook loaded into the runtime is the backup, display included (before setup runs)', () => {
    const b = readBackup(join(dir, 'out', 'backup'));
    const rt = new GasRuntime({ start: b.info!.takenAt, owner: 'operator@example.org' });
    const loaded = loadWorkbook(rt, b.sheets);
    expect(loaded.responsesTab).toBe('Form Responses 1');
    expect(loaded.unmatchedDates).toBe(0);
    expect(`${JSON.stringify(workbookJson(snapshotsOf(rt.spreadsheet)), null, 2)}\n`).toBe(
      readFileSync(join(dir, 'out', 'backup', 'workbook.json'), 'utf8'),
    );
    // The responses tab is the linked form's, and the layout points setup at that form.
    const tab = rt.spreadsheet.getSheetByName('Form Responses 1')!;
    expect(tab.getFormUrl()).toContain(loaded.formId!);
    expect(rt.propertiesService.getScriptProperties().getProperty('layout.0')).toContain(loaded.formId!);
  });

  test('the sample, 2 days: exit 0, setup changes nothing structural, emails of the next days listed', async () => {
    const outDir = join(dir, 'rehearsal');
    const { code, out } = await cli(['rehearse', '--from', join(dir, 'out', 'backup'), '--days', '2', '--out', outDir]);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(outDir, 'rehearsal.json'), 'utf8')) as RehearsalReport;
    expect(report.setup.ok).toBe(true);
    expect(report.responsesTab).toBe('Form Responses 1');
    expect(report.setup.addedTabs).toEqual([]);
    expect(report.setup.tabs.flatMap((t) => t.addedColumns)).toEqual([]);
    // Nothing to repair in a consistent workbook: setup rewrites no complaint row.
    expect(report.setup.tabs.filter((t) => t.tab === 'Pengaduan' || t.tab.startsWith('UP '))).toEqual([]);
    expect(report.protections.length).toBeGreaterThan(20);
    expect(report.start).toBe('2026-04-06T17:00:00+07:00');
    expect(report.end).toBe('2026-04-08T17:00:00+07:00');
    // Two working days of reminders: the daily job ran and mail went out (nothing really sent).
    expect(report.emailsSent).toBeGreaterThan(0);
    expect(report.emails.map((e) => e.kind)).toContain('Pengingat harian');
    expect(report.failedRuns).toEqual([]);
    const text = out.join('\n');
    expect(text).toContain('Email yang akan keluar');
    expect(text).toMatch(/Pengingat harian: \d+/);
    expect(existsSync(join(outDir, 'workbook.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(outDir, 'outbox.json'), 'utf8'))).toHaveLength(report.emailsSent);
    // A second rehearsal into the same folder replaces its own output.
    expect((await cli(['rehearse', '--from', join(dir, 'out', 'backup'), '--days', '0', '--out', outDir])).code).toBe(
      0,
    );
  });

  test('an older workbook: the tabs, columns and rows setup would add are reported', async () => {
    const old = join(dir, 'old');
    cpSync(join(dir, 'out', 'backup'), old, { recursive: true });
    const wb = JSON.parse(readFileSync(join(old, 'workbook.json'), 'utf8')) as {
      name: string;
      rows: string[][];
      values: unknown[][];
    }[];
    const kept = wb.filter((s) => s.name !== 'Dasbor Data');
    const reg = kept.find((s) => s.name === 'Pengaduan')!;
    const col = reg.rows[0].indexOf('Diperbarui');
    for (const grid of [reg.rows, reg.values]) for (const row of grid) row.splice(col, 1);
    const unit = kept.find((s) => s.name === 'UP Museum Seni')!;
    for (const grid of [unit.rows, unit.values]) grid.splice(1, 1);
    writeFileSync(join(old, 'workbook.json'), JSON.stringify(kept));
    const { code, out } = await cli(['rehearse', '--from', old, '--days', '0']);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(`${old}-rehearsal`, 'rehearsal.json'), 'utf8')) as RehearsalReport;
    expect(report.setup.addedTabs).toContain('Dasbor Data');
    expect(report.setup.tabs.find((t) => t.tab === 'Pengaduan')?.addedColumns).toEqual(['Diperbarui']);
    expect(report.setup.tabs.find((t) => t.tab === 'UP Museum Seni')?.addedRows).toBe(1);
    const text = out.join('\n');
    expect(text).toMatch(/Tab baru\s+: .*Dasbor Data/);
    expect(text).toContain('Pengaduan: Diperbarui');
  });

  test('straight from the Sheets API: the same rehearsal, after-state in its own folder', async () => {
    const outDir = join(dir, 'from-api');
    const { code, out } = await cli([
      'rehearse',
      '--spreadsheet',
      sim.runtime.spreadsheet.getId(),
      '--api-root',
      fake.rootUrl,
      '--days',
      '1',
      '--out',
      outDir,
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(outDir, 'rehearsal.json'), 'utf8')) as RehearsalReport;
    expect(report.setup.ok).toBe(true);
    expect(report.responsesTab).toBe('Form Responses 1');
    expect(report.setup.addedTabs).toEqual([]);
    expect(out.some((l) => l.startsWith('  Pengaduan: '))).toBe(true); // the read's progress line
  });

  test('--days must be a whole number, and exactly one source is given', async () => {
    await expect(cli(['rehearse', '--from', 'x', '--days', '1.5'])).rejects.toThrow('--days');
    await expect(cli(['rehearse'])).rejects.toThrow('tepat satu');
    await expect(cli(['doctor', '--from', 'x', '--spreadsheet', 'y'.repeat(20)])).rejects.toThrow('tepat satu');
    await expect(cli(['backup'])).rejects.toThrow('--spreadsheet');
    await expect(
      cli(['backup', '--spreadsheet', 'abc', '--api-root', 'https://sheets.googleapis.com/']),
    ).rejects.toThrow('bukan id');
    await expect(cli(['restore'])).rejects.toThrow('Perintah tidak dikenal');
  });

  test('--spreadsheet takes the id or the whole address; --api-root only on this machine', () => {
    expect(
      parseArgs(['doctor', '--spreadsheet', 'https://docs.google.com/spreadsheets/d/1AbC-dEf_0123456789/edit#gid=0'])
        .spreadsheet,
    ).toBe('1AbC-dEf_0123456789');
    expect(() =>
      parseArgs(['doctor', '--spreadsheet', '1AbC-dEf_0123456789', '--api-root', 'https://sheets.googleapis.com/']),
    ).toThrow('127.0.0.1');
  });
});
