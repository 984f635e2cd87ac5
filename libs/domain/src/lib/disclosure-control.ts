// Disclosure control of published counts that concern people (DESIGN.md, capability 7 and
// "Personal data protection": "published counts resist differencing").
//
// Why. Hiding a count of 1–4 ("primary suppression") is not enough: whenever the hidden cell is
// the only unknown in a published sum — a row or column total, a report total, a fiscal year that
// is the sum of its twelve months, a map edge that is part of an organisation's total — the reader
// subtracts the other figures and has it back. National statistics offices therefore publish a
// set of linked tables only after "secondary" (complementary) suppression: further cells are
// hidden until no hidden cell can be worked out from the published ones.
//
// What. A set of linked tables is given as figures (id → true count) and additive relations
// (`total = Σ parts`) between them, over everything one fixed period's publications can show
// (cells, margins and totals of every table of a report, of the twelve monthly reports and of the
// fiscal year's). Then:
//   1. primary suppression: every count from 1 to SMALL_CELL_MAX (4) is hidden;
//   2. the classic row/column rule, to a fixed point: a relation holding exactly one hidden figure
//      gets a second one — the smallest unhidden non-zero part (zeros only when nothing else is
//      left, the total last), so the information lost stays small;
//   3. an exact audit by Gaussian elimination (the "Gauss method" of Statistics Norway's
//      GaussSuppression): with the published figures moved to the right-hand side, a hidden
//      figure is determined exactly when its unit vector lies in the row space of the relations
//      restricted to the hidden figures. The row/column rule alone misses such cells (a hidden
//      cell that is a "bridge" between two otherwise protected groups of rows and columns is
//      determined by adding the rows of one group and subtracting its columns). For each
//      determined figure one more figure of a relation holding it is hidden, and 2–3 repeat until
//      the audit finds none.
// Every relation of the set is considered at once, so tables that share a population are
// suppressed consistently: a figure hidden in one is hidden wherever it is published (a fiscal
// year's status margin is the same figure as the status cells of its months' sum).
//
// Rates, percentiles and medians computed from a hidden count, or over a population under 5, are
// not published (ratePercentIfSafe); that is the caller's rule for each derived figure.
//
// What it does not do: it prevents exact disclosure by linear combination (what a reader can do
// with additions and subtractions of published figures). It does not guarantee a protection
// interval (τ-ARGUS "protection levels"); hidden figures are shown alike ("x", whether primary or
// secondary, and whatever their value), so a reader cannot tell a 1–4 from a complementary cell.
// Only fixed periods (Japan months and fiscal years) are published, so two overlapping arbitrary
// ranges cannot be subtracted either; figures change as referrals change status, and two
// publications of the same period at different times are not protected against each other. Each
// scope (the whole network, or one organisation's figures) is protected as its own table set:
// subtracting one organisation's report from the network's is not yet covered (the organisation
// reports would have to join the network's set as further relations).
//
// Cost (measured, see tests/integration/reports-cost.spec.ts and report-protection.spec.ts): on
// the demo seed 252 of 15,433 figures are hidden as 1–4 and 4 more as complements (all networks,
// scopes and two fiscal years); on the bench's million referrals (515,086 in FY2025) none, as no
// cell is small.
//
// Sources: Hundepool et al., "Statistical Disclosure Control" (Wiley 2012; the ESSnet/Eurostat
// handbook), ch. 5 "Frequency tables" (primary and secondary suppression, linked tables); ONS,
// "Disclosure control guidance for tables produced from administrative sources"; Langsrud,
// "Secondary cell suppression by Gaussian elimination" (GaussSuppression, Statistics Norway);
// 総務省統計局 e-Stat convention of "x" for 秘匿 (confidential) cells.
import { SMALL_CELL_MAX } from './reports';

/** `total = Σ parts`: one published sum (a row, a column, a report total, a year of months). */
export interface AdditiveRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

export interface SuppressionResult {
  /** Every hidden figure (primary and secondary). */
  readonly suppressed: ReadonlySet<string>;
  readonly primary: number;
  readonly secondary: number;
}

/** A count from 1 to SMALL_CELL_MAX: hidden whatever else is published. */
export function isSmallCount(count: number): boolean {
  return count >= 1 && count <= SMALL_CELL_MAX;
}

const EPSILON = 1e-9;

/**
 * The hidden figures that the relations determine exactly, given every other figure published.
 * Row-reduces the relations restricted to the hidden figures; a hidden figure is determined
 * exactly when a row of the reduced echelon form is its unit vector.
 */
export function exactlyDetermined(relations: readonly AdditiveRelation[], suppressed: ReadonlySet<string>): string[] {
  const variables = [...suppressed];
  const index = new Map(variables.map((id, position) => [id, position]));
  const rows: Array<Map<number, number>> = [];
  for (const relation of relations) {
    const row = new Map<number, number>();
    const add = (id: string, coefficient: number) => {
      const column = index.get(id);
      if (column === undefined) return;
      const value = (row.get(column) ?? 0) + coefficient;
      if (Math.abs(value) < EPSILON) row.delete(column);
      else row.set(column, value);
    };
    add(relation.total, -1);
    for (const part of relation.parts) add(part, 1);
    if (row.size > 0) rows.push(row);
  }
  // Gauss–Jordan elimination on sparse rows.
  const pivots: Array<{ column: number; row: Map<number, number> }> = [];
  for (let column = 0; column < variables.length; column++) {
    const found = rows.findIndex((row) => Math.abs(row.get(column) ?? 0) > EPSILON);
    if (found < 0) continue;
    const [pivotRow] = rows.splice(found, 1);
    const scale = pivotRow.get(column) as number;
    for (const [key, value] of pivotRow) pivotRow.set(key, value / scale);
    const eliminate = (row: Map<number, number>) => {
      const factor = row.get(column);
      if (factor === undefined) return;
      for (const [key, value] of pivotRow) {
        const next = (row.get(key) ?? 0) - factor * value;
        if (Math.abs(next) < EPSILON) row.delete(key);
        else row.set(key, next);
      }
    };
    for (const row of rows) eliminate(row);
    for (const pivot of pivots) eliminate(pivot.row);
    pivots.push({ column, row: pivotRow });
  }
  return pivots.filter((pivot) => pivot.row.size === 1).map((pivot) => variables[pivot.column]);
}

/**
 * Primary and secondary suppression of linked tables (see the module's head). `values` holds
 * every figure the relations name; figures in no relation are suppressed when small only.
 */
export function suppressLinkedTables(values: ReadonlyMap<string, number>, relations: readonly AdditiveRelation[]): SuppressionResult {
  const valueOf = (id: string) => {
    const value = values.get(id);
    if (value === undefined) throw new Error(`No value for ${id}`);
    return value;
  };
  const suppressed = new Set<string>();
  for (const [id, value] of values) if (isSmallCount(value)) suppressed.add(id);
  const primary = suppressed.size;
  const byFigure = new Map<string, AdditiveRelation[]>();
  for (const relation of relations) {
    for (const id of [relation.total, ...relation.parts]) {
      valueOf(id);
      byFigure.set(id, [...(byFigure.get(id) ?? []), relation]);
    }
  }
  // Smallest non-zero part first (least information lost), then zeros, the total last; ties by id
  // so the same data always gives the same pattern.
  const rank = (id: string, isTotal: boolean): [number, number, string] => {
    const value = valueOf(id);
    return [isTotal ? 2 : value === 0 ? 1 : 0, value, id];
  };
  const better = (a: [number, number, string], b: [number, number, string]) =>
    a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
  const complementIn = (candidates: readonly AdditiveRelation[], except: string): string | null => {
    let best: [number, number, string] | null = null;
    for (const relation of candidates) {
      for (const [id, isTotal] of [[relation.total, true] as const, ...relation.parts.map((part) => [part, false] as const)]) {
        if (id === except || suppressed.has(id)) continue;
        const candidate = rank(id, isTotal);
        if (!best || better(candidate, best)) best = candidate;
      }
    }
    return best ? best[2] : null;
  };

  for (;;) {
    // The row/column rule to a fixed point.
    let changed = true;
    while (changed) {
      changed = false;
      for (const relation of relations) {
        const hidden = [relation.total, ...relation.parts].filter((id) => suppressed.has(id));
        if (hidden.length !== 1) continue;
        const complement = complementIn([relation], hidden[0]);
        if (complement) {
          suppressed.add(complement);
          changed = true;
        }
      }
    }
    // The exact audit; one more figure next to each determined one, then again.
    const determined = exactlyDetermined(relations, suppressed);
    if (determined.length === 0) break;
    let added = false;
    for (const id of determined) {
      const complement = complementIn(byFigure.get(id) ?? [], id);
      if (complement) {
        suppressed.add(complement);
        added = true;
      }
    }
    if (!added) {
      // Every figure around the determined ones is hidden already: widen to any relation that
      // holds a hidden figure (terminates: each round hides one more figure).
      const widened = complementIn(
        relations.filter((relation) => [relation.total, ...relation.parts].some((id) => suppressed.has(id))),
        '',
      );
      if (!widened) break;
      suppressed.add(widened);
    }
  }
  return { suppressed, primary, secondary: suppressed.size - primary };
}

/**
 * Relations of a two-way table (rows × columns) with its margins: each row's cells sum to the
 * row margin, each column's to the column margin, and both margins to the grand total. Ids are
 * made by the callbacks; a margin (or the total) left null is not published and gives no relation.
 */
export function twoWayRelations<R extends string, C extends string>(table: {
  readonly rows: readonly R[];
  readonly columns: readonly C[];
  readonly cell: (row: R, column: C) => string;
  readonly rowMargin: ((row: R) => string) | null;
  readonly columnMargin: ((column: C) => string) | null;
  readonly total: string | null;
}): AdditiveRelation[] {
  const relations: AdditiveRelation[] = [];
  if (table.rowMargin) {
    for (const row of table.rows) relations.push({ total: table.rowMargin(row), parts: table.columns.map((column) => table.cell(row, column)) });
    if (table.total) relations.push({ total: table.total, parts: table.rows.map((row) => (table.rowMargin as (row: R) => string)(row)) });
  }
  if (table.columnMargin) {
    for (const column of table.columns) relations.push({ total: table.columnMargin(column), parts: table.rows.map((row) => table.cell(row, column)) });
    if (table.total) relations.push({ total: table.total, parts: table.columns.map((column) => (table.columnMargin as (column: C) => string)(column)) });
  }
  return relations;
}

/**
 * A rate in whole percent of part over whole, published only when it reveals no hidden or small
 * count: null when either count is hidden, when the whole is under 5, or when the part or the
 * rest (whole − part) is 1–4 (with the whole known, the rate would give it back exactly).
 */
export function ratePercentIfSafe(part: number, whole: number, hidden: { readonly part: boolean; readonly whole: boolean }): number | null {
  if (hidden.part || hidden.whole) return null;
  if (whole <= SMALL_CELL_MAX || isSmallCount(part) || isSmallCount(whole - part)) return null;
  return Math.round((part * 100) / whole);
}
