/**
 * The kinds of the `Hari Libur` tab (DESIGN §3, §6), as the operator types and sees them. The
 * first three are non-working days; `working` marks a date as a working day (a working Saturday).
 */
export const HOLIDAY_KIND = {
  national: 'Libur nasional',
  collective: 'Cuti bersama',
  local: 'Libur lokal',
  working: 'Hari kerja',
} as const;
