/** Daily digests, escalation and leadership summaries (DESIGN §8, issue 5): not built yet. */
import { MENU } from '../core/labels';
import { notBuilt } from './menu';

export function dailyJob(): void {
  throw new Error('not implemented: dailyJob (issue 5)');
}

export function menuRemindNow(): void {
  notBuilt(MENU.remindNow);
}

export function menuSendSummary(): void {
  notBuilt(MENU.sendSummary);
}
