/**
 * Conformance of the emulated UrlFetchApp (issue 15), run inside the sandbox as the bundle would.
 * Reference: https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app and
 * https://developers.google.com/apps-script/reference/url-fetch/http-response; quotas:
 * https://developers.google.com/apps-script/guides/services/quotas ("URL Fetch calls").
 */
import { GasRuntime, RuntimeOptions } from '../../emulator/runtime';
import { FetchRequest } from '../../emulator/services/url-fetch';

function runtime(code: string, options: RuntimeOptions = {}): GasRuntime {
  const rt = new GasRuntime({ start: '2026-03-16T08:00:00+07:00', ...options });
  rt.load(code);
  rt.urlFetchApp._route('api.example.org', (r: FetchRequest) => {
    if (r.path === '/missing') return { code: 404, body: '{"error":"not found"}' };
    return {
      code: 200,
      headers: { 'X-Seen': r.method, 'Set-Cookie': 'a=1' },
      body: JSON.stringify({
        method: r.method,
        query: r.query,
        payload: r.payload,
        contentType: r.contentType,
        auth: r.headers.Authorization ?? null,
      }),
    };
  });
  return rt;
}

const CODE = `
  function get(url, params) { var r = UrlFetchApp.fetch(url, params); return { code: r.getResponseCode(), text: r.getContentText(), headers: r.getHeaders(), bytes: r.getContent().length }; }
  function all(reqs) { return UrlFetchApp.fetchAll(reqs).map(function (r) { return [r.getResponseCode(), JSON.parse(r.getContentText()).method]; }); }
  function all2(url) { var r = UrlFetchApp.fetch(url); return [r.getAllHeaders()['X-Seen'], r.getHeaders()['Content-Type']]; }
  function blob() { return UrlFetchApp.fetch('https://api.example.org/x').getBlob(); }
`;

describe('UrlFetchApp', () => {
  // fetch(url, params): "method … default get", "headers", "payload … an object is a map of form field names", "contentType … defaults to application/x-www-form-urlencoded"
  test('fetch passes method, headers, query and a form-encoded payload; HTTPResponse methods', () => {
    const rt = runtime(CODE);
    const got = rt.call('get', [
      'https://api.example.org/v1?x=1&y=b%20c',
      { method: 'post', headers: { Authorization: 'Bearer t' }, payload: { a: 'x y', b: 2 } },
    ]) as { code: number; text: string; headers: Record<string, string>; bytes: number };
    expect(got.code).toBe(200);
    expect(JSON.parse(got.text)).toEqual({
      method: 'post',
      query: { x: '1', y: 'b c' },
      payload: 'a=x%20y&b=2',
      contentType: 'application/x-www-form-urlencoded',
      auth: 'Bearer t',
    });
    expect(got.headers['X-Seen']).toBe('post');
    expect(got.bytes).toBe(Buffer.byteLength(got.text));
  });

  // HTTPResponse.getAllHeaders / getHeaders: "a JavaScript key/value map of HTTP headers"
  test('getAllHeaders and getHeaders give the response headers (a Content-Type by default)', () => {
    const rt = runtime(CODE);
    expect(rt.call('all2', ['https://api.example.org/h'])).toEqual(['get', 'application/json; charset=UTF-8']);
  });

  test('a string payload is sent as is with the given contentType', () => {
    const rt = runtime(CODE);
    const got = rt.call('get', [
      'https://api.example.org/v1',
      { method: 'post', contentType: 'application/json', payload: '{"a":1}' },
    ]) as { text: string };
    expect(JSON.parse(got.text)).toMatchObject({ payload: '{"a":1}', contentType: 'application/json' });
  });

  // "muteHttpExceptions … if true the fetch doesn't throw an exception if the response code indicates failure"
  test('a 4xx throws Request failed … unless muteHttpExceptions', () => {
    const rt = runtime(CODE);
    expect(() => rt.call('get', ['https://api.example.org/missing'])).toThrow(
      'Request failed for https://api.example.org returned code 404. Truncated server response: {"error":"not found"}',
    );
    expect(
      (rt.call('get', ['https://api.example.org/missing', { muteHttpExceptions: true }]) as { code: number }).code,
    ).toBe(404);
  });

  // fetchAll(requests): "an array of either URLs or objects of HTTP request parameters"; responses in order
  test('fetchAll returns the responses in request order; each counts in the ledger', () => {
    const rt = runtime(CODE);
    rt.ledger.begin('t', 'direct', rt.now());
    const out = rt.evaluate(`all(['https://api.example.org/a', { url: 'https://api.example.org/b', method: 'put' }])`);
    const run = rt.ledger.end()!;
    expect(out).toEqual([
      [200, 'get'],
      [200, 'put'],
    ]);
    expect(run.calls['UrlFetchApp.fetchAll']).toBe(1);
    expect(run.calls['UrlFetchApp.fetchAll[request]']).toBe(2);
    expect(rt.urlFetchApp._requests.map((r) => r.path)).toEqual(['/a', '/b']);
  });

  test('no real network: a host without a fake is unavailable; getBlob is not emulated', () => {
    const rt = runtime(CODE);
    expect(() => rt.call('get', ['https://elsewhere.example.com/'])).toThrow(
      'Address unavailable: https://elsewhere.example.com/',
    );
    expect(() => rt.call('blob')).toThrow('not emulated: HTTPResponse.getBlob');
  });

  // Quotas: "URL Fetch calls 20,000 / day" (consumer), reset 24 h after the first request
  test('the daily URL Fetch quota is enforced and resets after 24 hours', () => {
    const rt = runtime(CODE, { urlFetchQuota: 2 });
    rt.call('get', ['https://api.example.org/a']);
    rt.call('get', ['https://api.example.org/a']);
    expect(() => rt.call('get', ['https://api.example.org/a'])).toThrow(
      'Service invoked too many times for one day: urlfetch.',
    );
    rt.advanceTo('2026-03-17T08:00:01+07:00');
    expect((rt.call('get', ['https://api.example.org/a']) as { code: number }).code).toBe(200);
    expect(new GasRuntime().urlFetchApp._quota).toBe(20000);
  });

  // Simple triggers "cannot access services that require authorization"
  test('not available to a simple trigger (needs script.external_request)', () => {
    const rt = runtime(CODE + 'function onOpen() { UrlFetchApp.fetch("https://api.example.org/a"); }');
    const runs = rt.openSpreadsheet();
    expect(runs[0].error).toContain('script.external_request');
  });
});
