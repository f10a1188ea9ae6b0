/**
 * A local fake of the two Google Sheets API v4 methods the operator tools use (DESIGN §16),
 * served over HTTP on 127.0.0.1 and backed by the local runtime's emulated spreadsheets, so the
 * real `googleapis` client can be pointed at it with `rootUrl` (no mocking of the client).
 *
 * Emulated, with the documented shapes:
 * - `GET /v4/spreadsheets/{spreadsheetId}` (spreadsheets.get): `spreadsheetId`, `properties`
 *   (title, locale, timeZone, autoRecalc), `sheets[].properties` (sheetId, title, index, sheetType,
 *   gridProperties.rowCount/columnCount/frozenRowCount/frozenColumnCount, hidden), spreadsheetUrl;
 *   the `fields` mask is applied; `includeGridData=true` is refused (not emulated).
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#SheetProperties
 * - `GET /v4/spreadsheets/{spreadsheetId}/values:batchGet` (spreadsheets.values.batchGet):
 *   `ranges` (repeated, A1 notation or a bare sheet name), `valueRenderOption`
 *   (FORMATTED_VALUE default, UNFORMATTED_VALUE, FORMULA), `dateTimeRenderOption` (SERIAL_NUMBER
 *   default, FORMATTED_STRING; ignored for FORMATTED_VALUE), `majorDimension` (ROWS, COLUMNS).
 *   Answers `{ spreadsheetId, valueRanges: [{ range, majorDimension, values? }] }`; `range` is the
 *   requested range clipped to the grid; trailing empty rows and cells are omitted and `values`
 *   is absent when nothing is left.
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueRenderOption
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/DateTimeRenderOption
 * - Errors as Google APIs send them, `{ error: { code, message, status } }`: 401 UNAUTHENTICATED
 *   without a bearer token (or with the wrong one), 404 NOT_FOUND for an unknown spreadsheet,
 *   400 INVALID_ARGUMENT for a range or option it cannot read.
 *   https://cloud.google.com/apis/design/errors#http_mapping
 *
 * Reading never goes through the call ledger (it happens outside any Apps Script execution).
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GasError } from '../../errors';
import { columnToLetters, parseA1, quoteSheetName } from '../../spreadsheet/a1';
import type { Sheet, Spreadsheet } from '../../spreadsheet';
import { serialFromInstant } from '../../spreadsheet/time-zone';

export interface FakeSheetsApiOptions {
  /** The spreadsheets it serves, found by id. */
  spreadsheets: Spreadsheet[];
  /** When set, only this bearer token is accepted; otherwise any non-empty one. */
  accessToken?: string;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  status: number;
}

export interface FakeSheetsApi {
  /** What to pass as `rootUrl` to googleapis (ends with a slash). */
  rootUrl: string;
  /** Every request served, in order. */
  requests: FakeRequest[];
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

const VALUE_RENDER = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'];
const DATE_RENDER = ['SERIAL_NUMBER', 'FORMATTED_STRING'];
const DIMENSIONS = ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'];

function enumOption(
  query: Record<string, string[]>,
  name: string,
  snake: string,
  allowed: string[],
  typeName: string,
  def: string,
): string {
  const v = query[name]?.[0];
  if (v === undefined || v === '') return def;
  if (!allowed.includes(v))
    throw new ApiError(
      400,
      'INVALID_ARGUMENT',
      `Invalid value at '${snake}' (type.googleapis.com/google.apps.sheets.v4.${typeName}), "${v}"`,
    );
  return v;
}

// ------------------------------------------------------------------ field masks

type Mask = Map<string, Mask | null>;

/** Parses a partial-response field mask, e.g. `properties(title),sheets.properties(sheetId,title)`. */
export function parseFieldMask(text: string): Mask {
  let i = 0;
  const parseList = (): Mask => {
    const mask: Mask = new Map();
    for (;;) {
      let name = '';
      while (i < text.length && !',()'.includes(text[i])) name += text[i++];
      name = name.trim();
      if (name) {
        const path = name.split(/[./]/);
        let sub: Mask | null = null;
        if (text[i] === '(') {
          i++;
          sub = parseList();
          if (text[i] !== ')') throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid field selection ${text}`);
          i++;
        }
        let target = mask;
        for (let k = 0; k < path.length - 1; k++) {
          let next = target.get(path[k]);
          if (!next) target.set(path[k], (next = new Map()));
          target = next;
        }
        const last = path[path.length - 1];
        if (last === '*') return new Map([['*', null]]);
        const prev = target.get(last);
        target.set(last, prev && sub ? new Map([...prev, ...sub]) : sub);
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      return mask;
    }
  };
  const mask = parseList();
  if (i !== text.length) throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid field selection ${text}`);
  return mask;
}

export function applyFieldMask(value: unknown, mask: Mask | null): unknown {
  if (mask === null || mask.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => applyFieldMask(v, mask));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = applyFieldMask(v, sub);
  }
  return out;
}

// ------------------------------------------------------------------ resources

function sheetProperties(sheet: Sheet): Record<string, unknown> {
  // Proto3 JSON omits fields at their default (0, false), as the real API does.
  const grid: Record<string, unknown> = { rowCount: sheet.getMaxRows(), columnCount: sheet.getMaxColumns() };
  if (sheet._frozenRows) grid.frozenRowCount = sheet._frozenRows;
  if (sheet._frozenColumns) grid.frozenColumnCount = sheet._frozenColumns;
  const props: Record<string, unknown> = {
    sheetId: sheet.getSheetId(),
    title: sheet.getName(),
    index: sheet.getIndex() - 1,
    sheetType: 'GRID',
    gridProperties: grid,
  };
  if (sheet._hidden) props.hidden = true;
  return props;
}

function spreadsheetResource(ss: Spreadsheet): Record<string, unknown> {
  return {
    spreadsheetId: ss.getId(),
    properties: {
      title: ss.getName(),
      locale: ss.getSpreadsheetLocale(),
      autoRecalc: 'ON_CHANGE',
      timeZone: ss.getSpreadsheetTimeZone(),
    },
    sheets: ss._sheets.map((s) => ({ properties: sheetProperties(s) })),
    spreadsheetUrl: ss.getUrl(),
  };
}

interface Resolved {
  sheet: Sheet;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

function resolveRange(ss: Spreadsheet, text: string): Resolved {
  const fail = (): never => {
    throw new ApiError(400, 'INVALID_ARGUMENT', `Unable to parse range: ${text}`);
  };
  const byName = (name: string): Sheet => ss._sheets.find((s) => s.getName() === name) ?? fail();
  const whole = (sheet: Sheet): Resolved => ({
    sheet,
    row: 1,
    column: 1,
    numRows: sheet.getMaxRows(),
    numColumns: sheet.getMaxColumns(),
  });
  const trimmed = text.trim();
  // A bare sheet name (quoted or not) means the whole sheet.
  if (/^'.*'$/.test(trimmed) && !trimmed.includes("'!")) return whole(byName(trimmed.slice(1, -1).replace(/''/g, "'")));
  if (ss._sheets.some((s) => s.getName() === trimmed)) return whole(byName(trimmed));
  let ref;
  try {
    ref = parseA1(trimmed);
  } catch (e) {
    if (e instanceof GasError) fail();
    throw e;
  }
  const sheet = ref.sheetName === null ? ss._sheets[0] : byName(ref.sheetName);
  const row = ref.startRow ?? 1;
  const column = ref.startColumn ?? 1;
  const endRow = Math.min(ref.endRow ?? sheet.getMaxRows(), sheet.getMaxRows());
  const endColumn = Math.min(ref.endColumn ?? sheet.getMaxColumns(), sheet.getMaxColumns());
  if (row > sheet.getMaxRows() || column > sheet.getMaxColumns()) fail();
  return { sheet, row, column, numRows: endRow - row + 1, numColumns: endColumn - column + 1 };
}

function a1Of(r: Resolved): string {
  const start = `${columnToLetters(r.column)}${r.row}`;
  const end = `${columnToLetters(r.column + r.numColumns - 1)}${r.row + r.numRows - 1}`;
  return `${quoteSheetName(r.sheet.getName())}!${start === end ? start : `${start}:${end}`}`;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** The cells of a range as the API renders them, trailing empty rows and cells omitted. */
function renderValues(r: Resolved, valueRender: string, dateRender: string, timeZone: string): unknown[][] {
  const rows = Math.min(r.numRows, Math.max(0, r.sheet.getLastRow() - r.row + 1));
  const cols = Math.min(r.numColumns, Math.max(0, r.sheet.getLastColumn() - r.column + 1));
  if (rows <= 0 || cols <= 0) return [];
  const range = r.sheet._rangeAt(r.row, r.column, rows, cols);
  const display = range.getDisplayValues();
  const values = valueRender === 'FORMATTED_VALUE' ? null : range.getValues();
  const formulas = valueRender === 'FORMULA' ? range.getFormulas() : null;
  const out = display.map((line, i) => {
    const cells = line.map((shown, j): unknown => {
      if (!values) return shown;
      if (formulas && formulas[i][j]) return formulas[i][j];
      const v = values[i][j];
      if (isDate(v)) return dateRender === 'FORMATTED_STRING' ? shown : serialFromInstant(v.getTime(), timeZone);
      return v;
    });
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '') end--;
    return cells.slice(0, end);
  });
  let last = out.length;
  while (last > 0 && out[last - 1].length === 0) last--;
  return out.slice(0, last);
}

function transpose(rows: unknown[][]): unknown[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out: unknown[][] = [];
  for (let c = 0; c < width; c++) {
    const col = rows.map((r) => (c < r.length ? r[c] : ''));
    let end = col.length;
    while (end > 0 && col[end - 1] === '') end--;
    out.push(col.slice(0, end));
  }
  return out;
}

// ------------------------------------------------------------------ server

function queryOf(url: URL): Record<string, string[]> {
  const q: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (q[k] ??= []).push(v);
  return q;
}

function handle(
  options: FakeSheetsApiOptions,
  req: IncomingMessage,
  url: URL,
  query: Record<string, string[]>,
): unknown {
  const auth = req.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? query.access_token?.[0];
  if (!token || (options.accessToken !== undefined && token !== options.accessToken)) {
    throw new ApiError(
      401,
      'UNAUTHENTICATED',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    );
  }
  if (req.method !== 'GET') throw new ApiError(405, 'UNIMPLEMENTED', `not emulated: ${req.method} ${url.pathname}`);
  const m = /^\/v4\/spreadsheets\/([^/:]+)(\/values:batchGet)?$/.exec(url.pathname);
  if (!m) throw new ApiError(404, 'NOT_FOUND', `not emulated: ${url.pathname}`);
  const id = decodeURIComponent(m[1]);
  const ss = options.spreadsheets.find((s) => s.getId() === id);
  if (!ss) throw new ApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
  const fields = query.fields?.[0];
  const mask = fields ? parseFieldMask(fields) : null;
  if (!m[2]) {
    if (query.includeGridData?.[0] === 'true')
      throw new ApiError(400, 'INVALID_ARGUMENT', 'not emulated: includeGridData');
    return applyFieldMask(spreadsheetResource(ss), mask);
  }
  const valueRender = enumOption(
    query,
    'valueRenderOption',
    'value_render_option',
    VALUE_RENDER,
    'ValueRenderOption',
    'FORMATTED_VALUE',
  );
  const dateRender = enumOption(
    query,
    'dateTimeRenderOption',
    'date_time_render_option',
    DATE_RENDER,
    'DateTimeRenderOption',
    'SERIAL_NUMBER',
  );
  const dimension = enumOption(query, 'majorDimension', 'major_dimension', DIMENSIONS, 'Dimension', 'ROWS');
  const ranges = query.ranges ?? [];
  const valueRanges = ranges.map((text) => {
    const r = resolveRange(ss, text);
    const rows = renderValues(r, valueRender, dateRender, ss.getSpreadsheetTimeZone());
    const values = dimension === 'COLUMNS' ? transpose(rows) : rows;
    const vr: Record<string, unknown> = {
      range: a1Of(r),
      majorDimension: dimension === 'COLUMNS' ? 'COLUMNS' : 'ROWS',
    };
    if (values.length) vr.values = values;
    return vr;
  });
  return applyFieldMask({ spreadsheetId: ss.getId(), valueRanges }, mask);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export async function startFakeSheetsApi(options: FakeSheetsApiOptions): Promise<FakeSheetsApi> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = queryOf(url);
    let status = 200;
    try {
      send(res, 200, handle(options, req, url, query));
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(500, 'INTERNAL', String((e as Error)?.message ?? e));
      status = err.code;
      send(res, err.code, { error: { code: err.code, message: err.message, status: err.status } });
    }
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query, status });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
