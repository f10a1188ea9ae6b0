/**
 * Protected ranges and sheets.
 *
 * Documented behaviour emulated (developers.google.com/apps-script/reference/spreadsheet/protection,
 * Range.protect, Sheet.protect):
 * - A new protection "mirrors the permissions of the spreadsheet itself, which effectively means
 *   that the range remains unprotected" until the script changes its editor list with addEditor(s),
 *   removeEditor(s) or setDomainEdit (Range.protect / Sheet.protect reference). While it mirrors,
 *   everyone who may edit the file (its owner and editors) may edit under it, and getEditors() lists the spreadsheet's
 *   editors without the owner. The first change starts from that list plus the owner and the
 *   current user. removeEditors([]) changes nothing, so it does not end the mirroring.
 * - The owner can always edit; neither the owner nor the current user can be removed.
 * - Warning-only protections let every editor through (the UI only asks for confirmation).
 * - A protected sheet may have unprotected ranges; Sheet.protect() returns the existing sheet
 *   protection if there is one, Range.protect() always adds a new (possibly overlapping) one.
 */
import { GasError } from '../errors';
import { GasObject } from '../gas-object';
import { Anchor } from './anchor';
import { ProtectionType } from './enums';
import type { Range } from './range';
import type { Sheet } from './sheet';
import { emailOf, User } from './user';

export const PROTECTED_EDIT_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export type ProtectionTypeName = keyof typeof ProtectionType;

export class Protection extends GasObject {
  readonly _className = 'Protection';
  /** Who may edit besides the owner (who always may). */
  _editors: string[];
  _description = '';
  _warningOnly = false;
  _domainEdit = false;
  _unprotected: Anchor[] = [];
  _removed = false;
  /** True until the editor list is first changed: the protection then protects nothing. */
  _mirrors = true;
  /** Who created it (an editor of the file, or the script's user). */
  _creator = '';
  _rangeName: string | null = null;

  constructor(
    readonly _sheet: Sheet,
    readonly _type: ProtectionTypeName,
    readonly _anchor: Anchor | null,
  ) {
    super();
    const ss = _sheet._spreadsheet;
    this._editors = [...new Set([ss._owner(), ...ss._editors, ss._env.actingUser])];
    this._creator = ss._env.actingUser;
  }

  /** The editor list is being changed: from now on it is what decides. */
  private _takeEffect(): void {
    if (!this._mirrors) return;
    this._mirrors = false;
    const ss = this._ss;
    this._editors = [...new Set([ss._owner(), ...ss._editors, ss._env.actingUser])];
  }

  private get _ss() {
    return this._sheet._spreadsheet;
  }

  private _assertAlive(): void {
    if (this._removed || this._anchor?.dead) throw new GasError('This protection has been removed.');
  }

  /** May `email` change cells under this protection? */
  _allows(email: string): boolean {
    if (this._removed || this._anchor?.dead || this._warningOnly) return true;
    if (email === this._ss._owner()) return true;
    if (this._mirrors) return email === this._creator || this._ss._editors.includes(email);
    if (this._domainEdit && domainOf(email) === domainOf(this._ss._owner())) return true;
    return this._editors.includes(email);
  }

  /** Does it cover any cell of the rectangle? */
  _coversAny(r1: number, c1: number, r2: number, c2: number): boolean {
    if (this._type === 'RANGE') return this._anchor!.intersects(r1, c1, r2, c2);
    const holes = this._unprotected.filter((a) => !a.dead && a.intersects(r1, c1, r2, c2));
    if (holes.length === 0) return true;
    for (let r = r1; r <= r2; r++) {
      const spans = holes
        .filter((a) => r >= a.r1 && r <= a.r2)
        .map((a) => [Math.max(a.c1, c1), Math.min(a.c2, c2)] as const)
        .sort((x, y) => x[0] - y[0]);
      let next = c1;
      for (const [from, to] of spans) {
        if (from > next) return true;
        next = Math.max(next, to + 1);
      }
      if (next <= c2) return true;
    }
    return false;
  }

  addEditor(user: unknown): this {
    this._assertAlive();
    this._takeEffect();
    const email = emailOf(user);
    if (!this._editors.includes(email)) this._editors.push(email);
    return this;
  }

  addEditors(emailAddresses: unknown[]): this {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }

  removeEditor(user: unknown): this {
    this._assertAlive();
    this._takeEffect();
    const email = emailOf(user);
    const keep = new Set([this._ss._owner(), this._ss._env.actingUser]);
    if (!keep.has(email)) this._editors = this._editors.filter((e) => e !== email);
    return this;
  }

  removeEditors(users: unknown[]): this {
    for (const u of users) this.removeEditor(u);
    return this;
  }

  getEditors(): User[] {
    if (this._warningOnly) return []; // a warning-only protection has no editor list (see isWarningOnly)
    if (this._mirrors) return this._ss._editors.filter((e) => e !== this._ss._owner()).map((e) => new User(e));
    const withOwner = [this._ss._owner(), ...this._editors.filter((e) => e !== this._ss._owner())];
    return [...new Set(withOwner)].map((e) => new User(e));
  }

  canEdit(): boolean {
    const me = this._ss._env.actingUser;
    if (me === this._ss._owner()) return true;
    if (this._mirrors) return me === this._creator || this._ss._editors.includes(me);
    return this._editors.includes(me) || (this._domainEdit && domainOf(me) === domainOf(this._ss._owner()));
  }

  canDomainEdit(): boolean {
    return this._domainEdit;
  }

  setDomainEdit(editable: boolean): this {
    this._assertAlive();
    this._takeEffect();
    this._domainEdit = Boolean(editable);
    return this;
  }

  getDescription(): string {
    return this._description;
  }

  setDescription(description: string): this {
    this._assertAlive();
    this._description = String(description);
    return this;
  }

  getProtectionType(): ProtectionTypeName {
    return this._type;
  }

  getRange(): Range {
    if (this._type === 'SHEET') return this._sheet._rangeAt(1, 1, this._sheet._maxRows, this._sheet._maxColumns);
    const a = this._anchor!;
    return this._sheet._rangeAt(a.r1, a.c1, a.numRows, a.numColumns);
  }

  setRange(range: Range): this {
    this._assertAlive();
    if (this._type === 'SHEET') throw new GasError('The range of a sheet protection cannot be changed.');
    const a = this._anchor!;
    [a.r1, a.c1, a.r2, a.c2] = [
      range._row,
      range._column,
      range._row + range._numRows - 1,
      range._column + range._numColumns - 1,
    ];
    return this;
  }

  getRangeName(): string | null {
    const named = this._rangeName === null ? undefined : this._ss.getRangeByName(this._rangeName);
    return named ? this._rangeName : null;
  }

  /**
   * "Associates an existing named range with the protected range. If the named range covers a
   * different area from the current protected range, this method moves the protection to cover
   * the named range instead." (reference/spreadsheet/protection#setRangeName(String))
   */
  setRangeName(rangeName: string): this {
    this._assertAlive();
    const range = this._ss.getRangeByName(String(rangeName));
    if (!range) throw new GasError(`Range not found`);
    this.setRange(range);
    this._rangeName = String(rangeName);
    return this;
  }

  getUnprotectedRanges(): Range[] {
    return this._unprotected
      .filter((a) => !a.dead)
      .map((a) => this._sheet._rangeAt(a.r1, a.c1, a.numRows, a.numColumns));
  }

  setUnprotectedRanges(ranges: Range[]): this {
    this._assertAlive();
    // Apps Script ignores unprotected ranges on range protections; only sheets have holes.
    if (this._type !== 'SHEET') return this;
    for (const old of this._unprotected) this._sheet._anchors.delete(old);
    this._unprotected = ranges.map((r) => this._sheet._anchor(r._row, r._column, r._numRows, r._numColumns));
    return this;
  }

  isWarningOnly(): boolean {
    return this._warningOnly;
  }

  setWarningOnly(warningOnly: boolean): this {
    this._assertAlive();
    this._warningOnly = Boolean(warningOnly);
    return this;
  }

  remove(): void {
    if (this._removed) return;
    this._removed = true;
    if (this._anchor) this._sheet._anchors.delete(this._anchor);
    for (const a of this._unprotected) this._sheet._anchors.delete(a);
    this._ss._protections = this._ss._protections.filter((p) => p !== this);
  }

  /** Host summary for outputs. */
  _summary(): {
    type: string;
    range: string;
    description: string;
    warningOnly: boolean;
    editors: string[];
    unprotected: string[];
  } {
    return {
      type: this._type,
      range: this.getRange().getA1Notation(),
      description: this._description,
      warningOnly: this._warningOnly,
      editors: this.getEditors().map((u) => u.getEmail()),
      unprotected: this.getUnprotectedRanges().map((r) => r.getA1Notation()),
    };
  }
}

function domainOf(email: string): string {
  return email.slice(email.indexOf('@') + 1).toLowerCase();
}

/** The first protection that stops `email` from editing the rectangle, if any. */
export function blockingProtection(
  sheet: Sheet,
  email: string,
  r1: number,
  c1: number,
  r2: number,
  c2: number,
): Protection | null {
  for (const p of sheet._spreadsheet._protections) {
    if (p._sheet !== sheet || p._allows(email)) continue;
    if (p._coversAny(r1, c1, r2, c2)) return p;
  }
  return null;
}
