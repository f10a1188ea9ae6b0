/** Dialogs for the person at the keyboard (menu items). Triggers have no UI: getUi() throws there. */
export function showAlert(title: string, text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
}

/** One menu entry: a caption and the global function it runs; null draws a separator. */
export type MenuEntry = readonly [caption: string, functionName: string] | null;

/** Adds a custom menu to the spreadsheet's UI (the open trigger calls it on every open). */
export function addMenu(title: string, entries: readonly MenuEntry[]): void {
  const menu = SpreadsheetApp.getUi().createMenu(title);
  for (const entry of entries) {
    if (entry) menu.addItem(entry[0], entry[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** A modal dialog holding the given HTML (already escaped by the core that built it). */
export function showHtmlDialog(html: string, title: string, width: number, height: number): void {
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height), title);
}

/** A web app page: the viewport tag is set on the output, since the page is shown inside Google's frame. */
export function htmlPage(html: string, title: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(html)
    .setTitle(title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** Asks the person at the keyboard (OK / Cancel); their text, or null when they cancelled. */
export function promptText(title: string, text: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, text, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : null;
}
