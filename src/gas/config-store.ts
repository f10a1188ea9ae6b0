/**
 * The configuration of the run: parsed from the `Unit`, `Pengaturan` and `Hari Libur` tabs and
 * cached in Script Properties, so that triggers (form submit, edits) do not read three tabs on
 * every event. The cache is refreshed by `setup`, by any edit of those tabs, and hourly.
 */
import { AppConfig, ConfigTables, HOLIDAY_HEADERS, SETTINGS_HEADERS, UNIT_HEADERS, parseConfig } from '../core/config';
import { TAB } from '../core/labels';
import { ScriptState } from './state';
import { TabData, readTab } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CONFIG_KEY = 'config';
/** Bumped when AppConfig's shape changes, so an old cache is not misread after an update. */
const CONFIG_VERSION = 1;

function columns(tab: TabData | null, headers: readonly string[]): unknown[][] {
  if (!tab) return [];
  const pos = headers.map((h) => tab.headers.findIndex((x) => String(x).trim() === h));
  return tab.rows.map((row) => pos.map((p) => (p >= 0 ? row[p] : '')));
}

export function readConfigTables(ss: Spreadsheet): ConfigTables {
  const settingsRows = columns(readTab(ss, TAB.settings), SETTINGS_HEADERS);
  const settings = new Map<string, unknown>();
  for (const [key, value] of settingsRows) {
    const k = String(key ?? '').trim();
    if (k) settings.set(k, value);
  }
  return {
    units: columns(readTab(ss, TAB.units), UNIT_HEADERS),
    settings,
    holidays: columns(readTab(ss, TAB.holidays), HOLIDAY_HEADERS),
  };
}

interface Cached {
  version: number;
  config: AppConfig;
}

/** Reads the config tabs, parses them and refreshes the cache (the caller saves the state). */
export function refreshConfig(ss: Spreadsheet, state: ScriptState): AppConfig {
  const config = parseConfig(readConfigTables(ss));
  state.setJson(CONFIG_KEY, { version: CONFIG_VERSION, config } satisfies Cached);
  return config;
}

export function cachedConfig(ss: Spreadsheet, state: ScriptState): AppConfig {
  const cached = state.getJson<Cached>(CONFIG_KEY);
  if (cached && cached.version === CONFIG_VERSION) return cached.config;
  return refreshConfig(ss, state);
}
