/**
 * The system on a runtime that takes Google's side (issue 10 item 5, issue 13 item 1): a form
 * that starts unpublished and untitled, a responses tab that appears late, protections that
 * protect nothing until their editor list changes, a spreadsheet in its creator's time zone,
 * a holiday calendar under one of two ids. The built dist/Code.js, driven as the operator would.
 */
import type { GasRuntime } from '../../emulator/runtime';
import { ADMIN, OWNER, PIC, install, rows } from './installed';

function submit(rt: GasRuntime, formId: string, at: string, receivedAt: string): void {
  rt.submitForm(
    formId,
    {
      'Waktu pengaduan disampaikan': new Date(receivedAt),
      'Kanal media sosial': 'Instagram',
      'Nama/akun pelapor': '@warga',
      'Isi pengaduan': 'Toilet di Museum Wayang kotor',
      Kategori: 'Fasilitas dan kebersihan',
      'Diteruskan ke': 'UP Museum Seni',
    },
    { respondent: ADMIN, at },
  );
}

const isoOf = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

describe('the form on Google: unpublished, untitled, its responses tab late', () => {
  test('setup publishes and titles the form, links it, waits for the responses tab, and says so', () => {
    const { rt, formId } = install();
    const form = rt.formApp.openById(formId);
    expect(form.isPublished()).toBe(true);
    expect(form.isAcceptingResponses()).toBe(true);
    expect(form.getTitle()).toBe('Formulir Pengaduan Media Sosial');
    expect(String(form.getEmailCollectionType())).toBe('VERIFIED');
    expect(form.getDestinationId()).toBe(rt.spreadsheet.getId());
    const summary = String(
      rows(rt, 'Riwayat').find((r) => String(r['Tindakan']).startsWith('Siapkan'))?.['Nilai Baru'] ?? '',
    );
    expect(summary).toMatch(
      /dipublikasikan; menerima jawaban; tertaut ke spreadsheet ini; email pengisi: dikumpulkan \(terverifikasi\); tab respons: Form Responses 1/,
    );
    submit(rt, formId, '2026-12-01T09:10:00+07:00', '2026-12-01T08:40:00+07:00');
    expect(rows(rt, 'Pengaduan').map((r) => r['No. Pengaduan'])).toEqual(['ADU-2026-0001']);
  });

  test('a second setup creates no second form and changes nothing on the form', () => {
    const { rt, formId } = install();
    rt.call('setup', [], { user: OWNER });
    expect(rt.formApp._forms().map((f) => f.getId())).toEqual([formId]);
    expect(rt.spreadsheet.getSheets().filter((s) => s.getFormUrl()).length).toBe(1);
  });
});

describe("the spreadsheet in its creator's time zone", () => {
  test('an operator account on New York time gets the same received and due times as one on Jakarta time', () => {
    const times = (zone: string) => {
      const { rt, formId } = install({ accountTimeZone: zone });
      expect(rt.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Jakarta');
      submit(rt, formId, '2026-12-01T09:10:00+07:00', '2026-12-01T08:40:00+07:00');
      const [c] = rows(rt, 'Pengaduan');
      return ['Waktu Pengaduan', 'Tercatat', 'Diteruskan', 'Tenggat Langkah', 'Tenggat Akhir'].map((h) => isoOf(c[h]));
    };
    const jakarta = times('Asia/Jakarta');
    expect(jakarta[0]).toBe('2026-12-01T01:40:00.000Z');
    expect(times('America/New_York')).toEqual(jakarta);
    expect(times('Pacific/Kiritimati')).toEqual(jakarta);
  });

  test('setup reports the change of time zone', () => {
    const { rt } = install({ accountTimeZone: 'Europe/Amsterdam' });
    const summary = String(
      rows(rt, 'Riwayat').find((r) => String(r['Tindakan']).startsWith('Siapkan'))?.['Nilai Baru'] ?? '',
    );
    expect(summary).toContain('Zona waktu spreadsheet: diubah dari Europe/Amsterdam menjadi Asia/Jakarta');
  });
});

describe('protections on a file shared only after setup', () => {
  test('system tabs and system columns stay protected once the operator shares the file', () => {
    const { rt } = install(); // nobody but the owner has access at setup time
    rt.spreadsheet.addEditors([ADMIN, PIC, 'stranger@example.org']);
    expect(rt.editAsUser('stranger@example.org', 'Riwayat', 2, 1, [['palsu']]).applied).toBe(false);
    expect(rt.editAsUser(PIC, 'Antrean Email', 2, 1, [['palsu']]).applied).toBe(false);
    expect(rt.editAsUser(ADMIN, 'Pengaturan', 2, 2, [['palsu']]).applied).toBe(false);
    expect(rt.editAsUser(ADMIN, 'Pengaduan', 2, 1, [['ADU-9999-0001']]).applied).toBe(false); // number: a system column
    expect(rt.editAsUser('stranger@example.org', 'UP Museum Seni', 2, 11, [['Diproses']]).applied).toBe(false);
  });
});

describe('holiday calendar under either id', () => {
  test('an English account (en.indonesian#…) is read; an unsubscribed one gets the Indonesian explanation and a Log Galat row', () => {
    const { rt } = install();
    const none = rt.call('syncHolidays', [], { user: OWNER }) as string;
    expect(none).toMatch(/belum diikuti oleh akun ini.*Hari libur di Indonesia/);
    expect(rows(rt, 'Log Galat').some((r) => String(r['Pesan']).includes('belum diikuti'))).toBe(true);
    const cal = rt.calendarApp._addCalendar(
      'en.indonesian#holiday@group.v.calendar.google.com',
      'Holidays in Indonesia',
      'Asia/Jakarta',
    );
    cal._addEvent({ title: "New Year's Day", date: '2027-01-01', description: 'Public holiday' });
    rt.calendarApp._addCalendar(
      'id.indonesian#holiday@group.v.calendar.google.com',
      'Hari libur di Indonesia',
      'Asia/Jakarta',
      '',
      false,
    );
    expect(rt.call('syncHolidays', [], { user: OWNER })).toMatch(/Ditambahkan 1 tanggal/);
  });
});
