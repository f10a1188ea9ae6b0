/**
 * The main job offline (DESIGN §12): runs a scenario on the built dist/Code.js inside the local
 * Apps Script runtime, on the virtual clock, and writes what happened to DIR.
 *
 *   npm start                                   # the shipped sample scenario → out/
 *   npm start -- --scenario FILE --out DIR
 *
 * Outputs are written to a temporary folder and moved into DIR only when the run completed, so a
 * failed run never leaves files that look complete.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { GasRuntime } from '../emulator/runtime';
import type { Sheet } from '../emulator/spreadsheet';
import { AppConfig, HOLIDAY_HEADERS, SETTINGS_HEADERS, UNIT_HEADERS, parseConfig } from '../src/core/config';
import { REGISTER_COLUMNS, UNIT_COLUMNS } from '../src/core/complaint';
import { FORM_ITEMS } from '../src/core/form-spec';
import { TAB } from '../src/core/labels';
import { readChunkedJson } from '../src/gas/state';
import { readConfigTables } from '../src/gas/config-store';
import { ScenarioError, Scenario, ScenarioEvent, loadScenario } from './sim/scenario';
import { SheetSnapshot, complaintsJson, complaintsOf, workbookJson, writeJson, writeXlsx } from './sim/outputs';
import { ChannelSim, RunnerHooks, replySettings, usesReplies } from './sim/channels'; // issue 15

const ROOT = resolve(__dirname, '..');
export const DEFAULT_SCENARIO = join(ROOT, 'scenarios', 'lebaran-2026.json');
/**
 * The operator (owner of the spreadsheet; triggers run as them) is put in the scenario's own
 * domain, as in a real Workspace install: Apps Script shows a user's email to a trigger only
 * within one domain, and the history should name the officers.
 */
export function operatorFor(s: Scenario): string {
  return `operator@${mainDomain(s)}`;
}

/** The operator of scenarios whose people are @example.org (the shipped sample, the tests). */
export const OPERATOR = 'operator@example.org';

function mainDomain(s: Scenario): string {
  const count = new Map<string, number>();
  const emails = [...(s.admins ?? []), ...(s.units ?? []).flatMap((u) => u.pics), ...s.events.flatMap((e) => ('by' in e ? [e.by] : []))];
  for (const e of emails) {
    const d = e.split('@')[1]?.toLowerCase();
    if (d) count.set(d, (count.get(d) ?? 0) + 1);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'example.org';
}

interface Args { scenario: string; out: string; quiet: boolean }

function parseArgs(argv: string[]): Args {
  const args: Args = { scenario: DEFAULT_SCENARIO, out: join(ROOT, 'out'), quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scenario') args.scenario = resolve(argv[++i] ?? '');
    else if (a === '--out') args.out = resolve(argv[++i] ?? '');
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--help' || a === '-h') {
      console.log('Pemakaian: npm start -- [--scenario BERKAS.json] [--out FOLDER] [--quiet]');
      process.exit(0);
    } else throw new ScenarioError(`argumen tidak dikenal: ${a} (lihat --help)`);
  }
  return args;
}

const wib = (d: Date | number) => DateTime.fromMillis(typeof d === 'number' ? d : d.getTime(), { zone: 'Asia/Jakarta' });

function sheet(rt: GasRuntime, name: string): Sheet {
  const s = rt.spreadsheet.getSheetByName(name) as Sheet | null;
  if (!s) throw new Error(`tab "${name}" tidak ada setelah setup`);
  return s;
}

function headerIndex(s: Sheet): Map<string, number> {
  const lastCol = s.getLastColumn();
  const headers = lastCol ? s.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  return new Map(headers.map((h, i) => [String(h), i + 1]));
}

/** The config tabs rewritten from the scenario (as the operator would type them), then setup again. */
function applyScenarioConfig(rt: GasRuntime, s: Scenario): void {
  if (s.units) {
    const tab = sheet(rt, TAB.units);
    const idx = headerIndex(tab);
    const rows = s.units.map((u) => {
      const row = new Array(tab.getLastColumn()).fill('');
      const put = (h: string, v: unknown) => { row[idx.get(h)! - 1] = v; };
      put(UNIT_HEADERS[0], u.name); put(UNIT_HEADERS[1], u.kind ?? 'UKPD'); put(UNIT_HEADERS[2], u.name);
      put(UNIT_HEADERS[3], u.pics.join(', ')); put(UNIT_HEADERS[4], u.head ?? ''); put(UNIT_HEADERS[5], (u.keywords ?? []).join(', '));
      put(UNIT_HEADERS[6], u.active === false ? 'Tidak' : 'Ya');
      return row;
    });
    if (tab.getLastRow() > 1) tab.getRange(2, 1, tab.getLastRow() - 1, tab.getLastColumn()).clearContent();
    tab._writeRaw(2, 1, rows);
  }
  const settings: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...replySettings(s), ...(s.settings ?? {}) })) settings[k] = String(v); // issue 15: replySettings
  // Without an `admins` list, whoever records, answers, reassigns or closes in the scenario is an
  // admin (DESIGN §2): that is the role those events belong to.
  const admins = s.admins ?? [...new Set(s.events.flatMap((e) => ('submit' in e || 'answer' in e || 'reassign' in e || 'close' in e || 'triage' in e ? [e.by] : [])))];
  if (admins.length) settings.email_admin = admins.join(', ');
  if (s.leaders) settings.email_pimpinan = s.leaders.join(', ');
  if (Object.keys(settings).length) {
    const tab = sheet(rt, TAB.settings);
    const idx = headerIndex(tab);
    const keys = tab.getRange(2, idx.get(SETTINGS_HEADERS[0])!, Math.max(1, tab.getLastRow() - 1), 1).getValues().map((r) => String(r[0]));
    for (const [k, v] of Object.entries(settings)) {
      const at = keys.indexOf(k);
      const row = at >= 0 ? at + 2 : tab.getLastRow() + 1;
      if (at < 0) tab._writeRaw(row, idx.get(SETTINGS_HEADERS[0])!, [[k]]);
      tab._writeRaw(row, idx.get(SETTINGS_HEADERS[1])!, [[v]]);
    }
  }
  if (s.holidays?.length) {
    const tab = sheet(rt, TAB.holidays);
    const idx = headerIndex(tab);
    const rows = s.holidays.map((h) => {
      const row = new Array(tab.getLastColumn()).fill('');
      row[idx.get(HOLIDAY_HEADERS[0])! - 1] = h.date; row[idx.get(HOLIDAY_HEADERS[1])! - 1] = h.name;
      row[idx.get(HOLIDAY_HEADERS[2])! - 1] = h.kind ?? 'Libur lokal'; row[idx.get(HOLIDAY_HEADERS[3])! - 1] = 'Skenario';
      return row;
    });
    tab._writeRaw(tab.getLastRow() + 1, 1, rows);
  }
}

function readJsonProperty<T>(rt: GasRuntime, key: string): T | undefined {
  const props = rt.propertiesService.getScriptProperties();
  return readChunkedJson<T>((k) => props.getProperty(k), key);
}

/** The configuration as the system reads it, through the same code, from the runtime's tabs. */
export function configOf(rt: GasRuntime): AppConfig {
  // The emulated Spreadsheet has the Apps Script API the config reader uses.
  return parseConfig(readConfigTables(rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet));
}

export interface SimulationResult {
  runtime: GasRuntime;
  problems: string[];
  outDir: string;
  /** What complaints.json holds. */
  complaints: ReturnType<typeof complaintsJson>;
}

export class Simulation {
  readonly rt: GasRuntime;
  private readonly numbers: string[] = [];
  readonly problems: string[] = [];
  readonly operator: string;
  formId = '';
  readonly channels: ChannelSim; // issue 15

  constructor(private readonly s: Scenario, private readonly log: (line: string) => void) {
    const users = new Set<string>([...(s.admins ?? []), ...(s.units ?? []).flatMap((u) => u.pics)]);
    for (const ev of s.events) if ('by' in ev) users.add(ev.by);
    this.operator = operatorFor(s);
    this.rt = new GasRuntime({ start: s.start, owner: this.operator, mailQuota: s.mailQuota ?? 100, users: [...users], spreadsheetName: 'Pengaduan Medsos Disbud DKI' });
    this.rt.loadFile(join(ROOT, 'dist', 'Code.js'));
    this.channels = new ChannelSim(this.rt, s.channels, usesReplies(s)); // issue 15
  }

  /** Issue 15: what scripts/sim/channels.ts needs from the runner. */
  private hooks(): RunnerHooks {
    return {
      editCell: (by, tab, row, header, value, where) => {
        const col = headerIndex(sheet(this.rt, tab)).get(header);
        if (!col) throw new Error(`kolom "${header}" tidak ada di tab "${tab}"`);
        const result = this.rt.editAsUser(by, tab, row, col, [[value]]);
        if (!result.applied) this.problems.push(`${where}: suntingan ${by} di "${tab}" ditolak Sheets: ${result.reason}`);
        for (const r of result.runs) if (!r.ok) this.problems.push(`${where}: ${r.label} gagal: ${r.error}`);
      },
      reserve: () => {
        const slot = this.numbers.push('') - 1;
        return (number) => { this.numbers[slot] = number; };
      },
      advance: (to) => this.advance(to),
      now: () => this.rt.now().getTime(),
      problem: (m) => { this.problems.push(m); },
    };
  }

  setup(): void {
    this.rt.call('setup', [], { user: this.operator });
    applyScenarioConfig(this.rt, this.s);
    this.rt.call('setup', [], { user: this.operator });
    const layout = readJsonProperty<{ formId: string }>(this.rt, 'layout');
    if (!layout?.formId) throw new Error('setup did not record the form id');
    this.formId = layout.formId;
    this.rt.openSpreadsheet(this.operator);
    this.channels.connect(this.operator, (m) => this.problems.push(m)); // issue 15
  }

  number(ref: number | string, where: string): string {
    if (typeof ref === 'string') return ref;
    const n = this.numbers[ref - 1];
    if (!n) throw new ScenarioError(`${where}.ref: kiriman ke-${ref} tidak menghasilkan nomor pengaduan`);
    return n;
  }

  /** Row (1-based) of a complaint in a tab, found by number as a person would. */
  rowOf(tabName: string, number: string): number {
    const s = sheet(this.rt, tabName);
    const col = headerIndex(s).get('No. Pengaduan')!;
    const values = s.getRange(1, col, Math.max(1, s.getLastRow()), 1).getValues();
    const i = values.findIndex((r) => r[0] === number);
    if (i < 0) throw new Error(`${number} tidak ditemukan di tab "${tabName}"`);
    return i + 1;
  }

  private unitTabOf(number: string): string {
    const reg = sheet(this.rt, TAB.register);
    const idx = headerIndex(reg);
    const row = this.rowOf(TAB.register, number);
    return String(reg.getRange(row, idx.get('Unit')!).getValue());
  }

  edit(by: string, tabName: string, number: string, header: string, value: unknown, where: string): void {
    const s = sheet(this.rt, tabName);
    const col = headerIndex(s).get(header);
    if (!col) throw new Error(`kolom "${header}" tidak ada di tab "${tabName}"`);
    const result = this.rt.editAsUser(by, tabName, this.rowOf(tabName, number), col, [[value]]);
    if (!result.applied) this.problems.push(`${where}: suntingan ${by} di "${tabName}" ditolak Sheets: ${result.reason}`);
    for (const r of result.runs) if (!r.ok) this.problems.push(`${where}: ${r.label} gagal: ${r.error}`);
  }

  /** Moves the virtual clock, firing time-driven triggers; failed runs are noted. */
  advance(to: number | string): void {
    for (const r of this.rt.advanceTo(typeof to === 'number' ? new Date(to) : to)) if (!r.ok) this.problems.push(`${r.label} (${wib(r.startedAt).toISO()}): ${r.error}`);
  }

  /**
   * Delivers one event. What a person could not have done (a form answer the form refuses, an
   * update to a complaint that has no unit) is noted with the event index and field, and the
   * run goes on with the next event: one bad line does not throw away a month of simulation.
   */
  event(ev: ScenarioEvent, i: number): void {
    const where = `events[${i}]`;
    this.channels.catchUp(Date.parse(ev.at), this.hooks()); // issue 15: triages waiting for a poll
    this.advance(ev.at);
    const registered = this.numbers.length;
    try {
      this.deliver(ev, where);
    } catch (e) {
      if ('submit' in ev && this.numbers.length === registered) this.numbers.push('');
      this.problems.push(`${where}: ${(e as Error).message}`);
    }
  }

  private submissions = 0;

  private deliver(ev: ScenarioEvent, where: string): void {
    if ('submit' in ev) {
      this.submissions++;
      const answers: Record<string, unknown> = {};
      for (const item of FORM_ITEMS) {
        const v = ev.submit[item.key as keyof typeof ev.submit];
        if (v === undefined) continue;
        answers[item.title] = item.kind === 'datetime' && v && !isNaN(Date.parse(v)) ? new Date(v) : v;
      }
      const before = this.registerNumbers();
      let result;
      try {
        result = this.rt.submitForm(this.formId, answers, { respondent: ev.by, at: ev.at });
      } catch (e) {
        throw new ScenarioError(`submit: formulir menolak isian ini, seperti Google Forms (${(e as Error).message}); tidak ada pengaduan yang tercatat`);
      }
      for (const r of result.runs) if (!r.ok) this.problems.push(`${where}: ${r.label} gagal: ${r.error}`);
      const added = [...this.registerNumbers()].filter((n) => !before.has(n));
      this.numbers.push(added[0] ?? '');
    } else if ('update' in ev) {
      const number = this.number(ev.update.ref, 'update');
      const tab = this.unitTabOf(number);
      if (!tab) throw new ScenarioError(`update.ref: ${number} belum punya unit; petugas tidak dapat memperbaruinya`);
      if (ev.update.followUp !== undefined) this.edit(ev.by, tab, number, 'Hasil Tindak Lanjut', ev.update.followUp, where);
      if (ev.update.note !== undefined) this.edit(ev.by, tab, number, 'Catatan Petugas', ev.update.note, where);
      if (ev.update.status !== undefined) this.edit(ev.by, tab, number, UNIT_COLUMNS.find((c) => c.key === 'officerStatus')!.header, ev.update.status, where);
    } else if ('answer' in ev) {
      const number = this.number(ev.answer.ref, 'answer');
      this.edit(ev.by, TAB.register, number, 'Jawaban', ev.answer.reply, where);
      if (ev.answer.replyUrl) this.edit(ev.by, TAB.register, number, 'Tautan Jawaban', ev.answer.replyUrl, where);
      this.edit(ev.by, TAB.register, number, 'Status', 'Dijawab', where);
      if (ev.answer.postReply) this.channels.tickReply(ev.by, number, where, this.hooks()); // issue 15
    } else if ('post' in ev) { // issue 15: channel capture events
      this.channels.post(ev.at, ev.post);
    } else if ('triage' in ev) {
      this.channels.triage(ev.by, ev.triage, where, this.hooks());
    } else if ('fault' in ev) {
      this.channels.fault(ev.at, ev.fault);
    } else if ('reassign' in ev) {
      this.edit(ev.by, TAB.register, this.number(ev.reassign.ref, 'reassign'), 'Unit', ev.reassign.unit, where);
    } else if ('close' in ev) {
      const number = this.number(ev.close.ref, 'close');
      this.edit(ev.by, TAB.register, number, 'Alasan Ditutup', ev.close.reason, where);
      this.edit(ev.by, TAB.register, number, 'Status', 'Ditutup', where);
    } else if ('run' in ev) {
      const fn = { reconcile: 'menuReconcile', hourly: 'hourlyJob', daily: 'dailyJob', summary: 'menuSendSummary', dashboard: 'menuOpenDashboard' }[ev.run];
      try {
        this.rt.call(fn, [], { user: this.operator, kind: 'menu', hasUi: fn.startsWith('menu') });
      } catch (e) {
        this.problems.push(`${where}: ${fn} gagal: ${(e as Error).message}`);
      }
    }
  }

  registerNumbers(): Set<string> {
    const reg = sheet(this.rt, TAB.register);
    const col = headerIndex(reg).get(REGISTER_COLUMNS[0].header)!;
    const last = reg.getLastRow();
    return new Set(last < 2 ? [] : reg.getRange(2, col, last - 1, 1).getValues().map((r) => String(r[0])).filter(Boolean));
  }

  finish(): void {
    this.channels.catchUp(Date.parse(this.s.end), this.hooks()); // issue 15
    this.advance(this.s.end);
  }
}

export async function simulate(scenario: Scenario, outDir: string, log: (line: string) => void = console.log): Promise<SimulationResult> {
  const sim = new Simulation(scenario, log);
  const rt = sim.rt;
  log(`Skenario ${scenario.name ?? ''}: ${wib(Date.parse(scenario.start)).toFormat('d LLL yyyy')} – ${wib(Date.parse(scenario.end)).toFormat('d LLL yyyy')}, ${scenario.events.length} peristiwa`);
  sim.setup();
  // Day by day: every simulated day prints a line (events, emails sent, mail still queued).
  let day = wib(Date.parse(scenario.start)).startOf('day');
  let eventsToday = 0;
  let sentBefore = 0;
  const closeDay = (): void => {
    const sent = rt.outbox.length - sentBefore;
    const waiting = queuedMail(rt);
    const failed = rt.executions.filter((x) => !x.ok && wib(x.startedAt).hasSame(day, 'day')).length;
    log(`  ${day.setLocale('id').toFormat('ccc dd LLL yyyy')}: ${String(eventsToday).padStart(2)} peristiwa, ${String(sent).padStart(3)} email terkirim${waiting ? `, ${waiting} antre` : ''}${failed ? `, ${failed} eksekusi gagal` : ''}`);
    sentBefore = rt.outbox.length;
    eventsToday = 0;
  };
  const advanceDays = (until: number): void => {
    for (let next = day.plus({ days: 1 }); next.toMillis() <= until; next = day.plus({ days: 1 })) {
      sim.advance(next.toMillis());
      closeDay();
      day = next;
    }
  };
  scenario.events.forEach((ev, i) => {
    advanceDays(Date.parse(ev.at));
    sim.event(ev, i);
    eventsToday++;
  });
  advanceDays(Date.parse(scenario.end));
  sim.finish();
  closeDay();

  // Outputs, written to a temporary folder first.
  mkdirSync(dirname(outDir), { recursive: true });
  const tmp = mkdtempSync(join(dirname(outDir), '.sim-'));
  let complaintRecords: SimulationResult['complaints'] = [];
  try {
    const sheets: SheetSnapshot[] = rt.spreadsheet.getSheets().map((s) => {
      const snap = (s as Sheet)._snapshot();
      return { name: snap.name, values: snap.values, display: snap.displayValues, frozenRows: snap.frozenRows };
    });
    const config = configOf(rt);
    const register = sheets.find((s) => s.name === TAB.register)!;
    const complaints = complaintsOf(register);
    complaintRecords = complaintsJson(complaints, config, rt.now());
    writeJson(tmp, 'complaints.json', complaintRecords);
    writeJson(tmp, 'outbox.json', rt.outbox.map((m) => ({
      at: wib(m.at).toISO({ suppressMilliseconds: true }), to: m.to, cc: m.cc, subject: m.subject, body: m.body, htmlBody: m.htmlBody ?? null,
    })));
    writeJson(tmp, 'workbook.json', workbookJson(sheets));
    writeJson(tmp, 'ledger.json', rt.ledger.runs);
    writeJson(tmp, 'replies.json', sim.channels.repliesJson()); // issue 15
    await writeXlsx(join(tmp, 'workbook.xlsx'), sheets);
    const preview = join(ROOT, 'scripts', 'dashboard-html.ts');
    if (existsSync(preview)) {
      const mod = await import(preview);
      if (typeof mod.writeDashboardHtml === 'function') await mod.writeDashboardHtml(join(tmp, 'dashboard.html'), { complaints, config, now: rt.now(), sheets });
    }
    if (existsSync(outDir)) for (const f of readdirSync(outDir)) rmSync(join(outDir, f), { recursive: true, force: true });
    else mkdirSync(outDir, { recursive: true });
    for (const f of readdirSync(tmp)) renameSync(join(tmp, f), join(outDir, f));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { runtime: rt, problems: sim.problems, outDir, complaints: complaintRecords };
}

function queuedMail(rt: GasRuntime): number {
  const sheet = rt.spreadsheet.getSheetByName(TAB.outbox) as Sheet | null;
  if (!sheet || sheet.getLastRow() < 2) return 0;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const col = headers.indexOf('Status') + 1;
  return col ? sheet.getRange(2, col, sheet.getLastRow() - 1, 1).getValues().filter((r) => r[0] === 'Menunggu').length : 0;
}

function summarise(result: SimulationResult, log: (line: string) => void): void {
  const rt = result.runtime;
  const complaints = result.complaints;
  const answered = complaints.filter((c) => c.status === 'Dijawab').length;
  log('');
  log('Ringkasan simulasi');
  log(`  Pengaduan tercatat : ${complaints.length}`);
  log(`  Dijawab            : ${answered}; ditutup: ${complaints.filter((c) => c.status === 'Ditutup').length}; masih terbuka: ${complaints.length - answered - complaints.filter((c) => c.status === 'Ditutup').length}`);
  for (let k = 0; k < 5; k++) {
    const done = complaints.map((c) => c.steps[k].state).filter((s) => s === 'on-time' || s === 'late');
    const onTime = done.filter((s) => s === 'on-time').length;
    log(`  Langkah ${k + 1} tepat waktu: ${done.length ? `${Math.round((onTime / done.length) * 100)}% (${onTime}/${done.length})` : '-'}`);
  }
  const queued = queuedMail(rt);
  log(`  Email terkirim     : ${rt.outbox.length}; masih antre: ${queued}`);
  log(`  Eksekusi skrip     : ${rt.ledger.runs.length}; gagal: ${rt.ledger.runs.filter((r) => r.error).length}`);
  if (result.problems.length) {
    log(`  Catatan (${result.problems.length}):`);
    for (const p of result.problems.slice(0, 20)) log(`   - ${p}`);
  }
  log(`  Berkas hasil       : ${result.outDir} (${readdirSync(result.outDir).sort().join(', ')})`);
}

async function main(): Promise<void> {
  process.env.TZ = process.env.TZ ?? 'Asia/Jakarta';
  const args = parseArgs(process.argv.slice(2));
  const scenario = loadScenario(args.scenario);
  const log = args.quiet ? () => undefined : (line: string) => console.log(line);
  const result = await simulate(scenario, args.out, log);
  summarise(result, console.log);
}

if (require.main === module) {
  main().catch((e) => {
    if (e instanceof ScenarioError) console.error(`Skenario tidak sah: ${e.message}`);
    else console.error(`Simulasi gagal: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
