/**
 * `npm run ops -- rehearse` (DESIGN §16): what this build's `setup` and the next N days of
 * triggers would do to a live workbook, found by doing it on a copy in the local runtime. Prints
 * the changes in plain language and writes the after-state for inspection. Nothing is sent and
 * nothing on Google is touched.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GasRuntime } from '../../emulator/runtime';
import type { SheetSnapshot } from '../sim/outputs';
import { writeJson } from '../sim/outputs';
import { OUTBOX_HEADERS } from '../../src/core/email/message';
import { HISTORY_HEADERS, ERROR_HEADERS } from '../../src/core/audit';
import { TAB } from '../../src/core/labels';
import { isoWib } from '../../src/core/values';
import { BACKUP_FILES, snapshotsOf, writeBackup } from './backup-format';
import { loadWorkbook } from './load-workbook';
import { PhaseChanges, compareWorkbooks } from './workbook-diff';

export type { PhaseChanges, TabChange } from './workbook-diff';

export interface RehearsalOptions {
  /** The built bundle to rehearse (dist/Code.js). */
  bundle: string;
  sheets: SheetSnapshot[];
  /** When the workbook was read; the virtual clock starts there. */
  takenAt: Date;
  days: number;
  /** The spreadsheet owner who runs setup (default: operator@ the config's main domain). */
  owner?: string;
  /** Folder for the after-state (workbook.json, workbook.xlsx, outbox.json, rehearsal.json). */
  outDir: string;
  log?: (line: string) => void;
}

/** What setup itself reported (its return value, src/app/setup.ts SetupReport). */
export interface SetupSummary {
  createdTabs: string[];
  addedHeaders: string[];
  seeded: string[];
  form: string;
  triggers: string[];
  unitTabs: number;
  problems: string[];
}

export interface RehearsalReport {
  start: string;
  end: string;
  owner: string;
  responsesTab: string | null;
  setup: PhaseChanges & { ok: boolean; error?: string; summary: SetupSummary | null };
  days: PhaseChanges;
  protections: { tab: string; type: string; range: string; editors: number; unprotected: string[] }[];
  emails: { kind: string; count: number; subjects: string[] }[];
  emailsSent: number;
  emailsQueued: number;
  history: { action: string; count: number }[];
  errors: { level: string; source: string; message: string }[];
  failedRuns: { label: string; at: string; error: string }[];
}

const DAY = 86_400_000;

function table(s: SheetSnapshot | undefined): { headers: string[]; rows: unknown[][] } {
  if (!s || !s.values.length) return { headers: [], rows: [] };
  return { headers: (s.display[0] ?? []).map(String), rows: s.values.slice(1) };
}

function col(t: { headers: string[] }, header: string): number {
  return t.headers.indexOf(header);
}

/** New rows of an append-only tab (Riwayat, Log Galat, Antrean Email keyed by Kunci). */
function newRows(
  before: SheetSnapshot | undefined,
  after: SheetSnapshot | undefined,
  keyHeader?: string,
): { headers: string[]; rows: unknown[][] } {
  const a = table(after);
  const b = table(before);
  if (keyHeader) {
    const ka = col(a, keyHeader);
    const kb = col(b, keyHeader);
    const old = new Set(kb >= 0 ? b.rows.map((r) => String(r[kb])) : []);
    return { headers: a.headers, rows: ka >= 0 ? a.rows.filter((r) => !old.has(String(r[ka]))) : [] };
  }
  return { headers: a.headers, rows: a.rows.slice(b.rows.length) };
}

function mainDomain(sheets: SheetSnapshot[]): string {
  const count = new Map<string, number>();
  for (const s of sheets.filter((x) => x.name === TAB.units || x.name === TAB.settings)) {
    for (const row of s.values)
      for (const v of row)
        for (const m of String(v).matchAll(/[\w.+-]+@([\w-]+(\.[\w-]+)+)/g))
          count.set(m[1].toLowerCase(), (count.get(m[1].toLowerCase()) ?? 0) + 1);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'example.org';
}

function emailsIn(sheets: SheetSnapshot[]): string[] {
  const out = new Set<string>();
  for (const s of sheets.filter((x) => x.name === TAB.units || x.name === TAB.settings)) {
    for (const row of s.values)
      for (const v of row)
        for (const m of String(v).matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)) out.add(m[0].toLowerCase());
  }
  return [...out];
}

/** Prepares the output folder: new, empty, or a previous rehearsal's (its files are replaced). */
function prepareOut(dir: string): void {
  if (existsSync(dir)) {
    const files = readdirSync(dir);
    if (files.length && !files.includes('rehearsal.json'))
      throw new Error(`${dir} sudah ada dan bukan hasil gladi; pilih folder lain dengan --out.`);
    for (const f of [...BACKUP_FILES, 'outbox.json', 'rehearsal.json']) rmSync(join(dir, f), { force: true });
  }
  mkdirSync(dir, { recursive: true });
}

export async function rehearse(o: RehearsalOptions): Promise<RehearsalReport> {
  const log = o.log ?? (() => undefined);
  prepareOut(o.outDir);
  const owner = o.owner ?? `operator@${mainDomain(o.sheets)}`;
  const rt = new GasRuntime({
    start: o.takenAt,
    owner,
    users: emailsIn(o.sheets).filter((e) => e !== owner),
    spreadsheetName: 'Gladi',
  });
  const loaded = loadWorkbook(rt, o.sheets);
  rt.loadFile(o.bundle);
  const before = snapshotsOf(rt.spreadsheet);
  log(
    `Gladi: ${o.sheets.length} tab dimuat ke runtime lokal; setup dijalankan sebagai ${owner} pada ${isoWib(o.takenAt)}.`,
  );
  if (!loaded.responsesTab) log('  (Tidak ada tab jawaban formulir di cadangan: setup akan membuat formulir baru.)');
  if (loaded.unmatchedDates)
    log(
      `  (${loaded.unmatchedDates} sel tanggal tampil dengan format yang tidak dikenali; di gladi tampil sebagai yyyy-mm-dd hh:mm:ss.)`,
    );

  let setupError: string | undefined;
  let summary: SetupSummary | null = null;
  try {
    summary = rt.call('setup', [], { user: owner }) as SetupSummary;
  } catch (e) {
    setupError = String((e as Error)?.message ?? e);
  }
  const afterSetup = snapshotsOf(rt.spreadsheet);
  const end = new Date(o.takenAt.getTime() + o.days * DAY);
  const runs = rt.advanceTo(end);
  const after = snapshotsOf(rt.spreadsheet);

  const byName = (list: SheetSnapshot[], name: string) => list.find((s) => s.name === name);
  const queue = newRows(byName(before, TAB.outbox), byName(after, TAB.outbox), OUTBOX_HEADERS[0]);
  const kinds = new Map<string, { count: number; subjects: string[] }>();
  const kindCol = col(queue, 'Jenis');
  const subjectCol = col(queue, 'Subjek');
  const statusCol = col(queue, 'Status');
  for (const r of queue.rows) {
    const k = String(r[kindCol] ?? '');
    const entry = kinds.get(k) ?? { count: 0, subjects: [] };
    entry.count++;
    if (entry.subjects.length < 3) entry.subjects.push(String(r[subjectCol] ?? ''));
    kinds.set(k, entry);
  }
  const history = newRows(byName(before, TAB.history), byName(after, TAB.history));
  const actions = new Map<string, number>();
  const actionCol = col(history, HISTORY_HEADERS[3]);
  for (const r of history.rows) actions.set(String(r[actionCol]), (actions.get(String(r[actionCol])) ?? 0) + 1);
  const errors = newRows(byName(before, TAB.errors), byName(after, TAB.errors));
  const [, levelH, sourceH, , messageH] = ERROR_HEADERS;

  const report: RehearsalReport = {
    start: isoWib(o.takenAt)!,
    end: isoWib(end)!,
    owner,
    responsesTab: loaded.responsesTab,
    setup: { ...compareWorkbooks(before, afterSetup), ok: !setupError, error: setupError, summary },
    days: compareWorkbooks(afterSetup, after),
    protections: rt.spreadsheet._protections
      .map((p) => ({ tab: p._sheet._name, ...p._summary() }))
      .map((p) => ({
        tab: p.tab,
        type: p.type,
        range: p.range,
        editors: p.editors.length,
        unprotected: p.unprotected,
      })),
    emails: [...kinds.entries()].map(([kind, v]) => ({ kind, ...v })).sort((a, b) => b.count - a.count),
    emailsSent: rt.outbox.length,
    emailsQueued:
      statusCol >= 0 ? table(byName(after, TAB.outbox)).rows.filter((r) => r[statusCol] === 'Menunggu').length : 0,
    history: [...actions.entries()].map(([action, count]) => ({ action, count })).sort((a, b) => b.count - a.count),
    errors: errors.rows.map((r) => ({
      level: String(r[col(errors, levelH)]),
      source: String(r[col(errors, sourceH)]),
      message: String(r[col(errors, messageH)]),
    })),
    failedRuns: runs
      .filter((r) => !r.ok)
      .map((r) => ({ label: r.label, at: isoWib(r.startedAt)!, error: r.error ?? '' })),
  };

  await writeBackup(o.outDir, after, {
    source: 'rehearsal',
    spreadsheetId: '',
    title: 'Gladi',
    timeZone: rt.spreadsheet.getSpreadsheetTimeZone(),
    takenAt: isoWib(rt.now())!,
  });
  writeJson(
    o.outDir,
    'outbox.json',
    rt.outbox.map((m) => ({ at: isoWib(m.at), to: m.to, cc: m.cc, subject: m.subject })),
  );
  writeJson(o.outDir, 'rehearsal.json', report);
  return report;
}

function phaseLines(p: PhaseChanges, out: string[]): void {
  out.push(`  Tab baru        : ${p.addedTabs.length ? p.addedTabs.join(', ') : 'tidak ada'}`);
  if (p.removedTabs.length) out.push(`  Tab dihapus     : ${p.removedTabs.join(', ')}`);
  const cols = p.tabs.filter((t) => t.addedColumns.length);
  out.push(
    `  Kolom baru      : ${cols.length ? cols.map((t) => `${t.tab}: ${t.addedColumns.join(', ')}`).join('; ') : 'tidak ada'}`,
  );
  const rows = p.tabs.filter((t) => t.changedRows || t.addedRows || t.removedRows);
  if (!rows.length) out.push('  Baris           : tidak ada yang berubah');
  for (const t of rows) {
    const parts = [];
    if (t.changedRows)
      parts.push(
        `${t.changedRows} baris diubah (${Object.entries(t.changedColumns)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([h, n]) => `${h} ×${n}`)
          .join(', ')})`,
      );
    if (t.addedRows) parts.push(`${t.addedRows} baris baru`);
    if (t.removedRows) parts.push(`${t.removedRows} baris hilang`);
    out.push(`  ${t.tab}: ${parts.join('; ')}`);
  }
}

/** The report in plain Indonesian, as printed by the CLI. */
export function rehearsalText(r: RehearsalReport, days: number, outDir: string): string[] {
  const out: string[] = [];
  out.push(`Gladi pembaruan: ${r.start} → ${r.end} (${days} hari), pemilik ${r.owner}`);
  out.push(`Tab jawaban formulir: ${r.responsesTab ?? 'tidak ada (setup membuat formulir baru)'}`);
  out.push('');
  out.push(`1. Setup (Siapkan / Perbarui)${r.setup.ok ? '' : ` GAGAL: ${r.setup.error}`}`);
  phaseLines(r.setup, out);
  const sum = r.setup.summary;
  if (sum) {
    if (sum.seeded.length) out.push(`  Data awal       : ${sum.seeded.join(', ')}`);
    out.push(
      `  Formulir        : ${sum.form}${r.responsesTab ? ' (gladi membuat formulir dari kolom tab jawaban; pilihan jawaban tidak ada di cadangan)' : ''}`,
    );
    out.push(
      `  Pemicu          : ${sum.triggers.length ? sum.triggers.join(', ') : 'tidak ada yang baru'} (gladi mulai tanpa pemicu; di Google yang sudah terpasang tidak digandakan)`,
    );
    for (const p of sum.problems) out.push(`  Masalah konfigurasi: ${p}`);
  }
  const perTab = new Map<string, number>();
  for (const p of r.protections) perTab.set(p.tab, (perTab.get(p.tab) ?? 0) + 1);
  out.push(
    `  Proteksi        : ${r.protections.length} dipasang di ${perTab.size} tab (cadangan tidak memuat proteksi, jadi semuanya dihitung di sini)`,
  );
  for (const p of r.protections.slice(0, 3))
    out.push(
      `    - ${p.tab} (${p.type === 'SHEET' ? 'seluruh tab' : p.range}): ${p.editors} penyunting${p.unprotected.length ? `, terbuka: ${p.unprotected.join(', ')}` : ''}`,
    );
  if (r.protections.length > 3) out.push(`    … dan ${r.protections.length - 3} lagi (lihat rehearsal.json)`);
  out.push('');
  out.push(`2. ${days} hari pemicu berikutnya`);
  phaseLines(r.days, out);
  out.push('');
  out.push(
    `Email yang akan keluar: ${r.emails.reduce((n, e) => n + e.count, 0)} masuk antrean, ${r.emailsSent} terkirim, ${r.emailsQueued} masih antre`,
  );
  for (const e of r.emails) {
    out.push(`  ${e.kind || '(tanpa jenis)'}: ${e.count}`);
    for (const s of e.subjects) out.push(`    - ${s}`);
  }
  if (r.history.length) out.push(`Riwayat baru: ${r.history.map((h) => `${h.action} ×${h.count}`).join(', ')}`);
  out.push(`Log Galat baru: ${r.errors.length ? '' : 'tidak ada'}`);
  for (const e of r.errors.slice(0, 10)) out.push(`  - [${e.level}] ${e.source}: ${e.message}`);
  if (r.errors.length > 10) out.push(`  … dan ${r.errors.length - 10} lagi`);
  out.push(`Eksekusi gagal: ${r.failedRuns.length ? '' : 'tidak ada'}`);
  for (const f of r.failedRuns.slice(0, 10)) out.push(`  - ${f.label} (${f.at}): ${f.error}`);
  out.push('');
  out.push(`Keadaan sesudah gladi: ${outDir} (workbook.json, workbook.xlsx, outbox.json, rehearsal.json)`);
  return out;
}
