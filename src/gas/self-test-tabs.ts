/**
 * The self-test's two tabs: the scratch tab its probes write in (deleted at the end of every
 * run) and the `Uji Sistem` tab with one row per check, rewritten in one write.
 */
import { SELF_TEST_HEADERS, SELF_TEST_SCRATCH_TAB, SELF_TEST_TAB } from '../core/labels/self-test';
import { ensureRows } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function openScratchTab(ss: Spreadsheet): Sheet {
  const old = ss.getSheetByName(SELF_TEST_SCRATCH_TAB);
  if (old) ss.deleteSheet(old); // left over from a run that was killed
  return ss.insertSheet(SELF_TEST_SCRATCH_TAB, ss.getSheets().length);
}

export function removeScratchTab(ss: Spreadsheet, scratch: Sheet): void {
  ss.deleteSheet(scratch);
}

/** Replaces the `Uji Sistem` tab's content with the header and `rows` (first column: the time). */
export function writeSelfTestTab(ss: Spreadsheet, rows: unknown[][]): void {
  const sheet = ss.getSheetByName(SELF_TEST_TAB) ?? ss.insertSheet(SELF_TEST_TAB, ss.getSheets().length);
  sheet.clearContents();
  ensureRows(sheet, rows.length + 1);
  sheet.getRange(1, 1, rows.length + 1, SELF_TEST_HEADERS.length).setValues([[...SELF_TEST_HEADERS], ...rows]);
  if (rows.length) sheet.getRange(2, 1, rows.length, 1).setNumberFormat('yyyy-MM-dd HH:mm:ss');
  sheet.setFrozenRows(1);
  sheet.activate();
}
