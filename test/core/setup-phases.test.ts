import {
  SETUP_BUDGET_MS,
  SETUP_PHASES,
  budgetOf,
  isSetupPhase,
  phaseAfter,
  shouldHandOver,
} from '../../src/core/setup-phases';
import { SETUP_PHASE_NAME, SETUP_PHASE_TEXT } from '../../src/core/labels/setup-phases';

describe('setup phases (issue 13 item 1)', () => {
  test('the phases run in order: time zone and config first, the summary last', () => {
    expect(SETUP_PHASES[0]).toBe('config');
    expect(SETUP_PHASES.at(-1)).toBe('dashboard');
    expect(SETUP_PHASES.indexOf('protections')).toBeGreaterThan(SETUP_PHASES.indexOf('systemTabs'));
    expect(SETUP_PHASES.indexOf('form')).toBeLessThan(SETUP_PHASES.indexOf('triggers'));
    const chain: string[] = [];
    for (let p: (typeof SETUP_PHASES)[number] | null = 'config'; p; p = phaseAfter(p)) chain.push(p);
    expect(chain).toEqual([...SETUP_PHASES]);
    expect(isSetupPhase('reconcile')).toBe(true);
    expect(isSetupPhase('reconcil')).toBe(false);
    expect(isSetupPhase(3)).toBe(false);
  });

  test('an execution hands over before a phase that would pass the budget, never before its first', () => {
    expect(shouldHandOver(true, 10 * SETUP_BUDGET_MS, 0, SETUP_BUDGET_MS)).toBe(false);
    expect(shouldHandOver(false, 60_000, 120_000, SETUP_BUDGET_MS)).toBe(false);
    expect(shouldHandOver(false, 150_000, 120_000, SETUP_BUDGET_MS)).toBe(true);
    expect(shouldHandOver(false, SETUP_BUDGET_MS, 0, SETUP_BUDGET_MS)).toBe(true);
    expect(shouldHandOver(false, 0, 0, 0)).toBe(true); // budget 0: one phase per execution
  });

  test('the budget is 4 minutes unless the setup.budgetMs property sets a valid one', () => {
    expect(SETUP_BUDGET_MS).toBe(240_000);
    expect(budgetOf(undefined)).toBe(SETUP_BUDGET_MS);
    expect(budgetOf(' ')).toBe(SETUP_BUDGET_MS);
    expect(budgetOf('abc')).toBe(SETUP_BUDGET_MS);
    expect(budgetOf('-5')).toBe(SETUP_BUDGET_MS);
    expect(budgetOf('0')).toBe(0);
    expect(budgetOf('30000')).toBe(30_000);
  });

  test('every phase has an Indonesian name for the dialog', () => {
    for (const p of SETUP_PHASES) expect(SETUP_PHASE_NAME[p]).toMatch(/\S/);
    expect(SETUP_PHASE_TEXT.continuing(['config'], 'register')).toBe(
      'Sudah selesai: zona waktu dan tab konfigurasi. Tahap berikutnya (tab Pengaduan) dan sisanya berjalan di latar belakang dalam beberapa menit; ' +
        'ringkasan lengkap dicatat di tab Riwayat. Tidak perlu menjalankan Siapkan / Perbarui lagi.',
    );
  });
});
