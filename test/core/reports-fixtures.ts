/** Complaints and config for the reminder and summary tests (times in WIB). */
import { Complaint, STATUS, Status, emptyComplaint, statusFromStamps } from '../../src/core/complaint';
import { AppConfig, UnitConfig } from '../../src/core/config';

export const wib = (local: string): Date => new Date(`${local}+07:00`);

export const UNIT_SENI: UnitConfig = {
  name: 'UP Museum Seni',
  kind: 'UKPD',
  tab: 'UP Museum Seni',
  pics: ['pic.seni@example.org', 'pic2.seni@example.org'],
  head: 'kepala.seni@example.org',
  keywords: [],
  active: true,
};
export const UNIT_SEKRETARIAT: UnitConfig = {
  name: 'Sekretariat',
  kind: 'Sekretariat',
  tab: 'Sekretariat',
  pics: ['pic.sekretariat@example.org'],
  head: 'kepala.sekretariat@example.org',
  keywords: [],
  active: true,
};
export const UNIT_TANPA_PIC: UnitConfig = {
  name: 'Bidang Tanpa PIC',
  kind: 'Bidang',
  tab: 'Bidang Tanpa PIC',
  pics: [],
  head: '',
  keywords: [],
  active: true,
};

export function config(overrides: Partial<AppConfig> = {}): AppConfig {
  const office = { open: 8 * 60, close: 16 * 60 };
  return {
    units: [UNIT_SEKRETARIAT, UNIT_SENI, UNIT_TANPA_PIC],
    categories: ['Layanan dan petugas', 'Lainnya'],
    weekHours: [office, office, office, office, office, null, null],
    exceptions: [],
    holidays: [],
    stepDays: [1, 1, 1, 1, 1],
    reminderHour: 8,
    escalateHeadDays: 1,
    escalateLeadersDays: 3,
    complaintKeywords: [],
    replyChannels: [], // issue 15
    admins: ['admin.medsos@example.org'],
    leaders: ['kadis@example.org', 'sekdis@example.org'],
    dashboardSpreadsheetId: '',
    dashboardTemplateReportId: '',
    problems: [],
    ...overrides,
  };
}

export interface Stamps {
  received: string;
  recorded?: string;
  forwarded?: string;
  reassigned?: string;
  processed?: string;
  followedUp?: string;
  answered?: string;
  closed?: string;
}

let seq = 0;

export function complaint(stamps: Stamps, fields: Partial<Complaint> = {}): Complaint {
  seq++;
  const at = (s?: string): Date | null => (s ? wib(s) : null);
  const recordedAt = wib(stamps.recorded ?? stamps.received);
  const c: Complaint = {
    ...emptyComplaint(fields.number ?? `ADU-2026-${String(seq).padStart(4, '0')}`, recordedAt),
    receivedAt: wib(stamps.received),
    channel: 'Instagram',
    reporter: '@warga',
    text: `Keluhan nomor ${seq}`,
    category: 'Layanan dan petugas',
    forwardedAt: at(stamps.forwarded),
    reassignedAt: at(stamps.reassigned),
    processedAt: at(stamps.processed),
    followedUpAt: at(stamps.followedUp),
    answeredAt: at(stamps.answered),
    closedAt: at(stamps.closed),
    ...fields,
  };
  const status: Status = fields.status ?? statusFromStamps(c);
  return {
    ...c,
    status,
    unit: c.unit || (c.forwardedAt ? UNIT_SENI.name : ''),
    assignedUnit: c.unit,
    closeReason: status === STATUS.closed ? 'spam' : '',
  };
}
