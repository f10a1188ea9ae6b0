/**
 * Plumbing shared by the menu use cases: who may run an operator-only item.
 *
 * Menu items run as the person who clicks them, and only the operator (the spreadsheet's owner)
 * may write the protected tabs (Riwayat, Log Galat, Antrean Email, config). For anyone else the
 * item explains this instead of failing half-way; the automatic runs (triggers, as the operator)
 * do the same work on schedule.
 */
import { MESSAGES } from '../core/labels';
import { activeUserEmail, ownerEmail } from '../gas/session';
import { showAlert } from '../gas/ui';

export function operatorOnly(caption: string): boolean {
  const owner = ownerEmail();
  const me = activeUserEmail();
  if (!owner || !me || owner.toLowerCase() === me.toLowerCase()) return true;
  showAlert(caption, MESSAGES.operatorOnly(caption, owner));
  return false;
}
