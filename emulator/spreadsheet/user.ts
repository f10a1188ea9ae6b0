import { GasObject } from '../gas-object';

/** Base.User as returned by Spreadsheet.getEditors(), Protection.getEditors(), getOwner(). */
export class User extends GasObject {
  readonly _className = 'User';

  constructor(readonly _email: string) {
    super();
  }

  getEmail(): string {
    return this._email;
  }

  /** A User stringifies to its email on Google (String(user), `'' + user`). */
  override toString(): string {
    return this._email;
  }
}

/** Accepts an email or any User-like object (Session's users come from another service). */
export function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (user && typeof (user as { getEmail?: unknown }).getEmail === 'function')
    return String((user as { getEmail(): string }).getEmail());
  return String(user);
}
