/**
 * Service calls per form submission and per officer edit (issue 4), from the runtime's call
 * ledger, with 10 and with 10,000 complaints already in the register, plus the estimated Apps
 * Script time from the ledger's cost model. Target: the same count at both sizes (no per-row
 * work); the budget of 12 calls is reported against, not asserted.
 */
import type { Sheet } from '../../emulator/spreadsheet';
import { Simulation } from '../simulate';
import { parseScenario } from '../sim/scenario';

const ADMIN = 'admin.medsos@example.org';
const PIC = 'pic.museum.seni@example.org';

function measure(size: number): {
  submit: { calls: number; ms: number; detail: Record<string, number> };
  edit: { calls: number; ms: number; detail: Record<string, number> };
} {
  const sim = new Simulation(
    parseScenario(
      JSON.stringify({
        start: '2026-04-06T07:00:00+07:00',
        end: '2026-04-30T17:00:00+07:00',
        admins: [ADMIN],
        events: [],
        // Quota for every size, so the assignment email goes out with the submission in both.
        mailQuota: 1_000_000,
      }),
    ),
    () => undefined,
  );
  sim.setup();
  const submit = (at: string, text: string) =>
    sim.event(
      {
        at,
        by: ADMIN,
        submit: {
          receivedAt: '2026-04-06T08:40:00+07:00',
          channel: 'Instagram',
          reporter: '@warga',
          postUrl: 'https://www.instagram.com/p/abc',
          text,
          category: 'Fasilitas dan kebersihan',
          unit: 'UP Museum Seni',
        },
      },
      0,
    );
  submit('2026-04-06T09:10:00+07:00', 'Keluhan pertama');
  const reg = sim.rt.spreadsheet.getSheetByName('Pengaduan') as Sheet;
  const sample = reg.getRange(2, 1, 1, reg.getLastColumn()).getValues()[0];
  if (size > 1)
    reg._writeRaw(
      3,
      1,
      Array.from({ length: size - 1 }, (_, i) =>
        sample.map((v, c) => (c === 0 ? `ADU-2025-${String(i + 1).padStart(5, '0')}` : v)),
      ),
    );
  let mark = sim.rt.ledger.runs.length;
  submit('2026-04-06T09:20:00+07:00', 'Keluhan terakhir');
  const s = sim.rt.ledger.runs.slice(mark).find((r) => r.label === 'onFormSubmitTrigger')!;
  mark = sim.rt.ledger.runs.length;
  sim.event({ at: '2026-04-06T09:30:00+07:00', by: PIC, update: { ref: 'ADU-2026-0001', status: 'Diproses' } }, 1);
  const e = sim.rt.ledger.runs.slice(mark).find((r) => r.label === 'onEditTrigger')!;
  return {
    submit: { calls: s.totalCalls, ms: s.estimatedMs, detail: s.calls },
    edit: { calls: e.totalCalls, ms: e.estimatedMs, detail: e.calls },
  };
}

export async function runWorkflowBench(): Promise<{ lines: string[]; ok: boolean }> {
  const small = measure(10);
  const large = measure(10_000);
  const ok = small.submit.calls === large.submit.calls && small.edit.calls === large.edit.calls;
  return {
    ok,
    lines: [
      'Workflow service calls (call ledger; estimated Apps Script time from its cost model):',
      `  form submission: ${small.submit.calls} calls at 10 complaints, ${large.submit.calls} at 10,000 (est. ${small.submit.ms} ms / ${large.submit.ms} ms; issue budget 12)`,
      `  officer edit:    ${small.edit.calls} calls at 10 complaints, ${large.edit.calls} at 10,000 (est. ${small.edit.ms} ms / ${large.edit.ms} ms; issue budget 12)`,
      `  submission calls: ${JSON.stringify(large.submit.detail)}`,
      `  edit calls:       ${JSON.stringify(large.edit.detail)}`,
      `  same at both sizes: ${ok ? 'yes' : 'NO'}`,
    ],
  };
}
