/**
 * The architecture rules of eslint.config.mjs (DESIGN §10, STYLE.md) fail on purpose-made
 * violations and pass compliant code. The snippets are linted as if they were files at the given
 * paths, with the project's own config, through ESLint's Node API (test/lint/lint-snippets.mjs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Snippet {
  filePath: string;
  code: string;
}
interface Message {
  ruleId: string | null;
  message: string;
  line: number;
}

const SNIPPETS: Record<string, Snippet> = {
  coreUsesSpreadsheetApp: {
    filePath: 'src/core/zz-snippet.ts',
    code: 'export const active = (): unknown => SpreadsheetApp.getActiveSpreadsheet();\n',
  },
  coreImportsGas: {
    filePath: 'src/core/zz-snippet.ts',
    code: "import { readTab } from '../gas/tabs';\nexport const read = readTab;\n",
  },
  nestedCoreImportsApp: {
    filePath: 'src/core/reports/zz-snippet.ts',
    code: "import { guard } from '../../app/run';\nexport const g = guard;\n",
  },
  appUsesLockService: {
    filePath: 'src/app/zz-snippet.ts',
    code: 'export const lock = (): unknown => LockService.getScriptLock();\n',
  },
  appUsesSessionAsMember: {
    filePath: 'src/app/zz-snippet.ts',
    code: 'export const me = (): string => Session.getActiveUser().getEmail();\n',
  },
  useCaseImportsUseCase: {
    filePath: 'src/app/zz-snippet.ts',
    code: "import { syncHolidays } from './holiday-sync';\nexport const sync = syncHolidays;\n",
  },
  gasImportsApp: {
    filePath: 'src/gas/zz-snippet.ts',
    code: "import { guard } from '../app/run';\nexport const g = guard;\n",
  },
  gasUsesSpreadsheetApp: {
    filePath: 'src/gas/zz-snippet.ts',
    code: 'export const active = (): unknown => SpreadsheetApp.getActiveSpreadsheet();\n',
  },
  mainUsesScriptApp: {
    filePath: 'src/main.ts',
    code: "export const url = (): string => ScriptApp.getService().getUrl();\nexport { doGet } from './app/web-app';\n",
  },
  compliantUseCase: {
    filePath: 'src/app/zz-snippet.ts',
    code: [
      "import { TAB } from '../core/labels';",
      "import { readTab } from '../gas/tabs';",
      "import { showAlert } from '../gas/ui';",
      "import { operatorOnly } from './access';",
      "import { sendMail } from './mail';",
      "import { guard, startRun } from './run';",
      '',
      'export function menuSnippet(): void {',
      "  if (!operatorOnly('x')) return;",
      "  guard('Menu', () => {",
      "    const run = startRun('x');",
      '    const tab = readTab(run.ss, TAB.register);',
      '    console.log(tab ? tab.rows.length : 0, typeof sendMail);',
      "    showAlert('x', 'y');",
      '  });',
      '}',
      '',
    ].join('\n'),
  },
  compliantCore: {
    filePath: 'src/core/zz-snippet.ts',
    code: "import { TAB } from './labels';\nexport const registerTab = (): string => TAB.register;\n",
  },
};

let results: Record<string, Message[]>;

beforeAll(() => {
  const names = Object.keys(SNIPPETS);
  const out = execFileSync(process.execPath, [join(__dirname, 'lint-snippets.mjs')], {
    input: JSON.stringify(names.map((n) => SNIPPETS[n])),
    encoding: 'utf8',
  });
  const parsed = JSON.parse(out) as { messages: Message[] }[];
  results = Object.fromEntries(names.map((n, i) => [n, parsed[i].messages]));
});

const rulesOf = (name: string): (string | null)[] => results[name].map((m) => m.ruleId);

describe('architecture rules in eslint.config.mjs', () => {
  test('no Apps Script global in src/core', () => {
    expect(rulesOf('coreUsesSpreadsheetApp')).toEqual(['no-restricted-globals']);
    expect(results.coreUsesSpreadsheetApp[0].message).toContain('SpreadsheetApp');
  });

  test('no Apps Script global in src/app (use cases call src/gas adapters)', () => {
    expect(rulesOf('appUsesLockService')).toEqual(['no-restricted-globals']);
    expect(rulesOf('appUsesSessionAsMember')).toEqual(['no-restricted-globals']);
  });

  test('Apps Script globals are allowed in src/gas and src/main.ts', () => {
    expect(results.gasUsesSpreadsheetApp).toEqual([]);
    expect(results.mainUsesScriptApp).toEqual([]);
  });

  test('src/core never imports src/gas or src/app, at any depth', () => {
    expect(rulesOf('coreImportsGas')).toEqual(['no-restricted-imports']);
    expect(rulesOf('nestedCoreImportsApp')).toEqual(['no-restricted-imports']);
    expect(results.coreImportsGas[0].message).toContain('src/core is pure');
  });

  test('src/gas adapters never import src/app', () => {
    expect(rulesOf('gasImportsApp')).toEqual(['no-restricted-imports']);
  });

  test('a use case never imports another use case', () => {
    expect(rulesOf('useCaseImportsUseCase')).toEqual(['no-restricted-imports']);
    expect(results.useCaseImportsUseCase[0].message).toContain('never imports another use case');
  });

  test('compliant code (core, gas adapters and app plumbing: run, mail, access) passes', () => {
    expect(results.compliantUseCase).toEqual([]);
    expect(results.compliantCore).toEqual([]);
  });
});

describe('the exemptions of eslint.config.mjs', () => {
  const config = readFileSync(join(__dirname, '..', '..', 'eslint.config.mjs'), 'utf8');

  test('every plumbing file named in APP_PLUMBING exists in src/app', () => {
    const plumbing = [.../APP_PLUMBING = \[([^\]]*)\]/.exec(config)![1].matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
    expect(plumbing).toEqual(expect.arrayContaining(['run', 'mail', 'access']));
    for (const name of plumbing) expect(existsSync(join(__dirname, '..', '..', 'src', 'app', `${name}.ts`))).toBe(true);
  });
});
