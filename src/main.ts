/**
 * The entry points Apps Script calls (triggers and menu items), and nothing else.
 * Every export becomes a top-level function in dist/Code.js (scripts/build.ts).
 */
export { onFormSubmitTrigger } from './app/intake';
export { onEditTrigger } from './app/edit';
export { hourlyJob } from './app/maintenance';
export { setupSpreadsheet as setup, setupContinuation as setupContinue, menuSetup } from './app/setup';
export { menuReconcile } from './app/reconcile';
export { about, onOpenTrigger, menuSyncForm, menuAbout } from './app/menu';
export { dailyJob, menuRemindNow, menuSendSummary } from './app/reminders';
export { menuOpenDashboard } from './app/dashboard';
export { menuSyncHolidays, syncHolidays } from './app/holiday-sync';
export { selfTest } from './app/self-test';
export { doGet, doPost, menuRotateTrackingCode } from './app/web-app';
export { channelPollJob } from './app/channel-poll';
export { menuConnectChannel } from './app/channel-connect';
