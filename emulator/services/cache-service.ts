/**
 * CacheService (https://developers.google.com/apps-script/reference/cache/cache), expiring on the
 * virtual clock. Documented: put's default expiration is 600 seconds (10 minutes) and the maximum
 * 21600 seconds (6 hours); "The maximum length of a key is 250 characters. The maximum amount of
 * data that can be stored per key is 100KB." Real caches may evict early ("not guaranteed to
 * persist until expiration"); this one keeps entries until they expire, so runs are repeatable.
 */
import { GasEnv } from '../env';
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import type { ServiceModule } from '../service-module';

export const CACHE_DEFAULT_EXPIRATION_S = 600;
export const CACHE_MAX_EXPIRATION_S = 21600;
export const CACHE_MAX_KEY_LENGTH = 250;
export const CACHE_MAX_VALUE_BYTES = 100 * 1024;
/** putAll/getAll/removeAll take at most this many keys at once. */
export const CACHE_MAX_BATCH = 1000;

interface Entry {
  value: string;
  expiresAt: number;
}

export class CacheStore {
  readonly entries = new Map<string, Entry>();
}

export class Cache extends GasObject {
  readonly _className = 'Cache';

  constructor(
    private readonly store: CacheStore,
    private readonly env: GasEnv,
  ) {
    super();
  }

  get(key: string): string | null {
    const k = checkKey(key);
    const entry = this.store.entries.get(k);
    if (!entry) return null;
    if (entry.expiresAt <= this.env.clock.now()) {
      this.store.entries.delete(k);
      return null;
    }
    return entry.value;
  }

  getAll(keys: string[]): Record<string, string> {
    checkBatch(keys);
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) out[String(key)] = value;
    }
    return out;
  }

  /** Returns null, as Google's does (gas-fakes notes/oddities.md), though documented as void. */
  put(key: string, value: unknown, expirationInSeconds?: number): null {
    const k = checkKey(key);
    const v = checkValue(value);
    this.store.entries.set(k, { value: v, expiresAt: this.env.clock.now() + expirationMs(expirationInSeconds) });
    return null;
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    const entries = Object.entries(values ?? {});
    checkBatch(entries.map(([k]) => k));
    const ms = expirationMs(expirationInSeconds);
    const checked = entries.map(([k, v]) => [checkKey(k), checkValue(v)] as const);
    for (const [k, v] of checked) this.store.entries.set(k, { value: v, expiresAt: this.env.clock.now() + ms });
  }

  /** Returns null, as Google's does. */
  remove(key: string): null {
    this.store.entries.delete(checkKey(key));
    return null;
  }

  removeAll(keys: string[]): void {
    checkBatch(keys);
    for (const key of keys) this.store.entries.delete(checkKey(key));
  }
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined) throw new GasError('Invalid argument: key');
  const k = String(key);
  if (k.length > CACHE_MAX_KEY_LENGTH) throw new GasError('Argument too large: key');
  return k;
}

function checkValue(value: unknown): string {
  if (value === null || value === undefined) throw new GasError('Invalid argument: value');
  const v = String(value);
  if (Buffer.byteLength(v, 'utf8') > CACHE_MAX_VALUE_BYTES) throw new GasError('Argument too large: value');
  return v;
}

function checkBatch(keys: unknown): void {
  if (!Array.isArray(keys)) throw new GasError('Invalid argument: keys');
  if (keys.length > CACHE_MAX_BATCH) throw new GasError('Argument too large: keys');
}

function expirationMs(seconds: number | undefined): number {
  if (seconds === undefined || seconds === null) return CACHE_DEFAULT_EXPIRATION_S * 1000;
  const s = Number(seconds);
  if (!Number.isFinite(s) || s < 1) throw new GasError('Invalid argument: expirationInSeconds');
  return Math.min(Math.floor(s), CACHE_MAX_EXPIRATION_S) * 1000;
}

export class CacheService extends GasObject {
  readonly _className = 'CacheService';
  readonly _script = new CacheStore();
  readonly _document = new CacheStore();
  readonly _users = new Map<string, CacheStore>();

  constructor(private readonly env: GasEnv) {
    super();
  }

  getScriptCache(): Cache {
    return new Cache(this._script, this.env);
  }

  getDocumentCache(): Cache {
    return new Cache(this._document, this.env);
  }

  getUserCache(): Cache {
    const user = (this.env.execution?.effectiveUser ?? this.env.owner).toLowerCase();
    let store = this._users.get(user);
    if (!store) this._users.set(user, (store = new CacheStore()));
    return new Cache(store, this.env);
  }
}

/** The CacheService module (emulator/registry.ts lists it). */
export const CACHE_SERVICE: ServiceModule = {
  global: 'CacheService',
  messagePrefix: 'CacheService',
  namespaces: ['Cache'],
  create: (ctx) => new CacheService(ctx.env),
  samples: (ctx) => [new CacheService(ctx.env), new CacheService(ctx.env).getScriptCache()],
  costs: [
    { match: /^Cache\.(put|putAll|remove|removeAll)$/, ms: 90, source: 'ziritione' },
    { match: /^Cache\.(get|getAll)$/, ms: 3, source: 'ziritione' },
  ],
};
