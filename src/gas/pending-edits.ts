/**
 * Edits that arrived while another execution held the script lock (DESIGN §10). Sheets never
 * makes a person wait for the lock, so an edit trigger that cannot get it stores what was edited
 * — who, when, which tab, which complaints (by number, since rows move), and the typed value of a
 * single cell — and the next execution that holds the lock applies it with that time and user.
 *
 * One Script Property per edit (`edit.pending.<time>.<random>`), written without the lock: each
 * write is its own key, so two stored edits never overwrite each other.
 */
import type { ScriptState } from './state';

export const PENDING_PREFIX = 'edit.pending.';

export interface PendingEdit {
  tab: string;
  /** Complaint numbers of the edited rows, in row order ('' for a row without one). */
  numbers: string[];
  /** Sheet rows as they were (a fallback when a row has no number). */
  firstRow: number;
  user: string;
  /** ISO time of the edit. */
  at: string;
  /** A single-cell edit: its 1-based column and the value it replaced (event `oldValue`). */
  single?: { column: number; oldValue: unknown };
}

export function storePendingEdit(edit: PendingEdit): void {
  const key = `${PENDING_PREFIX}${Date.parse(edit.at)}.${Math.floor(Math.random() * 1e9).toString(36)}`;
  PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(edit));
}

/** The stored edits, oldest first, with their keys. */
export function pendingEdits(state: ScriptState): Array<{ key: string; edit: PendingEdit }> {
  const out: Array<{ key: string; edit: PendingEdit }> = [];
  for (const key of state.keys()) {
    if (!key.startsWith(PENDING_PREFIX)) continue;
    try {
      out.push({ key, edit: JSON.parse(state.get(key) ?? '') as PendingEdit });
    } catch {
      out.push({ key, edit: { tab: '', numbers: [], firstRow: 0, user: '', at: '' } });
    }
  }
  return out.sort((a, b) => Date.parse(a.edit.at) - Date.parse(b.edit.at) || a.key.localeCompare(b.key));
}

export function dropPendingEdits(keys: string[]): void {
  if (!keys.length) return;
  const props = PropertiesService.getScriptProperties();
  for (const key of keys) props.deleteProperty(key);
}
