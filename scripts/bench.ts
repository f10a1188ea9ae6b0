/**
 * `npm run bench`: runs every benchmark, prints its lines, exits 1 when a target is missed.
 * Add a benchmark by exporting `async function run…(): Promise<{ lines: string[]; ok: boolean }>`
 * from scripts/bench/*.bench.ts and listing it here.
 */
import { runCalendarBench } from './bench/calendar.bench';
import { runEmulatorBench } from './bench/emulator.bench';
import { runOutboxBench } from './bench/outbox.bench';
import { runRemindersBench } from './bench/reminders.bench';
import { runSetupBench } from './bench/setup.bench';
import { runWorkflowBench } from './bench/workflow.bench';
import { runChannelsBench } from './bench/channels.bench'; // issue 15

const benches: (() => Promise<{ lines: string[]; ok: boolean }>)[] = [
  runCalendarBench,
  runEmulatorBench,
  runWorkflowBench,
  runRemindersBench,
  runOutboxBench,
  runChannelsBench,
  runSetupBench,
];

async function main(): Promise<void> {
  let ok = true;
  for (const bench of benches) {
    const result = await bench();
    for (const line of result.lines) console.log(line);
    ok = ok && result.ok;
  }
  if (!ok) {
    console.error('bench: a target was missed');
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
