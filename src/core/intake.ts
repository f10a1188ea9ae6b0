/**
 * Turning one form response into a complaint (DESIGN §4, §5, §7): validate, sanitise, route.
 * Pure: the caller supplies the answers (by logical key), the submission time, the units and
 * the allocated number. An invalid response still becomes a complaint (nothing is lost), with
 * what is wrong in `problem` so the admin sees it, and it waits for the admin (status Baru).
 */
import { CHANNELS, Complaint, STATUS, emptyComplaint } from './complaint';
import { FORM } from './labels';
import { RoutableUnit, routeByKeywords } from './routing';
import { clipToCell, isHttpUrl, normaliseText } from './sanitize';
import { isDate } from './values';
import { INTAKE_PROBLEM, ROUTING_NOTE } from './labels/messages';

export type FormKey =
  'receivedAt' | 'channel' | 'reporter' | 'postUrl' | 'text' | 'category' | 'unit' | 'initialResponse';
export const FORM_KEYS: FormKey[] = [
  'receivedAt',
  'channel',
  'reporter',
  'postUrl',
  'text',
  'category',
  'unit',
  'initialResponse',
];

export type Answers = Partial<Record<FormKey, unknown>>;

export interface IntakeInput {
  answers: Answers;
  submittedAt: Date;
  respondent: string;
  sourceKey: string;
  /** Where the raw response lives, named in the clip marker of over-long text. */
  sourceLabel: string;
  units: RoutableUnit[];
}

export interface IntakeResult {
  complaint: Omit<Complaint, 'number'>;
  problems: string[];
  routing: 'chosen' | 'auto' | 'none';
  routingNote: string;
}

/** A response whose answers are all blank (Google sometimes delivers such events). */
export function isBlankResponse(answers: Answers): boolean {
  return FORM_KEYS.every((k) => {
    const v = answers[k];
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  });
}

/** Tolerance for the admin's clock vs the server's when checking "not in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** A post older than this when recorded is probably a typo in the year or month: flagged, kept. */
export const PLAUSIBLE_AGE_DAYS = 30;

export function buildComplaint(input: IntakeInput): IntakeResult {
  const { answers, submittedAt } = input;
  const problems: string[] = [];
  const c = emptyComplaint('', submittedAt);
  c.sourceKey = input.sourceKey;
  c.adminEmail = normaliseText(input.respondent);

  const received = answers.receivedAt;
  if (isDate(received)) {
    if (received.getTime() > submittedAt.getTime() + FUTURE_TOLERANCE_MS) {
      problems.push(INTAKE_PROBLEM.receivedInFuture);
      c.receivedAt = submittedAt;
    } else {
      c.receivedAt = received;
      const days = (submittedAt.getTime() - received.getTime()) / 86_400_000;
      if (days > PLAUSIBLE_AGE_DAYS) problems.push(INTAKE_PROBLEM.receivedLongBefore(Math.floor(days)));
    }
  } else {
    const blank =
      received === undefined || received === null || (typeof received === 'string' && received.trim() === '');
    problems.push(blank ? INTAKE_PROBLEM.receivedBlank : INTAKE_PROBLEM.receivedUnreadable);
    c.receivedAt = submittedAt;
  }

  c.channel = normaliseText(answers.channel);
  if (!c.channel) problems.push(INTAKE_PROBLEM.channelBlank);
  else if (!(CHANNELS as readonly string[]).includes(c.channel))
    problems.push(INTAKE_PROBLEM.channelUnknown(c.channel));

  c.reporter = clipToCell(normaliseText(answers.reporter), input.sourceLabel).text;
  if (!c.reporter) problems.push(INTAKE_PROBLEM.reporterBlank);

  c.postUrl = clipToCell(normaliseText(answers.postUrl), input.sourceLabel).text;
  if (c.postUrl && !isHttpUrl(c.postUrl)) problems.push(INTAKE_PROBLEM.postUrlInvalid);

  const text = clipToCell(normaliseText(answers.text), input.sourceLabel);
  c.text = text.text;
  if (!c.text) problems.push(INTAKE_PROBLEM.textBlank);
  if (text.clipped) problems.push(INTAKE_PROBLEM.textClipped(text.originalLength, input.sourceLabel));

  c.category = clipToCell(normaliseText(answers.category), input.sourceLabel).text;
  c.initialResponse = clipToCell(normaliseText(answers.initialResponse), input.sourceLabel).text;

  const chosen = normaliseText(answers.unit);
  let routing: IntakeResult['routing'] = 'none';
  let routingNote = '';
  if (chosen && chosen !== FORM.autoRoute) {
    const unit = input.units.find((u) => u.name === chosen && u.active);
    if (unit) {
      c.unit = unit.name;
      routing = 'chosen';
    } else {
      problems.push(INTAKE_PROBLEM.unitUnknown(chosen));
    }
  } else if (chosen === FORM.autoRoute || !chosen) {
    const routed = routeByKeywords(c.text, c.postUrl, input.units);
    if (routed.unit !== null) {
      c.unit = routed.unit;
      routing = 'auto';
      routingNote = ROUTING_NOTE.auto(routed.keyword);
    } else {
      routingNote = routed.reason === 'tie' ? ROUTING_NOTE.tie(routed.candidates) : ROUTING_NOTE.none;
    }
  }

  if (c.unit && c.text) {
    c.status = STATUS.forwarded;
    c.assignedUnit = c.unit;
    c.forwardedAt = submittedAt;
  } else {
    c.unit = c.text ? c.unit : '';
    c.status = STATUS.new;
  }
  c.problem = problems.join(' ');
  const { number: _unused, ...complaint } = c;
  return { complaint, problems, routing, routingNote };
}
