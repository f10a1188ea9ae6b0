/**
 * `visit` and `rate` (DESIGN §15): the citizen opens their tracking link, or rates the answer,
 * through the web app as their browser would. The pages and outcomes are collected per run and
 * written as `pages/NNN.html` and `ratings.json` (scripts/sim/outputs.ts).
 */
import type { GasRuntime } from '../../../emulator/runtime';
import { CitizenEvent, CitizenLog, deliverCitizenEvent, validateCitizenEvent } from '../citizen';
import type { EventKind } from './kind';

const logs = new WeakMap<GasRuntime, CitizenLog>();

/** The visits and ratings of the run on this runtime. */
export function citizenLogOf(rt: GasRuntime): CitizenLog {
  let log = logs.get(rt);
  if (!log) logs.set(rt, (log = new CitizenLog()));
  return log;
}

const indexOf = (where: string): number => Number(/events\[(\d+)\]/.exec(where)?.[1] ?? -1);

function citizenKind(key: 'visit' | 'rate'): EventKind {
  return {
    key,
    byUser: false,
    validate(body, where, state) {
      validateCitizenEvent(key, body, where, state.submissions);
    },
    deliver(ctx, body, event, where) {
      const problems: string[] = [];
      const ev = { at: event.at, [key]: body } as unknown as CitizenEvent;
      deliverCitizenEvent(
        { rt: ctx.rt, number: (ref, w) => ctx.number(ref, w), problems },
        ev,
        indexOf(where),
        citizenLogOf(ctx.rt),
      );
      return problems.length ? { refused: problems.map((p) => p.replace(`${where}: `, '')).join('; ') } : undefined;
    },
  };
}

export const visit = citizenKind('visit');
export const rate = citizenKind('rate');
