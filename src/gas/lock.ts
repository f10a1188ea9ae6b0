/**
 * The script lock, with one named wait per kind of execution (DESIGN §10: short critical
 * sections). Every use case takes the lock here, never through LockService directly.
 *
 * "The lock is automatically released when the script terminates" (Lock.releaseLock reference),
 * so a use case that ends right after its writes does not release it explicitly.
 */
export const LOCK_WAIT_MS = {
  /** A form submission waits longer: the response stays in its tab if it times out anyway. */
  intake: 30_000,
  /** A person is waiting for the edit; one that cannot get the lock is stored and applied later. */
  edit: 10_000,
  /** The hourly run waits a minute, then skips the hour rather than queue behind another run. */
  hourly: 60_000,
  /** Menu items: a person is waiting for the dialog. */
  menu: 30_000,
  /** The daily job: the hourly run may hold the lock for a while at the same hour; wait for it. */
  daily: 5 * 60_000,
  setup: 60_000,
  /** Marking a batch of outgoing mail (sent outside the lock): a short wait for a short hold. */
  mailCommit: 15_000,
  /** The channel poll, after its fetches (done outside the lock). */
  poll: 30_000,
  /** A citizen's rating on the web app. */
  rating: 10_000,
} as const;

export type LockPurpose = keyof typeof LOCK_WAIT_MS;

export interface HeldLock {
  release(): void;
}

/** Takes the script lock within the purpose's wait; null when another execution holds it. */
export function tryScriptLock(purpose: LockPurpose): HeldLock | null {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS[purpose])) return null;
  return { release: () => lock.releaseLock() };
}

/** Takes the script lock or throws Apps Script's "Lock timeout" error (the caller reports it). */
export function waitScriptLock(purpose: LockPurpose): HeldLock {
  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS[purpose]);
  return { release: () => lock.releaseLock() };
}
