/**
 * The boundary between the host (Node, where the emulated services live) and the sandbox (the
 * `vm` context running dist/Code.js).
 *
 * - Emulated objects cross as Proxies: each call is counted in the call ledger as
 *   `Class.method`, host errors are rethrown as the sandbox's own `Error` (so `instanceof Error`
 *   and `e.message` behave as in Apps Script), and a method the class does not have throws
 *   `not emulated: Class.method` when called.
 * - Values cross by copy into the receiving realm: arrays, `Date`s and plain objects are rebuilt
 *   with the sandbox's constructors, so `getValues()` really returns fresh arrays of the
 *   sandbox's `Date`s, as Apps Script returns fresh arrays on every call.
 */
import { GasObject } from './gas-object';
import { CallLedger } from './ledger';

export interface SandboxRealm {
  makeDate(ms: number): Date;
  makeError(message: string, name: string): Error;
  makeArray(): unknown[];
  makeObject(): Record<string, unknown>;
}

/** Members that JS machinery probes on any object; answering undefined is what a real object does. */
const PROBED = new Set(['then', 'toJSON', 'inspect', 'constructor', 'asymmetricMatch', '$$typeof', 'nodeType', 'length']);

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function cellsIn(v: unknown): number {
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0])) return 0;
  let n = 0;
  for (const row of v) n += Array.isArray(row) ? row.length : 0;
  return n;
}

/** Fault injection (emulator/faults.ts): asked before each host method call and after it returned. */
export interface CallHooks {
  _beforeCall(className: string, method: string): void;
  _afterCall(className: string, method: string): void;
}

export class Bridge {
  hooks: CallHooks | null = null;
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  realm: SandboxRealm | null = null;

  constructor(private readonly ledger: CallLedger) {}

  /** The Proxy the sandbox sees for an emulated object (the same Proxy every time). */
  expose<T extends GasObject>(target: T): T {
    const known = this.proxies.get(target);
    if (known) return known as T;
    const bridge = this;
    const proxy = new Proxy(target, {
      get(t, prop) {
        if (typeof prop === 'symbol') return undefined;
        const className = t._className;
        if (prop === 'toString') return () => className;
        if (prop.startsWith('_') || !(prop in t)) {
          if (PROBED.has(prop)) return undefined;
          return () => bridge.fail(new Error(`not emulated: ${className}.${prop}`));
        }
        const member = (t as unknown as Record<string, unknown>)[prop];
        if (typeof member !== 'function') return bridge.toSandbox(member);
        return (...args: unknown[]) => {
          const hostArgs = args.map((a) => bridge.toHost(a));
          let result: unknown;
          try {
            bridge.hooks?._beforeCall(className, prop);
            result = (member as (...a: unknown[]) => unknown).apply(t, hostArgs);
          } catch (e) {
            bridge.ledger.record(`${className}.${prop}`);
            return bridge.fail(e);
          }
          bridge.ledger.record(`${className}.${prop}`, cellsIn(result) || cellsIn(hostArgs[0]));
          try { bridge.hooks?._afterCall(className, prop); } catch (e) { return bridge.fail(e); }
          return bridge.toSandbox(result);
        };
      },
      set() {
        return false;
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy as T;
  }

  /** Rethrows a host error as a sandbox error with the same message. */
  fail(e: unknown): never {
    const message = String((e as Error)?.message ?? e);
    if (this.realm) throw this.realm.makeError(message, (e as Error)?.name === 'Exception' ? 'Exception' : 'Error');
    throw e;
  }

  toSandbox(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof GasObject) return this.expose(v);
    const realm = this.realm;
    if (!realm) return v;
    if (isDate(v)) return realm.makeDate(v.getTime());
    if (Array.isArray(v)) {
      const out = realm.makeArray();
      for (let i = 0; i < v.length; i++) out.push(this.toSandbox(v[i]));
      return out;
    }
    if (this.targets.has(v)) return v;
    const out = realm.makeObject();
    for (const [k, val] of Object.entries(v)) out[k] = this.toSandbox(val);
    return out;
  }

  toHost(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    const target = this.targets.get(v);
    if (target) return target;
    if (isDate(v)) return new Date(v.getTime());
    if (Object.prototype.toString.call(v) === '[object Error]') {
      // A sandbox Error keeps its message and name (its own enumerable keys are none).
      const err = v as Error;
      const copy = new Error(String(err.message));
      copy.name = String(err.name);
      return copy;
    }
    if (Array.isArray(v)) return v.map((x) => this.toHost(x));
    if (v instanceof GasObject) return v;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) out[k] = this.toHost(val);
    return out;
  }
}
