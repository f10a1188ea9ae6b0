/**
 * The lifecycle rules of DESIGN §5, as pure functions from (complaint, what the user typed, now)
 * to (next complaint, what changed, what was refused and why).
 *
 * The edited row is compared with the register (the source of truth), field by field: this works
 * the same for a single-cell edit, a multi-cell paste (where Apps Script gives no old value) and
 * the hourly reconcile.
 */
import { Complaint, ComplaintKey, OFFICER_STATUS, STATUS, Status, isOpen, officerStatusOf } from './complaint';
import { clipToCell, normaliseText } from './sanitize';
import { isDate } from './values';
import { REFUSAL } from './labels/messages';

export interface Change {
  key: ComplaintKey;
  oldValue: unknown;
  newValue: unknown;
}

export interface Refusal {
  /** The register field whose typed value was refused (the cell gets the register value back). */
  key: ComplaintKey | 'officerStatus';
  typed: string;
  message: string;
}

export interface TransitionResult {
  complaint: Complaint;
  changes: Change[];
  refusals: Refusal[];
  /** Set when the complaint changed unit (its row must move between unit tabs). */
  movedFrom?: string;
}

const OFFICER_RANK: Record<string, number> = {
  [OFFICER_STATUS.forwarded]: 0,
  [OFFICER_STATUS.processing]: 1,
  [OFFICER_STATUS.done]: 2,
};

function sameValue(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return (a ?? '') === (b ?? '');
}

class Draft {
  readonly complaint: Complaint;
  readonly changes: Change[] = [];
  readonly refusals: Refusal[] = [];

  constructor(original: Complaint) {
    this.complaint = { ...original };
  }

  set<K extends ComplaintKey>(key: K, value: Complaint[K]): void {
    const old = this.complaint[key];
    if (sameValue(old, value)) return;
    this.changes.push({ key, oldValue: old, newValue: value });
    this.complaint[key] = value;
  }

  refuse(key: Refusal['key'], typed: string, message: string): void {
    this.refusals.push({ key, typed, message });
  }

  result(movedFrom?: string): TransitionResult {
    return { complaint: this.complaint, changes: this.changes, refusals: this.refusals, movedFrom };
  }
}

function cleanText(value: unknown, where: string): string {
  return clipToCell(normaliseText(value), where).text;
}

/** Stamps the timestamps of steps skipped on the way to `upTo` with `now` (DESIGN §5). */
function stampThrough(d: Draft, upTo: 'processedAt' | 'followedUpAt' | 'answeredAt', now: Date): void {
  const order: ('forwardedAt' | 'processedAt' | 'followedUpAt' | 'answeredAt')[] = [
    'forwardedAt',
    'processedAt',
    'followedUpAt',
    'answeredAt',
  ];
  for (const key of order) {
    if (!d.complaint[key]) d.set(key, now);
    if (key === upTo) break;
  }
}

export interface OfficerInput {
  officerStatus: unknown;
  followUp: unknown;
  officerNote: unknown;
}

/** An officer's row in a unit tab, compared with the register (DESIGN §5 steps 3–4). */
export function applyOfficerEdit(c: Complaint, input: OfficerInput, now: Date): TransitionResult {
  const d = new Draft(c);
  const typedStatus = normaliseText(input.officerStatus);
  const followUp = cleanText(input.followUp, 'tab unit');
  const note = cleanText(input.officerNote, 'tab unit');
  const closed = !isOpen(c.status);

  // Each refused cell gets the register value back, so every changed field is refused on its own.
  for (const [key, typed] of [
    ['followUp', followUp],
    ['officerNote', note],
  ] as const) {
    if (typed === c[key]) continue;
    if (closed) {
      d.refuse(key, typed, REFUSAL.closedOfficerText(c.number, c.status));
    } else if (key === 'followUp' && !typed && c.status === STATUS.followedUp) {
      // Ditindaklanjuti requires the follow-up text (DESIGN §5); it may be corrected, not removed.
      d.refuse(key, typed, REFUSAL.followUpRequiredKept);
    } else {
      d.set(key, typed);
    }
  }

  const current = officerStatusOf(c.status);
  if (typedStatus !== current) {
    const typedRank = OFFICER_RANK[typedStatus];
    if (closed) {
      d.refuse('officerStatus', typedStatus, REFUSAL.closedStatus(c.number, c.status));
    } else if (typedRank === undefined) {
      d.refuse('officerStatus', typedStatus, REFUSAL.unknownOfficerStatus(typedStatus, Object.values(OFFICER_STATUS)));
    } else if (typedRank < OFFICER_RANK[current]) {
      d.refuse('officerStatus', typedStatus, REFUSAL.backwards(current, typedStatus));
    } else if (typedStatus === OFFICER_STATUS.processing) {
      stampThrough(d, 'processedAt', now);
      d.set('status', STATUS.processing);
    } else if (typedStatus === OFFICER_STATUS.done) {
      if (!d.complaint.followUp) {
        d.refuse('officerStatus', typedStatus, REFUSAL.followUpFirst);
      } else {
        stampThrough(d, 'followedUpAt', now);
        d.set('status', STATUS.followedUp);
      }
    }
  }
  if (d.changes.length) d.set('updatedAt', now);
  return d.result();
}

export interface AdminInput {
  category: unknown;
  unit: unknown;
  status: unknown;
  initialResponse: unknown;
  reply: unknown;
  replyUrl: unknown;
  closeReason: unknown;
}

/** The admin's columns of a register row, compared with the stored record (DESIGN §5). */
export function applyAdminEdit(c: Complaint, input: AdminInput, activeUnits: string[], now: Date): TransitionResult {
  const d = new Draft(c);
  const closed = !isOpen(c.status);
  d.set('category', cleanText(input.category, 'tab Pengaduan'));
  d.set('initialResponse', cleanText(input.initialResponse, 'tab Pengaduan'));
  d.set('replyUrl', cleanText(input.replyUrl, 'tab Pengaduan'));
  // Dijawab requires the answer and Ditutup the reason (DESIGN §5): they may be corrected, not removed.
  const reply = cleanText(input.reply, 'tab Pengaduan');
  if (!reply && c.reply && c.status === STATUS.answered) {
    d.refuse('reply', reply, REFUSAL.replyKept);
  } else {
    d.set('reply', reply);
  }
  const closeReason = cleanText(input.closeReason, 'tab Pengaduan');
  if (!closeReason && c.closeReason && c.status === STATUS.closed) {
    d.refuse('closeReason', closeReason, REFUSAL.closeReasonKept);
  } else {
    d.set('closeReason', closeReason);
  }

  let movedFrom: string | undefined;
  const unit = normaliseText(input.unit);
  if (unit !== c.unit) {
    if (closed) {
      d.refuse('unit', unit, REFUSAL.closedUnit(c.number, c.status));
    } else if (!unit) {
      d.refuse('unit', unit, REFUSAL.unitCleared);
    } else if (!activeUnits.includes(unit)) {
      d.refuse('unit', unit, REFUSAL.unknownUnit(unit));
    } else {
      if (c.unit) {
        // Reassignment: the new unit starts from step 3 again; the history keeps the old unit.
        movedFrom = c.unit;
        d.set('reassignedAt', now);
        d.set('processedAt', null);
        d.set('followedUpAt', null);
      }
      d.set('unit', unit);
      d.set('assignedUnit', unit);
      d.set('forwardedAt', now);
      d.set('status', STATUS.forwarded);
    }
  }

  const status = normaliseText(input.status) as Status;
  if (status !== c.status) {
    if (closed) {
      d.refuse('status', status, REFUSAL.closedStatus(c.number, c.status));
    } else if (status === STATUS.answered) {
      if (!d.complaint.reply) {
        d.refuse('status', status, REFUSAL.replyFirst);
      } else if (!d.complaint.unit) {
        // Steps 2–4 need a unit: answering a complaint nobody was forwarded would stamp them
        // with no unit and count them on time. Close it (Ditutup) or choose a unit first.
        d.refuse('status', status, REFUSAL.answerWithoutUnit);
      } else {
        stampThrough(d, 'answeredAt', now);
        d.set('status', STATUS.answered);
      }
    } else if (status === STATUS.closed) {
      if (!d.complaint.closeReason) {
        d.refuse('status', status, REFUSAL.closeReasonFirst);
      } else {
        d.set('closedAt', now);
        d.set('status', STATUS.closed);
      }
    } else if (status !== d.complaint.status) {
      d.refuse('status', status, REFUSAL.systemStatus(status));
    }
  }
  if (d.changes.length) d.set('updatedAt', now);
  return d.result(movedFrom);
}
