/**
 * Channel capture in scenarios (issue 15, DESIGN §14): the top-level `channels` (credentials the
 * operator enters at the start through Pengaduan › Hubungkan kanal), the events `post` (a post
 * appears on a platform), `triage` (the admin triages it in `Kotak Masuk`), the faults
 * `tokenExpired` / `rateLimited`, `answer.postReply` (the admin ticks Kirim Balasan), and
 * `replies.json`. Kept in one module so the runner needs only a few hook lines.
 */
import { DateTime } from 'luxon';
import type { GasRuntime } from '../../emulator/runtime';
import type { Sheet } from '../../emulator/spreadsheet';
import {
  PLATFORM_CHANNELS,
  PlatformAccounts,
  PlatformChannel,
  Platforms,
  installPlatforms,
} from '../../emulator/fakes/platforms';
import { INBOX_COLUMNS, InboxKey } from '../../src/core/channels/inbox';
import { INBOX_TAB, TRIAGE } from '../../src/core/labels/channels';
import { ScenarioError } from './validate';

export type ChannelsConfig = PlatformAccounts;

export interface PostEvent {
  channel: PlatformChannel;
  id: string;
  author: string;
  text: string;
  url: string;
  parent?: string;
}
export interface TriageEvent {
  post: string;
  as: 'complaint' | 'notComplaint' | 'spam';
  category?: string;
  unit?: string;
}
export interface ChannelFault {
  kind: 'tokenExpired' | 'rateLimited';
  channel: PlatformChannel;
  until: string;
}

export const CHANNEL_EVENT_KINDS = ['post', 'triage'] as const;
export const CHANNEL_FAULT_KINDS = ['tokenExpired', 'rateLimited'] as const;
const TRIAGE_AS: Record<TriageEvent['as'], string> = {
  complaint: TRIAGE.complaint,
  notComplaint: TRIAGE.notComplaint,
  spam: TRIAGE.spam,
};
const FIELDS: Record<PlatformChannel, string[]> = {
  YouTube: ['channelId', 'apiKey'],
  Instagram: ['userId', 'token'],
  Facebook: ['pageId', 'token'],
  'Twitter/X': ['userId', 'token'],
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function fail(where: string, message: string): never {
  throw new ScenarioError(`${where}: ${message}`);
}

function text(b: Record<string, unknown>, key: string, where: string, required = true): void {
  const v = b[key];
  if (v === undefined || v === null) {
    if (required) fail(`${where}.${key}`, 'wajib diisi (required)');
    return;
  }
  if (typeof v !== 'string') fail(`${where}.${key}`, `harus teks, bukan ${typeof v}`);
}

function channel(b: Record<string, unknown>, where: string): void {
  if (!(PLATFORM_CHANNELS as readonly string[]).includes(String(b.channel)))
    fail(`${where}.channel`, `harus salah satu dari: ${PLATFORM_CHANNELS.join(', ')}`);
}

/** Top-level `channels`. */
export function validateChannels(value: unknown, where: string): void {
  if (value === undefined) return;
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(where, 'harus berupa objek per kanal');
  for (const [name, cred] of Object.entries(value as Record<string, unknown>)) {
    if (!(PLATFORM_CHANNELS as readonly string[]).includes(name))
      fail(`${where}.${name}`, `kanal tidak dikenal (pilih: ${PLATFORM_CHANNELS.join(', ')})`);
    if (!cred || typeof cred !== 'object') fail(`${where}.${name}`, 'harus berupa objek');
    for (const f of FIELDS[name as PlatformChannel]) text(cred as Record<string, unknown>, f, `${where}.${name}`);
    text(cred as Record<string, unknown>, 'oauthToken', `${where}.${name}`, false);
  }
}

/**
 * Validates a `post` or `triage` body (`(body, where) => void`); `posts` collects the ids seen so
 * far (a triage names a post that appeared before it; ids are unique per channel).
 */
export function validateChannelEvent(
  kind: (typeof CHANNEL_EVENT_KINDS)[number],
  body: Record<string, unknown>,
  where: string,
  posts: Map<string, PlatformChannel[]>,
): void {
  if (kind === 'post') {
    channel(body, where);
    for (const k of ['id', 'author', 'text', 'url']) text(body, k, where);
    text(body, 'parent', where, false);
    // The same post delivered twice is the platform listing it again: allowed (it is captured once).
    const id = String(body.id);
    posts.set(id, [...(posts.get(id) ?? []), body.channel as PlatformChannel]);
    return;
  }
  text(body, 'post', where);
  if (!posts.has(String(body.post)))
    fail(`${where}.post`, `tidak ada unggahan "${String(body.post)}" sebelum peristiwa ini`);
  if (!Object.keys(TRIAGE_AS).includes(String(body.as)))
    fail(`${where}.as`, `harus salah satu dari: ${Object.keys(TRIAGE_AS).join(', ')}`);
  text(body, 'category', where, false);
  text(body, 'unit', where, false);
}

/** A `fault` of kind tokenExpired / rateLimited; true when the kind is one of them (others are not ours). */
export function validateChannelFault(body: Record<string, unknown>, where: string): boolean {
  if (!(CHANNEL_FAULT_KINDS as readonly string[]).includes(String(body.kind))) return false;
  channel(body, where);
  text(body, 'until', where);
  if (!ISO.test(String(body.until)) || isNaN(Date.parse(String(body.until))))
    fail(`${where}.until`, `"${String(body.until)}" bukan waktu ISO 8601 dengan zona`);
  return true;
}

export type Validator = (body: Record<string, unknown>, where: string) => void;

/**
 * The validators of one scenario file, `(body, where) => void` each, throwing ScenarioError
 * naming the field; they share what they have seen (a triage names an earlier post). `fault`
 * handles the kinds tokenExpired / rateLimited and refuses the others: merge it into a generic
 * fault validator by delegating those two kinds here.
 */
export function channelValidators(): { post: Validator; triage: Validator; fault: Validator } {
  const posts = new Map<string, PlatformChannel[]>();
  return {
    post: (body, where) => validateChannelEvent('post', body, where, posts),
    triage: (body, where) => validateChannelEvent('triage', body, where, posts),
    fault: (body, where) => {
      if (!validateChannelFault(body, where)) fail(`${where}.kind`, `"${String(body.kind)}" tidak dikenal`);
    },
  };
}

/** What the runner lends the channel module: cell edits as a user, and registration numbers. */
export interface RunnerHooks {
  editCell(by: string, tab: string, row: number, header: string, value: unknown, where: string): void;
  /** Reserves the next registration number slot (for `ref`), filled when the complaint exists. */
  reserve(): (number: string) => void;
  advance(to: number): void;
  now(): number;
  problem(message: string): void;
}

const wibIso = (d: Date) =>
  DateTime.fromMillis(d.getTime(), { zone: 'Asia/Jakarta' }).toISO({ suppressMilliseconds: true });

/** Whether the scenario's admin ever ticks Kirim Balasan (`answer.postReply`). */
export function usesReplies(s: { events: unknown[] }): boolean {
  return s.events.some(
    (e) => !!e && typeof e === 'object' && (e as { answer?: { postReply?: unknown } }).answer?.postReply === true,
  );
}

/**
 * `Pengaturan` the operator sets for a scenario whose admin posts replies: replies on for every
 * connected channel, unless the scenario sets `balasan_kanal` itself.
 */
export function replySettings(s: {
  events: unknown[];
  channels?: ChannelsConfig;
  settings?: Record<string, unknown>;
}): Record<string, string> {
  if (!usesReplies(s) || s.settings?.balasan_kanal !== undefined) return {};
  return { balasan_kanal: Object.keys(s.channels ?? {}).join(', ') };
}

export class ChannelSim {
  readonly platforms: Platforms;
  private readonly config: ChannelsConfig | undefined;

  /**
   * With replies in use, a YouTube channel configured with only an API key also gets an OAuth
   * token (youtube.force-ssl), as the operator must grant for replies (DESIGN §14).
   */
  constructor(
    private readonly rt: GasRuntime,
    config: ChannelsConfig | undefined,
    replies = false,
  ) {
    this.config =
      config?.YouTube && replies && !config.YouTube.oauthToken
        ? { ...config, YouTube: { ...config.YouTube, oauthToken: `ya29.sim-${config.YouTube.channelId}` } }
        : config;
    this.platforms = installPlatforms(rt.urlFetchApp, this.config ?? {}, () => rt.now());
  }

  /** The operator enters each credential through the menu, as on Google (prompts answered). */
  connect(operator: string, problem: (m: string) => void): void {
    const ui = this.rt.spreadsheetApp._ui;
    for (const [name, cred] of Object.entries(this.config ?? {})) {
      const c = cred as Record<string, string>;
      const parts = [...FIELDS[name as PlatformChannel].map((f) => c[f]), ...(c.oauthToken ? [c.oauthToken] : [])];
      ui._promptTextQueue.push(name, parts.join(' | '));
      const run = this.rt.clickMenu(operator, ['Pengaduan', 'Hubungkan kanal']);
      if (!run.ok) problem(`channels.${name}: Hubungkan kanal gagal: ${run.error}`);
    }
  }

  post(at: string, p: PostEvent): void {
    if (this.platforms.world.posts.some((q) => q.channel === p.channel && q.id === p.id)) return; // delivered again: one post
    this.platforms.world.addPost({
      channel: p.channel,
      id: p.id,
      author: p.author,
      text: p.text,
      url: p.url,
      ...(p.parent ? { parent: p.parent } : {}),
      at: new Date(at),
    });
  }

  fault(at: string, f: ChannelFault): void {
    this.platforms.world.addFault({ kind: f.kind, channel: f.channel, from: new Date(at), until: new Date(f.until) });
  }

  private inbox(): { sheet: Sheet; col: (k: InboxKey) => number; rows: unknown[][] } {
    const sheet = this.rt.spreadsheet.getSheetByName(INBOX_TAB);
    if (!sheet) throw new ScenarioError(`tab ${INBOX_TAB} tidak ada`);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const col = (k: InboxKey) => headers.indexOf(INBOX_COLUMNS.find((c) => c.key === k)!.header) + 1;
    const rows = sheet.getLastRow() > 1 ? sheet.getRange(2, 1, sheet.getLastRow() - 1, headers.length).getValues() : [];
    return { sheet, col, rows };
  }

  /** Triages not yet possible: the post had not reached `Kotak Masuk` (the next poll brings it). */
  private readonly pending: {
    by: string;
    t: TriageEvent;
    where: string;
    due: number;
    fill: ((n: string) => void) | null;
  }[] = [];

  /**
   * The admin triages a post: Kategori and Unit first (when given), then Triase. A post not yet
   * in `Kotak Masuk` is triaged right after the next poll (as the admin would, once it appears);
   * its `ref` slot is kept in event order.
   */
  triage(by: string, t: TriageEvent, where: string, hooks: RunnerHooks): void {
    const fill = t.as === 'complaint' ? hooks.reserve() : null;
    if (this.apply(by, t, where, hooks, fill)) return;
    const poll = this.rt.triggers.find((x) => x.handler === 'channelPollJob' && x.nextAt !== null);
    if (!poll)
      throw new ScenarioError(
        `${where}.post: unggahan "${t.post}" belum ada di ${INBOX_TAB} dan pengambilan kanal tidak terjadwal`,
      );
    this.pending.push({ by, t, where, due: (poll.nextAt as number) + 60_000, fill });
  }

  /** Applies pending triages due by `until` (called before each later event and at the end). */
  catchUp(until: number, hooks: RunnerHooks): void {
    while (this.pending.length && this.pending[0].due <= until) {
      const p = this.pending.shift()!;
      if (p.due > hooks.now()) hooks.advance(p.due);
      if (!this.apply(p.by, p.t, p.where, hooks, p.fill)) {
        hooks.problem(
          `${p.where}.post: unggahan "${p.t.post}" tidak terambil ke ${INBOX_TAB} (kanal mati, token ditolak atau dibatasi); triase tidak dilakukan`,
        );
      }
    }
  }

  private apply(
    by: string,
    t: TriageEvent,
    where: string,
    hooks: RunnerHooks,
    fill: ((n: string) => void) | null,
  ): boolean {
    const { col, rows } = this.inbox();
    // An id used on two channels names the latest post with it (ids are unique per channel).
    const channel = [...this.platforms.world.posts].reverse().find((p) => p.id === t.post)?.channel;
    const i = rows.findIndex(
      (r) => String(r[col('platformId') - 1]) === t.post && String(r[col('channel') - 1]) === channel,
    );
    if (i < 0) return false;
    const row = i + 2;
    if (t.category !== undefined) hooks.editCell(by, INBOX_TAB, row, 'Kategori', t.category, where);
    if (t.unit !== undefined) hooks.editCell(by, INBOX_TAB, row, 'Unit', t.unit, where);
    hooks.editCell(by, INBOX_TAB, row, 'Triase', TRIAGE_AS[t.as], where);
    if (fill) {
      const after = this.inbox();
      const number = String(after.rows[i][after.col('number') - 1] ?? '');
      if (!number) hooks.problem(`${where}: unggahan "${t.post}" ditriase sebagai pengaduan tetapi belum bernomor`);
      fill(number);
    }
    return true;
  }

  /** `answer.postReply`: the admin ticks Kirim Balasan on the post the complaint came from. */
  tickReply(by: string, number: string, where: string, hooks: RunnerHooks): void {
    const { col, rows } = this.inbox();
    const i = rows.findIndex((r) => String(r[col('number') - 1]) === number);
    if (i < 0) throw new ScenarioError(`${where}.postReply: ${number} tidak berasal dari unggahan di ${INBOX_TAB}`);
    hooks.editCell(by, INBOX_TAB, i + 2, 'Kirim Balasan', true, where);
  }

  /** replies.json: every reply posted to a platform. */
  repliesJson(): { at: string; channel: string; parentId: string; text: string }[] {
    return this.platforms.world.replies.map((r) => ({
      at: wibIso(r.at)!,
      channel: r.channel,
      parentId: r.parentId,
      text: r.text,
    }));
  }
}
