/**
 * The complaint: the register's row model, its statuses (DESIGN §5) and the columns of the
 * `Pengaduan` register and of the unit tabs. Columns are found by header name at run time
 * (users insert columns); the order here is only the order `setup` creates them in.
 */

export const CHANNELS = ['Instagram', 'Facebook', 'Twitter/X', 'YouTube'] as const;

export const STATUS = {
  new: 'Baru',
  forwarded: 'Diteruskan',
  processing: 'Diproses',
  followedUp: 'Ditindaklanjuti',
  answered: 'Dijawab',
  closed: 'Ditutup',
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];
export const ALL_STATUSES: Status[] = Object.values(STATUS);

/** What the officer picks in the unit tab; `Selesai` means "result returned" (step 4). */
export const OFFICER_STATUS = {
  forwarded: 'Diteruskan',
  processing: 'Diproses',
  done: 'Selesai',
} as const;
export const OFFICER_CHOICES: string[] = Object.values(OFFICER_STATUS);

export function isOpen(status: Status): boolean {
  return status !== STATUS.answered && status !== STATUS.closed;
}

/** The SOP step a complaint with this status is waiting on (DESIGN §1, §5); 0 when finished. */
export function currentStep(status: Status): 0 | 2 | 3 | 4 | 5 {
  switch (status) {
    case STATUS.new:
      return 2;
    case STATUS.forwarded:
      return 3;
    case STATUS.processing:
      return 4;
    case STATUS.followedUp:
      return 5;
    default:
      return 0;
  }
}

export interface Complaint {
  number: string;
  receivedAt: Date | null;
  recordedAt: Date;
  channel: string;
  reporter: string;
  postUrl: string;
  text: string;
  category: string;
  unit: string;
  /** The unit the system last recorded (protected): how an admin's unit change is detected. */
  assignedUnit: string;
  status: Status;
  initialResponse: string;
  forwardedAt: Date | null;
  reassignedAt: Date | null;
  processedAt: Date | null;
  followedUpAt: Date | null;
  followUp: string;
  officerNote: string;
  reply: string;
  replyUrl: string;
  answeredAt: Date | null;
  closeReason: string;
  closedAt: Date | null;
  /** Current step's due time and the overall due (derived, refreshed by the system). */
  stepDue: Date | null;
  overallDue: Date | null;
  /** Timeliness in words: Berjalan / Lewat tenggat / Tepat waktu / Terlambat / Ditutup. */
  timeliness: string;
  adminEmail: string;
  /** What the admin must check (invalid submission), '' when nothing. */
  problem: string;
  /** Idempotency key of the form response this complaint came from. */
  sourceKey: string;
  updatedAt: Date | null;
  /** The citizen's public tracking link (DESIGN §15), '' when the web app's URL is not known. */
  trackingUrl: string;
}

export type ComplaintKey = keyof Complaint;

export interface Column<K extends string = string> {
  key: K;
  header: string;
  kind: 'text' | 'date' | 'number';
  /** Who may type in it: 'admin' (register), 'officer' (unit tab) or nobody ('system'). */
  editor: 'system' | 'admin' | 'officer';
  width?: number;
}

const date = 'date' as const;
const text = 'text' as const;

/** The register `Pengaduan`. */
export const REGISTER_COLUMNS: Column<ComplaintKey>[] = [
  { key: 'number', header: 'No. Pengaduan', kind: text, editor: 'system', width: 120 },
  { key: 'receivedAt', header: 'Waktu Pengaduan', kind: date, editor: 'system', width: 130 },
  { key: 'recordedAt', header: 'Tercatat', kind: date, editor: 'system', width: 130 },
  { key: 'channel', header: 'Kanal', kind: text, editor: 'system', width: 90 },
  { key: 'reporter', header: 'Pelapor', kind: text, editor: 'system', width: 140 },
  { key: 'postUrl', header: 'Tautan Unggahan', kind: text, editor: 'system', width: 160 },
  { key: 'text', header: 'Isi Pengaduan', kind: text, editor: 'system', width: 320 },
  { key: 'category', header: 'Kategori', kind: text, editor: 'admin', width: 140 },
  { key: 'unit', header: 'Unit', kind: text, editor: 'admin', width: 200 },
  { key: 'status', header: 'Status', kind: text, editor: 'admin', width: 120 },
  { key: 'initialResponse', header: 'Tanggapan Awal', kind: text, editor: 'admin', width: 220 },
  { key: 'reply', header: 'Jawaban', kind: text, editor: 'admin', width: 260 },
  { key: 'replyUrl', header: 'Tautan Jawaban', kind: text, editor: 'admin', width: 160 },
  { key: 'closeReason', header: 'Alasan Ditutup', kind: text, editor: 'admin', width: 160 },
  { key: 'assignedUnit', header: 'Unit Tercatat', kind: text, editor: 'system', width: 200 },
  { key: 'forwardedAt', header: 'Diteruskan', kind: date, editor: 'system', width: 130 },
  { key: 'reassignedAt', header: 'Dialihkan', kind: date, editor: 'system', width: 130 },
  { key: 'processedAt', header: 'Diproses', kind: date, editor: 'system', width: 130 },
  { key: 'followedUpAt', header: 'Ditindaklanjuti', kind: date, editor: 'system', width: 130 },
  { key: 'followUp', header: 'Hasil Tindak Lanjut', kind: text, editor: 'system', width: 260 },
  { key: 'officerNote', header: 'Catatan Petugas', kind: text, editor: 'system', width: 200 },
  { key: 'answeredAt', header: 'Dijawab', kind: date, editor: 'system', width: 130 },
  { key: 'closedAt', header: 'Ditutup', kind: date, editor: 'system', width: 130 },
  { key: 'stepDue', header: 'Tenggat Langkah', kind: date, editor: 'system', width: 130 },
  { key: 'overallDue', header: 'Tenggat Akhir', kind: date, editor: 'system', width: 130 },
  { key: 'timeliness', header: 'Ketepatan Waktu', kind: text, editor: 'system', width: 120 },
  { key: 'adminEmail', header: 'Dicatat Oleh', kind: text, editor: 'system', width: 180 },
  { key: 'problem', header: 'Perlu Diperiksa', kind: text, editor: 'system', width: 220 },
  { key: 'sourceKey', header: 'Kunci Respons', kind: text, editor: 'system', width: 100 },
  { key: 'updatedAt', header: 'Diperbarui', kind: date, editor: 'system', width: 130 },
  { key: 'trackingUrl', header: 'Tautan Pantau', kind: text, editor: 'system', width: 220 },
];

/** A unit tab: what the officer needs to see, then the officer's own columns. */
export type UnitTabKey =
  | 'number'
  | 'receivedAt'
  | 'channel'
  | 'postUrl'
  | 'text'
  | 'category'
  | 'initialResponse'
  | 'forwardedAt'
  | 'stepDue'
  | 'timeliness'
  | 'officerStatus'
  | 'followUp'
  | 'officerNote'
  | 'processedAt'
  | 'followedUpAt'
  | 'reply'
  | 'updatedAt';

export const UNIT_COLUMNS: Column<UnitTabKey>[] = [
  { key: 'number', header: 'No. Pengaduan', kind: text, editor: 'system', width: 120 },
  { key: 'receivedAt', header: 'Waktu Pengaduan', kind: date, editor: 'system', width: 130 },
  { key: 'channel', header: 'Kanal', kind: text, editor: 'system', width: 90 },
  { key: 'text', header: 'Isi Pengaduan', kind: text, editor: 'system', width: 320 },
  { key: 'postUrl', header: 'Tautan Unggahan', kind: text, editor: 'system', width: 160 },
  { key: 'category', header: 'Kategori', kind: text, editor: 'system', width: 130 },
  { key: 'initialResponse', header: 'Tanggapan Awal', kind: text, editor: 'system', width: 200 },
  { key: 'forwardedAt', header: 'Diteruskan', kind: date, editor: 'system', width: 130 },
  { key: 'stepDue', header: 'Tenggat', kind: date, editor: 'system', width: 130 },
  { key: 'timeliness', header: 'Ketepatan Waktu', kind: text, editor: 'system', width: 120 },
  { key: 'officerStatus', header: 'Status', kind: text, editor: 'officer', width: 120 },
  { key: 'followUp', header: 'Hasil Tindak Lanjut', kind: text, editor: 'officer', width: 280 },
  { key: 'officerNote', header: 'Catatan Petugas', kind: text, editor: 'officer', width: 200 },
  { key: 'processedAt', header: 'Diproses', kind: date, editor: 'system', width: 130 },
  { key: 'followedUpAt', header: 'Ditindaklanjuti', kind: date, editor: 'system', width: 130 },
  { key: 'reply', header: 'Jawaban ke Publik', kind: text, editor: 'system', width: 220 },
  { key: 'updatedAt', header: 'Diperbarui', kind: date, editor: 'system', width: 130 },
];

/** How the register status shows in the officer's Status column. */
export function officerStatusOf(status: Status): string {
  switch (status) {
    case STATUS.new:
    case STATUS.forwarded:
      return OFFICER_STATUS.forwarded;
    case STATUS.processing:
      return OFFICER_STATUS.processing;
    case STATUS.followedUp:
      return OFFICER_STATUS.done;
    default:
      return status;
  }
}

/** The unit tab row for a complaint (officer columns carry the register's copy of their text). */
export function unitRowOf(c: Complaint): Record<UnitTabKey, unknown> {
  return {
    number: c.number,
    receivedAt: c.receivedAt,
    channel: c.channel,
    text: c.text,
    postUrl: c.postUrl,
    category: c.category,
    initialResponse: c.initialResponse,
    forwardedAt: c.forwardedAt,
    stepDue: c.stepDue,
    timeliness: c.timeliness,
    officerStatus: officerStatusOf(c.status),
    followUp: c.followUp,
    officerNote: c.officerNote,
    processedAt: c.processedAt,
    followedUpAt: c.followedUpAt,
    reply: c.reply,
    updatedAt: c.updatedAt,
  };
}

export function emptyComplaint(number: string, recordedAt: Date): Complaint {
  return {
    number,
    receivedAt: null,
    recordedAt,
    channel: '',
    reporter: '',
    postUrl: '',
    text: '',
    category: '',
    unit: '',
    assignedUnit: '',
    status: STATUS.new,
    initialResponse: '',
    forwardedAt: null,
    reassignedAt: null,
    processedAt: null,
    followedUpAt: null,
    followUp: '',
    officerNote: '',
    reply: '',
    replyUrl: '',
    answeredAt: null,
    closeReason: '',
    closedAt: null,
    stepDue: null,
    overallDue: null,
    timeliness: '',
    adminEmail: '',
    problem: '',
    sourceKey: '',
    updatedAt: recordedAt,
    trackingUrl: '',
  };
}

/** The status implied by the stamps (the stamps are system columns; the status cell is typed in). */
export function statusFromStamps(
  c: Pick<Complaint, 'forwardedAt' | 'processedAt' | 'followedUpAt' | 'answeredAt' | 'closedAt'>,
): Status {
  if (c.answeredAt) return STATUS.answered;
  if (c.closedAt) return STATUS.closed;
  if (c.followedUpAt) return STATUS.followedUp;
  if (c.processedAt) return STATUS.processing;
  if (c.forwardedAt) return STATUS.forwarded;
  return STATUS.new;
}
