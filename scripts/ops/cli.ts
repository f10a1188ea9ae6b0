/**
 * Operator tools (DESIGN §16), from the terminal:
 *
 *   npm run ops -- backup   --spreadsheet ID [--out DIR]
 *   npm run ops -- rehearse --from DIR | --spreadsheet ID [--days N] [--out DIR] [--owner EMAIL]
 *   npm run ops -- doctor   --from DIR | --spreadsheet ID
 *
 * Google is reached with the googleapis client (OAuth desktop flow, scripts/ops/auth.ts).
 * `--api-root URL` points it at a local fake of the Sheets API (http://127.0.0.1 only; tests).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { sheets_v4 } from 'googleapis';
import { isoWib } from '../../src/core/values';
import { AuthError, authorise } from './auth';
import { BackupExistsError, readBackup, writeBackup } from './backup-format';
import { checkHealth, healthText } from './doctor-checks';
import { rehearsalText, rehearse } from './rehearse';
import { readWorkbook } from './sheets-reader';
import { fakeApiClient, sheetsClient } from './sheets-client';
import type { SheetSnapshot } from '../sim/outputs';

const ROOT = resolve(__dirname, '..', '..');

export class UsageError extends Error {}

const USAGE = [
  'Pemakaian:',
  '  npm run ops -- backup   --spreadsheet ID [--out FOLDER]',
  '  npm run ops -- rehearse --from FOLDER | --spreadsheet ID [--days N] [--out FOLDER] [--owner EMAIL]',
  '  npm run ops -- doctor   --from FOLDER | --spreadsheet ID',
  'Pilihan umum: --credentials BERKAS (klien OAuth "Desktop app"), --api-root URL (Sheets API tiruan di 127.0.0.1).',
].join('\n');

export interface CliArgs {
  command: string;
  spreadsheet?: string;
  from?: string;
  out?: string;
  days: number;
  owner?: string;
  credentials?: string;
  apiRoot?: string;
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (!['backup', 'rehearse', 'doctor'].includes(command))
    throw new UsageError(`Perintah tidak dikenal: ${command}\n${USAGE}`);
  const args: CliArgs = { command, days: 1 };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} perlu nilai\n${USAGE}`);
      return v;
    };
    if (a === '--spreadsheet') args.spreadsheet = spreadsheetIdOf(value());
    else if (a === '--from') args.from = resolve(value());
    else if (a === '--out') args.out = resolve(value());
    else if (a === '--days') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 366) throw new UsageError(`--days harus bilangan bulat 0–366, bukan "${v}"`);
      args.days = Number(v);
    } else if (a === '--owner') args.owner = value();
    else if (a === '--credentials') args.credentials = resolve(value());
    else if (a === '--api-root') {
      const v = value();
      if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(v))
        throw new UsageError('--api-root hanya untuk Sheets API tiruan lokal (http://127.0.0.1:PORT/)');
      args.apiRoot = v.endsWith('/') ? v : `${v}/`;
    } else throw new UsageError(`Argumen tidak dikenal: ${a}\n${USAGE}`);
  }
  if (command === 'backup' && !args.spreadsheet) throw new UsageError(`backup perlu --spreadsheet ID\n${USAGE}`);
  if (command === 'backup' && args.from)
    throw new UsageError('backup membaca dari Google (--spreadsheet), bukan --from');
  if (command !== 'backup' && !!args.from === !!args.spreadsheet)
    throw new UsageError(`${command} perlu tepat satu dari --from FOLDER atau --spreadsheet ID\n${USAGE}`);
  return args;
}

/** Accepts an id or a spreadsheet URL. */
export function spreadsheetIdOf(v: string): string {
  const m = /\/spreadsheets\/d\/([a-zA-Z0-9_-]+)/.exec(v);
  const id = m ? m[1] : v.trim();
  if (!/^[a-zA-Z0-9_-]{10,}$/.test(id))
    throw new UsageError(`"${v}" bukan id spreadsheet (bagian /d/ID/ dari alamatnya)`);
  return id;
}

async function sheetsApi(args: CliArgs, log: (l: string) => void): Promise<sheets_v4.Sheets> {
  if (args.apiRoot) return fakeApiClient(args.apiRoot);
  return sheetsClient(await authorise({ credentialsFile: args.credentials, log }));
}

interface Source {
  sheets: SheetSnapshot[];
  takenAt: Date;
  label: string;
}

async function load(args: CliArgs, log: (l: string) => void): Promise<Source> {
  if (args.from) {
    const b = readBackup(args.from);
    const takenAt = b.info?.takenAt ? new Date(b.info.takenAt) : (latestDate(b.sheets) ?? new Date());
    return { sheets: b.sheets, takenAt, label: args.from };
  }
  const api = await sheetsApi(args, log);
  log(`Membaca spreadsheet ${args.spreadsheet} lewat Sheets API…`);
  const wb = await readWorkbook(api, args.spreadsheet!, log);
  return { sheets: wb.sheets, takenAt: new Date(), label: `${wb.title} (${args.spreadsheet})` };
}

function latestDate(sheets: SheetSnapshot[]): Date | null {
  let best = 0;
  for (const s of sheets)
    for (const r of s.values) for (const v of r) if (v instanceof Date && v.getTime() > best) best = v.getTime();
  return best ? new Date(best) : null;
}

export async function run(argv: string[], log: (l: string) => void = console.log): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'backup') {
    const out = args.out ?? resolve(`backup-${args.spreadsheet}-${new Date().toISOString().slice(0, 10)}`);
    if (existsSync(join(out, 'workbook.json')))
      throw new BackupExistsError(
        `${out} sudah berisi cadangan; cadangan tidak pernah ditimpa. Pilih folder lain dengan --out.`,
      );
    const api = await sheetsApi(args, log);
    log(`Mencadangkan spreadsheet ${args.spreadsheet}…`);
    const takenAt = new Date();
    const wb = await readWorkbook(api, args.spreadsheet!, log);
    await writeBackup(out, wb.sheets, {
      source: 'sheets-api',
      spreadsheetId: wb.spreadsheetId,
      title: wb.title,
      timeZone: wb.timeZone,
      takenAt: isoWib(takenAt)!,
    });
    log(`Cadangan "${wb.title}": ${wb.sheets.length} tab → ${out} (workbook.json, workbook.xlsx, backup-info.json)`);
    return 0;
  }
  const src = await load(args, log);
  if (args.command === 'doctor') {
    log(`Pemeriksaan kesehatan: ${src.label}, keadaan ${isoWib(src.takenAt)}`);
    const report = checkHealth(src.sheets, src.takenAt);
    for (const line of healthText(report)) log(line);
    return report.needsOperator ? 1 : 0;
  }
  const bundle = join(ROOT, 'dist', 'Code.js');
  if (!existsSync(bundle))
    throw new UsageError('dist/Code.js belum ada: jalankan "npm run build" dulu (gladi memakai build ini).');
  const outDir =
    args.out ??
    (args.from ? `${args.from.replace(/[\\/]+$/, '')}-rehearsal` : resolve(`rehearsal-${args.spreadsheet}`));
  const report = await rehearse({
    bundle,
    sheets: src.sheets,
    takenAt: src.takenAt,
    days: args.days,
    owner: args.owner,
    outDir,
    log,
  });
  for (const line of rehearsalText(report, args.days, outDir)) log(line);
  return report.setup.ok ? 0 : 1;
}

if (require.main === module) {
  process.env.TZ = process.env.TZ ?? 'Asia/Jakarta';
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      if (e instanceof UsageError) console.error(e.message);
      else if (e instanceof BackupExistsError || e instanceof AuthError) console.error(`Berhenti: ${e.message}`);
      else {
        const status = (
          e as { response?: { status?: number; data?: { error?: { message?: string; status?: string } } } }
        ).response;
        if (status?.data?.error)
          console.error(
            `Sheets API menolak (${status.status} ${status.data.error.status}): ${status.data.error.message}`,
          );
        else console.error(`Gagal: ${(e as Error)?.stack ?? e}`);
      }
      process.exit(2);
    },
  );
}
