/**
 * Channel capture events (DESIGN §14): `post` (a post appears on a channel), `triage` (the admin
 * triages it in `Kotak Masuk`), and the channel faults `tokenExpired` / `rateLimited` (delegated
 * from `fault`). The platforms' fakes and the polling they answer live in scripts/sim/channels.ts.
 */
import { ChannelFault, PostEvent, TriageEvent, Validator, channelValidators } from '../channels';
import type { Body } from '../validate';
import type { EventKind, ValidationState } from './kind';

/** One set of channel validators per parse (they remember the posts seen, for `triage`). */
const validators = new WeakMap<ValidationState, { post: Validator; triage: Validator; fault: Validator }>();
export function channelValidatorsFor(state: ValidationState): { post: Validator; triage: Validator; fault: Validator } {
  let v = validators.get(state);
  if (!v) validators.set(state, (v = channelValidators()));
  return v;
}

export const post: EventKind = {
  key: 'post',
  byUser: false,
  validate(body, where, state) {
    channelValidatorsFor(state).post(body, where);
  },
  deliver(ctx, body, ev) {
    ctx.channels.post(ev.at, body as unknown as PostEvent);
  },
};

export const triage: EventKind = {
  key: 'triage',
  byUser: true,
  validate(body, where, state) {
    channelValidatorsFor(state).triage(body, where);
    // A post triaged as a complaint is a registration: it counts for `ref`.
    if (body.as === 'complaint') state.submissions++;
  },
  deliver(ctx, body, ev, where) {
    ctx.channels.triage(ev.by!, body as unknown as TriageEvent, where, ctx.channelHooks());
  },
};

export const CHANNEL_FAULT_KINDS = ['tokenExpired', 'rateLimited'] as const;

export function isChannelFault(body: Body): boolean {
  return (CHANNEL_FAULT_KINDS as readonly string[]).includes(String(body.kind));
}
export function validateChannelFault(body: Body, where: string, state: ValidationState): void {
  channelValidatorsFor(state).fault(body, where);
}
export function deliverChannelFault(ctx: Parameters<EventKind['deliver']>[0], body: Body, at: string): void {
  ctx.channels.fault(at, body as unknown as ChannelFault);
}
