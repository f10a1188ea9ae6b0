/** Errors the emulated services throw, worded like Apps Script's own where it documents them. */

export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Thrown by any method the runtime does not emulate: loud, never a silent no-op. */
export function notEmulated(className: string, method: string): never {
  throw new GasError(`not emulated: ${className}.${method}`);
}
