/**
 * The local web app (emulator/web): the event object doGet/doPost receive, as documented in
 * https://developers.google.com/apps-script/guides/web ("Request parameters"), the HTTP server on
 * 127.0.0.1 that calls the bundle, and HtmlOutput.addMetaTag
 * (https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)).
 */
import { request } from 'node:http';
import { GasRuntime } from '../../emulator/runtime';
import { HtmlService } from '../../emulator/spreadsheet';
import { serveWebApp } from '../../emulator/web/server';
import { webAppEvent } from '../../emulator/web/request';

describe('event object', () => {
  test('GET: queryString, parameter (first values), parameters (all values), contextPath "", contentLength -1', () => {
    const e = webAppEvent({ method: 'GET', url: '/exec?name=alice&n=1&n=2' });
    expect(e).toEqual({
      queryString: 'name=alice&n=1&n=2',
      parameter: { name: 'alice', n: '1' },
      parameters: { name: ['alice'], n: ['1', '2'] },
      contextPath: '',
      contentLength: -1,
    });
  });

  test('no query string: queryString null, empty parameter objects; pathInfo after /exec', () => {
    expect(webAppEvent({ method: 'GET', url: '/exec' })).toEqual({
      queryString: null,
      parameter: {},
      parameters: {},
      contextPath: '',
      contentLength: -1,
    });
    expect(webAppEvent({ method: 'GET', url: '/exec/a/b?x=1' }).pathInfo).toBe('a/b');
  });

  test('POST form: postData (length, type, contents, name "postData"); fields merged after the query', () => {
    const e = webAppEvent({
      method: 'POST',
      url: '/exec?k=1',
      contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
      body: 'k=2&nilai=5&komentar=bagus+sekali',
    });
    expect(e.postData).toEqual({
      length: 33,
      type: 'application/x-www-form-urlencoded',
      contents: 'k=2&nilai=5&komentar=bagus+sekali',
      name: 'postData',
    });
    expect(e.contentLength).toBe(33);
    expect(e.parameter).toEqual({ k: '1', nilai: '5', komentar: 'bagus sekali' });
    expect(e.parameters.k).toEqual(['1', '2']);
  });

  test('POST JSON: the body is only in postData', () => {
    const e = webAppEvent({ method: 'POST', url: '/exec', contentType: 'application/json', body: '{"a":1}' });
    expect(e.parameter).toEqual({});
    expect(e.postData!.contents).toBe('{"a":1}');
  });
});

describe('HtmlOutput.addMetaTag', () => {
  test('viewport is accepted and kept; other names are refused', () => {
    const out = new HtmlService()
      .createHtmlOutput('<p>x</p>')
      .addMetaTag('viewport', 'width=device-width, initial-scale=1');
    expect(out.getMetaTags().map((m) => [m.getName(), m.getContent()])).toEqual([
      ['viewport', 'width=device-width, initial-scale=1'],
    ]);
    expect(() => out.addMetaTag('description', 'x')).toThrow();
  });
});

function fetchText(
  url: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; text: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {} },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, type: String(res.headers['content-type']) }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('HTTP server', () => {
  test('listens on 127.0.0.1 only, hands GET/POST to doGet/doPost with the event object, stops on close', async () => {
    const rt = new GasRuntime({ start: '2026-04-06T09:00:00+07:00' });
    rt.load(`
      function doGet(e) { return HtmlService.createHtmlOutput('<p>GET ' + JSON.stringify(e.parameters) + ' ' + e.queryString + '</p>'); }
      function doPost(e) { return HtmlService.createHtmlOutput('<p>POST ' + e.parameter.nilai + ' ' + e.postData.type + '</p>'); }
    `);
    const server = await serveWebApp(() => rt);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/exec$/);
    const get = await fetchText(`${server.url}?no=1&no=2`);
    expect(get).toEqual({
      status: 200,
      text: '<p>GET {"no":["1","2"]} no=1&no=2</p>',
      type: 'text/html; charset=utf-8',
    });
    const post = await fetchText(server.url, 'POST', 'nilai=4');
    expect(post.text).toBe('<p>POST 4 application/x-www-form-urlencoded</p>');
    expect((await fetchText(server.url.replace('/exec', '/other'))).status).toBe(404);
    expect(rt.executions.map((x) => x.label)).toEqual(['doGet', 'doPost']);
    await server.close();
    await expect(fetchText(server.url)).rejects.toThrow();
  });
});
