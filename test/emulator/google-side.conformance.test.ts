/**
 * Where Google differs from the convenient reading of its API, the runtime takes Google's side
 * (DESIGN §11, issue 10). Each test names the behaviour and cites the page it follows; the same
 * behaviours are checked on the operator's real account by the self-test (DESIGN §13).
 */
import { GasRuntime, RuntimeOptions } from '../../emulator/runtime';

const START = '2026-12-01T08:00:00+07:00';

function runtime(code: string, options: RuntimeOptions = {}): GasRuntime {
  const rt = new GasRuntime({ start: START, owner: 'operator@example.org', ...options });
  rt.load(code);
  return rt;
}

describe('Forms: a script-created form', () => {
  // https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms :
  // "forms created by the API after June 30, 2026 will be created in an unpublished state. You
  // must publish the forms before they can accept responses."
  test('starts unpublished, accepts nothing, and is published (and accepting) by setPublished(true)', () => {
    const rt = runtime(`
      function make() {
        var f = FormApp.create('Uji');
        f.addTextItem().setTitle('Nama');
        return { id: f.getId(), pub: f.isPublished(), acc: f.isAcceptingResponses(), adv: f.supportsAdvancedResponderPermissions() };
      }
      function publish(id) { var f = FormApp.openById(id); f.setPublished(true); return { pub: f.isPublished(), acc: f.isAcceptingResponses() }; }
    `);
    const made = rt.call('make') as { id: string; pub: boolean; acc: boolean; adv: boolean };
    expect(made).toMatchObject({ pub: false, acc: false, adv: true });
    expect(() => rt.submitForm(made.id, { Nama: 'x' })).toThrow(/not published/);
    // https://developers.google.com/workspace/forms/api/guides/publish-form : "Publish the form.
    // This also enables accepting responses."
    expect(rt.call('publish', [made.id])).toEqual({ pub: true, acc: true });
    expect(() => rt.submitForm(made.id, { Nama: 'x' })).not.toThrow();
  });

  // https://developers.google.com/apps-script/reference/forms/form-app#create(String) names the
  // file; the form's own title can stay blank (live behaviour noted in gas-fakes notes/oddities.md).
  test('FormApp.create(title) leaves the form title blank until setTitle', () => {
    const rt = runtime(
      `function t() { var f = FormApp.create('Nama berkas'); var before = f.getTitle(); f.setTitle('Judul'); return [before, f.getTitle()]; }`,
    );
    expect(rt.call('t')).toEqual(['', 'Judul']);
  });

  // https://developers.google.com/apps-script/reference/forms/email-collection-type
  test('setEmailCollectionType with FormApp.EmailCollectionType; collectsEmail follows it', () => {
    const rt =
      runtime(`function t() { var f = FormApp.create('x'); var a = [String(f.getEmailCollectionType()), f.collectsEmail()];
      f.setEmailCollectionType(FormApp.EmailCollectionType.VERIFIED); return a.concat([String(f.getEmailCollectionType()), f.collectsEmail()]); }`);
    expect(rt.call('t')).toEqual(['DO_NOT_COLLECT', false, 'VERIFIED', true]);
  });

  // Issue 10 / apps-script-samples PR #145: "Exception: The form currently has no response destination".
  test("getDestinationId on an unlinked form throws Google's message", () => {
    const rt = runtime(
      `function t() { try { FormApp.create('x').getDestinationId(); return 'no error'; } catch (e) { return e.message; } }`,
    );
    expect(rt.call('t')).toBe('The form currently has no response destination.');
  });

  // https://developers.google.com/apps-script/reference/forms/form#setDestination(DestinationType,String):
  // the responses tab is created by Forms on its servers; it is not there when setDestination returns.
  test('the responses tab appears after setDestination returns: at a flush with its header, or at the end of the execution without one', () => {
    const rt = runtime(`
      function link(flush) {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var f = FormApp.create('x'); f.addTextItem().setTitle('Nama'); f.setPublished(true);
        f.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
        var atOnce = ss.getSheets().filter(function (s) { return s.getFormUrl(); }).length;
        var afterFlush = -1;
        if (flush) { SpreadsheetApp.flush(); afterFlush = ss.getSheets().filter(function (s) { return s.getFormUrl(); }).length; }
        return { id: f.getId(), atOnce: atOnce, afterFlush: afterFlush };
      }
      function header() {
        var s = SpreadsheetApp.getActiveSpreadsheet().getSheets().filter(function (s) { return s.getFormUrl(); })[0];
        return s.getLastColumn() ? s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] : [];
      }
    `);
    expect(rt.call('link', [true])).toMatchObject({ atOnce: 0, afterFlush: 1 });
    expect(rt.call('header')).toEqual(['Timestamp', 'Nama']);

    const late = runtime(`
      function link() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var f = FormApp.create('x'); f.addTextItem().setTitle('Nama'); f.setPublished(true);
        f.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
        return f.getId();
      }
      function header() {
        var s = SpreadsheetApp.getActiveSpreadsheet().getSheets().filter(function (s) { return s.getFormUrl(); })[0];
        return s ? (s.getLastColumn() ? s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] : []) : null;
      }`);
    const id = late.call('link') as string;
    expect(late.call('header')).toEqual([]); // the tab exists, its header row does not yet
    late.submitForm(id, { Nama: 'warga' });
    expect(late.call('header')).toEqual(['Timestamp', 'Nama']);
  });
});

describe('Spreadsheet: protections', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#protect() : "Until the
  // script actually changes the list of editors for the range (by calling Protection.removeEditor…,
  // addEditor…, or setting a new value for Protection.setDomainEdit), the permissions mirror those
  // of the spreadsheet itself, which effectively means that the range remains unprotected."
  const code = `
    function protectAll(change) {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var p = sh.protect().setDescription('uji');
      var before = p.getEditors().map(function (u) { return u.getEmail(); });
      if (change) { p.addEditor(Session.getEffectiveUser()); p.removeEditors(p.getEditors().filter(function (u) { return u.getEmail() !== Session.getEffectiveUser().getEmail(); })); }
      else p.removeEditors([]);
      return before;
    }`;

  test("a new protection lists the spreadsheet's editors without the owner, and protects nothing until its editor list changes", () => {
    const rt = runtime(code, { users: ['pic@example.org'] });
    expect(rt.call('protectAll', [false])).toEqual(['pic@example.org']);
    const sheet = rt.spreadsheet.getSheets()[0];
    expect(rt.editAsUser('pic@example.org', sheet.getName(), 1, 1, [['diketik']]).applied).toBe(true);
  });

  test('after the editor list is changed, the protection holds: a shared editor is refused', () => {
    const rt = runtime(code, { users: ['pic@example.org'] });
    rt.call('protectAll', [true]);
    const sheet = rt.spreadsheet.getSheets()[0];
    expect(rt.editAsUser('pic@example.org', sheet.getName(), 1, 1, [['diketik']])).toMatchObject({ applied: false });
  });

  test('on a file shared with nobody yet, removing "the others" changes nothing: sharing it later leaves the tab open', () => {
    const rt = runtime(`
      function naive() { var p = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].protect();
        p.removeEditors(p.getEditors().filter(function (u) { return u.getEmail() !== Session.getEffectiveUser().getEmail(); }));
        return p.getEditors().length; }`);
    expect(rt.call('naive')).toBe(0);
    rt.spreadsheet.addEditor('pic@example.org');
    const sheet = rt.spreadsheet.getSheets()[0];
    expect(rt.editAsUser('pic@example.org', sheet.getName(), 1, 1, [['diketik']]).applied).toBe(true);
  });
});

describe('Spreadsheet: its own time zone', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()
  // A new spreadsheet takes the creating account's time zone (Sheets › File › Settings), not the
  // script manifest's.
  test("a new spreadsheet has the account's time zone, not the script's", () => {
    const rt = runtime(
      `function t() { return [SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), Session.getScriptTimeZone()]; }`,
      { accountTimeZone: 'America/New_York' },
    );
    expect(rt.call('t')).toEqual(['America/New_York', 'Asia/Jakarta']);
  });

  // https://support.google.com/docs/answer/58515 : date cells are wall-clock values in the
  // spreadsheet's zone; Forms writes a date-time answer as the wall clock the respondent typed.
  test("a date-time answer is read as wall-clock time in the spreadsheet's zone", () => {
    const rt = runtime(
      `
      function link() { var ss = SpreadsheetApp.getActiveSpreadsheet(); var f = FormApp.create('x');
        f.addDateTimeItem().setTitle('Waktu'); f.setPublished(true);
        f.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId()); SpreadsheetApp.flush(); return f.getId(); }
      function answer() { var s = SpreadsheetApp.getActiveSpreadsheet().getSheets().filter(function (s) { return s.getFormUrl(); })[0];
        return s.getRange(2, 2).getValue().toISOString(); }`,
      { accountTimeZone: 'America/New_York' },
    );
    const id = rt.call('link') as string;
    // The admin in Jakarta types 16 Mar 2026 08:40 (WIB) into the form.
    rt.submitForm(id, { Waktu: new Date('2026-03-16T08:40:00+07:00') });
    // The sheet reads 08:40 as New York time: 12:40 UTC, not 01:40 UTC.
    expect(rt.call('answer')).toBe('2026-03-16T12:40:00.000Z');
  });

  test('setSpreadsheetTimeZone keeps what date cells show (their wall clock), as Sheets stores serial numbers', () => {
    const rt = runtime(
      `
      function put() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(new Date('2026-03-16T08:40:00-04:00')); }
      function rezone() { var ss = SpreadsheetApp.getActiveSpreadsheet(); var r = ss.getSheets()[0].getRange('A1');
        var shown = r.getDisplayValue(); ss.setSpreadsheetTimeZone('Asia/Jakarta'); return [shown, r.getDisplayValue(), r.getValue().toISOString()]; }`,
      { accountTimeZone: 'America/New_York' },
    );
    rt.call('put');
    const [before, after, instant] = rt.call('rezone') as string[];
    expect(after).toBe(before);
    expect(instant).toBe('2026-03-16T01:40:00.000Z'); // 08:40 WIB
  });
});

describe('CalendarApp: the holiday calendar', () => {
  // https://developers.google.com/apps-script/reference/calendar/calendar-app#getCalendarById(String)
  // returns null for a calendar the user is not subscribed to (gas-fakes notes/oddities.md).
  test('getCalendarById is null for an unsubscribed calendar, and the calendar once subscribed', () => {
    const rt = runtime(`function t(id) { var c = CalendarApp.getCalendarById(id); return c ? c.getName() : null; }`);
    const id = 'en.indonesian#holiday@group.v.calendar.google.com';
    rt.calendarApp._addCalendar(id, 'Holidays in Indonesia', 'Asia/Jakarta', '', false);
    expect(rt.call('t', [id])).toBeNull();
    rt.calendarApp._subscribe(id);
    expect(rt.call('t', [id])).toBe('Holidays in Indonesia');
  });
});
