/**
 * Every kind of scenario event, by its key. Adding a kind is one module exporting an EventKind
 * and one line here; the parser and the runner read only this table.
 */
import type { EventKind } from './kind';
import { answer, close, reassign, submit, update } from './workflow';
import { clearTab, deleteRows, edit, insertRows, renameTab, sort } from './incidents';
import { fault } from './faults';
import { run } from './runs';
import { rate, visit } from './citizen';
import { post, triage } from './channels';

export const EVENT_KINDS: readonly EventKind[] = [
  submit,
  update,
  answer,
  reassign,
  close,
  edit,
  sort,
  deleteRows,
  insertRows,
  renameTab,
  clearTab,
  fault,
  run,
  visit,
  rate,
  post,
  triage,
];

export const kindOf = (key: string): EventKind | undefined => EVENT_KINDS.find((k) => k.key === key);

export type { EventKind, EventContext, Delivery, ValidationState } from './kind';
