/**
 * Conformance of the emulated SpreadsheetApp with Apps Script's documented behaviour. Each test
 * names the behaviour and cites the page that documents it; they run against the host classes.
 */
import { GasEnv } from '../../emulator/env';
import { Charts, HtmlService, Sheet, Spreadsheet, SpreadsheetAppService } from '../../emulator/spreadsheet';

const OWNER = 'operator@example.org';
const ADMIN = 'admin@example.org';
const PIC = 'pic@example.org';

function setup(): { env: GasEnv; app: SpreadsheetAppService; ss: Spreadsheet; sheet: Sheet } {
  const env = new GasEnv({ owner: OWNER, timeZone: 'Asia/Jakarta', start: new Date('2026-03-16T08:00:00+07:00') });
  const app = new SpreadsheetAppService(env);
  const ss = app.create('Pengaduan Medsos');
  app._activeSpreadsheetId = ss.getId();
  return { env, app, ss, sheet: ss.getSheets()[0] };
}

/** Runs `fn` as if `user` were the effective user of the execution. */
function as<T>(env: GasEnv, user: string, fn: () => T): T {
  const saved = env.execution;
  env.execution = { ...env.newExecution('direct', user, false), effectiveUser: user };
  try {
    return fn();
  } finally {
    env.execution = saved;
  }
}

describe('Range values', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  // "Returns the rectangular grid of values for this range. ... The values may be of type Number,
  // Boolean, Date, or String ... Empty cells are represented by an empty string in the array."
  test("getValues is rows x columns with '' for blanks, numbers, booleans and Date objects", () => {
    const { sheet } = setup();
    const when = new Date('2026-03-16T09:10:00+07:00');
    sheet.getRange('A1:C1').setValues([[42, true, when]]);
    const values = sheet.getRange('A1:D2').getValues();
    expect(values).toHaveLength(2);
    expect(values.every((row) => row.length === 4)).toBe(true);
    expect(values[0].slice(0, 2)).toEqual([42, true]);
    expect(values[0][2]).toBeInstanceOf(Date);
    expect((values[0][2] as Date).getTime()).toBe(when.getTime());
    expect(values[0][3]).toBe('');
    expect(values[1]).toEqual(['', '', '', '']);
  });

  // Same page: getValues "Returns ... a two-dimensional array of values"; each call is a new array.
  test('getValues returns fresh arrays and Dates: mutating them does not change the sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['x', new Date(Date.UTC(2026, 0, 1))]]);
    const first = sheet.getRange('A1:B1').getValues();
    first[0][0] = 'changed';
    (first[0][1] as Date).setUTCFullYear(1999);
    const again = sheet.getRange('A1:B1').getValues();
    expect(again[0][0]).toBe('x');
    expect((again[0][1] as Date).getUTCFullYear()).toBe(2026);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  // "The dimensions of the array must match the dimensions of the range."
  test('setValues with the wrong number of rows throws the Apps Script message', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange('A1:B3').setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  test('setValues with the wrong number of columns throws the Apps Script message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:C1').setValues([[1, 2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  test('a setValues that fails its size check changes nothing', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow();
    expect(sheet.getLastRow()).toBe(0);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  // "Sets the value of the range."  On a multi-cell range every cell gets the value.
  test('setValue on a multi-cell range sets every cell', () => {
    const { sheet } = setup();
    sheet.getRange('B2:C3').setValue('Baru');
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      ['Baru', 'Baru'],
      ['Baru', 'Baru'],
    ]);
  });

  // setValue: "If the value begins with '=' it is interpreted as a formula."
  test('a string starting with = becomes a formula that getFormula returns', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=B1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('=B1+1');
    expect(sheet.getRange('A1').getFormulas()).toEqual([['=B1+1']]);
    expect(['', '#ERROR!']).toContain(sheet.getRange('A1').getValue());
    expect(sheet.getLastRow()).toBe(1); // a formula is content
  });

  // Sheets' input rules (setValue interprets strings as typed input): a leading apostrophe
  // forces text and is not part of the value. https://support.google.com/docs/answer/56470
  test('a leading apostrophe forces text, is not stored, and does not make a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([["'=1+1", "'001", "'TRUE"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=1+1', '001', 'TRUE']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('strings that look like numbers and booleans are typed as numbers and booleans', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['001', '1,234.5', 'true', '+6281234', '12%']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[1, 1234.5, true, 6281234, 0.12]]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String)
  // Plain text format '@' keeps what is written as text.
  test("a cell formatted as plain text '@' keeps numeric-looking strings as text", () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setNumberFormat('@');
    sheet.getRange('A1:A2').setValues([['001'], ['=A1']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['001'], ['=A1']]);
    expect(sheet.getRange('A2').getFormula()).toBe('');
  });

  // Writing a Date gives the cell a date-time format; getValue returns a Date for the same instant.
  test('a Date written by a script becomes a date cell with the default date-time format', () => {
    const { sheet } = setup();
    const when = new Date('2026-03-16T09:10:05+07:00');
    sheet.getRange('A1').setValue(when);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(when.getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/16/2026 9:10:05');
  });

  // Google Sheets limits: "Up to 50,000 characters in a single cell" — support.google.com/drive/answer/37603
  test('a string longer than 50,000 characters is refused with the Sheets message', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x'.repeat(50000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50000);
    expect(() => sheet.getRange('A2').setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(() => sheet.appendRow(['ok', 'y'.repeat(50001)])).toThrow('50000 characters');
    expect(sheet.getLastRow()).toBe(1);
  });

  // Google Sheets limits: "Up to 10 million cells" per spreadsheet — support.google.com/drive/answer/37603
  test('the workbook cannot grow beyond 10,000,000 cells', () => {
    const { ss, sheet } = setup();
    sheet.insertRowsAfter(1000, 300_000); // 301,000 x 26 = 7,826,000 cells
    expect(() => ss.insertSheet('Besar').insertRowsAfter(1000, 100_000)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(ss._totalCells()).toBeLessThanOrEqual(10_000_000);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
  // "Returns the rectangular grid of displayed values ... takes into account date, time and currency
  // formatting, including formats applied automatically by the spreadsheet's locale setting."
  test('display values of dates follow the spreadsheet time zone (Asia/Jakarta) and the number format', () => {
    const { ss, sheet } = setup();
    const when = new Date('2026-03-16T02:10:00Z'); // 09:10 in Jakarta
    sheet.getRange('A1:C1').setValues([[when, when, when]]);
    sheet.getRange('B1').setNumberFormat('dd/mm/yyyy hh:mm');
    sheet.getRange('C1').setNumberFormat('d mmmm yyyy');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([
      ['3/16/2026 9:10:00', '16/03/2026 09:10', '16 March 2026'],
    ]);
    // Sheets stores wall-clock serial numbers: a new zone keeps what the cell shows and so
    // moves the instant (https://support.google.com/docs/answer/58515).
    ss.setSpreadsheetTimeZone('UTC');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('16/03/2026 09:10');
    expect((sheet.getRange('B1').getValue() as Date).toISOString()).toBe('2026-03-16T09:10:00.000Z');
    // A date typed by text is read in the spreadsheet's zone: midnight in UTC now.
    sheet.getRange('D1').setValue('2026-03-17');
    expect((sheet.getRange('D1').getValue() as Date).toISOString()).toBe('2026-03-17T00:00:00.000Z');
  });

  test('a typed date is midnight in Asia/Jakarta and keeps its ISO look', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2026-03-17');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-16T17:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-03-17');
  });

  // Sheets treats dates as serial numbers; the format decides (developers.google.com/sheets/api/guides/formats).
  test('the number format decides between Date and number in getValues', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(46097.5); // 2026-03-16 12:00 wall time
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd hh:mm');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-03-16 12:00');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-16T05:00:00.000Z');
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(sheet.getRange('A1').getValue()).toBeCloseTo(46097.5, 6);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('46097.50');
  });
});

describe('Sheet grid', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
  // "Returns the position of the last row that has content."
  test('getLastRow and getLastColumn are 0 on an empty sheet; getDataRange is A1', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  test('getLastRow ignores notes and formatting, counts values and formulas', () => {
    const { sheet } = setup();
    sheet.getRange('A10').setNote('catatan');
    sheet.getRange('A1:Z20').setBackground('#ffeeee');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C5').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
  });

  // A new sheet in Google Sheets has 1000 rows and 26 columns (A–Z).
  test('a new sheet has 1000 rows and 26 columns', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Baru');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
  test('getRange outside the grid or with row/column 0 throws Apps Script errors', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  // https://developers.google.com/apps-script/guides/sheets#reading — A1 notation with whole
  // columns, open-ended rows and sheet names.
  test('A1 notation accepts whole columns, open-ended ranges and quoted sheet names', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Form Responses 1').getRange('B2').setValue('jawaban');
    expect(sheet.getRange('B:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('B2:C').getA1Notation()).toBe('B2:C1000');
    expect(sheet.getRange('3:3').getNumColumns()).toBe(26);
    expect(ss.getRange("'Form Responses 1'!B2").getValue()).toBe('jawaban');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRow(Integer)
  // "Deletes the row at the given row position."  Rows below move up.
  test('deleting a row shifts the rows below up, with their notes and formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['No', 'Status'],
      [1, 'Baru'],
      [2, 'Selesai'],
    ]);
    sheet.getRange('B3').setNote('diperiksa').setBackground('#00ff00');
    sheet.deleteRow(2);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['No', 'Status'],
      [2, 'Selesai'],
    ]);
    expect(sheet.getRange('B2').getNote()).toBe('diperiksa');
    expect(sheet.getRange('B2').getBackground()).toBe('#00ff00');
    expect(sheet.getMaxRows()).toBe(999);
  });

  test('deleteRows out of bounds and deleting every non-frozen row throw the Sheets messages', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertColumnBefore(Integer)
  // "Inserts a column before the given column position."  Headers to the right move right.
  test('inserting a column shifts the headers to the right; Range objects keep their coordinates', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['No', 'Tanggal', 'Status']]);
    const header = sheet.getRange('B1');
    sheet.insertColumnBefore(2);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['No', '', 'Tanggal', 'Status']]);
    expect(header.getA1Notation()).toBe('B1');
    expect(header.getValue()).toBe('');
    expect(sheet.getMaxColumns()).toBe(27);
  });

  test('inserted rows copy formatting and validation from the row they are inserted after', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['Baru', 'Selesai']).build();
    sheet.getRange('B2').setDataValidation(rule).setNumberFormat('@').setValue('Baru');
    sheet.insertRowAfter(2);
    expect(sheet.getRange('B3').getDataValidation()?.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(sheet.getRange('B3').getNumberFormat()).toBe('@');
    expect(sheet.getRange('B3').getValue()).toBe('');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
  // "Appends a row to the spreadsheet ... after the last row with content."
  test('appendRow writes after the last row with content and grows a full grid', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Log');
    sheet.deleteRows(3, 998); // 2 rows left
    sheet.appendRow(['a']);
    sheet.appendRow(['b']);
    sheet.appendRow(['c', 'd', new Date(0)]);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['a', 'b', 'c']);
    expect(sheet.getRange('C3').getValue()).toBeInstanceOf(Date);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#sort(Integer,Boolean)
  test('sort orders the rows below the frozen rows; blanks go last', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B5').setValues([
      ['No', 'Nama'],
      [3, 'c'],
      ['', 'kosong'],
      [1, 'a'],
      [2, 'b'],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(1);
    expect(sheet.getRange('A1:B5').getValues()).toEqual([
      ['No', 'Nama'],
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      ['', 'kosong'],
    ]);
    sheet.sort(1, false);
    expect(sheet.getRange('A2:A5').getValues().flat()).toEqual([3, 2, 1, '']);
  });

  test('setFrozenRows/getFrozenRows, column widths and hidden sheets are kept', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Dua');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    sheet.hideSheet();
    expect([sheet.getFrozenRows(), sheet.getColumnWidth(2), sheet.getColumnWidth(3), sheet.isSheetHidden()]).toEqual([
      1,
      240,
      100,
      true,
    ]);
  });
});

describe('Spreadsheet and SpreadsheetApp', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
  test('insertSheet takes a 0-based index, refuses duplicate names and becomes the active sheet', () => {
    const { ss } = setup();
    const first = ss.insertSheet('Pertama', 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getActiveSheet()).toBe(first);
    expect(() => ss.insertSheet('pertama')).toThrow(
      'A sheet with the name "pertama" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('Tidak Ada')).toBeNull();
    expect(ss.getSheetById(first.getSheetId())).toBe(first);
  });

  test('_addSheet puts the form responses tab at index 0 like Google Forms', () => {
    const { ss } = setup();
    const responses = ss._addSheet('Form Responses 1', 0);
    expect(ss.getSheets()[0]).toBe(responses);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Form Responses 1', 'Sheet1']);
  });

  test('create registers the file by id; openById and openByUrl find it; unknown ids fail', () => {
    const { env, app, ss } = setup();
    expect(env.files.get(ss.getId())).toBe(ss);
    expect(app.openById(ss.getId())).toBe(ss);
    expect(app.openByUrl(ss.getUrl())).toBe(ss);
    expect(() => app.openById('missing')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getUi()
  // and https://developers.google.com/apps-script/guides/dialogs — dialogs need a user with the
  // document open; time-driven and other installable triggers get
  // "Cannot call SpreadsheetApp.getUi() from this context."
  test('getUi throws without a UI (time-driven trigger) and works from a menu', () => {
    const { env, app } = setup();
    env.execution = env.newExecution('time-trigger', '', false);
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    env.execution = env.newExecution('menu', OWNER, true);
    const ui = app.getUi();
    ui.createMenu('Pengaduan')
      .addItem('Siapkan', 'setup')
      .addSeparator()
      .addItem('Rekonsiliasi', 'reconcileNow')
      .addToUi();
    expect(app._ui._menus).toEqual([
      {
        caption: 'Pengaduan',
        items: [
          { caption: 'Siapkan', functionName: 'setup' },
          { caption: '', functionName: '', separator: true },
          { caption: 'Rekonsiliasi', functionName: 'reconcileNow' },
        ],
      },
    ]);
    expect(app._menuFunction(['Pengaduan', 'Rekonsiliasi'])).toBe('reconcileNow');
  });

  // https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
  test('alert records the dialog and returns the button the emulated user presses', () => {
    const { env, app } = setup();
    env.execution = env.newExecution('menu', OWNER, true);
    const ui = app.getUi();
    expect(ui.alert('Selesai')).toBe(ui.Button.OK);
    app._ui._nextButton = 'NO';
    expect(ui.alert('Hapus?', 'Yakin menghapus?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(app._ui._alerts.map((a) => [a.title, a.prompt, a.answer])).toEqual([
      ['', 'Selesai', 'OK'],
      ['Hapus?', 'Yakin menghapus?', 'NO'],
    ]);
  });

  test('HTML dialogs are recorded with their title and content', () => {
    const { env, app } = setup();
    env.execution = env.newExecution('menu', OWNER, true);
    const html = new HtmlService(env).createHtmlOutput('<p>Halo</p>').append('<b>!</b>').setWidth(300);
    app.getUi().showModalDialog(html, 'Dasbor');
    expect(app._ui._dialogs[0]).toMatchObject({
      kind: 'modal',
      title: 'Dasbor',
      html: '<p>Halo</p><b>!</b>',
      width: 300,
    });
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)
  test('toast needs no UI and is recorded', () => {
    const { ss } = setup();
    ss.toast('Tersimpan', 'Pengaduan', 5);
    expect(ss._toasts).toEqual([
      { at: '2026-03-16T01:00:00.000Z', message: 'Tersimpan', title: 'Pengaduan', timeoutSeconds: 5 },
    ]);
  });

  test('getActiveSpreadsheet is the bound spreadsheet, null when unbound', () => {
    const { env, ss, app } = setup();
    expect(app.getActiveSpreadsheet()).toBe(ss);
    expect(new SpreadsheetAppService(env).getActiveSpreadsheet()).toBeNull();
  });
});

describe('Protection', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#protect()
  // "Until the script actually changes the list of editors for the range ... the permissions mirror
  // those of the spreadsheet itself": people the file is shared with keep editing, others do not.
  test('a new protection lets the spreadsheet editors edit until its editor list is changed', () => {
    const { ss, sheet } = setup();
    ss.addEditor(ADMIN);
    const p = sheet.getRange('A1:C1').protect().setDescription('Kolom sistem');
    // While it mirrors, getEditors lists the file's editors but not its owner (issue 10).
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([ADMIN]);
    expect(sheet._userEdit(ADMIN, 1, 1, [['x']]).applied).toBe(true);
    expect(sheet._userEdit(PIC, 1, 1, [['y']]).applied).toBe(false);
    p.removeEditor(ADMIN);
    expect(sheet._userEdit(ADMIN, 1, 1, [['z']]).applied).toBe(false);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/protection — the documented
  // recipe: addEditor(me); removeEditors(getEditors()); only the owner and me remain.
  test('a protected range rejects an edit by a non-editor and accepts the owner', () => {
    const { env, sheet } = setup();
    sheet.getRange('A1:B1').setValues([['No', 'Status']]);
    const p = as(env, OWNER, () => {
      const protection = sheet.getRange('A1:B1').protect();
      protection.addEditor(OWNER);
      protection.removeEditors(protection.getEditors());
      return protection;
    });
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    const refused = sheet._userEdit(PIC, 1, 2, [['Ubah']]);
    expect(refused).toEqual({
      applied: false,
      reason:
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      oldValues: [['Status']],
    });
    expect(sheet.getRange('B1').getValue()).toBe('Status');
    expect(sheet._userEdit(OWNER, 1, 2, [['Ubah']])).toEqual({ applied: true, oldValues: [['Status']] });
    expect(sheet.getRange('B1').getValue()).toBe('Ubah');
    expect(sheet._userEdit(PIC, 2, 2, [['di luar']]).applied).toBe(true);
  });

  test('listed editors may edit and warning-only protections let everyone through', () => {
    const { env, sheet } = setup();
    const p = as(env, OWNER, () => {
      const protection = sheet.getRange('A1:A5').protect();
      return protection.removeEditors(protection.getEditors()).addEditors([ADMIN]);
    });
    expect(sheet._userEdit(ADMIN, 2, 1, [['ok']]).applied).toBe(true);
    expect(sheet._userEdit(PIC, 2, 1, [['no']]).applied).toBe(false);
    p.setWarningOnly(true);
    expect(sheet._userEdit(PIC, 2, 1, [['peringatan']]).applied).toBe(true);
  });

  // Protection.removeEditor: "Neither the owner of the spreadsheet nor the current user can be removed."
  test('neither the owner nor the current user can be removed from a protection', () => {
    const { env, sheet } = setup();
    const editors = as(env, ADMIN, () => {
      const p = sheet.getRange('A1').protect();
      p.removeEditors([OWNER, ADMIN, PIC]);
      return p.getEditors().map((u) => u.getEmail());
    });
    expect(editors.sort()).toEqual([ADMIN, OWNER].sort());
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/protection#setUnprotectedRanges(Range)
  // "Unprotects the given array of ranges within a protected sheet."
  test('a protected sheet with an unprotected range accepts edits only inside that range', () => {
    const { env, sheet } = setup();
    as(env, OWNER, () => {
      const p = sheet.protect().setDescription('Tab unit');
      p.removeEditors(p.getEditors());
      p.setUnprotectedRanges([sheet.getRange('E2:F1000')]);
    });
    expect(
      sheet
        .protect()
        .getUnprotectedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['E2:F1000']);
    expect(sheet._userEdit(PIC, 5, 5, [['Diproses', 'catatan']]).applied).toBe(true);
    expect(sheet._userEdit(PIC, 5, 4, [['x', 'y']]).applied).toBe(false);
    expect(sheet._userEdit(PIC, 1, 5, [['header']]).applied).toBe(false);
  });

  test('a script running as a non-editor cannot write to a protected range', () => {
    const { env, sheet } = setup();
    as(env, OWNER, () => {
      const p = sheet.getRange('A1:A3').protect();
      p.removeEditors(p.getEditors());
    });
    expect(() => as(env, PIC, () => sheet.getRange('A2').setValue('x'))).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    expect(as(env, PIC, () => sheet.getProtections('RANGE')[0].canEdit())).toBe(false);
    expect(as(env, PIC, () => sheet.getRange('B1').protect().canEdit())).toBe(true); // its creator is an editor
    expect(as(env, OWNER, () => sheet.getRange('A2').setValue('ok').getValue())).toBe('ok');
  });

  // Protected ranges are stored by the spreadsheet, so they follow row insertions like the cells.
  test('a protected range moves down when rows are inserted above it', () => {
    const { ss, sheet } = setup();
    const p = sheet.getRange('B2:C3').protect();
    sheet.insertRowsBefore(1, 2);
    expect(p.getRange().getA1Notation()).toBe('B4:C5');
    sheet.deleteColumn(1);
    expect(ss.getProtections('RANGE')[0].getRange().getA1Notation()).toBe('A4:B5');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect()
  // "If the sheet is already protected, this method returns an object representing the existing
  // protection settings."
  test('Sheet.protect returns the existing sheet protection; getProtections filters by type', () => {
    const { ss, sheet } = setup();
    const p = sheet.protect().setDescription('Riwayat');
    expect(sheet.protect()).toBe(p);
    sheet.getRange('A1').protect();
    expect(sheet.getProtections('SHEET')).toEqual([p]);
    expect(ss.getProtections('RANGE')).toHaveLength(1);
    p.remove();
    expect(sheet.getProtections('SHEET')).toEqual([]);
  });
});

describe('Data validation', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)
  // "Sets whether to show a warning when input fails data validation or whether to reject the
  // input entirely. The default for a new data validation rule is true."
  test('a rule with allowInvalid=false rejects an invalid user edit; the default only warns', () => {
    const { app, sheet } = setup();
    const reject = app
      .newDataValidation()
      .requireValueInList(['Baru', 'Diproses', 'Selesai'], true)
      .setAllowInvalid(false)
      .setHelpText('Pilih status')
      .build();
    const warn = app.newDataValidation().requireValueInList(['Ya', 'Tidak']).build();
    sheet.getRange('B2:B10').setDataValidation(reject);
    sheet.getRange('C2:C10').setDataValidation(warn);
    const refused = sheet._userEdit(PIC, 2, 2, [['Beres']]);
    expect(refused.applied).toBe(false);
    expect(refused.reason).toBe(
      'The data you entered in cell B2 violates the data validation rules set on this cell. Pilih status',
    );
    expect(sheet._userEdit(PIC, 2, 2, [['Diproses']]).applied).toBe(true);
    expect(sheet._userEdit(PIC, 2, 3, [['Mungkin']]).applied).toBe(true);
    expect(sheet.getRange('B2:C2').getValues()).toEqual([['Diproses', 'Mungkin']]);
    expect(sheet._userEdit(PIC, 2, 2, [['']]).applied).toBe(true); // clearing is always valid
  });

  test('a script writing an invalid value into a reject-input cell throws', () => {
    const { app, sheet } = setup();
    sheet
      .getRange('B2')
      .setDataValidation(app.newDataValidation().requireValueInList(['Baru']).setAllowInvalid(false).build());
    expect(() => sheet.getRange('B2').setValue('Lain')).toThrow('violates the data validation rules');
    expect(sheet.getRange('B2').getValue()).toBe('');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation
  test('DataValidation exposes criteria type, values, allowInvalid and help text; copy() round-trips', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['A', 'B'], false).build();
    expect([rule.getCriteriaType(), rule.getCriteriaValues(), rule.getAllowInvalid(), rule.getHelpText()]).toEqual([
      'VALUE_IN_LIST',
      [['A', 'B'], false],
      true,
      null,
    ]);
    const range = sheet.getRange('A1:A5');
    const inRange = app.newDataValidation().requireValueInRange(range).build();
    expect(inRange.getCriteriaValues()[0]).toBe(range);
    expect(rule.copy().setAllowInvalid(false).build().getAllowInvalid()).toBe(false);
    expect(app.newDataValidation().requireDate().build().getCriteriaType()).toBe(
      app.DataValidationCriteria.DATE_IS_VALID_DATE,
    );
  });

  test('requireDate, requireCheckbox and number rules check typed values', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build());
    sheet.getRange('B1').insertCheckboxes();
    sheet
      .getRange('C1')
      .setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build());
    expect(sheet.getRange('B1').getValue()).toBe(false);
    expect(sheet._userEdit(PIC, 1, 1, [['2026-03-20']]).applied).toBe(true);
    expect(sheet._userEdit(PIC, 1, 1, [['besok']]).applied).toBe(false);
    expect(sheet._userEdit(PIC, 1, 3, [['3']]).applied).toBe(true);
    expect(sheet._userEdit(PIC, 1, 3, [['9']]).applied).toBe(false);
    sheet.getRange('B1').check();
    expect(sheet.getRange('B1').isChecked()).toBe(true);
  });

  test('the list limit of 500 items is enforced', () => {
    const { app } = setup();
    expect(() => app.newDataValidation().requireValueInList(Array.from({ length: 501 }, (_, i) => `v${i}`))).toThrow(
      'limit of 500',
    );
  });
});

describe('Conditional formats and charts', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
  test('conditional format rules keep their condition and format; ranges follow inserted rows', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$H2="Ya"')
      .setBackground('#F4CCCC')
      .setBold(true)
      .setRanges([sheet.getRange('A2:K1000')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowBefore(1);
    const [stored] = sheet.getConditionalFormatRules();
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['A3:K1001']);
    const condition = stored.getBooleanCondition()!;
    expect([
      condition.getCriteriaType(),
      condition.getCriteriaValues(),
      condition.getBackground(),
      condition.getBold(),
    ]).toEqual(['CUSTOM_FORMULA', ['=$H2="Ya"'], '#f4cccc', true]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
  test('an embedded chart keeps its type, ranges, options and position', () => {
    const { sheet } = setup();
    const charts = new Charts();
    sheet.getRange('A1:B3').setValues([
      ['Unit', 'Jumlah'],
      ['A', 1],
      ['B', 2],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Per unit')
      .build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getOptions().get('title')).toBe('Per unit');
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B3']);
    expect(stored.getContainerInfo().getAnchorColumn()).toBe(4);
    expect(typeof stored.getChartId()).toBe('number');
    sheet.updateChart(stored.modify().asPieChart().setTitle('Baru').build());
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Baru');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
  });
});

describe('More range and sheet operations', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#clear(Object)
  test('clear({contentsOnly}) keeps formats and notes; clear() removes everything', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1').setValue(5).setNumberFormat('0.00').setNote('n').setFontWeight('bold');
    range.clear({ contentsOnly: true });
    expect([range.getValue(), range.getNumberFormat(), range.getNote(), range.getFontWeight()]).toEqual([
      '',
      '0.00',
      'n',
      'bold',
    ]);
    range.clear();
    expect([range.getNumberFormat(), range.getNote(), range.getFontWeight()]).toEqual([
      '0.###############',
      '',
      'normal',
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#offset(Integer,Integer,Integer,Integer)
  // and #getCell(Integer,Integer): relative cells, bounded by the range and the sheet.
  test('offset and getCell address cells relative to the range', () => {
    const { sheet } = setup();
    const range = sheet.getRange('B2:C3');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(range.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => range.getCell(3, 1)).toThrow('Cell reference out of range');
    expect(() => range.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range)
  test('copyTo copies values and formats to a destination that takes the source size', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:B1')
      .setValues([['Nama', 'Status']])
      .setFontWeight('bold');
    sheet.getRange('A1:B1').copyTo(sheet.getRange('D5'));
    expect(sheet.getRange('D5:E5').getValues()).toEqual([['Nama', 'Status']]);
    expect(sheet.getRange('E5').getFontWeight()).toBe('bold');
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A10'), { formatOnly: true });
    expect(sheet.getRange('A10').getValue()).toBe('');
    expect(sheet.getRange('A10').getFontWeight()).toBe('bold');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setNamedRange(String,Range)
  test('named ranges are found by name and follow inserted rows', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('StatusList', sheet.getRange('H2:H6'));
    sheet.insertRowsBefore(1, 3);
    expect(ss.getRangeByName('StatusList')?.getA1Notation()).toBe('H5:H9');
    expect(ss.getRangeByName('Missing')).toBeNull();
  });

  test('a non-editor cannot delete rows that hold a protected range', () => {
    const { env, sheet } = setup();
    as(env, OWNER, () => {
      const p = sheet.getRange('A5:C5').protect();
      p.removeEditors(p.getEditors());
    });
    expect(() => as(env, PIC, () => sheet.deleteRows(4, 2))).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    expect(as(env, PIC, () => sheet.deleteRow(6).getMaxRows())).toBe(999);
    as(env, OWNER, () => sheet.deleteRow(5));
    expect(sheet.getProtections('RANGE')).toEqual([]);
  });

  test('a user typing more than 50,000 characters is refused even in a plain-text cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('@');
    const outcome = sheet._userEdit(PIC, 1, 1, [['x'.repeat(50001)]]);
    expect(outcome).toEqual({
      applied: false,
      reason: 'Your input contains more than the maximum of 50000 characters in a single cell.',
      oldValues: [['']],
    });
  });
});

describe('Host hooks', () => {
  test('_writeRaw stores values as given (no typing) and grows the grid', () => {
    const { sheet } = setup();
    sheet._writeRaw(1000, 26, [['001', '=not a formula', new Date(0)]]);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange(1000, 26, 1, 3).getValues()[0].slice(0, 2)).toEqual(['001', '=not a formula']);
    expect(sheet.getRange(1000, 26).getFormula()).toBe('');
    expect(sheet.getRange(1000, 28).getValue()).toBeInstanceOf(Date);
  });

  test('_userEdit types text as the UI does and returns the old values', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('lama');
    const outcome = sheet._userEdit(PIC, 1, 1, [['2026-03-20', '42', "'007"]]);
    expect(outcome).toEqual({ applied: true, oldValues: [['lama', '', '']] });
    const [[date, n, text]] = sheet.getRange('A1:C1').getValues();
    expect(date).toBeInstanceOf(Date);
    expect([n, text]).toEqual([42, '007']);
  });

  test('_snapshot gives what the user sees for workbook outputs', () => {
    const { ss, sheet } = setup();
    sheet.setName('Pengaduan');
    sheet.getRange('A1:B2').setValues([
      ['No', 'Diterima'],
      [1, new Date('2026-03-16T09:10:00+07:00')],
    ]);
    sheet.getRange('A1').setNote('nomor urut');
    sheet.setFrozenRows(1);
    const snap = ss._snapshot().sheets[0];
    expect(snap).toMatchObject({
      name: 'Pengaduan',
      frozenRows: 1,
      lastRow: 2,
      lastColumn: 2,
      displayValues: [
        ['No', 'Diterima'],
        ['1', '3/16/2026 9:10:00'],
      ],
      notes: [
        ['nomor urut', ''],
        ['', ''],
      ],
    });
    expect(snap.values[1][1]).toBeInstanceOf(Date);
  });

  test('through the bridge, host members are invisible and missing methods say "not emulated"', () => {
    const { env, sheet } = setup();
    const range = env.bridge.expose(sheet.getRange('A1')) as unknown as Record<string, () => unknown>;
    expect(() => range.merge()).toThrow('not emulated: Range.merge');
    expect(range._sheet).toBeUndefined(); // host-only members do not exist for scripts
    expect(range.getA1Notation()).toBe('A1');
  });
});

describe('Scale', () => {
  // DESIGN §10: the register reaches 50,000 rows; batch reads and writes must handle that size.
  // How fast they are is measured by `npm run bench` (scripts/bench/emulator.bench.ts), not here.
  test('50,000 rows x 30 columns: setValues, getValues and sort handle the whole block', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Besar');
    sheet.insertRowsAfter(1000, 49_000);
    sheet.insertColumnsAfter(26, 4);
    const data = Array.from({ length: 50_000 }, (_, i) =>
      Array.from({ length: 30 }, (_, j) =>
        j === 0 ? i + 1 : j === 1 ? new Date(1.77e12 + i * 60_000) : `teks ${i}-${j}`,
      ),
    );
    sheet.getRange(1, 1, 50_000, 30).setValues(data);
    const values = sheet.getDataRange().getValues();
    expect(values).toHaveLength(50_000);
    expect(values[49_999][0]).toBe(50_000);
    expect(values[49_999][1]).toBeInstanceOf(Date);
    sheet.sort(1, false);
    expect(sheet.getRange('A1').getValue()).toBe(50_000);
    expect(sheet.getRange('C1').getValue()).toBe('teks 49999-2');
  });
});
