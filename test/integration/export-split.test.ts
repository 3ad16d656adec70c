import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { excelMaxRows, writeXlsx, type SheetDefinition } from '../../electron/backend/exports/sheets';
import { readXlsx } from '../fixtures/exports-read';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

/** A movement sheet of `n` rows: the running number and a quantity of the same value, totalled. */
function movements(name: string, n: number): SheetDefinition {
  return {
    name,
    title: ['救灾物资台账明细', '储备库：市救灾物资储备中心'],
    columns: [
      { header: '序号', type: 'integer' },
      { header: '数量', type: 'quantity', total: true },
    ],
    count: () => n,
    rows: function* () {
      for (let i = 1; i <= n; i++) yield [i, i];
    },
    totalLabel: '合计',
  };
}

const control = { chunkRows: 7, afterChunk: async () => undefined };

test("a sheet longer than a worksheet holds goes on in '(2)', '(3)' with its title and header each time, totals at the very end", async () => {
  const file = path.join(tmp.dir, 'ledger.xlsx');
  // Two title rows, a blank, the header: 4 rows; a worksheet of 15 rows keeps one for the totals, so 10 data rows.
  await writeXlsx(file, [movements('台账明细', 25)], control, 15);

  const sheets = readXlsx(file);
  expect(sheets.map((s) => s.name)).toEqual(['台账明细', '台账明细 (2)', '台账明细 (3)']);
  const data: number[] = [];
  for (const sheet of sheets) {
    expect(sheet.rows.length).toBeLessThanOrEqual(15);
    expect(sheet.rows[0]![0]).toBe('救灾物资台账明细');
    expect(sheet.rows[3]).toEqual(['序号', '数量']);
    expect(sheet.frozen).toBe('A5');
    for (const row of sheet.rows.slice(4)) if (typeof row[0] === 'number') data.push(row[0]);
  }
  // Every row once, in order, none lost at a seam.
  expect(data).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  const last = sheets[2]!.rows.at(-1)!;
  expect(last).toEqual(['合计', 325]);
  for (const sheet of sheets.slice(0, 2)) expect(sheet.rows.flat()).not.toContain('合计');
});

test("exactly a worksheet's worth stays one sheet; a name at Excel's 31 characters still fits with its part number", async () => {
  const file = path.join(tmp.dir, 'fit.xlsx');
  const long = '救'.repeat(31);
  await writeXlsx(file, [movements('台账明细', 10), movements(long, 11)], control, 15);
  const names = readXlsx(file).map((s) => s.name);
  expect(names).toEqual(['台账明细', long, `${'救'.repeat(27)} (2)`]);
  expect(excelMaxRows).toBe(1_048_576);
});
