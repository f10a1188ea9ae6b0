/**
 * Scenario files (DESIGN §12, §12.1): types, parsing and validation. A bad file gets an error
 * naming the event index and the field, before anything runs. Each event kind validates its own
 * body (scripts/sim/events/); this file checks what every event shares (`at`, `by`, `during`)
 * and the top-level fields.
 */
import { readFileSync } from 'node:fs';
import type { CitizenEvent } from './citizen';
import { ChannelFault, ChannelsConfig, PostEvent, TriageEvent, validateChannels } from './channels';
import { EVENT_KINDS, kindOf } from './events';
import { Body, ScenarioError, email, fail, instant, int, only, runName, str } from './validate';
import { callName } from './events/faults';

export { ScenarioError } from './validate';

export interface ScenarioUnit {
  name: string;
  kind?: string;
  pics: string[];
  head?: string;
  keywords?: string[];
  active?: boolean;
}

export interface SubmitEvent {
  receivedAt: string;
  channel: string;
  reporter: string;
  postUrl?: string;
  text: string;
  category?: string;
  unit?: string;
  initialResponse?: string;
}

/** A user event delivered in the middle of the next execution of `run`, right after the nth call of `after`. */
export interface During {
  run: string;
  after: string;
  nth: number;
}

type ByUser = { at: string; by: string; during?: During };

export type FaultSpec =
  | { kind: 'wipeProperties' }
  | { kind: 'outage'; method: string; until: string; message?: string }
  | { kind: 'kill'; run: string; after: string; nth: number }
  | { kind: 'holdLock'; seconds: number }
  | { kind: 'skipTriggers'; until: string };

export type ScenarioEvent =
  | (ByUser & { submit: SubmitEvent })
  | (ByUser & { update: { ref: number | string; status?: string; followUp?: string; note?: string } })
  | (ByUser & { answer: { ref: number | string; reply: string; replyUrl?: string; postReply?: boolean } })
  | (ByUser & { reassign: { ref: number | string; unit: string } })
  | (ByUser & { close: { ref: number | string; reason: string } })
  | (ByUser & { edit: { tab: string; range: string; values: (string | number | boolean | null)[][] } })
  | (ByUser & { sort: { tab: string; range: string; column: string; descending?: boolean } })
  | (ByUser & { deleteRows: { tab: string; row: number; count?: number } })
  | (ByUser & { insertRows: { tab: string; row: number; count?: number } })
  | (ByUser & { renameTab: { tab: string; to: string } })
  | (ByUser & { clearTab: { tab: string } })
  | { at: string; fault: FaultSpec }
  | { at: string; run: string }
  | CitizenEvent
  | { at: string; post: PostEvent }
  | (ByUser & { triage: TriageEvent })
  | { at: string; fault: ChannelFault };

export interface Scenario {
  name?: string;
  start: string;
  end: string;
  /** The spreadsheet's owner (default `operator@` the admins' domain). */
  operator?: string;
  /** The operator account's time zone (default Asia/Jakarta). */
  accountTimeZone?: string;
  settings?: Record<string, string | number>;
  units?: ScenarioUnit[];
  admins?: string[];
  leaders?: string[];
  holidays?: { date: string; name: string; kind?: string }[];
  mailQuota?: number;
  /** Channel credentials, entered by the operator at the start (DESIGN §14); a channel left out is off. */
  channels?: ChannelsConfig;
  events: ScenarioEvent[];
}

const KEYS = EVENT_KINDS.map((k) => k.key);

function validateDuring(e: Body, where: string): void {
  const d = e.during;
  if (d === undefined) return;
  if (!d || typeof d !== 'object' || Array.isArray(d))
    fail(`${where}.during`, 'harus berupa objek { run, after, nth }');
  const b = d as Body;
  only(b, ['run', 'after', 'nth'], `${where}.during`);
  runName(b, 'run', `${where}.during`);
  callName(b, 'after', `${where}.during`);
  int(b, 'nth', `${where}.during`, 1);
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function parseScenario(text: string, file = 'scenario'): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(`${file}: bukan JSON yang sah: ${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(file, 'harus berupa objek JSON');
  const s = raw as Record<string, unknown>;
  const start = instant(s, 'start', file);
  const end = instant(s, 'end', file);
  if (Date.parse(end) <= Date.parse(start)) fail(`${file}.end`, 'harus sesudah start');
  if (!Array.isArray(s.events)) fail(`${file}.events`, 'harus berupa daftar');
  if (s.operator !== undefined) email(str(s, 'operator', file)!, `${file}.operator`);
  if (s.channels !== undefined) validateChannels(s.channels, `${file}.channels`);
  if (s.accountTimeZone !== undefined && !validTimeZone(str(s, 'accountTimeZone', file)!)) {
    fail(`${file}.accountTimeZone`, `"${String(s.accountTimeZone)}" bukan zona waktu IANA (mis. Asia/Jakarta)`);
  }
  const state = { submissions: 0 };
  let previous = Date.parse(start);
  (s.events as unknown[]).forEach((ev, i) => {
    const where = `events[${i}]`;
    if (!ev || typeof ev !== 'object' || Array.isArray(ev)) fail(where, 'harus berupa objek');
    const e = ev as Body;
    const at = Date.parse(instant(e, 'at', where));
    if (at < previous) fail(`${where}.at`, 'peristiwa harus urut waktu (tidak boleh mundur)');
    if (at > Date.parse(end)) fail(`${where}.at`, 'sesudah end skenario');
    previous = at;
    const keys = KEYS.filter((k) => k in e);
    if (keys.length !== 1) fail(where, `harus punya tepat satu dari: ${KEYS.join(', ')}`);
    const kind = kindOf(keys[0])!;
    if (kind.byUser) {
      email(str(e, 'by', where)!, `${where}.by`);
      validateDuring(e, where);
    } else {
      if (e.by !== undefined) fail(`${where}.by`, `peristiwa ${kind.key} tidak dilakukan oleh seseorang`);
      if (e.during !== undefined) fail(`${where}.during`, 'hanya untuk tindakan pengguna');
    }
    // A misspelt field is an error; `comment` and `_…` keys are the author's notes.
    for (const k of Object.keys(e)) {
      if (!['at', 'by', 'during', 'comment', kind.key].includes(k) && !k.startsWith('_'))
        fail(`${where}.${k}`, 'kolom tidak dikenal');
    }
    if (kind.scalar) {
      kind.validate(e, where, state);
      return;
    }
    const body = e[kind.key];
    if (!body || typeof body !== 'object' || Array.isArray(body)) fail(`${where}.${kind.key}`, 'harus berupa objek');
    kind.validate(body as Body, `${where}.${kind.key}`, state);
  });
  if (s.units !== undefined) {
    if (!Array.isArray(s.units) || !s.units.length) fail(`${file}.units`, 'harus daftar unit yang tidak kosong');
    (s.units as unknown[]).forEach((u, i) => {
      const w = `units[${i}]`;
      if (!u || typeof u !== 'object') fail(w, 'harus berupa objek');
      str(u as Record<string, unknown>, 'name', w);
      if (!Array.isArray((u as Record<string, unknown>).pics)) fail(`${w}.pics`, 'harus daftar email');
    });
  }
  for (const key of ['admins', 'leaders'] as const) {
    if (s[key] !== undefined && (!Array.isArray(s[key]) || !(s[key] as unknown[]).every((x) => typeof x === 'string')))
      fail(`${file}.${key}`, 'harus daftar email');
  }
  if (s.holidays !== undefined) {
    if (!Array.isArray(s.holidays)) fail(`${file}.holidays`, 'harus daftar');
    (s.holidays as unknown[]).forEach((h, i) => {
      const d = (h as Record<string, unknown>)?.date;
      if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d))
        fail(`holidays[${i}].date`, 'harus tanggal yyyy-MM-dd');
    });
  }
  if (s.mailQuota !== undefined && !(typeof s.mailQuota === 'number' && s.mailQuota >= 0))
    fail(`${file}.mailQuota`, 'harus angka ≥ 0');
  return s as unknown as Scenario;
}

export function loadScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScenarioError(`berkas skenario ${path} tidak dapat dibaca: ${(e as Error).message}`);
  }
  return parseScenario(text, path);
}
