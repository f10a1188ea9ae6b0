/**
 * Conformance of the emulated Apps Script services (other than the spreadsheet family): one test
 * per documented behaviour the product relies on, run inside the sandbox as the bundle would.
 * Each test cites the documentation it follows.
 */
import { createHash } from 'node:crypto';
import { GasRuntime, RuntimeOptions } from '../../emulator/runtime';

const START = '2026-03-16T08:00:00+07:00'; // a Monday, 08:00 WIB

function runtime(code: string, options: RuntimeOptions = {}): GasRuntime {
  const rt = new GasRuntime({ start: START, owner: 'operator@example.org', ...options });
  rt.load(code);
  return rt;
}

const iso = (d: Date) => d.toISOString();

describe('Utilities', () => {
  // https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
  // (patterns are java.text.SimpleDateFormat's)
  test('formatDate follows Java SimpleDateFormat patterns in Asia/Jakarta', () => {
    const rt = runtime(`
      function fmt(p) { return Utilities.formatDate(new Date('2026-03-16T01:05:09.045Z'), 'Asia/Jakarta', p); }
    `);
    const cases: Array<[string, string]> = [
      ['yyyy-MM-dd HH:mm:ss', '2026-03-16 08:05:09'],
      ['EEE, d MMM yyyy', 'Mon, 16 Mar 2026'],
      ['EEEE d MMMM yy', 'Monday 16 March 26'],
      ['hh:mm a', '08:05 AM'],
      ['h:m:s', '8:5:9'],
      ['kk:mm', '08:05'],
      ['SSS', '045'],
      ['Z', '+0700'],
      ['XXX', '+07:00'],
      ['X', '+07'],
      ['z', 'WIB'],
      ['zzzz', 'Western Indonesia Time'],
      ["'Pukul' HH.mm 'WIB'", 'Pukul 08.05 WIB'],
      ["dd/MM/yyyy 'jam' H", '16/03/2026 jam 8'],
      ["''yy''", "'26'"],
      ['D w u', '75 12 1'],
    ];
    for (const [pattern, expected] of cases) expect([pattern, rt.call('fmt', [pattern])]).toEqual([pattern, expected]);
  });

  // https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
  test('formatDate uses the given zone, not the script zone: kk is 24 at midnight, a is PM after noon', () => {
    const rt = runtime(`function fmt(tz, p) { return Utilities.formatDate(new Date('2026-03-16T17:00:00Z'), tz, p); }`);
    expect(rt.call('fmt', ['UTC', 'HH:mm a z'])).toBe('17:00 PM UTC');
    expect(rt.call('fmt', ['Asia/Jakarta', 'kk:mm EEE'])).toBe('24:00 Tue');
    expect(rt.call('fmt', ['GMT+7', 'HH:mm XXX'])).toBe('00:00 +07:00');
    expect(rt.call('fmt', ['UTC', 'XXX'])).toBe('Z');
  });

  // https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html ("Illegal pattern character")
  test('formatDate rejects an unquoted letter that is not a pattern letter', () => {
    const rt = runtime(
      `function fmt() { return Utilities.formatDate(new Date(), 'Asia/Jakarta', 'yyyy-MM-dd T HH'); }`,
    );
    expect(() => rt.call('fmt')).toThrow("Illegal pattern character 'T'");
  });

  // https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer)
  test('sleep advances the virtual clock; more than 300000 ms is refused', () => {
    const rt = runtime(`
      function nap(ms) { var t0 = Date.now(); Utilities.sleep(ms); return Date.now() - t0; }
    `);
    expect(rt.call('nap', [1500])).toBe(1500);
    expect(iso(rt.now())).toBe('2026-03-16T01:00:01.500Z');
    expect(() => rt.call('nap', [300001])).toThrow('300000');
  });

  // https://developers.google.com/apps-script/reference/utilities/utilities#getUuid()
  test('getUuid returns an RFC 4122 version 4 UUID, reproducible with the same seed', () => {
    const code = `function ids() { return [Utilities.getUuid(), Utilities.getUuid()]; }`;
    const a = runtime(code, { seed: 7 }).call('ids') as string[];
    const b = runtime(code, { seed: 7 }).call('ids') as string[];
    expect(a[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a[0]).not.toBe(a[1]);
    expect(b).toEqual(a);
  });

  // https://developers.google.com/apps-script/reference/utilities/utilities#computeDigest(DigestAlgorithm,String)
  // ("Byte[]": Java bytes are signed, -128..127)
  test('computeDigest returns the digest as signed bytes', () => {
    const rt = runtime(
      `function d(alg, s) { return Utilities.computeDigest(Utilities.DigestAlgorithm[alg], s, Utilities.Charset.UTF_8); }`,
    );
    const expected = (alg: string, s: string) =>
      [...createHash(alg).update(s, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(rt.call('d', ['MD5', 'abc'])).toEqual(expected('md5', 'abc'));
    expect(rt.call('d', ['SHA_256', 'pengaduan ✓'])).toEqual(expected('sha256', 'pengaduan ✓'));
    expect((rt.call('d', ['SHA_1', 'abc']) as number[]).some((b) => b < 0)).toBe(true);
  });

  // https://developers.google.com/apps-script/reference/utilities/utilities#base64Encode(String)
  test('base64Encode and base64Decode round-trip bytes', () => {
    const rt = runtime(
      `function b() { var e = Utilities.base64Encode('Halo, Jakarta'); return [e, Utilities.base64Decode(e).length]; }`,
    );
    expect(rt.call('b')).toEqual(['SGFsbywgSmFrYXJ0YQ==', 13]);
  });
});

describe('MailApp', () => {
  // https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String,Object)
  test('sendEmail in both signatures records the message in the outbox', () => {
    const rt = runtime(`
      function send() {
        MailApp.sendEmail('pic@example.org', 'ADU-2026-0001 diteruskan', 'Teks');
        MailApp.sendEmail('pic@example.org', 'Subjek', 'Teks', { cc: 'kepala@example.org', bcc: 'arsip@example.org', htmlBody: '<b>Teks</b>', name: 'Pengaduan Medsos', replyTo: 'admin@example.org', noReply: true });
        MailApp.sendEmail({ to: 'a@example.org,b@example.org', subject: 'Ringkasan', body: 'isi', htmlBody: '<p>isi</p>' });
      }
    `);
    rt.call('send');
    expect(rt.outbox).toHaveLength(3);
    expect(rt.outbox[0]).toMatchObject({
      to: ['pic@example.org'],
      subject: 'ADU-2026-0001 diteruskan',
      body: 'Teks',
      htmlBody: null,
    });
    expect(rt.outbox[1]).toMatchObject({
      cc: ['kepala@example.org'],
      bcc: ['arsip@example.org'],
      htmlBody: '<b>Teks</b>',
      name: 'Pengaduan Medsos',
      replyTo: 'admin@example.org',
      noReply: true,
    });
    expect(rt.outbox[2].to).toEqual(['a@example.org', 'b@example.org']);
    expect(iso(rt.outbox[0].at)).toBe('2026-03-16T01:00:00.000Z');
  });

  // https://developers.google.com/apps-script/guides/services/quotas ("Email recipients per day": 100 consumer)
  // https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
  test('every recipient counts against the daily quota; exhaustion throws the documented error', () => {
    const rt = runtime(
      `
      function quota() { return MailApp.getRemainingDailyQuota(); }
      function send(to, cc) { MailApp.sendEmail(to, 's', 'b', { cc: cc }); }
    `,
      { mailQuota: 5 },
    );
    expect(rt.call('quota')).toBe(5);
    rt.call('send', ['a@example.org', 'b@example.org,c@example.org']);
    expect(rt.call('quota')).toBe(2);
    expect(() => rt.call('send', ['a@example.org', 'b@example.org,c@example.org'])).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(rt.outbox).toHaveLength(1);
  });

  // https://developers.google.com/apps-script/guides/services/quotas ("Quotas are per user and reset 24 hours after the first request")
  test('the mail quota resets 24 hours after the first counted send, not at midnight', () => {
    const rt = runtime(
      `
      function send() { MailApp.sendEmail('a@example.org', 's', 'b'); }
      function quota() { return MailApp.getRemainingDailyQuota(); }
    `,
      { mailQuota: 1 },
    );
    rt.call('send');
    rt.advanceTo('2026-03-17T00:30:00+07:00'); // next calendar day, 16.5 h later
    expect(() => rt.call('send')).toThrow('Service invoked too many times for one day: email.');
    rt.advanceTo('2026-03-17T08:00:00+07:00');
    expect(rt.call('quota')).toBe(1);
    rt.call('send');
    expect(rt.outbox).toHaveLength(2);
  });

  // https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String)
  test('an invalid address is refused and nothing is sent', () => {
    const rt = runtime(`function send() { MailApp.sendEmail('bukan-email', 's', 'b'); }`);
    expect(() => rt.call('send')).toThrow('Invalid email: bukan-email');
    expect(rt.outbox).toHaveLength(0);
  });
});

describe('PropertiesService', () => {
  // https://developers.google.com/apps-script/reference/properties/properties
  test('properties store strings; setProperties can delete all others; getProperties is a copy', () => {
    const rt = runtime(`
      function run() {
        var p = PropertiesService.getScriptProperties();
        p.setProperty('seq', 7).setProperty('x', 'y');
        var copy = p.getProperties(); copy.seq = 'changed';
        var before = [p.getProperty('seq'), typeof p.getProperty('seq'), p.getProperty('missing'), p.getKeys().sort().join()];
        p.setProperties({ a: '1' }, true);
        p.deleteProperty('nothing');
        return before.concat([p.getKeys().join()]);
      }
    `);
    expect(rt.call('run')).toEqual(['7', 'string', null, 'seq,x', 'a']);
  });

  // https://developers.google.com/apps-script/guides/services/quotas ("Properties value size 9 KB / val")
  test('a property value over 9 KB is refused', () => {
    const rt = runtime(`
      function put(n) { PropertiesService.getScriptProperties().setProperty('k', new Array(n + 1).join('x')); }
      function get() { return PropertiesService.getScriptProperties().getProperty('k'); }
    `);
    rt.call('put', [9 * 1024]);
    expect(() => rt.call('put', [9 * 1024 + 1])).toThrow('Argument too large: value');
    expect((rt.call('get') as string).length).toBe(9 * 1024);
  });

  // https://developers.google.com/apps-script/guides/services/quotas ("Properties total storage 500 KB / property store")
  test('a store over 500 KB is refused and left unchanged', () => {
    const rt = runtime(`
      function fill() { var p = PropertiesService.getScriptProperties(); var v = new Array(9001).join('x');
        for (var i = 0; i < 56; i++) p.setProperty('k' + (i < 10 ? '0' + i : i), v); }
      function more() { PropertiesService.getScriptProperties().setProperty('extra', new Array(9001).join('x')); }
      function count() { return PropertiesService.getScriptProperties().getKeys().length; }
    `);
    rt.call('fill');
    expect(() => rt.call('more')).toThrow('You have exceeded the property storage quota');
    expect(rt.call('count')).toBe(56);
  });

  // https://developers.google.com/apps-script/reference/properties/properties-service#getUserProperties()
  test('user properties are per user; script properties are shared', () => {
    const rt = runtime(`
      function put(v) { PropertiesService.getUserProperties().setProperty('me', v); PropertiesService.getScriptProperties().setProperty('last', v); }
      function get() { return [PropertiesService.getUserProperties().getProperty('me'), PropertiesService.getScriptProperties().getProperty('last')]; }
    `);
    rt.call('put', ['A'], { user: 'a@example.org' });
    rt.call('put', ['B'], { user: 'b@example.org' });
    expect(rt.call('get', [], { user: 'a@example.org' })).toEqual(['A', 'B']);
  });
});

describe('LockService', () => {
  const code = `
    function tryIt(ms) { var l = LockService.getScriptLock(); var t0 = Date.now(); var ok = l.tryLock(ms); return [ok, l.hasLock(), Date.now() - t0]; }
    function waitIt(ms) { var l = LockService.getScriptLock(); var t0 = Date.now(); try { l.waitLock(ms); return ['ok', Date.now() - t0]; } catch (e) { return [e.message, Date.now() - t0]; } }
    function takeAndKeep() { LockService.getScriptLock().waitLock(1000); }
    function takeAndThrow() { LockService.getScriptLock().waitLock(1000); throw new Error('boom'); }
    function releaseThenHas() { var l = LockService.getScriptLock(); l.waitLock(0); l.releaseLock(); return l.hasLock(); }
  `;

  // https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)
  test('tryLock returns false after its timeout while another process holds the lock', () => {
    const rt = runtime(code);
    rt.holdLock('script', '2026-03-16T08:01:00+07:00');
    expect(rt.call('tryIt', [5000])).toEqual([false, false, 5000]);
  });

  // https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)
  test('waitLock throws "Lock timeout: another process was holding the lock for too long." after its timeout', () => {
    const rt = runtime(code);
    rt.holdLock('script', '2026-03-16T08:01:00+07:00');
    expect(rt.call('waitIt', [30000])).toEqual([
      'Lock timeout: another process was holding the lock for too long.',
      30000,
    ]);
  });

  // https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)
  test('waitLock acquires as soon as the other holder releases within the timeout', () => {
    const rt = runtime(code);
    rt.holdLock('script', '2026-03-16T08:00:12+07:00');
    expect(rt.call('waitIt', [30000])).toEqual(['ok', 12000]);
  });

  // https://developers.google.com/apps-script/reference/lock/lock#releaseLock() ("Locks are released automatically when the script terminates")
  test('a lock is released when the execution that took it ends, even by an error', () => {
    const rt = runtime(code);
    rt.call('takeAndKeep');
    expect(rt.call('tryIt', [0])).toEqual([true, true, 0]);
    expect(() => rt.call('takeAndThrow')).toThrow('boom');
    expect(rt.call('tryIt', [0])).toEqual([true, true, 0]);
  });

  // https://developers.google.com/apps-script/reference/lock/lock#hasLock()
  test('hasLock is false after releaseLock', () => {
    expect(runtime(code).call('releaseThenHas')).toBe(false);
  });
});

describe('CacheService', () => {
  const code = `
    function put(k, v, s) { if (s === undefined) CacheService.getScriptCache().put(k, v); else CacheService.getScriptCache().put(k, v, s); }
    function get(k) { return CacheService.getScriptCache().get(k); }
    function many() { var c = CacheService.getScriptCache(); c.putAll({ a: '1', b: '2' }, 60); c.removeAll(['b']); return c.getAll(['a', 'b', 'c']); }
  `;

  // https://developers.google.com/apps-script/reference/cache/cache#put(String,String) ("expires after 600 seconds (10 minutes)")
  test('put without expiration keeps a value 600 seconds on the virtual clock', () => {
    const rt = runtime(code);
    rt.call('put', ['k', 'v']);
    rt.advanceTo('2026-03-16T08:09:59+07:00');
    expect(rt.call('get', ['k'])).toBe('v');
    rt.advanceTo('2026-03-16T08:10:00+07:00');
    expect(rt.call('get', ['k'])).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer) ("the maximum is 21600 seconds (6 hours)")
  test('expiration is capped at 21600 seconds', () => {
    const rt = runtime(code);
    rt.call('put', ['k', 'v', 999999]);
    rt.advanceTo('2026-03-16T13:59:59+07:00');
    expect(rt.call('get', ['k'])).toBe('v');
    rt.advanceTo('2026-03-16T14:00:00+07:00');
    expect(rt.call('get', ['k'])).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/cache/cache ("The maximum length of a key is 250 characters. The maximum amount of data that can be stored per key is 100KB.")
  test('keys over 250 characters and values over 100 KB are refused', () => {
    const rt = runtime(code);
    expect(() => rt.call('put', ['k'.repeat(251), 'v'])).toThrow('Argument too large: key');
    expect(() => rt.call('put', ['k', 'v'.repeat(100 * 1024 + 1)])).toThrow('Argument too large: value');
  });

  // https://developers.google.com/apps-script/reference/cache/cache#getAll(String)
  test('getAll returns only keys present; putAll/removeAll work on several keys', () => {
    expect(runtime(code).call('many')).toEqual({ a: '1' });
  });
});

describe('Session', () => {
  // https://developers.google.com/apps-script/reference/base/session#getActiveUser()
  test('active user: visible to the owner and within the same Workspace domain, blank for a consumer account', () => {
    const rt = runtime(
      `function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone()]; }`,
    );
    expect(rt.call('who')).toEqual(['operator@example.org', 'operator@example.org', 'Asia/Jakarta']);
    expect(rt.call('who', [], { user: 'pic@example.org' })).toEqual([
      'pic@example.org',
      'pic@example.org',
      'Asia/Jakarta',
    ]);
    // An installable trigger runs as its owner (operator@example.org) while someone else acts.
    expect(rt.call('who', [], { user: 'pic@example.org', kind: 'installable-trigger' })).toEqual([
      'pic@example.org',
      'operator@example.org',
      'Asia/Jakarta',
    ]);
    expect(rt.call('who', [], { user: 'warga@gmail.com', kind: 'installable-trigger' })).toEqual([
      '',
      'operator@example.org',
      'Asia/Jakarta',
    ]);
  });

  // https://developers.google.com/apps-script/reference/base/session#getActiveUser() and
  // https://developers.google.com/apps-script/guides/triggers/installable ("runs under the account of the user who created the trigger")
  test('in a time-driven trigger the active user is blank and the effective user is the trigger owner', () => {
    const rt = runtime(`
      function install() { ScriptApp.newTrigger('tick').timeBased().after(60000).create(); }
      function tick() { PropertiesService.getScriptProperties().setProperty('who', '[' + Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail() + ']'); }
      function read() { return PropertiesService.getScriptProperties().getProperty('who'); }
    `);
    rt.call('install');
    rt.advanceTo('2026-03-16T08:05:00+07:00');
    expect(rt.call('read')).toBe('[|operator@example.org]');
  });

  // https://developers.google.com/apps-script/reference/base/session#getTemporaryActiveUserKey()
  test('getTemporaryActiveUserKey is stable per user and differs between users', () => {
    const rt = runtime(`function key() { return Session.getTemporaryActiveUserKey(); }`);
    const a = rt.call('key', [], { user: 'a@example.org' });
    expect(rt.call('key', [], { user: 'a@example.org' })).toBe(a);
    expect(rt.call('key', [], { user: 'b@example.org' })).not.toBe(a);
  });
});

describe('Logger and console', () => {
  // https://developers.google.com/apps-script/reference/base/logger#log(String,Object...)
  // https://developers.google.com/apps-script/reference/base/console
  test('Logger.log formats %s and console methods record with their level', () => {
    const rt = runtime(`
      function run() { Logger.log('nomor %s ke %s', 'ADU-2026-0001', 'UP Museum Seni'); console.warn('hati-hati', 3);
        try { null.x; } catch (e) { console.error(e); } return Logger.getLog(); }
    `);
    expect(rt.call('run')).toBe('nomor ADU-2026-0001 ke UP Museum Seni\n');
    expect(rt.logs.entries.map((e) => [e.level, e.message.split('\n')[0]])).toEqual([
      ['log', 'nomor ADU-2026-0001 ke UP Museum Seni'],
      ['warn', 'hati-hati 3'],
      ['error', expect.stringContaining('TypeError')],
    ]);
  });
});

describe('CalendarApp', () => {
  // https://developers.google.com/apps-script/reference/calendar/calendar-app#getCalendarById(String)
  // https://developers.google.com/apps-script/reference/calendar/calendar#getEvents(Date,Date)
  // https://developers.google.com/apps-script/reference/calendar/calendar-event#getAllDayEndDate()
  test('events of the Indonesian holidays calendar by id, overlapping the range, with all-day dates', () => {
    const rt = runtime(`
      function holidays() {
        var cal = CalendarApp.getCalendarById('en.indonesian#holiday@group.v.calendar.google.com');
        return cal.getEvents(new Date('2026-03-01T00:00:00+07:00'), new Date('2026-04-01T00:00:00+07:00')).map(function (e) {
          return [e.getTitle(), e.isAllDayEvent(), Utilities.formatDate(e.getAllDayStartDate(), 'Asia/Jakarta', 'yyyy-MM-dd HH:mm'), Utilities.formatDate(e.getAllDayEndDate(), 'Asia/Jakarta', 'yyyy-MM-dd'), e.getDescription()];
        });
      }
      function unknown() { return CalendarApp.getCalendarById('nobody@example.org'); }
    `);
    const cal = rt.calendarApp._addCalendar(
      'en.indonesian#holiday@group.v.calendar.google.com',
      'Holidays in Indonesia',
    );
    cal._addEvent({ title: 'Idul Fitri', date: '2026-03-21', lastDate: '2026-03-22', description: 'Public holiday' });
    cal._addEvent({ title: 'Hari Raya Nyepi', date: '2026-03-19', description: 'Public holiday' });
    cal._addEvent({ title: 'Good Friday', date: '2026-04-03', description: 'Public holiday' });
    expect(rt.call('holidays')).toEqual([
      ['Hari Raya Nyepi', true, '2026-03-19 00:00', '2026-03-20', 'Public holiday'],
      ['Idul Fitri', true, '2026-03-21 00:00', '2026-03-23', 'Public holiday'],
    ]);
    expect(rt.call('unknown')).toBeNull();
  });
});

describe('ScriptApp', () => {
  // https://developers.google.com/apps-script/guides/services/quotas ("Triggers: 20 / user / script")
  test('a user may have at most 20 triggers per script; the 21st throws the documented error', () => {
    const rt = runtime(`
      function make(n) { for (var i = 0; i < n; i++) ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
      function count() { return ScriptApp.getProjectTriggers().length; }
    `);
    rt.call('make', [20]);
    expect(() => rt.call('make', [1])).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(rt.call('count')).toBe(20);
    rt.call('make', [1], { user: 'other@example.org' }); // another user's quota is separate
    expect(rt.call('count')).toBe(20);
  });

  // https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()
  // https://developers.google.com/apps-script/reference/script/trigger
  test('triggers report handler, event type, source and source id; deleteTrigger removes one', () => {
    const rt = runtime(`
      function install() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create();
        ScriptApp.newTrigger('daily').timeBased().atHour(8).everyDays(1).inTimezone('Asia/Jakarta').create();
      }
      function list() { return ScriptApp.getProjectTriggers().map(function (t) {
        return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId(), /^\\d+$/.test(t.getUniqueId())]; }); }
      function same() { return [ScriptApp.EventType.ON_FORM_SUBMIT == ScriptApp.getProjectTriggers()[0].getEventType(), ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).length]; }
      function removeFirst() { ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]); return ScriptApp.getProjectTriggers().length; }
    `);
    rt.call('install');
    expect(rt.call('list')).toEqual([
      ['onSubmit', 'ON_FORM_SUBMIT', 'SPREADSHEETS', rt.spreadsheet.getId(), true],
      ['daily', 'CLOCK', 'CLOCK', null, true],
    ]);
    expect(rt.call('same')).toEqual([true, 1]);
    expect(rt.call('removeFirst')).toBe(1);
  });

  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyMinutes(Integer)
  test('everyMinutes accepts only 1, 5, 10, 15 or 30', () => {
    const rt = runtime(`function make(n) { ScriptApp.newTrigger('tick').timeBased().everyMinutes(n).create(); }`);
    rt.call('make', [15]);
    expect(() => rt.call('make', [7])).toThrow('1, 5, 10, 15 or 30');
  });
});

describe('FormApp', () => {
  const build = `
    function build(ssId) {
      var form = FormApp.create('Formulir Pengaduan'); form.setPublished(true);
      form.setCollectEmail(true);
      form.addDateTimeItem().setTitle('Waktu pengaduan disampaikan').setRequired(true);
      form.addMultipleChoiceItem().setTitle('Kanal media sosial').setChoiceValues(['Instagram', 'Facebook']).setRequired(true);
      form.addSectionHeaderItem().setTitle('Rincian');
      var url = form.addTextItem().setTitle('Tautan');
      url.setValidation(FormApp.createTextValidation().requireTextIsUrl().build());
      if (ssId) form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId); SpreadsheetApp.flush();
      return form.getId();
    }
  `;

  // https://developers.google.com/apps-script/reference/forms/form and /forms/item
  test('items keep their order, type and settings; getItems(type) filters; asXItem converts only the right type', () => {
    const rt = runtime(
      build +
        `
      function inspect(id) {
        var form = FormApp.openById(id);
        var items = form.getItems();
        var mc = items[1].asMultipleChoiceItem();
        mc.setChoices([mc.createChoice('Instagram'), mc.createChoice('YouTube')]);
        var err = ''; try { items[0].asTextItem(); } catch (e) { err = e.message; }
        form.moveItem(items[3], 0);
        return [items.map(function (i) { return String(i.getType()); }).join(), form.getItems(FormApp.ItemType.TEXT).length,
          mc.getChoices().map(function (c) { return c.getValue(); }).join(), mc.isRequired(), err,
          form.getItems()[0].getTitle(), form.getItemById(items[3].getId()).getIndex(), form.collectsEmail(),
          FormApp.openByUrl(form.getEditUrl()).getId() == form.getId()];
      }
    `,
    );
    const id = rt.call('build', ['']);
    expect(rt.call('inspect', [id])).toEqual([
      'DATETIME,MULTIPLE_CHOICE,SECTION_HEADER,TEXT',
      1,
      'Instagram,YouTube',
      true,
      'Invalid conversion for item type: DATETIME',
      'Tautan',
      0,
      true,
      true,
    ]);
  });

  // https://developers.google.com/apps-script/reference/forms/form#setDestination(DestinationType,String)
  // https://support.google.com/docs/answer/2917686 (responses tab: "Form Responses 1", Timestamp, Email Address, one column per question)
  test('linking a destination inserts "Form Responses 1" as the first tab with Timestamp, Email Address and the questions', () => {
    const rt = runtime(
      build +
        `
      function headers() { var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        return [s.getName(), s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]]; }
      function destination(id) { var f = FormApp.openById(id); return [f.getDestinationId(), String(f.getDestinationType())]; }
    `,
    );
    const id = rt.call('build', [rt.spreadsheet.getId()]);
    expect(rt.call('headers')).toEqual([
      'Form Responses 1',
      ['Timestamp', 'Email Address', 'Waktu pengaduan disampaikan', 'Kanal media sosial', 'Tautan'],
    ]);
    expect(rt.call('destination', [id])).toEqual([rt.spreadsheet.getId(), 'SPREADSHEET']);
  });

  // https://support.google.com/docs/answer/2917686 (new questions add a column; edited titles update the header)
  test('a question added later gets a new column; renaming a question renames its header; a second link gets "Form Responses 2"', () => {
    const rt = runtime(
      build +
        `
      function change(id) { var f = FormApp.openById(id);
        f.addParagraphTextItem().setTitle('Isi pengaduan');
        f.getItems()[1].setTitle('Kanal');
        var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Form Responses 1');
        return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]; }
      function relink(id) { var f = FormApp.openById(id); f.removeDestination();
        f.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId()); SpreadsheetApp.flush();
        return SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (s) { return s.getName(); }).slice(0, 2); }
    `,
    );
    const id = rt.call('build', [rt.spreadsheet.getId()]);
    expect(rt.call('change', [id])).toEqual([
      'Timestamp',
      'Email Address',
      'Waktu pengaduan disampaikan',
      'Kanal',
      'Tautan',
      'Isi pengaduan',
    ]);
    expect(rt.call('relink', [id])).toEqual(['Form Responses 2', 'Form Responses 1']);
  });

  // https://developers.google.com/apps-script/reference/forms/text-validation-builder#requireTextIsUrl()
  test('a text item validated with requireTextIsUrl refuses a non-URL answer', () => {
    const rt = runtime(build);
    const id = rt.call('build', [rt.spreadsheet.getId()]) as string;
    const answers = {
      'Waktu pengaduan disampaikan': new Date('2026-03-16T08:00:00+07:00'),
      'Kanal media sosial': 'Instagram',
    };
    expect(() =>
      rt.submitForm(id, { ...answers, Tautan: 'bukan tautan' }, { respondent: 'admin@example.org' }),
    ).toThrow('fails its validation');
    expect(
      rt.submitForm(id, { ...answers, Tautan: 'https://www.instagram.com/p/x' }, { respondent: 'admin@example.org' })
        .row,
    ).toBe(2);
  });

  // https://developers.google.com/apps-script/reference/forms/section-header-item (no setRequired)
  test('a method an item class does not have on Google is undefined: SectionHeaderItem.setRequired', () => {
    const rt = runtime(`function f() { return typeof FormApp.create('x').addSectionHeaderItem().setRequired; }`);
    expect(rt.call('f')).toBe('undefined');
  });
});

describe('not emulated', () => {
  // Emulator contract (gas-fakes style): an unimplemented method throws, never a silent no-op.
  test('a method the emulator does not have throws "not emulated: Class.method"', () => {
    const rt = runtime(`
      function a() { SpreadsheetApp.newTextStyle(); }
      function b() { Utilities.zip([]); }
      function c() { ScriptApp.newTrigger('x').forDocument('id'); }
    `);
    expect(() => rt.call('a')).toThrow('not emulated: SpreadsheetApp.newTextStyle');
    expect(() => rt.call('b')).toThrow('not emulated: Utilities.zip');
    expect(() => rt.call('c')).toThrow('not emulated: TriggerBuilder.forDocument');
  });
});
