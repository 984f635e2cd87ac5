// The one protected table set of a fiscal year, from which every people count of the reports is
// published: the report of the year and of each of its months (GraphQL, CSV), the annual
// evaluation (CSV, PDF) and the network map's referral flows. They all read figures of this set,
// never recompute, so a figure hidden in one is hidden in all, and the secondary suppression of
// libs/domain (disclosure-control.ts) sees every sum a reader could subtract:
//
//   month × status     rows: the months' totals, columns: the year's statuses, total: the year
//   month × sender     rows: the same months' totals, columns: the year's senders, total: the year
//   month × receiver   likewise
//   month × need       columns only (a referral may name several needs, so a month's needs do
//                      not add up to its total)
//   sender × receiver  the year's flows (network map), rows and columns: the year's senders and
//                      receivers (network scope only; an organisation's report has no map)
//   training           the year's enrolments = Σ its months', completions likewise
//
// A month's report is one row of each table (its total is the month's total, the same figure as
// the year's month cell); the year's report is the margins. Both are published from one
// suppression pattern, so "year minus the other months" finds every hidden month hidden twice.
import { exactlyDetermined, fiscalYearMonths, protectedCount, suppressLinkedTables, twoWayRelations, type AdditiveRelation, type ReportCount } from '@tsunagu/domain';

export interface MonthCell {
  readonly month: string;
  readonly key: string;
  readonly count: number;
}

export interface TrainingMonth {
  readonly month: string;
  readonly enrolments: number;
  readonly completions: number;
  /** Enrolments made in the month and completed by now: the completion rate's numerator. */
  readonly completedEnrolments: number;
}

export interface FiscalYearRows {
  readonly fiscalYear: number;
  readonly byMonthStatus: readonly MonthCell[];
  readonly byMonthSender: readonly MonthCell[];
  readonly byMonthReceiver: readonly MonthCell[];
  readonly byMonthCategory: readonly MonthCell[];
  /** The year's referral flows sender → receiver; null when the scope publishes no map. */
  readonly flows: ReadonlyArray<{ readonly sender: string; readonly receiver: string; readonly count: number }> | null;
  readonly training: readonly TrainingMonth[];
}

/** Where a figure sits: a month's row or the year's margin. */
export type Slice = { readonly month: string } | 'YEAR';

/** The ids of the figures of the set (stable text keys). */
const id = {
  total: (slice: Slice) => (slice === 'YEAR' ? 'T' : `M|${slice.month}`),
  status: (slice: Slice, status: string) => (slice === 'YEAR' ? `S|${status}` : `MS|${slice.month}|${status}`),
  sender: (slice: Slice, organization: string) => (slice === 'YEAR' ? `SND|${organization}` : `MSND|${slice.month}|${organization}`),
  receiver: (slice: Slice, organization: string) => (slice === 'YEAR' ? `RCV|${organization}` : `MRCV|${slice.month}|${organization}`),
  category: (slice: Slice, category: string) => (slice === 'YEAR' ? `CAT|${category}` : `MCAT|${slice.month}|${category}`),
  flow: (sender: string, receiver: string) => `F|${sender}|${receiver}`,
  enrolments: (slice: Slice) => (slice === 'YEAR' ? 'TE' : `TE|${slice.month}`),
  completions: (slice: Slice) => (slice === 'YEAR' ? 'TC' : `TC|${slice.month}`),
};

export interface ProtectedFiscalYear {
  readonly months: readonly string[];
  /** Organisations with any referral in the year (senders and receivers). */
  readonly senders: readonly string[];
  readonly receivers: readonly string[];
  readonly total: (slice: Slice) => ReportCount;
  readonly status: (slice: Slice, status: string) => ReportCount;
  readonly sender: (slice: Slice, organization: string) => ReportCount;
  readonly receiver: (slice: Slice, organization: string) => ReportCount;
  readonly category: (slice: Slice, category: string) => ReportCount;
  readonly flow: (sender: string, receiver: string) => ReportCount;
  readonly enrolments: (slice: Slice) => ReportCount;
  readonly completions: (slice: Slice) => ReportCount;
  /** Enrolments of the slice completed by now (never published; for the rate only). */
  readonly completedEnrolments: (slice: Slice) => number;
  /** The true count of a status (for rates, which ratePercentIfSafe guards). */
  readonly statusValue: (slice: Slice, status: string) => number;
  /** How many figures were hidden, and of how many counts concerning people. */
  readonly cost: { readonly figures: number; readonly primary: number; readonly secondary: number };
  /** The hidden figures the published ones determine exactly (none: the audit the tests run). */
  readonly determined: () => string[];
}

/**
 * Protects the year's figures as one linked table set (see the head of this file). `statuses`
 * and `categories` are every code a report lists (zeros included, as they are published).
 */
export function protectFiscalYear(rows: FiscalYearRows, statuses: readonly string[], categories: readonly string[]): ProtectedFiscalYear {
  const months = fiscalYearMonths(rows.fiscalYear);
  const sum = (cells: readonly MonthCell[], keep: (cell: MonthCell) => boolean) => cells.filter(keep).reduce((total, cell) => total + Number(cell.count), 0);
  const keysOf = (cells: readonly MonthCell[]) => [...new Set(cells.filter((cell) => Number(cell.count) > 0).map((cell) => cell.key))].sort();
  const senders = keysOf(rows.byMonthSender);
  const receivers = keysOf(rows.byMonthReceiver);
  const values = new Map<string, number>();
  const slices: Slice[] = [...months.map((month) => ({ month })), 'YEAR'];
  const inSlice = (slice: Slice) => (cell: MonthCell) => slice === 'YEAR' || cell.month === slice.month;

  for (const slice of slices) {
    values.set(id.total(slice), sum(rows.byMonthStatus, inSlice(slice)));
    for (const status of statuses) values.set(id.status(slice, status), sum(rows.byMonthStatus, (cell) => inSlice(slice)(cell) && cell.key === status));
    for (const sender of senders) values.set(id.sender(slice, sender), sum(rows.byMonthSender, (cell) => inSlice(slice)(cell) && cell.key === sender));
    for (const receiver of receivers) values.set(id.receiver(slice, receiver), sum(rows.byMonthReceiver, (cell) => inSlice(slice)(cell) && cell.key === receiver));
    for (const category of categories) values.set(id.category(slice, category), sum(rows.byMonthCategory, (cell) => inSlice(slice)(cell) && cell.key === category));
    const training = rows.training.filter((row) => slice === 'YEAR' || row.month === slice.month);
    values.set(id.enrolments(slice), training.reduce((total, row) => total + Number(row.enrolments), 0));
    values.set(id.completions(slice), training.reduce((total, row) => total + Number(row.completions), 0));
  }
  const flows = rows.flows;
  if (flows) {
    for (const sender of senders) {
      for (const receiver of receivers) {
        if (sender === receiver) continue;
        values.set(
          id.flow(sender, receiver),
          flows.filter((flow) => flow.sender === sender && flow.receiver === receiver).reduce((total, flow) => total + Number(flow.count), 0),
        );
      }
    }
  }

  const month = (m: string): Slice => ({ month: m });
  /**
   * One breakdown (by status, sender…) month by month: each value's months add up to its year
   * figure; with monthTotals, each month's values add up to the month's total too.
   */
  const monthly = (columns: readonly string[], of: (slice: Slice, column: string) => string, monthTotals: boolean, total: string | null) =>
    twoWayRelations({
      rows: months,
      columns,
      cell: (m, column) => of(month(m), column),
      rowMargin: monthTotals ? (m) => id.total(month(m)) : null,
      columnMargin: (column) => of('YEAR', column),
      total,
    });
  const relations: AdditiveRelation[] = [
    ...monthly(statuses, id.status, true, id.total('YEAR')),
    ...monthly(senders, id.sender, true, null),
    { total: id.total('YEAR'), parts: senders.map((sender) => id.sender('YEAR', sender)) },
    ...monthly(receivers, id.receiver, true, null),
    { total: id.total('YEAR'), parts: receivers.map((receiver) => id.receiver('YEAR', receiver)) },
    ...monthly(categories, id.category, false, null),
    { total: id.enrolments('YEAR'), parts: months.map((m) => id.enrolments(month(m))) },
    { total: id.completions('YEAR'), parts: months.map((m) => id.completions(month(m))) },
  ];
  if (flows) {
    for (const sender of senders) relations.push({ total: id.sender('YEAR', sender), parts: receivers.filter((receiver) => receiver !== sender).map((receiver) => id.flow(sender, receiver)) });
    for (const receiver of receivers) relations.push({ total: id.receiver('YEAR', receiver), parts: senders.filter((sender) => sender !== receiver).map((sender) => id.flow(sender, receiver)) });
  }
  const result = suppressLinkedTables(values, relations);
  const count = (key: string) => protectedCount(values.get(key) ?? 0, result.suppressed.has(key));

  return {
    months,
    senders,
    receivers,
    total: (slice) => count(id.total(slice)),
    status: (slice, status) => count(id.status(slice, status)),
    sender: (slice, organization) => count(id.sender(slice, organization)),
    receiver: (slice, organization) => count(id.receiver(slice, organization)),
    category: (slice, category) => count(id.category(slice, category)),
    flow: (sender, receiver) => count(id.flow(sender, receiver)),
    enrolments: (slice) => count(id.enrolments(slice)),
    completions: (slice) => count(id.completions(slice)),
    completedEnrolments: (slice) =>
      rows.training.filter((row) => slice === 'YEAR' || row.month === slice.month).reduce((total, row) => total + Number(row.completedEnrolments), 0),
    statusValue: (slice, status) => values.get(id.status(slice, status)) ?? 0,
    cost: { figures: values.size, primary: result.primary, secondary: result.secondary },
    determined: () => exactlyDetermined(relations, result.suppressed),
  };
}
