import { parseA1 } from '../../src/core/a1';

test.each([
  ['B5', { row: 5, column: 2, numRows: 1, numColumns: 1 }],
  ['B5:D9', { row: 5, column: 2, numRows: 5, numColumns: 3 }],
  ['$AA$10:$AB$10', { row: 10, column: 27, numRows: 1, numColumns: 2 }],
  ['D9:B5', { row: 5, column: 2, numRows: 5, numColumns: 3 }],
])('parseA1(%s)', (a1, block) => {
  expect(parseA1(a1)).toEqual(block);
});

test.each(['', 'B:B', '5:5', 'Sheet1!A1', 'A0x'])(
  'parseA1(%s) is null (caller falls back to the Range getters)',
  (a1) => {
    expect(parseA1(a1)).toBeNull();
  },
);

// Whole rows / columns: https://developers.google.com/apps-script/reference/spreadsheet/range#geta1notation
// ("5:7", "D:F" as Sheets writes them, e.g. in the edit event of a whole-column paste).
test.each([
  ['5:7', { row: 5, column: 1, numRows: 3, numColumns: 26 }],
  ['7:5', { row: 5, column: 1, numRows: 3, numColumns: 26 }],
  ['D:F', { row: 1, column: 4, numRows: 1000, numColumns: 3 }],
  ['B:B', { row: 1, column: 2, numRows: 1000, numColumns: 1 }],
  ['B5:D9', { row: 5, column: 2, numRows: 5, numColumns: 3 }],
])('parseA1(%s) with the sheet size resolves whole rows and columns', (a1, block) => {
  expect(parseA1(a1, { rows: 1000, columns: 26 })).toEqual(block);
});

test.each(['0:3', 'A:5', 'Sheet1!A:A'])('parseA1(%s) with a size is still null when it is not a reference', (a1) => {
  expect(parseA1(a1, { rows: 1000, columns: 26 })).toBeNull();
});
