import { Simulation } from './simulate';
import { parseScenario } from './sim/scenario';
import type { Sheet } from '../emulator/spreadsheet';
const ADMIN = 'admin.medsos@example.org', PIC = 'pic.museum.seni@example.org', OWNER = 'operator@example.org';
const t = (s: string) => `2026-04-${s}+07:00`;
const sub = (at: string, text: string) => ({ at, by: ADMIN, submit: { receivedAt: at, channel: 'Instagram', reporter: '@warga', text, category: 'Fasilitas dan kebersihan', unit: 'UP Museum Seni' } });
const base = [sub(t('06T09:00:00'), 'SATU AC mati'), sub(t('06T09:05:00'), 'DUA toilet kotor')];
const rows = (sim: Simulation, name: string) => { const s = sim.rt.spreadsheet.getSheetByName(name) as Sheet | null; if (!s) return null; const v = s.getDataRange().getValues(); const h = v[0].map(String); return v.slice(1).filter(r => r.some(x => x !== '')).map(r => Object.fromEntries(h.map((k, i) => [k, r[i]]))); };
function run(name: string, events: any[], after?: (sim: Simulation) => void) {
  const s = parseScenario(JSON.stringify({ start: t('06T07:00:00'), end: t('10T17:00:00'), admins: [ADMIN], events }));
  const sim = new Simulation(s); sim.setup();
  s.events.forEach((e, i) => sim.event(e, i));
  sim.rt.advanceTo(t('07T12:00:00'));
  const recs = sim.eventRecords();
  const reg = rows(sim, 'Pengaduan') ?? [];
  const unit = rows(sim, 'UP Museum Seni');
  const subj = sim.rt.outbox.map(m => m.subject); const dups = subj.filter((x, i) => subj.indexOf(x) !== i);
  const fails = sim.rt.executions.filter(x => !x.ok).map(x => `${x.label}: ${x.error}`);
  const errs = rows(sim, 'Log Galat') ?? [];
  console.log(`\n=== ${name}`);
  for (const r of recs.slice(2)) console.log(`  [${r.index}] ${r.kind} ${r.status} ${r.why.slice(0, 90)} ${r.failures.join(' | ').slice(0, 150)}`);
  console.log('  register:', reg.map(r => `${r['No. Pengaduan']}:${String(r['Isi Pengaduan']).slice(0, 6)}:${r['Status']}`).join(', '));
  console.log('  unit tab:', unit ? unit.map(r => `${r['No. Pengaduan']}:${r['Status']}`).join(', ') : '(missing)', ' tabs:', sim.rt.spreadsheet.getSheets().map(x => x.getName()).filter(n => /Museum|Form|Pengaduan|Jawab/.test(n)).join('/'));
  console.log('  mails:', subj.length, 'dups:', dups.join(' ; '));
  console.log('  failed:', fails.length, [...new Set(fails)].slice(0, 3).join(' || ').slice(0, 300));
  console.log('  Log Galat:', errs.length, errs.slice(0, 2).map(e => String(e['Pesan']).slice(0, 120)).join(' || '));
  after?.(sim);
}
const arg = process.argv[2];
const cases: Record<string, () => void> = {
 A: () => run('A deleteRows register row 2 by owner, then reconcile', [...base, { at: t('06T10:00:00'), by: OWNER, deleteRows: { tab: 'Pengaduan', row: 2 } }, { at: t('06T10:30:00'), run: 'reconcile' }]),
 B: () => run('B deleteRows @responses row 2 by owner, then a new submission', [...base, { at: t('06T10:00:00'), by: OWNER, deleteRows: { tab: '@responses', row: 2 } }, sub(t('06T10:10:00'), 'TIGA parkir'), { at: t('06T10:30:00'), run: 'reconcile' }]),
 D: () => run('D insertRows @responses row 2 by owner, then a new submission', [...base, { at: t('06T10:00:00'), by: OWNER, insertRows: { tab: '@responses', row: 2, count: 1 } }, sub(t('06T10:10:00'), 'TIGA parkir'), { at: t('06T10:30:00'), run: 'reconcile' }]),
 E: () => run('E sort register by owner (desc by No.), then officer update of ref 1', [...base, { at: t('06T10:00:00'), by: OWNER, sort: { tab: 'Pengaduan', range: 'A2:AD3', column: 'A', descending: true } }, { at: t('06T10:10:00'), by: PIC, update: { ref: 1, status: 'Diproses' } }, { at: t('06T10:30:00'), run: 'reconcile' }]),
 F: () => run('F sort @responses desc by owner, then new submission + reconcile', [...base, { at: t('06T10:00:00'), by: OWNER, sort: { tab: '@responses', range: 'A2:J3', column: 'A', descending: true } }, sub(t('06T10:10:00'), 'TIGA parkir'), { at: t('06T10:30:00'), run: 'reconcile' }]),
 G: () => run('G rename unit tab by owner, then new submission for that unit, hourly', [...base, { at: t('06T10:00:00'), by: OWNER, renameTab: { tab: 'UP Museum Seni', to: 'Museum Seni' } }, sub(t('06T10:10:00'), 'TIGA parkir'), { at: t('06T10:30:00'), run: 'reconcile' }], (sim) => console.log('  renamed tab rows:', (rows(sim, 'Museum Seni') ?? []).map(r => r['No. Pengaduan']).join(','))),
 H: () => run('H rename Pengaduan by owner, then submission', [...base, { at: t('06T10:00:00'), by: OWNER, renameTab: { tab: 'Pengaduan', to: 'Register' } }, sub(t('06T10:10:00'), 'TIGA parkir'), { at: t('06T10:30:00'), run: 'reconcile' }], (sim) => console.log('  Register rows:', (rows(sim, 'Register') ?? []).map(r => r['No. Pengaduan']).join(','))),
 I: () => run('I clearTab unit tab by owner, then hourly/reconcile', [...base, { at: t('06T10:00:00'), by: OWNER, clearTab: { tab: 'UP Museum Seni' } }, { at: t('06T10:30:00'), run: 'reconcile' }, { at: t('06T10:40:00'), by: PIC, update: { ref: 1, status: 'Diproses' } }]),
 J: () => run('J clearTab Pengaduan by owner, then reconcile', [...base, { at: t('06T10:00:00'), by: OWNER, clearTab: { tab: 'Pengaduan' } }, { at: t('06T10:30:00'), run: 'reconcile' }, sub(t('06T10:40:00'), 'TIGA parkir')]),
 K: () => run('K wipeProperties, submission, setup, submission', [...base, { at: t('06T10:00:00'), fault: { kind: 'wipeProperties' } }, sub(t('06T10:10:00'), 'TIGA saat hilang'), { at: t('06T10:30:00'), run: 'setup' }, sub(t('06T10:40:00'), 'EMPAT sesudah'), { at: t('06T11:30:00'), run: 'reconcile' }], (sim) => console.log('  forms:', [...sim.rt.env.files.values()].filter((f: any) => f._className === 'Form').length)),
 L: () => run('L MailApp.sendEmail outage 3h', [{ at: t('06T08:50:00'), fault: { kind: 'outage', method: 'MailApp.sendEmail', until: t('06T12:00:00') } }, ...base]),
 N: () => run('N kill hourly after first sendEmail', [{ at: t('06T08:30:00'), fault: { kind: 'kill', run: 'hourly', after: 'MailApp.sendEmail', nth: 1 } }, ...base]),
 O: () => run('O kill onFormSubmitTrigger after first Sheet.appendRow, then reconcile', [...base, { at: t('06T10:00:00'), fault: { kind: 'kill', run: 'onFormSubmitTrigger', after: 'Sheet.appendRow', nth: 1 } }, sub(t('06T10:10:00'), 'TIGA terbunuh'), { at: t('06T10:30:00'), run: 'reconcile' }]),
 P: () => run('P kill onEditTrigger after first Range.setValues (officer Selesai)', [...base, { at: t('06T10:00:00'), fault: { kind: 'kill', run: 'onEditTrigger', after: 'Range.setValues', nth: 1 } }, { at: t('06T10:10:00'), by: PIC, update: { ref: 1, followUp: 'Sudah', status: 'Selesai' } }, { at: t('06T10:30:00'), run: 'reconcile' }]),
 Q: () => { for (const n of [1, 10, 20, 24, 25]) run(`Q${n} during: officer Diproses lands in hourly after getValues #${n}`, [...base, { at: t('06T09:30:00'), by: PIC, update: { ref: 1, status: 'Diproses' }, during: { run: 'hourly', after: 'Range.getValues', nth: n } }]); },
 Q2: () => { for (const n of [1, 2]) run(`Q2-${n} during: officer Diproses lands in hourly after setValues #${n}`, [...base, { at: t('06T09:30:00'), by: PIC, update: { ref: 1, status: 'Diproses' }, during: { run: 'hourly', after: 'Range.setValues', nth: n } }]); },
 Q3: () => run('Q3 during: admin answers ref 1 mid reconcile', [...base, { at: t('06T10:00:00'), by: PIC, update: { ref: 1, followUp: 'x', status: 'Selesai' } }, { at: t('06T10:10:00'), by: ADMIN, answer: { ref: 1, reply: 'Sudah' }, during: { run: 'reconcile', after: 'Range.getValues', nth: 3 } }, { at: t('06T10:20:00'), run: 'reconcile' }]),
 Q4: () => run('Q4 during: submission lands mid hourly', [...base, sub(t('06T09:30:00'), 'TIGA tengah').valueOf() as any].map((e, i) => i === 2 ? { ...e, during: { run: 'hourly', after: 'Range.getValues', nth: 2 } } : e)),
 R: () => run('R holdLock 45 s then submit', [...base, { at: t('06T10:00:00'), fault: { kind: 'holdLock', seconds: 45 } }, sub(t('06T10:00:01'), 'TIGA terkunci'), { at: t('06T11:30:00'), run: 'reconcile' }]),
 S: () => run('S holdLock 45 s then officer edit', [...base, { at: t('06T10:00:00'), fault: { kind: 'holdLock', seconds: 45 } }, { at: t('06T10:00:01'), by: PIC, update: { ref: 1, status: 'Diproses' } }], (sim) => console.log('  history:', (rows(sim, 'Riwayat') ?? []).filter(r => r['Kolom'] === 'Status').map(r => `${r['No. Pengaduan']}:${r['Nilai Baru']}@${(r['Waktu'] as Date)?.toISOString?.()}`).join(', '))),
 T: () => run('T skipTriggers a day', [...base, { at: t('06T09:10:00'), fault: { kind: 'skipTriggers', until: t('07T10:00:00') } }]),
};
for (const k of arg ? arg.split(',') : Object.keys(cases)) cases[k]();
