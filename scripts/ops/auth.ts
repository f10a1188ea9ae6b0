/**
 * OAuth for the operator tools (DESIGN §16): the installed-app ("Desktop app") flow of
 * google-auth-library, which googleapis ships, with a loopback redirect on 127.0.0.1 and PKCE.
 * https://developers.google.com/identity/protocols/oauth2/native-app
 *
 * - The OAuth client (the JSON the Cloud console downloads for a Desktop app client) is read from
 *   `--credentials FILE`, else $PENGADUAN_OAUTH_CLIENT, else <config>/credentials.json.
 * - The token is kept in <config>/token.json (mode 600), <config> being
 *   $XDG_CONFIG_HOME/pengaduan-medsos or ~/.config/pengaduan-medsos (%APPDATA% on Windows):
 *   never in the repository, never printed.
 * - Scope: spreadsheets.readonly. The tools only read; rehearsals run on the local runtime.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Auth, google } from 'googleapis';

type Credentials = Auth.Credentials;
type OAuth2Client = Auth.OAuth2Client;

export const READONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PENGADUAN_CONFIG_DIR) return env.PENGADUAN_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'pengaduan-medsos');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'pengaduan-medsos');
}

export class AuthError extends Error {}

interface ClientSecrets {
  client_id: string;
  client_secret: string;
}

function readClient(file: string): ClientSecrets {
  if (!existsSync(file)) {
    throw new AuthError(
      `Berkas klien OAuth tidak ditemukan: ${file}. Buat klien OAuth jenis "Desktop app" di Google Cloud console, unduh JSON-nya ke sana (atau beri --credentials BERKAS). Langkahnya: docs/DEPLOY.md, bagian "Operator tools".`,
    );
  }
  const json = JSON.parse(readFileSync(file, 'utf8')) as { installed?: ClientSecrets; web?: ClientSecrets };
  const c = json.installed ?? json.web;
  if (!c?.client_id || !c.client_secret)
    throw new AuthError(`${file} bukan JSON klien OAuth (tidak ada installed.client_id / client_secret).`);
  if (!json.installed)
    throw new AuthError(`${file} adalah klien jenis "Web application"; buat klien jenis "Desktop app".`);
  return c;
}

function saveToken(path: string, token: Credentials): void {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify(token), { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** Runs the browser consent once: prints the URL, waits for the loopback redirect, returns the tokens. */
/** Endpoints of Google's OAuth server (replaced only by tests, with a local fake). */
export interface OAuthEndpoints {
  oauth2AuthBaseUrl?: string;
  oauth2TokenUrl?: string;
}

function oauthClient(
  client: ClientSecrets,
  redirectUri: string | undefined,
  endpoints: OAuthEndpoints | undefined,
): OAuth2Client {
  // Node's own fetch: gaxios would otherwise load node-fetch with a dynamic import.
  return new google.auth.OAuth2({
    clientId: client.client_id,
    clientSecret: client.client_secret,
    redirectUri,
    endpoints,
    transporterOptions: { fetchImplementation: fetch },
  });
}

async function consent(
  client: ClientSecrets,
  scopes: string[],
  log: (line: string) => void,
  endpoints?: OAuthEndpoints,
): Promise<{ credentials: Credentials; redirectUri: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const oauth = oauthClient(client, redirectUri, endpoints);
  const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
  const state = randomBytes(16).toString('hex');
  const url = oauth.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: scopes,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: Auth.CodeChallengeMethod.S256,
  });
  log('Buka alamat ini di peramban, masuk dengan akun pemilik spreadsheet, lalu izinkan akses baca:');
  log(`  ${url}`);
  try {
    const code = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new AuthError('Tidak ada jawaban dari peramban dalam 5 menit; ulangi perintahnya.')),
        5 * 60_000,
      );
      server.on('request', (req, res) => {
        const u = new URL(req.url ?? '/', redirectUri);
        const got = u.searchParams.get('code');
        const error = u.searchParams.get('error');
        if (!got && !error) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        if (error || u.searchParams.get('state') !== state) {
          res.end('Izin tidak diberikan. Anda boleh menutup halaman ini.');
          clearTimeout(timer);
          reject(new AuthError(`Izin ditolak atau jawaban tidak cocok (${error ?? 'state berbeda'}).`));
          return;
        }
        res.end('Izin diterima. Anda boleh menutup halaman ini dan kembali ke terminal.');
        clearTimeout(timer);
        resolve(got!);
      });
    });
    const { tokens } = await oauth.getToken({ code, codeVerifier, redirect_uri: redirectUri });
    return { credentials: tokens, redirectUri };
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
}

export interface AuthOptions {
  credentialsFile?: string;
  scopes?: string[];
  log?: (line: string) => void;
  endpoints?: OAuthEndpoints;
}

/** An authorised OAuth2 client: the saved token when it covers the scopes, else the consent flow. */
export async function authorise(options: AuthOptions = {}): Promise<OAuth2Client> {
  const log = options.log ?? ((l: string) => console.error(l));
  const scopes = options.scopes ?? [READONLY_SCOPE];
  const dir = configDir();
  const client = readClient(
    options.credentialsFile ?? process.env.PENGADUAN_OAUTH_CLIENT ?? join(dir, 'credentials.json'),
  );
  const tokenPath = join(dir, 'token.json');
  let saved: Credentials | null = null;
  if (existsSync(tokenPath)) {
    try {
      saved = JSON.parse(readFileSync(tokenPath, 'utf8')) as Credentials;
    } catch {
      saved = null;
    }
  }
  const covers = (t: Credentials | null) =>
    !!t?.refresh_token && scopes.every((s) => (t.scope ?? '').split(' ').includes(s));
  let oauth: OAuth2Client;
  if (covers(saved)) {
    oauth = oauthClient(client, undefined, options.endpoints);
    oauth.setCredentials(saved!);
  } else {
    const { credentials, redirectUri } = await consent(client, scopes, log, options.endpoints);
    oauth = oauthClient(client, redirectUri, options.endpoints);
    oauth.setCredentials(credentials);
    saved = credentials;
    saveToken(tokenPath, credentials);
    log(`Token disimpan di ${tokenPath} (hanya dapat dibaca oleh Anda).`);
  }
  // Refreshed access tokens are kept too (the refresh token is sent only once).
  oauth.on('tokens', (t) =>
    saveToken(tokenPath, { ...saved, ...t, refresh_token: t.refresh_token ?? saved?.refresh_token }),
  );
  return oauth;
}
