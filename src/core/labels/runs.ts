/**
 * The names of runs as `Riwayat` and `Log Galat` show them (the `Sumber` of an error, the
 * action of a journal entry), for the use cases that are not named after a menu item.
 */
export const RUN_NAME = {
  /** Errors of any menu item are logged under this source. */
  menu: 'Menu',
  syncForm: 'Sinkron formulir',
  reconcile: 'Rekonsiliasi',
  dashboard: 'Dasbor',
  openDashboard: 'Buka dasbor',
} as const;
