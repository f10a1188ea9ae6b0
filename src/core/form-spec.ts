/** The complaint form of DESIGN §4: logical keys (used by code and scenarios) and what the admin sees. */
import { CHANNELS } from './complaint';
import { FormKey } from './intake';

export type FormItemKind = 'datetime' | 'multipleChoice' | 'text' | 'paragraph' | 'list';

export interface FormItemSpec {
  key: FormKey;
  title: string;
  kind: FormItemKind;
  required: boolean;
  help: string;
}

export const FORM_ITEMS: FormItemSpec[] = [
  {
    key: 'receivedAt',
    title: 'Waktu pengaduan disampaikan',
    kind: 'datetime',
    required: true,
    help: 'Waktu unggahan/komentar pengaduan muncul di media sosial (tidak boleh di masa depan).',
  },
  { key: 'channel', title: 'Kanal media sosial', kind: 'multipleChoice', required: true, help: '' },
  { key: 'reporter', title: 'Nama/akun pelapor', kind: 'text', required: true, help: 'Contoh: @warga_jakarta' },
  {
    key: 'postUrl',
    title: 'Tautan unggahan/komentar',
    kind: 'text',
    required: false,
    help: 'Alamat lengkap yang diawali https://',
  },
  { key: 'text', title: 'Isi pengaduan', kind: 'paragraph', required: true, help: 'Salin isi pengaduan apa adanya.' },
  { key: 'category', title: 'Kategori', kind: 'list', required: true, help: '' },
  {
    key: 'unit',
    title: 'Diteruskan ke',
    kind: 'list',
    required: true,
    help: 'Pilih "Tentukan otomatis" bila ragu; sistem memilih unit dari kata kunci, atau menunggu admin.',
  },
  {
    key: 'initialResponse',
    title: 'Tanggapan awal admin',
    kind: 'paragraph',
    required: false,
    help: 'Balasan pertama admin kepada pelapor (jika ada).',
  },
];

export const CHANNEL_CHOICES: string[] = [...CHANNELS];

/** Header Google writes for the submission time and the collected email in the responses tab. */
export const RESPONSE_TIMESTAMP_HEADERS = ['Timestamp', 'Stempel waktu', 'Cap waktu'];
export const RESPONSE_EMAIL_HEADERS = ['Email Address', 'Alamat email'];

/** The responses tab's columns by logical key, from its header row. */
export function responseColumns(headers: unknown[]): Record<string, number> {
  const columns: Record<string, number> = {};
  headers.forEach((h, i) => {
    const title = String(h ?? '').trim();
    if (RESPONSE_TIMESTAMP_HEADERS.includes(title) && columns.timestamp === undefined) columns.timestamp = i;
    else if (RESPONSE_EMAIL_HEADERS.includes(title) && columns.email === undefined) columns.email = i;
    else {
      const item = FORM_ITEMS.find((f) => f.title === title);
      if (item && columns[item.key] === undefined) columns[item.key] = i;
    }
  });
  return columns;
}
