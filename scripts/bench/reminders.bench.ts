/**
 * Benchmark of the daily reminder job (issue 5) on the built dist/Code.js in the local runtime:
 * a register of 50,000 complaints (5,000 open across the 18 default units, received over the
 * last three working weeks, so that many are overdue) and an outbox holding one sent
 * assignment email per complaint. Measured from the runtime's call ledger and cost model:
 *   - service calls per run (target: ≤ 2 reads per table, 1 write per table touched, plus the
 *     outbox's two-phase send loop: a re-read, ≤ 2 writes and a flush per batch of messages; the
 *     same call counts at 5,000 complaints as at 50,000, mail sends aside);
 *   - estimated Apps Script time per run (target: < 60 s).
 * Three runs: Monday 3 August 2026 (first working day of the week and of the month: digests,
 * every escalation that is due, weekly and monthly summaries), the same trigger fired again,
 * and Tuesday. Outbox bodies are kept short here: the cost model charges per cell, not per
 * character, so this does not change the estimate.
 */
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { GasRuntime } from '../../emulator/runtime';
import type { Sheet } from '../../emulator/spreadsheet';
import { Complaint, REGISTER_COLUMNS, STATUS, Status } from '../../src/core/complaint';
import { DEFAULT_UNITS, SETTINGS, parseConfig } from '../../src/core/config';
import { planDaily } from '../../src/core/reports/daily';
import { scheduledReminderDay } from '../../src/core/reports/period';
import { OUTBOX_HEADERS, OUTBOX_STATUS } from '../../src/core/email/message';
import { SEND_BATCH } from '../../src/core/email/queue';
import { TAB } from '../../src/core/labels';
import { createCalendar } from '../../src/core/calendar';
import { random } from './random';

const ROOT = resolve(__dirname, '..', '..');
const OPERATOR = 'operator@example.org';
const TARGET_MS = 60_000;
const ZONE = 'Asia/Jakarta';
const cal = createCalendar();

const wib = (iso: string): number => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
const HOUR = 3_600_000;

/** A working instant `hours` working hours after `t` (approximately: whole working days + hours). */
function later(t: number, rnd: () => number, maxDays: number): number {
  const days = Math.floor(rnd() * (maxDays + 1));
  const base = cal.addWorkingDays(new Date(t), days).getTime();
  return base + Math.floor(rnd() * 2 * HOUR);
}

interface Workload {
  register: unknown[][];
  outbox: unknown[][];
}

function workload(total: number, open: number, today: number): Workload {
  const rnd = random(total);
  const channels = ['Instagram', 'Facebook', 'Twitter/X', 'YouTube'];
  const categories = ['Layanan dan petugas', 'Fasilitas dan kebersihan', 'Tiket dan jam buka', 'Acara dan pertunjukan'];
  const col = new Map(REGISTER_COLUMNS.map((c, i) => [c.key, i]));
  const outCol = new Map(OUTBOX_HEADERS.map((h, i) => [h, i]));
  const register: unknown[][] = [];
  const outbox: unknown[][] = [];
  const first = wib('2025-01-02T08:00');
  const lastFinished = wib('2026-07-10T16:00');
  const openFrom = wib('2026-07-13T08:00');
  for (let i = 0; i < total; i++) {
    const isOpen = i >= total - open;
    const unit = DEFAULT_UNITS[i % DEFAULT_UNITS.length];
    const span = isOpen ? today - openFrom : lastFinished - first;
    let received = (isOpen ? openFrom : first) + Math.floor(rnd() * span);
    received = cal.clockStart(new Date(received)).getTime() + Math.floor(rnd() * 3 * HOUR);
    if (received >= today) received = today - 26 * HOUR;
    const recorded = received + Math.floor(rnd() * HOUR);
    const stamps: (number | null)[] = [recorded, null, null, null, null];
    let reached = isOpen ? Math.floor(rnd() * 4) : 4; // index of the last stamped step
    if (isOpen && rnd() < 0.1) reached = 0;
    for (let k = 1; k <= reached; k++) stamps[k] = Math.min(later(stamps[k - 1]!, rnd, 1), today - HOUR);
    const closed = !isOpen && rnd() < 0.1;
    if (closed) stamps[4] = null;
    const status: Status = closed
      ? STATUS.closed
      : [STATUS.new, STATUS.forwarded, STATUS.processing, STATUS.followedUp, STATUS.answered][reached];
    const number = `ADU-${new Date(received).getUTCFullYear()}-${String(i + 1).padStart(5, '0')}`;
    const row = new Array(REGISTER_COLUMNS.length).fill('');
    const put = (key: string, v: unknown) => {
      row[col.get(key as never)!] = v;
    };
    const d = (t: number | null) => (t === null ? '' : new Date(t));
    put('number', number);
    put('receivedAt', d(received));
    put('recordedAt', d(recorded));
    put('channel', channels[i % 4]);
    put('reporter', `@warga${i}`);
    put('postUrl', `https://www.instagram.com/p/${i}`);
    put('text', `Keluhan nomor ${i} tentang layanan di ${unit.name}.`);
    put('category', categories[i % 4]);
    put('unit', reached >= 1 || closed ? unit.name : '');
    put('assignedUnit', reached >= 1 || closed ? unit.name : '');
    put('status', status);
    put('forwardedAt', d(stamps[1]));
    put('processedAt', d(stamps[2]));
    put('followedUpAt', d(stamps[3]));
    put('answeredAt', d(stamps[4]));
    put('closedAt', closed ? new Date(recorded + 2 * HOUR) : '');
    put('closeReason', closed ? 'spam' : '');
    put('followUp', reached >= 3 ? 'Sudah ditindaklanjuti' : '');
    put('reply', stamps[4] ? 'Terima kasih' : '');
    put('adminEmail', 'admin.medsos@example.org');
    put('sourceKey', `r${i + 2}`);
    put('updatedAt', d(stamps[reached] ?? recorded));
    register.push(row);
    if (reached >= 1) {
      const m = new Array(OUTBOX_HEADERS.length).fill('');
      const o = (h: string, v: unknown) => {
        m[outCol.get(h)!] = v;
      };
      o('Kunci', `penugasan|${number}|${unit.name}|${stamps[1]}`);
      o('Dibuat', new Date(stamps[1]!));
      o('Jenis', 'Penugasan');
      o('No. Pengaduan', number);
      o('Kepada', unit.pics.join(', '));
      o('Subjek', `[Pengaduan ${number}] Diteruskan ke ${unit.name}`);
      o('Isi Teks', 'Pengaduan diteruskan.');
      o('Isi HTML', '<p>Pengaduan diteruskan.</p>');
      o('Status', OUTBOX_STATUS.sent);
      o('Dikirim', new Date(stamps[1]! + HOUR));
      o('Percobaan', 1);
      outbox.push(m);
    }
  }
  return { register, outbox };
}

interface Measured {
  label: string;
  calls: Record<string, number>;
  estimatedMs: number;
  wallMs: number;
  queued: number;
  error?: string;
}

function headersOf(sheet: Sheet): string[] {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
}

/** Rows in the tab's header order (setup may order or add columns its own way). */
function inHeaderOrder(sheet: Sheet, names: readonly string[], rows: unknown[][]): unknown[][] {
  const headers = headersOf(sheet);
  const pos = headers.map((h) => names.indexOf(h));
  return rows.map((r) => pos.map((p) => (p >= 0 ? r[p] : '')));
}

function measureDaily(total: number, open: number): Measured[] {
  const rt = new GasRuntime({ start: '2026-07-31T18:00:00+07:00', owner: OPERATOR, mailQuota: 1500 });
  rt.loadFile(join(ROOT, 'dist', 'Code.js'));
  rt.call('setup', [], { user: OPERATOR });
  const monday = wib('2026-08-03T07:55');
  const { register, outbox } = workload(total, open, monday);
  const reg = rt.spreadsheet.getSheetByName(TAB.register) as Sheet;
  reg._writeRaw(
    2,
    1,
    inHeaderOrder(
      reg,
      REGISTER_COLUMNS.map((c) => c.header),
      register,
    ),
  );
  const out = rt.spreadsheet.getSheetByName(TAB.outbox) as Sheet;
  out._writeRaw(2, 1, inHeaderOrder(out, OUTBOX_HEADERS, outbox));

  const results: Measured[] = [];
  const run = (label: string, at: number) => {
    rt.env.clock.set(at);
    const rowsBefore = out.getLastRow();
    const start = process.hrtime.bigint();
    let error: string | undefined;
    try {
      rt.call('dailyJob', [], { kind: 'time-trigger', user: OPERATOR });
    } catch (e) {
      error = String((e as Error).message);
    }
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const r = rt.ledger.last()!;
    results.push({
      label,
      calls: r.calls,
      estimatedMs: r.estimatedMs,
      wallMs,
      queued: out.getLastRow() - rowsBefore,
      error,
    });
  };
  run('Senin 3 Agu 2026 (awal minggu dan bulan)', monday);
  run('pemicu yang sama, kedua kali', monday + 20 * 60_000);
  run('Selasa 4 Agu 2026', wib('2026-08-04T07:55'));
  return results;
}

const READS = /^Range\.(getValues|getDisplayValues|getFormulas|getValue)$/;
const WRITES = /^(Range\.set\w+|Sheet\.(appendRow|insertRows\w*|deleteRows?\w*|clear\w*)|Range\.clear\w*)$/;

function sum(calls: Record<string, number>, re: RegExp): number {
  return Object.entries(calls)
    .filter(([k]) => re.test(k))
    .reduce((a, [, n]) => a + n, 0);
}

/**
 * The calls that must not depend on the register's size: mail sends depend on the quota, and
 * making room in Antrean Email (insertRowsAfter, 500 spare rows at a time) on how many messages
 * were queued, not on how many complaints there are.
 */
function withoutMail(calls: Record<string, number>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(calls)
        .filter(([k]) => k !== 'MailApp.sendEmail' && k !== 'Sheet.insertRowsAfter')
        .sort(),
    ),
  );
}

/** CPU time of the pure decision (planDaily) in Node, without the runtime: the part the cost model does not count. */
function measurePlan(total: number, open: number): { ms: number; emails: number } {
  const today = wib('2026-08-03T07:55');
  const { register } = workload(total, open, today);
  const complaints = register.map(
    (row) =>
      Object.fromEntries(
        REGISTER_COLUMNS.map((c, i) => [c.key, row[i] === '' && c.kind === 'date' ? null : row[i]]),
      ) as unknown as Complaint,
  );
  const config = {
    ...parseConfig({
      units: DEFAULT_UNITS.map((u) => [u.name, u.kind, u.tab, u.pics.join(','), u.head, '', 'Ya']),
      settings: new Map(SETTINGS.map((x) => [x.key, x.value])),
      holidays: [],
    }),
    holidays: [],
  };
  const day = scheduledReminderDay(cal, new Date(today), 8);
  const links = {
    spreadsheet: 'https://docs.google.com/spreadsheets/d/x/edit',
    register: 'https://docs.google.com/spreadsheets/d/x/edit#gid=1',
    tab: () => 'https://docs.google.com/spreadsheets/d/x/edit#gid=2',
  };
  let emails = 0;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    emails = planDaily({ complaints, config, calendar: cal, day, links, alreadyQueued: () => false }).emails.length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: times.sort((a, b) => a - b)[1], emails };
}

export async function runRemindersBench(): Promise<{ lines: string[]; ok: boolean }> {
  const lines: string[] = ['reminders: daily job (dailyJob) on the built bundle, call ledger and cost model'];
  let ok = true;
  const plan = measurePlan(50_000, 5_000);
  lines.push(
    `  decision only (planDaily, pure, Node, median of 3): ${plan.ms.toFixed(0)} ms for 50,000 complaints, ${plan.emails} emails planned`,
  );
  const small = measureDaily(5_000, 500);
  const big = measureDaily(50_000, 5_000);
  for (const [size, runs] of [
    ['5,000 complaints (500 open)', small],
    ['50,000 complaints (5,000 open)', big],
  ] as const) {
    lines.push(`  ${size}:`);
    for (const r of runs) {
      const reads = sum(r.calls, READS);
      const writes = sum(r.calls, WRITES);
      const sends = r.calls['MailApp.sendEmail'] ?? 0;
      // Two-phase sending (issue 12): per batch of SEND_BATCH one re-read (2 narrow reads), the
      // status cells written (one setValues per run of adjacent rows, ≤ 2 when the priority
      // order jumps) and one flush; plus the last batch's sent marks.
      const commits = sends ? Math.ceil(sends / SEND_BATCH) + 1 : 0;
      const pass =
        !r.error &&
        reads <= 4 + 2 * commits &&
        (r.calls['Range.setValues'] ?? 0) <= 1 + 2 * commits &&
        (r.calls['SpreadsheetApp.flush'] ?? 0) <= commits &&
        (r.calls['Sheet.appendRow'] ?? 0) <= 1 &&
        r.estimatedMs < TARGET_MS;
      ok = ok && pass;
      lines.push(
        `    ${r.label}: ${r.error ? `GALAT ${r.error}; ` : ''}reads ${reads}, writes ${writes}, emails queued ${r.queued}, sent ${sends}, ` +
          `calls ${Object.values(r.calls).reduce((a, b) => a + b, 0)}, estimated ${(r.estimatedMs / 1000).toFixed(1)} s (target < ${TARGET_MS / 1000} s; ` +
          `${((r.estimatedMs - sends * 250) / 1000).toFixed(1)} s without the ${sends} sends), ` +
          `node ${(r.wallMs / 1000).toFixed(1)} s ${pass ? 'OK' : 'MISSED'}`,
      );
      lines.push(`      ${JSON.stringify(r.calls)}`);
    }
  }
  for (let i = 0; i < big.length; i++) {
    const same = withoutMail(small[i].calls) === withoutMail(big[i].calls);
    ok = ok && same;
    lines.push(
      `  call counts at 5,000 vs 50,000 (mail sends and row inserts aside), ${big[i].label}: ${same ? 'identical' : `DIFFER: ${withoutMail(small[i].calls)} vs ${withoutMail(big[i].calls)}`}`,
    );
  }
  return { lines, ok };
}

if (require.main === module) {
  void runRemindersBench().then((r) => {
    for (const line of r.lines) console.log(line);
    process.exit(r.ok ? 0 : 1);
  });
}
