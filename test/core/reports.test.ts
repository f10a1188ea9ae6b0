/**
 * Reminders and escalation decisions (DESIGN §5, §6, §8): which day a run is about, what is due,
 * overdue and new per unit, what waits on the admin, and which escalation level is due. Default
 * calendar (Mon–Fri 08:00–16:00, shipped 2026 holidays: Good Friday 3 April 2026, cuti bersama
 * 18–24 March 2026). Expected values worked out by hand from the rules.
 */
import { createCalendar } from '../../src/core/calendar';
import { calendarOf } from '../../src/core/calendar-config';
import { STATUS } from '../../src/core/complaint';
import { dueEscalations, escalationKey, levelFor } from '../../src/core/reports/escalation';
import {
  firstWorkingDate,
  isFirstWorkingDayOfMonth,
  isFirstWorkingDayOfWeek,
  lastCompleteMonth,
  lastCompleteWeek,
  monthContaining,
  previousPeriod,
  previousWorkingDate,
  scheduledReminderDay,
  todayReminderDay,
  weekContaining,
} from '../../src/core/reports/period';
import { adminWorklist, openItems, unitWorklists } from '../../src/core/reports/worklist';
import { UNIT_SEKRETARIAT, UNIT_SENI, complaint, config, wib } from './reports-fixtures';

const cal = createCalendar();
const iso = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().replace('.000Z', '+07:00');

describe('the day a run is about', () => {
  test('a trigger 13 minutes early or 15 minutes late is about the same day and the same instant', () => {
    for (const t of ['2026-04-08T07:47:00', '2026-04-08T08:00:00', '2026-04-08T08:15:00', '2026-04-08T13:00:00']) {
      const day = scheduledReminderDay(cal, wib(t), 8);
      expect(day.date).toBe('2026-04-08');
      expect(iso(day.asOf)).toBe('2026-04-08T08:00:00+07:00');
      expect(day.working).toBe(true);
    }
  });

  test('a midnight reminder fired before midnight is about the next day', () => {
    expect(scheduledReminderDay(cal, wib('2026-04-07T23:50:00'), 0).date).toBe('2026-04-08');
    expect(todayReminderDay(cal, wib('2026-04-07T23:50:00'), 0).date).toBe('2026-04-07');
  });

  test('holidays, cuti bersama and weekends are not working days', () => {
    expect(scheduledReminderDay(cal, wib('2026-04-03T08:00:00'), 8).working).toBe(false); // Good Friday
    expect(scheduledReminderDay(cal, wib('2026-03-23T08:00:00'), 8).working).toBe(false); // cuti bersama
    expect(scheduledReminderDay(cal, wib('2026-04-04T08:00:00'), 8).working).toBe(false); // Saturday
    const withLocal = calendarOf(
      config({ holidays: [{ date: '2026-04-08', name: 'Libur lokal', kind: 'Libur lokal', source: '' }] }),
    );
    expect(scheduledReminderDay(withLocal, wib('2026-04-08T08:00:00'), 8).working).toBe(false);
  });

  test('previous working day skips the Lebaran leave', () => {
    expect(previousWorkingDate(cal, '2026-03-25')).toBe('2026-03-17');
    expect(previousWorkingDate(cal, '2026-04-06')).toBe('2026-04-02');
    expect(firstWorkingDate(cal, '2026-03-18', '2026-03-31')).toBe('2026-03-25');
  });
});

describe('periods', () => {
  test('ISO weeks run Monday 00:00 to Monday 00:00 WIB', () => {
    const w = weekContaining(cal, '2026-04-08');
    expect(w.key).toBe('2026-W15');
    expect(w.label).toBe('6–12 April 2026');
    expect(iso(w.from)).toBe('2026-04-06T00:00:00+07:00');
    expect(iso(w.to)).toBe('2026-04-13T00:00:00+07:00');
    expect(weekContaining(cal, '2026-04-01').label).toBe('30 Maret – 5 April 2026');
    expect(weekContaining(cal, '2026-01-01').key).toBe('2026-W01');
    expect(weekContaining(cal, '2027-01-01').key).toBe('2026-W53');
    expect(previousPeriod(cal, w).key).toBe('2026-W14');
  });

  test('the weekly summary covers the previous week; the monthly one the previous month', () => {
    expect(lastCompleteWeek(cal, '2026-04-13').key).toBe('2026-W15');
    expect(lastCompleteWeek(cal, '2026-04-12').key).toBe('2026-W14');
    const m = lastCompleteMonth(cal, '2026-05-04');
    expect([m.key, m.label, m.firstDate, m.lastDate]).toEqual(['2026-04', 'April 2026', '2026-04-01', '2026-04-30']);
    expect(iso(m.to)).toBe('2026-05-01T00:00:00+07:00');
    expect(monthContaining(cal, '2026-12-31').key).toBe('2026-12');
    expect(previousPeriod(cal, monthContaining(cal, '2026-01-15')).key).toBe('2025-12');
  });

  test('first working day of a week and of a month', () => {
    expect(isFirstWorkingDayOfWeek(cal, '2026-04-06')).toBe(true);
    expect(isFirstWorkingDayOfWeek(cal, '2026-04-07')).toBe(false);
    expect(isFirstWorkingDayOfWeek(cal, '2026-03-25')).toBe(true); // Mon 23 and Tue 24 are cuti bersama
    expect(isFirstWorkingDayOfMonth(cal, '2026-01-02')).toBe(true); // 1 Jan is a holiday
    expect(isFirstWorkingDayOfMonth(cal, '2026-05-04')).toBe(true); // 1 May (Fri) is a holiday
    expect(isFirstWorkingDayOfMonth(cal, '2026-05-01')).toBe(false);
  });
});

// The register on Wednesday 8 April 2026 at 08:00; the previous digest was Tuesday 7 April 08:00.
function register() {
  return {
    overdueToday: complaint({ received: '2026-04-06T09:30:00', forwarded: '2026-04-06T10:00:00' }), // step 3 due Tue 10:00
    dueToday: complaint({ received: '2026-04-07T08:30:00', forwarded: '2026-04-07T09:00:00' }), // step 3 due Wed 09:00
    fresh: complaint({ received: '2026-04-07T16:40:00', forwarded: '2026-04-07T17:00:00' }), // starts Wed 08:00, due Thu 08:00
    oneDay: complaint({
      received: '2026-04-02T09:00:00',
      forwarded: '2026-04-02T10:00:00',
      processed: '2026-04-02T11:00:00',
    }), // step 4 due Mon 11:00
    fourDays: complaint({ received: '2026-03-30T09:00:00', forwarded: '2026-03-30T10:00:00' }), // step 3 due Tue 31 Mar 10:00
    other: complaint(
      { received: '2026-04-07T08:30:00', forwarded: '2026-04-07T09:30:00' },
      { unit: UNIT_SEKRETARIAT.name },
    ),
    noUnit: complaint({ received: '2026-04-07T09:00:00' }), // step 2 due Wed 09:00
    toAnswer: complaint({
      received: '2026-04-03T10:00:00',
      recorded: '2026-04-06T08:10:00',
      forwarded: '2026-04-06T08:20:00',
      processed: '2026-04-06T09:00:00',
      followedUp: '2026-04-06T14:00:00',
    }),
    answered: complaint({
      received: '2026-04-06T09:00:00',
      forwarded: '2026-04-06T09:10:00',
      processed: '2026-04-06T09:20:00',
      followedUp: '2026-04-06T10:00:00',
      answered: '2026-04-06T11:00:00',
    }),
    closed: complaint({ received: '2026-04-06T09:00:00', closed: '2026-04-06T09:30:00' }),
    lostUnit: complaint({ received: '2026-04-07T08:00:00', forwarded: '2026-04-07T08:10:00' }, { unit: 'Unit Lama' }),
  };
}

describe('open items', () => {
  const r = register();
  const all = Object.values(r);
  const day = scheduledReminderDay(cal, wib('2026-04-08T08:05:00'), 8);
  const items = openItems(all, cal, [1, 1, 1, 1, 1], day.asOf);
  const byNumber = new Map(items.map((i) => [i.complaint.number, i]));

  test('answered and closed complaints are not open; the current step comes from the stamps', () => {
    expect(byNumber.has(r.answered.number)).toBe(false);
    expect(byNumber.has(r.closed.number)).toBe(false);
    expect(items).toHaveLength(all.length - 2);
    expect(byNumber.get(r.oneDay.number)).toMatchObject({ step: 4, overdue: true, overdueWorkingDays: 1 });
    expect(iso(byNumber.get(r.oneDay.number)!.dueAt)).toBe('2026-04-06T11:00:00+07:00');
    expect(byNumber.get(r.fourDays.number)).toMatchObject({ step: 3, overdue: true, overdueWorkingDays: 4 });
    expect(byNumber.get(r.overdueToday.number)).toMatchObject({ step: 3, overdue: true, overdueWorkingDays: 0 });
    expect(byNumber.get(r.noUnit.number)).toMatchObject({ step: 2, overdue: false });
    expect(byNumber.get(r.toAnswer.number)).toMatchObject({ step: 5, overdue: true, overdueWorkingDays: 0 });
  });

  test('the status typed in the register wins over missing stamps for a closed complaint', () => {
    const typed = { ...r.dueToday, status: STATUS.closed };
    expect(openItems([typed], cal, [1, 1, 1, 1, 1], day.asOf)).toEqual([]);
  });

  test('unit digest: overdue (most overdue first), due today, new since the previous digest', () => {
    const since = wib('2026-04-07T08:00:00');
    const lists = unitWorklists(items, config().units, day, since, cal);
    expect(lists.map((w) => w.unit.name)).toEqual([UNIT_SEKRETARIAT.name, UNIT_SENI.name]);
    const seni = lists[1];
    expect(seni.overdue.map((i) => i.complaint.number)).toEqual([
      r.fourDays.number,
      r.oneDay.number,
      r.overdueToday.number,
    ]);
    expect(seni.dueToday.map((i) => i.complaint.number)).toEqual([r.dueToday.number]);
    expect(seni.fresh.map((i) => i.complaint.number)).toEqual([r.fresh.number]);
    const sek = lists[0];
    expect([sek.overdue.length, sek.dueToday.length, sek.fresh.length]).toEqual([0, 1, 0]);
  });

  test('a unit with nothing to report gets no digest', () => {
    const lists = unitWorklists(
      items.filter((i) => i.complaint.unit !== UNIT_SEKRETARIAT.name),
      config().units,
      day,
      null,
      cal,
    );
    expect(lists.map((w) => w.unit.name)).toEqual([UNIT_SENI.name]);
  });

  test('admin digest: no unit yet, answer pending, and units no reminder can reach', () => {
    const w = adminWorklist(items, config().units);
    expect(w.awaitingUnit.map((i) => i.complaint.number)).toEqual([r.noUnit.number]);
    expect(w.awaitingAnswer.map((i) => i.complaint.number)).toEqual([r.toAnswer.number]);
    expect(w.unreachable.map((i) => i.complaint.number)).toEqual([r.lostUnit.number]);
  });
});

describe('escalation', () => {
  const r = register();
  const day = scheduledReminderDay(cal, wib('2026-04-08T08:00:00'), 8);
  const items = openItems(Object.values(r), cal, [1, 1, 1, 1, 1], day.asOf);
  const cfg = config();

  test('levels follow the configured thresholds', () => {
    expect(levelFor(0, cfg)).toBeNull();
    expect(levelFor(1, cfg)).toBe('kepala');
    expect(levelFor(2, cfg)).toBe('kepala');
    expect(levelFor(3, cfg)).toBe('pimpinan');
    expect(levelFor(2, { escalateHeadDays: 2, escalateLeadersDays: 5 })).toBe('kepala');
    expect(levelFor(1, { escalateHeadDays: 2, escalateLeadersDays: 5 })).toBeNull();
  });

  test('≥ 1 working day copies the unit head and the admins; ≥ 3 also leadership; only the highest level at once', () => {
    const due = dueEscalations(items, cfg, () => false);
    expect(due.map((e) => [e.item.complaint.number, e.level])).toEqual([
      [r.fourDays.number, 'pimpinan'],
      [r.oneDay.number, 'kepala'],
    ]);
    const [lead, head] = due;
    expect(head.to).toEqual(UNIT_SENI.pics);
    expect(head.cc).toEqual([UNIT_SENI.head, 'admin.medsos@example.org']);
    expect(head.key).toBe(`eskalasi|${r.oneDay.number}|4|kepala|UP Museum Seni`);
    expect(lead.cc).toEqual([UNIT_SENI.head, 'admin.medsos@example.org', 'kadis@example.org', 'sekdis@example.org']);
  });

  test('each level once per complaint and step: a queued level (or a higher one) is not sent again', () => {
    const queued = new Set([
      escalationKey(r.oneDay.number, 4, 'kepala', UNIT_SENI.name),
      escalationKey(r.fourDays.number, 3, 'kepala', UNIT_SENI.name),
    ]);
    const due = dueEscalations(items, cfg, (k) => queued.has(k));
    expect(due.map((e) => [e.item.complaint.number, e.level])).toEqual([[r.fourDays.number, 'pimpinan']]);
    queued.add(escalationKey(r.fourDays.number, 3, 'pimpinan', UNIT_SENI.name));
    expect(dueEscalations(items, cfg, (k) => queued.has(k))).toEqual([]);
    // Leadership level already sent: the head level is covered too.
    const onlyHigh = new Set([
      escalationKey(r.oneDay.number, 4, 'pimpinan', UNIT_SENI.name),
      escalationKey(r.fourDays.number, 3, 'pimpinan', UNIT_SENI.name),
    ]);
    expect(dueEscalations(items, cfg, (k) => onlyHigh.has(k))).toEqual([]);
  });

  test('a reassigned complaint escalates again at its new unit', () => {
    const queued = new Set([escalationKey(r.fourDays.number, 3, 'pimpinan', UNIT_SENI.name)]);
    const moved = items.map((i) =>
      i.complaint.number === r.fourDays.number
        ? { ...i, complaint: { ...i.complaint, unit: UNIT_SEKRETARIAT.name } }
        : i,
    );
    const due = dueEscalations(moved, cfg, (k) => queued.has(k));
    expect(due.find((e) => e.item.complaint.number === r.fourDays.number)).toMatchObject({
      level: 'pimpinan',
      to: UNIT_SEKRETARIAT.pics,
    });
  });

  test('admin steps go to the admins, copied to the unit head when there is one', () => {
    const late = complaint({
      received: '2026-03-30T09:00:00',
      forwarded: '2026-03-30T09:30:00',
      processed: '2026-03-30T10:00:00',
      followedUp: '2026-03-30T11:00:00',
    });
    const noUnit = complaint({ received: '2026-04-01T09:00:00' });
    const its = openItems([late, noUnit], cal, [1, 1, 1, 1, 1], day.asOf);
    const due = dueEscalations(its, cfg, () => false);
    const byNumber = new Map(due.map((e) => [e.item.complaint.number, e]));
    expect(byNumber.get(late.number)).toMatchObject({
      to: ['admin.medsos@example.org'],
      cc: [UNIT_SENI.head, 'kadis@example.org', 'sekdis@example.org'],
    });
    expect(byNumber.get(late.number)).toMatchObject({ level: 'pimpinan', item: { step: 5, overdueWorkingDays: 4 } });
    expect(byNumber.get(noUnit.number)).toMatchObject({
      level: 'kepala',
      to: ['admin.medsos@example.org'],
      cc: [],
      item: { step: 2, overdueWorkingDays: 2 },
    });
  });

  test('thresholds are configurable', () => {
    const due = dueEscalations(items, config({ escalateHeadDays: 2, escalateLeadersDays: 5 }), () => false);
    expect(due.map((e) => [e.item.complaint.number, e.level])).toEqual([[r.fourDays.number, 'kepala']]);
  });
});
