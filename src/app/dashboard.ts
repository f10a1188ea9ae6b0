/**
 * Leadership dashboard feed (DESIGN §9, issue 6): `Dasbor Data` and `Ringkasan`.
 * Not implemented yet: the tab is created by setup with these headers; refreshing it is not.
 */
export const DASHBOARD_HEADERS = ['No. Pengaduan', 'Tanggal Diterima', 'Bulan', 'Kanal', 'Kategori', 'Unit', 'Jenis Unit', 'Status', 'Langkah Saat Ini'];

export function refreshDashboard(): void {
  throw new Error('not implemented: refreshDashboard (issue 6)');
}
