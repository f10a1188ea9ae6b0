/** Menu › Sinkron hari libur (issue 3): not wired yet. */
import { MENU } from '../core/labels';
import { notBuilt } from './menu';

export function menuSyncHolidays(): void {
  notBuilt(MENU.syncHolidays);
}
