/**
 * The scenario loop (DESIGN §12): a runtime with the built dist/Code.js, set up as the operator
 * would, then every event delivered at its time (time-driven triggers firing in between), each
 * recorded for events.json: applied, or refused with why. One bad event never stops the run.
 */
import { ChannelSim, RunnerHooks, usesReplies } from './channels';
import { join, resolve } from 'node:path';
import { GasRuntime } from '../../emulator/runtime';
import type { Sheet } from '../../emulator/spreadsheet';
import { Form } from '../../emulator/services';
import { REGISTER_COLUMNS, UNIT_COLUMNS } from '../../src/core/complaint';
import { TAB } from '../../src/core/labels';
import { EVENT_KINDS, EventContext, EventKind, kindOf } from './events';
import { RUN_ALIASES } from './events/runs';
import { headerOf } from './events/workflow';
import { complaintsJson, writeOutputs } from './outputs';
import { editorsOf, operatorFor } from './people';
import { dayLine, wib } from './report';
import type { During, Scenario, ScenarioEvent } from './scenario';
import { applyScenarioConfig, headerIndex, queuedMail, readJsonProperty, sheet } from './tabs';
import { Body, ScenarioError } from './validate';

export const ROOT = resolve(__dirname, '..', '..');

/** One line of events.json. */
export interface EventRecord {
  index: number;
  at: string;
  /** The event's key (`submit`, `edit`, `run`, …); for a fault, its kind (`outage`, `kill`, …). */
  kind: string;
  by?: string;
  status: 'applied' | 'refused';
  /** Why it was refused, in a sentence; '' when applied. */
  why: string;
  /** Executions that failed while the event was delivered (label: error). */
  failures: string[];
}

const keyOf = (ev: object): string | undefined => EVENT_KINDS.find((k) => k.key in ev)?.key;

export class Simulation implements EventContext {
  readonly rt: GasRuntime;
  /** The platforms' fakes and the posts they serve (DESIGN §14). */
  readonly channels: ChannelSim;
  readonly problems: string[] = [];
  readonly operator: string;
  formId = '';
  /** Per submission, its complaint number, or how to find it once a deferred intake has run. */
  private readonly numbers: (string | (() => string))[] = [];
  private readonly records: EventRecord[] = [];
  /** Events that act later (kill, during): why they have not happened yet, or null once they have. */
  private readonly pending = new Map<EventRecord, () => string | null>();
  private menuFunctions = new Set<string>();

  constructor(
    private readonly s: Scenario,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.operator = operatorFor(s);
    this.rt = new GasRuntime({
      start: s.start,
      owner: this.operator,
      mailQuota: s.mailQuota ?? 100,
      users: editorsOf(s),
      spreadsheetName: 'Pengaduan Medsos Disbud DKI',
      accountTimeZone: s.accountTimeZone ?? 'Asia/Jakarta',
    });
    this.rt.loadFile(join(ROOT, 'dist', 'Code.js'));
    this.channels = new ChannelSim(this.rt, s.channels, usesReplies(s));
  }

  channelHooks(): RunnerHooks {
    return {
      editCell: (by, tab, row, header, value, where) => {
        const col = headerIndex(sheet(this.rt, tab)).get(header);
        if (!col) throw new Error(`kolom "${header}" tidak ada di tab "${tab}"`);
        const result = this.rt.editAsUser(by, tab, row, col, [[value]]);
        if (!result.applied)
          this.problems.push(`${where}: suntingan ${by} di "${tab}" ditolak Sheets: ${result.reason}`);
        for (const r of result.runs) if (!r.ok) this.problems.push(`${where}: ${r.label} gagal: ${r.error}`);
      },
      reserve: () => {
        const slot = this.numbers.push('') - 1;
        return (number) => {
          this.numbers[slot] = number;
        };
      },
      advance: (to) => this.advance(to),
      now: () => this.rt.now().getTime(),
      problem: (m) => {
        this.problems.push(m);
      },
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
    this.channels.connect(this.operator, (m) => this.problems.push(m));
    const items = this.rt.spreadsheetApp._ui._menus.flatMap((m) => m.items);
    this.menuFunctions = new Set(
      items
        .flatMap((i) => [i.functionName, ...(i.items ?? []).map((x) => x.functionName)])
        .filter((f): f is string => Boolean(f)),
    );
    this.checkRunNames();
  }

  /** Every run name of the scenario is an entry point of this bundle (before any event runs). */
  private checkRunNames(): void {
    this.s.events.forEach((ev, i) => {
      const where = `events[${i}]`;
      const check = (name: string, field: string, triggers: boolean) => {
        if (!this.knows(name, triggers)) {
          throw new ScenarioError(
            `${where}.${field}: "${name}" bukan run yang dikenal (setup, ${Object.keys(RUN_ALIASES).join(', ')} atau fungsi menu: ${[...this.menuFunctions].join(', ')})`,
          );
        }
      };
      if ('run' in ev) check(ev.run, 'run', false);
      if ('fault' in ev && ev.fault.kind === 'kill') check(ev.fault.run, 'fault.run', true);
      if ('during' in ev && ev.during) check(ev.during.run, 'during.run', true);
    });
  }

  /** kill/during may also name a trigger handler the bundle installed (onFormSubmitTrigger, …). */
  private knows(name: string, triggers: boolean): boolean {
    if (name in RUN_ALIASES || this.menuFunctions.has(name)) return true;
    return triggers && this.rt.triggers.some((t) => t.handler === name);
  }

  handlerOf(run: string): string {
    if (!this.knows(run, true))
      throw new ScenarioError(`run "${run}" bukan setup, alias, item menu atau fungsi pemicu`);
    return RUN_ALIASES[run] ?? run;
  }

  runEntry(run: string): void {
    if (!this.knows(run, false)) throw new ScenarioError(`run "${run}" bukan setup, alias atau item menu`);
    const fn = RUN_ALIASES[run] ?? run;
    try {
      if (fn === 'setup') this.rt.call(fn, [], { user: this.operator });
      else this.rt.call(fn, [], { user: this.operator, kind: 'menu', hasUi: fn.startsWith('menu') });
    } catch {
      // Recorded in the execution list; the event's failures name it.
    }
  }

  number(ref: number | string, where: string): string {
    if (typeof ref === 'string') return ref;
    const entry = this.numbers[ref - 1];
    const n = typeof entry === 'function' ? entry() : entry;
    if (typeof entry === 'function' && n) this.numbers[ref - 1] = n;
    if (!n) throw new ScenarioError(`${where}.ref: kiriman ke-${ref} tidak menghasilkan nomor pengaduan`);
    return n;
  }

  recordSubmission(number: string | (() => string)): void {
    this.numbers.push(number);
  }

  tab(name: string): Sheet {
    if (name !== '@responses') return sheet(this.rt, name);
    const form = this.rt.env.files.get(this.formId);
    const linked = form instanceof Form ? form._destination?.tab?.sheet : undefined;
    if (linked && this.rt.spreadsheet.getSheets().some((x) => (x as unknown) === linked))
      return linked as unknown as Sheet;
    const withForm = this.rt.spreadsheet.getSheets().filter((x) => x.getFormUrl());
    if (!withForm.length) throw new ScenarioError('@responses: spreadsheet tidak punya tab jawaban formulir');
    return withForm[withForm.length - 1];
  }

  rowOf(tabName: string, number: string): number {
    const s = sheet(this.rt, tabName);
    const header = tabName === TAB.register ? headerOf(REGISTER_COLUMNS, 'number') : headerOf(UNIT_COLUMNS, 'number');
    const col = headerIndex(s).get(header);
    if (!col) throw new Error(`tab "${tabName}" tidak punya kolom "${header}"`);
    const values = s.getRange(1, col, Math.max(1, s.getLastRow()), 1).getValues();
    const i = values.findIndex((r) => r[0] === number);
    if (i < 0) throw new Error(`${number} tidak ditemukan di tab "${tabName}"`);
    return i + 1;
  }

  unitTabOf(number: string): string {
    const reg = sheet(this.rt, TAB.register);
    const col = headerIndex(reg).get(headerOf(REGISTER_COLUMNS, 'unit'));
    if (!col) throw new Error(`tab "${TAB.register}" tidak punya kolom unit`);
    return String(reg.getRange(this.rowOf(TAB.register, number), col).getValue());
  }

  edit(by: string, tabName: string, number: string, header: string, value: unknown): string | null {
    const s = sheet(this.rt, tabName);
    const col = headerIndex(s).get(header);
    if (!col) throw new Error(`kolom "${header}" tidak ada di tab "${tabName}"`);
    const result = this.rt.editAsUser(by, tabName, this.rowOf(tabName, number), col, [[value]]);
    return result.applied ? null : (result.reason ?? 'ditolak');
  }

  registerNumbers(): Set<string> {
    // A renamed or deleted register has no numbers (the form still takes submissions).
    const reg = this.rt.spreadsheet.getSheetByName(TAB.register);
    if (!reg) return new Set();
    const col = headerIndex(reg).get(headerOf(REGISTER_COLUMNS, 'number'));
    const last = reg.getLastRow();
    if (!col || last < 2) return new Set();
    return new Set(
      reg
        .getRange(2, col, last - 1, 1)
        .getValues()
        .map((r) => String(r[0]))
        .filter(Boolean),
    );
  }

  /** Moves the virtual clock, firing time-driven triggers; failed runs are noted. */
  advance(to: number | string): void {
    for (const r of this.rt.advanceTo(typeof to === 'number' ? new Date(to) : to))
      if (!r.ok) this.problems.push(`${r.label} (${wib(r.startedAt).toISO()}): ${r.error}`);
  }

  /**
   * Delivers one event at its time and records it. What a person could not have done (a form
   * answer the form refuses, an edit a protection refuses, an update to a complaint that has no
   * unit) is recorded as refused, with the event index, and the run goes on with the next event.
   */
  event(ev: ScenarioEvent, i: number): void {
    const where = `events[${i}]`;
    this.advance(ev.at);
    this.channels.catchUp(Date.parse(ev.at), this.channelHooks()); // triages waiting for a poll
    const key = keyOf(ev);
    const kind = key ? kindOf(key) : undefined;
    if (!kind) throw new ScenarioError(`${where}: jenis peristiwa tidak dikenal`);
    const e = ev as unknown as Body;
    const body = (kind.scalar ? e : e[kind.key]) as Body;
    const record: EventRecord = {
      index: i,
      at: ev.at,
      kind: kind.label?.(body) ?? kind.key,
      ...('by' in ev ? { by: ev.by } : {}),
      status: 'applied',
      why: '',
      failures: [],
    };
    this.records.push(record);
    const during = 'during' in ev ? ev.during : undefined;
    if (during) this.deliverDuring(kind, body, ev, where, record, during);
    else this.deliver(kind, body, ev, where, record);
  }

  private deliver(kind: EventKind, body: Body, ev: ScenarioEvent, where: string, record: EventRecord): void {
    const mark = this.rt.executions.length;
    try {
      const d = kind.deliver(this, body, ev, where);
      if (d && 'refused' in d) this.refuse(record, where, `${kind.key}: ${d.refused}`, d.refused);
      if (d && 'settle' in d) {
        this.pending.set(record, () => {
          const final = d.settle();
          return final && 'refused' in final ? final.refused : null;
        });
      }
    } catch (err) {
      const message = (err as Error).message;
      this.refuse(record, where, message, message);
    }
    for (const x of this.rt.executions.slice(mark)) {
      if (x.ok) continue;
      record.failures.push(`${x.label}: ${x.error}`);
      this.problems.push(`${where}: ${x.label} gagal: ${x.error}`);
    }
  }

  /** The user's action lands in the middle of the next execution of `during.run`. */
  private deliverDuring(
    kind: EventKind,
    body: Body,
    ev: ScenarioEvent,
    where: string,
    record: EventRecord,
    during: During,
  ): void {
    let handler: string;
    try {
      handler = this.handlerOf(during.run);
    } catch (err) {
      this.refuse(record, where, (err as Error).message, (err as Error).message);
      return;
    }
    const outcome = this.rt.faults.during(handler, during.after, during.nth, () =>
      this.deliver(kind, body, ev, where, record),
    );
    this.pending.set(record, () => {
      if (outcome.fired) return null;
      return outcome.executionId === undefined
        ? `${handler} tidak berjalan lagi sebelum akhir skenario; tindakan ini tidak terjadi`
        : `${handler} hanya memanggil ${during.after} ${outcome.count} kali, bukan ${during.nth}; tindakan ini tidak terjadi`;
    });
  }

  private refuse(record: EventRecord, where: string, problem: string, why: string): void {
    record.status = 'refused';
    record.why = record.why ? `${record.why}; ${why}` : why;
    this.problems.push(`${where}: ${problem}`);
  }

  /**
   * events.json: one record per event delivered so far. A kill or a mid-run action that has not
   * happened (yet) is refused, saying why; asked again later, it may have happened since.
   */
  eventRecords(): EventRecord[] {
    return this.records.map((r) => {
      const why = this.pending.get(r)?.();
      return why
        ? { ...r, status: 'refused', why: r.why ? `${r.why}; ${why}` : why, failures: [...r.failures] }
        : { ...r, failures: [...r.failures] };
    });
  }

  /** The end of the scenario: the clock to `end`; what never happened is noted as a problem. */
  finish(): void {
    this.advance(this.s.end);
    this.channels.catchUp(Date.parse(this.s.end), this.channelHooks());
    this.records.forEach((r) => {
      const why = this.pending.get(r)?.();
      if (why) this.problems.push(`events[${r.index}]: ${r.kind}: ${why}`);
    });
  }
}

export interface SimulationResult {
  runtime: GasRuntime;
  problems: string[];
  outDir: string;
  /** What complaints.json holds. */
  complaints: ReturnType<typeof complaintsJson>;
  /** What events.json holds. */
  events: EventRecord[];
}

export async function simulate(
  scenario: Scenario,
  outDir: string,
  log: (line: string) => void = console.log,
): Promise<SimulationResult> {
  const sim = new Simulation(scenario, log);
  const rt = sim.rt;
  log(
    `Skenario ${scenario.name ?? ''}: ${wib(Date.parse(scenario.start)).toFormat('d LLL yyyy')} – ${wib(Date.parse(scenario.end)).toFormat('d LLL yyyy')}, ${scenario.events.length} peristiwa`,
  );
  sim.setup();
  // Day by day: every simulated day prints a line (events, emails sent, mail still queued).
  let day = wib(Date.parse(scenario.start)).startOf('day');
  let eventsToday = 0;
  let sentBefore = 0;
  const closeDay = (): void => {
    log(dayLine(rt, day, eventsToday, rt.outbox.length - sentBefore, queuedMail(rt)));
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
  const events = sim.eventRecords();

  const complaintRecords = await writeOutputs(rt, outDir, events, { 'replies.json': sim.channels.repliesJson() });
  return { runtime: rt, problems: sim.problems, outDir, complaints: complaintRecords, events };
}
