import { parseA1 } from '../../src/core/a1';

test.each([
  ['B5', { row: 5, column: 2, numRows: 1, numColumns: 1 }],
  ['B5:D9', { row: 5, column: 2, numRows: 5, numColumns: 3 }],
  ['$AA$10:$AB$10', { row: 10, column: 27, numRows: 1, numColumns: 2 }],
  ['D9:B5', { row: 5, column: 2, numRows: 5, numColumns: 3 }],
])('parseA1(%s)', (a1, block) => {
  expect(parseA1(a1)).toEqual(block);
});

test.each(['', 'B:B', '5:5', 'Sheet1!A1', 'A0x'])('parseA1(%s) is null (caller falls back to the Range getters)', (a1) => {
  expect(parseA1(a1)).toBeNull();
});
