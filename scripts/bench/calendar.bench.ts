/**
 * Benchmark of the working-day calendar and the SLA engine (issue 3):
 *   1. due-date computations per second, ours and luxon-business-days on the same inputs, side by
 *      side in one run, and the ratio (target: ours ≥ 10× faster);
 *   2. 50,000 complaints × 5 steps recomputed with computeSla (target: < 0.5 s).
 * luxon-business-days is measured twice: its bare `plusBusiness` (the least work it can do, the
 * figure the target is checked against) and a full DESIGN §6 due time built on it (clock start,
 * business days, clamp), whose dates must also agree with ours.
 */
import { DateTime } from 'luxon';
import { createCalendar } from '../../src/core/calendar';
import { SHIPPED_HOLIDAYS } from '../../src/core/holidays';
import { computeSla, SlaTimestamps } from '../../src/core/sla';
import { random } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'Asia/Jakarta';
const OPEN = 8 * HOUR;
const CLOSE = 16 * HOUR;
const TARGET_RATIO = 10;
const TARGET_SLA_MS = 500;
const COMPLAINTS = 50_000;

/** luxon-business-days ships no types; loading it patches luxon's DateTime.prototype. */
type Biz = DateTime & {
  setupBusiness(options: { businessDays: number[]; holidayMatchers: ((d: Biz) => boolean)[] }): void;
  plusBusiness(options: { days: number }): Biz;
  isBusinessDay(): boolean;
  isHoliday(): boolean;
};
const biz = (d: DateTime): Biz => d as Biz;

function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`.padStart(14);
}

/** Runs `body(i)` over the inputs, cycling, until at least `minMs` has passed; returns calls and ms. */
function measure(
  inputs: number,
  minMs: number,
  maxCalls: number,
  body: (i: number) => void,
): { calls: number; ms: number } {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs && calls < maxCalls) {
    for (let k = 0; k < 1000 && calls < maxCalls; k++) body(calls++ % inputs);
    elapsed = performance.now() - start;
  }
  return { calls, ms: elapsed };
}

function complaints(count: number, seed: number): SlaTimestamps[] {
  const rnd = random(seed);
  const from = Date.parse('2025-01-01T00:00:00+07:00');
  const span = Date.parse('2026-11-30T00:00:00+07:00') - from;
  const later = (t: number | null, maxDays: number, p: number): number | null =>
    t !== null && rnd() < p ? t + Math.floor(rnd() * maxDays * DAY) : null;
  const list: SlaTimestamps[] = [];
  for (let i = 0; i < count; i++) {
    const received = from + Math.floor(rnd() * span);
    const recorded = received + Math.floor(rnd() * 2 * HOUR);
    let forwarded = later(recorded, 3, 0.9);
    const reassigned = forwarded !== null && rnd() < 0.05 ? forwarded + Math.floor(rnd() * 2 * DAY) : null;
    if (reassigned !== null) forwarded = reassigned;
    const processed = later(forwarded, 3, 0.85);
    const followedUp = later(processed, 4, 0.85);
    const answered = later(followedUp, 2, 0.9);
    const closed = answered === null && rnd() < 0.05 ? recorded + Math.floor(rnd() * 5 * DAY) : null;
    const d = (t: number | null): Date | null => (t === null ? null : new Date(t));
    list.push({
      receivedAt: d(received),
      recordedAt: d(recorded),
      forwardedAt: d(forwarded),
      processedAt: d(processed),
      followedUpAt: d(followedUp),
      answeredAt: d(answered),
      closedAt: d(closed),
      reassignedAt: d(reassigned),
    });
  }
  return list;
}

export async function runCalendarBench(): Promise<{ lines: string[]; ok: boolean }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('luxon-business-days');
  const holidayKeys = new Set(SHIPPED_HOLIDAYS.map((h) => Number(h.date.replace(/-/g, ''))));
  // The cheapest matcher we can give it: integer yyyymmdd, no string formatting.
  biz(DateTime.now()).setupBusiness({
    businessDays: [1, 2, 3, 4, 5],
    holidayMatchers: [(d) => holidayKeys.has(d.year * 10000 + d.month * 100 + d.day)],
  });

  const cal = createCalendar();
  const rnd = random(20250101);
  const from = Date.parse('2025-01-01T00:00:00+07:00');
  const span = Date.parse('2026-12-01T00:00:00+07:00') - from;
  const INPUTS = 4_000;
  const times: Date[] = [];
  const days: number[] = [];
  for (let i = 0; i < INPUTS; i++) {
    times.push(new Date(from + Math.floor(rnd() * span)));
    days.push(Math.floor(rnd() * 6)); // n = 0..5
  }

  /** DESIGN §6 due time on luxon-business-days: s(t), n business days, clamp (uniform hours). */
  function lbdDue(t: Date, n: number): Date {
    const local = DateTime.fromJSDate(t, { zone: ZONE });
    const day = biz(local.startOf('day'));
    const clock = local.toMillis() - day.toMillis();
    let start: DateTime;
    if (day.isBusinessDay() && !day.isHoliday() && clock <= CLOSE)
      start = clock < OPEN ? day.plus({ milliseconds: OPEN }) : local;
    else start = day.plusBusiness({ days: 1 }).plus({ milliseconds: OPEN });
    return n === 0 ? start.toJSDate() : biz(start).plusBusiness({ days: n }).toJSDate();
  }

  let sink = 0;
  // Warm up both (JIT), then measure side by side.
  for (let i = 0; i < 2000; i++) {
    sink += cal.addWorkingDays(times[i], days[i]).getTime();
    sink += lbdDue(times[i], days[i]).getTime();
  }
  const ours = measure(INPUTS, 300, 50_000_000, (i) => {
    sink += cal.addWorkingDays(times[i], days[i]).getTime();
  });
  const bare = measure(INPUTS, Infinity, INPUTS, (i) => {
    sink += biz(DateTime.fromJSDate(times[i], { zone: ZONE }))
      .plusBusiness({ days: days[i] })
      .toMillis();
  });
  const theirs: Date[] = [];
  const full = measure(INPUTS, Infinity, INPUTS, (i) => {
    theirs[i] = lbdDue(times[i], days[i]);
  });

  let disagreements = 0;
  for (let i = 0; i < INPUTS; i++) {
    if (cal.dateKey(cal.addWorkingDays(times[i], days[i])) !== cal.dateKey(theirs[i])) disagreements++;
  }

  const oursRate = ours.calls / ours.ms;
  const bareRatio = oursRate / (bare.calls / bare.ms);
  const fullRatio = oursRate / (full.calls / full.ms);

  // 50,000 complaints × 5 steps.
  const list = complaints(COMPLAINTS, 7);
  const now = new Date('2026-12-31T12:00:00+07:00');
  for (let i = 0; i < 5000; i++) sink += computeSla(list[i], cal, { now }).steps.length; // JIT warm-up
  let overdue = 0;
  const runsMs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    overdue = 0;
    for (const c of list) if (computeSla(c, cal, { now }).overall.state === 'overdue') overdue++;
    runsMs.push(performance.now() - started);
  }
  const slaMs = [...runsMs].sort((a, b) => a - b)[1]; // the median of three runs
  const buildStart = performance.now();
  createCalendar();
  const buildMs = performance.now() - buildStart;

  const ratioOk = bareRatio >= TARGET_RATIO && fullRatio >= TARGET_RATIO;
  const slaOk = slaMs < TARGET_SLA_MS;
  const lines = [
    `calendar: due-date computations, same ${INPUTS.toLocaleString('en-US')} inputs (2025–2026, n = 0..5), one run`,
    `  ours: addWorkingDays (full DESIGN §6 due time)      ${rate(ours.calls, ours.ms)}`,
    `  luxon-business-days: bare plusBusiness              ${rate(bare.calls, bare.ms)}   ours ${bareRatio.toFixed(0)}× faster`,
    `  luxon-business-days: full DESIGN §6 due time        ${rate(full.calls, full.ms)}   ours ${fullRatio.toFixed(0)}× faster`,
    `  target ≥ ${TARGET_RATIO}×: ${ratioOk ? 'met' : 'MISSED'}; due dates agreeing with luxon-business-days: ${INPUTS - disagreements}/${INPUTS}`,
    `sla: ${COMPLAINTS.toLocaleString('en-US')} complaints × 5 steps recomputed with computeSla: ${slaMs.toFixed(0)} ms, median of ${runsMs.map((m) => m.toFixed(0)).join(' / ')} ms (target < ${TARGET_SLA_MS} ms: ${slaOk ? 'met' : 'MISSED'}); ${overdue.toLocaleString('en-US')} overdue overall`,
    `  createCalendar() with 2020–2060 tables: ${buildMs.toFixed(1)} ms`,
  ];
  if (sink === 42) lines.push(''); // keep the results alive
  return { lines, ok: ratioOk && slaOk && disagreements === 0 };
}
