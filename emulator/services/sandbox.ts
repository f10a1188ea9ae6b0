/**
 * The `vm` context dist/Code.js runs in. Its only globals are the ECMAScript built-ins and the
 * emulated services, each exposed through the bridge (so every call is counted and host-only
 * members stay hidden); there is no require, process, setTimeout, fetch or Buffer, as in Apps
 * Script. The context's Date, Intl.DateTimeFormat default zone and Math.random are replaced by
 * the prelude (script-date.ts), and the bridge's realm is set to functions made inside it.
 */
import { Context, createContext, Script } from 'node:vm';
import { DateTime } from 'luxon';
import { GasEnv } from '../env';
import { GasObject } from '../gas-object';
import { SANDBOX_PRELUDE, SandboxHooks, SandboxInstall } from './script-date';
import { offsetMinutesAt, resolveZone } from './time-zone';

import { SANDBOX_GLOBALS } from '../registry';

/** The globals come from the service registry (emulator/registry.ts). */
export { SANDBOX_GLOBALS };
export type SandboxGlobal = string;

const QUARTER_HOUR = 900_000;

function hooksFor(env: GasEnv): SandboxHooks {
  const zone = resolveZone(env.timeZone);
  const labels = new Map<number, string>();
  return {
    now: () => env.clock.now(),
    offsetMinutes: (ms) => offsetMinutesAt(env.timeZone, ms),
    zoneLabel: (ms) => {
      const bucket = Math.floor(ms / QUARTER_HOUR); // offsets change only on quarter hours
      let label = labels.get(bucket);
      if (label === undefined) {
        const t = DateTime.fromMillis(ms, { zone });
        labels.set(bucket, (label = `GMT${t.toFormat('ZZZ')} (${t.toFormat('ZZZZZ', { locale: 'en-US' })})`));
      }
      return label;
    },
    timeZone: env.timeZone,
    random: () => env.random(),
  };
}

export function createSandbox(env: GasEnv, services: Record<SandboxGlobal, GasObject>): Context {
  for (const name of SANDBOX_GLOBALS)
    if (!services[name]) throw new Error(`service ${name} is registered but was not created`);
  const context = createContext({});
  const install = new Script(SANDBOX_PRELUDE, { filename: 'gas-runtime-prelude.js' }).runInContext(context) as (
    h: SandboxHooks,
  ) => SandboxInstall;
  const sandbox = install(hooksFor(env));
  env.bridge.realm = sandbox;
  for (const name of SANDBOX_GLOBALS) {
    const exposed = env.bridge.expose(services[name]);
    const value = name === 'console' || name === 'Logger' ? sandbox.wrapLogging(exposed) : exposed;
    Object.defineProperty(context, name, { value, enumerable: true, configurable: false, writable: false });
  }
  return context;
}
