/**
 * What people do to tabs besides the everyday edits (DESIGN §12.1): typing or pasting any range,
 * sorting, deleting and inserting rows, renaming and clearing a tab. The runtime applies each as
 * Sheets would (protections refuse it for people outside them; the owner always may) and delivers
 * the trigger events Sheets delivers (emulator/spreadsheet/user-actions.ts says which).
 */
import { lettersToColumn, parseA1 } from '../../../emulator/spreadsheet/a1';
import type { EditResult } from '../../../emulator/runtime';
import { Body, fail, int, bool, nonEmpty, only } from '../validate';
import type { EventKind, Delivery } from './kind';

const outcome = (result: EditResult): Delivery =>
  result.applied ? undefined : { refused: `Sheets menolak: ${result.reason}` };

function a1(body: Body, where: string) {
  const text = nonEmpty(body, 'range', where);
  try {
    return parseA1(text);
  } catch {
    return fail(`${where}.range`, `"${text}" bukan rentang A1 (mis. K2:L3)`);
  }
}

export const edit: EventKind = {
  key: 'edit',
  byUser: true,
  validate(body, where) {
    only(body, ['tab', 'range', 'values'], where);
    nonEmpty(body, 'tab', where);
    const ref = a1(body, where);
    if (ref.startRow === null || ref.startColumn === null)
      fail(`${where}.range`, 'harus rentang sel (mis. K2 atau K2:L3), bukan seluruh baris/kolom');
    const values = body.values;
    if (
      !Array.isArray(values) ||
      !values.length ||
      !values.every((r) => Array.isArray(r) && r.length === (values[0] as unknown[]).length && r.length > 0)
    ) {
      fail(`${where}.values`, 'harus daftar baris yang sama panjang, mis. [["Diproses", "…"]]');
    }
    const rows = (values as unknown[][]).length;
    const columns = (values as unknown[][])[0].length;
    const single = ref.endRow === ref.startRow && ref.endColumn === ref.startColumn;
    if (
      !single &&
      ((ref.endRow ?? 0) - ref.startRow + 1 !== rows || (ref.endColumn ?? 0) - ref.startColumn + 1 !== columns)
    ) {
      fail(`${where}.values`, `ukuran ${rows}×${columns} tidak sama dengan rentang ${String(body.range)}`);
    }
    (values as unknown[][]).forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== null && !['string', 'number', 'boolean'].includes(typeof v))
          fail(`${where}.values[${i}][${j}]`, 'harus teks, angka atau true/false');
      }),
    );
  },
  deliver(ctx, body, ev) {
    const ref = parseA1(String(body.range));
    const sheet = ctx.tab(String(body.tab));
    const values = (body.values as unknown[][]).map((r) => r.map((v) => (v === null ? '' : v)));
    return outcome(ctx.rt.editAsUser(ev.by!, sheet.getName(), ref.startRow!, ref.startColumn!, values));
  },
};

export const sort: EventKind = {
  key: 'sort',
  byUser: true,
  validate(body, where) {
    only(body, ['tab', 'range', 'column', 'descending'], where);
    nonEmpty(body, 'tab', where);
    a1(body, where);
    nonEmpty(body, 'column', where);
    bool(body, 'descending', where);
  },
  deliver(ctx, body, ev) {
    const sheet = ctx.tab(String(body.tab));
    const key = String(body.column);
    const headers = sheet.getLastColumn()
      ? sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String)
      : [];
    const byHeader = headers.indexOf(key) + 1;
    const column = byHeader || (/^[A-Za-z]{1,3}$/.test(key) ? lettersToColumn(key.toUpperCase()) : 0);
    if (!column) return { refused: `tab "${sheet.getName()}" tidak punya kolom "${key}"` };
    return outcome(ctx.rt.sortAsUser(ev.by!, sheet.getName(), String(body.range), column, body.descending === true));
  },
};

const rowsKind = (key: 'deleteRows' | 'insertRows'): EventKind => ({
  key,
  byUser: true,
  validate(body, where) {
    only(body, ['tab', 'row', 'count'], where);
    nonEmpty(body, 'tab', where);
    int(body, 'row', where, 1);
    int(body, 'count', where, 1, false);
  },
  deliver(ctx, body, ev) {
    const sheet = ctx.tab(String(body.tab));
    const count = (body.count as number | undefined) ?? 1;
    const result =
      key === 'deleteRows'
        ? ctx.rt.deleteRowsAsUser(ev.by!, sheet.getName(), body.row as number, count)
        : ctx.rt.insertRowsAsUser(ev.by!, sheet.getName(), body.row as number, count);
    return outcome(result);
  },
});

export const deleteRows = rowsKind('deleteRows');
export const insertRows = rowsKind('insertRows');

export const renameTab: EventKind = {
  key: 'renameTab',
  byUser: true,
  validate(body, where) {
    only(body, ['tab', 'to'], where);
    nonEmpty(body, 'tab', where);
    nonEmpty(body, 'to', where);
  },
  deliver(ctx, body, ev) {
    return outcome(ctx.rt.renameSheetAsUser(ev.by!, ctx.tab(String(body.tab)).getName(), String(body.to)));
  },
};

export const clearTab: EventKind = {
  key: 'clearTab',
  byUser: true,
  validate(body, where) {
    only(body, ['tab'], where);
    nonEmpty(body, 'tab', where);
  },
  deliver(ctx, body, ev) {
    return outcome(ctx.rt.clearSheetAsUser(ev.by!, ctx.tab(String(body.tab)).getName()));
  },
};
