// One lint config for the whole tree (flat config). Type-aware typescript-eslint rules plus the
// architecture of DESIGN §10 / STYLE.md, encoded as restrictions per folder:
//   (a) Apps Script globals only in src/gas (thin adapters) and src/main.ts (entry points);
//   (b) a src/app use case never imports another use case, only the plumbing listed below;
//   (c) src/core is pure: it never imports src/gas or src/app;
//   (d) src/gas adapters never import a use case (src/app).
// Formatting is prettier's job (`prettier --check .` in `npm run lint`), so no style rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Apps Script services a script sees as globals (console is allowed everywhere). */
export const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'FormApp',
  'ScriptApp',
  'MailApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'Session',
  'Utilities',
  'Logger',
  'CalendarApp',
  'HtmlService',
  'Charts',
  'UrlFetchApp',
  'ContentService',
  'DriveApp',
  'GmailApp',
  'Browser',
];

/**
 * src/app files that are plumbing, not use cases: every use case may import them.
 * run.ts runs a use case (lock, error log, toasts); mail.ts sends the outbox; access.ts says who
 * may run operator-only actions.
 */
export const APP_PLUMBING = [
  'run', // what every use case starts with; registration and isolation helpers
  'mail', // sending the outbox
  'access', // operator-only menu items
  'edit-rows', // what people's edits do to rows: the edit trigger, stored edits, reconcile
  'channel-inbox', // Kotak Masuk triage and replies: the edit trigger, the poll, the digest
  'reconciliation', // the reconcile step: setup, the hourly run and Menu › Rekonsiliasi
  'dashboard-refresh', // the dashboard refresh: setup, the hourly run and Menu › Buka dasbor
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

const gasImportPatterns = [
  { group: ['**/app', '**/app/**'], message: 'src/gas adapters are called by use cases, never the other way round.' },
];

/** Any sibling import inside src/app is a use case, unless it is plumbing (or listed as allowed). */
function appImportPatterns(allowed) {
  const message = `A use case never imports another use case; share via src/core or plumbing (${APP_PLUMBING.join(', ')}).`;
  const names = allowed.join('|');
  return [
    { regex: `^\\./(?!(${names})$)[^/]+$`, message },
    { regex: `^(\\.\\./)+app/(?!(${names})$)[^/]+$`, message },
  ];
}

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
    rules: {
      // Cell values are `unknown` (string | number | boolean | Date from getValues) and String(v)
      // is the intended conversion; the rule cannot know that domain and flags every cell read.
      '@typescript-eslint/no-base-to-string': 'off',
      // `new Error(message, { cause })` needs lib ES2022; the code targets ES2020 (Apps Script V8
      // surface), so a rethrow carries the cause's message instead.
      'preserve-caught-error': 'off',
      // `_name` marks a value unused on purpose (a rest sibling dropped, a callback's position).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests and scripts handle JSON.parse results, the vm sandbox of the bundle and googleapis
    // responses, which are `any` by nature; asserting their shape is the test's own job.
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Every bench has the same async signature (scripts/bench.ts runs them in a list), whether or
    // not it awaits anything itself.
    files: ['scripts/bench/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Plain JavaScript modules (this config, the lint test's helper) are not in a tsconfig: no
    // type information, and Node's globals.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/gas/**', 'src/main.ts'],
    rules: { 'no-restricted-globals': ['error', ...noAppsScriptGlobals] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: coreImportPatterns }] },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: gasImportPatterns }] },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: appImportPatterns(APP_PLUMBING) }] },
  },
);
