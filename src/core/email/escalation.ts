/**
 * The escalation email (DESIGN §8): one complaint whose current step is overdue, to whoever owns
 * the step, copied to the unit head and the admins, and at the leadership level to leadership.
 */
import { formatHuman } from '../values';
import type { Escalation, EscalationLevel } from '../reports/escalation';
import { excerpt, workingDaysText } from '../reports/format';
import { STEP_NAMES, stepOwner } from '../reports/worklist';
import { FOOTER } from './assignment';
import { EmailContent, renderHtml, renderText } from './layout';
import { OutgoingEmail } from './message';

/** The outbox 'Jenis' of escalations (counted per day by the daily job). */
export const ESCALATION_KIND = 'Eskalasi';

const COPIED: Record<EscalationLevel, string> = {
  kepala: 'kepala unit dan admin media sosial',
  pimpinan: 'kepala unit, admin media sosial dan pimpinan',
};

const LEVEL_NAME: Record<EscalationLevel, string> = {
  kepala: 'kepala unit',
  pimpinan: 'pimpinan',
};

export function escalationEmail(
  e: Escalation,
  asOf: Date,
  links: { unitTab: string; registerTab: string },
): OutgoingEmail {
  const c = e.item.complaint;
  const step = e.item.step;
  const late = workingDaysText(e.item.overdueWorkingDays);
  const unitStep = stepOwner(step) === 'unit';
  const link = unitStep ? links.unitTab : links.registerTab;
  const request = unitStep
    ? `Mohon ${c.unit} segera menyelesaikan langkah ini di tab unit: ${step === 3 ? 'ubah Status menjadi "Diproses"' : 'isi "Hasil Tindak Lanjut" dan pilih Status "Selesai"'}.`
    : `Mohon admin media sosial segera menyelesaikan langkah ini di tab Pengaduan: ${step === 2 ? 'pilih unit tujuan' : 'isi Jawaban dan ubah Status menjadi "Dijawab"'}.`;
  const content: EmailContent = {
    title: `Eskalasi ke ${LEVEL_NAME[e.level]}: pengaduan ${c.number} lewat tenggat ${late}`,
    intro: [
      `Langkah ${step} (${STEP_NAMES[step]}) pengaduan ${c.number}${c.unit ? ` di ${c.unit}` : ''} bertenggat ${e.item.dueAt ? formatHuman(e.item.dueAt) : '-'} dan per ${formatHuman(asOf)} telah lewat tenggat ${late}.`,
      request,
      `Email ini ditembuskan kepada ${COPIED[e.level]} sesuai aturan eskalasi SOP.`,
    ],
    sections: [
      {
        heading: 'Rincian pengaduan',
        items: [
          {
            title: c.number,
            link: link || undefined,
            fields: [
              ['Waktu pengaduan', c.receivedAt ? formatHuman(c.receivedAt) : formatHuman(c.recordedAt)],
              ['Kanal', c.channel || '-'],
              ['Kategori', c.category || '-'],
              ['Unit', c.unit || '(belum ada unit)'],
              ['Status', c.status],
              ['Langkah tertunda', `${step}. ${STEP_NAMES[step]}`],
              ['Tenggat langkah', formatHuman(e.item.dueAt)],
              ['Terlambat', late],
              ['Isi pengaduan', excerpt(c.text, 500) || '-'],
              ['Tautan unggahan', c.postUrl || '-'],
            ],
          },
        ],
      },
    ],
    action: link
      ? { label: unitStep ? `Buka tab ${e.unit?.tab ?? c.unit}` : 'Buka tab Pengaduan', url: link }
      : undefined,
    footer: FOOTER,
  };
  return {
    key: e.key,
    kind: ESCALATION_KIND,
    number: c.number,
    to: e.to,
    cc: e.cc,
    subject: `[Pengaduan ${c.number}] Eskalasi: langkah ${step} (${STEP_NAMES[step]}) lewat tenggat ${late}`,
    body: renderText(content),
    htmlBody: renderHtml(content),
  };
}
