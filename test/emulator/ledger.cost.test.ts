/**
 * The calibrated cost model (emulator/ledger.ts, rules declared by each service module): the
 * figures come from published measurements, each rule names its source.
 */
import { GasRuntime } from '../../emulator/runtime';
import { BATCH_COMMIT_MS } from '../../emulator/ledger';
import { estimateCallMs } from '../../emulator/registry';

function runOf(body: string) {
  const rt = new GasRuntime();
  rt.load(`function f() { ${body} }`);
  rt.call('f');
  return rt.ledger.last()!;
}

// https://ziritione.org/post/apps_script_performance (set avg 62 ms, get avg 30 ms)
test('Properties: ~60 ms a write, ~30 ms a read', () => {
  expect(estimateCallMs('Properties.setProperty')).toBe(60);
  expect(estimateCallMs('Properties.getProperty')).toBe(30);
  const run = runOf(`var p = PropertiesService.getScriptProperties(); p.setProperty('a', '1'); p.getProperty('a');`);
  expect(run.estimatedMs).toBe(1 + 60 + 30);
});

// https://developers.google.com/apps-script/guides/support/best-practices (interleaving reads and writes is slow);
// a write followed by a read or flush commits the batch (~0.5 s)
test('spreadsheet writes are batched: a read or flush after writes commits them once, at BATCH_COMMIT_MS', () => {
  const sheet = `var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];`;
  const batched = runOf(
    `${sheet} s.getRange('A1').setValue(1); s.getRange('A2').setValue(2); s.getRange('A1:A2').getValues();`,
  );
  const interleaved = runOf(
    `${sheet} s.getRange('A1').setValue(1); s.getRange('A1').getValue(); s.getRange('A2').setValue(2); s.getRange('A2').getValue();`,
  );
  expect(batched.commits).toBe(1);
  expect(interleaved.commits).toBe(2);
  expect(interleaved.estimatedMs - batched.estimatedMs).toBeGreaterThanOrEqual(BATCH_COMMIT_MS);
  expect(runOf(`SpreadsheetApp.flush();`).commits).toBe(0);
  expect(runOf(`${sheet} s.getRange('A1').setValue(1); SpreadsheetApp.flush();`).commits).toBe(1);
  // A run that ends with queued writes pays the commit at the end.
  expect(runOf(`${sheet} s.getRange('A1').setValue(1);`).commits).toBe(1);
});
