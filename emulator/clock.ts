/**
 * The virtual clock. `new Date()` and `Date.now()` inside the bundle read it; the runtime moves
 * it forward (events, trigger schedule, `Utilities.sleep`, lock waits). It never goes back.
 */
export class VirtualClock {
  private ms: number;

  constructor(start: Date | number = Date.UTC(2026, 0, 5, 1, 0, 0)) {
    this.ms = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.ms;
  }

  date(): Date {
    return new Date(this.ms);
  }

  /** Moves to `t`; moving backwards is a bug in the caller. */
  set(t: Date | number): void {
    const ms = typeof t === 'number' ? t : t.getTime();
    if (ms < this.ms)
      throw new Error(
        `virtual clock cannot go back from ${new Date(this.ms).toISOString()} to ${new Date(ms).toISOString()}`,
      );
    this.ms = ms;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('virtual clock cannot go back');
    this.ms += ms;
  }
}
