/** What the operator reads when setup continues in the background (src/core/setup-phases.ts). */
import type { SetupPhase } from '../setup-phases';

export const SETUP_PHASE_NAME: Record<SetupPhase, string> = {
  config: 'zona waktu dan tab konfigurasi',
  register: 'tab Pengaduan',
  unitTabs: 'tab unit',
  systemTabs: 'tab sistem',
  protections: 'proteksi',
  form: 'formulir',
  triggers: 'pemicu',
  reconcile: 'rekonsiliasi',
  dashboard: 'dasbor dan ringkasan',
};

export const SETUP_PHASE_TEXT = {
  dialogTitle: 'Siapkan / Perbarui berlanjut di latar belakang',
  continuing: (done: SetupPhase[], next: SetupPhase) =>
    `Sudah selesai: ${done.map((p) => SETUP_PHASE_NAME[p]).join(', ') || '-'}. ` +
    `Tahap berikutnya (${SETUP_PHASE_NAME[next]}) dan sisanya berjalan di latar belakang dalam beberapa menit; ` +
    'ringkasan lengkap dicatat di tab Riwayat. Tidak perlu menjalankan Siapkan / Perbarui lagi.',
} as const;
