/** Dialogs for the person at the keyboard (menu items). Triggers have no UI: getUi() throws there. */
export function showAlert(title: string, text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
}
