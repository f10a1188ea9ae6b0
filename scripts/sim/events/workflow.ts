/**
 * The everyday events (DESIGN §12): a submission through the form, and the cell edits people
 * make in the tabs (an officer's update, the admin's answer, reassignment, closing). Headers
 * come from the column definitions in src/core, so renaming one never breaks the runner.
 */
import { REGISTER_COLUMNS, STATUS, UNIT_COLUMNS, Column } from '../../../src/core/complaint';
import { FORM_ITEMS } from '../../../src/core/form-spec';
import { TAB } from '../../../src/core/labels';
import { Body, ScenarioError, fail, ref, str } from '../validate';
import type { EventContext, EventKind } from './kind';

export const headerOf = <K extends string>(columns: Column<K>[], key: K): string => {
  const column = columns.find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return column.header;
};
const register = (key: (typeof REGISTER_COLUMNS)[number]['key']) => headerOf(REGISTER_COLUMNS, key);
const unitTab = (key: (typeof UNIT_COLUMNS)[number]['key']) => headerOf(UNIT_COLUMNS, key);

/** Several edits by one person; refused when any was (the others stay, as they would). */
function edits(
  ctx: EventContext,
  by: string,
  tab: string,
  number: string,
  cells: [string, unknown][],
): { refused: string } | void {
  const reasons = cells.flatMap(([header, value]) => {
    const reason = ctx.edit(by, tab, number, header, value);
    return reason ? [`suntingan "${header}" di tab "${tab}" ditolak Sheets: ${reason}`] : [];
  });
  if (reasons.length) return { refused: reasons.join('; ') };
}

const refOf = (body: Body) => body.ref as number | string;

function checkRef(body: Body, where: string, state: { submissions: number }): void {
  ref(body, where);
  if (typeof body.ref === 'number' && body.ref > state.submissions) {
    fail(
      `${where}.ref`,
      `merujuk kiriman ke-${body.ref}, padahal baru ${state.submissions} kiriman sebelum peristiwa ini`,
    );
  }
}

export const submit: EventKind = {
  key: 'submit',
  byUser: true,
  validate(body, where, state) {
    state.submissions++;
    // Values are checked by the system itself (invalid ones are kept and flagged); here only
    // their types, so adversarial scenarios can send empty or odd text.
    for (const k of ['receivedAt', 'channel', 'reporter', 'postUrl', 'text', 'category', 'unit', 'initialResponse'])
      str(body, k, where, false);
  },
  deliver(ctx, body, ev) {
    const answers: Record<string, unknown> = {};
    for (const item of FORM_ITEMS) {
      const v = body[item.key] as string | undefined;
      if (v === undefined) continue;
      answers[item.title] = item.kind === 'datetime' && v && !isNaN(Date.parse(v)) ? new Date(v) : v;
    }
    const before = ctx.registerNumbers();
    const added = () => [...ctx.registerNumbers()].filter((n) => !before.has(n)).sort()[0] ?? '';
    let deferred: boolean;
    try {
      deferred =
        ctx.rt.submitForm(ctx.formId, answers, { respondent: ev.by, at: ev.at }).runs.length === 0 &&
        ctx.rt.env.execution !== null;
    } catch (e) {
      ctx.recordSubmission('');
      return {
        refused: `formulir menolak isian ini, seperti Google Forms (${(e as Error).message}); tidak ada pengaduan yang tercatat`,
      };
    }
    // During a run, intake runs after it: the number is looked up when a later event needs it.
    ctx.recordSubmission(deferred ? added : added());
  },
};

export const update: EventKind = {
  key: 'update',
  byUser: true,
  validate(body, where, state) {
    checkRef(body, where, state);
    for (const k of ['status', 'followUp', 'note']) str(body, k, where, false);
    if (body.status === undefined && body.followUp === undefined && body.note === undefined)
      fail(where, 'harus berisi status, followUp atau note');
  },
  deliver(ctx, body, ev) {
    const number = ctx.number(refOf(body), 'update');
    const tab = ctx.unitTabOf(number);
    if (!tab) throw new ScenarioError(`update.ref: ${number} belum punya unit; petugas tidak dapat memperbaruinya`);
    // The text before the status, as an officer would type them.
    const cells: [string, unknown][] = [];
    if (body.followUp !== undefined) cells.push([unitTab('followUp'), body.followUp]);
    if (body.note !== undefined) cells.push([unitTab('officerNote'), body.note]);
    if (body.status !== undefined) cells.push([unitTab('officerStatus'), body.status]);
    return edits(ctx, ev.by!, tab, number, cells);
  },
};

export const answer: EventKind = {
  key: 'answer',
  byUser: true,
  validate(body, where, state) {
    checkRef(body, where, state);
    str(body, 'reply', where);
    str(body, 'replyUrl', where, false);
    // DESIGN §14: the admin ticks Kirim balasan (the answer goes back to the post).
    if (body.postReply !== undefined && typeof body.postReply !== 'boolean')
      fail(`${where}.postReply`, 'harus true atau false');
  },
  deliver(ctx, body, ev, where) {
    const number = ctx.number(refOf(body), 'answer');
    const cells: [string, unknown][] = [[register('reply'), body.reply]];
    if (body.replyUrl) cells.push([register('replyUrl'), body.replyUrl]);
    cells.push([register('status'), STATUS.answered]);
    const outcome = edits(ctx, ev.by!, TAB.register, number, cells);
    if (body.postReply === true) ctx.channels.tickReply(ev.by!, number, where, ctx.channelHooks());
    return outcome;
  },
};

export const reassign: EventKind = {
  key: 'reassign',
  byUser: true,
  validate(body, where, state) {
    checkRef(body, where, state);
    str(body, 'unit', where);
  },
  deliver(ctx, body, ev) {
    return edits(ctx, ev.by!, TAB.register, ctx.number(refOf(body), 'reassign'), [[register('unit'), body.unit]]);
  },
};

export const close: EventKind = {
  key: 'close',
  byUser: true,
  validate(body, where, state) {
    checkRef(body, where, state);
    str(body, 'reason', where);
  },
  deliver(ctx, body, ev) {
    const number = ctx.number(refOf(body), 'close');
    return edits(ctx, ev.by!, TAB.register, number, [
      [register('closeReason'), body.reason],
      [register('status'), STATUS.closed],
    ]);
  },
};
