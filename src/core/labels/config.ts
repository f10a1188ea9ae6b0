/**
 * What the operator reads when a value typed in `Unit`, `Pengaturan` or `Hari Libur` cannot be
 * used (src/core/config.ts: the default is used instead, and the problem goes to Log Galat).
 * The defaults and descriptions of the `Pengaturan` rows stay next to their keys in config.ts.
 */
export const CONFIG_PROBLEM = {
  exceptionUnreadableExample: (line: string) =>
    `Jam kerja khusus "${line}" tidak dapat dibaca (contoh: 2026-02-19..2026-03-18: senin-kamis 08:00-15:00; jumat 08:00-15:30).`,
  exceptionUnreadable: (line: string) => `Jam kerja khusus "${line}" tidak dapat dibaca.`,
  badEmails: (where: string, bad: readonly string[]) =>
    `${where}: alamat email tidak sah diabaikan: ${bad.join(', ')}.`,
  trackingUrlNotHttps: (value: string) =>
    `Pengaturan url_pantau = "${value}" bukan URL https; kolom Tautan Pantau memakai URL deployment aplikasi web.`,
  badInteger: (key: string, raw: string, min: number, max: number, def: number) =>
    `Pengaturan ${key} = "${raw}" tidak sah (harus bilangan bulat ${min}–${max}); dipakai ${def}.`,
  badHours: (day: string, raw: string) =>
    `Pengaturan jam_kerja_${day} = "${raw}" tidak dapat dibaca (contoh 08:00-16:00); dipakai nilai bawaan.`,
  duplicateUnit: (row: number, name: string) => `Tab Unit baris ${row}: unit "${name}" ganda; baris ini diabaikan.`,
  badHolidayDate: (row: number, typed: string) =>
    `Tab Hari Libur baris ${row}: tanggal "${typed}" tidak dapat dibaca; baris diabaikan.`,
  /** Where a bad email was typed (the first part of badEmails). */
  unitPics: (unit: string) => `Tab Unit "${unit}" Email PIC`,
  unitHead: (unit: string) => `Tab Unit "${unit}" Email Kepala`,
  setting: (key: string) => `Pengaturan ${key}`,
} as const;

/** A tab lacks columns the code needs (src/core/rows.ts MissingColumnsError): setup adds them back. */
export const missingColumnsText = (tab: string, missing: readonly string[]) =>
  `Kolom ${missing.map((m) => `"${m}"`).join(', ')} tidak ditemukan di tab "${tab}". Jalankan menu Pengaduan › Siapkan / Perbarui.`;
