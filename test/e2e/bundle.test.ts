/**
 * End-to-end checks of the built bundle, dist/Code.js (the file clasp pushes). The test command
 * builds before jest runs; this test builds nothing itself.
 *
 * (a) Apps Script only calls top-level function declarations (triggers, menu items, the Run
 *     list): evaluated in a bare `vm` context with stand-ins for the Apps Script globals, the
 *     bundle must define every export of src/main.ts as a top-level function.
 * (b) The bundle loads into the local Apps Script runtime and an entry point runs there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, Script } from 'node:vm';
import { listEntryPoints } from '../../scripts/build';
import { GasRuntime, SANDBOX_GLOBALS } from '../../emulator/runtime';

const BUNDLE = join(__dirname, '../../dist/Code.js');

function bundle(): string {
  if (!existsSync(BUNDLE))
    throw new Error('dist/Code.js is missing: run `npm run build` (npm test builds before jest)');
  return readFileSync(BUNDLE, 'utf8');
}

/** Any property access or call on a stand-in returns another stand-in: enough for top-level code. */
function standIn(name: string): unknown {
  const fn = function () {
    return standIn(`${name}()`);
  };
  return new Proxy(fn, {
    get: (_t, prop) =>
      prop === Symbol.toPrimitive ? () => name : typeof prop === 'string' ? standIn(`${name}.${prop}`) : undefined,
    apply: () => standIn(`${name}()`),
  });
}

let entryPoints: string[];

beforeAll(async () => {
  entryPoints = await listEntryPoints();
});

test('src/main.ts exports at least one entry point', () => {
  expect(entryPoints.length).toBeGreaterThan(0);
});

test('every export of src/main.ts is a top-level function of dist/Code.js in a bare vm context', () => {
  const globals: Record<string, unknown> = {};
  for (const name of SANDBOX_GLOBALS) globals[name] = standIn(name);
  const context = createContext(globals);
  new Script(bundle(), { filename: 'Code.js' }).runInContext(context);
  const missing = entryPoints.filter((name) => typeof (context as Record<string, unknown>)[name] !== 'function');
  expect(missing).toEqual([]);
  const declared = new Script(`[${entryPoints.map((n) => `typeof ${n}`).join(',')}]`).runInContext(context) as string[];
  expect(declared.every((t) => t === 'function')).toBe(true);
});

test('the bundle loads into GasRuntime and an entry point runs there', () => {
  const rt = new GasRuntime({ start: '2026-03-16T08:00:00+07:00' });
  rt.load(bundle());
  expect(entryPoints.filter((name) => !rt.hasFunction(name))).toEqual([]);
  // `setup` (DESIGN §3: creates the spreadsheet layout) exercises the most services; any export will do otherwise.
  const entry = entryPoints.includes('setup') ? 'setup' : entryPoints[0];
  rt.call(entry, [], { kind: 'direct', user: rt.env.owner });
  expect(rt.ledger.last()).toMatchObject({ label: entry, kind: 'direct' });
  expect(rt.ledger.last()?.error).toBeUndefined();
});
