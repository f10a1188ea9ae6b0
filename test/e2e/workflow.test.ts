/**
 * The complaint workflow end to end (issue 4): the built dist/Code.js in the local runtime,
 * driven as people would drive it (form submissions, edits in tabs, sorting, deleting rows,
 * pasting), checked on the spreadsheet, the history and the outbox.
 */
import type { Sheet } from '../../emulator/spreadsheet';
import { Simulation } from '../../scripts/simulate';
import { parseScenario } from '../../scripts/sim/scenario';

const ADMIN = 'admin.medsos@example.org';
const PIC = 'pic.museum.seni@example.org';

function boot(start = '2026-04-06T07:00:00+07:00', mailQuota?: number): Simulation {
  const scenario = parseScenario(
    JSON.stringify({
      start,
      end: '2027-12-31T17:00:00+07:00',
      admins: [ADMIN],
      leaders: ['kadis@example.org'],
      events: [],
      ...(mailQuota === undefined ? {} : { mailQuota }),
    }),
  );
  const sim = new Simulation(scenario, () => undefined);
  sim.setup();
  return sim;
}

function submission(over: Record<string, string> = {}) {
  return {
    receivedAt: '2026-04-06T08:40:00+07:00',
    channel: 'Instagram',
    reporter: '@warga',
    postUrl: 'https://www.instagram.com/p/abc',
    text: 'Toilet di Museum Wayang kotor',
    category: 'Fasilitas dan kebersihan',
    unit: 'UP Museum Seni',
    ...over,
  };
}

function submit(sim: Simulation, at: string, over: Record<string, string> = {}): void {
  sim.event({ at, by: ADMIN, submit: submission(over) }, 0);
}

function tab(sim: Simulation, name: string): Sheet {
  return sim.rt.spreadsheet.getSheetByName(name) as Sheet;
}

function rows(sim: Simulation, name: string): Record<string, unknown>[] {
  const values = tab(sim, name).getDataRange().getValues();
  const headers = values[0].map(String);
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

function history(sim: Simulation): Record<string, unknown>[] {
  return rows(sim, 'Riwayat');
}

describe('intake', () => {
  test('a submission becomes ADU-2026-0001 in Pengaduan and in the unit tab, with steps 1–2 stamped and the assignment email queued', () => {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00+07:00');
    const [c] = rows(sim, 'Pengaduan');
    expect(c['No. Pengaduan']).toBe('ADU-2026-0001');
    expect(c['Status']).toBe('Diteruskan');
    expect((c['Diteruskan'] as Date).toISOString()).toBe('2026-04-06T02:10:00.000Z');
    expect((c['Tenggat Langkah'] as Date).toISOString()).toBe('2026-04-07T02:10:00.000Z'); // step 3 due: +1 working day
    expect((c['Tenggat Akhir'] as Date).toISOString()).toBe('2026-04-13T01:40:00.000Z'); // 5 working days from receivedAt
    const [u] = rows(sim, 'UP Museum Seni');
    expect(u['No. Pengaduan']).toBe('ADU-2026-0001');
    expect(u['Status']).toBe('Diteruskan');
    const [mail] = rows(sim, 'Antrean Email');
    expect(mail['Kepada']).toBe('pic.museum.seni@example.org');
    expect(String(mail['Subjek'])).toContain('ADU-2026-0001');
    expect(
      history(sim).some((h) => h['No. Pengaduan'] === 'ADU-2026-0001' && h['Tindakan'] === 'Pengaduan dicatat'),
    ).toBe(true);
  });

  test('the hourly run sends the queued assignment email (HTML escaped, plain text too)', () => {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00+07:00', { text: '<script>alert(1)</script> toilet kotor' });
    sim.rt.advanceTo('2026-04-06T11:30:00+07:00');
    const sent = sim.rt.outbox.filter((m) => m.subject.includes('ADU-2026-0001'));
    expect(sent).toHaveLength(1);
    expect(sent[0].htmlBody).toContain('&lt;script&gt;');
    expect(sent[0].htmlBody).not.toContain('<script>');
    expect(sent[0].body).toContain('<script>alert(1)</script>');
  });

  test('auto-routing by keyword, and no match waits for the admin as Baru', () => {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00+07:00', {
      unit: 'Tentukan otomatis',
      text: 'Jadwal pertunjukan di Setu Babakan?',
    });
    submit(sim, '2026-04-06T09:20:00+07:00', { unit: 'Tentukan otomatis', text: 'Pelayanan kurang ramah' });
    const [a, b] = rows(sim, 'Pengaduan');
    expect(a['Unit']).toBe('UP Perkampungan Budaya Betawi');
    expect(b['Unit']).toBe('');
    expect(b['Status']).toBe('Baru');
  });

  test('adversarial inputs: nothing executes, nothing is lost, problems are flagged and logged', () => {
    const sim = boot();
    const long = 'x'.repeat(60000);
    submit(sim, '2026-04-06T09:10:00+07:00', {
      reporter: '=IMPORTXML("http://evil","//a")',
      text: '+cmd|calc 😀 <b>tebal</b>',
    });
    submit(sim, '2026-04-06T09:11:00+07:00', { text: long });
    // The operator deactivates a unit; the form still offers it until its choices are re-synced.
    const units = tab(sim, 'Unit');
    const unitHeaders = units.getRange(1, 1, 1, units.getLastColumn()).getValues()[0];
    const unitRow =
      units
        .getRange(1, 1, units.getLastRow(), 1)
        .getValues()
        .findIndex((r) => r[0] === 'UP Museum Bahari') + 1 ||
      units
        .getRange(1, 1, units.getLastRow(), 1)
        .getValues()
        .findIndex((r) => r[0] === 'UP Museum Kebaharian') + 1;
    sim.rt.editAsUser('operator@example.org', 'Unit', unitRow, unitHeaders.indexOf('Aktif') + 1, [['Tidak']]);
    submit(sim, '2026-04-06T09:12:00+07:00', { unit: 'UP Museum Kebaharian' });
    submit(sim, '2026-04-06T09:13:00+07:00', { receivedAt: '2026-04-09T08:00:00+07:00' });
    submit(sim, '2026-04-06T09:15:00+07:00', { postUrl: 'javascript:alert(1)' });
    const register = tab(sim, 'Pengaduan');
    const reg = rows(sim, 'Pengaduan');
    expect(reg).toHaveLength(5);
    expect(reg[0]['Pelapor']).toBe('=IMPORTXML("http://evil","//a")');
    const formulas = register.getDataRange().getFormulas().flat().filter(Boolean);
    expect(formulas).toEqual([]);
    expect(String(reg[1]['Isi Pengaduan']).length).toBeLessThanOrEqual(50000);
    expect(String(reg[1]['Isi Pengaduan'])).toContain('TERPOTONG');
    expect(reg[2]['Status']).toBe('Baru');
    expect(String(reg[2]['Perlu Diperiksa'])).toContain('UP Museum Kebaharian');
    expect(String(reg[3]['Perlu Diperiksa'])).toContain('masa depan');
    expect(String(reg[4]['Perlu Diperiksa'])).toContain('Tautan');
    expect(rows(sim, 'Log Galat').filter((r) => r['Tingkat'] === 'PERINGATAN').length).toBeGreaterThanOrEqual(4);
    expect(sim.rt.ledger.runs.filter((r) => r.label === 'onFormSubmitTrigger' && r.error)).toEqual([]);
  });

  test('the same response delivered twice creates one complaint; a blank response is ignored', () => {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00+07:00');
    const responses = sim.rt.spreadsheet.getSheets().find((s) => s.getName().startsWith('Form Responses'))!;
    // Google occasionally delivers an event twice: run the trigger again on the same row.
    const trigger = sim.rt.triggers.find((t) => t.handler === 'onFormSubmitTrigger')!;
    expect(trigger).toBeDefined();
    sim.rt.call('onFormSubmitTrigger', [
      {
        range: responses.getRange(2, 1, 1, responses.getLastColumn()),
        values: [],
        namedValues: {},
        triggerUid: trigger.uid,
        authMode: 'FULL',
      },
    ]);
    // A blank event (all answers empty), as Google sometimes delivers: a blank response row.
    responses.getRange(3, 1, 1, 1).setValue(new Date('2026-04-06T09:20:00+07:00'));
    sim.rt.call('onFormSubmitTrigger', [
      {
        range: responses.getRange(3, 1, 1, responses.getLastColumn()),
        values: [],
        namedValues: {},
        triggerUid: trigger.uid,
        authMode: 'FULL',
      },
    ]);
    expect(rows(sim, 'Pengaduan').map((r) => r['No. Pengaduan'])).toEqual(['ADU-2026-0001']);
  });

  test('a submission whose trigger cannot get the lock is not lost: logged, then registered by the hourly reconcile', () => {
    const sim = boot();
    sim.rt.holdLock('script', '2026-04-06T09:12:00+07:00', 'a long-running job'); // longer than intake's 30 s wait
    submit(sim, '2026-04-06T09:10:00+07:00');
    expect(rows(sim, 'Pengaduan')).toHaveLength(0);
    expect(rows(sim, 'Log Galat').some((r) => String(r['Pesan']).includes('sedang sibuk'))).toBe(true);
    sim.rt.advanceTo('2026-04-06T11:00:00+07:00');
    const [c] = rows(sim, 'Pengaduan');
    expect(c['No. Pengaduan']).toBe('ADU-2026-0001');
    expect(c['Kunci Respons']).toMatch(/^k[0-9a-z]{8}-[0-9a-z]{8}$/); // the response's content key, never its row
    expect(rows(sim, 'UP Museum Seni').map((r) => r['No. Pengaduan'])).toEqual(['ADU-2026-0001']);
    expect(history(sim).some((r) => r['Tindakan'] === 'Dicatat oleh rekonsiliasi')).toBe(true);
    expect(sim.rt.outbox.filter((m) => m.subject.includes('ADU-2026-0001'))).toHaveLength(1);
  });

  test('after the script state is lost (e.g. a re-deploy), setup restores numbering and duplicate protection from the register', () => {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00+07:00');
    const props = sim.rt.propertiesService.getScriptProperties();
    props.deleteProperty('seq.2026');
    props.deleteProperty('layout.n');
    sim.rt.call('setup');
    const responses = sim.rt.spreadsheet.getSheets().find((s) => s.getName().startsWith('Form Responses'))!;
    const trigger = sim.rt.triggers.find((t) => t.handler === 'onFormSubmitTrigger')!;
    sim.rt.call('onFormSubmitTrigger', [
      {
        range: responses.getRange(2, 1, 1, responses.getLastColumn()),
        values: [],
        namedValues: {},
        triggerUid: trigger.uid,
        authMode: 'FULL',
      },
    ]);
    submit(sim, '2026-04-06T09:30:00+07:00', { text: 'Keluhan sesudah pemasangan ulang' });
    expect(rows(sim, 'Pengaduan').map((r) => r['No. Pengaduan'])).toEqual(['ADU-2026-0001', 'ADU-2026-0002']);
  });

  test('30 submissions arriving together under lock contention: 30 distinct consecutive numbers, 30 register rows, 30 unit-tab rows', () => {
    const sim = boot();
    const at = new Date('2026-04-06T09:10:00+07:00');
    const titles: Record<string, string> = {
      receivedAt: 'Waktu pengaduan disampaikan',
      channel: 'Kanal media sosial',
      reporter: 'Nama/akun pelapor',
      postUrl: 'Tautan unggahan/komentar',
      text: 'Isi pengaduan',
      category: 'Kategori',
      unit: 'Diteruskan ke',
    };
    const subs = Array.from({ length: 30 }, (_, i) => {
      const s = submission({ text: `Pengaduan nomor ${i + 1}` });
      const answers: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s)) answers[titles[k]] = k === 'receivedAt' ? new Date(v) : v;
      return { formId: sim.formId, answers, respondent: ADMIN, at };
    });
    sim.rt.submitFormsConcurrently(subs, { holdMs: [500, 5000] });
    sim.rt.advanceTo('2026-04-06T12:00:00+07:00'); // the hourly reconcile takes in any response whose trigger timed out
    const numbers = rows(sim, 'Pengaduan')
      .map((r) => String(r['No. Pengaduan']))
      .sort();
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => `ADU-2026-${String(i + 1).padStart(4, '0')}`));
    expect(rows(sim, 'UP Museum Seni')).toHaveLength(30);
    const texts = new Set(rows(sim, 'Pengaduan').map((r) => r['Isi Pengaduan']));
    expect(texts.size).toBe(30);
  });
});

describe('officer and admin edits', () => {
  function withComplaint(): Simulation {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00+07:00');
    return sim;
  }

  test('Diproses then Selesai with follow-up: stamps, register in sync, history with user', () => {
    const sim = withComplaint();
    sim.event({ at: '2026-04-06T10:00:00+07:00', by: PIC, update: { ref: 'ADU-2026-0001', status: 'Diproses' } }, 1);
    sim.event(
      {
        at: '2026-04-07T09:00:00+07:00',
        by: PIC,
        update: { ref: 'ADU-2026-0001', followUp: 'Sudah dibersihkan', status: 'Selesai' },
      },
      2,
    );
    const [c] = rows(sim, 'Pengaduan');
    expect(c['Status']).toBe('Ditindaklanjuti');
    expect(c['Hasil Tindak Lanjut']).toBe('Sudah dibersihkan');
    expect((c['Diproses'] as Date).toISOString()).toBe('2026-04-06T03:00:00.000Z');
    expect((c['Ditindaklanjuti'] as Date).toISOString()).toBe('2026-04-07T02:00:00.000Z');
    const h = history(sim).filter((r) => r['Pengguna'] === PIC && r['Kolom'] === 'Status');
    expect(h.map((r) => r['Nilai Baru'])).toEqual(['Diproses', 'Ditindaklanjuti']);
  });

  test('an invalid status is reverted, explained in a note and a toast, and logged', () => {
    const sim = withComplaint();
    sim.event({ at: '2026-04-06T10:00:00+07:00', by: PIC, update: { ref: 'ADU-2026-0001', status: 'Sudah dong' } }, 1);
    const unit = tab(sim, 'UP Museum Seni');
    const [u] = rows(sim, 'UP Museum Seni');
    expect(u['Status']).toBe('Diteruskan');
    const statusCol = unit.getRange(1, 1, 1, unit.getLastColumn()).getValues()[0].indexOf('Status') + 1;
    expect(unit.getRange(2, statusCol).getNote()).toContain('tidak dikenal');
    expect(rows(sim, 'Log Galat').some((r) => String(r['Pesan']).includes('Sudah dong'))).toBe(true);
    expect(rows(sim, 'Pengaduan')[0]['Status']).toBe('Diteruskan');
  });

  test('Selesai without follow-up is refused; backwards is refused', () => {
    const sim = withComplaint();
    sim.event({ at: '2026-04-06T10:00:00+07:00', by: PIC, update: { ref: 'ADU-2026-0001', status: 'Selesai' } }, 1);
    expect(rows(sim, 'Pengaduan')[0]['Status']).toBe('Diteruskan');
    sim.event({ at: '2026-04-06T10:30:00+07:00', by: PIC, update: { ref: 'ADU-2026-0001', status: 'Diproses' } }, 2);
    sim.event({ at: '2026-04-06T10:40:00+07:00', by: PIC, update: { ref: 'ADU-2026-0001', status: 'Diteruskan' } }, 3);
    expect(rows(sim, 'Pengaduan')[0]['Status']).toBe('Diproses');
    expect(rows(sim, 'UP Museum Seni')[0]['Status']).toBe('Diproses');
  });

  test('a paste over several rows (no value/oldValue in the event) is handled row by row', () => {
    const sim = withComplaint();
    submit(sim, '2026-04-06T09:20:00+07:00', { text: 'Keluhan kedua' });
    submit(sim, '2026-04-06T09:30:00+07:00', { text: 'Keluhan ketiga' });
    const unit = tab(sim, 'UP Museum Seni');
    const headers = unit.getRange(1, 1, 1, unit.getLastColumn()).getValues()[0];
    const status = headers.indexOf('Status') + 1;
    expect(headers[status]).toBe('Hasil Tindak Lanjut'); // Status, Hasil Tindak Lanjut side by side
    // Rows 2–4: Diproses / Selesai with text / an invalid value.
    const result = sim.rt.editAsUser(PIC, 'UP Museum Seni', 2, status, [
      ['Diproses', ''],
      ['Selesai', 'Sudah ditangani'],
      ['Beres', ''],
    ]);
    expect(result.applied).toBe(true);
    const edit = sim.rt.ledger.runs[sim.rt.ledger.runs.length - 1];
    expect(edit.label).toBe('onEditTrigger');
    const byNumber = Object.fromEntries(rows(sim, 'Pengaduan').map((r) => [r['No. Pengaduan'], r]));
    expect(byNumber['ADU-2026-0001']['Status']).toBe('Diproses');
    expect(byNumber['ADU-2026-0002']['Status']).toBe('Ditindaklanjuti');
    expect(byNumber['ADU-2026-0002']['Hasil Tindak Lanjut']).toBe('Sudah ditangani');
    expect(byNumber['ADU-2026-0003']['Status']).toBe('Diteruskan');
    expect(rows(sim, 'UP Museum Seni').map((r) => r['Status'])).toEqual(['Diproses', 'Selesai', 'Diteruskan']);
    expect(unit.getRange(4, status).getNote()).toContain('tidak dikenal');
    expect(unit.getRange(2, status).getNote()).toBe('');
  });

  test("a block write that spans an untouched row keeps that row's formula-like text as text", () => {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00+07:00', { text: 'Keluhan satu' });
    submit(sim, '2026-04-06T09:20:00+07:00', { reporter: '=IMPORTXML("http://evil","//a")', text: '-cmd keluhan dua' });
    submit(sim, '2026-04-06T09:30:00+07:00', { text: 'Keluhan tiga' });
    const unit = tab(sim, 'UP Museum Seni');
    const status = unit.getRange(1, 1, 1, unit.getLastColumn()).getValues()[0].indexOf('Status') + 1;
    // Rows 1 and 3 change; row 2 is rewritten as part of the same block in the register.
    sim.rt.editAsUser(PIC, 'UP Museum Seni', 2, status, [['Diproses'], ['Diteruskan'], ['Diproses']]);
    expect(rows(sim, 'Pengaduan').map((r) => r['Status'])).toEqual(['Diproses', 'Diteruskan', 'Diproses']);
    for (const name of ['Pengaduan', 'UP Museum Seni'])
      expect(tab(sim, name).getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(rows(sim, 'Pengaduan')[1]['Pelapor']).toBe('=IMPORTXML("http://evil","//a")');
    expect(rows(sim, 'Pengaduan')[1]['Isi Pengaduan']).toBe('-cmd keluhan dua');
  });

  test('an officer of another unit cannot type in this tab (protection)', () => {
    const sim = withComplaint();
    const unit = tab(sim, 'UP Museum Seni');
    const statusCol = unit.getRange(1, 1, 1, unit.getLastColumn()).getValues()[0].indexOf('Status') + 1;
    const result = sim.rt.editAsUser('pic.kebaharian@example.org', 'UP Museum Seni', 2, statusCol, [['Diproses']]);
    expect(result.applied).toBe(false);
    const own = sim.rt.editAsUser(PIC, 'UP Museum Seni', 2, 1, [['ADU-9999-0001']]);
    expect(own.applied).toBe(false); // system column
  });

  test('admin answers (Jawaban then Dijawab) and closes spam (Alasan then Ditutup); unit tab follows', () => {
    const sim = withComplaint();
    submit(sim, '2026-04-06T09:20:00+07:00', { text: 'promo judi online' });
    sim.event(
      {
        at: '2026-04-06T11:00:00+07:00',
        by: ADMIN,
        answer: { ref: 'ADU-2026-0001', reply: 'Terima kasih, sudah ditangani.' },
      },
      1,
    );
    sim.event({ at: '2026-04-06T11:05:00+07:00', by: ADMIN, close: { ref: 'ADU-2026-0002', reason: 'spam' } }, 2);
    const [a, b] = rows(sim, 'Pengaduan');
    expect(a['Status']).toBe('Dijawab');
    expect(a['Diproses']).toBeInstanceOf(Date); // skipped steps stamped with the same time
    expect(b['Status']).toBe('Ditutup');
    expect(rows(sim, 'UP Museum Seni').map((r) => r['Status'])).toEqual(['Dijawab', 'Ditutup']);
  });

  test('reassignment moves the row to the new unit tab, re-stamps step 2 and queues an email to the new unit', () => {
    const sim = withComplaint();
    sim.event(
      { at: '2026-04-06T11:00:00+07:00', by: ADMIN, reassign: { ref: 'ADU-2026-0001', unit: 'UP Museum Kebaharian' } },
      1,
    );
    const [c] = rows(sim, 'Pengaduan');
    expect(c['Unit']).toBe('UP Museum Kebaharian');
    expect((c['Diteruskan'] as Date).toISOString()).toBe('2026-04-06T04:00:00.000Z');
    expect(rows(sim, 'UP Museum Kebaharian').map((r) => r['No. Pengaduan'])).toEqual(['ADU-2026-0001']);
    expect(rows(sim, 'UP Museum Seni')).toHaveLength(0); // moved at once, not at the next reconcile
    sim.rt.call('hourlyJob');
    expect(
      history(sim).some((r) => r['Tindakan'] === 'Rekonsiliasi' && String(r['Nilai Baru']).includes('UP Museum Seni')),
    ).toBe(false);
    expect(rows(sim, 'Antrean Email').some((r) => r['Kepada'] === 'pic.kebaharian@example.org')).toBe(true);
    expect(history(sim).some((r) => String(r['Tindakan']).includes('Dialihkan dari UP Museum Seni'))).toBe(true);
  });
});

describe('reconcile', () => {
  test('a deleted, sorted, or foreign row in a unit tab is repaired from the register; officer text is never lost', () => {
    const sim = boot();
    for (let i = 0; i < 3; i++) submit(sim, `2026-04-06T09:1${i}:00+07:00`, { text: `Keluhan ${i + 1}` });
    const unit = tab(sim, 'UP Museum Seni');
    unit.sort(1, false); // officers sort their tab: lookups are by number, nothing breaks
    sim.event({ at: '2026-04-06T10:00:00+07:00', by: PIC, update: { ref: 'ADU-2026-0002', status: 'Diproses' } }, 1);
    expect(rows(sim, 'Pengaduan')[1]['Status']).toBe('Diproses');
    unit.deleteRow(2); // a row deleted by mistake
    expect(rows(sim, 'UP Museum Seni')).toHaveLength(2);
    sim.rt.call('hourlyJob');
    expect(
      rows(sim, 'UP Museum Seni')
        .map((r) => r['No. Pengaduan'])
        .sort(),
    ).toEqual(['ADU-2026-0001', 'ADU-2026-0002', 'ADU-2026-0003']);
    expect(history(sim).some((r) => r['Tindakan'] === 'Rekonsiliasi')).toBe(true);
  });

  test('rebuilding a unit tab keeps a column the operator added, row by row', () => {
    const sim = boot();
    for (let i = 0; i < 2; i++) submit(sim, `2026-04-06T09:1${i}:00+07:00`, { text: `Keluhan ${i + 1}` });
    const unit = tab(sim, 'UP Museum Seni');
    const extra = unit.getLastColumn() + 1;
    unit._writeRaw(1, extra, [['Catatan Kepala'], ['cek lapangan'], ['sudah ditelepon']]);
    unit.deleteRow(2); // ADU-2026-0001's row is lost; ADU-2026-0002's stays with its note
    sim.rt.call('hourlyJob');
    const after = rows(sim, 'UP Museum Seni');
    expect(after.map((r) => [r['No. Pengaduan'], r['Catatan Kepala']])).toEqual([
      ['ADU-2026-0002', 'sudah ditelepon'],
      ['ADU-2026-0001', ''],
    ]);
  });

  test('officer input the edit trigger missed is picked up by reconcile', () => {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00+07:00');
    const unit = tab(sim, 'UP Museum Seni');
    const headers = unit.getRange(1, 1, 1, unit.getLastColumn()).getValues()[0];
    unit._userEdit(PIC, 2, headers.indexOf('Hasil Tindak Lanjut') + 1, [['Ditangani tanpa pemicu']]); // no trigger fired
    sim.rt.call('hourlyJob');
    expect(rows(sim, 'Pengaduan')[0]['Hasil Tindak Lanjut']).toBe('Ditangani tanpa pemicu');
  });
});

describe('setup', () => {
  test('a second setup keeps data and duplicates no tab, trigger, form item or config row', () => {
    const sim = boot();
    submit(sim, '2026-04-06T09:10:00+07:00');
    const before = {
      tabs: sim.rt.spreadsheet.getSheets().map((s) => s.getName()),
      triggers: sim.rt.triggers.map((t) => t.handler).sort(),
      units: rows(sim, 'Unit').length,
      settings: rows(sim, 'Pengaturan').length,
      holidays: rows(sim, 'Hari Libur').length,
      register: rows(sim, 'Pengaduan'),
    };
    sim.rt.call('setup');
    expect(sim.rt.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before.tabs);
    expect(sim.rt.triggers.map((t) => t.handler).sort()).toEqual(before.triggers);
    expect(before.triggers).toEqual([
      'channelPollJob',
      'dailyJob',
      'hourlyJob',
      'onEditTrigger',
      'onFormSubmitTrigger',
      'onOpenTrigger',
    ]);
    expect(rows(sim, 'Unit')).toHaveLength(before.units);
    expect(rows(sim, 'Pengaturan')).toHaveLength(before.settings);
    expect(rows(sim, 'Hari Libur')).toHaveLength(before.holidays);
    expect(rows(sim, 'Pengaduan')).toEqual(before.register);
    const responses = sim.rt.spreadsheet.getSheets().find((s) => s.getName().startsWith('Form Responses'))!;
    expect(responses.getLastColumn()).toBe(10); // Timestamp, Email Address, 8 questions
  });

  test('a menu item that writes protected tabs explains to a non-operator, and works for the operator', () => {
    const sim = boot();
    sim.rt.openSpreadsheet(ADMIN);
    const byAdmin = sim.rt.clickMenu(ADMIN, ['Pengaduan', 'Rekonsiliasi']);
    expect(byAdmin.ok).toBe(true);
    const alerts = sim.rt.spreadsheetApp._ui._alerts;
    expect(String(alerts[alerts.length - 1].prompt)).toContain('hanya dapat dijalankan oleh operator');
    const byOperator = sim.rt.clickMenu('operator@example.org', ['Pengaduan', 'Rekonsiliasi']);
    expect(byOperator.ok).toBe(true);
    expect(String(alerts[alerts.length - 1].prompt)).toContain('Respons formulir yang baru dicatat');
  });

  test('the menu appears on open with every item; Tentang answers in a dialog', () => {
    const sim = boot();
    sim.rt.openSpreadsheet(ADMIN);
    const menu = sim.rt.spreadsheetApp._ui._menus.find((m) => m.caption === 'Pengaduan')!;
    expect(menu.items.filter((i) => !i.separator).map((i) => i.caption)).toEqual([
      'Siapkan / Perbarui',
      'Sinkronkan pilihan formulir',
      'Rekonsiliasi',
      'Kirim pengingat sekarang',
      'Kirim ringkasan',
      'Buka dasbor',
      'Sinkron hari libur',
      'Uji kecocokan sistem',
      'Ganti kode tautan pantau',
      'Hubungkan kanal',
      'Tentang',
    ]);
    const about = sim.rt.clickMenu(ADMIN, ['Pengaduan', 'Tentang']);
    expect(about.ok).toBe(true);
    const alerts = sim.rt.spreadsheetApp._ui._alerts;
    expect(String(alerts[alerts.length - 1].prompt)).toContain('SOP 1762/-073.71');
  });
});

describe('call budget (service calls from the ledger)', () => {
  test('per form submission and per officer edit: the same at 10 and at 10,000 complaints', () => {
    const counts: Record<string, number[]> = { submit: [], edit: [] };
    for (const size of [10, 10000]) {
      // Quota enough for both sizes, so that the assignment email goes out at once in both.
      const sim = boot(undefined, 1_000_000);
      for (let i = 0; i < Math.min(size, 10); i++)
        submit(sim, `2026-04-06T09:${String(10 + i).padStart(2, '0')}:00+07:00`, { text: `Keluhan ${i}` });
      if (size > 10) {
        // Grow the register to `size` rows directly (as a long-lived install would have).
        const reg = tab(sim, 'Pengaduan');
        const sample = reg.getRange(2, 1, 1, reg.getLastColumn()).getValues()[0];
        const extra = Array.from({ length: size - 10 }, (_, i) =>
          sample.map((v, c) => (c === 0 ? `ADU-2025-${String(i + 1).padStart(5, '0')}` : v)),
        );
        reg._writeRaw(12, 1, extra);
      }
      const before = sim.rt.ledger.runs.length;
      submit(sim, '2026-04-06T11:00:00+07:00', { text: 'Keluhan terakhir' });
      const submitRun = sim.rt.ledger.runs.slice(before).find((r) => r.label === 'onFormSubmitTrigger')!;
      counts.submit.push(submitRun.totalCalls);
      const mark = sim.rt.ledger.runs.length;
      sim.event({ at: '2026-04-06T11:30:00+07:00', by: PIC, update: { ref: 'ADU-2026-0001', status: 'Diproses' } }, 1);
      const editRun = sim.rt.ledger.runs.slice(mark).find((r) => r.label === 'onEditTrigger')!;
      counts.edit.push(editRun.totalCalls);
      console.log(
        `${size} complaints: submit ${JSON.stringify(submitRun.calls)} edit ${JSON.stringify(editRun.calls)}`,
      );
    }
    expect(counts.submit[0]).toBe(counts.submit[1]);
    expect(counts.edit[0]).toBe(counts.edit[1]);
  });
});

describe('holiday sync', () => {
  test('adds dates missing from Hari Libur from the Google calendar with source "Google Kalender", never touching existing rows', () => {
    const sim = boot('2026-11-02T07:00:00+07:00');
    const before = rows(sim, 'Hari Libur');
    const cal = sim.rt.calendarApp as unknown as { _addCalendar?: (id: string, name: string) => unknown };
    expect(typeof cal._addCalendar).toBe('function');
    const calendar = cal._addCalendar!(
      'id.indonesian#holiday@group.v.calendar.google.com',
      'Hari Libur di Indonesia',
    ) as {
      _addEvent?: (e: { title: string; date: string; description?: string }) => unknown;
    };
    expect(typeof calendar._addEvent).toBe('function');
    calendar._addEvent!({ title: 'Hari Raya Natal', date: '2026-12-25', description: 'Hari libur nasional' });
    calendar._addEvent!({ title: 'Tahun Baru 2027', date: '2027-01-01', description: 'Hari libur nasional' });
    sim.rt.call('syncHolidays');
    const after = rows(sim, 'Hari Libur');
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    const day = (v: unknown) =>
      v instanceof Date ? new Date(v.getTime() + 7 * 3600e3).toISOString().slice(0, 10) : String(v);
    expect(added.map((r) => [day(r['Tanggal']), r['Sumber']])).toEqual([['2027-01-01', 'Google Kalender']]);
  });
});

describe('outbox', () => {
  test('an assignment email still waiting when the complaint is closed is cancelled, not sent', () => {
    const sim = boot(undefined, 0); // no quota: the email cannot go out with the intake, it waits
    submit(sim, '2026-04-06T09:10:00+07:00', { text: 'promo judi online' });
    sim.event({ at: '2026-04-06T09:10:30+07:00', by: ADMIN, close: { ref: 'ADU-2026-0001', reason: 'spam' } }, 1); // before the next hourly run
    sim.rt.advanceTo('2026-04-06T12:00:00+07:00');
    expect(sim.rt.outbox.filter((m) => m.subject.includes('ADU-2026-0001'))).toEqual([]);
    const row = rows(sim, 'Antrean Email').find((r) => r['No. Pengaduan'] === 'ADU-2026-0001')!;
    expect(row['Status']).toBe('Dibatalkan');
  });
});
