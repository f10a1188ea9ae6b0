/**
 * Menu › Rekonsiliasi (DESIGN §3): the operator runs now what the hourly run does each hour —
 * register missed responses, take in missed input, rebuild unit tabs, refresh due times — and
 * sees what was fixed. The work itself is src/app/reconciliation.ts, shared with setup and the
 * hourly run.
 */
import { MENU } from '../core/labels';
import { MENU_TEXT } from '../core/labels/dialogs';
import { RUN_NAME } from '../core/labels/runs';
import { waitScriptLock } from '../gas/lock';
import { Outbox } from '../gas/outbox';
import { activeUserEmail } from '../gas/session';
import { showAlert } from '../gas/ui';
import { operatorOnly } from './access';
import { reconcileAll } from './reconciliation';
import { finish, guard, startRun } from './run';

export function menuReconcile(): void {
  if (!operatorOnly(MENU.reconcile)) return;
  guard(RUN_NAME.menu, () => {
    const lock = waitScriptLock('menu');
    const run = startRun(RUN_NAME.reconcile, { user: activeUserEmail() });
    const outbox = Outbox.read(run.ss);
    const r = reconcileAll(run, outbox);
    outbox.flushQueue();
    finish(run);
    lock.release();
    showAlert(MENU.reconcile, MENU_TEXT.reconcile(r));
  });
}
