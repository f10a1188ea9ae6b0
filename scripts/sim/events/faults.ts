/**
 * Faults (DESIGN §12.1): what the platform does to a deployment. Each uses the runtime's fault
 * injection (emulator/faults.ts) or lock hold; `kill` settles at the end of the scenario: it is
 * refused when the run never reached the nth call (the incident did not happen).
 */
import { callMatcher } from '../../../emulator/faults';
import { Body, fail, instant, int, nonEmpty, only, runName } from '../validate';
import type { EventKind } from './kind';
import { deliverChannelFault, isChannelFault, validateChannelFault } from './channels';

export const FAULT_KINDS = ['wipeProperties', 'outage', 'kill', 'holdLock', 'skipTriggers'] as const;

/** `after` names a call as the ledger does (`Range.getValues`) or a whole service (`MailApp`). */
export function callName(body: Body, key: string, where: string): string {
  const v = nonEmpty(body, key, where);
  try {
    callMatcher(v);
  } catch {
    fail(
      `${where}.${key}`,
      `"${v}" bukan nama panggilan (mis. MailApp.sendEmail, Range.getValues) atau layanan (SpreadsheetApp)`,
    );
  }
  return v;
}

export const fault: EventKind = {
  key: 'fault',
  byUser: false,
  label: (body) => String(body.kind),
  validate(body, where, state) {
    const kind = body.kind;
    if (isChannelFault(body)) return validateChannelFault(body, where, state); // DESIGN §14
    if (!FAULT_KINDS.includes(kind as (typeof FAULT_KINDS)[number]))
      fail(`${where}.kind`, `harus salah satu dari: ${[...FAULT_KINDS, 'tokenExpired', 'rateLimited'].join(', ')}`);
    switch (kind) {
      case 'wipeProperties':
        only(body, ['kind'], where);
        break;
      case 'outage':
        only(body, ['kind', 'method', 'until', 'message'], where);
        callName(body, 'method', where);
        instant(body, 'until', where);
        if (body.message !== undefined) nonEmpty(body, 'message', where);
        break;
      case 'kill':
        only(body, ['kind', 'run', 'after', 'nth'], where);
        runName(body, 'run', where);
        callName(body, 'after', where);
        int(body, 'nth', where, 1);
        break;
      case 'holdLock':
        only(body, ['kind', 'seconds'], where);
        if (!(typeof body.seconds === 'number' && body.seconds > 0 && Number.isFinite(body.seconds)))
          fail(`${where}.seconds`, 'harus angka detik > 0');
        break;
      case 'skipTriggers':
        only(body, ['kind', 'until'], where);
        instant(body, 'until', where);
        break;
    }
  },
  deliver(ctx, body, ev) {
    const rt = ctx.rt;
    if (isChannelFault(body)) return deliverChannelFault(ctx, body, ev.at);
    switch (body.kind) {
      case 'wipeProperties':
        rt.faults.wipeProperties();
        return;
      case 'outage':
        rt.faults.outage(String(body.method), String(body.until), body.message as string | undefined);
        return;
      case 'holdLock':
        rt.holdLock('script', rt.now().getTime() + (body.seconds as number) * 1000, 'skenario (holdLock)');
        return;
      case 'skipTriggers':
        rt.faults.skipTriggers(String(body.until));
        return;
      case 'kill': {
        const handler = ctx.handlerOf(String(body.run));
        const outcome = rt.faults.kill(handler, String(body.after), body.nth as number);
        return {
          settle: () =>
            outcome.fired
              ? undefined
              : {
                  refused:
                    outcome.executionId === undefined
                      ? `${handler} tidak berjalan lagi sebelum akhir skenario`
                      : `${handler} hanya memanggil ${String(body.after)} ${outcome.count} kali, bukan ${String(body.nth)}`,
                },
        };
      }
    }
  },
};
