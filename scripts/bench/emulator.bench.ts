/**
 * The local runtime at register scale: 50,000 rows × 30 columns written, read and sorted, in
 * CPU time (wall time is too noisy on a shared machine). Targets: read < 1 s, write < 3 s,
 * sort < 2 s, so that simulations and benchmarks of the real jobs measure the jobs, not the fake.
 */
import { GasEnv } from '../../emulator/env';
import { SpreadsheetAppService } from '../../emulator/spreadsheet';

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export async function runEmulatorBench(): Promise<{ lines: string[]; ok: boolean }> {
  const app = new SpreadsheetAppService(new GasEnv());
  const sheet = app.create('bench').insertSheet('Besar');
  sheet.insertRowsAfter(1000, 49_000);
  sheet.insertColumnsAfter(26, 4);
  const data = Array.from({ length: 50_000 }, (_, i) =>
    Array.from({ length: 30 }, (_, j) =>
      j === 0 ? i + 1 : j === 1 ? new Date(1.77e12 + i * 60_000) : `teks ${i}-${j}`,
    ),
  );
  const write = cpuMs(() => sheet.getRange(1, 1, 50_000, 30).setValues(data));
  const read = cpuMs(() => sheet.getDataRange().getValues());
  const sort = cpuMs(() => sheet.sort(1, false));
  const ok = read < 1000 && write < 3000 && sort < 2000;
  return {
    ok,
    lines: [
      'Local runtime, 50,000 × 30 cells (CPU ms):',
      `  setValues ${write.toFixed(0)} (target < 3000), getValues ${read.toFixed(0)} (target < 1000), sort ${sort.toFixed(0)} (target < 2000) ${ok ? 'OK' : 'MISSED'}`,
    ],
  };
}
