/**
 * Session and User (https://developers.google.com/apps-script/reference/base/session).
 *
 * Whose email a script may see is documented in Session.getActiveUser: the active user's email
 * is "not available in any context that allows a script to run without that user's
 * authorization, like a simple onOpen(e) or onEdit(e) trigger", but "these restrictions
 * generally do not apply if the developer runs the script themselves or belongs to the same
 * Google Workspace domain as the user". Time-driven triggers have no active user at all.
 * `visibleEmail` encodes exactly that rule; the edit event's `user` follows it too.
 */
import { createHash } from 'node:crypto';
import { GasEnv } from '../env';
import { GasObject } from '../gas-object';
import type { ServiceModule } from '../service-module';

const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The email the script may see for `user` when it runs as `effectiveUser`. */
export function visibleEmail(user: string, effectiveUser: string): string {
  if (!user) return '';
  if (user.toLowerCase() === effectiveUser.toLowerCase()) return user;
  const domain = domainOf(user);
  if (!CONSUMER_DOMAINS.has(domain) && domain === domainOf(effectiveUser)) return user;
  return '';
}

export class User extends GasObject {
  readonly _className = 'User';

  constructor(private readonly email: string) {
    super();
  }

  getEmail(): string {
    return this.email;
  }

  override toString(): string {
    return this.email;
  }
}

export class Session extends GasObject {
  readonly _className = 'Session';
  private readonly keySalt: string;

  constructor(private readonly env: GasEnv) {
    super();
    this.keySalt = String(env.random());
  }

  private get activeEmail(): string {
    const execution = this.env.execution;
    if (!execution) return this.env.owner;
    if (execution.kind === 'time-trigger') return '';
    // A simple trigger runs without the user's authorization: only the owner's own domain sees it.
    const viewer = execution.kind === 'simple-trigger' ? this.env.owner : execution.effectiveUser;
    return visibleEmail(execution.activeUser, viewer);
  }

  getActiveUser(): User {
    return new User(this.activeEmail);
  }

  getEffectiveUser(): User {
    return new User(this.env.execution?.effectiveUser ?? this.env.owner);
  }

  getScriptTimeZone(): string {
    return this.env.timeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  /** Documented as a stable, anonymous key per active user; '' when there is no active user. */
  getTemporaryActiveUserKey(): string {
    const user = this.env.execution?.activeUser ?? this.env.owner;
    if (!user || this.env.execution?.kind === 'time-trigger') return '';
    return createHash('sha256').update(`${this.keySalt}:${user.toLowerCase()}`).digest('base64').slice(0, 43);
  }
}

/** The Session module (emulator/registry.ts lists it): Session and the User it returns. */
export const SESSION_SERVICE: ServiceModule = {
  global: 'Session',
  messagePrefix: 'Session',
  namespaces: [],
  classes: ['Base.Session', 'Base.User'],
  create: (ctx) => new Session(ctx.env),
  samples: (ctx) => [new Session(ctx.env), new User('a@example.org')],
  costs: [],
};
