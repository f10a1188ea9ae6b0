/**
 * `run`: the operator runs an entry point (DESIGN §12, §12.1): `setup`, the aliases below, or any
 * item of the `Pengaduan` menu by its function name (checked against the menu the bundle builds).
 */
import { runName } from '../validate';
import type { EventKind } from './kind';

/** Run names of the first scenario format, kept: each stands for a bundle function. */
export const RUN_ALIASES: Record<string, string> = {
  reconcile: 'menuReconcile',
  hourly: 'hourlyJob',
  daily: 'dailyJob',
  summary: 'menuSendSummary',
  dashboard: 'menuOpenDashboard',
  setup: 'setup',
};

export const run: EventKind = {
  key: 'run',
  byUser: false,
  scalar: true,
  label: () => 'run',
  validate(event, where) {
    runName(event, 'run', where);
  },
  deliver(ctx, event) {
    ctx.runEntry(String(event.run));
  },
};
