// Primary and secondary suppression against a brute-force attacker written here, independently
// of the Gaussian elimination the module uses: every linear combination with coefficients −1, 0
// and 1 of the published relations (a margin minus its published cells, a year minus its
// published months, one table's margin minus another's …) is formed, and none may leave exactly
// one hidden figure — that figure would be published by subtraction.
import { AdditiveRelation, exactlyDetermined, isSmallCount, ratePercentIfSafe, suppressLinkedTables, twoWayRelations } from './disclosure-control';

/** Hidden figures some ±1 combination of the relations isolates (the attacker's subtractions). */
function bruteForceDisclosed(relations: readonly AdditiveRelation[], suppressed: ReadonlySet<string>): string[] {
  const hidden = [...suppressed];
  const vectors = relations
    .map((relation) => {
      const vector = new Array<number>(hidden.length).fill(0);
      hidden.forEach((id, position) => {
        if (relation.total === id) vector[position] -= 1;
        vector[position] += relation.parts.filter((part) => part === id).length;
      });
      return vector;
    })
    .filter((vector) => vector.some((value) => value !== 0));
  if (vectors.length > 13) throw new Error(`Too many relations for brute force: ${vectors.length}`);
  const disclosed = new Set<string>();
  const combination = new Array<number>(vectors.length).fill(-1);
  const total = 3 ** vectors.length;
  for (let step = 0; step < total; step++) {
    let rest = step;
    for (let index = 0; index < vectors.length; index++) {
      combination[index] = (rest % 3) - 1;
      rest = Math.floor(rest / 3);
    }
    const sum = new Array<number>(hidden.length).fill(0);
    vectors.forEach((vector, index) => {
      if (combination[index] !== 0) vector.forEach((value, position) => (sum[position] += combination[index] * value));
    });
    const nonZero = sum.map((value, position) => [value, position] as const).filter(([value]) => value !== 0);
    if (nonZero.length === 1) disclosed.add(hidden[nonZero[0][1]]);
  }
  return [...disclosed];
}

/** A two-way table of counts as figures and relations: cells "r,c", margins "r,*" "*,c", total "*". */
function table(counts: number[][]): { values: Map<string, number>; relations: AdditiveRelation[] } {
  const rows = counts.map((_, r) => String(r));
  const columns = counts[0].map((_, c) => String(c));
  const values = new Map<string, number>();
  counts.forEach((row, r) => row.forEach((count, c) => values.set(`${r},${c}`, count)));
  rows.forEach((r) => values.set(`${r},*`, counts[Number(r)].reduce((sum, count) => sum + count, 0)));
  columns.forEach((c) => values.set(`*,${c}`, counts.reduce((sum, row) => sum + row[Number(c)], 0)));
  values.set('*', counts.flat().reduce((sum, count) => sum + count, 0));
  const relations = twoWayRelations({
    rows,
    columns,
    cell: (r, c) => `${r},${c}`,
    rowMargin: (r) => `${r},*`,
    columnMargin: (c) => `*,${c}`,
    total: '*',
  });
  return { values, relations };
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Counts between 0 and 20, many of them small. */
function randomCount(next: () => number): number {
  const draw = next();
  if (draw < 0.2) return 0;
  if (draw < 0.55) return 1 + Math.floor(next() * 4);
  return 5 + Math.floor(next() * 16);
}

describe('the brute-force attacker', () => {
  it('finds the leaks of primary suppression alone (the findings of issue 14)', () => {
    // A year of three months whose total and two months are published: the third month by subtraction.
    const year: AdditiveRelation[] = [{ total: 'FY', parts: ['Apr', 'May', 'Jun'] }];
    expect(bruteForceDisclosed(year, new Set(['May']))).toEqual(['May']);
    // A bridge: two protected blocks joined by one hidden cell, which the row/column rule accepts.
    const { relations } = table([
      [1, 1, 2, 9],
      [1, 1, 9, 9],
      [9, 9, 1, 1],
      [9, 9, 1, 1],
    ]);
    const bridged = new Set(['0,0', '0,1', '1,0', '1,1', '2,2', '2,3', '3,2', '3,3', '0,2']);
    // Every row and column holding a hidden cell holds two or more, yet the bridge cell 0,2 is
    // the columns 2 and 3 minus the rows 2 and 3.
    expect(bruteForceDisclosed(relations, bridged)).toEqual(['0,2']);
    expect(exactlyDetermined(relations, bridged)).toEqual(['0,2']);
  });
});

describe('suppressLinkedTables', () => {
  it('hides 1–4, never 0 or 5 and more, when nothing can be subtracted', () => {
    const values = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 4],
      ['d', 5],
    ]);
    const result = suppressLinkedTables(values, []);
    expect([...result.suppressed].sort()).toEqual(['b', 'c']);
    expect(result).toMatchObject({ primary: 2, secondary: 0 });
    expect([0, 1, 4, 5].map(isSmallCount)).toEqual([false, true, true, false]);
  });

  // Apr (3) is hidden by the rule; a second figure must go with it, or FY minus the others gives it away.
  it.each([
    { complement: 'a second cell is hidden, the smallest non-zero one', total: 31, june: 12, july: 16 },
    { complement: 'the smallest non-zero part goes before zeros and the total', total: 17, june: 6, july: 8 },
  ])('one-dimensional table with its total: $complement', ({ total, june, july }) => {
    const values = new Map([
      ['FY', total],
      ['Apr', 3],
      ['May', 0],
      ['Jun', june],
      ['Jul', july],
    ]);
    const relations = [{ total: 'FY', parts: ['Apr', 'May', 'Jun', 'Jul'] }];
    const result = suppressLinkedTables(values, relations);
    expect([...result.suppressed].sort()).toEqual(['Apr', 'Jun']);
    expect(result).toMatchObject({ primary: 1, secondary: 1 });
    expect(bruteForceDisclosed(relations, result.suppressed)).toEqual([]);
  });

  it('hides a small total itself: two hidden figures, nothing more to add', () => {
    const zeros = suppressLinkedTables(new Map([['FY', 3], ['Apr', 3], ['May', 0]]), [{ total: 'FY', parts: ['Apr', 'May'] }]);
    expect([...zeros.suppressed].sort()).toEqual(['Apr', 'FY']);
  });

  it('breaks the bridge the row/column rule misses', () => {
    const { values, relations } = table([
      [1, 1, 2, 9],
      [1, 1, 9, 9],
      [9, 9, 1, 1],
      [9, 9, 1, 1],
    ]);
    const result = suppressLinkedTables(values, relations);
    expect(exactlyDetermined(relations, result.suppressed)).toEqual([]);
    expect(bruteForceDisclosed(relations, result.suppressed)).toEqual([]);
  });

  it('random two-way tables of counts 0–20 (months × statuses): no hidden figure is determined by any subtraction', () => {
    const next = random(20261207);
    let tables = 0;
    for (let round = 0; round < 120; round++) {
      const rows = 2 + Math.floor(next() * 3);
      const columns = 2 + Math.floor(next() * 2);
      const counts = Array.from({ length: rows }, () => Array.from({ length: columns }, () => randomCount(next)));
      const { values, relations } = table(counts);
      const result = suppressLinkedTables(values, relations);
      // Every primary cell stays hidden; the published figures are true.
      for (const [id, value] of values) if (isSmallCount(value)) expect(result.suppressed.has(id)).toBe(true);
      expect({ counts, disclosed: bruteForceDisclosed(relations, result.suppressed) }).toEqual({ counts, disclosed: [] });
      expect(exactlyDetermined(relations, result.suppressed)).toEqual([]);
      tables += 1;
    }
    expect(tables).toBe(120);
  });

  it('linked tables sharing their margins (months × statuses and months × senders, one total) are suppressed consistently', () => {
    const next = random(14);
    for (let round = 0; round < 8; round++) {
      const months = ['m1', 'm2'];
      const statuses = ['s1', 's2', 's3'];
      const senders = ['o1', 'o2'];
      const values = new Map<string, number>();
      // Draw referrals month × status × sender, then publish the two tables' cells and margins.
      const cube = months.flatMap((m) => statuses.flatMap((s) => senders.map((o) => ({ m, s, o, n: Math.floor(randomCount(next) / 2) }))));
      const sum = (keep: (cell: (typeof cube)[number]) => boolean) => cube.filter(keep).reduce((total, cell) => total + cell.n, 0);
      for (const m of months) {
        values.set(`M:${m}`, sum((cell) => cell.m === m));
        for (const s of statuses) values.set(`MS:${m}:${s}`, sum((cell) => cell.m === m && cell.s === s));
        for (const o of senders) values.set(`MO:${m}:${o}`, sum((cell) => cell.m === m && cell.o === o));
      }
      for (const s of statuses) values.set(`S:${s}`, sum((cell) => cell.s === s));
      for (const o of senders) values.set(`O:${o}`, sum((cell) => cell.o === o));
      values.set('T', sum(() => true));
      const relations = [
        ...twoWayRelations({ rows: months, columns: statuses, cell: (m, s) => `MS:${m}:${s}`, rowMargin: (m) => `M:${m}`, columnMargin: (s) => `S:${s}`, total: 'T' }),
        ...twoWayRelations({ rows: months, columns: senders, cell: (m, o) => `MO:${m}:${o}`, rowMargin: (m) => `M:${m}`, columnMargin: (o) => `O:${o}`, total: null }),
        { total: 'T', parts: senders.map((o) => `O:${o}`) },
      ];
      const result = suppressLinkedTables(values, relations);
      expect(bruteForceDisclosed(relations, result.suppressed)).toEqual([]);
      // A hidden month total is hidden for both tables: it is one figure.
      expect(exactlyDetermined(relations, result.suppressed)).toEqual([]);
    }
  });

  it('a table with column margins only (needs per month, which overlap) protects each column', () => {
    const values = new Map([
      ['C:housing', 10],
      ['MC:m1:housing', 3],
      ['MC:m2:housing', 7],
      ['C:poverty', 6],
      ['MC:m1:poverty', 6],
      ['MC:m2:poverty', 0],
    ]);
    const relations = twoWayRelations({
      rows: ['m1', 'm2'],
      columns: ['housing', 'poverty'],
      cell: (m, c) => `MC:${m}:${c}`,
      rowMargin: null,
      columnMargin: (c) => `C:${c}`,
      total: null,
    });
    const result = suppressLinkedTables(values, relations);
    expect([...result.suppressed].sort()).toEqual(['MC:m1:housing', 'MC:m2:housing']);
    expect(bruteForceDisclosed(relations, result.suppressed)).toEqual([]);
  });
});

describe('ratePercentIfSafe', () => {
  it('gives no rate that turns back into a hidden or small count', () => {
    // The finding: 5 enrolled, completions hidden, 40 % → 2.
    expect(ratePercentIfSafe(2, 5, { part: true, whole: false })).toBeNull();
    expect(ratePercentIfSafe(2, 5, { part: false, whole: false })).toBeNull();
    // 4 of 5 not completed would be given back the same way.
    expect(ratePercentIfSafe(1, 5, { part: false, whole: false })).toBeNull();
    expect(ratePercentIfSafe(5, 9, { part: false, whole: false })).toBeNull();
    expect(ratePercentIfSafe(5, 10, { part: false, whole: true })).toBeNull();
    expect(ratePercentIfSafe(3, 3, { part: false, whole: false })).toBeNull();
    expect(ratePercentIfSafe(5, 10, { part: false, whole: false })).toBe(50);
    expect(ratePercentIfSafe(0, 12, { part: false, whole: false })).toBe(0);
    expect(ratePercentIfSafe(12, 12, { part: false, whole: false })).toBe(100);
  });
});
