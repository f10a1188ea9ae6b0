/**
 * The consistency checks of `npm run ops -- doctor` (DESIGN §16), pure: tabs in, findings out.
 * Each finding says whether the operator must act ('error': the command exits 1) or whether the
 * system repairs it by itself / it is for the admins ('warning'), or is only a figure ('info').
 */
import { Complaint, REGISTER_COLUMNS, STATUS, Status, UNIT_COLUMNS, officerStatusOf } from '../../src/core/complaint';
import {
  AppConfig,
  ConfigTables,
  HOLIDAY_HEADERS,
  SETTINGS_HEADERS,
  UNIT_HEADERS,
  parseConfig,
} from '../../src/core/config';
import { OUTBOX_HEADERS, OUTBOX_STATUS } from '../../src/core/email/message';
import { RESPONSE_EMAIL_HEADERS, RESPONSE_TIMESTAMP_HEADERS } from '../../src/core/form-spec';
import { TAB } from '../../src/core/labels';
import { parseComplaintNumber } from '../../src/core/numbering';
import { formatDateTime, isDate } from '../../src/core/values';

export interface Tab {
  name: string;
  /** Cell values, header row first; date cells as Dates. */
  values: unknown[][];
}

export type Level = 'error' | 'warning' | 'info';

export interface Finding {
  level: Level;
  area: 'config' | 'register' | 'numbering' | 'unit-tabs' | 'responses' | 'mail';
  message: string;
}

export interface HealthReport {
  findings: Finding[];
  complaints: number;
  responses: number;
  needsOperator: boolean;
}

/** Mail still waiting after this long is stuck (the hourly job sends what the quota allows). */
export const STUCK_MAIL_HOURS = 24;
/** A response not registered after this long was missed by both the trigger and reconcile. */
export const UNREGISTERED_RESPONSE_HOURS = 2;

const HOUR = 3_600_000;
const text = (v: unknown) => (v === null || v === undefined ? '' : isDate(v) ? formatDateTime(v) : String(v).trim());

function headerMap(tab: Tab): Map<string, number> {
  const m = new Map<string, number>();
  (tab.values[0] ?? []).forEach((h, i) => {
    const k = text(h);
    if (k && !m.has(k)) m.set(k, i);
  });
  return m;
}

function columns(tab: Tab | undefined, headers: readonly string[]): unknown[][] {
  if (!tab) return [];
  const idx = headerMap(tab);
  return tab.values.slice(1).map((row) => headers.map((h) => (idx.has(h) ? row[idx.get(h)!] : '')));
}

/** The config tables as the system reads them (columns found by header name). */
export function configTablesOf(tabs: Tab[]): ConfigTables {
  const find = (n: string) => tabs.find((t) => t.name === n);
  const settings = new Map<string, unknown>();
  for (const [k, v] of columns(find(TAB.settings), SETTINGS_HEADERS)) {
    const key = text(k);
    if (key) settings.set(key, v);
  }
  return {
    units: columns(find(TAB.units), UNIT_HEADERS),
    settings,
    holidays: columns(find(TAB.holidays), HOLIDAY_HEADERS),
  };
}

interface RegisterRow {
  row: number;
  number: string;
  unit: string;
  status: string;
  sourceKey: string;
  problem: string;
}

function registerRows(tab: Tab, findings: Finding[]): RegisterRow[] {
  const idx = headerMap(tab);
  const missing = REGISTER_COLUMNS.filter((c) => !idx.has(c.header)).map((c) => c.header);
  if (missing.length)
    findings.push({
      level: 'warning',
      area: 'register',
      message: `Tab "${tab.name}" tidak punya kolom ${missing.map((m) => `"${m}"`).join(', ')}; setup (Siapkan / Perbarui) akan menambahkannya.`,
    });
  const get = (row: unknown[], key: keyof Complaint) => {
    const h = REGISTER_COLUMNS.find((c) => c.key === key)!.header;
    return idx.has(h) ? text(row[idx.get(h)!]) : '';
  };
  const out: RegisterRow[] = [];
  tab.values.slice(1).forEach((row, i) => {
    if (row.every((v) => text(v) === '')) return;
    out.push({
      row: i + 2,
      number: get(row, 'number'),
      unit: get(row, 'unit'),
      status: get(row, 'status'),
      sourceKey: get(row, 'sourceKey'),
      problem: get(row, 'problem'),
    });
  });
  return out;
}

function checkNumbering(rows: RegisterRow[], findings: Finding[]): void {
  const byNumber = new Map<string, number[]>();
  const perYear = new Map<number, Set<number>>();
  for (const r of rows) {
    if (!r.number) {
      findings.push({
        level: 'error',
        area: 'numbering',
        message: `${TAB.register} baris ${r.row}: berisi data tetapi tanpa nomor pengaduan.`,
      });
      continue;
    }
    const p = parseComplaintNumber(r.number);
    if (!p) {
      findings.push({
        level: 'error',
        area: 'numbering',
        message: `${TAB.register} baris ${r.row}: nomor "${r.number}" bukan bentuk ADU-TTTT-NNNN.`,
      });
      continue;
    }
    byNumber.set(r.number, [...(byNumber.get(r.number) ?? []), r.row]);
    if (!perYear.has(p.year)) perYear.set(p.year, new Set());
    perYear.get(p.year)!.add(p.sequence);
  }
  for (const [n, at] of byNumber) {
    if (at.length > 1)
      findings.push({
        level: 'error',
        area: 'numbering',
        message: `Nomor ${n} dipakai ${at.length} kali (${TAB.register} baris ${at.join(', ')}); satu nomor harus satu pengaduan.`,
      });
  }
  for (const [year, seqs] of [...perYear.entries()].sort((a, b) => a[0] - b[0])) {
    const max = Math.max(...seqs);
    const gaps: number[] = [];
    for (let s = 1; s <= max; s++) if (!seqs.has(s)) gaps.push(s);
    if (gaps.length) {
      const shown = gaps
        .slice(0, 10)
        .map((s) => `ADU-${year}-${String(s).padStart(4, '0')}`)
        .join(', ');
      findings.push({
        level: 'warning',
        area: 'numbering',
        message: `Tahun ${year}: ${gaps.length} nomor tidak ada di register (${shown}${gaps.length > 10 ? ', …' : ''}): baris terhapus, atau eksekusi yang terhenti setelah memberi nomor.`,
      });
    }
  }
}

function checkUnitTabs(rows: RegisterRow[], tabs: Tab[], config: AppConfig, findings: Finding[]): void {
  const active = config.units.filter((u) => u.active);
  const unitByName = new Map(config.units.map((u) => [u.name, u]));
  const expected = new Map<string, Map<string, string>>(); // tab → number → officer status
  for (const u of active) expected.set(u.tab, new Map());
  for (const r of rows) {
    if (!r.number || !r.unit) continue;
    const u = unitByName.get(r.unit);
    if (!u) {
      findings.push({
        level: 'error',
        area: 'unit-tabs',
        message: `${r.number}: unit "${r.unit}" tidak ada di tab ${TAB.units}; admin perlu memilih unit yang benar atau operator menambah unitnya.`,
      });
      continue;
    }
    if (!u.active) {
      findings.push({
        level: 'warning',
        area: 'unit-tabs',
        message: `${r.number}: unit "${r.unit}" tidak aktif; pengaduan ini tidak tampil di tab unit mana pun.`,
      });
      continue;
    }
    const st = r.status as Status;
    expected.get(u.tab)!.set(r.number, Object.values(STATUS).includes(st) ? officerStatusOf(st) : r.status);
  }
  const numberHeader = UNIT_COLUMNS.find((c) => c.key === 'number')!.header;
  const statusHeader = UNIT_COLUMNS.find((c) => c.key === 'officerStatus')!.header;
  let drift = 0;
  const examples: string[] = [];
  const note = (m: string) => {
    drift++;
    if (examples.length < 5) examples.push(m);
  };
  for (const [tabName, want] of expected) {
    const tab = tabs.find((t) => t.name === tabName);
    if (!tab) {
      findings.push({
        level: want.size ? 'error' : 'warning',
        area: 'unit-tabs',
        message: `Tab unit "${tabName}" tidak ada (${want.size} pengaduan menunggu di sana); jalankan Siapkan / Perbarui.`,
      });
      continue;
    }
    const idx = headerMap(tab);
    const nc = idx.get(numberHeader);
    const sc = idx.get(statusHeader);
    if (nc === undefined) {
      findings.push({
        level: 'warning',
        area: 'unit-tabs',
        message: `Tab "${tabName}" tidak punya kolom "${numberHeader}"; setup akan menyusunnya kembali.`,
      });
      continue;
    }
    const seen = new Map<string, number>();
    tab.values.slice(1).forEach((row, i) => {
      const n = text(row[nc]);
      if (!n) {
        if (row.some((v) => text(v) !== '')) note(`"${tabName}" baris ${i + 2} tanpa nomor`);
        return;
      }
      seen.set(n, (seen.get(n) ?? 0) + 1);
      if (!want.has(n)) note(`${n} ada di "${tabName}" tetapi register menaruhnya di unit lain atau tidak memuatnya`);
      else if (sc !== undefined && text(row[sc]) !== want.get(n))
        note(`${n} di "${tabName}": status "${text(row[sc])}", register "${want.get(n)}"`);
    });
    for (const [n, count] of seen) if (count > 1) note(`${n} muncul ${count} kali di "${tabName}"`);
    for (const n of want.keys()) if (!seen.has(n)) note(`${n} tidak ada di "${tabName}"`);
  }
  if (drift)
    findings.push({
      level: 'warning',
      area: 'unit-tabs',
      message: `${drift} beda antara register dan tab unit (rekonsiliasi per jam menyusun ulang tab unit dari register): ${examples.join('; ')}${drift > examples.length ? '; …' : ''}`,
    });
}

function checkResponses(rows: RegisterRow[], tabs: Tab[], now: Date, findings: Finding[]): number {
  const responsesTabs = tabs.filter((t) => RESPONSE_TIMESTAMP_HEADERS.includes(text(t.values[0]?.[0])));
  if (!responsesTabs.length) {
    findings.push({
      level: 'warning',
      area: 'responses',
      message:
        'Tidak ada tab jawaban formulir; formulir belum ditautkan ke spreadsheet ini (jalankan Siapkan / Perbarui).',
    });
    return 0;
  }
  const current = [...responsesTabs].sort(
    (a, b) => Number(/(\d+)\s*$/.exec(b.name)?.[1] ?? 0) - Number(/(\d+)\s*$/.exec(a.name)?.[1] ?? 0),
  )[0];
  const headers = (current.values[0] ?? []).map(text);
  const answerCols = headers
    .map((h, i) => (RESPONSE_TIMESTAMP_HEADERS.includes(h) || RESPONSE_EMAIL_HEADERS.includes(h) ? -1 : i))
    .filter((i) => i >= 0);
  const filled = new Map<number, unknown>(); // sheet row → timestamp
  current.values.slice(1).forEach((row, i) => {
    if (answerCols.some((c) => text(row[c]) !== '')) filled.set(i + 2, row[0]);
  });
  const keyed = rows.filter((r) => /^R\d+$/.test(r.sourceKey));
  // Posts triaged in Kotak Masuk carry the key K:<channel>:<id> (DESIGN §14): not from the form.
  const fromInbox = rows.filter((r) => r.sourceKey.startsWith('K:'));
  const other = rows.filter((r) => r.sourceKey && !/^R\d+$/.test(r.sourceKey) && !r.sourceKey.startsWith('K:'));
  findings.push({
    level: 'info',
    area: 'responses',
    message: `Tab jawaban "${current.name}": ${filled.size} jawaban; register: ${rows.length} pengaduan (${keyed.length + other.length} dari formulir${fromInbox.length ? `, ${fromInbox.length} dari Kotak Masuk` : ''}).`,
  });
  if (other.length) {
    // Keys that are not row references: compare counts only.
    if (filled.size > keyed.length + other.length)
      findings.push({
        level: 'warning',
        area: 'responses',
        message: `${filled.size - keyed.length - other.length} jawaban formulir lebih banyak daripada pengaduan dari formulir di register.`,
      });
    return filled.size;
  }
  const registered = new Set(keyed.map((r) => Number(r.sourceKey.slice(1))));
  const late: number[] = [];
  const recent: number[] = [];
  for (const [row, at] of filled) {
    if (registered.has(row)) continue;
    (isDate(at) && now.getTime() - at.getTime() > UNREGISTERED_RESPONSE_HOURS * HOUR ? late : recent).push(row);
  }
  if (late.length)
    findings.push({
      level: 'error',
      area: 'responses',
      message: `${late.length} jawaban formulir di "${current.name}" belum tercatat di register lebih dari ${UNREGISTERED_RESPONSE_HOURS} jam (baris ${late.slice(0, 10).join(', ')}${late.length > 10 ? ', …' : ''}); periksa pemicu dan Log Galat, lalu jalankan Rekonsiliasi.`,
    });
  if (recent.length)
    findings.push({
      level: 'warning',
      area: 'responses',
      message: `${recent.length} jawaban formulir baru belum tercatat (baris ${recent.join(', ')}); rekonsiliasi per jam akan mencatatnya.`,
    });
  const orphans = keyed.filter((r) => !filled.has(Number(r.sourceKey.slice(1))));
  if (orphans.length)
    findings.push({
      level: 'warning',
      area: 'responses',
      message: `${orphans.length} pengaduan menunjuk baris jawaban yang kosong atau tidak ada (${orphans
        .slice(0, 5)
        .map((r) => `${r.number} → ${r.sourceKey}`)
        .join(', ')}${orphans.length > 5 ? ', …' : ''}); jawaban asli mungkin terhapus, register tetap menjadi acuan.`,
    });
  const flagged = rows.filter((r) => r.problem);
  if (flagged.length)
    findings.push({
      level: 'warning',
      area: 'register',
      message: `${flagged.length} pengaduan bertanda "Perlu Diperiksa" untuk admin: ${flagged
        .slice(0, 5)
        .map((r) => r.number)
        .join(', ')}${flagged.length > 5 ? ', …' : ''}.`,
    });
  return filled.size;
}

function checkMail(tab: Tab | undefined, now: Date, findings: Finding[]): void {
  if (!tab) {
    findings.push({ level: 'warning', area: 'mail', message: `Tab "${TAB.outbox}" tidak ada; setup akan membuatnya.` });
    return;
  }
  const idx = headerMap(tab);
  const [keyH, createdH, kindH, numberH] = OUTBOX_HEADERS;
  const st = idx.get('Status');
  if (st === undefined) {
    findings.push({
      level: 'error',
      area: 'mail',
      message: `Tab "${TAB.outbox}" tidak punya kolom Status; antrean email tidak dapat dibaca.`,
    });
    return;
  }
  const stuck: string[] = [];
  const failed: string[] = [];
  let waiting = 0;
  for (const row of tab.values.slice(1)) {
    const status = text(row[st]);
    const label =
      `${text(row[idx.get(kindH) ?? -1])} ${text(row[idx.get(numberH) ?? -1])}`.trim() ||
      text(row[idx.get(keyH) ?? -1]);
    if (status === OUTBOX_STATUS.failed) failed.push(`${label}: ${text(row[idx.get('Galat') ?? -1])}`);
    if (status !== OUTBOX_STATUS.waiting) continue;
    waiting++;
    const created = row[idx.get(createdH) ?? -1];
    if (isDate(created) && now.getTime() - created.getTime() > STUCK_MAIL_HOURS * HOUR)
      stuck.push(`${label} (sejak ${formatDateTime(created)})`);
  }
  if (stuck.length)
    findings.push({
      level: 'error',
      area: 'mail',
      message: `${stuck.length} email menunggu lebih dari ${STUCK_MAIL_HOURS} jam di "${TAB.outbox}": ${stuck.slice(0, 5).join('; ')}${stuck.length > 5 ? '; …' : ''}. Periksa kuota MailApp dan pemicu per jam.`,
    });
  else if (waiting)
    findings.push({
      level: 'info',
      area: 'mail',
      message: `${waiting} email menunggu giliran kirim (kurang dari ${STUCK_MAIL_HOURS} jam).`,
    });
  if (failed.length)
    findings.push({
      level: 'error',
      area: 'mail',
      message: `${failed.length} email gagal dikirim setelah semua percobaan: ${failed.slice(0, 5).join('; ')}${failed.length > 5 ? '; …' : ''}.`,
    });
}

export function checkHealth(tabs: Tab[], now: Date): HealthReport {
  const findings: Finding[] = [];
  const find = (n: string) => tabs.find((t) => t.name === n);
  for (const name of [TAB.units, TAB.settings, TAB.holidays]) {
    if (!find(name))
      findings.push({
        level: 'error',
        area: 'config',
        message: `Tab konfigurasi "${name}" tidak ada; jalankan Siapkan / Perbarui.`,
      });
  }
  const config = parseConfig(configTablesOf(tabs));
  for (const p of config.problems) findings.push({ level: 'error', area: 'config', message: p });
  if (find(TAB.units) && !config.units.some((u) => u.active))
    findings.push({
      level: 'error',
      area: 'config',
      message: `Tab ${TAB.units} tidak memuat unit aktif; pengaduan tidak dapat diteruskan.`,
    });
  if (!config.admins.length)
    findings.push({
      level: 'error',
      area: 'config',
      message: `Pengaturan email_admin kosong; tidak ada yang menerima pemberitahuan admin.`,
    });
  const noPic = config.units.filter((u) => u.active && !u.pics.length);
  if (noPic.length)
    findings.push({
      level: 'error',
      area: 'config',
      message: `Unit aktif tanpa Email PIC: ${noPic.map((u) => u.name).join(', ')}.`,
    });
  const tabNames = new Map<string, string[]>();
  for (const u of config.units.filter((x) => x.active)) tabNames.set(u.tab, [...(tabNames.get(u.tab) ?? []), u.name]);
  for (const [t, names] of tabNames)
    if (names.length > 1)
      findings.push({
        level: 'error',
        area: 'config',
        message: `Unit ${names.join(' dan ')} memakai tab yang sama "${t}".`,
      });

  const register = find(TAB.register);
  let rows: RegisterRow[] = [];
  if (!register)
    findings.push({ level: 'error', area: 'register', message: `Tab register "${TAB.register}" tidak ada.` });
  else {
    rows = registerRows(register, findings);
    checkNumbering(rows, findings);
    checkUnitTabs(rows, tabs, config, findings);
  }
  const responses = checkResponses(rows, tabs, now, findings);
  checkMail(find(TAB.outbox), now, findings);
  return { findings, complaints: rows.length, responses, needsOperator: findings.some((f) => f.level === 'error') };
}

const MARK: Record<Level, string> = { error: 'PERLU TINDAKAN', warning: 'perhatian', info: 'info' };
const AREA: Record<Finding['area'], string> = {
  config: 'Konfigurasi',
  register: 'Register',
  numbering: 'Penomoran',
  'unit-tabs': 'Tab unit',
  responses: 'Jawaban formulir',
  mail: 'Antrean email',
};

export function healthText(r: HealthReport): string[] {
  const out: string[] = [];
  for (const area of Object.keys(AREA) as Finding['area'][]) {
    const list = r.findings.filter((f) => f.area === area);
    const e = list.filter((f) => f.level === 'error').length;
    const w = list.filter((f) => f.level === 'warning').length;
    out.push(
      `${AREA[area]}: ${e || w ? [e ? `${e} perlu tindakan` : '', w ? `${w} perhatian` : ''].filter(Boolean).join(', ') : 'baik'}`,
    );
    for (const f of list) out.push(`  [${MARK[f.level]}] ${f.message}`);
  }
  const errors = r.findings.filter((f) => f.level === 'error').length;
  const warnings = r.findings.filter((f) => f.level === 'warning').length;
  out.push('');
  out.push(
    errors
      ? `Hasil: ${errors} hal perlu tindakan operator, ${warnings} perhatian.`
      : `Hasil: sehat (${warnings} perhatian, tidak ada yang perlu tindakan operator).`,
  );
  return out;
}
