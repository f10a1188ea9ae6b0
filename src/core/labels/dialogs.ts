/**
 * Dialogs, dropdown help and summaries shown to the operator and admins (menu items, setup),
 * in Bahasa Indonesia. Part of the labels module.
 */

const list = (items: string[], none: string) => (items.length ? items.join(', ') : none);

export const SETUP_TEXT = {
  dialogTitle: 'Siapkan / Perbarui selesai',
  createdTabs: (tabs: string[]) => `Tab dibuat: ${list(tabs, 'tidak ada (semua sudah ada)')}`,
  addedHeaders: (headers: string[]) => `Kolom ditambahkan: ${list(headers, 'tidak ada')}`,
  seeded: (items: string[]) => `Data awal: ${list(items, 'tidak ada (sudah terisi)')}`,
  seededRows: (tab: string, n: number) => `${tab} (${n} baris)`,
  seededKeys: (tab: string, n: number) => `${tab} (${n} kunci)`,
  unitTabs: (n: number) => `Tab unit aktif: ${n}`,
  form: (state: string) => `Formulir: ${state}`,
  formCreated: (url: string) => `dibuat (${url})`,
  formUpdated: (changes: string[]) => `diperbarui: ${changes.join(', ')}`,
  formChoices: (title: string) => `pilihan ${title}`,
  formUpToDate: 'sudah sesuai',
  triggers: (names: string[]) => `Pemicu dipasang: ${list(names, 'tidak ada (semua sudah terpasang)')}`,
  problems: (problems: string[]) => `Perlu diperiksa: ${problems.join(' ')}`,
  removedBlankTab: (name: string) => `(tab kosong "${name}" dihapus)`,
  tabRenamedBack: (was: string, name: string) => `(tab "${was}" dinamai kembali "${name}" sesuai tab Unit)`,
  timeZone: (from: string | null, zone: string) =>
    from
      ? `Zona waktu spreadsheet: diubah dari ${from} menjadi ${zone}`
      : `Zona waktu spreadsheet: ${zone} (sudah sesuai)`,
  formState: (s: {
    published: boolean;
    accepting: boolean;
    linked: boolean;
    emailCollection: string;
    responsesTab: string;
  }) =>
    `Status formulir: ${s.published ? 'dipublikasikan' : 'BELUM dipublikasikan'}; ` +
    `${s.accepting ? 'menerima jawaban' : 'TIDAK menerima jawaban'}; ` +
    `${s.linked ? 'tertaut ke spreadsheet ini' : 'BELUM tertaut ke spreadsheet ini'}; ` +
    `email pengisi: ${EMAIL_COLLECTION[s.emailCollection] ?? s.emailCollection}; ` +
    `tab respons: ${s.responsesTab || 'belum muncul (jalankan Siapkan / Perbarui lagi beberapa menit lagi)'}`,
  formFixed: (what: string[]) => `diperbaiki: ${what.map((w) => FORM_FIX[w] ?? w).join(', ')}`,
  formUnavailable: (error: string) =>
    `Formulir tidak dapat dibuka sementara (${error}); tidak ada formulir baru yang dibuat. Jalankan Siapkan / Perbarui lagi beberapa menit lagi.`,
  formNotAccepting: 'Formulir tidak menerima jawaban: buka formulir › tab Jawaban › aktifkan "Menerima jawaban".',
  protectionsNotInEffect: (tabs: string[]) =>
    `Proteksi belum berlaku pada: ${tabs.join(', ')}. Buka Data › Lindungi sheet dan rentang, lalu atur editornya.`,
} as const;

const EMAIL_COLLECTION: Record<string, string> = {
  VERIFIED: 'dikumpulkan (terverifikasi)',
  RESPONDER_INPUT: 'diisi pengisi (tidak terverifikasi)',
  DO_NOT_COLLECT: 'TIDAK dikumpulkan',
  YA: 'dikumpulkan',
  TIDAK: 'TIDAK dikumpulkan',
};

const FORM_FIX: Record<string, string> = {
  published: 'dipublikasikan',
  title: 'judul diisi',
  linked: 'ditautkan ulang ke spreadsheet ini',
  email: 'pengumpulan email diaktifkan',
};

/** Names of the installed triggers, as the setup summary lists them. */
export const TRIGGER_NAME = {
  formSubmit: 'kirim formulir',
  edit: 'edit',
  open: 'buka spreadsheet',
  daily: (hour: number) => `harian pukul ${String(hour).padStart(2, '0')}.00 WIB`,
  hourly: 'per jam',
} as const;

/** Help shown on the dropdown cells. */
export const DROPDOWN_HELP = {
  unit: 'Pilih unit tujuan. Mengganti unit = mengalihkan pengaduan.',
  status: 'Admin memilih "Dijawab" (isi Jawaban dulu) atau "Ditutup" (isi Alasan Ditutup dulu).',
  category: 'Kategori pengaduan.',
  officerStatus: 'Pilih "Diproses" saat mulai menangani; isi Hasil Tindak Lanjut lalu pilih "Selesai".',
} as const;

export const MENU_TEXT = {
  formSynced: (changes: string[]) => `Diperbarui: ${changes.join(', ')}.`,
  formAlreadySynced: 'Pilihan formulir sudah sesuai dengan tab Unit dan Pengaturan.',
  reconcile: (r: {
    registered: number;
    officerUpdates: number;
    rebuiltTabs: string[];
    derivedUpdated: number;
    queuedEmails: number;
  }) =>
    [
      `Respons formulir yang baru dicatat: ${r.registered}`,
      `Isian petugas yang diambil: ${r.officerUpdates}`,
      `Tab unit yang dibangun ulang: ${list(r.rebuiltTabs, 'tidak ada')}`,
      `Tenggat/ketepatan waktu diperbarui: ${r.derivedUpdated} pengaduan`,
      `Email penugasan diantrekan: ${r.queuedEmails}`,
    ].join('\n'),
} as const;
