/**
 * Incidents and user actions in scenarios (DESIGN §12.1, issue 10): each kind run through the
 * scenario runner on the built bundle, checked on events.json and on what it did to the
 * spreadsheet. These tests state what the runner and the runtime do; what the system does
 * about each incident is listed in the incident report, not asserted here unless it is right.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sheet } from '../../emulator/spreadsheet';
import { EXECUTION_TIME_EXCEEDED } from '../../emulator/faults';
import { Simulation, simulate } from '../../scripts/simulate';
import { ScenarioError, ScenarioEvent, parseScenario } from '../../scripts/sim/scenario';
import type { EventRecord } from '../../scripts/sim/runner';
import { readJsonProperty } from '../../scripts/sim/tabs';

const ADMIN = 'admin.medsos@example.org';
const PIC = 'pic.museum.seni@example.org';
const OWNER = 'operator@example.org';
const t = (s: string) => `2026-04-${s}+07:00`;
const PROTECTED = 'You are trying to edit a protected cell or object';

function submission(at: string, text = 'AC ruang pamer Museum Wayang mati'): ScenarioEvent {
  return {
    at,
    by: ADMIN,
    submit: {
      receivedAt: at,
      channel: 'Instagram',
      reporter: '@warga',
      text,
      category: 'Fasilitas dan kebersihan',
      unit: 'UP Museum Seni',
    },
  };
}
const TWO = [submission(t('06T09:00:00')), submission(t('06T09:05:00'), 'Toilet Museum Keramik kotor')];

function scenario(events: ScenarioEvent[], extra: Record<string, unknown> = {}) {
  return parseScenario(
    JSON.stringify({ start: t('06T07:00:00'), end: t('08T17:00:00'), admins: [ADMIN], events, ...extra }),
  );
}

/** Runs the scenario's events through the runner (without writing files); returns the records. */
function play(
  events: ScenarioEvent[],
  extra: Record<string, unknown> = {},
): { sim: Simulation; records: EventRecord[] } {
  const s = scenario(events, extra);
  const sim = new Simulation(s);
  sim.setup();
  s.events.forEach((e, i) => sim.event(e, i));
  return { sim, records: sim.eventRecords() };
}

const statuses = (records: EventRecord[]) => records.map((r) => `${r.kind}:${r.status}`);
const tab = (sim: Simulation, name: string) => sim.rt.spreadsheet.getSheetByName(name) as Sheet;
const numbersIn = (rt: Simulation['rt']) =>
  (rt.spreadsheet.getSheetByName('Pengaduan') as Sheet)
    .getDataRange()
    .getValues()
    .slice(1)
    .map((r) => r[0])
    .filter(Boolean);
const numbers = (sim: Simulation) => numbersIn(sim.rt);

describe('malformed events are rejected before anything runs, naming the index and field', () => {
  test.each([
    [
      { at: t('06T10:00:00'), by: PIC, edit: { tab: 'Pengaduan', range: 'K2:L3', values: [['x']] } },
      'events[0].edit.values',
    ],
    [
      { at: t('06T10:00:00'), by: PIC, edit: { tab: 'Pengaduan', range: 'K:K', values: [['x']] } },
      'events[0].edit.range',
    ],
    [
      { at: t('06T10:00:00'), by: PIC, sort: { tab: 'Pengaduan', range: 'A2:C9', column: 'A', descending: 'ya' } },
      'events[0].sort.descending',
    ],
    [{ at: t('06T10:00:00'), by: OWNER, deleteRows: { tab: '@responses', row: 0 } }, 'events[0].deleteRows.row'],
    [
      { at: t('06T10:00:00'), by: OWNER, insertRows: { tab: 'Pengaduan', row: 2, cont: 1 } },
      'events[0].insertRows.cont',
    ],
    [{ at: t('06T10:00:00'), by: OWNER, renameTab: { tab: 'Unit' } }, 'events[0].renameTab.to'],
    [{ at: t('06T10:00:00'), clearTab: { tab: 'Unit' } }, 'events[0].by'],
    [{ at: t('06T10:00:00'), fault: { kind: 'flood' } }, 'events[0].fault.kind'],
    [{ at: t('06T10:00:00'), fault: { kind: 'outage', method: 'MailApp.sendEmail' } }, 'events[0].fault.until'],
    [
      { at: t('06T10:00:00'), fault: { kind: 'outage', method: 'kirim email', until: t('06T11:00:00') } },
      'events[0].fault.method',
    ],
    [
      { at: t('06T10:00:00'), fault: { kind: 'kill', run: 'hourly', after: 'Range.getValues', nth: 0 } },
      'events[0].fault.nth',
    ],
    [{ at: t('06T10:00:00'), fault: { kind: 'holdLock', seconds: -5 } }, 'events[0].fault.seconds'],
    [
      {
        at: t('06T10:00:00'),
        fault: { kind: 'wipeProperties' },
        during: { run: 'hourly', after: 'Range.getValues', nth: 1 },
      },
      'events[0].during',
    ],
    [
      { at: t('06T10:00:00'), by: PIC, clearTab: { tab: 'Unit' }, during: { run: 'hourly', nth: 1 } },
      'events[0].during.after',
    ],
    [{ at: t('06T10:00:00'), by: PIC, clearTab: { tab: 'Unit' }, durring: { run: 'hourly' } }, 'events[0].durring'],
  ])('%j → %s', (event, where) => {
    const text = JSON.stringify({ start: t('06T07:00:00'), end: t('08T17:00:00'), events: [event] });
    expect(() => parseScenario(text, 'x.json')).toThrow(ScenarioError);
    expect(() => parseScenario(text, 'x.json')).toThrow(where);
  });

  test('top-level operator and accountTimeZone are checked', () => {
    expect(() => scenario([], { operator: 'bukan email' })).toThrow('.operator');
    expect(() => scenario([], { accountTimeZone: 'Jakarta/Pusat' })).toThrow('.accountTimeZone');
  });

  test("a run name the bundle's menu does not list is rejected after loading it, before the first event", () => {
    const s = scenario([...TWO, { at: t('06T10:00:00'), run: 'menuTidakAda' }]);
    const sim = new Simulation(s);
    expect(() => sim.setup()).toThrow('events[2].run');
    expect(sim.rt.executions.filter((x) => x.label === 'onFormSubmitTrigger')).toHaveLength(0);
  });
});

describe('events.json through the runner', () => {
  test("per event: index, kind, applied/refused and why; a register row an officer deletes is refused, the owner's applied", async () => {
    const s = scenario([
      ...TWO,
      { at: t('06T10:00:00'), by: PIC, deleteRows: { tab: 'Pengaduan', row: 2, count: 1 } },
      { at: t('06T10:05:00'), by: OWNER, deleteRows: { tab: 'Pengaduan', row: 3, count: 1 } },
      { at: t('06T10:10:00'), fault: { kind: 'wipeProperties' } },
      { at: t('06T10:20:00'), run: 'setup' },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'sim-incidents-'));
    const result = await simulate(s, join(dir, 'out'), () => undefined);
    const events = JSON.parse(readFileSync(join(dir, 'out', 'events.json'), 'utf8')) as EventRecord[];
    expect(events.map((e) => [e.index, e.kind, e.status])).toEqual([
      [0, 'submit', 'applied'],
      [1, 'submit', 'applied'],
      [2, 'deleteRows', 'refused'],
      [3, 'deleteRows', 'applied'],
      [4, 'wipeProperties', 'applied'],
      [5, 'run', 'applied'],
    ]);
    expect(events[2].why).toContain(PROTECTED);
    expect(events.filter((e) => e.status === 'applied').every((e) => e.why === '')).toBe(true);
    expect(events[2].by).toBe(PIC);
    expect(result.problems.some((p) => p.startsWith('events[2]: deleteRows: Sheets menolak'))).toBe(true);
    // The owner's deletion is applied, and setup's reconcile registers the response again under
    // its own number (issue 11): every accepted submission stays exactly one complaint.
    expect(numbersIn(result.runtime).sort()).toEqual(['ADU-2026-0001', 'ADU-2026-0002']);
  });
});

describe('user actions on tabs', () => {
  test('edit of a range: an officer pastes two rows of officer columns; an admin typing a system column is refused', () => {
    const { sim, records } = play([
      ...TWO,
      {
        at: t('06T10:00:00'),
        by: PIC,
        edit: {
          tab: 'UP Museum Seni',
          range: 'K2:L3',
          values: [
            ['Diproses', 'Dicek teknisi'],
            ['Diproses', ''],
          ],
        },
      },
      { at: t('06T10:05:00'), by: ADMIN, edit: { tab: 'Pengaduan', range: 'A2', values: [['ADU-2026-9999']] } },
    ]);
    expect(statuses(records)).toEqual(['submit:applied', 'submit:applied', 'edit:applied', 'edit:refused']);
    expect(records[3].why).toContain(PROTECTED);
    expect(numbers(sim)).toEqual(['ADU-2026-0001', 'ADU-2026-0002']);
  });

  test("sort: the officer's own columns may be sorted, a range with protected columns is refused", () => {
    const { sim, records } = play([
      ...TWO,
      {
        at: t('06T10:00:00'),
        by: PIC,
        sort: { tab: 'UP Museum Seni', range: 'A2:Q3', column: 'No. Pengaduan', descending: true },
      },
      { at: t('06T10:05:00'), by: PIC, edit: { tab: 'UP Museum Seni', range: 'M2:M3', values: [['b'], ['a']] } },
      { at: t('06T10:10:00'), by: PIC, sort: { tab: 'UP Museum Seni', range: 'M2:M3', column: 'M' } },
    ]);
    expect(statuses(records).slice(2)).toEqual(['sort:refused', 'edit:applied', 'sort:applied']);
    // Sheets applies the sort; the system recognises the notes moved to the other complaint and
    // puts each back (issue 12): the officer's text never lands on another complaint.
    expect(tab(sim, 'UP Museum Seni').getRange('M2:M3').getValues()).toEqual([['b'], ['a']]);
  });

  test('insertRows, renameTab and clearTab by the owner are applied; by an officer on a protected tab refused', () => {
    const { sim, records } = play([
      ...TWO,
      { at: t('06T10:00:00'), by: PIC, insertRows: { tab: 'Pengaduan', row: 3, count: 1 } },
      { at: t('06T10:01:00'), by: OWNER, insertRows: { tab: 'Pengaduan', row: 3, count: 2 } },
      { at: t('06T10:02:00'), by: PIC, renameTab: { tab: 'Riwayat', to: 'Riwayat lama' } },
      { at: t('06T10:03:00'), by: OWNER, renameTab: { tab: 'Log Galat', to: 'Galat' } },
      { at: t('06T10:04:00'), by: PIC, clearTab: { tab: 'Unit' } },
      { at: t('06T10:05:00'), by: OWNER, clearTab: { tab: '@responses' } },
      { at: t('06T10:06:00'), by: OWNER, renameTab: { tab: 'Tab Khayalan', to: 'X' } },
    ]);
    expect(statuses(records).slice(2)).toEqual([
      'insertRows:refused',
      'insertRows:applied',
      'renameTab:refused',
      'renameTab:applied',
      'clearTab:refused',
      'clearTab:applied',
      'renameTab:refused',
    ]);
    expect(records[8].why).toContain('Tab Khayalan');
    expect(
      tab(sim, 'Pengaduan')
        .getRange('A2:A5')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['ADU-2026-0001', '', '', 'ADU-2026-0002']);
    expect(tab(sim, 'Galat')).not.toBeNull();
    const responses = sim.tab('@responses');
    expect(responses.getLastRow()).toBe(0);
  });
});

describe('faults', () => {
  test("outage: an intake during a Sheets outage fails with Google's message, recorded as the event's failure", () => {
    const { records } = play([
      submission(t('06T09:00:00')),
      { at: t('06T09:20:00'), fault: { kind: 'outage', method: 'SpreadsheetApp', until: t('06T09:40:00') } },
      submission(t('06T09:30:00'), 'Saat gangguan'),
    ]);
    expect(statuses(records)).toEqual(['submit:applied', 'outage:applied', 'submit:applied']);
    expect(records[2].failures).toEqual(['onFormSubmitTrigger: Service error: Spreadsheets']);
  });

  test('kill: the next hourly run ends right after its first sent email, as killed; what it did stays', () => {
    const { sim, records } = play([
      { at: t('06T08:30:00'), fault: { kind: 'kill', run: 'hourly', after: 'MailApp.sendEmail', nth: 1 } },
      // Mail is down while the two are submitted, so their assignment emails wait for the hourly run.
      { at: t('06T08:31:00'), fault: { kind: 'outage', method: 'MailApp.sendEmail', until: t('06T09:10:00') } },
      ...TWO,
    ]);
    sim.rt.advanceTo(t('06T10:30:00'));
    const hourly = sim.rt.executions.filter((x) => x.label === 'hourlyJob');
    const killed = hourly.filter((x) => x.error === EXECUTION_TIME_EXCEEDED);
    expect(killed).toHaveLength(1);
    // It sent one email (the call completed) and nothing after it: the second went out on a later run.
    const next = hourly[hourly.indexOf(killed[0]) + 1];
    const sentBy = (from: Date, to?: Date) => sim.rt.outbox.filter((m) => m.at >= from && (!to || m.at < to)).length;
    expect(sentBy(killed[0].startedAt, next.startedAt)).toBe(1);
    expect(sim.rt.ledger.runs.filter((r) => r.error === EXECUTION_TIME_EXCEEDED).map((r) => r.label)).toEqual([
      'hourlyJob',
    ]);
    expect(sim.rt.lockService._isHeld('script')).toBe(false);
    expect(records[0]).toMatchObject({ kind: 'kill', status: 'refused' }); // before the hourly run came
    expect(statuses(sim.eventRecords())).toEqual([
      'kill:applied',
      'outage:applied',
      'submit:applied',
      'submit:applied',
    ]);
  });

  test('kill that never happens (the handler never makes the nth call) is refused with why', () => {
    const { records } = play([
      ...TWO,
      { at: t('06T09:30:00'), fault: { kind: 'kill', run: 'onFormSubmitTrigger', after: 'Range.setNotes', nth: 1 } },
      submission(t('06T09:40:00'), 'Ketiga'),
    ]);
    expect(records[2]).toMatchObject({ kind: 'kill', status: 'refused' });
    expect(records[2].why).toContain('onFormSubmitTrigger hanya memanggil Range.setNotes 0 kali');
  });

  test('holdLock: a submission while another execution holds the lock waits for it', () => {
    const { sim, records } = play([
      submission(t('06T09:00:00')),
      { at: t('06T10:00:00'), fault: { kind: 'holdLock', seconds: 20 } },
      submission(t('06T10:00:05'), 'Saat kunci dipegang'),
    ]);
    expect(statuses(records)).toEqual(['submit:applied', 'holdLock:applied', 'submit:applied']);
    const intake = sim.rt.executions.filter((x) => x.label === 'onFormSubmitTrigger').at(-1)!;
    expect(intake.ok).toBe(true);
    expect(sim.rt.now().getTime()).toBeGreaterThanOrEqual(Date.parse(t('06T10:00:20')));
  });

  test('skipTriggers: no time-driven run between the fault and `until`; they fire again after', () => {
    const { sim } = play([{ at: t('06T10:30:00'), fault: { kind: 'skipTriggers', until: t('06T14:00:00') } }]);
    sim.rt.advanceTo(t('06T16:00:00'));
    const hourlyAt = sim.rt.executions.filter((x) => x.label === 'hourlyJob').map((x) => x.startedAt.getTime());
    expect(hourlyAt.filter((ms) => ms > Date.parse(t('06T10:30:00')) && ms < Date.parse(t('06T14:00:00')))).toEqual([]);
    expect(hourlyAt.filter((ms) => ms >= Date.parse(t('06T14:00:00')))).toHaveLength(2);
  });

  test('wipeProperties: every Script Property is gone; run: setup rebuilds them', () => {
    const { sim, records } = play([
      submission(t('06T09:00:00')),
      { at: t('06T10:00:00'), fault: { kind: 'wipeProperties' } },
    ]);
    expect(records[1]).toMatchObject({ kind: 'wipeProperties', status: 'applied', why: '' });
    expect(sim.rt.propertiesService.getScriptProperties().getKeys()).toEqual([]);
    sim.event({ at: t('06T10:30:00'), run: 'setup' }, 2);
    expect(readJsonProperty<{ formId: string }>(sim.rt, 'layout')?.formId).toBeTruthy();
  });
});

describe('during: a user action lands in the middle of the next execution of a run', () => {
  test("an officer's update lands inside the next hourly run; its edit trigger runs right after that run", () => {
    const { sim, records } = play([
      ...TWO,
      {
        at: t('06T09:30:00'),
        by: PIC,
        update: { ref: 1, status: 'Diproses' },
        during: { run: 'hourly', after: 'Range.getValues', nth: 1 },
      },
    ]);
    expect(records[2].status).toBe('refused'); // not yet: the next hourly run has not come
    sim.rt.advanceTo(t('06T10:30:00'));
    const final = sim.eventRecords();
    expect(final[2]).toMatchObject({ kind: 'update', status: 'applied', why: '' });
    const labels = sim.rt.executions.map((x) => x.label);
    const hourly = labels.lastIndexOf('hourlyJob');
    expect(labels[hourly + 1]).toBe('onEditTrigger');
    const unit = tab(sim, 'UP Museum Seni');
    expect(unit.getRange(2, 11).getValue()).toBe('Diproses');
  });

  test('a submission during a run is registered right after it, and later events can refer to it', () => {
    const s = scenario([
      ...TWO,
      {
        ...submission(t('06T09:30:00'), 'Lampu taman mati'),
        during: { run: 'hourly', after: 'Range.getValues', nth: 2 },
      },
      { at: t('06T10:40:00'), by: PIC, update: { ref: 3, status: 'Diproses' } },
    ]);
    const sim = new Simulation(s);
    sim.setup();
    s.events.forEach((e, i) => sim.event(e, i));
    expect(statuses(sim.eventRecords())).toEqual([
      'submit:applied',
      'submit:applied',
      'submit:applied',
      'update:applied',
    ]);
    expect(numbers(sim)).toEqual(['ADU-2026-0001', 'ADU-2026-0002', 'ADU-2026-0003']);
    expect(tab(sim, 'UP Museum Seni').getRange(4, 11).getValue()).toBe('Diproses');
  });

  test('a during whose run never comes is refused at the end with why', () => {
    const { records } = play([
      ...TWO,
      {
        at: t('06T09:30:00'),
        by: PIC,
        update: { ref: 1, status: 'Diproses' },
        during: { run: 'menuReconcile', after: 'Range.getValues', nth: 1 },
      },
    ]);
    expect(records[2]).toMatchObject({ status: 'refused' });
    expect(records[2].why).toContain('menuReconcile tidak berjalan lagi');
  });
});

describe('run: setup and every menu entry point; operator and accountTimeZone', () => {
  test('menu entries by function name and the old aliases run as the operator', () => {
    const { sim, records } = play([
      ...TWO,
      { at: t('06T10:00:00'), run: 'menuRemindNow' },
      { at: t('06T10:10:00'), run: 'menuSyncForm' },
      { at: t('06T10:20:00'), run: 'summary' },
    ]);
    expect(statuses(records).slice(2)).toEqual(['run:applied', 'run:applied', 'run:applied']);
    const labels = sim.rt.executions.map((x) => `${x.label}:${x.kind}`);
    expect(labels).toEqual(expect.arrayContaining(['menuRemindNow:menu', 'menuSyncForm:menu', 'menuSendSummary:menu']));
  });

  test('operator and accountTimeZone reach the runtime', () => {
    const { sim } = play([], { operator: 'pemilik@example.org', accountTimeZone: 'America/New_York' });
    expect(sim.operator).toBe('pemilik@example.org');
    expect(sim.rt.env.owner).toBe('pemilik@example.org');
    expect(sim.rt.env.accountTimeZone).toBe('America/New_York');
    const defaults = play([]).sim;
    expect(defaults.operator).toBe('operator@example.org');
    expect(defaults.rt.env.accountTimeZone).toBe('Asia/Jakarta');
  });
});
