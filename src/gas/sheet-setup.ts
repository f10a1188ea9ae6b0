/**
 * Creating and upgrading tabs without losing anything: a missing tab is created, a missing
 * header is added at the end (existing columns are never moved or cleared), the header row is
 * frozen and styled. Also validation, conditional formatting and protections, applied so that
 * running setup again gives the same result.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export interface TabReport {
  sheet: Sheet;
  created: boolean;
  addedHeaders: string[];
  /** Header positions (0-based) after the upgrade. */
  index: Map<string, number>;
  dataRows: number;
}

export function ensureTab(
  ss: Spreadsheet,
  name: string,
  headers: readonly string[],
  widths: (number | undefined)[] = [],
): TabReport {
  let sheet = ss.getSheetByName(name);
  let created = false;
  if (!sheet) {
    sheet = ss.insertSheet(name, ss.getSheets().length);
    created = true;
  }
  const lastCol = sheet.getLastColumn();
  const current =
    lastCol > 0
      ? sheet
          .getRange(1, 1, 1, lastCol)
          .getValues()[0]
          .map((h) => String(h ?? '').trim())
      : [];
  const missing = headers.filter((h) => !current.includes(h));
  let width = current.length;
  while (width > 0 && current[width - 1] === '') width--;
  if (missing.length) {
    const needed = width + missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, width + 1, 1, missing.length).setValues([missing]);
  }
  const all = current.slice(0, width).concat(missing);
  const index = new Map<string, number>();
  all.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  if (created || missing.length) {
    sheet
      .getRange(1, 1, 1, all.length)
      .setFontWeight('bold')
      .setBackground('#7b1f1f')
      .setFontColor('#ffffff')
      .setWrap(true);
    sheet.setFrozenRows(1);
    if (created) setWidths(sheet, widths);
  } else if (sheet.getFrozenRows() !== 1) {
    sheet.setFrozenRows(1);
  }
  return { sheet, created, addedHeaders: missing, index, dataRows: Math.max(0, sheet.getLastRow() - 1) };
}

/** Row `values` (by header) laid out on the tab's columns. */
function lineOf(tab: TabReport, values: Record<string, unknown>): unknown[] {
  const line = new Array(Math.max(...tab.index.values()) + 1).fill('');
  for (const [header, value] of Object.entries(values)) line[tab.index.get(header)!] = value;
  return line;
}

/** Creates or upgrades a tab and fills it with `rows` (by header) only when it holds no data yet. */
export function seedTab(
  ss: Spreadsheet,
  name: string,
  headers: readonly string[],
  rows: Record<string, unknown>[],
): TabReport & { seeded: number } {
  const tab = ensureTab(ss, name, headers);
  if (tab.dataRows > 0 || !rows.length) return { ...tab, seeded: 0 };
  const out = rows.map((r) => lineOf(tab, r));
  tab.sheet.getRange(2, 1, out.length, out[0].length).setValues(out);
  return { ...tab, seeded: out.length };
}

/**
 * Creates or upgrades a keyed tab and appends the `rows` (by header) whose `keyHeader` value is
 * not in the tab yet; rows already there are left as the operator set them.
 */
export function appendMissingKeys(
  ss: Spreadsheet,
  name: string,
  headers: readonly string[],
  widths: number[],
  keyHeader: string,
  rows: Record<string, unknown>[],
): TabReport & { seeded: number } {
  const tab = ensureTab(ss, name, headers, widths);
  const keyCol = tab.index.get(keyHeader)!;
  const existing = new Set(
    tab.dataRows
      ? tab.sheet
          .getRange(2, keyCol + 1, tab.dataRows, 1)
          .getValues()
          .map((r) => String(r[0]).trim())
      : [],
  );
  const missing = rows.filter((r) => !existing.has(String(r[keyHeader])));
  if (!missing.length) return { ...tab, seeded: 0 };
  const out = missing.map((r) => lineOf(tab, r));
  tab.sheet.getRange(tab.dataRows + 2, 1, out.length, out[0].length).setValues(out);
  return { ...tab, seeded: out.length };
}

/** Creates or upgrades a tab from its column definitions; its date columns shown in `dateFormat`. */
export function typedTab(
  ss: Spreadsheet,
  name: string,
  columns: readonly { header: string; kind: string; width?: number }[],
  dateFormat: string,
): TabReport {
  const tab = ensureTab(
    ss,
    name,
    columns.map((c) => c.header),
    columns.map((c) => c.width),
  );
  for (const col of columns.filter((c) => c.kind === 'date'))
    columnFormat(tab.sheet, tab.index.get(col.header)!, dateFormat);
  return tab;
}

/** The number format of a column below its header, for the rows added later too. */
export function columnFormat(sheet: Sheet, col: number, format: string): void {
  dataColumns(sheet, col).setNumberFormat(format);
}

/** Sets the spreadsheet's time zone; returns the zone it had when that was another one. */
export function ensureTimeZone(ss: Spreadsheet, zone: string): string | null {
  const current = ss.getSpreadsheetTimeZone();
  if (current === zone) return null;
  ss.setSpreadsheetTimeZone(zone);
  return current;
}

/** Deletes the tabs of `names` that are empty (never the only tab); returns the names deleted. */
export function removeBlankTabs(ss: Spreadsheet, names: readonly string[]): string[] {
  const removed: string[] = [];
  for (const name of names) {
    const blank = ss.getSheetByName(name);
    if (blank && ss.getSheets().length > 1 && blank.getLastRow() === 0 && blank.getLastColumn() === 0) {
      ss.deleteSheet(blank);
      removed.push(name);
    }
  }
  return removed;
}

/** Every tab's gid by name (for links). */
export function sheetIds(ss: Spreadsheet): Record<string, number> {
  return Object.fromEntries(ss.getSheets().map((s) => [s.getName(), s.getSheetId()]));
}

/** Column widths, one `setColumnWidths` call per run of adjacent columns of equal width. */
function setWidths(sheet: Sheet, widths: (number | undefined)[]): void {
  for (let i = 0; i < widths.length;) {
    let j = i + 1;
    while (j < widths.length && widths[j] === widths[i]) j++;
    const w = widths[i];
    if (w) sheet.setColumnWidths(i + 1, j - i, w);
    i = j;
  }
}

/** Header positions (0-based) of a tab's first row. */
export function headerIndex(sheet: Sheet): Map<string, number> {
  const lastCol = sheet.getLastColumn();
  const headers =
    lastCol > 0
      ? sheet
          .getRange(1, 1, 1, lastCol)
          .getValues()[0]
          .map((h) => String(h ?? '').trim())
      : [];
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  return index;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Columns `from`..`to` (0-based) below the header, as an open-ended A1 range ("C2:E") that grows
 * with the rows added later, which a fixed row count would not.
 */
export function dataColumns(sheet: Sheet, from: number, to = from): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(`${columnLetter(from + 1)}2:${columnLetter(to + 1)}`);
}

/** Whole-column A1 ranges (grow with new rows) for runs of consecutive 0-based columns. */
export function columnRuns(sheet: Sheet, cols: number[]): GoogleAppsScript.Spreadsheet.Range[] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs.map(([a, b]) => dataColumns(sheet, a, b));
}

/** Who a protection always leaves editing: the script's account and the file's owner. */
export interface ProtectionAccount {
  me: string;
  owner: string | null;
}

/** Read once per run (setup protects some forty ranges). */
export function protectionAccount(): ProtectionAccount {
  const owner = SpreadsheetApp.getActiveSpreadsheet().getOwner();
  return { me: Session.getEffectiveUser().getEmail(), owner: owner ? owner.getEmail() : null };
}

/**
 * Protects a tab: only the owner edits it, except `editableCols`, which only `editors` (and the
 * owner) edit. Existing protections made by setup (by description) are replaced. Returns the
 * protections that did not take effect.
 */
export function protectTab(
  sheet: Sheet,
  description: string,
  editableCols: number[],
  editors: string[],
  account = protectionAccount(),
): string[] {
  const ST = SpreadsheetApp.ProtectionType;
  for (const p of sheet.getProtections(ST.SHEET)) if (p.getDescription().startsWith('Pengaduan:')) p.remove();
  for (const p of sheet.getProtections(ST.RANGE)) if (p.getDescription().startsWith('Pengaduan:')) p.remove();
  const problems: string[] = [];
  const whole = restrict(sheet.protect().setDescription(`Pengaduan: ${description}`), account.me, []);
  if (!inEffect(whole, account, [])) problems.push(description);
  if (!editableCols.length) return problems;
  const ranges = columnRuns(sheet, editableCols);
  whole.setUnprotectedRanges(ranges);
  for (const range of ranges) {
    const p = restrict(range.protect().setDescription(`Pengaduan: kolom isian ${description}`), account.me, editors);
    if (!inEffect(p, account, editors)) problems.push(`${description} (${range.getA1Notation()})`);
  }
  return problems;
}

/**
 * Makes a protection take effect. A new protection "mirrors the permissions of the spreadsheet
 * itself, which effectively means that the range remains unprotected" until its editor list is
 * changed (Range.protect reference), so the list is always changed: the script's own account
 * first (as Google's sample does, so removing the others cannot lock it out), then everyone
 * else removed, then the named editors added, and no domain-wide edit.
 */
function restrict(p: Protection, me: string, editors: string[]): Protection {
  p.addEditor(me);
  const others = p.getEditors().filter((u) => u.getEmail() !== me);
  if (others.length) p.removeEditors(others.map((u) => u.getEmail()));
  if (editors.length) p.addEditors(editors);
  if (p.canDomainEdit()) p.setDomainEdit(false);
  return p;
}

/** Checked after setting: only the owner/script account and the named editors may edit. */
function inEffect(p: Protection, account: ProtectionAccount, editors: string[]): boolean {
  const allowed = new Set([account.me, ...editors].map((e) => e.toLowerCase()));
  if (account.owner) allowed.add(account.owner.toLowerCase());
  const listed = p.getEditors().map((u) => u.getEmail().toLowerCase());
  // A protection still mirroring the file's sharing would not list the script's account.
  return (
    !p.canDomainEdit() &&
    !p.isWarningOnly() &&
    listed.includes(account.me.toLowerCase()) &&
    listed.every((e) => allowed.has(e))
  );
}

/** A dropdown on whole columns; invalid input is allowed with a warning so the system can explain. */
export function dropdown(sheet: Sheet, col: number, values: string[], help: string): void {
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(values, true)
    .setAllowInvalid(true)
    .setHelpText(help)
    .build();
  dataColumns(sheet, col).setDataValidation(rule);
}

/** Overdue red, due today amber, done green, on the whole data area (DESIGN §3 via issue). */
export function statusColours(
  sheet: Sheet,
  width: number,
  statusCol: number,
  dueCol: number,
  doneValues: string[],
): void {
  const area = dataColumns(sheet, 0, width - 1);
  const s = `$${columnLetter(statusCol + 1)}2`;
  const d = `$${columnLetter(dueCol + 1)}2`;
  const done = doneValues.map((v) => `${s}="${v}"`).join(',');
  const rules = [
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=OR(${done})`)
      .setBackground('#e6f4ea')
      .setRanges([area])
      .build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND(${d}<>"",${d}<NOW())`)
      .setBackground('#fce8e6')
      .setRanges([area])
      .build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND(${d}<>"",INT(${d})=TODAY())`)
      .setBackground('#fef7e0')
      .setRanges([area])
      .build(),
  ];
  sheet.setConditionalFormatRules(rules);
}
