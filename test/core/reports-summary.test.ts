/**
 * Leadership summary figures (issue 5) for week 15 of 2026 (Mon 6 – Sun 12 April; Good Friday
 * 3 April is a holiday), checked against values worked out by hand, step by step, below.
 */
import { createCalendar } from '../../src/core/calendar';
import { STATUS } from '../../src/core/complaint';
import { summaryOf } from '../../src/core/reports/daily';
import { weekContaining } from '../../src/core/reports/period';
import { periodFigures } from '../../src/core/reports/summary';
import { UNIT_SEKRETARIAT, UNIT_SENI, complaint, config } from './reports-fixtures';

const cal = createCalendar();
const W15 = weekContaining(cal, '2026-04-08');

/*
 * S1 Instagram, UP Museum Seni: every step on time inside the week; answered Wed 8 Apr.
 * S2 Instagram, UP Museum Seni: step 3 due Tue 10:10, processed Thu 10:00 → late; step 4 on time;
 *    answered Mon 13 Apr (after the week) → open at the end, step 5 due Fri 11:00 → overdue.
 * S3 Facebook, UP Museum Seni: received Fri 3 Apr 20:00 (holiday, previous week), recorded Mon
 *    08:05 (step 1 starts Mon 08:00, on time); all steps on time; answered Tue 7 Apr.
 * S4 Instagram, no unit: received Thu 9 Apr 09:00, never forwarded → open, step 2 due Fri 09:05 → overdue.
 * S5 Twitter/X, UP Museum Seni: steps 1–2 on time, closed (spam) Wed 8 Apr.
 * S6 YouTube, UP Museum Seni: received Wed 1 Apr (previous week); step 5 due Mon 6 Apr 09:00 (Fri is
 *    a holiday), answered exactly then → on time; overall due Thu 9 Apr 09:00 → on time.
 * S7 Facebook, Sekretariat: forwarded Wed 8 Apr 09:20, never processed → open, step 3 overdue.
 */
function register() {
  return [
    complaint(
      {
        received: '2026-04-06T09:00:00',
        recorded: '2026-04-06T09:10:00',
        forwarded: '2026-04-06T09:20:00',
        processed: '2026-04-07T08:30:00',
        followedUp: '2026-04-07T15:00:00',
        answered: '2026-04-08T10:00:00',
      },
      { number: 'S1' },
    ),
    complaint(
      {
        received: '2026-04-06T10:00:00',
        recorded: '2026-04-06T10:05:00',
        forwarded: '2026-04-06T10:10:00',
        processed: '2026-04-09T10:00:00',
        followedUp: '2026-04-09T11:00:00',
        answered: '2026-04-13T09:00:00',
      },
      { number: 'S2' },
    ),
    complaint(
      {
        received: '2026-04-03T20:00:00',
        recorded: '2026-04-06T08:05:00',
        forwarded: '2026-04-06T08:10:00',
        processed: '2026-04-06T09:00:00',
        followedUp: '2026-04-06T10:00:00',
        answered: '2026-04-07T09:00:00',
      },
      { number: 'S3', channel: 'Facebook' },
    ),
    complaint(
      { received: '2026-04-09T09:00:00', recorded: '2026-04-09T09:05:00' },
      { number: 'S4', category: 'Lainnya' },
    ),
    complaint(
      {
        received: '2026-04-07T09:00:00',
        recorded: '2026-04-07T09:10:00',
        forwarded: '2026-04-07T09:30:00',
        closed: '2026-04-08T10:00:00',
      },
      { number: 'S5', channel: 'Twitter/X' },
    ),
    complaint(
      {
        received: '2026-04-01T09:00:00',
        recorded: '2026-04-01T09:05:00',
        forwarded: '2026-04-01T09:10:00',
        processed: '2026-04-01T10:00:00',
        followedUp: '2026-04-02T09:00:00',
        answered: '2026-04-06T09:00:00',
      },
      { number: 'S6', channel: 'YouTube' },
    ),
    complaint(
      { received: '2026-04-08T09:00:00', recorded: '2026-04-08T09:10:00', forwarded: '2026-04-08T09:20:00' },
      { number: 'S7', channel: 'Facebook', unit: UNIT_SEKRETARIAT.name },
    ),
    // Answered long before the week: no part of it is in the figures.
    complaint(
      {
        received: '2026-03-02T09:00:00',
        forwarded: '2026-03-02T09:10:00',
        processed: '2026-03-02T09:20:00',
        followedUp: '2026-03-02T10:00:00',
        answered: '2026-03-02T11:00:00',
      },
      { number: 'OLD' },
    ),
    // Received after the week.
    complaint({ received: '2026-04-13T09:00:00' }, { number: 'NEXT' }),
  ];
}

const options = { stepDays: [1, 1, 1, 1, 1], unitOrder: config().units.map((u) => u.name) };

test('received, answered, closed, open and overdue at the end of the week', () => {
  const f = periodFigures(register(), cal, W15, options);
  expect([f.received, f.answered, f.closed, f.openAtEnd, f.overdueAtEnd]).toEqual([5, 3, 1, 3, 3]);
  expect(f.recordedBefore).toBe(8);
});

test('on-time rate per step (steps done in the week) and overall (answered in the week)', () => {
  const f = periodFigures(register(), cal, W15, options);
  expect(f.steps.map((s) => [s.done, s.onTime])).toEqual([
    [6, 6], // step 1: S1, S2, S3, S4, S5, S7
    [5, 5], // step 2: S1, S2, S3, S5, S7
    [3, 2], // step 3: S1, S3 on time; S2 late
    [3, 3], // step 4: S1, S2, S3
    [3, 3], // step 5: S1, S3, S6
  ]);
  expect(f.steps[2].rate).toBeCloseTo(2 / 3, 10);
  expect(f.overall).toEqual({ done: 3, onTime: 3, rate: 1 });
});

test('by channel, category and unit', () => {
  const f = periodFigures(register(), cal, W15, options);
  expect(f.byChannel.map((g) => [g.name, g.received, g.answered])).toEqual([
    ['Facebook', 1, 1],
    ['Instagram', 3, 1],
    ['Twitter/X', 1, 0],
    ['YouTube', 0, 1],
  ]);
  expect(f.byCategory.map((g) => [g.name, g.received, g.answered])).toEqual([
    ['Lainnya', 1, 0],
    ['Layanan dan petugas', 4, 3],
  ]);
  expect(
    f.byUnit.map((u) => [
      u.name,
      u.received,
      u.answered,
      u.unitSteps.done,
      u.unitSteps.onTime,
      u.openAtEnd,
      u.overdueAtEnd,
    ]),
  ).toEqual([
    [UNIT_SEKRETARIAT.name, 1, 0, 0, 0, 1, 1],
    [UNIT_SENI.name, 3, 3, 6, 5, 1, 1],
    ['(belum ada unit)', 1, 0, 0, 0, 1, 1],
  ]);
});

test('oldest open complaints, with their age in working days at the end of the week', () => {
  const f = periodFigures(register(), cal, W15, options);
  expect(f.oldestOpen.map((o) => [o.number, o.step, o.overdue, o.overdueWorkingDays])).toEqual([
    ['S2', 5, true, 0],
    ['S7', 3, true, 1],
    ['S4', 2, true, 0],
  ]);
  // S2: Mon 10:00–16:00 (0.75) + Tue, Wed, Thu, Fri.
  expect(f.oldestOpen[0].ageWorkingDays).toBeCloseTo(4.75, 10);
  // S7: Wed 09:00–16:00 (7/8) + Thu + Fri.
  expect(f.oldestOpen[1].ageWorkingDays).toBeCloseTo(2.875, 10);
});

test('the previous week, for the change', () => {
  const s = summaryOf(register(), cal, W15, config());
  const p = s.previous;
  expect(p.period.key).toBe('2026-W14');
  // S3 (Fri 3 Apr) and S6 (Wed 1 Apr) were received; nothing was answered; both were open at the end.
  expect([p.received, p.answered, p.openAtEnd, p.overall.rate]).toEqual([2, 0, 2, null]);
  expect(p.steps.map((x) => x.done)).toEqual([1, 1, 1, 1, 0]); // S6 steps 1–4
});

test('stamps after the end of the period do not change its figures', () => {
  const before = periodFigures(register(), cal, W15, options);
  const later = register().map((c) =>
    c.number === 'S4'
      ? { ...c, forwardedAt: new Date('2026-04-14T02:00:00Z'), unit: UNIT_SENI.name, status: STATUS.forwarded }
      : c,
  );
  const after = periodFigures(later, cal, W15, options);
  expect([after.received, after.answered, after.openAtEnd, after.overdueAtEnd, after.steps]).toEqual([
    before.received,
    before.answered,
    before.openAtEnd,
    before.overdueAtEnd,
    before.steps,
  ]);
});

test('a period before the register was in use has nothing recorded', () => {
  const f = periodFigures(register(), cal, weekContaining(cal, '2026-02-10'), options);
  expect([f.recordedBefore, f.received, f.openAtEnd]).toEqual([0, 0, 0]);
});
