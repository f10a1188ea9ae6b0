/**
 * What exists on Google's Apps Script, as the type definitions declare it (emulator/surface.json,
 * generated from @types/google-apps-script and src/types/gas-augment.d.ts by
 * `npm run coverage:runtime`). The bridge asks it two questions:
 *
 * - does `Class.member` exist? A member the runtime lacks is `undefined` to scripts when Google
 *   has no such member either, and throws `not emulated: Class.member` when called if Google has it;
 * - do these arguments match one of the method's overloads? If not, the call fails with Google's
 *   "The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.copyTo."
 *
 * The check is deliberately lenient where Apps Script converts (a number or boolean is accepted
 * for a string parameter, `null` for anything, enum parameters take our string enums, unknown
 * types accept anything); it rejects what Apps Script cannot convert: a string or an object where
 * a number, boolean, Date or array is declared, a primitive where a class is declared, an object
 * of another class, and too many or too few arguments.
 */
import SURFACE_JSON from './surface.json';
import { GasObject } from './gas-object';

export interface SurfaceParam {
  type: string;
  optional?: boolean;
  rest?: boolean;
}

export interface SurfaceMember {
  kind: 'method' | 'property';
  overloads?: SurfaceParam[][];
  deprecated?: boolean;
}

export interface SurfaceClass {
  members: Record<string, SurfaceMember>;
  extends?: string[];
}

export interface Surface {
  classes: Record<string, SurfaceClass>;
  enums: Record<string, string[]>;
  /** Emulated class name (`_className`) → "Namespace.Interface", from the service registry. */
  byClassName?: Record<string, string>;
  /** "Namespace" → the service name Google's messages use ("Spreadsheet" → "SpreadsheetApp"). */
  messagePrefix?: Record<string, string>;
}

export const SURFACE = SURFACE_JSON as unknown as Surface;

/** The declared class behind an emulated class name, or null when the types do not describe it. */
export function declaredClass(className: string): { key: string; cls: SurfaceClass } | null {
  const key = SURFACE.byClassName?.[className];
  const cls = key ? SURFACE.classes[key] : undefined;
  return key && cls ? { key, cls } : null;
}

const memberCache = new Map<string, Map<string, SurfaceMember | null>>();

/** A member of a declared class or of the interfaces it extends. */
export function declaredMember(className: string, member: string): SurfaceMember | null {
  let byMember = memberCache.get(className);
  if (!byMember) memberCache.set(className, (byMember = new Map<string, SurfaceMember | null>()));
  const cached = byMember.get(member);
  if (cached !== undefined) return cached;
  const found = lookupMember(className, member);
  byMember.set(member, found);
  return found;
}

function lookupMember(className: string, member: string): SurfaceMember | null {
  const found = declaredClass(className);
  if (!found) return null;
  const ns = found.key.split('.')[0];
  const seen = new Set<string>();
  const look = (key: string): SurfaceMember | null => {
    if (seen.has(key)) return null;
    seen.add(key);
    const cls = SURFACE.classes[key];
    if (!cls) return null;
    if (Object.prototype.hasOwnProperty.call(cls.members, member)) return cls.members[member];
    for (const parent of cls.extends ?? []) {
      const hit = look(`${ns}.${parent}`) ?? look(`Base.${parent}`);
      if (hit) return hit;
    }
    return null;
  };
  return look(found.key);
}

/**
 * The enum a declared property of a class stands for (`SpreadsheetApp.SortOrder`,
 * `FormApp.PageNavigationType`): its value names, from the class's namespace or Base.
 */
export function declaredEnumProperty(className: string, member: string): string[] | null {
  const found = declaredClass(className);
  if (!found || declaredMember(className, member)?.kind !== 'property') return null;
  const ns = found.key.split('.')[0];
  return SURFACE.enums[`${ns}.${member}`] ?? SURFACE.enums[`Base.${member}`] ?? null;
}

/** Enum values declared for "Namespace.Enum" (e.g. "Spreadsheet.SortOrder"). */
export function declaredEnum(key: string): string[] | null {
  return SURFACE.enums[key] ?? null;
}

const ENUM_NAMES = new Set(Object.keys(SURFACE.enums).map((k) => k.slice(k.indexOf('.') + 1)));
const CLASS_NAMES = new Set(Object.keys(SURFACE.classes).map((k) => k.slice(k.indexOf('.') + 1)));

function isEnumType(name: string): boolean {
  return ENUM_NAMES.has(name);
}

function isClassType(name: string): boolean {
  return CLASS_NAMES.has(name);
}

/** Interfaces with only properties are option bags scripts pass as plain objects. */
const OPTIONS_NAMES = new Set(
  Object.entries(SURFACE.classes)
    .filter(([, c]) => Object.values(c.members).every((m) => m.kind === 'property'))
    .map(([k]) => k.slice(k.indexOf('.') + 1)),
);

function isOptionsType(name: string): boolean {
  return OPTIONS_NAMES.has(name);
}

const PRIMITIVE = new Set(['string', 'number', 'boolean', 'Date', 'any']);

const ALTERNATIVES = new Map<string, string[]>();

function matches(type: string, v: unknown, classOf: (v: unknown) => string | null): boolean {
  if (v === null || v === undefined) return true;
  let alts = ALTERNATIVES.get(type);
  if (!alts) ALTERNATIVES.set(type, (alts = type.split('|')));
  if (alts.length === 1 && alts[0] === 'any') return true;
  for (const alt of alts) {
    if (alt.endsWith('[]')) {
      if (Array.isArray(v)) return true;
      continue;
    }
    if (alt === 'any') return true;
    if (alt === 'string') {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return true;
      continue;
    }
    if (alt === 'number') {
      if (typeof v === 'number') return true;
      continue;
    }
    if (alt === 'boolean') {
      if (typeof v === 'boolean') return true;
      continue;
    }
    if (alt === 'Date') {
      if (Object.prototype.toString.call(v) === '[object Date]') return true;
      continue;
    }
    if (isEnumType(alt)) {
      if (typeof v === 'string' || typeof v === 'number' || (typeof v === 'object' && classOf(v) === null)) return true;
      continue;
    }
    if (isClassType(alt) && !PRIMITIVE.has(alt)) {
      const cls = classOf(v);
      // A class parameter takes an emulated object of that class (or one implementing it); an
      // options interface (only properties, e.g. MailAdvancedParameters) takes a plain object.
      if (cls === alt || (cls !== null && declaresAncestor(cls, alt))) return true;
      if (cls === null && typeof v === 'object' && !Array.isArray(v) && isOptionsType(alt)) return true;
      continue;
    }
    return true; // a type the surface does not know: accept
  }
  return false;
}

function declaresAncestor(className: string, ancestor: string): boolean {
  const found = declaredClass(className);
  if (!found) return true; // an emulated class the types do not describe: do not judge
  const seen = new Set<string>();
  const ns = found.key.split('.')[0];
  const walk = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    const cls = SURFACE.classes[key];
    if (!cls) return false;
    for (const p of cls.extends ?? []) if (p === ancestor || walk(`${ns}.${p}`) || walk(`Base.${p}`)) return true;
    return false;
  };
  return walk(found.key);
}

function fits(overload: SurfaceParam[], args: unknown[], classOf: (v: unknown) => string | null): boolean {
  const last = overload.length > 0 ? overload[overload.length - 1] : null;
  const rest = last && last.rest ? last : null;
  const fixedCount = rest ? overload.length - 1 : overload.length;
  let required = 0;
  for (let i = 0; i < fixedCount; i++) if (!overload[i].optional) required++;
  if (args.length < required) return false;
  if (!rest && args.length > fixedCount) return false;
  for (let i = 0; i < args.length; i++) {
    const p = i < fixedCount ? overload[i] : rest;
    if (!p) return false;
    const type = p.rest && p.type.endsWith('[]') ? p.type.slice(0, -2) : p.type;
    if (!matches(type, args[i], classOf)) return false;
  }
  return true;
}

/** Google's name for a value's type in "The parameters (…)" messages. */
export function gasTypeName(v: unknown, classOf: (v: unknown) => string | null = () => null): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return v.length > 0 && Array.isArray(v[0]) ? 'Object[][]' : 'Object[]';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  const cls = classOf(v);
  if (cls) {
    const found = declaredClass(cls);
    const ns = found ? found.key.split('.')[0] : '';
    return `${SURFACE.messagePrefix?.[ns] ?? ns}.${cls}`;
  }
  return 'Object';
}

/**
 * Checks a call's arguments (already on the host side) against the declared overloads; returns
 * Google's message when none fits, null when one does or nothing is declared.
 */
const classOfHost = (v: unknown): string | null => (v instanceof GasObject ? v._className : null);

export function signatureMismatch(className: string, member: string, args: unknown[]): string | null {
  const declared = declaredMember(className, member);
  const overloads = declared?.overloads;
  if (!overloads || overloads.length === 0) return null;
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--; // trailing undefined = omitted
  const trimmed = n === args.length ? args : args.slice(0, n);
  for (let i = 0; i < overloads.length; i++) if (fits(overloads[i], trimmed, classOfHost)) return null;
  return parameterMessage(className, member, trimmed);
}

/** "The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.copyTo." */
export function parameterMessage(className: string, member: string, args: unknown[]): string {
  const classOf = (v: unknown): string | null => (v instanceof GasObject ? v._className : null);
  const found = declaredClass(className);
  const ns = found ? found.key.split('.')[0] : '';
  const prefix = SURFACE.messagePrefix?.[ns] ?? ns;
  return `The parameters (${args.map((a) => gasTypeName(a, classOf)).join(',')}) don't match the method signature for ${prefix ? `${prefix}.` : ''}${className}.${member}.`;
}
