/**
 * The daily digests (DESIGN §8, issue 5): one per unit (what is overdue, due today and new) and
 * one for the admins (what waits on them). Keys: `digest|<unit>|<yyyy-MM-dd>` and
 * `admin|<yyyy-MM-dd>`: one digest per unit and working day, however often the job runs.
 */
import type { UnitConfig } from '../config';
import type { ReminderDay } from '../reports/period';
import { clockTime, excerpt, longDate, shortTime, workingDaysText } from '../reports/format';
import { AdminWorklist, OpenItem, STEP_NAMES, UnitWorklist } from '../reports/worklist';
import { OUTBOX_TEXT } from '../labels/outbox';
import { formatDateTime } from '../values';
import { FOOTER } from './assignment';
import { OutgoingEmail } from './message';
import type { MailHealth } from './queue';
import { CellValue, ReportContent, TableBlock, renderWithin, share } from './report-layout';
import { DIGEST_INBOX, RENEW_HOW } from '../labels/channels'; // issue 15

export const UNIT_DIGEST_KIND = 'Pengingat harian';
export const ADMIN_DIGEST_KIND = 'Pengingat admin';

export function unitDigestKey(unit: string, date: string): string {
  return `digest|${unit}|${date}`;
}

export function adminDigestKey(date: string): string {
  return `admin|${date}`;
}

const stepText = (item: OpenItem): string => `${item.step}. ${STEP_NAMES[item.step]}`;
const lateText = (item: OpenItem): CellValue =>
  item.overdue ? { text: workingDaysText(item.overdueWorkingDays), alert: true } : '-';
const numberCell = (item: OpenItem, link: string): CellValue => ({
  text: item.complaint.number,
  link: link || undefined,
});

const MORE_NOTE = 'Daftar lengkap ada di tab.';

function table(
  heading: string,
  note: string,
  columns: string[],
  items: OpenItem[],
  left: number,
  row: (i: OpenItem) => CellValue[],
): TableBlock {
  return { kind: 'table', heading, note, columns, rows: items.map(row), more: left, moreNote: MORE_NOTE };
}

function countsText(parts: [number, string][]): string {
  const shown = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return shown.join(', ');
}

export function unitDigestEmail(w: UnitWorklist, day: ReminderDay, tabUrl: string): OutgoingEmail {
  const unit: UnitConfig = w.unit;
  const counts = countsText([
    [w.overdue.length, 'lewat tenggat'],
    [w.dueToday.length, 'jatuh tempo hari ini'],
    [w.fresh.length, 'baru'],
  ]);
  const build = (limit: number): ReportContent => {
    const { kept, left } = share([w.overdue, w.dueToday, w.fresh], limit);
    const blocks: TableBlock[] = [];
    if (w.overdue.length) {
      blocks.push(
        table(
          `Lewat tenggat (${w.overdue.length})`,
          'Langkah ini sudah melewati baku mutu waktu; mohon segera diselesaikan.',
          ['No. Pengaduan', 'Langkah', 'Tenggat', 'Terlambat', 'Kanal', 'Isi singkat'],
          kept[0],
          left[0],
          (i) => [
            numberCell(i, tabUrl),
            stepText(i),
            shortTime(i.dueAt),
            lateText(i),
            i.complaint.channel || '-',
            excerpt(i.complaint.text),
          ],
        ),
      );
    }
    if (w.dueToday.length) {
      blocks.push(
        table(
          `Jatuh tempo hari ini (${w.dueToday.length})`,
          'Selesaikan langkah ini sebelum tenggatnya.',
          ['No. Pengaduan', 'Langkah', 'Tenggat', 'Kanal', 'Isi singkat'],
          kept[1],
          left[1],
          (i) => [
            numberCell(i, tabUrl),
            stepText(i),
            shortTime(i.dueAt),
            i.complaint.channel || '-',
            excerpt(i.complaint.text),
          ],
        ),
      );
    }
    if (w.fresh.length) {
      blocks.push(
        table(
          `Baru diterima sejak pengingat sebelumnya (${w.fresh.length})`,
          '',
          ['No. Pengaduan', 'Diteruskan', 'Langkah', 'Tenggat', 'Isi singkat'],
          kept[2],
          left[2],
          (i) => [
            numberCell(i, tabUrl),
            shortTime(i.complaint.forwardedAt),
            stepText(i),
            shortTime(i.dueAt),
            excerpt(i.complaint.text),
          ],
        ),
      );
    }
    return {
      title: `Pengingat harian ${unit.name}`,
      intro: [
        `Keadaan pengaduan ${unit.name} per ${longDate(day.date)} pukul ${clockTime(day.asOf)}: ${counts}.`,
        'Di tab unit: ubah Status menjadi "Diproses" saat mulai menangani, lalu isi "Hasil Tindak Lanjut" dan pilih "Selesai". Setiap langkah memiliki baku mutu waktu sesuai SOP.',
      ],
      blocks,
      action: tabUrl ? { label: `Buka tab ${unit.tab}`, url: tabUrl } : undefined,
      footer: FOOTER,
    };
  };
  const { html, text } = renderWithin(build);
  return {
    key: unitDigestKey(unit.name, day.date),
    kind: UNIT_DIGEST_KIND,
    number: '',
    to: unit.pics,
    cc: [],
    subject: `[Pengaduan] Pengingat harian ${unit.name}, ${longDate(day.date)}: ${counts}`,
    body: text,
    htmlBody: html,
  };
}

/** The admin digest's lines about the outbox (DESIGN §10: the operator is told, with the figures). */
export function mailLines(mail: MailHealth | undefined): string[] {
  if (!mail) return [];
  const lines: string[] = [];
  const b = mail.backlog;
  if (b) lines.push(OUTBOX_TEXT.backlog(b.waiting, b.recipients, b.quota, b.oldest ? formatDateTime(b.oldest) : '-'));
  if (mail.unknown) lines.push(OUTBOX_TEXT.digestUnknown(mail.unknown));
  return lines;
}

export function adminDigestEmail(
  w: AdminWorklist,
  day: ReminderDay,
  admins: string[],
  registerUrl: string,
  mail?: MailHealth,
): OutgoingEmail {
  const inbox = w.channelInbox;
  const waiting = countsText([
    [w.awaitingUnit.length, 'belum diteruskan'],
    [w.awaitingAnswer.length, 'menunggu jawaban ke masyarakat'],
    [w.unreachable.length, 'di unit tanpa penerima email'],
    [inbox?.untriaged.length ?? 0, DIGEST_INBOX.untriaged],
    [inbox?.tokenProblems.length ?? 0, DIGEST_INBOX.tokenRefused],
  ]);
  const counts = waiting || OUTBOX_TEXT.digestCounts;
  const asOf = `per ${longDate(day.date)} pukul ${clockTime(day.asOf)}`;
  const head = waiting
    ? `Pengaduan yang menunggu admin ${asOf}: ${waiting}.`
    : `Tidak ada pengaduan yang menunggu admin ${asOf}.`;
  const mailText = mailLines(mail);
  const build = (limit: number): ReportContent => {
    const { kept, left } = share([w.awaitingUnit, w.awaitingAnswer, w.unreachable], limit);
    const blocks: TableBlock[] = [];
    if (w.awaitingUnit.length) {
      blocks.push(
        table(
          `Belum diteruskan ke unit (${w.awaitingUnit.length})`,
          'Pilih unit di kolom Unit tab Pengaduan (langkah 2).',
          ['No. Pengaduan', 'Waktu pengaduan', 'Tenggat', 'Terlambat', 'Kanal', 'Isi singkat'],
          kept[0],
          left[0],
          (i) => [
            numberCell(i, registerUrl),
            shortTime(i.complaint.receivedAt ?? i.complaint.recordedAt),
            shortTime(i.dueAt),
            lateText(i),
            i.complaint.channel || '-',
            excerpt(i.complaint.text),
          ],
        ),
      );
    }
    if (w.awaitingAnswer.length) {
      blocks.push(
        table(
          `Hasil tindak lanjut sudah kembali, jawaban ke masyarakat belum (${w.awaitingAnswer.length})`,
          'Isi kolom Jawaban di tab Pengaduan lalu ubah Status menjadi "Dijawab" (langkah 5).',
          ['No. Pengaduan', 'Unit', 'Tenggat', 'Terlambat', 'Kanal', 'Isi singkat'],
          kept[1],
          left[1],
          (i) => [
            numberCell(i, registerUrl),
            i.complaint.unit || '-',
            shortTime(i.dueAt),
            lateText(i),
            i.complaint.channel || '-',
            excerpt(i.complaint.text),
          ],
        ),
      );
    }
    if (w.unreachable.length) {
      blocks.push(
        table(
          `Unit tidak terdaftar atau tanpa email PIC (${w.unreachable.length})`,
          'Pengingat tidak sampai ke unit ini: periksa tab Unit atau alihkan pengaduan.',
          ['No. Pengaduan', 'Unit', 'Langkah', 'Tenggat', 'Terlambat'],
          kept[2],
          left[2],
          (i) => [numberCell(i, registerUrl), i.complaint.unit || '-', stepText(i), shortTime(i.dueAt), lateText(i)],
        ),
      );
    }
    // Issue 15: channel capture.
    if (inbox?.untriaged.length) {
      const shown = inbox.untriaged.slice(0, Math.max(5, limit));
      blocks.push({
        kind: 'table',
        heading: `${DIGEST_INBOX.heading} (${inbox.untriaged.length})`,
        note: DIGEST_INBOX.note,
        columns: [...DIGEST_INBOX.columns],
        rows: shown.map((p) => [shortTime(p.postedAt), p.channel, p.author]),
        more: inbox.untriaged.length - shown.length,
        moreNote: MORE_NOTE,
      });
    }
    if (inbox?.tokenProblems.length) {
      blocks.push({
        kind: 'table',
        heading: DIGEST_INBOX.tokenHeading,
        note: DIGEST_INBOX.tokenNote,
        columns: [...DIGEST_INBOX.tokenColumns],
        rows: inbox.tokenProblems.map((c) => [c, RENEW_HOW[c as keyof typeof RENEW_HOW] ?? '']),
        more: 0,
        moreNote: MORE_NOTE,
      });
    }
    return {
      title: 'Pengingat harian admin media sosial',
      intro: [head, ...mailText],
      blocks,
      action: registerUrl ? { label: 'Buka tab Pengaduan', url: registerUrl } : undefined,
      footer: FOOTER,
    };
  };
  const { html, text } = renderWithin(build);
  return {
    key: adminDigestKey(day.date),
    kind: ADMIN_DIGEST_KIND,
    number: '',
    to: admins,
    cc: [],
    subject: `[Pengaduan] Pengingat harian admin, ${longDate(day.date)}: ${counts}`,
    body: text,
    htmlBody: html,
  };
}
