/**
 * LockService (https://developers.google.com/apps-script/reference/lock/lock-service) and Lock
 * (https://developers.google.com/apps-script/reference/lock/lock), on the virtual clock.
 *
 * Documented behaviour relied on:
 * - tryLock(timeoutInMillis) "Attempts to acquire the lock, timing out after the provided number
 *   of milliseconds" and returns false when it could not; waitLock(timeoutInMillis) does the same
 *   but throws "Lock timeout: another process was holding the lock for too long.".
 * - "Locks are released automatically when the script terminates": the runtime calls
 *   `_releaseExecution` when an execution ends.
 * - hasLock is false if the lock was never acquired, timed out, or was released.
 *
 * Executions run one after another in the emulator, so "another process" is modelled as a hold:
 * the runtime (or a test) says another holder keeps a lock until a virtual time (`_holdUntil`).
 * Waiting for it moves the virtual clock: to the release time if that comes within the timeout,
 * otherwise by the whole timeout.
 */
import { GasEnv } from '../env';
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import type { ServiceModule } from '../service-module';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

interface LockState {
  /** The execution holding it, if one of ours does. */
  executionId: number | null;
  /** Another (simulated) process holds it until this virtual time. */
  heldUntil: number;
  heldBy: string;
}

export class LockService extends GasObject {
  readonly _className = 'LockService';
  private readonly locks = new Map<string, LockState>();
  /** Lock keys each execution acquired at some point (the runtime uses it to model overlap). */
  private readonly acquired = new Map<number, Set<string>>();

  constructor(private readonly env: GasEnv) {
    super();
  }

  getScriptLock(): Lock {
    return new Lock(this, 'script');
  }

  getDocumentLock(): Lock {
    return new Lock(this, 'document');
  }

  getUserLock(): Lock {
    return new Lock(this, `user:${(this.env.execution?.effectiveUser ?? this.env.owner).toLowerCase()}`);
  }

  /** Host hook: another process holds the lock `key` ('script', 'document', 'user:<email>') until `until`. */
  _holdUntil(key: string, until: Date | number, heldBy = 'another execution'): void {
    const state = this.state(key);
    state.heldUntil = Math.max(state.heldUntil, typeof until === 'number' ? until : until.getTime());
    state.heldBy = heldBy;
  }

  /** Releases every lock the execution holds ("released automatically when the script terminates"). */
  _releaseExecution(executionId: number): void {
    for (const state of this.locks.values()) if (state.executionId === executionId) state.executionId = null;
  }

  _acquiredBy(executionId: number): string[] {
    return [...(this.acquired.get(executionId) ?? [])];
  }

  _isHeld(key: string): boolean {
    const state = this.locks.get(key);
    return !!state && (state.executionId !== null || state.heldUntil > this.env.clock.now());
  }

  private state(key: string): LockState {
    let state = this.locks.get(key);
    if (!state) this.locks.set(key, (state = { executionId: null, heldUntil: 0, heldBy: '' }));
    return state;
  }

  _holds(key: string): boolean {
    const execution = this.env.execution;
    return !!execution && this.locks.get(key)?.executionId === execution.id;
  }

  /** Tries to acquire within `timeoutMs` of virtual time; true when acquired. */
  _acquire(key: string, timeoutMs: number): boolean {
    const execution = this.env.execution;
    if (!execution) throw new Error('a lock is taken inside an execution; call the script through GasRuntime');
    const timeout = Math.max(0, Math.floor(Number(timeoutMs) || 0));
    const state = this.state(key);
    if (state.executionId === execution.id) return true;
    if (state.executionId !== null) {
      // Another of our executions still holds it: only possible if one execution calls into another.
      this.env.clock.advance(timeout);
      return false;
    }
    const now = this.env.clock.now();
    if (state.heldUntil > now) {
      if (state.heldUntil - now > timeout) {
        this.env.clock.advance(timeout);
        return false;
      }
      this.env.clock.set(state.heldUntil);
    }
    state.executionId = execution.id;
    let keys = this.acquired.get(execution.id);
    if (!keys) this.acquired.set(execution.id, (keys = new Set()));
    keys.add(key);
    return true;
  }

  _release(key: string): void {
    const state = this.locks.get(key);
    if (state && this.env.execution && state.executionId === this.env.execution.id) state.executionId = null;
  }
}

export class Lock extends GasObject {
  readonly _className = 'Lock';

  constructor(
    private readonly service: LockService,
    private readonly key: string,
  ) {
    super();
  }

  /** A negative timeout never acquires on Google (gas-fakes notes/oddities.md), even a free lock. */
  tryLock(timeoutInMillis: number): boolean {
    if (Number(timeoutInMillis) < 0) return false;
    return this.service._acquire(this.key, timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (Number(timeoutInMillis) < 0 || !this.service._acquire(this.key, timeoutInMillis))
      throw new GasError(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    this.service._release(this.key);
  }

  hasLock(): boolean {
    return this.service._holds(this.key);
  }
}

/** The LockService module (emulator/registry.ts lists it). */
export const LOCK_SERVICE: ServiceModule = {
  global: 'LockService',
  messagePrefix: 'LockService',
  namespaces: ['Lock'],
  create: (ctx) => new LockService(ctx.env),
  samples: (ctx) => [new LockService(ctx.env), new LockService(ctx.env).getScriptLock()],
  costs: [{ match: /^Lock\./, ms: 10, source: 'assumption' }],
};
