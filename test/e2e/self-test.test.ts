/**
 * The self-test (DESIGN §13) on the built dist/Code.js in the local runtime: the same entry point
 * the menu Pengaduan › Uji kecocokan sistem calls on Google. The runtime takes Google's side, so
 * a check that fails here is a runtime bug or a system bug, never a reason to bend the check.
 * `npm test` builds before jest runs; this test builds nothing itself.
 */
import { installedRuntime, runSelfTest, selfTestOn } from '../../scripts/selftest';
import { CHECK_IDS } from '../../src/core/self-test/checks';
import { SELF_TEST_HEADERS, SELF_TEST_SCRATCH_TAB, SELF_TEST_TAB } from '../../src/core/labels/self-test';
import type { GasRuntime } from '../../emulator';

const verdicts = (results: { id: string; verdict: string }[]) =>
  Object.fromEntries(results.map((r) => [r.id, r.verdict]));

/** Everything the system owns: every tab but the self-test's own, the script state, the triggers. */
function systemState(rt: GasRuntime) {
  const tabs = rt.spreadsheet
    ._snapshot()
    .sheets.filter((s) => s.name !== SELF_TEST_TAB)
    .map((s) => ({ name: s.name, values: s.values }));
  const properties = rt.propertiesService.getScriptProperties().getProperties();
  const triggers = rt.triggers.map((t) => `${t.handler}:${t.eventType}`).sort();
  return { tabs, properties, triggers };
}

test('no check of the self-test fails on the local runtime (on the built bundle)', () => {
  const { results, lines } = runSelfTest();
  expect(results.map((r) => r.id)).toEqual(CHECK_IDS);
  expect(lines[lines.length - 1]).toMatch(/^\d+ passed, \d+ failed$/);
  const failed = results
    .filter((r) => r.verdict === 'gagal')
    .map((r) => `${r.id}: expected ${r.expected}; seen ${r.seen}`);
  expect(failed).toEqual([]);
});

test('the run writes one Uji Sistem row per check, removes its scratch tab and leaves the system as it was, in under a minute', () => {
  const rt = installedRuntime();
  const before = systemState(rt);
  const sentBefore = rt.outbox.length;
  const { results, estimatedMs } = selfTestOn(rt);
  expect(systemState(rt)).toEqual(before);
  expect(rt.spreadsheet.getSheetByName(SELF_TEST_SCRATCH_TAB)).toBeNull();
  const tab = rt.spreadsheet.getSheetByName(SELF_TEST_TAB)!;
  const values = tab.getDataRange().getValues();
  expect(values[0]).toEqual([...SELF_TEST_HEADERS]);
  expect(values.slice(1).map((row) => [row[1], row[3]])).toEqual(results.map((r) => [r.id, r.verdict]));
  expect(values.slice(1).every((row) => String(row[7]).startsWith('https://'))).toBe(true);
  const alert = rt.spreadsheetApp._ui._alerts[rt.spreadsheetApp._ui._alerts.length - 1];
  expect(alert.title).toBe('Uji kecocokan sistem');
  expect(alert.prompt).toContain(`${results.length} pemeriksaan`);
  expect(estimatedMs).toBeLessThan(60_000);
  // One test email, to the operator only.
  expect(rt.outbox.slice(sentBefore).map((m) => m.to)).toEqual([[rt.env.owner]]);
});

test('checks fail or are skipped, with the reason, when the account does not behave as the system needs', () => {
  const unsubscribed = runSelfTest({ subscribeHolidays: false, lockHeldMs: 0 });
  const v = verdicts(unsubscribed.results);
  expect(v['kalender.libur']).toBe('gagal');
  expect(v['kalender.null']).toBe('lulus');
  const lock = unsubscribed.results.find((r) => r.id === 'kunci.rebutan')!;
  expect(lock.verdict).toBe('dilewati');
  expect(lock.reason).toMatch(/eksekusi lain/);

  const consumer = runSelfTest({ owner: 'operator.disbud@gmail.com' });
  expect(verdicts(consumer.results)['pengguna.penyunting']).toBe('gagal');
  expect(consumer.results.find((r) => r.id === 'pengguna.penyunting')!.seen).toMatch(/gmail\.com/);
});

test('an exhausted email quota skips the test email instead of failing it', () => {
  const rt = installedRuntime({ mailQuota: 0 });
  const mail = selfTestOn(rt).results.find((r) => r.id === 'surel.kirim')!;
  expect(mail.verdict).toBe('dilewati');
  expect(mail.reason).toMatch(/kuota/i);
});

test('on an account outside GMT+7 the self-test finds the spreadsheet zone before setup, and setup fixes it', () => {
  const before = runSelfTest({ accountTimeZone: 'America/New_York', setup: false });
  const v = verdicts(before.results);
  expect(before.results.find((r) => r.id === 'zona.spreadsheet')!.seen).toBe('America/New_York');
  expect(v['zona.spreadsheet']).toBe('gagal');
  // Typed date-times are still read as wall-clock time in the spreadsheet's own zone.
  expect(v['zona.jawaban']).toBe('lulus');
  expect(v['pemicu.pemilik']).toBe('gagal');
  expect(before.results.find((r) => r.id === 'formulir.terbit')!.seen).toMatch(/Siapkan/);

  const after = runSelfTest({ accountTimeZone: 'America/New_York', users: ['pic.a@example.org'] });
  expect(after.results.filter((r) => r.verdict === 'gagal').map((r) => r.id)).toEqual([]);
  // The new protection mirrored the sharing (the shared editor, not the owner) until changed.
  expect(after.results.find((r) => r.id === 'lindungi.baru')!.seen).toBe('editor: pic.a@example.org');
});

test('an admin who is not the operator can run it from the menu; trigger ownership is skipped with the reason', () => {
  const admin = 'admin.medsos@example.org';
  const rt = installedRuntime({ users: [admin] });
  rt.openSpreadsheet(admin);
  const sentBefore = rt.outbox.length;
  const run = rt.clickMenu(admin, ['Pengaduan', 'Uji kecocokan sistem']);
  expect(run.ok).toBe(true);
  const results = (run.value as { results: { id: string; verdict: string; reason?: string }[] }).results;
  const triggers = results.find((r) => r.id === 'pemicu.pemilik')!;
  expect(triggers.verdict).toBe('dilewati');
  expect(triggers.reason).toContain(rt.env.owner);
  expect(results.filter((r) => r.verdict === 'gagal').map((r) => r.id)).toEqual([]);
  expect(rt.outbox.slice(sentBefore).map((m) => m.to)).toEqual([[admin]]);
});
