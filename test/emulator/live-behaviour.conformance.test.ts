/**
 * Issue 18: the runtime against what live Apps Script does. Each test names the behaviour and
 * cites the reference page or the live-behaviour note (brucemcpherson/gas-fakes notes/oddities.md,
 * "gas-fakes note" below) it comes from. Scripts run inside the sandbox, through the bridge.
 */
import { GasRuntime } from '../../emulator/runtime';
import { createHash } from 'node:crypto';

function run(body: string, rt = new GasRuntime()): unknown {
  rt.load(`function f() { ${body} }`);
  return rt.call('f');
}

describe('members: what does not exist is undefined, what is not emulated throws', () => {
  // gas-fakes note (unknown members are undefined on Google); types: @types/google-apps-script
  test('a member Google does not have is undefined, so feature detection takes the right branch', () => {
    expect(
      run(`var ss = SpreadsheetApp.getActiveSpreadsheet();
      return [typeof ss.isFake, typeof SpreadsheetApp.NoSuchEnum, typeof ss.getSheets()[0].getRange('A1').noSuchMethod, typeof MailApp.getAliases];`),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  // https://developers.google.com/apps-script/reference/forms/form#setpublishedenabled (in src/types/gas-augment.d.ts)
  test('a member Google has but the runtime lacks is a function that throws "not emulated: Class.method"', () => {
    const rt = new GasRuntime();
    expect(run(`return typeof SpreadsheetApp.newTextStyle;`, rt)).toBe('function');
    expect(() => run(`SpreadsheetApp.newTextStyle();`)).toThrow('not emulated: SpreadsheetApp.newTextStyle');
  });
});

// https://developers.google.com/apps-script/reference/base/user (getEmail); gas-fakes note: String(user) is the email
test('toString follows Google per class: a User is its email, a Range or Sheet its class name', () => {
  const rt = new GasRuntime({ owner: 'operator@example.org' });
  expect(
    run(
      `var ss = SpreadsheetApp.getActiveSpreadsheet(); var sh = ss.getSheets()[0];
    return [String(Session.getEffectiveUser()), '' + ss.getOwner(), String(sh.getRange('A1')), String(sh)];`,
      rt,
    ),
  ).toEqual(['operator@example.org', 'operator@example.org', 'Range', 'Sheet']);
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#properties
test('every SpreadsheetApp enum of the type definitions exists (SortOrder, ValueType, ThemeColorType, BandingTheme, TextDirection, …)', () => {
  expect(
    run(`return [String(SpreadsheetApp.SortOrder.ASCENDING), String(SpreadsheetApp.ValueType.IMAGE), String(SpreadsheetApp.ThemeColorType.ACCENT1),
    String(SpreadsheetApp.BandingTheme.BLUE), String(SpreadsheetApp.TextDirection.RIGHT_TO_LEFT), String(SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES),
    String(SpreadsheetApp.ColorType.RGB), String(SpreadsheetApp.FrequencyType.DAILY)];`),
  ).toEqual(['ASCENDING', 'IMAGE', 'ACCENT1', 'BLUE', 'RIGHT_TO_LEFT', 'DEFAULT_SERIES', 'RGB', 'DAILY']);
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#clear() ("content and formatting information")
test('Sheet.clear() clears contents and formats but keeps notes and data validations', () => {
  expect(
    run(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; var r = sh.getRange('B2');
    r.setValue('x').setBackground('#ff0000').setNote('catatan').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sh.clear();
    return [r.getValue(), r.getBackground(), r.getNote(), r.getDataValidation() !== null];`),
  ).toEqual(['', '#ffffff', 'catatan', true]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#geta1notation ; gas-fakes note on whole rows/columns
test('whole-row and whole-column A1 notation comes back as given, inverted bounds normalised', () => {
  expect(
    run(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    return ['5:7', 'D:F', 'F:D', '5:2', 'A:A', 'B2:D9'].map(function (a) { return sh.getRange(a).getA1Notation(); });`),
  ).toEqual(['5:7', 'D:F', 'D:F', '2:5', 'A:A', 'B2:D9']);
});

// https://developers.google.com/apps-script/reference/spreadsheet/protection#setwarningonlywarningonly ; gas-fakes note
test('a warning-only protection has no editors', () => {
  expect(
    run(
      `return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').protect().setWarningOnly(true).getEditors().length;`,
    ),
  ).toBe(0);
});

// https://developers.google.com/apps-script/reference/lock/lock#trylocktimeoutinmillis ; gas-fakes note (negative timeouts)
test('a negative lock timeout never acquires: tryLock(-100) is false, waitLock(-100) throws "Lock timeout…"', () => {
  expect(run(`return LockService.getScriptLock().tryLock(-100);`)).toBe(false);
  expect(() => run(`LockService.getScriptLock().waitLock(-100);`)).toThrow(/^Lock timeout/);
  expect(run(`return LockService.getScriptLock().tryLock(0);`)).toBe(true);
});

// https://developers.google.com/apps-script/reference/cache/cache#putkey,-value ; gas-fakes note: put/remove return null
test('Cache.put and Cache.remove return null', () => {
  expect(run(`var c = CacheService.getScriptCache(); return [c.put('k', 'v'), c.remove('k')];`)).toEqual([null, null]);
});

// gas-fakes note (formats read back as stored); https://developers.google.com/apps-script/reference/spreadsheet/range#setnumberformatnumberformat
test('formats read back as Google stores them: "general" → "0.###############", alignment "normal" → "general-left"', () => {
  expect(
    run(`var r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
    r.setNumberFormat('general').setHorizontalAlignment('normal'); return [r.getNumberFormat(), r.getHorizontalAlignment()];`),
  ).toEqual(['0.###############', 'general-left']);
});

// https://developers.google.com/apps-script/reference/utilities/utilities#computedigestalgorithm,-value,-charset
test('Utilities.computeDigest hashes the bytes of the charset given (UTF-8 by default; US-ASCII turns non-ASCII into "?")', () => {
  const bytes = (buf: Buffer) => Array.from(createHash('md5').update(buf).digest(), (b) => (b > 127 ? b - 256 : b));
  const out =
    run(`var U = Utilities; return [U.computeDigest(U.DigestAlgorithm.MD5, 'ké'), U.computeDigest(U.DigestAlgorithm.MD5, 'ké', U.Charset.UTF_8),
    U.computeDigest(U.DigestAlgorithm.MD5, 'ké', U.Charset.US_ASCII)];`) as number[][];
  expect(out[0]).toEqual(bytes(Buffer.from('ké', 'utf8')));
  expect(out[1]).toEqual(out[0]);
  expect(out[2]).toEqual(bytes(Buffer.from('k?', 'latin1')));
});

// Apps Script's own message for wrong argument types (gas-fakes note; seen on Range.copyTo)
test('wrong argument types get "The parameters (…) don\'t match the method signature for …"', () => {
  expect(() => run(`SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').copyTo('B1');`)).toThrow(
    "The parameters (String) don't match the method signature for SpreadsheetApp.Range.copyTo.",
  );
  expect(() => run(`SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValues('x');`)).toThrow(
    "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
  );
  expect(() => run(`SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].setColumnWidth('2', 100);`)).toThrow(
    "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.setColumnWidth.",
  );
});

// https://developers.google.com/apps-script/reference/forms/form#addmultiplechoiceitem ; gas-fakes note (one empty default choice)
test('a new multiple-choice, list or checkbox item has one empty default choice', () => {
  const rt = new GasRuntime();
  rt.env.execution = null;
  expect(
    run(
      `var f = FormApp.create('x'); return [f.addMultipleChoiceItem(), f.addListItem(), f.addCheckboxItem()].map(function (i) {
    return i.getChoices().map(function (c) { return c.getValue(); }); });`,
      rt,
    ),
  ).toEqual([[''], [''], ['']]);
});

describe('newly emulated', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getnamedranges
  test('Sheet.getNamedRanges lists the named ranges on that sheet only', () => {
    expect(
      run(`var ss = SpreadsheetApp.getActiveSpreadsheet(); var a = ss.getSheets()[0]; var b = ss.insertSheet('B');
      ss.setNamedRange('satu', a.getRange('A1')); ss.setNamedRange('dua', b.getRange('B2'));
      return [a.getNamedRanges().map(function (n) { return n.getName(); }), b.getNamedRanges().length];`),
    ).toEqual([['satu'], 1]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/protection#setrangenamerangename
  test('Protection.setRangeName moves the protection onto the named range', () => {
    expect(
      run(`var ss = SpreadsheetApp.getActiveSpreadsheet(); var sh = ss.getSheets()[0]; ss.setNamedRange('kunci', sh.getRange('C3:D4'));
      var p = sh.getRange('A1').protect().setRangeName('kunci'); return [p.getRangeName(), p.getRange().getA1Notation()];`),
    ).toEqual(['kunci', 'C3:D4']);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/text-finder
  test('createTextFinder on a range, a sheet and the spreadsheet: findNext/findAll, matchCase, matchEntireCell, regex, replaceAllWith', () => {
    expect(
      run(`var ss = SpreadsheetApp.getActiveSpreadsheet(); var sh = ss.getSheets()[0];
      sh.getRange('A1:B3').setValues([['ADU-2026-0001', 'x'], ['adu-2026-0002', 'ADU-2026-0001 lagi'], ['y', 'ADU-2026-0003']]);
      var t = sh.createTextFinder('ADU-2026-0001');
      var first = t.findNext().getA1Notation(), second = t.findNext().getA1Notation(), third = t.findNext();
      var exact = sh.createTextFinder('adu-2026-0001').matchEntireCell(true).findAll().map(function (r) { return r.getA1Notation(); });
      var cased = sh.createTextFinder('adu').matchCase(true).findAll().map(function (r) { return r.getA1Notation(); });
      var re = sh.getRange('B1:B3').createTextFinder('\\\\d{4}$').useRegularExpression(true).findAll().map(function (r) { return r.getA1Notation(); });
      var n = ss.createTextFinder('ADU-2026').replaceAllWith('ADU-2027');
      return [first, second, third, exact, cased, re, n, sh.getRange('A1').getValue()];`),
    ).toEqual(['A1', 'B2', null, ['A1'], ['A2'], ['B3'], 4, 'ADU-2027-0001']);
  });

  // https://developers.google.com/apps-script/reference/forms/checkbox-item ; /forms/page-break-item
  test('Form.addCheckboxItem and Form.addPageBreakItem', () => {
    expect(
      run(`var f = FormApp.create('x'); var c = f.addCheckboxItem().setTitle('Pilih').setChoiceValues(['a', 'b']); var p = f.addPageBreakItem().setTitle('Hal 2');
      return [String(c.getType()), c.getChoices().length, String(p.getType()), f.getItems().length, String(f.getItems()[1].asPageBreakItem().getTitle())];`),
    ).toEqual(['CHECKBOX', 2, 'PAGE_BREAK', 2, 'Hal 2']);
  });

  // https://developers.google.com/apps-script/reference/utilities/utilities#newblobdata ; /base/blob
  test('Utilities.newBlob: bytes, text, content type and name', () => {
    expect(
      run(`var b = Utilities.newBlob('hé', 'text/plain', 'a.txt'); var c = Utilities.newBlob([104, 105]);
      return [b.getBytes(), b.getDataAsString(), b.getContentType(), b.getName(), c.getDataAsString(), c.setName('n').getName()];`),
    ).toEqual([[104, -61, -87], 'hé', 'text/plain', 'a.txt', 'hi', 'n']);
  });

  // https://developers.google.com/apps-script/reference/utilities/utilities#formatstringtemplate,-args
  test('Utilities.formatString formats like sprintf', () => {
    expect(run(`return Utilities.formatString('%s-%04d %.2f %d%% %-3s|', 'ADU', 7, 3.14159, 50, 'a');`)).toBe(
      'ADU-0007 3.14 50% a  |',
    );
  });
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#getrow ; the system's edit
// handler (src/app/edit.ts) falls back to these getters when getA1Notation is "5:7" or "D:F".
test('a whole-row or whole-column range still answers getRow/getColumn/getNumRows/getNumColumns with its extent', () => {
  expect(
    run(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; var rows = sh.getRange('5:7'), cols = sh.getRange('D:F');
    return [rows.getRow(), rows.getColumn(), rows.getNumRows(), rows.getNumColumns(), cols.getRow(), cols.getColumn(), cols.getNumRows(), cols.getNumColumns()];`),
  ).toEqual([5, 1, 3, 26, 1, 4, 1000, 3]);
});

// https://developers.google.com/apps-script/reference/forms/item-response#getresponse (String[] for a CheckboxItem)
test('a checkbox answer is a String[] in ItemResponse.getResponse and joined with ", " in the responses tab', () => {
  const rt = new GasRuntime();
  rt.load(`function make() { var f = FormApp.create('x'); f.setPublished(true); f.addCheckboxItem().setTitle('Pilih').setChoiceValues(['a', 'b', 'c']);
    f.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId()); return f.getId(); }`);
  const id = rt.call('make') as string;
  const { row } = rt.submitForm(id, { Pilih: ['a', 'c'] });
  const form = rt.formApp._forms().find((f) => f.getId() === id)!;
  expect(form.getResponses()[0].getItemResponses()[0].getResponse()).toEqual(['a', 'c']);
  const tab = rt.spreadsheet.getSheets().find((s) => s.getName().startsWith('Form Responses'))!;
  expect(tab.getRange(row!, 2).getValue()).toBe('a, c');
  expect(() => rt.submitForm(id, { Pilih: ['z'] })).toThrow('"z" is not a choice');
});

// Apps Script checks argument types against the method's signatures before it runs
test('an object of the wrong class or a plain object where a class is declared does not match the signature', () => {
  expect(() =>
    run(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; sh.getRange('A1').copyTo(sh);`),
  ).toThrow("The parameters (SpreadsheetApp.Sheet) don't match the method signature for SpreadsheetApp.Range.copyTo.");
  expect(() => run(`SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').copyTo({});`)).toThrow(
    "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.copyTo.",
  );
  expect(() => run(`SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 1, 1, 1);`)).toThrow(
    "The parameters (number,number,number,number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
  );
  // What Apps Script converts still works: a number for a string, null, omitted optional arguments.
  expect(
    run(`var r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1'); r.setNote(5); r.setNote(null);
    r.copyTo(r.offset(1, 0), SpreadsheetApp.CopyPasteType.PASTE_VALUES, false); return r.getNote();`),
  ).toBe('');
});
