/**
 * Conformance of the runtime: the sandbox, the virtual clock, executions, and trigger events
 * (time-driven, form submit, edit, open, menu), each test citing the documentation it follows.
 */
import { DateTime } from 'luxon';
import { GasRuntime, RuntimeOptions } from '../../emulator/runtime';

const START = '2026-03-16T07:00:00+07:00'; // Monday 07:00 WIB

function runtime(code: string, options: RuntimeOptions = {}): GasRuntime {
  const rt = new GasRuntime({ start: START, owner: 'operator@example.org', ...options });
  rt.load(code);
  return rt;
}

const wib = (ms: number | Date) =>
  DateTime.fromMillis(typeof ms === 'number' ? ms : ms.getTime(), { zone: 'Asia/Jakarta' });

/** Handlers that record each event they receive into script properties, readable by `events()`. */
const RECORDER = `
  function record_(name, e) {
    var p = PropertiesService.getScriptProperties();
    var list = JSON.parse(p.getProperty('events') || '[]');
    var copy = {};
    for (var k in e) {
      var v = e[k];
      if (k === 'range') copy.range = v.getA1Notation() + '@' + v.getSheet().getName();
      else if (k === 'source') copy.source = v.getId();
      else if (k === 'user') copy.user = v.getEmail();
      else if (k === 'response') copy.response = v.getItemResponses().map(function (r) { return r.getItem().getTitle() + '=' + r.getResponse(); });
      else copy[k] = v;
    }
    list.push({ name: name, at: new Date().toISOString(), e: copy });
    p.setProperty('events', JSON.stringify(list));
  }
  function events() { return JSON.parse(PropertiesService.getScriptProperties().getProperty('events') || '[]'); }
`;

interface Recorded {
  name: string;
  at: string;
  e: Record<string, unknown>;
}
const events = (rt: GasRuntime) => rt.call('events') as Recorded[];

describe('sandbox', () => {
  // Apps Script V8 provides only the ECMAScript built-ins and the Apps Script services:
  // https://developers.google.com/apps-script/guides/v8-runtime
  test('the sandbox has the services and no require, process, setTimeout, fetch or Buffer', () => {
    const rt = runtime(`
      function globals() {
        return ['require', 'process', 'setTimeout', 'setInterval', 'fetch', 'Buffer', 'module', 'global']
          .map(function (n) { return n + ':' + typeof globalThis[n]; })
          .concat(['SpreadsheetApp', 'FormApp', 'ScriptApp', 'MailApp', 'PropertiesService', 'LockService', 'CacheService',
            'Session', 'Utilities', 'Logger', 'console', 'CalendarApp', 'HtmlService', 'Charts']
            .map(function (n) { return n + ':' + (typeof globalThis[n] === 'object'); }));
      }
    `);
    const out = rt.call('globals') as string[];
    expect(out.slice(0, 8)).toEqual(
      ['require', 'process', 'setTimeout', 'setInterval', 'fetch', 'Buffer', 'module', 'global'].map(
        (n) => `${n}:undefined`,
      ),
    );
    expect(out.slice(8).every((s) => s.endsWith(':true'))).toBe(true);
  });

  // DESIGN §11: "new Date() in the bundle is virtual time"
  test('new Date(), Date.now() and Date() read the virtual clock; dates from services are instanceof Date', () => {
    const rt = runtime(`
      function now() { return [new Date().toISOString(), Date.now(), typeof Date(), Utilities.formatDate(new Date(), 'UTC', 'yyyy') ];}
      function fromService() { var d = CalendarApp.getCalendarById('c').getEvents(new Date(0), new Date(4e12))[0].getStartTime(); return [d instanceof Date, Object.prototype.toString.call(d)]; }
    `);
    expect(rt.call('now')).toEqual(['2026-03-16T00:00:00.000Z', Date.parse('2026-03-16T00:00:00Z'), 'string', '2026']);
    rt.advanceTo('2026-03-20T10:00:00+07:00');
    expect((rt.call('now') as unknown[])[0]).toBe('2026-03-20T03:00:00.000Z');
    rt.calendarApp
      ._addCalendar('c', 'c')
      ._addEvent({ title: 't', start: new Date('2026-03-20T01:00:00Z'), end: new Date('2026-03-20T02:00:00Z') });
    expect(rt.call('fromService')).toEqual([true, '[object Date]']);
  });

  // https://developers.google.com/apps-script/concepts/scripts#time_zone (a script's dates use the project time zone)
  test('local-time Date methods use the script time zone whatever the host TZ', () => {
    const rt = runtime(`
      function local() { var d = new Date(2026, 2, 16, 8, 30);
        var e = new Date('2026-03-16T08:30:00'); var f = new Date(d.getTime()); f.setHours(23, 59);
        return [d.toISOString(), d.getHours(), d.getDay(), d.getTimezoneOffset(), e.getTime() === d.getTime(), f.toISOString(), String(d).slice(0, 33),
          new Date('2026-03-16').toISOString()]; }
    `);
    expect(rt.call('local')).toEqual([
      '2026-03-16T01:30:00.000Z',
      8,
      1,
      -420,
      true,
      '2026-03-16T16:59:00.000Z',
      'Mon Mar 16 2026 08:30:00 GMT+0700',
      '2026-03-16T00:00:00.000Z',
    ]);
  });

  // Determinism (DESIGN §12: same scenario, byte-identical output)
  test('Math.random is seeded: the same seed gives the same numbers', () => {
    const code = `function r() { return [Math.random(), Math.random()]; }`;
    expect(runtime(code, { seed: 3 }).call('r')).toEqual(runtime(code, { seed: 3 }).call('r'));
    expect(runtime(code, { seed: 3 }).call('r')).not.toEqual(runtime(code, { seed: 4 }).call('r'));
  });
});

describe('executions and the ledger', () => {
  // https://developers.google.com/apps-script/guides/triggers/installable (failed trigger runs are reported, not propagated)
  test('call rethrows the script error as an Error and records it in the ledger run', () => {
    const rt = runtime(
      `function bad() { PropertiesService.getScriptProperties().getProperty('x'); throw new Error('rusak'); }`,
    );
    expect(() => rt.call('bad')).toThrow('rusak');
    expect(rt.ledger.last()).toMatchObject({
      label: 'bad',
      kind: 'direct',
      error: 'rusak',
      calls: { 'PropertiesService.getScriptProperties': 1, 'Properties.getProperty': 1 },
    });
  });

  // https://developers.google.com/apps-script/guides/triggers/installable (a trigger whose function is missing fails)
  test('a trigger whose handler does not exist fails with "Script function not found"', () => {
    const rt = runtime(`function install() { ScriptApp.newTrigger('gone').timeBased().after(1000).create(); }`);
    rt.call('install');
    const [run] = rt.advanceTo('2026-03-16T07:01:00+07:00');
    expect(run).toMatchObject({ ok: false, error: 'Script function not found: gone', kind: 'time-trigger' });
  });
});

describe('time-driven triggers', () => {
  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#atHour(Integer)
  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#inTimezone(String)
  test('atHour(8).everyDays(1).inTimezone("Asia/Jakarta") fires once a day within 08:00–09:00 WIB over a week', () => {
    const rt = runtime(
      RECORDER +
        `
      function install() { ScriptApp.newTrigger('daily').timeBased().atHour(8).everyDays(1).inTimezone('Asia/Jakarta').create(); }
      function daily(e) { record_('daily', e); }
    `,
      { timeZone: 'UTC' },
    ); // the trigger's own zone must win over the script's
    rt.call('install');
    const runs = rt.advanceTo('2026-03-23T07:00:00+07:00');
    expect(runs).toHaveLength(7);
    const times = runs.map((r) => wib(r.startedAt));
    expect(times.map((t) => t.toISODate())).toEqual([
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
    ]);
    expect(times.every((t) => t.hour === 8)).toBe(true);
    expect(runs.every((r) => r.ok)).toBe(true);
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#nearMinute(Integer)
  test('nearMinute(30) runs within 15 minutes of hh:30', () => {
    const rt = runtime(
      `function install() { ScriptApp.newTrigger('t').timeBased().atHour(16).nearMinute(30).everyDays(1).create(); } function t() {}`,
    );
    rt.call('install');
    const runs = rt.advanceTo('2026-03-19T07:00:00+07:00');
    expect(runs).toHaveLength(3);
    for (const r of runs) {
      const t = wib(r.startedAt);
      expect(Math.abs(t.hour * 60 + t.minute - (16 * 60 + 30))).toBeLessThanOrEqual(15);
    }
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyHours(Integer)
  test('everyHours(1) fires 24 times a day, one hour apart', () => {
    const rt = runtime(
      `function install() { ScriptApp.newTrigger('t').timeBased().everyHours(1).create(); } function t() {}`,
    );
    rt.call('install');
    const runs = rt.advanceTo('2026-03-17T07:00:00+07:00');
    expect(runs).toHaveLength(24);
    expect(runs[1].startedAt.getTime() - runs[0].startedAt.getTime()).toBe(3600000);
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#onWeekDay(Weekday)
  test('onWeekDay(MONDAY).atHour(7) fires on Mondays only', () => {
    const rt = runtime(
      `function install() { ScriptApp.newTrigger('t').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(7).create(); } function t() {}`,
    );
    rt.advanceTo('2026-03-16T08:00:00+07:00'); // Monday, after 07:00–08:00: the first run is next Monday
    rt.call('install');
    const runs = rt.advanceTo('2026-04-07T00:00:00+07:00');
    expect(runs.map((r) => wib(r.startedAt).toFormat('ccc yyyy-MM-dd HH'))).toEqual([
      'Mon 2026-03-23 07',
      'Mon 2026-03-30 07',
      'Mon 2026-04-06 07',
    ]);
  });

  // https://developers.google.com/apps-script/guides/triggers/events#time-driven_events
  test('the time-driven event has authMode, triggerUid and the UTC date fields', () => {
    const rt = runtime(
      RECORDER +
        `
      function install() { return ScriptApp.newTrigger('tick').timeBased().at(new Date('2026-03-16T09:15:30+07:00')).create().getUniqueId(); }
      function tick(e) { record_('tick', e); }
    `,
    );
    const uid = rt.call('install');
    rt.advanceTo('2026-03-16T10:00:00+07:00');
    expect(events(rt)).toEqual([
      {
        name: 'tick',
        at: '2026-03-16T02:15:30.000Z',
        e: {
          authMode: 'FULL',
          triggerUid: uid,
          year: 2026,
          month: 3,
          'day-of-month': 16,
          'day-of-week': 1,
          'week-of-year': 12,
          hour: 2,
          minute: 15,
          second: 30,
          timezone: 'UTC',
        },
      },
    ]);
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#after(Integer)
  test('a one-off trigger fires once and stays listed until deleted', () => {
    const rt =
      runtime(`function install() { ScriptApp.newTrigger('t').timeBased().after(10 * 60 * 1000).create(); } function t() {}
      function count() { return ScriptApp.getProjectTriggers().length; }`);
    rt.call('install');
    expect(rt.advanceTo('2026-03-17T07:00:00+07:00')).toHaveLength(1);
    expect(rt.call('count')).toBe(1);
  });
});

describe('form submissions', () => {
  const FORM =
    RECORDER +
    `
    function setup() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var form = FormApp.create('Formulir Pengaduan'); form.setPublished(true);
      form.setCollectEmail(true);
      form.addDateTimeItem().setTitle('Waktu pengaduan disampaikan').setRequired(true);
      form.addMultipleChoiceItem().setTitle('Kanal media sosial').setChoiceValues(['Instagram', 'Facebook']).setRequired(true);
      form.addTextItem().setTitle('Nama/akun pelapor').setRequired(true);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId()); SpreadsheetApp.flush();
      ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create();
      ScriptApp.newTrigger('onFormSide').forForm(form).onFormSubmit().create();
      return form.getId();
    }
    function onSubmit(e) { record_('sheet', e); }
    function onFormSide(e) { record_('form', e); }
  `;
  const answers = {
    'Waktu pengaduan disampaikan': '2026-03-16T08:40:00+07:00',
    'Kanal media sosial': 'Instagram',
    'Nama/akun pelapor': '@warga',
  };

  // https://developers.google.com/apps-script/guides/triggers/events#form-submit (Sheets and Forms)
  test('a submission appends a row and delivers the documented form-submit events', () => {
    const rt = runtime(FORM);
    const formId = rt.call('setup') as string;
    const result = rt.submitForm(formId, answers, { respondent: 'admin@example.org', at: '2026-03-16T09:10:00+07:00' });
    expect(result.row).toBe(2);
    expect(result.runs.map((r) => [r.label, r.kind, r.ok])).toEqual([
      ['onSubmit', 'installable-trigger', true],
      ['onFormSide', 'installable-trigger', true],
    ]);
    const [sheet, form] = events(rt);
    expect(sheet.e).toEqual({
      authMode: 'FULL',
      namedValues: {
        Timestamp: ['3/16/2026 9:10:00'],
        'Email Address': ['admin@example.org'],
        'Waktu pengaduan disampaikan': ['3/16/2026 8:40:00'],
        'Kanal media sosial': ['Instagram'],
        'Nama/akun pelapor': ['@warga'],
      },
      range: 'A2:E2@Form Responses 1',
      source: rt.spreadsheet.getId(),
      triggerUid: expect.stringMatching(/^\d+$/),
      values: ['3/16/2026 9:10:00', 'admin@example.org', '3/16/2026 8:40:00', 'Instagram', '@warga'],
    });
    expect(form.e).toEqual({
      authMode: 'FULL',
      source: formId,
      triggerUid: expect.stringMatching(/^\d+$/),
      response: [
        'Waktu pengaduan disampaikan=2026-03-16 08:40',
        'Kanal media sosial=Instagram',
        'Nama/akun pelapor=@warga',
      ],
    });
    const row = rt.spreadsheet.getSheetByName('Form Responses 1')!.getRange(2, 1, 1, 5).getValues()[0];
    expect(row[0]).toEqual(new Date('2026-03-16T09:10:00+07:00'));
    expect(row[2]).toEqual(new Date('2026-03-16T08:40:00+07:00'));
  });

  // https://support.google.com/docs/answer/7322334 (required questions must be answered before submitting)
  test('the form refuses a submission missing a required answer or with a value that is not a choice', () => {
    const rt = runtime(FORM);
    const formId = rt.call('setup') as string;
    expect(() =>
      rt.submitForm(formId, { ...answers, 'Nama/akun pelapor': '' }, { respondent: 'a@example.org' }),
    ).toThrow('is required');
    expect(() =>
      rt.submitForm(formId, { ...answers, 'Kanal media sosial': 'TikTok' }, { respondent: 'a@example.org' }),
    ).toThrow('is not a choice');
    expect(rt.spreadsheet.getSheetByName('Form Responses 1')!.getLastRow()).toBe(1);
  });

  // https://developers.google.com/apps-script/reference/lock/lock (concurrent form submissions need a lock)
  test('concurrent submissions: rows are all written first, then handlers overlap on the script lock', () => {
    const rt = runtime(
      RECORDER +
        `
      function setup() {
        var ss = SpreadsheetApp.getActiveSpreadsheet(); var form = FormApp.create('F'); form.setPublished(true);
        form.addTextItem().setTitle('Q');
        form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId()); SpreadsheetApp.flush();
        ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create();
        return form.getId();
      }
      function onSubmit(e) {
        var lock = LockService.getScriptLock();
        var got = lock.tryLock(0);
        var t0 = Date.now();
        if (!got) lock.waitLock(30000);
        var sheet = e.range.getSheet();
        PropertiesService.getScriptProperties().setProperty('r' + e.range.getRow(), [got, Date.now() - t0, sheet.getLastRow()].join());
        Utilities.sleep(500);
      }
      function seen() { return PropertiesService.getScriptProperties().getProperties(); }
    `,
      { seed: 11 },
    );
    const formId = rt.call('setup') as string;
    const at = '2026-03-16T09:00:00+07:00';
    const results = rt.submitFormsConcurrently(
      [1, 2, 3, 4].map((n) => ({ formId, answers: { Q: `jawaban ${n}` }, at })),
      { holdMs: [2000, 2000] },
    );
    expect(results.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    const seen = rt.call('seen') as Record<string, string>;
    const rows = Object.values(seen).map((v) => v.split(','));
    expect(rows.every((r) => r[2] === '5')).toBe(true); // every handler sees all four rows already written
    expect(rows.filter((r) => r[0] === 'true')).toHaveLength(1); // only the first finds the lock free
    expect(rows.filter((r) => r[0] === 'false').every((r) => r[1] === '2000')).toBe(true); // the others wait for the holder
  });

  // https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)
  test('concurrent submissions: a handler whose waitLock times out fails with the documented message', () => {
    const rt = runtime(`
      function setup() { var ss = SpreadsheetApp.getActiveSpreadsheet(); var form = FormApp.create('F'); form.setPublished(true); form.addTextItem().setTitle('Q');
        form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId()); SpreadsheetApp.flush(); ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create(); return form.getId(); }
      function onSubmit(e) { LockService.getScriptLock().waitLock(1000); }
    `);
    const formId = rt.call('setup') as string;
    const results = rt.submitFormsConcurrently(
      [1, 2].map(() => ({ formId, answers: { Q: 'x' } })),
      { holdMs: [5000, 5000] },
    );
    const runs = results.flatMap((r) => r.runs);
    expect(runs.filter((r) => r.ok)).toHaveLength(1);
    expect(runs.find((r) => !r.ok)?.error).toBe('Lock timeout: another process was holding the lock for too long.');
  });
});

describe('edits, open and menus', () => {
  const CODE =
    RECORDER +
    `
    function setup() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var sh = ss.insertSheet('Unit');
      sh.getRange('A1:B2').setValues([['nama', 'status'], ['UP Museum Seni', '']]);
      var p = sh.getRange('A1:B1').protect(); p.removeEditors(p.getEditors()); p.addEditor(Session.getEffectiveUser());
      ScriptApp.newTrigger('edited').forSpreadsheet(ss).onEdit().create();
    }
    function edited(e) { record_('edited', e); }
  `;

  // https://developers.google.com/apps-script/guides/triggers/events#edit
  test('single-cell edit: value and oldValue (absent when the cell was blank), user, triggerUid', () => {
    const rt = runtime(CODE, { users: ['pic@example.org'] });
    rt.call('setup');
    expect(rt.editAsUser('pic@example.org', 'Unit', 2, 2, [['Diproses']]).applied).toBe(true);
    expect(rt.editAsUser('pic@example.org', 'Unit', 2, 2, [['Selesai']]).applied).toBe(true);
    const [first, second] = events(rt);
    expect(first.e).toEqual({
      authMode: 'FULL',
      range: 'B2@Unit',
      source: rt.spreadsheet.getId(),
      user: 'pic@example.org',
      triggerUid: expect.any(String),
      value: 'Diproses',
    });
    expect(second.e).toMatchObject({ value: 'Selesai', oldValue: 'Diproses' });
  });

  // https://developers.google.com/apps-script/guides/triggers/events#edit ("Only available if the edited range is a single cell")
  test('multi-cell edit events have no value and no oldValue', () => {
    const rt = runtime(CODE, { users: ['pic@example.org'] });
    rt.call('setup');
    rt.editAsUser('pic@example.org', 'Unit', 2, 1, [['UP Museum Bahari', 'Diproses']]);
    const [e] = events(rt);
    expect(e.e.range).toBe('A2:B2@Unit');
    expect(e.e).not.toHaveProperty('value');
    expect(e.e).not.toHaveProperty('oldValue');
  });

  // https://support.google.com/docs/answer/1218656 (protected ranges: only editors may change them)
  test('an edit of a protected range by a non-editor is refused and no trigger runs', () => {
    const rt = runtime(CODE, { users: ['pic@example.org'] });
    rt.call('setup');
    const result = rt.editAsUser('pic@example.org', 'Unit', 1, 1, [['x']]);
    expect(result.applied).toBe(false);
    expect(result.runs).toHaveLength(0);
    expect(events(rt)).toHaveLength(0);
  });

  // https://developers.google.com/apps-script/guides/triggers#onedite (simple trigger: AuthMode.LIMITED, no triggerUid)
  test('a global onEdit runs as a simple trigger before the installable ones', () => {
    const rt = runtime(CODE + `function onEdit(e) { record_('simple', e); }`, { users: ['pic@example.org'] });
    rt.call('setup');
    const { runs } = rt.editAsUser('pic@example.org', 'Unit', 2, 2, [['Diproses']]);
    expect(runs.map((r) => [r.label, r.kind])).toEqual([
      ['onEdit', 'simple-trigger'],
      ['edited', 'installable-trigger'],
    ]);
    const [simple] = events(rt);
    expect(simple.e.authMode).toBe('LIMITED');
    expect(simple.e).not.toHaveProperty('triggerUid');
  });

  // https://developers.google.com/apps-script/guides/triggers#restrictions ("They cannot access services that require authorization")
  test('a simple onEdit cannot send mail (no authorization); the installable edit trigger can', () => {
    const rt = runtime(
      CODE +
        `
      function onEdit(e) { MailApp.sendEmail('a@example.org', 's', 'b'); }
      function edited(e) { MailApp.sendEmail('a@example.org', 's', 'b'); }
    `,
      { users: ['pic@example.org'] },
    );
    rt.call('setup');
    const { runs } = rt.editAsUser('pic@example.org', 'Unit', 2, 2, [['Diproses']]);
    expect(runs.map((r) => [r.label, r.ok, r.error])).toEqual([
      [
        'onEdit',
        false,
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      ],
      ['edited', true, undefined],
    ]);
    expect(rt.outbox).toHaveLength(1);
  });

  // https://developers.google.com/apps-script/guides/triggers#onopene and https://developers.google.com/apps-script/guides/menus
  test('opening the spreadsheet runs onOpen with a UI; clicking a menu item runs its function as that user', () => {
    const rt = runtime(
      `
      function onOpen(e) { SpreadsheetApp.getUi().createMenu('Pengaduan').addItem('Siapkan', 'setupMenu').addToUi(); }
      function setupMenu() { PropertiesService.getScriptProperties().setProperty('by', Session.getActiveUser().getEmail()); }
      function by() { return PropertiesService.getScriptProperties().getProperty('by'); }
    `,
      { users: ['admin@example.org'] },
    );
    const [open] = rt.openSpreadsheet('admin@example.org');
    expect(open).toMatchObject({ label: 'onOpen', kind: 'simple-trigger', ok: true });
    expect(rt.clickMenu('admin@example.org', ['Pengaduan', 'Siapkan'])).toMatchObject({
      label: 'setupMenu',
      kind: 'menu',
      ok: true,
    });
    expect(rt.call('by')).toBe('admin@example.org');
  });
});
