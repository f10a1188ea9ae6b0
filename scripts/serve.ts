/**
 * `npm run serve`: runs a scenario (default: the shipped sample) on the local runtime and then
 * serves its web app — the citizen's tracking page (DESIGN §15) — on http://127.0.0.1:PORT/exec,
 * so it can be browsed like the deployed page. Loopback only. Stops on Ctrl-C (SIGINT/SIGTERM),
 * or after `--seconds N`.
 *
 *   npm run serve
 *   npm run serve -- --port 8081 --scenario FILE --out DIR --seconds 600
 */
import { resolve } from 'node:path';
import type { GasRuntime } from '../emulator/runtime';
import { serveWebApp } from '../emulator/web/server';
import { REGISTER_COLUMNS } from '../src/core/complaint';
import { TAB } from '../src/core/labels';
import { LOCAL_WEB_APP_PORT } from './sim/citizen';
import { ScenarioError, loadScenario } from './sim/scenario';
import { DEFAULT_SCENARIO, simulate } from './simulate';

interface Args {
  scenario: string;
  out: string;
  port: number;
  seconds: number | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    scenario: DEFAULT_SCENARIO,
    out: resolve(__dirname, '..', 'out'),
    port: LOCAL_WEB_APP_PORT,
    seconds: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => argv[++i] ?? '';
    if (a === '--scenario') args.scenario = resolve(next());
    else if (a === '--out') args.out = resolve(next());
    else if (a === '--port') args.port = Number(next());
    else if (a === '--seconds') args.seconds = Number(next());
    else if (a === '--help' || a === '-h') {
      console.log('Pemakaian: npm run serve -- [--port 8080] [--scenario BERKAS.json] [--out FOLDER] [--seconds N]');
      process.exit(0);
    } else throw new ScenarioError(`argumen tidak dikenal: ${a} (lihat --help)`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)
    throw new ScenarioError('--port harus 0–65535');
  if (args.seconds !== null && !(args.seconds > 0)) throw new ScenarioError('--seconds harus angka > 0');
  return args;
}

/** A few links of the register's `Tautan Pantau` column, to click. */
function sampleLinks(rt: GasRuntime, count: number): string[] {
  const sheet = rt.spreadsheet.getSheetByName(TAB.register);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const col = headers.indexOf(REGISTER_COLUMNS.find((c) => c.key === 'trackingUrl')!.header) + 1;
  if (!col) return [];
  return sheet
    .getRange(2, col, sheet.getLastRow() - 1, 1)
    .getValues()
    .map((r) => String(r[0]))
    .filter(Boolean)
    .slice(0, count);
}

async function main(): Promise<void> {
  process.env.TZ = process.env.TZ ?? 'Asia/Jakarta';
  const args = parseArgs(process.argv.slice(2));
  const scenario = loadScenario(args.scenario);
  let runtime: GasRuntime | null = null;
  // Listen first: the links written into `Tautan Pantau` carry the port actually used.
  const server = await serveWebApp(() => runtime, { port: args.port });
  const stop = async (why: string): Promise<void> => {
    console.log(`\nBerhenti (${why}).`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('Ctrl-C'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  scenario.settings = { url_pantau: server.url, ...(scenario.settings ?? {}) };
  const result = await simulate(scenario, args.out, () => undefined);
  runtime = result.runtime;
  console.log(
    `Skenario ${scenario.name ?? args.scenario} selesai: ${result.complaints.length} pengaduan; hasil di ${args.out}`,
  );
  console.log(`Halaman pantau (aplikasi web lokal): ${server.url}`);
  for (const link of sampleLinks(runtime, 3)) console.log(`  contoh tautan: ${link}`);
  console.log('Tekan Ctrl-C untuk berhenti.');
  if (args.seconds !== null) setTimeout(() => void stop(`${args.seconds} detik`), args.seconds * 1000).unref();
}

if (require.main === module) {
  main().catch((e) => {
    if (e instanceof ScenarioError) console.error(`Argumen/skenario tidak sah: ${e.message}`);
    else console.error(`Gagal: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
