/**
 * Base of every emulated Apps Script object (Range, Sheet, Form, Trigger, …).
 *
 * Convention: members whose name starts with `_` are the emulator's own (state, helpers for the
 * runtime and tests) and are invisible to the bundle; every other member is the emulated API.
 */
export abstract class GasObject {
  /** The Apps Script class name, used in the call ledger (`Range.getValues`) and errors. */
  abstract readonly _className: string;

  toString(): string {
    return this._className;
  }
}
