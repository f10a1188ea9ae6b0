/**
 * Logger (https://developers.google.com/apps-script/reference/base/logger) and console
 * (https://developers.google.com/apps-script/reference/base/console), both writing to one
 * host-side log book so a run's output can be inspected after the fact.
 */
import { GasEnv } from '../env';
import { GasObject } from '../gas-object';
import type { ServiceModule } from '../service-module';

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface LogEntry {
  at: Date;
  level: LogLevel;
  source: 'Logger' | 'console';
  message: string;
  executionId: number | null;
}

export class LogBook {
  readonly entries: LogEntry[] = [];

  constructor(private readonly env: GasEnv) {}

  add(level: LogLevel, source: LogEntry['source'], message: string): void {
    this.entries.push({
      at: this.env.clock.date(),
      level,
      source,
      message,
      executionId: this.env.execution?.id ?? null,
    });
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof GasObject) return v.toString(); // Google's own toString per class (User → email)
  if (v !== null && typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** `Logger.log(format, values…)` substitutes `%s`/`%d` like Java's String.format. */
function formatLogMessage(format: unknown, values: unknown[]): string {
  if (values.length === 0 || typeof format !== 'string') return [format, ...values].map(show).join(' ');
  let i = 0;
  return format.replace(/%[sdf%]/g, (token) => {
    if (token === '%%') return '%';
    return i < values.length ? show(values[i++]) : token;
  });
}

export class Logger extends GasObject {
  readonly _className = 'Logger';
  private lines: string[] = [];

  constructor(private readonly book: LogBook) {
    super();
  }

  log(format: unknown, ...values: unknown[]): Logger {
    const message = formatLogMessage(format, values);
    this.lines.push(message);
    this.book.add('log', 'Logger', message);
    return this;
  }

  getLog(): string {
    return this.lines.map((l) => `${l}\n`).join('');
  }

  clear(): void {
    this.lines = [];
  }
}

export class Console extends GasObject {
  readonly _className = 'console';

  constructor(private readonly book: LogBook) {
    super();
  }

  private write(level: LogLevel, args: unknown[]): void {
    this.book.add(level, 'console', args.map(show).join(' '));
  }

  log(...args: unknown[]): void {
    this.write('log', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }
}

/** The Logger module (emulator/registry.ts lists it). */
export const LOGGER_SERVICE: ServiceModule = {
  global: 'Logger',
  messagePrefix: 'Logger',
  namespaces: [],
  classes: ['Base.Logger'],
  create: (ctx) => new Logger(ctx.logs),
  samples: (ctx) => [new Logger(ctx.logs)],
  costs: [],
};

/** The console module (emulator/registry.ts lists it). */
export const CONSOLE_SERVICE: ServiceModule = {
  global: 'console',
  messagePrefix: 'console',
  namespaces: [],
  classes: ['Global.Console'],
  aliases: { console: 'Global.Console' },
  create: (ctx) => new Console(ctx.logs),
  samples: (ctx) => [new Console(ctx.logs)],
  costs: [],
};
