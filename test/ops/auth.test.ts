/**
 * The OAuth desktop (installed app) flow of the operator tools (scripts/ops/auth.ts), with the
 * real google-auth-library client and a local stand-in for Google's token endpoint. Behaviour
 * as documented in https://developers.google.com/identity/protocols/oauth2/native-app:
 * loopback redirect on 127.0.0.1, PKCE with S256, `state` checked, code exchanged at the token
 * endpoint with the code_verifier; the refresh token kept in the user's config folder, private,
 * never printed.
 */
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthError, READONLY_SCOPE, authorise, configDir } from '../../scripts/ops/auth';

let tokenServer: Server;
let tokenUrl: string;
const exchanges: URLSearchParams[] = [];
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  tokenServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const p = new URLSearchParams(body);
      exchanges.push(p);
      res.writeHead(p.get('code') === 'good-code' && p.get('code_verifier') ? 200 : 400, {
        'content-type': 'application/json',
      });
      res.end(
        JSON.stringify(
          p.get('code') === 'good-code'
            ? {
                access_token: 'ya29.secret-access',
                refresh_token: '1//secret-refresh',
                scope: READONLY_SCOPE,
                token_type: 'Bearer',
                expires_in: 3599,
              }
            : { error: 'invalid_grant' },
        ),
      );
    });
  });
  await new Promise<void>((r) => tokenServer.listen(0, '127.0.0.1', () => r()));
  tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`;
});

afterAll(async () => {
  process.env = saved;
  await new Promise<void>((r) => tokenServer.close(() => r()));
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ops-auth-'));
  process.env.PENGADUAN_CONFIG_DIR = dir;
  delete process.env.PENGADUAN_OAUTH_CLIENT;
});

const client = (kind: 'installed' | 'web' = 'installed') =>
  writeFileSync(
    join(dir, 'credentials.json'),
    JSON.stringify({
      [kind]: {
        client_id: 'cid.apps.googleusercontent.com',
        client_secret: 'csecret',
        redirect_uris: ['http://localhost'],
      },
    }),
  );

test('the config folder: PENGADUAN_CONFIG_DIR, else $XDG_CONFIG_HOME/pengaduan-medsos, else ~/.config/pengaduan-medsos', () => {
  expect(configDir({ PENGADUAN_CONFIG_DIR: '/x' })).toBe('/x');
  expect(configDir({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/pengaduan-medsos');
  expect(configDir({})).toMatch(/\.config\/pengaduan-medsos$/);
});

test('without an OAuth client file: a clear message pointing to the Cloud console steps', async () => {
  await expect(authorise({ log: () => undefined })).rejects.toThrow(AuthError);
  await expect(authorise({ log: () => undefined })).rejects.toThrow('Desktop app');
  client('web');
  await expect(authorise({ log: () => undefined })).rejects.toThrow('"Web application"');
});

test('first run: consent in the browser, code exchanged with PKCE, token saved privately and never printed', async () => {
  client();
  const lines: string[] = [];
  let visited: Promise<number> | null = null;
  const log = (l: string) => {
    lines.push(l);
    const m = /https:\/\/\S+/.exec(l);
    if (!m) return;
    const url = new URL(m[0]);
    expect(url.searchParams.get('scope')).toBe(READONLY_SCOPE);
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('client_id')).toBe('cid.apps.googleusercontent.com');
    const redirect = url.searchParams.get('redirect_uri')!;
    expect(redirect).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The browser comes back with the code and the same state.
    visited = fetch(
      `${redirect}/?state=${url.searchParams.get('state')}&code=good-code&scope=${encodeURIComponent(READONLY_SCOPE)}`,
    ).then((r) => r.status);
  };
  const oauth = await authorise({ log, endpoints: { oauth2TokenUrl: tokenUrl } });
  // `visited` is set inside the callback above, which TypeScript's narrowing does not see.
  expect(await (visited as Promise<number> | null)).toBe(200);
  expect(oauth.credentials.access_token).toBe('ya29.secret-access');
  const exchange = exchanges[exchanges.length - 1];
  expect(exchange.get('grant_type')).toBe('authorization_code');
  expect(exchange.get('code_verifier')!.length).toBeGreaterThanOrEqual(43);
  const tokenFile = join(dir, 'token.json');
  expect(JSON.parse(readFileSync(tokenFile, 'utf8')).refresh_token).toBe('1//secret-refresh');
  if (process.platform !== 'win32') expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
  expect(lines.join('\n')).not.toMatch(/secret-(access|refresh)/);

  // Second run: the saved token covers the scope, no browser.
  const again: string[] = [];
  const second = await authorise({ log: (l) => again.push(l), endpoints: { oauth2TokenUrl: tokenUrl } });
  expect(again).toEqual([]);
  expect(second.credentials.refresh_token).toBe('1//secret-refresh');
});

test('a browser answer with another state is refused and nothing is saved', async () => {
  client();
  const log = (l: string) => {
    const m = /https:\/\/\S+/.exec(l);
    if (m) void fetch(`${new URL(m[0]).searchParams.get('redirect_uri')}/?state=forged&code=good-code`);
  };
  await expect(authorise({ log, endpoints: { oauth2TokenUrl: tokenUrl } })).rejects.toThrow('state berbeda');
  expect(existsSync(join(dir, 'token.json'))).toBe(false);
});
