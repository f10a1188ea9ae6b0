/**
 * Fault injection (emulator/faults.ts) and user actions besides typing (sort, delete/insert rows,
 * rename, clear), driven through the runtime's API as tests and the scenario runner use them.
 * Each behaviour cites the page it follows.
 */
import { GasRuntime } from '../../emulator/runtime';
import { EXECUTION_TIME_EXCEEDED, SERVICE_ERROR, callMatcher } from '../../emulator/faults';
import type { Sheet } from '../../emulator/spreadsheet';

const START = '2026-03-16T07:00:00+07:00';
const OWNER = 'operator@example.org';
const PIC = 'pic@example.org';

const CODE = `
  function sheet_() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data'); }
  function writeThree() {
    var s = sheet_();
    for (var i = 1; i <= 3; i++) s.getRange(i, 1).setValue('row ' + i);
    return 'done';
  }
  function swallow() {
    var s = sheet_();
    for (var i = 1; i <= 3; i++) { try { s.getRange(i, 1).setValue('row ' + i); } catch (e) { PropertiesService.getScriptProperties().setProperty('caught' + i, e.message); } }
    return 'finished anyway';
  }
  function locked() {
    var lock = LockService.getScriptLock();
    lock.waitLock(10000);
    sheet_().getRange(1, 1).setValue('locked');
    var v = sheet_().getRange(1, 1, 2, 1).getValues();
    sheet_().getRange(3, 1).setValue('after read: ' + v[1][0]);
  }
  function mail() { MailApp.sendEmail('a@example.org', 'subject', 'body'); return 'sent'; }
  function tick() { var p = PropertiesService.getScriptProperties(); p.setProperty('ticks', String(Number(p.getProperty('ticks') || 0) + 1)); }
  function installTick() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
  function installEditAndChange() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    ScriptApp.newTrigger('onEditRec').forSpreadsheet(ss).onEdit().create();
    ScriptApp.newTrigger('onChangeRec').forSpreadsheet(ss).onChange().create();
  }
  function push_(what) { var p = PropertiesService.getScriptProperties(); var l = JSON.parse(p.getProperty('log') || '[]'); l.push(what); p.setProperty('log', JSON.stringify(l)); }
  function onEditRec(e) { push_({ t: 'edit', range: e.range.getA1Notation(), value: e.value === undefined ? null : e.value, oldValue: e.oldValue === undefined ? null : e.oldValue }); }
  function onChangeRec(e) { push_({ t: 'change', changeType: e.changeType }); }
  function log() { return JSON.parse(PropertiesService.getScriptProperties().getProperty('log') || '[]'); }
`;

function runtime(): GasRuntime {
  const rt = new GasRuntime({ start: START, owner: OWNER, users: [PIC] });
  rt.spreadsheet.insertSheet('Data');
  rt.load(CODE);
  return rt;
}
const data = (rt: GasRuntime) => rt.spreadsheet.getSheetByName('Data') as Sheet;
const column = (rt: GasRuntime, n = 4) =>
  data(rt)
    .getRange(1, 1, n, 1)
    .getValues()
    .map((r) => r[0]);

describe("outage: every call of a method throws Google's service error until a time", () => {
  // Transient Sheets failures surface as "Service error: Spreadsheets" / "Service Spreadsheets
  // timed out while accessing document with id …" (Apps Script executions log).
  test('a Class.method outage fails that call until `until`, then the call works again', () => {
    const rt = runtime();
    rt.faults.outage('Range.setValue', '2026-03-16T08:00:00+07:00');
    expect(() => rt.call('writeThree')).toThrow(SERVICE_ERROR.spreadsheets);
    expect(column(rt)).toEqual(['', '', '', '']);
    rt.advanceTo('2026-03-16T08:00:00+07:00');
    expect(rt.call('writeThree')).toBe('done');
  });

  test('a service prefix fails every call of the family; a custom message is used as given', () => {
    const rt = runtime();
    const id = rt.spreadsheet.getId();
    rt.faults.outage('SpreadsheetApp', Date.parse('2026-03-16T09:00:00+07:00'), SERVICE_ERROR.spreadsheetsTimedOut(id));
    expect(() => rt.call('writeThree')).toThrow(
      `Service Spreadsheets timed out while accessing document with id ${id}.`,
    );
    expect(rt.call('mail')).toBe('sent'); // another service is unaffected
    expect(callMatcher('Spreadsheets').matches('Range.getValues')).toBe(true);
    expect(callMatcher('Spreadsheets').matches('MailApp.sendEmail')).toBe(false);
    expect(callMatcher('MailApp').matches('MailApp.sendEmail')).toBe(true);
  });

  test('MailApp.sendEmail outage: nothing is sent', () => {
    const rt = runtime();
    rt.faults.outage('MailApp.sendEmail', '2026-03-16T08:00:00+07:00');
    expect(() => rt.call('mail')).toThrow('Service error: Mail');
    expect(rt.outbox).toHaveLength(0);
  });
});

describe('kill: the next execution of a handler ends right after the nth call', () => {
  // An execution past its limit ends with "Exceeded maximum execution time"
  // (https://developers.google.com/apps-script/guides/support/troubleshooting).
  test('what it wrote stays, nothing after happens, the run is recorded as killed', () => {
    const rt = runtime();
    rt.faults.kill('writeThree', 'Range.setValue', 2);
    expect(() => rt.call('writeThree')).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(column(rt)).toEqual(['row 1', 'row 2', '', '']);
    expect(rt.executions.at(-1)).toMatchObject({ label: 'writeThree', ok: false, error: EXECUTION_TIME_EXCEEDED });
    expect(rt.ledger.last()?.error).toBe(EXECUTION_TIME_EXCEEDED);
    // Only the next execution: the following one runs to the end.
    expect(rt.call('writeThree')).toBe('done');
    expect(column(rt)).toEqual(['row 1', 'row 2', 'row 3', '']);
  });

  test('sticky: a script that catches the error can do nothing more, and is still recorded as killed', () => {
    const rt = runtime();
    rt.faults.kill('swallow', 'Range.setValue', 1);
    expect(() => rt.call('swallow')).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(column(rt)).toEqual(['row 1', '', '', '']);
    expect(rt.propertiesService.getScriptProperties().getKeys()).toEqual([]); // its setProperty calls threw too
  });

  test('the lock a killed run held is released at its end', () => {
    const rt = runtime();
    rt.faults.kill('locked', 'Range.setValue', 1);
    expect(() => rt.call('locked')).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(rt.lockService._isHeld('script')).toBe(false);
    expect(() => rt.call('locked')).not.toThrow();
  });

  test('other handlers are not affected; the kill waits for its handler', () => {
    const rt = runtime();
    const outcome = rt.faults.kill('writeThree', 'Range.setValue', 1);
    expect(rt.call('mail')).toBe('sent');
    expect(outcome.fired).toBe(false);
    expect(() => rt.call('writeThree')).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(outcome).toMatchObject({ fired: true, count: 1 });
  });
});

describe('during: a user acts in the middle of the next execution of a handler', () => {
  // Sheets never makes a user wait for the script lock: the edit lands between two calls.
  test('the edit lands right after the nth call; the run sees it on its next read', () => {
    const rt = runtime();
    rt.call('installEditAndChange');
    const outcome = rt.faults.during('locked', 'Range.setValue', 1, () => {
      const r = rt.editAsUser(PIC, 'Data', 2, 1, [['typed by pic']]);
      expect(r).toMatchObject({ applied: true, runs: [], deferred: true });
    });
    const before = rt.executions.length;
    rt.call('locked');
    expect(outcome.fired).toBe(true);
    expect(column(rt)).toEqual(['locked', 'typed by pic', 'after read: typed by pic', '']);
    // The edit trigger could not nest inside the run: it ran right after it, with the lock free.
    const after = rt.executions.slice(before).map((x) => `${x.label}:${x.ok}`);
    expect(after).toEqual(['locked:true', 'onEditRec:true', 'onChangeRec:true']);
    expect(rt.call('log')).toEqual([
      { t: 'edit', range: 'A2', value: 'typed by pic', oldValue: null },
      { t: 'change', changeType: 'EDIT' },
    ]);
  });
});

describe('holdLock: another execution holds the script lock', () => {
  // waitLock "throws an exception" when the lock cannot be acquired within the timeout
  // (https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)).
  test('held 45 s from now: a 10 s wait times out; held 5 s: the run waits and goes on', () => {
    const rt = runtime();
    rt.holdLock('script', rt.now().getTime() + 45_000);
    expect(() => rt.call('locked')).toThrow('Lock timeout: another process was holding the lock for too long.');
    rt.advanceTo(new Date(rt.now().getTime() + 60_000));
    rt.holdLock('script', rt.now().getTime() + 5_000);
    const t0 = rt.now().getTime();
    rt.call('locked');
    expect(rt.now().getTime() - t0).toBeGreaterThanOrEqual(5_000);
  });
});

describe('skipTriggers and wipeProperties', () => {
  // Time-driven triggers that could not fire are not queued
  // (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers).
  test('firings due before `until` are dropped, later ones run', () => {
    const rt = runtime();
    rt.call('installTick');
    rt.faults.skipTriggers('2026-03-16T11:30:00+07:00');
    rt.advanceTo('2026-03-16T14:30:00+07:00');
    expect(rt.propertiesService.getScriptProperties().getProperty('ticks')).toBe('3'); // 12:00, 13:00, 14:00
  });

  test('Script, document and user properties are gone, as in a new Apps Script project', () => {
    const rt = runtime();
    rt.call('tick');
    rt.propertiesService.getDocumentProperties().setProperty('d', '1');
    rt.propertiesService._userStore(OWNER).values.set('u', '1');
    rt.faults.wipeProperties();
    expect(rt.propertiesService.getScriptProperties().getKeys()).toEqual([]);
    expect(rt.propertiesService.getDocumentProperties().getKeys()).toEqual([]);
    expect([...rt.propertiesService._userStore(OWNER).values.keys()]).toEqual([]);
  });
});

describe('user actions besides typing: protections and the events Sheets delivers', () => {
  // Change types: https://developers.google.com/apps-script/guides/triggers/events (Sheets change).
  function protectedRuntime(): GasRuntime {
    const rt = runtime();
    rt.call('installEditAndChange');
    const s = data(rt);
    s._writeRaw(1, 1, [['No'], ['b'], ['c'], ['a']]);
    const p = s.getRange('A1:A2').protect();
    p.removeEditors([PIC]);
    return rt;
  }

  test('deleting a row with a protected cell is refused for an editor outside the protection, applied for the owner', () => {
    const rt = protectedRuntime();
    expect(rt.deleteRowsAsUser(PIC, 'Data', 2, 1)).toMatchObject({
      applied: false,
      reason: expect.stringContaining('protected cell'),
    });
    expect(rt.deleteRowsAsUser(PIC, 'Data', 3, 1).applied).toBe(true);
    expect(rt.deleteRowsAsUser(OWNER, 'Data', 2, 1).applied).toBe(true);
    expect(column(rt, 2)).toEqual(['No', 'a']);
    expect(rt.call('log')).toEqual([
      { t: 'change', changeType: 'REMOVE_ROW' },
      { t: 'change', changeType: 'REMOVE_ROW' },
    ]);
  });

  test('inserting rows inside a protected range is refused, below it applied (INSERT_ROW, no edit event)', () => {
    const rt = protectedRuntime();
    expect(rt.insertRowsAsUser(PIC, 'Data', 2, 1).applied).toBe(false);
    expect(rt.insertRowsAsUser(PIC, 'Data', 3, 2).applied).toBe(true);
    expect(column(rt, 6)).toEqual(['No', 'b', '', '', 'c', 'a']);
    expect(rt.call('log')).toEqual([{ t: 'change', changeType: 'INSERT_ROW' }]);
  });

  test('sort rewrites the range: an edit of the range without value/oldValue, and a change EDIT', () => {
    const rt = protectedRuntime();
    expect(rt.sortAsUser(PIC, 'Data', 'A1:A4', 1).applied).toBe(false);
    expect(rt.sortAsUser(PIC, 'Data', 'A3:A4', 1).applied).toBe(true);
    expect(column(rt)).toEqual(['No', 'b', 'a', 'c']);
    expect(rt.call('log')).toEqual([
      { t: 'edit', range: 'A3:A4', value: null, oldValue: null },
      { t: 'change', changeType: 'EDIT' },
    ]);
  });

  test('renaming a protected sheet is refused; an unprotected one is renamed (change OTHER); clearing a tab is an edit', () => {
    const rt = protectedRuntime();
    data(rt).protect().removeEditors([PIC]);
    expect(rt.renameSheetAsUser(PIC, 'Data', 'Renamed').applied).toBe(false);
    expect(rt.clearSheetAsUser(PIC, 'Data').applied).toBe(false);
    rt.spreadsheet.insertSheet('Free')._writeRaw(1, 1, [['x', 'y']]);
    expect(rt.renameSheetAsUser(PIC, 'Free', 'Bebas').applied).toBe(true);
    expect(rt.clearSheetAsUser(PIC, 'Bebas').applied).toBe(true);
    expect((rt.spreadsheet.getSheetByName('Bebas') as Sheet).getLastRow()).toBe(0);
    expect(rt.renameSheetAsUser(PIC, 'Bebas', 'Data')).toMatchObject({
      applied: false,
      reason: expect.stringContaining('already exists'),
    });
    expect(rt.call('log')).toEqual([
      { t: 'change', changeType: 'OTHER' },
      { t: 'edit', range: 'A1:B1', value: null, oldValue: null },
      { t: 'change', changeType: 'EDIT' },
    ]);
  });
});
