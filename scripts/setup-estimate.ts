/**
 * Runs `setup` of dist/Code.js once in the local runtime and prints the ledger's estimate of its
 * Apps Script time (and the calls behind it): `npx tsx scripts/setup-estimate.ts` after a build.
 */
import { join } from 'node:path';
import { GasRuntime } from '../emulator/runtime';
import { estimateCallMs } from '../emulator/registry';

const rt = new GasRuntime({ start: '2026-03-02T08:00:00+07:00', owner: 'operator@example.org' });
rt.loadFile(join(__dirname, '..', 'dist', 'Code.js'));
rt.call('setup', [], { user: 'operator@example.org' });
const run = rt.ledger.last();
if (!run) throw new Error('setup recorded no run');
const top = Object.entries(run.calls)
  .map(([name, n]) => ({ name, n, ms: n * estimateCallMs(name) }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 12);
console.log(
  `setup: ${run.totalCalls} calls, estimated ${run.estimatedMs} ms (${(run.estimatedMs / 1000).toFixed(1)} s)`,
);
for (const t of top) console.log(`  ${t.name.padEnd(40)} ×${String(t.n).padStart(4)}  ~${Math.round(t.ms)} ms`);
