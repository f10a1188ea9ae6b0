/** Menu › Buka dasbor (DESIGN §9, issue 6): not built yet. */
import { MENU } from '../core/labels';
import { notBuilt } from './menu';

export function menuOpenDashboard(): void {
  notBuilt(MENU.openDashboard);
}
