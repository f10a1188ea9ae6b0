/**
 * Registration (DESIGN §3, §4, §5): the one decision that turns a form response into a
 * complaint, shared by the form-submit trigger and by reconcile (and by channel triage).
 *
 * A response is identified by its content, never by its row: responses tabs reuse rows after a
 * deletion and a re-linked form writes to a new tab. Its key is a fingerprint of the submission
 * time and the respondent (the identity) and of the answers (the content): `<identity>-<content>`.
 * "Already registered" means "a complaint with this key exists". A registered identity whose
 * content differs is reported to the operator and registered, never dropped.
 */
import type { WorkCalendar } from './calendar';
import { Complaint, STATUS, Status } from './complaint';
import { withDerived } from './derive';
import { Answers, FORM_KEYS, buildComplaint, isBlankResponse } from './intake';
import type { RoutableUnit } from './routing';
import { nextComplaintNumber, parseComplaintNumber } from './numbering';
import { isDate } from './values';

/** A response as read from a responses tab (typed values). */
export interface ResponseRow {
  /** Where it was read: tab name and sheet row (for messages only, never for identity). */
  tab: string;
  row: number;
  submittedAt: Date | null;
  respondent: string;
  answers: Answers;
}

/** 53-bit string hash (cyrb53): fast, pure, stable across runtimes; rendered in base 36. */
export function fingerprint(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

const canonical = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (isDate(v)) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  return String(v).trim();
};

/** The identity part: submission time (to the millisecond) and the respondent. */
export function identityKey(submittedAt: Date | null, respondent: string): string {
  return fingerprint(`${canonical(submittedAt)}\u0001${respondent.trim().toLowerCase()}`, 1).slice(0, 8);
}

/** The key stored in `Kunci Respons`. */
export function responseKey(r: Pick<ResponseRow, 'submittedAt' | 'respondent' | 'answers'>): string {
  const content = FORM_KEYS.map((k) => canonical(r.answers[k])).join('\u0001');
  return `k${identityKey(r.submittedAt, r.respondent)}-${fingerprint(content, 2).slice(0, 8)}`;
}

/** Keys written by the first version: the responses row number, `R<row>`. */
export function isLegacyKey(key: string): boolean {
  return /^R\d+$/.test(key.trim());
}

export function identityOf(key: string): string {
  return key.split('-')[0].replace(/^k/, '');
}

/** What the register knows of the keys: which are taken, by which complaint. */
export interface KeyIndex {
  /** Full key → complaint number. */
  byKey: Map<string, string>;
  /** Identity → complaint numbers with that identity. */
  byIdentity: Map<string, string[]>;
}

export function indexKeys(
  complaints: Array<{ number: string; sourceKey: string; recordedAt: Date | null; adminEmail: string }>,
): KeyIndex {
  const byKey = new Map<string, string>();
  const byIdentity = new Map<string, string[]>();
  for (const c of complaints) {
    if (!c.number) continue;
    const key = String(c.sourceKey ?? '').trim();
    // A first-version complaint (key R<row>) is known by its submission time and admin.
    const identity =
      !key || isLegacyKey(key)
        ? identityKey(isDate(c.recordedAt) ? c.recordedAt : null, c.adminEmail ?? '')
        : identityOf(key);
    if (key && !isLegacyKey(key)) byKey.set(key, c.number);
    byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), c.number]);
  }
  return { byKey, byIdentity };
}

export type KeyStatus =
  | { kind: 'registered'; number: string }
  /** Registered by the first version (row key): the complaint is this one; its key is renewed. */
  | { kind: 'legacy'; number: string }
  /** Same submission time and respondent as a registered complaint, different answers. */
  | { kind: 'conflict'; numbers: string[] }
  | { kind: 'new' };

export function keyStatus(key: string, index: KeyIndex, legacyNumbers: ReadonlySet<string> = new Set()): KeyStatus {
  const known = index.byKey.get(key);
  if (known) return { kind: 'registered', number: known };
  const same = index.byIdentity.get(identityOf(key)) ?? [];
  const legacy = same.find((n) => legacyNumbers.has(n));
  if (legacy) return { kind: 'legacy', number: legacy };
  return same.length ? { kind: 'conflict', numbers: same } : { kind: 'new' };
}

/** Work already recorded for a complaint whose register row was lost (from its unit tab). */
export interface RecordedWork {
  unit: string;
  forwardedAt: Date | null;
  processedAt: Date | null;
  followedUpAt: Date | null;
  followUp: string;
  officerNote: string;
  reply: string;
  /** The status the unit tab showed. */
  status: string;
}

export interface RegistrationInput {
  response: ResponseRow;
  key: string;
  units: RoutableUnit[];
  calendar: WorkCalendar;
  stepDays: number[];
  now: Date;
  /** The number counter for the registration year (the caller keeps it). */
  counter: (year: number) => number;
  /** A number this response already had (register row deleted; known from Riwayat / unit tab). */
  knownNumber?: string;
  /** The officers' work on that number, from its unit tab. */
  recorded?: RecordedWork;
  /** Year of registration in WIB (the caller's calendar formatting). */
  yearOf: (d: Date) => number;
  /** The public tracking link of a number (`Tautan Pantau`, DESIGN §15); '' when the web app is off. */
  trackingUrlOf?: (number: string) => string;
}

export interface Registration {
  complaint: Complaint;
  /** The counter after this registration (unchanged when the number was known). */
  sequence: { year: number; value: number } | null;
  problems: string[];
  routing: 'chosen' | 'auto' | 'none';
  routingNote: string;
  /** The unit's work was restored from its tab (no new assignment). */
  restored: boolean;
}

/** A response with no answer at all (Google sometimes delivers such events). */
export function isBlank(r: ResponseRow): boolean {
  return isBlankResponse(r.answers);
}

const STATUS_BY_OFFICER: Record<string, Status> = {
  Diproses: STATUS.processing,
  Selesai: STATUS.followedUp,
  [STATUS.followedUp]: STATUS.followedUp,
  [STATUS.answered]: STATUS.answered,
  [STATUS.closed]: STATUS.closed,
};

/**
 * The complaint a response becomes: validated, sanitised, routed, numbered (or given back the
 * number it already had, with the unit's recorded work), with its derived columns.
 */
export function decideRegistration(input: RegistrationInput): Registration {
  const { response } = input;
  const submittedAt = response.submittedAt ?? input.now;
  const built = buildComplaint({
    answers: response.answers,
    submittedAt,
    respondent: response.respondent,
    sourceKey: input.key,
    sourceLabel: `tab "${response.tab}" baris ${response.row}`,
    units: input.units,
  });
  let number = input.knownNumber && parseComplaintNumber(input.knownNumber) ? input.knownNumber : '';
  let sequence: Registration['sequence'] = null;
  if (!number) {
    const year = input.yearOf(submittedAt);
    const next = nextComplaintNumber(year, input.counter(year), 0);
    number = next.number;
    sequence = { year, value: next.sequence };
  }
  let complaint: Complaint = { ...built.complaint, number, trackingUrl: input.trackingUrlOf?.(number) ?? '' };
  const work = input.recorded;
  let restored = false;
  if (number === input.knownNumber && work && work.unit) {
    restored = true;
    complaint = {
      ...complaint,
      unit: work.unit,
      assignedUnit: work.unit,
      forwardedAt: work.forwardedAt ?? complaint.forwardedAt ?? submittedAt,
      processedAt: work.processedAt,
      followedUpAt: work.followedUpAt,
      followUp: work.followUp,
      officerNote: work.officerNote,
      reply: work.reply || complaint.reply,
      status:
        STATUS_BY_OFFICER[work.status] ??
        (work.followedUpAt ? STATUS.followedUp : work.processedAt ? STATUS.processing : STATUS.forwarded),
    };
  }
  return {
    complaint: withDerived(complaint, input.calendar, input.stepDays, input.now),
    sequence,
    problems: built.problems,
    routing: restored ? 'chosen' : built.routing,
    routingNote: built.routingNote,
    restored,
  };
}
