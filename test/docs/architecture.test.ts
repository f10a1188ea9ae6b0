/**
 * docs/ARCHITECTURE.md stays true: every backticked repository path it names exists, and it
 * names at least the hops of the complaint's path (so the test cannot pass on an empty page).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');

/** Backticked tokens that look like paths in this repository (a top-level folder or a root file). */
function namedPaths(markdown: string): string[] {
  const tokens = [...markdown.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]);
  const roots = /^(src|emulator|scripts|test|docs|scenarios|\.ci)\/|^[\w.-]+\.(ts|mjs|json|md|js)$/;
  return [...new Set(tokens.filter((t) => roots.test(t)))];
}

describe('docs/ARCHITECTURE.md', () => {
  const paths = namedPaths(DOC);

  test('names the files of the complaint path and the rules', () => {
    expect(paths.length).toBeGreaterThan(40);
    for (const hop of [
      'src/app/intake.ts',
      'src/core/registration.ts',
      'src/gas/complaint-tables.ts',
      'src/app/edit.ts',
      'src/core/transitions.ts',
      'src/app/reminders.ts',
      'src/core/reports/daily.ts',
      'src/gas/outbox.ts',
      'src/app/dashboard.ts',
      'src/core/dashboard/feed.ts',
      'emulator/registry.ts',
    ]) {
      expect(paths).toContain(hop);
    }
  });

  test('every path it names exists', () => {
    const missing = paths.filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });
});
