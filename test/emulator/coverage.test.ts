/**
 * emulator/surface.json and emulator/COVERAGE.md are generated (npm run coverage:runtime) from
 * the type definitions, the augmentation and the service registry; this fails when either
 * committed file no longer matches what the generator produces.
 */
import { readFileSync } from 'node:fs';
import { COVERAGE_FILE, SURFACE_FILE, buildCoverage, buildSurface } from '../../scripts/runtime-coverage';

test('emulator/surface.json and emulator/COVERAGE.md are up to date (run `npm run coverage:runtime`)', () => {
  const surface = buildSurface();
  expect(JSON.parse(readFileSync(SURFACE_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(surface)));
  expect(readFileSync(COVERAGE_FILE, 'utf8')).toBe(buildCoverage(surface));
});

test('the coverage table lists every registered service with emulated members', () => {
  const text = readFileSync(COVERAGE_FILE, 'utf8');
  for (const name of [
    'SpreadsheetApp',
    'FormApp',
    'ScriptApp',
    'PropertiesService',
    'LockService',
    'CacheService',
    'Utilities',
  ]) {
    expect(text).toMatch(new RegExp(`^\\| ${name} \\| \\d+ \\| \\d+ \\| [1-9]\\d* \\|`, 'm'));
  }
  expect(text).toContain('| `createTextFinder`() | emulated |');
});
