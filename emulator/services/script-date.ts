/**
 * The sandbox's own `Date` and `Math.random`, installed by the runtime inside the `vm` context.
 *
 * Apps Script's V8 runs the script with its project time zone as the local zone, and the emulator
 * has a virtual clock. So inside the sandbox:
 * - `new Date()` / `Date.now()` / `Date()` read the virtual clock;
 * - local-time methods (getHours, setDate, `new Date(y, m, d)`, toString, toLocale*String, and
 *   Intl.DateTimeFormat's default zone) use the script's time zone, whatever the host's TZ is;
 * - `Date.prototype` stays the sandbox's own, so `instanceof Date` holds for every date.
 * - `Math.random` draws from the seeded generator, so runs replay identically.
 *
 * The code is evaluated inside the context (it must build the sandbox's objects) and receives
 * the host's clock, offset and random functions through one closure; nothing else leaks in.
 */

export interface SandboxHooks {
  now(): number;
  /** Offset of the script time zone from UTC at instant `ms`, in minutes (Asia/Jakarta: 420). */
  offsetMinutes(ms: number): number;
  /** Java-like zone label for Date#toString, e.g. "GMT+0700 (Western Indonesia Time)". */
  zoneLabel(ms: number): string;
  timeZone: string;
  random(): number;
}

export interface SandboxInstall {
  makeDate(ms: number): Date;
  makeError(message: string, name: string): Error;
  makeArray(): unknown[];
  makeObject(): Record<string, unknown>;
  /** A sandbox-side view of a logging service (console, Logger) that renders Error arguments. */
  wrapLogging(target: object): object;
}

/** Evaluated in the context; returns the realm functions the bridge needs. */
export const SANDBOX_PRELUDE = String.raw`(function (hooks) {
  'use strict';
  const RealDate = Date;
  const proto = RealDate.prototype;
  const utc = {
    getFullYear: proto.getUTCFullYear, getMonth: proto.getUTCMonth, getDate: proto.getUTCDate,
    getDay: proto.getUTCDay, getHours: proto.getUTCHours, getMinutes: proto.getUTCMinutes,
    getSeconds: proto.getUTCSeconds, getMilliseconds: proto.getUTCMilliseconds,
  };
  const setters = {
    setFullYear: proto.setUTCFullYear, setMonth: proto.setUTCMonth, setDate: proto.setUTCDate,
    setHours: proto.setUTCHours, setMinutes: proto.setUTCMinutes, setSeconds: proto.setUTCSeconds,
    setMilliseconds: proto.setUTCMilliseconds,
  };
  const hostLocal = {
    getFullYear: proto.getFullYear, getMonth: proto.getMonth, getDate: proto.getDate, getHours: proto.getHours,
    getMinutes: proto.getMinutes, getSeconds: proto.getSeconds, getMilliseconds: proto.getMilliseconds,
  };
  const getTime = proto.getTime;
  const setTime = proto.setTime;
  const offsetMs = (ms) => hooks.offsetMinutes(ms) * 60000;
  const toUtc = (wall) => { const first = wall - offsetMs(wall); return wall - offsetMs(first); };
  const wallDate = (d) => { const t = getTime.call(d); return new RealDate(t + offsetMs(t)); };
  const LOCAL_STRING = /^(?!\d{4}(-\d{2}(-\d{2})?)?$)(?!.*(Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*(\(.*\))?$)/i;

  function VirtualDate(...args) {
    if (!new.target) return new VirtualDate().toString();
    if (args.length === 0) return Reflect.construct(RealDate, [hooks.now()], new.target);
    if (args.length === 1) {
      const a = args[0];
      if (typeof a === 'string') return Reflect.construct(RealDate, [VirtualDate.parse(a)], new.target);
      return Reflect.construct(RealDate, [a instanceof RealDate ? getTime.call(a) : a], new.target);
    }
    const wall = RealDate.UTC(...args);
    return Reflect.construct(RealDate, [Number.isNaN(wall) ? NaN : toUtc(wall)], new.target);
  }
  VirtualDate.prototype = proto;
  Object.defineProperty(VirtualDate, 'name', { value: 'Date' });
  Object.defineProperty(VirtualDate, 'length', { value: 7 });
  VirtualDate.now = () => hooks.now();
  VirtualDate.UTC = RealDate.UTC;
  VirtualDate.parse = (s) => {
    const text = String(s).trim();
    const parsed = RealDate.parse(text);
    if (Number.isNaN(parsed) || !LOCAL_STRING.test(text)) return parsed;
    // A string without a zone is local time: re-read its wall-clock fields in the script's zone.
    const h = new RealDate(parsed);
    const field = (name) => hostLocal[name].call(h);
    return toUtc(RealDate.UTC(field('getFullYear'), field('getMonth'), field('getDate'), field('getHours'), field('getMinutes'), field('getSeconds'), field('getMilliseconds')));
  };
  Object.defineProperty(proto, 'constructor', { value: VirtualDate, writable: true, configurable: true });

  for (const [name, getter] of Object.entries(utc)) {
    Object.defineProperty(proto, name, { value: function () { return getter.call(wallDate(this)); }, writable: true, configurable: true });
  }
  Object.defineProperty(proto, 'getYear', { value: function () { return this.getFullYear() - 1900; }, writable: true, configurable: true });
  Object.defineProperty(proto, 'getTimezoneOffset', { value: function () { return -hooks.offsetMinutes(getTime.call(this)); }, writable: true, configurable: true });
  for (const [name, setter] of Object.entries(setters)) {
    Object.defineProperty(proto, name, {
      value: function (...args) {
        const wall = wallDate(this);
        const t = setter.apply(wall, args);
        return setTime.call(this, Number.isNaN(t) ? NaN : toUtc(t));
      },
      writable: true, configurable: true,
    });
  }
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const dateString = (d) => DAYS[d.getDay()] + ' ' + MONTHS[d.getMonth()] + ' ' + pad(d.getDate()) + ' ' + pad(d.getFullYear(), 4);
  const timeString = (d) => pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + ' ' + hooks.zoneLabel(getTime.call(d));
  const valid = (d) => !Number.isNaN(getTime.call(d));
  Object.defineProperty(proto, 'toString', { value: function () { return valid(this) ? dateString(this) + ' ' + timeString(this) : 'Invalid Date'; }, writable: true, configurable: true });
  Object.defineProperty(proto, 'toDateString', { value: function () { return valid(this) ? dateString(this) : 'Invalid Date'; }, writable: true, configurable: true });
  Object.defineProperty(proto, 'toTimeString', { value: function () { return valid(this) ? timeString(this) : 'Invalid Date'; }, writable: true, configurable: true });
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    const original = proto[name];
    Object.defineProperty(proto, name, {
      value: function (locales, options) { return original.call(this, locales, Object.assign({ timeZone: hooks.timeZone }, options)); },
      writable: true, configurable: true,
    });
  }
  const RealDateTimeFormat = Intl.DateTimeFormat;
  function DateTimeFormat(locales, options) {
    return new RealDateTimeFormat(locales, Object.assign({ timeZone: hooks.timeZone }, options));
  }
  DateTimeFormat.prototype = RealDateTimeFormat.prototype;
  DateTimeFormat.supportedLocalesOf = RealDateTimeFormat.supportedLocalesOf;
  Object.defineProperty(Intl, 'DateTimeFormat', { value: DateTimeFormat, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: VirtualDate, writable: true, configurable: true });
  Object.defineProperty(Math, 'random', { value: () => hooks.random(), writable: true, configurable: true });

  // Errors lose their message when copied to the host, so logging calls render them here first.
  const shown = (v) => (v instanceof Error ? String(v.stack || v) : v);
  const wrapLogging = (target) => new Proxy({}, {
    get(_, prop) {
      const member = target[prop];
      return typeof member === 'function' ? (...args) => member(...args.map(shown)) : member;
    },
  });

  return {
    wrapLogging,
    makeDate: (ms) => new RealDate(ms),
    makeError: (message, name) => { const e = new Error(message); if (name !== 'Error') e.name = name; return e; },
    makeArray: () => [],
    makeObject: () => ({}),
  };
})`;
