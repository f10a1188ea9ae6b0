/**
 * The main job offline (DESIGN §12): runs a scenario on the built dist/Code.js inside the local
 * Apps Script runtime, on the virtual clock, and writes what happened to DIR.
 *
 *   npm start                                   # the shipped sample scenario → out/
 *   npm start -- --scenario FILE --out DIR
 *
 * This file is the command line only; the runner lives in scripts/sim/ (runner: the loop;
 * events/: one module per kind of event, registered in events/index.ts; people; tabs; outputs;
 * report). Outputs are written to a temporary folder and moved into DIR only when the run
 * completed, so a failed run never leaves files that look complete.
 */
import { join, resolve } from 'node:path';
import { ROOT, simulate } from './sim/runner';
import { summarise } from './sim/report';
import { ScenarioError, loadScenario } from './sim/scenario';

export { Simulation, simulate } from './sim/runner';
export type { SimulationResult, EventRecord } from './sim/runner';
export { OPERATOR, operatorFor } from './sim/people';
export { configOf } from './sim/tabs';

export const DEFAULT_SCENARIO = join(ROOT, 'scenarios', 'lebaran-2026.json');

interface Args {
  scenario: string;
  out: string;
  quiet: boolean;
}

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
