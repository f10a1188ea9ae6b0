/**
 * What the lifecycle rules and the intake checks tell people, in Bahasa Indonesia: the notes and
 * toasts an officer or admin sees when a change is refused, and what "Perlu Diperiksa" says about
 * a form answer. Part of the labels module (DESIGN §2: user-facing strings in one place).
 */

export const REFUSAL = {
  answerWithoutUnit:
    'Pengaduan ini belum diteruskan ke unit mana pun, jadi belum dapat "Dijawab". Pilih unit di kolom Unit (langkah 2), atau tutup dengan "Ditutup" dan isi Alasan Ditutup.',
  closedOfficerText: (number: string, status: string) =>
    `Pengaduan ${number} sudah ${status.toLowerCase()}; isian petugas tidak dapat diubah lagi.`,
  followUpRequiredKept: 'Kolom "Hasil Tindak Lanjut" tidak boleh dikosongkan setelah status "Selesai".',
  closedStatus: (number: string, status: string) =>
    `Pengaduan ${number} sudah ${status.toLowerCase()}; status tidak dapat diubah.`,
  unknownOfficerStatus: (typed: string, choices: string[]) =>
    `Status "${typed}" tidak dikenal. Pilih salah satu: ${choices.join(', ')}.`,
  backwards: (from: string, to: string) => `Status tidak boleh mundur dari "${from}" ke "${to}".`,
  followUpFirst: 'Isi kolom "Hasil Tindak Lanjut" terlebih dahulu, lalu pilih status "Selesai".',
  replyKept: 'Kolom "Jawaban" tidak boleh dikosongkan pada pengaduan yang sudah dijawab.',
  closeReasonKept: 'Kolom "Alasan Ditutup" tidak boleh dikosongkan pada pengaduan yang sudah ditutup.',
  closedUnit: (number: string, status: string) =>
    `Pengaduan ${number} sudah ${status.toLowerCase()}; unit tidak dapat diubah.`,
  unitCleared: 'Unit tidak boleh dikosongkan setelah pengaduan diteruskan.',
  unknownUnit: (unit: string) => `Unit "${unit}" tidak ada atau tidak aktif di tab Unit.`,
  replyFirst: 'Isi kolom "Jawaban" (jawaban kepada masyarakat) terlebih dahulu, lalu pilih status "Dijawab".',
  closeReasonFirst:
    'Isi kolom "Alasan Ditutup" (mis. spam, duplikat, bukan wewenang) terlebih dahulu, lalu pilih status "Ditutup".',
  systemStatus: (status: string) =>
    `Status "${status}" diisi otomatis oleh sistem atau oleh petugas unit. Admin dapat memilih "Dijawab" atau "Ditutup", atau mengganti Unit.`,
} as const;

export const INTAKE_PROBLEM = {
  receivedInFuture: 'Waktu pengaduan berada di masa depan; dipakai waktu pencatatan.',
  receivedBlank: 'Waktu pengaduan kosong; dipakai waktu pencatatan.',
  receivedUnreadable: 'Waktu pengaduan tidak dapat dibaca; dipakai waktu pencatatan.',
  receivedLongBefore: (days: number) =>
    `Waktu pengaduan ${days} hari sebelum dicatat (lebih dari 30 hari); periksa tanggal, bulan dan tahunnya. Tenggat dihitung dari waktu ini.`,
  channelBlank: 'Kanal media sosial kosong.',
  channelUnknown: (channel: string) => `Kanal "${channel}" tidak dikenal.`,
  reporterBlank: 'Nama/akun pelapor kosong.',
  postUrlInvalid: 'Tautan unggahan bukan alamat http(s) yang sah.',
  textBlank: 'Isi pengaduan kosong.',
  textClipped: (length: number, where: string) =>
    `Isi pengaduan terlalu panjang (${length} karakter) dan dipotong; teks lengkap di ${where}.`,
  unitUnknown: (unit: string) => `Unit "${unit}" tidak ada atau tidak aktif di tab Unit; pilih unit secara manual.`,
} as const;

export const ROUTING_NOTE = {
  auto: (keyword: string) => `Ditentukan otomatis dari kata kunci "${keyword}".`,
  tie: (units: string[]) => `Penentuan otomatis ragu antara: ${units.join(', ')}; pilih unit secara manual.`,
  none: 'Penentuan otomatis tidak menemukan kata kunci yang cocok; pilih unit secara manual.',
} as const;
