/**
 * MailApp (https://developers.google.com/apps-script/reference/mail/mail-app) with the quota of
 * https://developers.google.com/apps-script/guides/services/quotas:
 * - "Email recipients per day": 100 for consumer accounts (1,500 for Workspace); every recipient
 *   of a message (to, cc and bcc) counts. getRemainingDailyQuota returns what is left.
 * - When the quota is spent, sendEmail throws "Service invoked too many times for one day: email."
 * - Reset: "Quotas are per user and reset 24 hours after the first request." So the window opens
 *   at the first counted send and the count returns to zero 24 hours later (not at midnight).
 * - Limits: 50 recipients per message, 200 KB body per message (consumer accounts).
 *
 * Nothing leaves the machine: every message is recorded in the host-side outbox `_sent`.
 */
import { GasEnv } from '../env';
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { requireAuthorization, SCOPES } from './authorization';
import type { ServiceModule } from '../service-module';

export const DEFAULT_MAIL_QUOTA = 100;
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
export const MAIL_QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_BODY_BYTES = 200 * 1024;

export interface SentMail {
  at: Date;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  replyTo: string | null;
  name: string | null;
  noReply: boolean;
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown;
  inlineImages?: unknown;
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

function addresses(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => {
      const bare = /<([^>]+)>\s*$/.exec(a)?.[1] ?? a;
      if (!ADDRESS.test(bare)) throw new GasError(`Invalid email: ${a}`);
      return bare;
    });
}

export class MailApp extends GasObject {
  readonly _className = 'MailApp';
  /** The outbox: every message sent, in order. */
  readonly _sent: SentMail[] = [];
  _quota: number;
  private used = 0;
  private windowStart: number | null = null;

  constructor(
    private readonly env: GasEnv,
    quota = DEFAULT_MAIL_QUOTA,
  ) {
    super();
    this._quota = quota;
  }

  getRemainingDailyQuota(): number {
    requireAuthorization(this.env, 'MailApp.getRemainingDailyQuota', SCOPES.mail);
    this.rollWindow();
    return Math.max(0, this._quota - this.used);
  }

  sendEmail(first: unknown, subject?: unknown, body?: unknown, fourth?: unknown): void {
    requireAuthorization(this.env, 'MailApp.sendEmail', SCOPES.mail);
    let message: MailOptions;
    if (first !== null && typeof first === 'object') {
      message = first;
    } else if (typeof fourth === 'string') {
      // Legacy signature sendEmail(to, replyTo, subject, body).
      message = { to: String(first), replyTo: String(subject), subject: String(body), body: fourth };
    } else {
      message = {
        ...((fourth ?? {}) as MailOptions),
        to: String(first),
        subject: String(subject ?? ''),
        body: String(body ?? ''),
      };
    }
    this.send(message);
  }

  private send(m: MailOptions): void {
    if (m.attachments !== undefined || m.inlineImages !== undefined)
      throw new GasError('not emulated: MailApp.sendEmail(attachments)');
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new GasError('Failed to send email: no recipient');
    if (count > MAX_RECIPIENTS_PER_MESSAGE) throw new GasError('Limit Exceeded: Email Recipients Per Message.');
    const body = String(m.body ?? '');
    const htmlBody = m.htmlBody === undefined || m.htmlBody === null ? null : String(m.htmlBody);
    if (Buffer.byteLength(body, 'utf8') + Buffer.byteLength(htmlBody ?? '', 'utf8') > MAX_BODY_BYTES) {
      throw new GasError('Limit Exceeded: Email Body Size.');
    }
    if (count > this.getRemainingDailyQuota()) throw new GasError(MAIL_QUOTA_MESSAGE);
    if (this.windowStart === null) this.windowStart = this.env.clock.now();
    this.used += count;
    this._sent.push({
      at: this.env.clock.date(),
      from: this.env.execution?.effectiveUser ?? this.env.owner,
      to,
      cc,
      bcc,
      subject: String(m.subject ?? ''),
      body,
      htmlBody,
      replyTo: m.replyTo ? String(m.replyTo) : null,
      name: m.name ? String(m.name) : null,
      noReply: Boolean(m.noReply),
    });
  }

  private rollWindow(): void {
    if (this.windowStart !== null && this.env.clock.now() >= this.windowStart + MAIL_QUOTA_WINDOW_MS) {
      this.windowStart = null;
      this.used = 0;
    }
  }
}

/** The MailApp module (emulator/registry.ts lists it). */
export const MAIL_SERVICE: ServiceModule = {
  global: 'MailApp',
  messagePrefix: 'MailApp',
  namespaces: ['Mail'],
  create: (ctx) => new MailApp(ctx.env, ctx.mailQuota),
  samples: (ctx) => [new MailApp(ctx.env)],
  costs: [
    { match: /^MailApp\.sendEmail$/, ms: 250, source: 'assumption' },
    { match: /^MailApp\.getRemainingDailyQuota$/, ms: 20, source: 'assumption' },
  ],
};
