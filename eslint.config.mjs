// One lint config for the whole tree (flat config). Type-aware typescript-eslint rules plus the
// architecture of DESIGN §10 / STYLE.md, encoded as restrictions per folder:
//   (a) Apps Script globals only in src/gas (thin adapters) and src/main.ts (entry points);
//   (b) a src/app use case never imports another use case, only the plumbing listed below;
//   (c) src/core is pure: it never imports src/gas or src/app.
// Formatting is prettier's job (`prettier --check .` in `npm run lint`), so no style rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Apps Script services a script sees as globals (console is allowed everywhere). */
export const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp', 'FormApp', 'ScriptApp', 'MailApp', 'PropertiesService', 'LockService',
  'CacheService', 'Session', 'Utilities', 'Logger', 'CalendarApp', 'HtmlService', 'Charts',
  'UrlFetchApp', 'ContentService', 'DriveApp', 'GmailApp', 'Browser',
];

/**
 * src/app files that are plumbing, not use cases: every use case may import them.
 * run.ts runs a use case (lock, error log, toasts); mail.ts sends the outbox; access.ts says who
 * may run operator-only actions.
 */
export const APP_PLUMBING = ['run', 'mail', 'access'];

/**
 * src/app files that still call Apps Script directly. Their owners are reshaping them in this
 * wave (intake/edit/reconcile integrity work, setup, channels); the lead moves the remaining calls
 * into src/gas adapters when those branches are merged, then deletes the entry here.
 */
export const PENDING_GAS_MOVES = [
  'src/app/edit.ts',
  'src/app/intake.ts',
  'src/app/reconcile.ts',
  'src/app/maintenance.ts',
  'src/app/run.ts',
  'src/app/setup.ts',
  'src/app/*channel*.ts',
];

const noAppsScriptGlobals = APPS_SCRIPT_GLOBALS.map((name) => ({
  name,
  message: `${name} is an Apps Script service: call it from a thin adapter in src/gas.`,
}));

const coreImportPatterns = [
  {
    group: ['**/gas', '**/gas/**', '**/app', '**/app/**'],
    message: 'src/core is pure: it decides, src/gas and src/app act. Move the call out of core.',
  },
];

// Any sibling import inside src/app is a use case, unless it is listed plumbing.
const appImportPatterns = [
  {
    regex: `^\\./(?!(${APP_PLUMBING.join('|')})$)[^/]+$`,
    message: `A use case never imports another use case; share via src/core or plumbing (${APP_PLUMBING.join(', ')}).`,
  },
  {
    regex: `^(\\.\\./)+app/(?!(${APP_PLUMBING.join('|')})$)[^/]+$`,
    message: `A use case never imports another use case; share via src/core or plumbing (${APP_PLUMBING.join(', ')}).`,
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'coverage/**',
      'emulator/surface.json',
      'emulator/COVERAGE.md',
      'package-lock.json',
      '**/*.js',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['eslint.config.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/gas/**', 'src/main.ts', ...PENDING_GAS_MOVES],
    rules: { 'no-restricted-globals': ['error', ...noAppsScriptGlobals] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: coreImportPatterns }] },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: appImportPatterns }] },
  },
);
