// The report's statements, apart from ReportsService so that `npm run bench` (tools/bench) runs
// and EXPLAINs the very statements the API runs rather than copies of them. No Nest or TypeORM
// import, so the bench loads this file on its own.
//
// Each statement takes a Params that numbers its parameters as they are first used, and an
// OrgFilter that narrows it to one organisation ('' for the whole network); both are called in
// the order the text is built, so the numbering is the service's.
import { DayRange, wholeMonthsOf } from './report-figures';

/** A referral aggregate at both granularities (the same columns; `day` or `month` keys the cells). */
export interface ReferralCells {
  readonly daily: string;
  readonly monthly: string;
}
export const REFERRAL_STATUS_CELLS: ReferralCells = { daily: 'referral_daily_stats', monthly: 'referral_monthly_stats' };
export const REFERRAL_CATEGORY_CELLS: ReferralCells = { daily: 'referral_category_daily_stats', monthly: 'referral_category_monthly_stats' };
export const REFERRAL_ACCEPTANCE_CELLS: ReferralCells = { daily: 'referral_acceptance_stats', monthly: 'referral_acceptance_monthly_stats' };

/**
 * One statement's parameters, each added when first used: PostgreSQL cannot type a parameter a
 * statement does not reference, so a statement carries exactly those it uses.
 */
export class Params {
  readonly values: unknown[] = [];
  private readonly placeholders = new Map<string, string>();
  constructor(
    private readonly tenantId: string,
    private readonly range: DayRange,
  ) {}
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  private named(name: string, value: unknown, cast: string): string {
    let placeholder = this.placeholders.get(name);
    if (!placeholder) {
      placeholder = `${this.add(value)}::${cast}`;
      this.placeholders.set(name, placeholder);
    }
    return placeholder;
  }
  get tenant(): string {
    return this.named('tenant', this.tenantId, 'uuid');
  }
  /** The range's first instant (inclusive). */
  get from(): string {
    return this.named('from', this.range.from, 'timestamptz');
  }
  /** The range's end (exclusive). */
  get to(): string {
    return this.named('to', this.range.to, 'timestamptz');
  }
  get fromDay(): string {
    return this.named('fromDay', this.range.fromDay, 'date');
  }
  get toDay(): string {
    return this.named('toDay', this.range.toDay, 'date');
  }
  /** The first whole month's first day (toDay when the range holds no whole month). */
  get wholeMonthsFrom(): string {
    return this.named('wholeMonthsFrom', wholeMonthsOf(this.range).from, 'date');
  }
  /** The first day after the whole months (toDay when the range holds no whole month). */
  get wholeMonthsTo(): string {
    return this.named('wholeMonthsTo', wholeMonthsOf(this.range).to, 'date');
  }
  /**
   * The range's cells of one referral aggregate as a derived table `cells` (day, columns,
   * referrals): the whole months from the monthly table, keyed by their first day, and the days
   * of the partial months at either end from the daily one. `filter` (an AND clause or '')
   * narrows both.
   */
  referralCells(tables: ReferralCells, columns: string, filter: string): string {
    return `(SELECT day, ${columns}, referrals FROM ${tables.daily}
              WHERE tenant_id = ${this.tenant}
                AND ((day >= ${this.fromDay} AND day < ${this.wholeMonthsFrom}) OR (day >= ${this.wholeMonthsTo} AND day < ${this.toDay}))${filter}
             UNION ALL
             SELECT month, ${columns}, referrals FROM ${tables.monthly}
              WHERE tenant_id = ${this.tenant} AND month >= ${this.wholeMonthsFrom} AND month < ${this.wholeMonthsTo}${filter}) cells`;
  }
}

/** An AND clause keeping the rows where one of `columns` is the organisation ('' for the network). */
export type OrgFilter = (params: Params, ...columns: string[]) => string;

export function orgFilterOf(organizationId: string | null): OrgFilter {
  return (params, ...columns) => {
    if (!organizationId) return '';
    const org = params.add(organizationId);
    return ` AND (${columns.map((column) => `${column} = ${org}`).join(' OR ')})`;
  };
}

/** protectedYear: month × status, month × sender, month × receiver and the sender × receiver flows, in one pass. */
export function referralGroupedSql(cells: Params, orgFilter: OrgFilter): string {
  return `SELECT status, to_char(day, 'YYYY-MM') AS month, sender_organization_id AS sender, receiver_organization_id AS receiver,
                sum(referrals)::int AS count,
                GROUPING(status, to_char(day, 'YYYY-MM'), sender_organization_id, receiver_organization_id) AS set
           FROM ${cells.referralCells(REFERRAL_STATUS_CELLS, 'sender_organization_id, receiver_organization_id, status', orgFilter(cells, 'sender_organization_id', 'receiver_organization_id'))}
          GROUP BY GROUPING SETS ((to_char(day, 'YYYY-MM'), status), (to_char(day, 'YYYY-MM'), sender_organization_id),
                                  (to_char(day, 'YYYY-MM'), receiver_organization_id), (sender_organization_id, receiver_organization_id))`;
}

/** protectedYear: month × need. */
export function referralCategoriesSql(categories: Params, orgFilter: OrgFilter): string {
  return `SELECT to_char(day, 'YYYY-MM') AS month, category AS key, sum(referrals)::int AS count
         FROM ${categories.referralCells(REFERRAL_CATEGORY_CELLS, 'category', orgFilter(categories, 'sender_organization_id', 'receiver_organization_id'))}
        GROUP BY 1, 2`;
}

/** protectedYear: training of the network's members (or the organisation's), per Japan month. */
export function trainingSql(training: Params, orgFilter: OrgFilter): string {
  const month = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')`;
  return `SELECT m.month, count(*) FILTER (WHERE m.enrolled)::int AS enrolments, count(*) FILTER (WHERE m.completed)::int AS completions,
              count(*) FILTER (WHERE m.enrolled AND m.completed_at IS NOT NULL)::int AS completed_enrolments
         FROM (SELECT ${month('e.created_at')} AS month, true AS enrolled, false AS completed, e.completed_at
                 FROM course_enrolments e
                WHERE e.tenant_id = ${training.tenant} AND e.created_at >= ${training.from} AND e.created_at < ${training.to}${orgFilter(training, 'e.organization_id')}
               UNION ALL
               SELECT ${month('e.completed_at')}, false, true, e.completed_at
                 FROM course_enrolments e
                WHERE e.tenant_id = ${training.tenant} AND e.completed_at >= ${training.from} AND e.completed_at < ${training.to}${orgFilter(training, 'e.organization_id')}) m
        GROUP BY m.month`;
}

/** figures: the acceptance-hour histogram of the period. */
export function acceptanceSql(acceptance: Params, orgFilter: OrgFilter): string {
  return `SELECT hours, sum(referrals)::int AS count
         FROM ${acceptance.referralCells(REFERRAL_ACCEPTANCE_CELLS, 'hours', orgFilter(acceptance, 'sender_organization_id', 'receiver_organization_id'))}
        GROUP BY hours`;
}

/**
 * figures: the current state, awaiting a reply past the deadline (referrals_awaiting_reply_idx):
 * $1 tenant, $2 now, $3 the organisation when `byOrganization`.
 */
export function overdueSql(byOrganization: boolean): string {
  const org = byOrganization ? ` AND (sender_organization_id = $3 OR receiver_organization_id = $3)` : '';
  return `SELECT count(*)::int AS count FROM referrals WHERE tenant_id = $1 AND status = 'SENT' AND response_due_at < $2${org}`;
}

/** figures: grants published by the network's organisations (or the organisation) in the range. */
export function publishedGrantsSql(published: Params, orgFilter: OrgFilter): string {
  return `SELECT count(*)::int AS count FROM grants
        WHERE tenant_id = ${published.tenant} AND published_at >= ${published.from} AND published_at < ${published.to}${orgFilter(published, 'organization_id')}`;
}

/** figures: applications made in the range, by the network's organisations or to its grants. */
export function applicationsSql(applications: Params, organizationId: string | null): string {
  const applicationOrg = organizationId
    ? (() => {
        const org = applications.add(organizationId);
        return ` AND ((a.tenant_id = ${applications.tenant} AND a.organization_id = ${org}) OR (a.grant_tenant_id = ${applications.tenant} AND g.organization_id = ${org}))`;
      })()
    : '';
  return `SELECT a.status AS key, count(*)::int AS count, coalesce(sum(a.amount_awarded), 0)::text AS amount
         FROM grant_applications a
         LEFT JOIN grants g ON g.tenant_id = a.grant_tenant_id AND g.id = a.grant_id
        WHERE (a.tenant_id = ${applications.tenant} OR a.grant_tenant_id = ${applications.tenant})
          AND a.created_at >= ${applications.from} AND a.created_at < ${applications.to}${applicationOrg}
        GROUP BY a.status`;
}

/**
 * Partnerships in effect during the range: recorded before its end, and their period (open
 * ends allowed) overlapping its days. Counted by their current type and status.
 */
export function partnershipsInEffect(params: Params): string {
  return `p.tenant_id = ${params.tenant} AND p.created_at < ${params.to}
        AND (p.starts_on IS NULL OR p.starts_on < ${params.toDay}) AND (p.ends_on IS NULL OR p.ends_on >= ${params.fromDay})`;
}

/** figures: partnerships in effect by type and status. */
export function partnershipCountsSql(params: Params, orgFilter: OrgFilter): string {
  return `SELECT partnership_type, status, count(*)::int AS count FROM partnerships p
        WHERE ${partnershipsInEffect(params)}${orgFilter(params, 'p.organization_id', 'p.partner_organization_id')}
        GROUP BY partnership_type, status`;
}

/** $1 tenant, $2 the organisations' ids. */
export const ORGANIZATION_NAMES_SQL = `SELECT id, name FROM organizations WHERE tenant_id = $1 AND id = ANY($2::uuid[])`;
/** $1 tenant. */
export const NETWORK_NAME_SQL = `SELECT name FROM networks WHERE id = $1`;
