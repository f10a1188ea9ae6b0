/**
 * The `Kotak Masuk` tab (DESIGN §14): one row per captured post, the admin's triage, and what
 * triage as `Pengaduan` hands to intake. Pure: rows in, decisions out.
 */
import type { Column } from '../complaint';
import type { WorkCalendar } from '../calendar';
import type { Answers } from '../intake';
import { FORM } from '../labels';
import { LIKELY, TRIAGE } from '../labels/channels';
import { normaliseText } from '../sanitize';
import { ChannelPost, dedupKey } from './post';

export type InboxKey =
  | 'postedAt'
  | 'channel'
  | 'author'
  | 'text'
  | 'url'
  | 'platformId'
  | 'parent'
  | 'likely'
  | 'triage'
  | 'category'
  | 'unit'
  | 'number'
  | 'complaintLink'
  | 'triagedBy'
  | 'triagedAt'
  | 'sendReply'
  | 'replyState'
  | 'replyUrl'
  | 'capturedAt';

const text = 'text' as const;
const date = 'date' as const;

/** Columns of `Kotak Masuk`; the admin types only Triase, Kategori, Unit and Kirim Balasan. */
export const INBOX_COLUMNS: Column<InboxKey>[] = [
  { key: 'postedAt', header: 'Waktu Unggahan', kind: date, editor: 'system', width: 130 },
  { key: 'channel', header: 'Kanal', kind: text, editor: 'system', width: 90 },
  { key: 'author', header: 'Akun', kind: text, editor: 'system', width: 140 },
  { key: 'text', header: 'Isi', kind: text, editor: 'system', width: 320 },
  { key: 'url', header: 'Tautan', kind: text, editor: 'system', width: 160 },
  { key: 'platformId', header: 'ID Platform', kind: text, editor: 'system', width: 120 },
  { key: 'parent', header: 'Membalas', kind: text, editor: 'system', width: 100 },
  { key: 'likely', header: 'Kemungkinan Pengaduan', kind: text, editor: 'system', width: 110 },
  { key: 'triage', header: 'Triase', kind: text, editor: 'admin', width: 130 },
  { key: 'category', header: 'Kategori', kind: text, editor: 'admin', width: 140 },
  { key: 'unit', header: 'Unit', kind: text, editor: 'admin', width: 180 },
  { key: 'number', header: 'No. Pengaduan', kind: text, editor: 'system', width: 120 },
  { key: 'complaintLink', header: 'Tautan Pengaduan', kind: text, editor: 'system', width: 160 },
  { key: 'triagedBy', header: 'Ditriase Oleh', kind: text, editor: 'system', width: 160 },
  { key: 'triagedAt', header: 'Ditriase', kind: date, editor: 'system', width: 130 },
  { key: 'sendReply', header: 'Kirim Balasan', kind: text, editor: 'admin', width: 90 },
  { key: 'replyState', header: 'Status Balasan', kind: text, editor: 'system', width: 130 },
  { key: 'replyUrl', header: 'Tautan Balasan', kind: text, editor: 'system', width: 160 },
  { key: 'capturedAt', header: 'Diambil', kind: date, editor: 'system', width: 130 },
];

export type InboxRow = Record<InboxKey, unknown>;

/** A keyword matches at word boundaries, case-insensitively ("tutup" in "ditutup" does not). */
export function isLikelyComplaint(textValue: string, keywords: string[]): boolean {
  const hay = ` ${textValue.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return keywords.some((k) => {
    const needle = k
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return needle !== '' && hay.includes(` ${needle} `);
  });
}

/**
 * The posts not yet in the tab (by channel + platform id), each once, oldest first: the same
 * post read by two polls, or twice in one poll (a reply listed in its thread and alone), is one row.
 */
export function newPosts(posts: ChannelPost[], known: Set<string>): ChannelPost[] {
  const seen = new Set(known);
  const out: ChannelPost[] = [];
  for (const p of posts) {
    const key = dedupKey(p.channel, p.platformId);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());
}

export function inboxRowOf(p: ChannelPost, keywords: string[], capturedAt: Date): InboxRow {
  return {
    postedAt: p.postedAt,
    channel: p.channel,
    author: p.author,
    text: p.text,
    url: p.url,
    platformId: p.platformId,
    parent: p.parent,
    likely: isLikelyComplaint(p.text, keywords) ? LIKELY : '',
    triage: TRIAGE.new,
    category: '',
    unit: '',
    number: '',
    complaintLink: '',
    triagedBy: '',
    triagedAt: null,
    sendReply: false,
    replyState: '',
    replyUrl: '',
    capturedAt,
  };
}

/** The form answers a post triaged as `Pengaduan` stands for (the same intake as the form). */
export function answersForPost(row: InboxRow): Answers {
  const unit = normaliseText(row.unit);
  return {
    receivedAt: row.postedAt,
    channel: normaliseText(row.channel),
    reporter: normaliseText(row.author),
    postUrl: normaliseText(row.url),
    text: normaliseText(row.text),
    category: normaliseText(row.category),
    unit: unit || FORM.autoRoute,
    initialResponse: '',
  };
}

/** The idempotency key of the complaint a post becomes: never two complaints for one post. */
export function inboxSourceKey(channel: string, platformId: string): string {
  return `K:${channel}:${platformId}`;
}

export function isTriageValue(v: unknown): boolean {
  return Object.values(TRIAGE).includes(normaliseText(v) as (typeof TRIAGE)[keyof typeof TRIAGE]);
}

/** Rows triaged as a complaint that have no number yet (what triage registers). */
export function toRegister(rows: InboxRow[], registered: Set<string>): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (normaliseText(r.triage) !== TRIAGE.complaint || normaliseText(r.number)) return;
    if (registered.has(inboxSourceKey(String(r.channel), String(r.platformId)))) return;
    out.push(i);
  });
  return out;
}

/** Untriaged posts past the step-1 standard (working days from the post's clock start). */
export function overdueUntriaged(rows: InboxRow[], calendar: WorkCalendar, step1Days: number, now: Date): InboxRow[] {
  return rows.filter((r) => {
    if (normaliseText(r.triage) !== TRIAGE.new && normaliseText(r.triage) !== '') return false;
    const at = r.postedAt instanceof Date ? r.postedAt : null;
    if (!at) return false;
    const due = calendar.addWorkingDays(calendar.clockStart(at), step1Days);
    return due.getTime() <= now.getTime();
  });
}

export interface ChannelFeedRow {
  channel: string;
  posts: number;
  complaints: number;
  notComplaints: number;
  spam: number;
  untriaged: number;
  /** Median working hours from the post to its triage (triaged rows only); null when none. */
  medianTriageWorkingHours: number | null;
}

/** The dashboard's per-channel figures: counts and triage time, no personal data. */
export function channelFeed(rows: InboxRow[], calendar: WorkCalendar): ChannelFeedRow[] {
  const by = new Map<string, InboxRow[]>();
  for (const r of rows) {
    const c = normaliseText(r.channel);
    if (c) by.set(c, [...(by.get(c) ?? []), r]);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([channel, list]) => {
      const count = (t: string) => list.filter((r) => normaliseText(r.triage) === t).length;
      const hours = list
        .filter((r) => r.postedAt instanceof Date && r.triagedAt instanceof Date)
        .map((r) => calendar.workingMinutesBetween(r.postedAt as Date, r.triagedAt as Date) / 60)
        .sort((a, b) => a - b);
      const median = hours.length
        ? hours.length % 2
          ? hours[(hours.length - 1) / 2]
          : (hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2
        : null;
      return {
        channel,
        posts: list.length,
        complaints: count(TRIAGE.complaint),
        notComplaints: count(TRIAGE.notComplaint),
        spam: count(TRIAGE.spam),
        untriaged: list.filter((r) => [TRIAGE.new, ''].includes(normaliseText(r.triage) as never)).length,
        medianTriageWorkingHours: median === null ? null : Math.round(median * 10) / 10,
      };
    });
}
