/**
 * SLA per step and overall (DESIGN §1, §5, §6). Expected values computed by hand from the rules,
 * default calendar (Mon–Fri 08:00–16:00, shipped holidays), 1 working day per step unless noted.
 */
import { createCalendar } from '../../src/core/calendar';
import { ComplaintSla, computeSla, SlaTimestamps, StepSla } from '../../src/core/sla';

const cal = createCalendar();

function wib(d: Date | null): string | null {
  if (d === null) return null;
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().replace('.000Z', '+07:00');
}
const at = (iso: string): Date => new Date(iso);

type Row = [
  state: StepSla['state'],
  start: string | null,
  due: string | null,
  done: string | null,
  minutes: number,
  overdueDays: number,
];

function rows(sla: ComplaintSla): Row[] {
  return sla.steps.map((s) => [
    s.state,
    wib(s.startedAt),
    wib(s.dueAt),
    wib(s.doneAt),
    s.workingMinutes,
    s.overdueWorkingDays,
  ]);
}

function stamps(s: Record<string, string | undefined>): SlaTimestamps {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v === undefined ? null : at(v)]));
}

test('every step on time', () => {
  const sla = computeSla(
    stamps({
      receivedAt: '2025-06-02T09:00:00+07:00',
      recordedAt: '2025-06-02T09:30:00+07:00',
      forwardedAt: '2025-06-03T09:00:00+07:00',
      processedAt: '2025-06-03T13:00:00+07:00',
      followedUpAt: '2025-06-04T10:00:00+07:00',
      answeredAt: '2025-06-04T15:00:00+07:00',
    }),
    cal,
    { now: at('2025-06-05T12:00:00+07:00') },
  );
  expect(rows(sla)).toEqual<Row[]>([
    ['on-time', '2025-06-02T09:00:00+07:00', '2025-06-03T09:00:00+07:00', '2025-06-02T09:30:00+07:00', 30, 0],
    ['on-time', '2025-06-02T09:30:00+07:00', '2025-06-03T09:30:00+07:00', '2025-06-03T09:00:00+07:00', 450, 0],
    ['on-time', '2025-06-03T09:00:00+07:00', '2025-06-04T09:00:00+07:00', '2025-06-03T13:00:00+07:00', 240, 0],
    ['on-time', '2025-06-03T13:00:00+07:00', '2025-06-04T13:00:00+07:00', '2025-06-04T10:00:00+07:00', 300, 0],
    ['on-time', '2025-06-04T10:00:00+07:00', '2025-06-05T10:00:00+07:00', '2025-06-04T15:00:00+07:00', 300, 0],
  ]);
  // Overall: 5 working days from receipt skip Fri 6 Jun (Idul Adha) and Mon 9 Jun (cuti bersama).
  expect(sla.overall).toMatchObject({
    state: 'on-time',
    days: 5,
    workingMinutes: 1320,
    workingDays: 2.75,
    overdueWorkingDays: 0,
  });
  expect(wib(sla.overall.dueAt)).toBe('2025-06-11T09:00:00+07:00');
  expect(wib(sla.overall.doneAt)).toBe('2025-06-04T15:00:00+07:00');
  expect(sla.currentStep).toBeNull();
});

describe('an open complaint: running, overdue, pending', () => {
  const complaint = stamps({
    receivedAt: '2025-06-05T10:00:00+07:00',
    recordedAt: '2025-06-05T10:05:00+07:00',
    forwardedAt: '2025-06-05T10:05:00+07:00',
  });

  test('just overdue after the Idul Adha weekend', () => {
    const sla = computeSla(complaint, cal, { now: at('2025-06-10T11:00:00+07:00') });
    expect(rows(sla)).toEqual<Row[]>([
      ['on-time', '2025-06-05T10:00:00+07:00', '2025-06-10T10:00:00+07:00', '2025-06-05T10:05:00+07:00', 5, 0],
      ['on-time', '2025-06-05T10:05:00+07:00', '2025-06-10T10:05:00+07:00', '2025-06-05T10:05:00+07:00', 0, 0],
      ['overdue', '2025-06-05T10:05:00+07:00', '2025-06-10T10:05:00+07:00', null, 535, 0],
      ['pending', null, null, null, 0, 0],
      ['pending', null, null, null, 0, 0],
    ]);
    expect(sla.currentStep).toBe(3);
    expect(sla.overall).toMatchObject({ state: 'running', workingMinutes: 540, workingDays: 1.125, doneAt: null });
    expect(wib(sla.overall.dueAt)).toBe('2025-06-16T10:00:00+07:00');
  });

  test.each([
    ['at the due time: still running', '2025-06-10T10:05:00+07:00', 'running', 0],
    ['one minute before one working day overdue', '2025-06-11T10:04:00+07:00', 'overdue', 0],
    ['one working day overdue (escalate to the unit head)', '2025-06-11T10:05:00+07:00', 'overdue', 1],
    ['two working days overdue', '2025-06-12T10:05:00+07:00', 'overdue', 2],
    ['three working days overdue (escalate to leadership)', '2025-06-13T10:05:00+07:00', 'overdue', 3],
  ])('%s', (_what, now, state, overdueDays) => {
    const step3 = computeSla(complaint, cal, { now: at(now) }).steps[2];
    expect([step3.state, step3.overdueWorkingDays]).toEqual([state, overdueDays]);
  });

  test('waiting for a unit: step 2 running, later steps pending', () => {
    const sla = computeSla(
      stamps({ receivedAt: '2025-07-07T09:00:00+07:00', recordedAt: '2025-07-07T09:20:00+07:00' }),
      cal,
      { now: at('2025-07-07T11:00:00+07:00') },
    );
    expect(rows(sla)).toEqual<Row[]>([
      ['on-time', '2025-07-07T09:00:00+07:00', '2025-07-08T09:00:00+07:00', '2025-07-07T09:20:00+07:00', 20, 0],
      ['running', '2025-07-07T09:20:00+07:00', '2025-07-08T09:20:00+07:00', null, 100, 0],
      ['pending', null, null, null, 0, 0],
      ['pending', null, null, null, 0, 0],
      ['pending', null, null, null, 0, 0],
    ]);
    expect(sla.currentStep).toBe(2);
  });

  test('not yet recorded: step 1 running from receipt', () => {
    const sla = computeSla(stamps({ receivedAt: '2025-07-07T09:00:00+07:00' }), cal, {
      now: at('2025-07-07T10:00:00+07:00'),
    });
    expect(rows(sla)[0]).toEqual<Row>([
      'running',
      '2025-07-07T09:00:00+07:00',
      '2025-07-08T09:00:00+07:00',
      null,
      60,
      0,
    ]);
    expect(sla.currentStep).toBe(1);
  });
});

test('late steps, and a step started exactly at closing', () => {
  const sla = computeSla(
    stamps({
      receivedAt: '2025-06-13T15:00:00+07:00',
      recordedAt: '2025-06-13T15:10:00+07:00',
      forwardedAt: '2025-06-16T15:30:00+07:00',
      processedAt: '2025-06-18T16:00:00+07:00',
    }),
    cal,
    { now: at('2025-06-18T16:30:00+07:00') },
  );
  expect(rows(sla)).toEqual<Row[]>([
    ['on-time', '2025-06-13T15:00:00+07:00', '2025-06-16T15:00:00+07:00', '2025-06-13T15:10:00+07:00', 10, 0],
    ['late', '2025-06-13T15:10:00+07:00', '2025-06-16T15:10:00+07:00', '2025-06-16T15:30:00+07:00', 500, 0],
    ['late', '2025-06-16T15:30:00+07:00', '2025-06-17T15:30:00+07:00', '2025-06-18T16:00:00+07:00', 990, 1],
    ['running', '2025-06-18T16:00:00+07:00', '2025-06-19T16:00:00+07:00', null, 0, 0],
    ['pending', null, null, null, 0, 0],
  ]);
  expect(wib(sla.overall.dueAt)).toBe('2025-06-20T15:00:00+07:00');
  expect(sla.overall.state).toBe('running');
  expect(sla.currentStep).toBe(4);
});

test.each([
  ['done exactly at the due time is on time', '2025-07-08T09:00:00+07:00', 'on-time'],
  ['done one second after the due time is late', '2025-07-08T09:00:01+07:00', 'late'],
])('%s', (_what, recordedAt, state) => {
  const sla = computeSla(stamps({ receivedAt: '2025-07-07T09:00:00+07:00', recordedAt }), cal, {
    now: at('2025-07-08T10:00:00+07:00'),
  });
  expect(wib(sla.steps[0].dueAt)).toBe('2025-07-08T09:00:00+07:00');
  expect(sla.steps[0].state).toBe(state);
});

test('overall due over Lebaran 2025, answered late', () => {
  const sla = computeSla(
    stamps({
      receivedAt: '2025-03-26T10:00:00+07:00',
      recordedAt: '2025-03-26T10:30:00+07:00',
      forwardedAt: '2025-03-27T09:00:00+07:00',
      processedAt: '2025-04-08T10:00:00+07:00',
      followedUpAt: '2025-04-10T11:00:00+07:00',
      answeredAt: '2025-04-14T09:00:00+07:00',
    }),
    cal,
    { now: at('2025-04-20T12:00:00+07:00') },
  );
  expect(rows(sla)).toEqual<Row[]>([
    ['on-time', '2025-03-26T10:00:00+07:00', '2025-03-27T10:00:00+07:00', '2025-03-26T10:30:00+07:00', 30, 0],
    ['on-time', '2025-03-26T10:30:00+07:00', '2025-03-27T10:30:00+07:00', '2025-03-27T09:00:00+07:00', 390, 0],
    ['late', '2025-03-27T09:00:00+07:00', '2025-04-08T09:00:00+07:00', '2025-04-08T10:00:00+07:00', 540, 0],
    ['late', '2025-04-08T10:00:00+07:00', '2025-04-09T10:00:00+07:00', '2025-04-10T11:00:00+07:00', 1020, 1],
    ['late', '2025-04-10T11:00:00+07:00', '2025-04-11T11:00:00+07:00', '2025-04-14T09:00:00+07:00', 840, 0],
  ]);
  expect(wib(sla.overall.dueAt)).toBe('2025-04-11T10:00:00+07:00');
  expect(sla.overall).toMatchObject({ state: 'late', workingDays: 5.875, overdueWorkingDays: 0 });
});

describe('reassignment restarts step 2 from the reassignment time', () => {
  const base = {
    receivedAt: '2025-07-07T09:00:00+07:00',
    recordedAt: '2025-07-07T09:00:00+07:00',
    processedAt: '2025-07-08T11:00:00+07:00', // by the previous unit: ignored
    reassignedAt: '2025-07-09T10:00:00+07:00',
  };

  test('step 2 re-stamped at the reassignment; the new unit has not started', () => {
    const sla = computeSla(stamps({ ...base, forwardedAt: '2025-07-09T10:00:00+07:00' }), cal, {
      now: at('2025-07-10T12:00:00+07:00'),
    });
    expect(rows(sla)).toEqual<Row[]>([
      ['on-time', '2025-07-07T09:00:00+07:00', '2025-07-08T09:00:00+07:00', '2025-07-07T09:00:00+07:00', 0, 0],
      ['on-time', '2025-07-09T10:00:00+07:00', '2025-07-10T10:00:00+07:00', '2025-07-09T10:00:00+07:00', 0, 0],
      ['overdue', '2025-07-09T10:00:00+07:00', '2025-07-10T10:00:00+07:00', null, 600, 0],
      ['pending', null, null, null, 0, 0],
      ['pending', null, null, null, 0, 0],
    ]);
    expect(sla.currentStep).toBe(3);
    // The overall target still counts from receipt.
    expect(wib(sla.overall.dueAt)).toBe('2025-07-14T09:00:00+07:00');
  });

  test('a forwarding stamp older than the reassignment does not complete step 2', () => {
    const sla = computeSla(stamps({ ...base, forwardedAt: '2025-07-07T09:00:00+07:00' }), cal, {
      now: at('2025-07-10T12:00:00+07:00'),
    });
    expect(rows(sla)[1]).toEqual<Row>([
      'overdue',
      '2025-07-09T10:00:00+07:00',
      '2025-07-10T10:00:00+07:00',
      null,
      600,
      0,
    ]);
    expect(rows(sla)[2]).toEqual<Row>(['pending', null, null, null, 0, 0]);
    expect(sla.currentStep).toBe(2);
  });
});

describe('closed without an answer (Ditutup)', () => {
  const closed = stamps({
    receivedAt: '2025-06-02T09:00:00+07:00',
    recordedAt: '2025-06-02T09:10:00+07:00',
    forwardedAt: '2025-06-02T09:10:00+07:00',
    closedAt: '2025-06-04T10:00:00+07:00',
  });

  test('open steps are closed, not overdue, and measured up to the closing', () => {
    const sla = computeSla(closed, cal, { now: at('2025-06-16T10:00:00+07:00') });
    expect(rows(sla)).toEqual<Row[]>([
      ['on-time', '2025-06-02T09:00:00+07:00', '2025-06-03T09:00:00+07:00', '2025-06-02T09:10:00+07:00', 10, 0],
      ['on-time', '2025-06-02T09:10:00+07:00', '2025-06-03T09:10:00+07:00', '2025-06-02T09:10:00+07:00', 0, 0],
      ['closed', '2025-06-02T09:10:00+07:00', '2025-06-03T09:10:00+07:00', null, 1010, 0],
      ['closed', null, null, null, 0, 0],
      ['closed', null, null, null, 0, 0],
    ]);
    expect(sla.overall).toMatchObject({ state: 'closed', workingDays: 2.125, overdueWorkingDays: 0 });
    expect(wib(sla.overall.closedAt)).toBe('2025-06-04T10:00:00+07:00');
    expect(sla.currentStep).toBeNull();
  });

  test('an answer wins over a closing', () => {
    const sla = computeSla({ ...closed, answeredAt: at('2025-06-03T09:00:00+07:00') }, cal, {
      now: at('2025-06-16T10:00:00+07:00'),
    });
    expect(sla.overall.state).toBe('on-time');
    expect(sla.overall.closedAt).toBeNull();
    expect(sla.steps.map((s) => s.state)).toEqual(['on-time', 'on-time', 'on-time', 'on-time', 'on-time']);
  });
});

test('a skipped step counts as done at the next stamp (DESIGN §5)', () => {
  const sla = computeSla(
    stamps({
      receivedAt: '2025-06-02T09:00:00+07:00',
      recordedAt: '2025-06-02T09:00:00+07:00',
      forwardedAt: '2025-06-02T09:00:00+07:00',
      followedUpAt: '2025-06-03T14:00:00+07:00',
    }),
    cal,
    { now: at('2025-06-03T15:00:00+07:00') },
  );
  expect(rows(sla).slice(2)).toEqual<Row[]>([
    ['late', '2025-06-02T09:00:00+07:00', '2025-06-03T09:00:00+07:00', '2025-06-03T14:00:00+07:00', 780, 0],
    ['on-time', '2025-06-03T14:00:00+07:00', '2025-06-04T14:00:00+07:00', '2025-06-03T14:00:00+07:00', 0, 0],
    ['running', '2025-06-03T14:00:00+07:00', '2025-06-04T14:00:00+07:00', null, 60, 0],
  ]);
  expect(sla.currentStep).toBe(5);
});

test('configurable step standards', () => {
  const sla = computeSla(
    stamps({
      receivedAt: '2025-07-07T09:00:00+07:00',
      recordedAt: '2025-07-07T09:00:00+07:00',
      forwardedAt: '2025-07-07T10:00:00+07:00',
    }),
    cal,
    { now: at('2025-07-09T10:00:00+07:00'), stepDays: [1, 1, 3, 1, 1] },
  );
  expect(sla.steps[2]).toMatchObject({ days: 3, state: 'running' });
  expect(wib(sla.steps[2].dueAt)).toBe('2025-07-10T10:00:00+07:00');
  expect(sla.overall.days).toBe(7);
  expect(wib(sla.overall.dueAt)).toBe('2025-07-16T09:00:00+07:00');
  const zero = computeSla(stamps({ receivedAt: '2025-07-05T09:00:00+07:00' }), cal, {
    now: at('2025-07-07T09:00:00+07:00'),
    stepDays: [0, 1, 1, 1, 1],
  });
  // 0 days: due at s(receivedAt), Monday's opening; overdue an hour later.
  expect(wib(zero.steps[0].dueAt)).toBe('2025-07-07T08:00:00+07:00');
  expect(zero.steps[0].state).toBe('overdue');
});

test('a missing receivedAt falls back to recordedAt', () => {
  const sla = computeSla({ receivedAt: null, recordedAt: at('2025-07-07T09:00:00+07:00') }, cal, {
    now: at('2025-07-07T10:00:00+07:00'),
  });
  expect(wib(sla.steps[0].startedAt)).toBe('2025-07-07T09:00:00+07:00');
  expect(sla.steps[0].state).toBe('on-time');
});

test('invalid input is rejected with context', () => {
  const now = at('2025-07-07T10:00:00+07:00');
  expect(() => computeSla({}, cal, { now })).toThrow(/receivedAt/);
  expect(() => computeSla({ receivedAt: now }, cal, { now, stepDays: [1, 1, 1, 1] })).toThrow(/stepDays/);
  expect(() => computeSla({ receivedAt: now }, cal, { now, stepDays: [1, 1, -1, 1, 1] })).toThrow(/stepDays/);
  expect(() => computeSla({ receivedAt: new Date('x') }, cal, { now })).toThrow(/receivedAt/);
});

test('Dates from another realm (Apps Script services, the emulator) are accepted', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runInNewContext } = require('node:vm') as typeof import('node:vm');
  const foreign = (iso: string): Date => runInNewContext(`new Date(${JSON.stringify(iso)})`) as Date;
  expect(foreign('2025-07-07T09:00:00+07:00') instanceof Date).toBe(false);
  const sla = computeSla({ receivedAt: foreign('2025-07-07T09:00:00+07:00') }, cal, {
    now: foreign('2025-07-07T10:00:00+07:00'),
  });
  expect(sla.steps[0].workingMinutes).toBe(60);
  expect(wib(cal.addWorkingDays(foreign('2025-06-13T14:00:00+07:00'), 1))).toBe('2025-06-16T14:00:00+07:00');
});
