/**
 * Who is running the script. `getActiveUser` is the person at the keyboard (empty for some
 * consumer accounts and in triggers), `getEffectiveUser` the account the script executes as
 * (https://developers.google.com/apps-script/reference/base/session).
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The email of the person who clicked (may be '' when Google does not reveal it). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** The email of the account the script runs as. */
export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}

/** The spreadsheet of a container-bound script (null in a web app or a standalone run). */
export function activeSpreadsheet(): Spreadsheet | null {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The active spreadsheet's owner's email ('' when it has none, e.g. a shared drive). */
export function ownerEmail(): string {
  const owner = SpreadsheetApp.getActiveSpreadsheet().getOwner();
  return owner ? owner.getEmail() : '';
}

export function openSpreadsheetById(id: string): Spreadsheet {
  return SpreadsheetApp.openById(id);
}

export function openSpreadsheetByUrl(url: string): Spreadsheet {
  return SpreadsheetApp.openByUrl(url);
}

/** Applies the pending spreadsheet writes now (before an outbound call: two-phase sending). */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}

/** The bound spreadsheet (triggers and menu items always have one). */
export function boundSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}
