/**
 * Scenario files (DESIGN §12): parsing and validation. A bad file gets an error naming the event
 * index and the field, before anything runs.
 */
import { readFileSync } from 'node:fs';
import { ChannelFault, ChannelsConfig, PostEvent, TriageEvent, channelValidators, validateChannels } from './channels'; // issue 15

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

export type ScenarioEvent =
  | { at: string; by: string; submit: SubmitEvent }
  | { at: string; by: string; update: { ref: number | string; status?: string; followUp?: string; note?: string } }
  | { at: string; by: string; answer: { ref: number | string; reply: string; replyUrl?: string; postReply?: boolean } }
  | { at: string; by: string; reassign: { ref: number | string; unit: string } }
  | { at: string; by: string; close: { ref: number | string; reason: string } }
  | { at: string; run: 'reconcile' | 'hourly' | 'daily' | 'summary' | 'dashboard' }
  // issue 15: channel capture (scripts/sim/channels.ts)
  | { at: string; post: PostEvent }
  | { at: string; by: string; triage: TriageEvent }
  | { at: string; fault: ChannelFault };

export interface Scenario {
  name?: string;
  start: string;
  end: string;
  settings?: Record<string, string | number>;
  units?: ScenarioUnit[];
  admins?: string[];
  leaders?: string[];
  holidays?: { date: string; name: string; kind?: string }[];
  mailQuota?: number;
  channels?: ChannelsConfig; // issue 15
  events: ScenarioEvent[];
}

export class ScenarioError extends Error {}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const KINDS = ['submit', 'update', 'answer', 'reassign', 'close', 'run', 'post', 'triage', 'fault'] as const;
const RUNS = ['reconcile', 'hourly', 'daily', 'summary', 'dashboard'];

function fail(where: string, message: string): never {
  throw new ScenarioError(`${where}: ${message}`);
}

function str(obj: Record<string, unknown>, key: string, where: string, required = true): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) fail(`${where}.${key}`, 'wajib diisi (required)');
    return undefined;
  }
  if (typeof v !== 'string') fail(`${where}.${key}`, `harus teks, bukan ${typeof v}`);
  return v;
}

function instant(obj: Record<string, unknown>, key: string, where: string): string {
  const v = str(obj, key, where)!;
  if (!ISO.test(v) || isNaN(Date.parse(v))) fail(`${where}.${key}`, `"${v}" bukan waktu ISO 8601 dengan zona (mis. 2026-03-16T09:10:00+07:00)`);
  return v;
}

function ref(obj: Record<string, unknown>, where: string): void {
  const v = obj.ref;
  if (!(typeof v === 'number' && Number.isInteger(v) && v >= 1) && !(typeof v === 'string' && /^ADU-\d{4}-\d{4,}$/.test(v))) {
    fail(`${where}.ref`, 'harus nomor urut kiriman (1, 2, …) atau nomor pengaduan ADU-YYYY-NNNN');
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
  let submissions = 0;
  const channel = channelValidators(); // issue 15
  let previous = Date.parse(start);
  (s.events as unknown[]).forEach((ev, i) => {
    const where = `events[${i}]`;
    if (!ev || typeof ev !== 'object') fail(where, 'harus berupa objek');
    const e = ev as Record<string, unknown>;
    const at = Date.parse(instant(e, 'at', where));
    if (at < previous) fail(`${where}.at`, 'peristiwa harus urut waktu (tidak boleh mundur)');
    if (at > Date.parse(end)) fail(`${where}.at`, 'sesudah end skenario');
    previous = at;
    const kinds = KINDS.filter((k) => k in e);
    if (kinds.length !== 1) fail(where, `harus punya tepat satu dari: ${KINDS.join(', ')}`);
    const kind = kinds[0];
    if (kind === 'run') {
      if (!RUNS.includes(String(e.run))) fail(`${where}.run`, `harus salah satu dari: ${RUNS.join(', ')}`);
      return;
    }
    // Issue 15: a post (by the public, no `by`) and a channel fault.
    if (kind === 'post' || kind === 'fault') {
      const b = e[kind];
      if (!b || typeof b !== 'object') fail(`${where}.${kind}`, 'harus berupa objek');
      channel[kind](b as Record<string, unknown>, `${where}.${kind}`);
      return;
    }
    const by = str(e, 'by', where)!;
    if (!/^[^\s@]+@[^\s@]+$/.test(by)) fail(`${where}.by`, `"${by}" bukan alamat email`);
    const body = e[kind];
    if (!body || typeof body !== 'object') fail(`${where}.${kind}`, 'harus berupa objek');
    const b = body as Record<string, unknown>;
    const w = `${where}.${kind}`;
    switch (kind) {
      case 'submit':
        submissions++;
        // Values are checked by the system itself (invalid ones are kept and flagged); here only
        // their types, so adversarial scenarios can send empty or odd text.
        for (const k of ['receivedAt', 'channel', 'reporter', 'postUrl', 'text', 'category', 'unit', 'initialResponse']) str(b, k, w, false);
        break;
      case 'update':
        ref(b, w);
        for (const k of ['status', 'followUp', 'note']) str(b, k, w, false);
        if (b.status === undefined && b.followUp === undefined && b.note === undefined) fail(w, 'harus berisi status, followUp atau note');
        break;
      case 'answer':
        ref(b, w); str(b, 'reply', w); str(b, 'replyUrl', w, false);
        if (b.postReply !== undefined && typeof b.postReply !== 'boolean') fail(`${w}.postReply`, 'harus true atau false'); // issue 15
        break;
      case 'triage': // issue 15: a post triaged as a complaint is a registration (counts for `ref`)
        channel.triage(b, w);
        if (b.as === 'complaint') submissions++;
        break;
      case 'reassign':
        ref(b, w); str(b, 'unit', w);
        break;
      case 'close':
        ref(b, w); str(b, 'reason', w);
        break;
    }
    if (kind !== 'submit' && kind !== 'triage' && typeof b.ref === 'number' && b.ref > submissions) {
      fail(`${w}.ref`, `merujuk kiriman ke-${b.ref}, padahal baru ${submissions} kiriman sebelum peristiwa ini`);
    }
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
    if (s[key] !== undefined && (!Array.isArray(s[key]) || !(s[key] as unknown[]).every((x) => typeof x === 'string'))) fail(`${file}.${key}`, 'harus daftar email');
  }
  if (s.holidays !== undefined) {
    if (!Array.isArray(s.holidays)) fail(`${file}.holidays`, 'harus daftar');
    (s.holidays as unknown[]).forEach((h, i) => {
      const d = (h as Record<string, unknown>)?.date;
      if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) fail(`holidays[${i}].date`, 'harus tanggal yyyy-MM-dd');
    });
  }
  validateChannels(s.channels, `${file}.channels`); // issue 15
  if (s.mailQuota !== undefined && !(typeof s.mailQuota === 'number' && s.mailQuota >= 0)) fail(`${file}.mailQuota`, 'harus angka ≥ 0');
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
