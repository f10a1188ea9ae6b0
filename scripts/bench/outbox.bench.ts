/**
 * Benchmark of the mail outbox's send loop (issue 12, item 4) on the built dist/Code.js: the
 * hourly run with N messages waiting in `Antrean Email` (N = 10, 100), minus the same run with
 * nothing waiting (the register is empty, so the difference is the send loop alone: quota,
 * marks, flushes, sends, sent marks). Measured from the runtime's call ledger and cost model.
 */
import { join, resolve } from 'node:path';
import { GasRuntime } from '../../emulator/runtime';
import type { Sheet } from '../../emulator/spreadsheet';
import { OUTBOX_HEADERS, OUTBOX_STATUS } from '../../src/core/email/message';
import { TAB } from '../../src/core/labels';

const ROOT = resolve(__dirname, '..', '..');
const OPERATOR = 'operator@example.org';

function waitingRows(n: number, at: Date): unknown[][] {
  const col = new Map(OUTBOX_HEADERS.map((h, i) => [h, i]));
  return Array.from({ length: n }, (_, i) => {
    const row = new Array(OUTBOX_HEADERS.length).fill('');
    const put = (h: string, v: unknown) => {
      row[col.get(h)!] = v;
    };
    const number = `ADU-2026-${String(i + 1).padStart(5, '0')}`;
    put('Kunci', `penugasan|${number}|UP Museum Seni|${at.getTime()}`);
    put('Dibuat', at);
    put('Jenis', 'Penugasan');
    put('No. Pengaduan', number);
    put('Kepada', `pic${i}@example.org`);
    put('Subjek', `[Pengaduan ${number}] Diteruskan`);
    put('Isi Teks', 'Pengaduan diteruskan.');
    put('Isi HTML', '<p>Pengaduan diteruskan.</p>');
    put('Status', OUTBOX_STATUS.waiting);
    put('Percobaan', 0);
    return row;
  });
}

export interface SendLoopCost {
  messages: number;
  sent: number;
  calls: Record<string, number>;
  totalCalls: number;
  estimatedMs: number;
}

/** The hourly run's ledger with `n` waiting, minus the one of the run after it (nothing waiting). */
export function measureSendLoop(n: number): SendLoopCost {
  const rt = new GasRuntime({ start: '2026-08-03T09:30:00+07:00', owner: OPERATOR, mailQuota: 1500 });
  rt.loadFile(join(ROOT, 'dist', 'Code.js'));
  rt.call('setup', [], { user: OPERATOR });
  const out = rt.spreadsheet.getSheetByName(TAB.outbox) as Sheet;
  out._writeRaw(2, 1, waitingRows(n, new Date(rt.env.clock.now())));
  const sentBefore = rt.mailApp._sent.length;
  rt.call('hourlyJob', [], { kind: 'time-trigger' });
  const full = rt.ledger.last()!;
  const sent = rt.mailApp._sent.length - sentBefore;
  rt.call('hourlyJob', [], { kind: 'time-trigger' });
  const idle = rt.ledger.last()!;
  const calls: Record<string, number> = {};
  for (const k of new Set([...Object.keys(full.calls), ...Object.keys(idle.calls)])) {
    const d = (full.calls[k] ?? 0) - (idle.calls[k] ?? 0);
    if (d) calls[k] = d;
  }
  return {
    messages: n,
    sent,
    calls,
    totalCalls: full.totalCalls - idle.totalCalls,
    estimatedMs: full.estimatedMs - idle.estimatedMs,
  };
}

export async function runOutboxBench(): Promise<{ lines: string[]; ok: boolean }> {
  const lines: string[] = [
    'outbox: send loop of the hourly run (run with N waiting minus the idle run), call ledger and cost model',
  ];
  let ok = true;
  for (const n of [10, 100]) {
    const r = measureSendLoop(n);
    if (r.sent !== n) ok = false;
    const calls = Object.entries(r.calls)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(
      `  ${n} messages: sent ${r.sent}, ${r.totalCalls} calls, est. ${r.estimatedMs} ms (${(r.estimatedMs / n).toFixed(0)} ms/message): ${calls}`,
    );
  }
  return { lines, ok };
}

if (require.main === module) {
  void runOutboxBench().then((r) => {
    for (const line of r.lines) console.log(line);
    if (!r.ok) process.exit(1);
  });
}
