/**
 * Never lose a complaint (issue 11): each way a tester found to lose one, reproduced on the
 * built dist/Code.js in the local runtime. Every response the form accepted becomes exactly one
 * complaint with one number; the officers' recorded work is never lost; no unit gets the same
 * assignment email twice.
 */
import { GasError } from '../../emulator/errors';
import type { GasRuntime, RuntimeOptions } from '../../emulator/runtime';
import type { Sheet } from '../../emulator/spreadsheet';
import { ADMIN, OWNER, PIC, install as installFresh, layoutOf, rows, tab } from './installed';

/** Admin and officer have access from the start. */
function install(options: RuntimeOptions = {}): { rt: GasRuntime; formId: string } {
  return installFresh({ users: [ADMIN, PIC], ...options });
}

let seq = 0;
function submit(
  rt: GasRuntime,
  formId: string,
  at: string,
  text = `Keluhan nomor ${++seq} di Museum Wayang`,
  receivedAt?: string,
): void {
  const received = receivedAt ?? new Date(Date.parse(at) - 30 * 60_000).toISOString();
  rt.submitForm(
    formId,
    {
      'Waktu pengaduan disampaikan': new Date(received),
      'Kanal media sosial': 'Instagram',
      'Nama/akun pelapor': '@warga',
      'Isi pengaduan': text,
      Kategori: 'Fasilitas dan kebersihan',
      'Diteruskan ke': 'UP Museum Seni',
    },
    { respondent: ADMIN, at },
  );
}

const numbers = (rt: GasRuntime) => rows(rt, 'Pengaduan').map((r) => String(r['No. Pengaduan']));
const texts = (rt: GasRuntime) =>
  rows(rt, 'Pengaduan')
    .map((r) => String(r['Isi Pengaduan']))
    .sort();
const responsesTab = (rt: GasRuntime) => rt.spreadsheet.getSheets().find((s) => s.getFormUrl()) as unknown as Sheet;
const assignments = (rt: GasRuntime, number: string) =>
  rt.outbox.filter((m) => m.subject.includes(number) && /penugasan|diteruskan/i.test(m.subject));

function officerRow(rt: GasRuntime, number: string): number {
  return rows(rt, 'UP Museum Seni').findIndex((r) => r['No. Pengaduan'] === number) + 2;
}

function officerEdit(rt: GasRuntime, number: string, header: string, value: string): void {
  const sheet = tab(rt, 'UP Museum Seni');
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const result = rt.editAsUser(PIC, 'UP Museum Seni', officerRow(rt, number), headers.indexOf(header) + 1, [[value]]);
  expect(result.applied).toBe(true);
}

describe('response identity by content, never by row', () => {
  test('a response row deleted by the operator: the next submission reuses its row number and is still registered', () => {
    const { rt, formId } = install();
    submit(rt, formId, '2026-12-01T09:00:00+07:00', 'Uji coba admin (hapus)');
    submit(rt, formId, '2026-12-01T09:10:00+07:00', 'Toilet kotor');
    submit(rt, formId, '2026-12-01T09:20:00+07:00', 'AC mati');
    responsesTab(rt).deleteRow(2); // the operator removes the test response
    submit(rt, formId, '2026-12-01T09:30:00+07:00', 'Parkir penuh'); // lands on row 4, like 'AC mati' once did
    expect(numbers(rt)).toEqual(['ADU-2026-0001', 'ADU-2026-0002', 'ADU-2026-0003', 'ADU-2026-0004']);
    rt.advanceTo('2026-12-01T11:00:00+07:00'); // hourly reconcile: nothing registered twice
    expect(numbers(rt)).toHaveLength(4);
    expect(new Set(rows(rt, 'Pengaduan').map((r) => r['Kunci Respons'])).size).toBe(4);
    expect(assignments(rt, 'ADU-2026-0004')).toHaveLength(1);
  });

  test('the responses tab sorted by the operator: reconcile registers nothing again', () => {
    const { rt, formId } = install();
    for (const [i, t] of ['Cc', 'Aa', 'Bb'].entries()) submit(rt, formId, `2026-12-01T09:${10 + i}:00+07:00`, t);
    responsesTab(rt).getRange(2, 1, 3, responsesTab(rt).getLastColumn()).sort({ column: 6, ascending: true });
    rt.call('menuReconcile', [], { user: OWNER, kind: 'menu', hasUi: true });
    expect(numbers(rt)).toEqual(['ADU-2026-0001', 'ADU-2026-0002', 'ADU-2026-0003']);
  });

  test('the same response delivered twice is one complaint; the duplicate is noted in Log Galat with its number', () => {
    const { rt, formId } = install();
    submit(rt, formId, '2026-12-01T09:10:00+07:00');
    const trigger = rt.triggers.find((t) => t.handler === 'onFormSubmitTrigger')!;
    const sheet = responsesTab(rt);
    rt.call(
      'onFormSubmitTrigger',
      [
        {
          range: sheet.getRange(2, 1, 1, sheet.getLastColumn()),
          values: [],
          namedValues: {},
          triggerUid: trigger.uid,
          authMode: 'FULL',
        },
      ],
      { kind: 'installable-trigger' },
    );
    expect(numbers(rt)).toEqual(['ADU-2026-0001']);
    expect(rows(rt, 'Log Galat').some((r) => String(r['Pesan']).includes('sudah dicatat sebagai ADU-2026-0001'))).toBe(
      true,
    );
  });
});

describe('lost Script Properties, redeploys and the form lifecycle', () => {
  test('properties wiped: intake goes on without reusing a number, setup rebuilds from the spreadsheet with no second form, every response is registered once', () => {
    const { rt, formId } = install();
    submit(rt, formId, '2026-12-01T09:00:00+07:00', 'Satu');
    submit(rt, formId, '2026-12-01T09:10:00+07:00', 'Dua');
    rt.propertiesService.getScriptProperties().deleteAllProperties(); // redeployed into a new project
    submit(rt, formId, '2026-12-01T09:20:00+07:00', 'Tiga, saat properti hilang');
    rt.call('setup', [], { user: OWNER });
    expect(rt.formApp._forms()).toHaveLength(1);
    expect(layoutOf(rt).formId).toBe(formId);
    expect(rt.spreadsheet.getSheets().filter((s) => s.getFormUrl())).toHaveLength(1);
    submit(rt, formId, '2026-12-01T09:40:00+07:00', 'Empat, sesudah setup');
    rt.advanceTo('2026-12-01T12:00:00+07:00');
    expect(numbers(rt).sort()).toEqual(['ADU-2026-0001', 'ADU-2026-0002', 'ADU-2026-0003', 'ADU-2026-0004']);
    expect(texts(rt)).toEqual(['Dua', 'Empat, sesudah setup', 'Satu', 'Tiga, saat properti hilang']);
  });

  test('a passing FormApp error during setup creates no second form, and setup says so', () => {
    const { rt, formId } = install();
    const form = rt.formApp as unknown as { openById: (id: string) => unknown; openByUrl: (u: string) => unknown };
    const [openById, openByUrl] = [form.openById, form.openByUrl];
    form.openById = () => {
      throw new GasError('Service error: Forms');
    };
    form.openByUrl = () => {
      throw new GasError('Service error: Forms');
    };
    expect(() => rt.call('setup', [], { user: OWNER })).not.toThrow();
    form.openById = openById;
    form.openByUrl = openByUrl;
    expect(rt.formApp._forms().map((f) => f.getId())).toEqual([formId]);
    expect(rows(rt, 'Log Galat').some((r) => String(r['Pesan']).includes('Formulir tidak dapat dibuka'))).toBe(true);
    submit(rt, formId, '2026-12-01T09:10:00+07:00');
    expect(numbers(rt)).toEqual(['ADU-2026-0001']);
  });

  test('a form re-linked to a new tab: a response left unregistered in the old tab is still registered', () => {
    const { rt, formId } = install();
    submit(rt, formId, '2026-12-01T09:00:00+07:00', 'Sudah tercatat');
    rt.holdLock('script', '2026-12-01T09:12:00+07:00', 'pekerjaan lain');
    submit(rt, formId, '2026-12-01T09:10:00+07:00', 'Tertinggal di tab lama'); // the trigger times out
    rt.advanceTo('2026-12-01T09:13:00+07:00');
    const form = rt.formApp.openById(formId);
    form.removeDestination();
    form.setDestination('SPREADSHEET', rt.spreadsheet.getId()); // "Form Responses 2"
    rt.call('setup', [], { user: OWNER });
    rt.advanceTo('2026-12-01T12:00:00+07:00');
    expect(texts(rt)).toEqual(['Sudah tercatat', 'Tertinggal di tab lama']);
    submit(rt, formId, '2026-12-01T13:00:00+07:00', 'Di tab baru');
    expect(numbers(rt)).toEqual(['ADU-2026-0001', 'ADU-2026-0002', 'ADU-2026-0003']);
  });
});

describe('register rows deleted or duplicated by the owner', () => {
  test("a deleted register row comes back with its own number and the officer's work, and the unit is not emailed again", () => {
    const { rt, formId } = install();
    submit(rt, formId, '2026-12-01T09:00:00+07:00', 'Satu');
    submit(rt, formId, '2026-12-01T09:10:00+07:00', 'Dua');
    rt.advanceTo('2026-12-01T10:05:00+07:00'); // assignment emails go out
    officerEdit(rt, 'ADU-2026-0002', 'Hasil Tindak Lanjut', 'Sudah dibersihkan');
    officerEdit(rt, 'ADU-2026-0002', 'Status', 'Selesai');
    const before = rows(rt, 'Pengaduan').find((r) => r['No. Pengaduan'] === 'ADU-2026-0002')!;
    tab(rt, 'Pengaduan').deleteRow(3); // the owner deletes ADU-2026-0002's row
    rt.advanceTo('2026-12-01T12:05:00+07:00');
    const after = rows(rt, 'Pengaduan').find((r) => r['Isi Pengaduan'] === 'Dua')!;
    expect(after['No. Pengaduan']).toBe('ADU-2026-0002');
    expect(after['Status']).toBe('Ditindaklanjuti');
    expect(after['Hasil Tindak Lanjut']).toBe('Sudah dibersihkan');
    expect((after['Ditindaklanjuti'] as Date).getTime()).toBe((before['Ditindaklanjuti'] as Date).getTime());
    expect(numbers(rt).sort()).toEqual(['ADU-2026-0001', 'ADU-2026-0002']);
    expect(assignments(rt, 'ADU-2026-0002')).toHaveLength(1);
    expect(rows(rt, 'UP Museum Seni').filter((r) => r['No. Pengaduan'] === 'ADU-2026-0002')).toHaveLength(1);
  });

  test('a duplicated register row is reported once in Log Galat, and the unit tab keeps one row', () => {
    const { rt, formId } = install();
    submit(rt, formId, '2026-12-01T09:00:00+07:00');
    const register = tab(rt, 'Pengaduan');
    const copy = register.getRange(2, 1, 1, register.getLastColumn()).getValues();
    register._writeRaw(3, 1, copy);
    rt.advanceTo('2026-12-01T12:05:00+07:00');
    const reports = rows(rt, 'Log Galat').filter((r) => String(r['Pesan']).includes('muncul di 2 baris'));
    expect(reports).toHaveLength(1);
    expect(rows(rt, 'UP Museum Seni')).toHaveLength(1);
  });
});

describe('plausibility of the post time', () => {
  test('a post time more than 30 days before the submission is kept and flagged for the admin', () => {
    const { rt, formId } = install();
    submit(rt, formId, '2026-12-01T09:10:00+07:00', 'Keluhan lama', '2025-12-01T08:40:00+07:00'); // a year typo
    const [c] = rows(rt, 'Pengaduan');
    expect((c['Waktu Pengaduan'] as Date).toISOString()).toBe('2025-12-01T01:40:00.000Z');
    expect(String(c['Perlu Diperiksa'])).toMatch(/365 hari sebelum dicatat/);
  });
});
