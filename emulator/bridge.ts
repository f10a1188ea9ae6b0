/**
 * The boundary between the host (Node, where the emulated services live) and the sandbox (the
 * `vm` context running dist/Code.js).
 *
 * - Emulated objects cross as Proxies: each call is counted in the call ledger as
 *   `Class.method`, host errors are rethrown as the sandbox's own `Error` (so `instanceof Error`
 *   and `e.message` behave as in Apps Script). Scripts see the members Google declares
 *   (emulator/surface.json, from the type definitions and src/types/gas-augment.d.ts): a member
 *   Google does not have is `undefined`, one Google has that the runtime lacks throws
 *   `not emulated: Class.method` when called, and arguments are checked against the declared
 *   overloads before the method runs (Google's "The parameters (…) don't match …").
 * - Values cross by copy into the receiving realm: arrays, `Date`s and plain objects are rebuilt
 *   with the sandbox's constructors, so `getValues()` really returns fresh arrays of the
 *   sandbox's `Date`s, as Apps Script returns fresh arrays on every call.
 */
import { GasError } from './errors';
import { GasObject } from './gas-object';
import { CallLedger } from './ledger';
import { declaredClass, declaredEnumProperty, declaredMember, parameterMessage, signatureMismatch } from './surface';

export interface SandboxRealm {
  makeDate(ms: number): Date;
  makeError(message: string, name: string): Error;
  makeArray(): unknown[];
  makeObject(): Record<string, unknown>;
}

/** Members that JS machinery probes on any object; answering undefined is what a real object does. */
const PROBED = new Set([
  'then',
  'toJSON',
  'inspect',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'length',
]);

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
    // The proxy's traps are methods of the handler, where `this` is the handler, not the bridge.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const bridge = this;
    const proxy = new Proxy(target, {
      get(t, prop) {
        if (typeof prop === 'symbol') return undefined;
        const className = t._className;
        if (prop === 'toString') return () => t.toString(); // per class, as Google: User → email, Range → "Range"
        if (prop.startsWith('_') || !(prop in t)) return bridge.missing(className, prop);
        // Host helpers and state that Google's class does not declare stay invisible.
        if (declaredClass(className) && !declaredMember(className, prop)) return undefined;
        const member = (t as unknown as Record<string, unknown>)[prop];
        if (typeof member !== 'function') return bridge.toSandbox(member);
        return (...args: unknown[]) => {
          const hostArgs = args.map((a) => bridge.toHost(a));
          let result: unknown;
          try {
            bridge.hooks?._beforeCall(className, prop);
            const mismatch = signatureMismatch(className, prop, hostArgs);
            if (mismatch) throw new GasError(mismatch);
            result = (member as (...a: unknown[]) => unknown).apply(t, hostArgs);
          } catch (e) {
            bridge.ledger.record(`${className}.${prop}`);
            // An internal TypeError (a host method fed a value it cannot use) is, on Google, a
            // signature mismatch: Apps Script checks argument types before the method runs.
            if (e instanceof TypeError) return bridge.fail(new GasError(parameterMessage(className, prop, hostArgs)));
            return bridge.fail(e);
          }
          bridge.ledger.record(`${className}.${prop}`, cellsIn(result) || cellsIn(hostArgs[0]));
          try {
            bridge.hooks?._afterCall(className, prop);
          } catch (e) {
            return bridge.fail(e);
          }
          return bridge.toSandbox(result);
        };
      },
      set() {
        return false;
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  /**
   * What a script reads for a member the runtime lacks: `undefined` when Google has no such member
   * (so feature detection works as there), a function throwing `not emulated: Class.member` when
   * Google has the method, and a throw on read for a property Google has (an enum we lack).
   * Classes the type definitions do not describe keep the loud default.
   */
  missing(className: string, prop: string): unknown {
    if (prop.startsWith('_') || PROBED.has(prop)) return undefined;
    const known = declaredClass(className);
    const member = known ? declaredMember(className, prop) : null;
    if (known && !member) return undefined;
    if (member?.kind === 'property') {
      // An enum the service does not define itself comes from the type definitions, as Google
      // names them: every value is its own name (String(SpreadsheetApp.SortOrder.ASCENDING)).
      const values = declaredEnumProperty(className, prop);
      if (values) return this.toSandbox(Object.fromEntries(values.map((v) => [v, v])));
      return this.fail(new GasError(`not emulated: ${className}.${prop}`));
    }
    return () => this.fail(new GasError(`not emulated: ${className}.${prop}`));
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
