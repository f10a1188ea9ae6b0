/**
 * What the runner prints (DESIGN §12): one line per simulated day while it runs, and the summary
 * at the end (complaints, on-time rate per step, mail, executions, refused events, problems).
 */
import { readdirSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { GasRuntime } from '../../emulator/runtime';
import { STATUS } from '../../src/core/complaint';
import type { SimulationResult } from './runner';
import { queuedMail } from './tabs';

export const wib = (d: Date | number | string) =>
  DateTime.fromMillis(typeof d === 'number' ? d : new Date(d).getTime(), { zone: 'Asia/Jakarta' });

export function dayLine(rt: GasRuntime, day: DateTime, events: number, sent: number, waiting: number): string {
  const failed = rt.executions.filter((x) => !x.ok && wib(x.startedAt).hasSame(day, 'day')).length;
  return `  ${day.setLocale('id').toFormat('ccc dd LLL yyyy')}: ${String(events).padStart(2)} peristiwa, ${String(sent).padStart(3)} email terkirim${waiting ? `, ${waiting} antre` : ''}${failed ? `, ${failed} eksekusi gagal` : ''}`;
}

export function summarise(result: SimulationResult, log: (line: string) => void): void {
  const rt = result.runtime;
  const complaints = result.complaints;
  const answered = complaints.filter((c) => c.status === STATUS.answered).length;
  const closed = complaints.filter((c) => c.status === STATUS.closed).length;
  log('');
  log('Ringkasan simulasi');
  log(`  Pengaduan tercatat : ${complaints.length}`);
  log(
    `  Dijawab            : ${answered}; ditutup: ${closed}; masih terbuka: ${complaints.length - answered - closed}`,
  );
  for (let k = 0; k < 5; k++) {
    const done = complaints.map((c) => c.steps[k].state).filter((s) => s === 'on-time' || s === 'late');
    const onTime = done.filter((s) => s === 'on-time').length;
    log(
      `  Langkah ${k + 1} tepat waktu: ${done.length ? `${Math.round((onTime / done.length) * 100)}% (${onTime}/${done.length})` : '-'}`,
    );
  }
  log(`  Email terkirim     : ${rt.outbox.length}; masih antre: ${queuedMail(rt)}`);
  log(`  Eksekusi skrip     : ${rt.ledger.runs.length}; gagal: ${rt.ledger.runs.filter((r) => r.error).length}`);
  const refused = result.events.filter((e) => e.status === 'refused').length;
  log(
    `  Peristiwa          : ${result.events.length}; diterapkan: ${result.events.length - refused}; ditolak: ${refused}`,
  );
  if (result.problems.length) {
    log(`  Catatan (${result.problems.length}):`);
    for (const p of result.problems.slice(0, 20)) log(`   - ${p}`);
  }
  log(`  Berkas hasil       : ${result.outDir} (${readdirSync(result.outDir).sort().join(', ')})`);
}
