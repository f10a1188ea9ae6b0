/** The dialog of Menu › Sinkron hari libur (src/app/holiday-sync.ts), in Bahasa Indonesia. */

export const HOLIDAY_SYNC_TEXT = {
  /** The run's name (Riwayat and Log Galat source). */
  action: 'Sinkron hari libur',
  /** The Riwayat field of an added date. */
  dateField: 'Tanggal',
  added: (n: number, tab: string) =>
    `Ditambahkan ${n} tanggal (sumber "Google Kalender"); mohon diperiksa di tab ${tab}.`,
  addedItem: (date: string, name: string, kind: string) => `${date} ${name} (${kind})`,
  skipped: (alreadyListed: number, observances: number) =>
    `Sudah ada: ${alreadyListed}; peringatan (bukan hari libur) dilewati: ${observances}.`,
} as const;
