import fc from 'fast-check';
import { emptyComplaint, Complaint, STATUS } from '../../src/core/complaint';
import { holdsComplaint, shuffledRows, TabRow } from '../../src/core/officer-cells';

const at = new Date('2026-04-06T02:00:00Z');
function complaint(n: number, status: Complaint['status'], followUp = '', note = ''): Complaint {
  return {
    ...emptyComplaint(`ADU-2026-000${n}`, at),
    receivedAt: new Date(at.getTime() + n * 60_000),
    text: `teks ${n}`,
    status,
    followUp,
    officerNote: note,
    unit: 'U',
  };
}
const rowOf = (
  index: number,
  c: Complaint,
  over: Partial<Record<'officerStatus' | 'followUp' | 'officerNote', string>> = {},
): TabRow => ({
  index,
  values: {
    number: c.number,
    receivedAt: c.receivedAt,
    text: c.text,
    officerStatus:
      c.status === STATUS.processing ? 'Diproses' : c.status === STATUS.followedUp ? 'Selesai' : 'Diteruskan',
    followUp: c.followUp,
    officerNote: c.officerNote,
    ...over,
  },
});

describe('officer cells moved by a sort', () => {
  const cs = [
    complaint(1, STATUS.processing, '', 'cek'),
    complaint(2, STATUS.followedUp, 'sudah diperbaiki'),
    complaint(3, STATUS.forwarded),
  ];
  const byNumber = new Map(cs.map((c) => [c.number, c]));
  const find = (r: TabRow) => byNumber.get(String(r.values.number));

  test('a sort of the officer columns is recognised: every moved row is named', () => {
    const rows = [
      rowOf(0, cs[0], { officerStatus: 'Diteruskan', followUp: '', officerNote: '' }),
      rowOf(1, cs[1], { officerStatus: 'Diproses', followUp: '', officerNote: 'cek' }),
      rowOf(2, cs[2], { officerStatus: 'Selesai', followUp: 'sudah diperbaiki', officerNote: '' }),
    ];
    expect(shuffledRows(rows, find).sort()).toEqual([0, 1, 2]);
  });

  test("an officer's own edit is not a shuffle, even when the new status equals another row's", () => {
    expect(
      shuffledRows([rowOf(0, cs[0]), rowOf(1, cs[1]), rowOf(2, cs[2], { officerStatus: 'Diproses' })], find),
    ).toEqual([]);
    expect(
      shuffledRows(
        cs.map((c, i) => rowOf(i, c)),
        find,
      ),
    ).toEqual([]);
  });

  test('property: any permutation of the recorded cells across ≥ 2 rows is found; a change of a value is not', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), (perm) => {
        const rows = cs.map((c, i) => {
          const src = rowOf(i, cs[perm[i]]).values;
          return rowOf(i, c, {
            officerStatus: String(src.officerStatus),
            followUp: String(src.followUp),
            officerNote: String(src.officerNote),
          });
        });
        const moved = perm.filter((p, i) => p !== i).length;
        expect(shuffledRows(rows, find).length).toBe(moved >= 2 ? moved : 0);
        const edited = rows.map((r, i) => (i === 0 ? { ...r, values: { ...r.values, followUp: 'teks baru' } } : r));
        if (moved === 0) expect(shuffledRows(edited, find)).toEqual([]);
      }),
    );
  });

  test('a row whose number was typed over no longer holds that complaint', () => {
    expect(holdsComplaint(rowOf(0, cs[0]).values, cs[0])).toBe(true);
    expect(holdsComplaint({ ...rowOf(0, cs[0]).values, number: cs[1].number }, cs[1])).toBe(false);
  });
});
