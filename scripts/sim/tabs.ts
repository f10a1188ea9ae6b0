/**
 * The runner's view of the spreadsheet: tabs by name, columns by header (from the column
 * definitions in src/core), the scenario's configuration typed into the config tabs as the
 * operator would, and the configuration and queue read back through the system's own readers.
 */
import { citizenSettings } from './citizen';
import { replySettings } from './channels';
import type { GasRuntime } from '../../emulator/runtime';
import type { Sheet } from '../../emulator/spreadsheet';
import { AppConfig, HOLIDAY_HEADERS, SETTINGS_HEADERS, UNIT_HEADERS, parseConfig } from '../../src/core/config';
import { OUTBOX_HEADERS, OUTBOX_STATUS } from '../../src/core/email/message';
import { TAB } from '../../src/core/labels';
import { readChunkedJson } from '../../src/gas/state';
import { readConfigTables } from '../../src/gas/config-store';
import type { Scenario } from './scenario';
import { adminsOf } from './people';

export function sheet(rt: GasRuntime, name: string): Sheet {
  const s = rt.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`tab "${name}" tidak ada`);
  return s;
}

/** Column (1-based) of each header in row 1. */
export function headerIndex(s: Sheet): Map<string, number> {
  const lastCol = s.getLastColumn();
  const headers = lastCol ? s.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  return new Map(headers.map((h, i) => [String(h), i + 1]));
}

const [UNIT_NAME, UNIT_KIND, UNIT_TAB, UNIT_PICS, UNIT_HEAD, UNIT_KEYWORDS, UNIT_ACTIVE] = UNIT_HEADERS;
const [HOLIDAY_DATE, HOLIDAY_NAME, HOLIDAY_KIND, HOLIDAY_SOURCE] = HOLIDAY_HEADERS;
const [SETTING_KEY, SETTING_VALUE] = SETTINGS_HEADERS;

/** The config tabs rewritten from the scenario (as the operator would type them); setup runs again after. */
export function applyScenarioConfig(rt: GasRuntime, s: Scenario): void {
  if (s.units) {
    const tab = sheet(rt, TAB.units);
    const idx = headerIndex(tab);
    const rows = s.units.map((u) => {
      const row = new Array(tab.getLastColumn()).fill('');
      const put = (h: string, v: unknown) => {
        row[idx.get(h)! - 1] = v;
      };
      put(UNIT_NAME, u.name);
      put(UNIT_KIND, u.kind ?? 'UKPD');
      put(UNIT_TAB, u.name);
      put(UNIT_PICS, u.pics.join(', '));
      put(UNIT_HEAD, u.head ?? '');
      put(UNIT_KEYWORDS, (u.keywords ?? []).join(', '));
      put(UNIT_ACTIVE, u.active === false ? 'Tidak' : 'Ya');
      return row;
    });
    if (tab.getLastRow() > 1) tab.getRange(2, 1, tab.getLastRow() - 1, tab.getLastColumn()).clearContent();
    tab._writeRaw(2, 1, rows);
  }
  // The local web app's address, so that `Tautan Pantau` links work in the runner (DESIGN §15).
  const settings: Record<string, string> = { ...citizenSettings(), ...replySettings(s) };
  for (const [k, v] of Object.entries(s.settings ?? {})) settings[k] = String(v);
  const admins = adminsOf(s);
  if (admins.length) settings.email_admin = admins.join(', ');
  if (s.leaders) settings.email_pimpinan = s.leaders.join(', ');
  if (Object.keys(settings).length) {
    const tab = sheet(rt, TAB.settings);
    const idx = headerIndex(tab);
    const keys = tab
      .getRange(2, idx.get(SETTING_KEY), Math.max(1, tab.getLastRow() - 1), 1)
      .getValues()
      .map((r) => String(r[0]));
    for (const [k, v] of Object.entries(settings)) {
      const at = keys.indexOf(k);
      const row = at >= 0 ? at + 2 : tab.getLastRow() + 1;
      if (at < 0) tab._writeRaw(row, idx.get(SETTING_KEY)!, [[k]]);
      tab._writeRaw(row, idx.get(SETTING_VALUE)!, [[v]]);
    }
  }
  if (s.holidays?.length) {
    const tab = sheet(rt, TAB.holidays);
    const idx = headerIndex(tab);
    const rows = s.holidays.map((h) => {
      const row = new Array(tab.getLastColumn()).fill('');
      row[idx.get(HOLIDAY_DATE)! - 1] = h.date;
      row[idx.get(HOLIDAY_NAME)! - 1] = h.name;
      row[idx.get(HOLIDAY_KIND)! - 1] = h.kind ?? 'Libur lokal';
      row[idx.get(HOLIDAY_SOURCE)! - 1] = 'Skenario';
      return row;
    });
    tab._writeRaw(tab.getLastRow() + 1, 1, rows);
  }
}

export function readJsonProperty<T>(rt: GasRuntime, key: string): T | undefined {
  const props = rt.propertiesService.getScriptProperties();
  return readChunkedJson<T>((k) => props.getProperty(k), key);
}

/** The configuration as the system reads it, through the same code, from the runtime's tabs. */
export function configOf(rt: GasRuntime): AppConfig {
  // The emulated Spreadsheet has the Apps Script API the config reader uses.
  return parseConfig(readConfigTables(rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet));
}

/** The outbox's Status column: OUTBOX_HEADERS lists the headers in order, without keys. */
const OUTBOX_STATUS_HEADER = OUTBOX_HEADERS[9];

/** Messages still waiting in `Antrean Email`. */
export function queuedMail(rt: GasRuntime): number {
  const tab = rt.spreadsheet.getSheetByName(TAB.outbox);
  if (!tab || tab.getLastRow() < 2) return 0;
  const col = headerIndex(tab).get(OUTBOX_STATUS_HEADER);
  return col
    ? tab
        .getRange(2, col, tab.getLastRow() - 1, 1)
        .getValues()
        .filter((r) => r[0] === OUTBOX_STATUS.waiting).length
    : 0;
}
