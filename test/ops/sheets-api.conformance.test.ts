/**
 * The local fake of the Sheets API v4 (emulator/fakes/sheets-api), called through the real
 * googleapis client pointed at it with `rootUrl`. Each behaviour is the documented one:
 * - spreadsheets.get, partial responses with `fields`, SheetProperties / GridProperties:
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#SheetProperties
 *   https://developers.google.com/workspace/sheets/api/guides/performance#partial-response
 * - values.batchGet, ValueRange (range = the requested range; trailing empty rows and columns
 *   omitted), ValueRenderOption, DateTimeRenderOption (serial days since 1899-12-30; ignored for
 *   FORMATTED_VALUE), Dimension:
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueRenderOption
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/DateTimeRenderOption
 *   https://developers.google.com/workspace/sheets/api/samples/reading ("Empty trailing rows and
 *   columns are omitted")
 * - A1 notation with quoted sheet names: https://developers.google.com/workspace/sheets/api/guides/concepts#cell
 * - Error bodies `{ error: { code, message, status } }` and their HTTP codes:
 *   https://cloud.google.com/apis/design/errors#http_mapping
 */
import { google, sheets_v4 } from 'googleapis';
import { GasEnv } from '../../emulator/env';
import { SpreadsheetAppService, Spreadsheet } from '../../emulator/spreadsheet';
import { fakeApiClient } from '../../scripts/ops/sheets-client';
import {
  FakeSheetsApi,
  applyFieldMask,
  parseFieldMask,
  startFakeSheetsApi,
} from '../../emulator/fakes/sheets-api/server';

const TOKEN = 'test-access-token';
let fake: FakeSheetsApi;
let ss: Spreadsheet;
let api: sheets_v4.Sheets;

function client(token: string | null): sheets_v4.Sheets {
  if (token) return fakeApiClient(fake.rootUrl, token);
  // No credentials at all: the client sends no Authorization header.
  return google.sheets({ version: 'v4', rootUrl: fake.rootUrl, fetchImplementation: fetch } as sheets_v4.Options);
}

async function apiError(
  p: Promise<unknown>,
): Promise<{ status: number; body: { error: { code: number; message: string; status: string } } }> {
  try {
    await p;
  } catch (e) {
    const r = (
      e as { response: { status: number; data: { error: { code: number; message: string; status: string } } } }
    ).response;
    return { status: r.status, body: r.data };
  }
  throw new Error('expected the API to refuse');
}

beforeAll(async () => {
  const env = new GasEnv({ start: new Date('2026-03-16T08:00:00+07:00') });
  const app = new SpreadsheetAppService(env);
  ss = app._create('Uji API', 20, 6);
  const first = ss._sheets[0];
  first.setName('Data');
  first._writeRaw(1, 1, [
    ['Nama', 'Jumlah', 'Waktu', 'Aktif'],
    ['satu', 1.5, new Date('2026-03-16T09:30:00+07:00'), true],
    ['dua', 2, '', false],
  ]);
  first.getRange('C2').setNumberFormat('yyyy-mm-dd hh:mm');
  first.getRange('B2').setNumberFormat('0.00');
  first.setFrozenRows(1);
  const other = ss._addSheet('Form Responses 1', 1, 10, 4);
  other._writeRaw(1, 1, [
    ['Timestamp', 'x'],
    ['', ''],
    ['', 'akhir'],
  ]);
  ss._addSheet("It's empty", 2, 5, 3);
  fake = await startFakeSheetsApi({ spreadsheets: [ss], accessToken: TOKEN });
  api = client(TOKEN);
});

afterAll(async () => {
  await fake.close();
});

describe('spreadsheets.get', () => {
  test("answers the spreadsheet, its properties and every sheet's properties, default fields omitted", async () => {
    const res = await api.spreadsheets.get({ spreadsheetId: ss.getId() });
    expect(res.status).toBe(200);
    expect(res.data.spreadsheetId).toBe(ss.getId());
    expect(res.data.properties).toEqual({
      title: 'Uji API',
      locale: 'en_US',
      autoRecalc: 'ON_CHANGE',
      timeZone: 'Asia/Jakarta',
    });
    expect(res.data.spreadsheetUrl).toBe(ss.getUrl());
    expect(res.data.sheets!.map((s) => s.properties)).toEqual([
      {
        sheetId: ss._sheets[0].getSheetId(),
        title: 'Data',
        index: 0,
        sheetType: 'GRID',
        gridProperties: { rowCount: 20, columnCount: 6, frozenRowCount: 1 },
      },
      {
        sheetId: ss._sheets[1].getSheetId(),
        title: 'Form Responses 1',
        index: 1,
        sheetType: 'GRID',
        gridProperties: { rowCount: 10, columnCount: 4 },
      },
      {
        sheetId: ss._sheets[2].getSheetId(),
        title: "It's empty",
        index: 2,
        sheetType: 'GRID',
        gridProperties: { rowCount: 5, columnCount: 3 },
      },
    ]);
  });

  test('a fields mask keeps only the fields asked for', async () => {
    const res = await api.spreadsheets.get({
      spreadsheetId: ss.getId(),
      fields: 'properties(title),sheets.properties(title,gridProperties(frozenRowCount))',
    });
    expect(res.data).toEqual({
      properties: { title: 'Uji API' },
      sheets: [
        { properties: { title: 'Data', gridProperties: { frozenRowCount: 1 } } },
        { properties: { title: 'Form Responses 1', gridProperties: {} } },
        { properties: { title: "It's empty", gridProperties: {} } },
      ],
    });
  });

  test('field masks: nested paths, sub-selections, wildcard', () => {
    const v = { a: { b: 1, c: 2 }, d: [{ e: 1, f: 2 }], g: 3 };
    expect(applyFieldMask(v, parseFieldMask('a.b,d(f)'))).toEqual({ a: { b: 1 }, d: [{ f: 2 }] });
    expect(applyFieldMask(v, parseFieldMask('*'))).toEqual(v);
  });

  test('an unknown spreadsheet is 404 NOT_FOUND with the error body', async () => {
    const e = await apiError(api.spreadsheets.get({ spreadsheetId: 'no-such-spreadsheet' }));
    expect(e.status).toBe(404);
    expect(e.body).toEqual({ error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } });
  });

  test('no token, or another token, is 401 UNAUTHENTICATED', async () => {
    for (const c of [client(null), client('someone-else')]) {
      const e = await apiError(c.spreadsheets.get({ spreadsheetId: ss.getId() }));
      expect(e.status).toBe(401);
      expect(e.body.error.code).toBe(401);
      expect(e.body.error.status).toBe('UNAUTHENTICATED');
    }
  });
});

describe('spreadsheets.values.batchGet', () => {
  const get = (params: Omit<sheets_v4.Params$Resource$Spreadsheets$Values$Batchget, 'spreadsheetId'>) =>
    api.spreadsheets.values.batchGet({ spreadsheetId: ss.getId(), ...params }).then((r) => r.data);

  test('FORMATTED_VALUE (the default): what the user sees, as strings', async () => {
    const data = await get({ ranges: ['Data'] });
    expect(data.spreadsheetId).toBe(ss.getId());
    expect(data.valueRanges).toEqual([
      {
        range: 'Data!A1:F20',
        majorDimension: 'ROWS',
        values: [
          ['Nama', 'Jumlah', 'Waktu', 'Aktif'],
          ['satu', '1.50', '2026-03-16 09:30', 'TRUE'],
          ['dua', '2', '', 'FALSE'],
        ],
      },
    ]);
  });

  test('UNFORMATTED_VALUE: numbers and booleans typed, dates as serial numbers (SERIAL_NUMBER default)', async () => {
    const data = await get({ ranges: ['Data!A2:D2'], valueRenderOption: 'UNFORMATTED_VALUE' });
    const serial = (Date.parse('2026-03-16T09:30:00+07:00') + 7 * 3600_000 - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(data.valueRanges![0]).toEqual({
      range: 'Data!A2:D2',
      majorDimension: 'ROWS',
      values: [['satu', 1.5, serial, true]],
    });
    expect(serial).toBeCloseTo(46097.395833, 5);
  });

  test('UNFORMATTED_VALUE + FORMATTED_STRING: dates as their formatted text, numbers stay numbers', async () => {
    const data = await get({
      ranges: ['Data!B2:C2'],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    expect(data.valueRanges![0].values).toEqual([[1.5, '2026-03-16 09:30']]);
  });

  test('dateTimeRenderOption is ignored for FORMATTED_VALUE', async () => {
    const data = await get({ ranges: ['Data!C2'], dateTimeRenderOption: 'SERIAL_NUMBER' });
    expect(data.valueRanges![0].values).toEqual([['2026-03-16 09:30']]);
  });

  test('several ranges in one call, in order; quoted names; trailing empty rows and cells omitted; empty ranges without values', async () => {
    const data = await get({
      ranges: ["'Form Responses 1'", "'It''s empty'", 'Data!A1:B1', "'Form Responses 1'!A2:B2"],
    });
    expect(data.valueRanges).toEqual([
      { range: "'Form Responses 1'!A1:D10", majorDimension: 'ROWS', values: [['Timestamp', 'x'], [], ['', 'akhir']] },
      { range: "'It''s empty'!A1:C5", majorDimension: 'ROWS' },
      { range: 'Data!A1:B1', majorDimension: 'ROWS', values: [['Nama', 'Jumlah']] },
      { range: "'Form Responses 1'!A2:B2", majorDimension: 'ROWS' },
    ]);
  });

  test('open ranges are clipped to the grid; majorDimension COLUMNS transposes', async () => {
    const data = await get({ ranges: ['Data!A:B'], majorDimension: 'COLUMNS' });
    expect(data.valueRanges).toEqual([
      {
        range: 'Data!A1:B20',
        majorDimension: 'COLUMNS',
        values: [
          ['Nama', 'satu', 'dua'],
          ['Jumlah', '1.50', '2'],
        ],
      },
    ]);
  });

  test('a range naming no sheet reads the first sheet', async () => {
    const data = await get({ ranges: ['A1'] });
    expect(data.valueRanges).toEqual([{ range: 'Data!A1', majorDimension: 'ROWS', values: [['Nama']] }]);
  });

  test('an unknown sheet or unreadable range is 400 INVALID_ARGUMENT "Unable to parse range"', async () => {
    for (const r of ['Nope', 'Data!A1:B2:C3', "'Nope'!A1"]) {
      const e = await apiError(get({ ranges: [r] }));
      expect(e.status).toBe(400);
      expect(e.body).toEqual({
        error: { code: 400, message: `Unable to parse range: ${r}`, status: 'INVALID_ARGUMENT' },
      });
    }
  });

  test('an unknown render option is 400 INVALID_ARGUMENT naming the field', async () => {
    const e = await apiError(get({ ranges: ['Data'], valueRenderOption: 'RAW' }));
    expect(e.status).toBe(400);
    expect(e.body.error.status).toBe('INVALID_ARGUMENT');
    expect(e.body.error.message).toContain("'value_render_option'");
  });

  test('every request is recorded with its status', () => {
    expect(fake.requests.length).toBeGreaterThan(5);
    expect(fake.requests.every((r) => r.method === 'GET' && r.path.startsWith('/v4/spreadsheets/'))).toBe(true);
    expect(fake.requests.some((r) => r.status === 404)).toBe(true);
  });
});
