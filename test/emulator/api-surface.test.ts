/**
 * Every registered service (emulator/registry.ts) against the type definitions
 * (@types/google-apps-script + src/types/gas-augment.d.ts, read into emulator/surface.json):
 * each emulated class exposes only members the real class declares, reports the class name the
 * ledger counts, and every class a service's samples produce is described by the types.
 */
import { GasEnv } from '../../emulator/env';
import { SANDBOX_GLOBALS, SERVICES } from '../../emulator/registry';
import { LogBook } from '../../emulator/services/logger';
import { SURFACE, declaredClass, declaredMember } from '../../emulator/surface';
import { SOURCES } from '../../emulator/ledger';
import { exposedMembers } from '../../scripts/runtime-coverage';

function samples() {
  const env = new GasEnv();
  const ctx = { env, logs: new LogBook(env) };
  return SERVICES.flatMap((service) =>
    service.samples(ctx).map((obj) => [`${service.global}: ${obj._className}`, obj] as const),
  );
}

describe('emulated API surface of every service matches the type definitions', () => {
  test.each(samples())('%s: scripts see only members the real class declares', (_label, obj) => {
    expect(declaredClass(obj._className)).not.toBeNull();
    const env = new GasEnv();
    const seen = env.bridge.expose(obj) as unknown as Record<string, unknown>;
    for (const m of exposedMembers(obj)) {
      if (declaredMember(obj._className, m) === null) expect([m, seen[m]]).toEqual([m, undefined]);
      else expect([m, seen[m]]).not.toEqual([m, undefined]);
    }
  });

  test('every service has a global, a sample of its own global class, and a type namespace or class', () => {
    const env = new GasEnv();
    const ctx = { env, logs: new LogBook(env) };
    for (const s of SERVICES) {
      expect(SANDBOX_GLOBALS).toContain(s.global);
      const global = s.create(ctx);
      expect(s.samples(ctx).some((o) => o._className === global._className)).toBe(true);
      expect(s.namespaces.length + (s.classes?.length ?? 0)).toBeGreaterThan(0);
    }
    expect(new Set(SANDBOX_GLOBALS).size).toBe(SANDBOX_GLOBALS.length);
  });

  test('every cost rule names a source that ledger.ts documents', () => {
    for (const s of SERVICES) for (const rule of s.costs) expect(Object.keys(SOURCES)).toContain(rule.source);
  });

  test('the surface knows the members Google has that the types lack (augmentation)', () => {
    expect(declaredMember('Form', 'setPublished')?.kind).toBe('method');
    expect(declaredMember('SpreadsheetApp', 'SortOrder')?.kind).toBe('property');
    expect(SURFACE.enums['Spreadsheet.SortOrder']).toEqual(['ASCENDING', 'DESCENDING']);
  });
});
