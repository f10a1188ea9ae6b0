/** The assignment email (DESIGN §8): a complaint forwarded to a unit's PICs (step 2 output). */
import { Complaint } from '../complaint';
import { formatHuman } from '../values';
import { renderHtml, renderText, EmailContent } from './layout';
import { OutgoingEmail } from './message';

/** The outbox kind of assignment emails (the hourly run cancels those no longer needed). */
export const ASSIGNMENT_KIND = 'Penugasan';

export const FOOTER =
  'Email otomatis sistem Pengaduan Medsos Dinas Kebudayaan Provinsi DKI Jakarta. Mohon tidak membalas email ini.';

function excerpt(text: string, max = 1500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function assignmentEmail(c: Complaint, pics: string[], tabUrl: string, reassignedFrom?: string): OutgoingEmail {
  const content: EmailContent = {
    title: `Pengaduan ${c.number} diteruskan ke ${c.unit}`,
    intro: [
      reassignedFrom
        ? `Pengaduan ini dialihkan dari ${reassignedFrom} kepada ${c.unit}. Mohon ditindaklanjuti sesuai SOP.`
        : `Pengaduan masyarakat berikut diteruskan kepada ${c.unit}. Mohon ditindaklanjuti sesuai SOP.`,
      'Ubah kolom Status di tab unit menjadi "Diproses" saat mulai menangani, lalu isi "Hasil Tindak Lanjut" dan pilih "Selesai". Setiap langkah memiliki baku mutu waktu 1 hari kerja.',
    ],
    sections: [
      {
        heading: 'Rincian pengaduan',
        items: [
          {
            title: c.number,
            link: tabUrl,
            fields: [
              ['Waktu pengaduan', c.receivedAt ? formatHuman(c.receivedAt) : '-'],
              ['Kanal', c.channel || '-'],
              ['Kategori', c.category || '-'],
              ['Tautan unggahan', c.postUrl || '-'],
              ['Isi pengaduan', excerpt(c.text) || '-'],
              ['Tanggapan awal admin', c.initialResponse || '-'],
              ['Tenggat langkah berikutnya', c.stepDue ? formatHuman(c.stepDue) : '-'],
            ],
          },
        ],
      },
    ],
    action: { label: `Buka tab ${c.unit}`, url: tabUrl },
    footer: FOOTER,
  };
  const forwardedMs = c.forwardedAt ? c.forwardedAt.getTime() : 0;
  return {
    key: `penugasan|${c.number}|${c.unit}|${forwardedMs}`,
    kind: ASSIGNMENT_KIND,
    number: c.number,
    to: pics,
    cc: [],
    subject: `[Pengaduan ${c.number}] Diteruskan ke ${c.unit}`,
    body: renderText(content),
    htmlBody: renderHtml(content),
  };
}
