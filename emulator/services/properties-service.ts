/**
 * PropertiesService (https://developers.google.com/apps-script/reference/properties/properties-service)
 * with the limits of https://developers.google.com/apps-script/guides/services/quotas#current_limitations:
 * "Properties value size 9 KB / val" and "Properties total storage 500 KB / property store".
 *
 * Values are stored as strings (Properties converts what it is given). Sizes are UTF-8 bytes;
 * the store's size counts keys and values, as the stored data does.
 */
import { GasEnv } from '../env';
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import type { ServiceModule } from '../service-module';

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class PropertyStore {
  readonly values = new Map<string, string>();

  size(): number {
    let n = 0;
    for (const [k, v] of this.values) n += bytes(k) + bytes(v);
    return n;
  }
}

export class Properties extends GasObject {
  readonly _className = 'Properties';

  constructor(private readonly store: PropertyStore) {
    super();
  }

  getProperty(key: string): string | null {
    return this.store.values.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store.values);
  }

  getKeys(): string[] {
    return [...this.store.values.keys()];
  }

  setProperty(key: string, value: unknown): Properties {
    this.write({ [String(key)]: value }, false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    this.write(properties, Boolean(deleteAllOthers));
    return this;
  }

  deleteProperty(key: string): Properties {
    this.store.values.delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.store.values.clear();
    return this;
  }

  /** All or nothing: a write that would break a limit leaves the store as it was. */
  private write(properties: Record<string, unknown>, deleteAllOthers: boolean): void {
    if (properties === null || typeof properties !== 'object') throw new GasError('Invalid argument: properties');
    const next = new Map(deleteAllOthers ? [] : this.store.values);
    for (const [k, raw] of Object.entries(properties)) {
      const value = String(raw);
      if (bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw new GasError('Argument too large: value');
      next.set(k, value);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_MAX_BYTES) {
      throw new GasError('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.store.values.clear();
    for (const [k, v] of next) this.store.values.set(k, v);
  }
}

export class PropertiesService extends GasObject {
  readonly _className = 'PropertiesService';
  readonly _script = new PropertyStore();
  readonly _document = new PropertyStore();
  readonly _users = new Map<string, PropertyStore>();

  constructor(private readonly env: GasEnv) {
    super();
  }

  getScriptProperties(): Properties {
    return new Properties(this._script);
  }

  /** The script is bound to a spreadsheet, so the document store exists. */
  getDocumentProperties(): Properties {
    return new Properties(this._document);
  }

  /** "only the current user can access": keyed by the user the script runs as. */
  getUserProperties(): Properties {
    return new Properties(this._userStore(this.env.execution?.effectiveUser ?? this.env.owner));
  }

  _userStore(user: string): PropertyStore {
    const key = user.toLowerCase();
    let store = this._users.get(key);
    if (!store) this._users.set(key, (store = new PropertyStore()));
    return store;
  }
}

/** The PropertiesService module (emulator/registry.ts lists it). */
export const PROPERTIES_SERVICE: ServiceModule = {
  global: 'PropertiesService',
  messagePrefix: 'PropertiesService',
  namespaces: ['Properties'],
  create: (ctx) => new PropertiesService(ctx.env),
  samples: (ctx) => [new PropertiesService(ctx.env), new PropertiesService(ctx.env).getScriptProperties()],
  notApplicable: {
    ScriptProperties: 'deprecated (PropertiesService.getScriptProperties replaces it)',
    UserProperties: 'deprecated (PropertiesService.getUserProperties replaces it)',
  },
  costs: [
    {
      match: /^Properties\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/,
      ms: 60,
      source: 'ziritione',
    },
    { match: /^Properties\.(getProperty|getProperties|getKeys)$/, ms: 30, source: 'ziritione' },
  ],
};
