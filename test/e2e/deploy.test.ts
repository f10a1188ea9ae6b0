/**
 * What gets deployed (issue 2): the manifest, the build's guarantees, and that clasp would push
 * exactly dist/Code.js and dist/appsscript.json (clasp status works offline, without a login).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBundle } from '../../scripts/build';

const ROOT = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
const bundle = readFileSync(join(ROOT, 'dist/Code.js'), 'utf8');

describe('manifest appsscript.json', () => {
  test('V8, Asia/Jakarta, Stackdriver exception logging', () => {
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Jakarta', exceptionLogging: 'STACKDRIVER' });
  });

  // The public tracking page (DESIGN §15): "Anyone" (no Google account needed), executing as the
  // deploying operator (https://developers.google.com/apps-script/manifest/web-app-api-executable).
  test('web app: anyone, even anonymous, executing as the deploying user; doGet and doPost exist', () => {
    expect(manifest.webapp).toEqual({ access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' });
    expect(bundle).toMatch(/function doGet\(/);
    expect(bundle).toMatch(/function doPost\(/);
  });

  // Least privilege: each scope is needed by a service the bundle calls, and no full Drive or
  // Gmail scope (MailApp needs only script.send_mail).
  const needs: Record<string, RegExp> = {
    'https://www.googleapis.com/auth/spreadsheets': /SpreadsheetApp\./,
    'https://www.googleapis.com/auth/forms': /FormApp\./,
    'https://www.googleapis.com/auth/script.scriptapp': /ScriptApp\./,
    'https://www.googleapis.com/auth/script.send_mail': /MailApp\./,
    'https://www.googleapis.com/auth/script.container.ui': /getUi\(\)/,
    'https://www.googleapis.com/auth/userinfo.email': /Session\.get(Active|Effective)User\(\)/,
    'https://www.googleapis.com/auth/calendar.readonly': /CalendarApp\./,
    'https://www.googleapis.com/auth/script.external_request': /UrlFetchApp\./, // issue 15: channel capture
  };

  test('explicit oauthScopes: exactly the ones the code needs', () => {
    expect([...manifest.oauthScopes].sort()).toEqual(Object.keys(needs).sort());
    for (const [scope, use] of Object.entries(needs))
      expect({ scope, used: use.test(bundle) }).toEqual({ scope, used: true });
  });

  test('never full Drive or Gmail', () => {
    for (const scope of manifest.oauthScopes as string[]) {
      expect(scope).not.toMatch(/auth\/drive($|\.)|mail\.google\.com|auth\/gmail/);
    }
    expect(bundle).not.toMatch(/\b(DriveApp|GmailApp)\./);
  });
});

describe('build output', () => {
  test('dist/ holds exactly Code.js and appsscript.json, the manifest copied as is', () => {
    expect(readdirSync(join(ROOT, 'dist')).sort()).toEqual(['Code.js', 'appsscript.json']);
    expect(JSON.parse(readFileSync(join(ROOT, 'dist/appsscript.json'), 'utf8'))).toEqual(manifest);
  });

  test('the bundle check refuses surviving import/export and missing entry points', () => {
    expect(() => checkBundle('function a() {}\n', ['a'])).not.toThrow();
    expect(() => checkBundle('import x from "y";\nfunction a() {}\n', ['a'])).toThrow();
    expect(() => checkBundle('function a() {}\nexport { a };\n', ['a'])).toThrow();
    expect(() => checkBundle('var a = 1;\n', ['a'])).toThrow('entry point a');
    expect(() => checkBundle('function a( {\n', ['a'])).toThrow('classic script');
  });

  test('clasp status lists exactly dist/appsscript.json and dist/Code.js (offline, no login)', () => {
    const home = mkdtempSync(join(tmpdir(), 'clasp-home-'));
    const out = execFileSync(join(ROOT, 'node_modules/.bin/clasp'), ['status', '--json'], {
      cwd: ROOT,
      env: { ...process.env, HOME: home },
      encoding: 'utf8',
      timeout: 60000,
    });
    const status = JSON.parse(out.trim().split('\n').pop()!);
    expect([...status.filesToPush].sort()).toEqual(['dist/Code.js', 'dist/appsscript.json']);
  });

  test('.clasp.json pushes from dist/ with a documented placeholder script id', () => {
    const clasp = JSON.parse(readFileSync(join(ROOT, '.clasp.json'), 'utf8'));
    expect(clasp.rootDir).toBe('dist');
    expect(clasp.scriptId).toBe('REPLACE_WITH_YOUR_SCRIPT_ID');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('scriptId');
  });
});
