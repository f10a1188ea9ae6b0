/**
 * The `Pengaduan` menu (installable open trigger) and its items. Items whose feature is not
 * built yet say so in a dialog, in Indonesian, instead of failing.
 */
import { FORM, MENU, MESSAGES, APP_NAME } from '../core/labels';
import { RUN_NAME } from '../core/labels/runs';
import { CHANNEL_CHOICES } from '../core/form-spec';
import { HISTORY_VALUE } from '../core/labels/journal';
import { MENU_TEXT } from '../core/labels/dialogs';
import { SELF_TEST_TEXT } from '../core/labels/self-test';
import { TRACKING_MENU } from '../core/labels/tracking';
import { ensureForm } from '../gas/form';
import { finish, guard, startRun } from './run';
import { activeUserEmail } from '../gas/session';
import { MenuEntry, addMenu, showAlert } from '../gas/ui';
import { operatorOnly } from './access';
import { CHANNEL_MENU } from '../core/labels/channels'; // issue 15

export const MENU_ITEMS: [string, string][] = [
  [MENU.setup, 'menuSetup'],
  [MENU.syncForm, 'menuSyncForm'],
  [MENU.reconcile, 'menuReconcile'],
  [MENU.remindNow, 'menuRemindNow'],
  [MENU.sendSummary, 'menuSendSummary'],
  [MENU.openDashboard, 'menuOpenDashboard'],
  [MENU.syncHolidays, 'menuSyncHolidays'],
  [SELF_TEST_TEXT.menu, 'selfTest'],
  [TRACKING_MENU.rotate, 'menuRotateTrackingCode'],
  [CHANNEL_MENU.connect, 'menuConnectChannel'],
  [MENU.about, 'menuAbout'],
];

export function onOpenTrigger(): void {
  const entries: MenuEntry[] = [];
  MENU_ITEMS.forEach((item, i) => {
    if (i === 3 || i === MENU_ITEMS.length - 1) entries.push(null);
    entries.push(item);
  });
  addMenu(MENU.title, entries);
}

export function menuSyncForm(): void {
  if (!operatorOnly(MENU.syncForm)) return;
  guard(RUN_NAME.menu, () => {
    const run = startRun(RUN_NAME.syncForm, { user: activeUserEmail() });
    const active = run.config.units.filter((u) => u.active).map((u) => u.name);
    const result = ensureForm(run.ss, run.layout.formId, {
      channel: CHANNEL_CHOICES,
      category: run.config.categories,
      unit: [FORM.autoRoute, ...active],
    });
    const changed = [...result.addedItems, ...result.updatedChoices];
    run.journal.record('', MENU.syncForm, '', '', changed.join(', ') || HISTORY_VALUE.formUpToDate);
    finish(run);
    showAlert(MENU.syncForm, changed.length ? MENU_TEXT.formSynced(changed) : MENU_TEXT.formAlreadySynced);
  });
}

export function menuAbout(): void {
  showAlert(APP_NAME, MESSAGES.about);
}

/** The product's name (a harmless entry point for smoke tests and the Run list). */
export function about(): string {
  return 'Pengaduan Medsos';
}
