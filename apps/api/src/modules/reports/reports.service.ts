// Network reports (DESIGN.md capability 7, 実態把握・評価): who reads which scope, and the reads.
//
// Scope: NETWORK_ADMIN and LIAISON read the whole network, optionally narrowed to one of its
// organisations (the figures that organisation is party to: sender or receiver, publisher or
// applicant, the learners' organisation, either side of a partnership). ORG_ADMIN reads their own
// organisation only: the filter is forced to it, and any other organisation id is NOT_FOUND (as an
// id of another network, or not a UUID, is for everyone), so ids reveal nothing. Anyone else is
// FORBIDDEN. The network map is the network readers' only.
//
// Periods: counts concerning people are published for a whole Japan month or a fiscal year only
// (reportPeriodOf in libs/domain); any other range is refused (BAD_USER_INPUT,
// REPORT_PERIOD_NOT_FIXED) rather than snapped, so a caller never receives figures for a period
// other than the one it asked for. Every people count of a report, its CSV, the annual evaluation
// (CSV, PDF) and the map comes from one protected fiscal year (report-protection.ts: primary and
// secondary suppression over all its months and margins at once).
//
// Referral figures never scan referrals: they read the aggregates the trigger of migration
// 1764470000000 keeps per Japan day of sending and, since 1764490000000, per Japan month (one
// statement with grouping sets for status, month, sender and receiver; one per need category; one
// for the acceptance-time histogram). The whole months of a range come from the monthly cells and
// only the partial months at either end from the daily ones (about 30 times fewer rows a year). Only `overdue`, a current state, reads referrals, through the partial index
// referrals_awaiting_reply_idx (status SENT, by response_due_at). Grants, applications and
// training read their tables through the range indexes of migration 1764480000000.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  fiscalYearOf,
  fiscalYearRange,
  Language,
  mayReadNetworkReports,
  mayReadOrganizationReports,
  monthRange,
  OrganizationKind,
  reportPeriodOf,
  type ReportPeriod,
} from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { assertCan, notFound } from '../../core/authz/authorize';
import { AppError } from '../../core/graphql/app-error';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import {
  DayRange,
  grantFigures,
  japanDayRange,
  partnershipFigures,
  referralFigures,
  REPORTED_CATEGORIES,
  REPORTED_REFERRAL_STATUSES,
  trainingFigures,
} from './report-figures';
import { MonthCell, protectFiscalYear, ProtectedFiscalYear, Slice } from './report-protection';
import {
  acceptanceSql,
  applicationsSql,
  NETWORK_NAME_SQL,
  ORGANIZATION_NAMES_SQL,
  orgFilterOf,
  overdueSql,
  Params,
  partnershipCountsSql,
  partnershipsInEffect,
  publishedGrantsSql,
  referralCategoriesSql,
  referralGroupedSql,
  trainingSql,
} from './report-queries';
import type { NetworkMap, NetworkMapEdge, NetworkReport, ReportInput } from './report.model';
import { requireId } from '../../core/graphql/ids';

const ORGANIZATION = { ja: '団体', en: 'organisation' };

interface Scope {
  readonly period: ReportPeriod;
  readonly range: DayRange;
  readonly organization: { readonly id: string; readonly name: string } | null;
}

/** The instants of a fixed period, as whole Japan days. */
function rangeOfPeriod(period: ReportPeriod): DayRange {
  const { from, to } = period.kind === 'MONTH' ? monthRange(period.month) : fiscalYearRange(period.fiscalYear);
  return japanDayRange(from, to);
}

const PERIOD_NOT_FIXED = {
  ja: '人に関する件数は、1か月（日本時間の月の初日から翌月の初日まで）か1年度（4月1日から翌年の4月1日まで）の単位でのみ集計します。期間を月か年度で選んでください（任意の日付の範囲を引き算すると、秘匿した少ない件数が分かってしまうためです）。',
  en: 'Counts about people are only given for one whole month (first day to the first day of the next month, Japan time) or one fiscal year (1 April to the next 1 April). Choose a month or a fiscal year (subtracting arbitrary date ranges would reveal the small counts that are hidden).',
};
const MAP_FISCAL_YEAR_ONLY = {
  ja: '連携マップの紹介の流れは年度単位（4月1日から翌年の4月1日まで、日本時間）でのみ表示します。年度を選んでください。',
  en: 'The network map shows referral flows for a whole fiscal year only (1 April to the next 1 April, Japan time). Choose a fiscal year.',
};

/** A report with what the CSV and the PDF also print: the organisation's and network's names. */
export interface ReportWithNames {
  readonly report: NetworkReport;
  readonly organizationName: string | null;
  readonly networkName: string;
}

function periodError(message: { ja: string; en: string }, reason: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { reason, fields: { to: message } });
}

const OTHER_ORGANIZATION_SCOPE = {
  ja: 'ほかの団体だけのレポートは表示できません。ネットワーク全体のレポートで、団体ごとの送った数・受けた数をご覧ください（秘匿した数が差し引きで分からないようにするためです）。',
  en: 'A report of another organisation alone is not available. See each organisation’s referrals sent and received in the whole network’s report (so that no hidden count can be worked out by subtraction).',
};

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The report over the input's range (default: the current fiscal year). */
  report(actor: RequestActor, input: ReportInput, language: Language): Promise<ReportWithNames> {
    const period = this.periodOf(input);
    return this.withScope(actor, input.organizationId ?? null, period, (manager, scope) => this.figures(manager, actor, scope, language));
  }

  /** The annual evaluation: the report over one fiscal year (April to March, Japan time). */
  annual(actor: RequestActor, fiscalYear: number, organizationId: string | null, language: Language): Promise<ReportWithNames> {
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
      throw new AppError(
        'BAD_USER_INPUT',
        { ja: '年度は2000から2100までの西暦で指定してください（例: 2025）。', en: 'Give the fiscal year as a year from 2000 to 2100 (e.g. 2025).' },
        { reason: 'REPORT_FISCAL_YEAR_INVALID' },
      );
    }
    return this.withScope(actor, organizationId, { kind: 'FISCAL_YEAR', fiscalYear }, (manager, scope) => this.figures(manager, actor, scope, language));
  }

  /**
   * Organisations, partnerships in effect and referral flows over a fiscal year (default: the
   * current one). The flows are the sender × receiver table of the protected fiscal year, so an
   * edge hidden here stays hidden against the report's senders and receivers.
   */
  map(actor: RequestActor, from: Date | null | undefined, to: Date | null | undefined): Promise<NetworkMap> {
    assertCan(actor, 'read', { __typename: 'NetworkReport' });
    const period = this.periodOf({ from, to });
    if (period.kind !== 'FISCAL_YEAR') throw periodError(MAP_FISCAL_YEAR_ONLY, 'REPORT_PERIOD_NOT_FIXED');
    const range = rangeOfPeriod(period);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const nodes: Array<{ id: string; name: string; kind: OrganizationKind }> = await manager.query(
        `SELECT id, name, kind FROM organizations WHERE tenant_id = $1 ORDER BY name, id`,
        [actor.tenantId],
      );
      const inEffect = new Params(actor.tenantId, range);
      const partnerships: Array<{ organization_id: string; partner_organization_id: string; partnership_type: NetworkMapEdge['partnershipType']; status: NetworkMapEdge['partnershipStatus'] }> =
        await manager.query(
          `SELECT organization_id, partner_organization_id, partnership_type, status FROM partnerships p
            WHERE ${partnershipsInEffect(inEffect)} ORDER BY created_at, id`,
          inEffect.values,
        );
      const year = await this.protectedYear(manager, actor.tenantId, period.fiscalYear, null);
      const flows = year.senders.flatMap((sender) =>
        year.receivers.filter((receiver) => receiver !== sender).map((receiver) => ({ sender, receiver, count: year.flow(sender, receiver) })),
      );
      const edges: NetworkMapEdge[] = [
        ...partnerships.map((row) => ({
          kind: 'PARTNERSHIP' as const,
          sourceId: row.organization_id,
          targetId: row.partner_organization_id,
          partnershipType: row.partnership_type,
          partnershipStatus: row.status,
          referrals: null,
        })),
        ...flows
          .filter((flow) => flow.count.value !== 0)
          .map((flow) => ({
            kind: 'REFERRALS' as const,
            sourceId: flow.sender,
            targetId: flow.receiver,
            partnershipType: null,
            partnershipStatus: null,
            referrals: flow.count,
          })),
      ];
      return { from: range.from, to: range.to, nodes, edges };
    });
  }

  /**
   * The fixed period asked for: neither end given, the current fiscal year; both, exactly one
   * Japan month or one fiscal year (see the head of this file); anything else is refused.
   */
  private periodOf(input: { from?: Date | null; to?: Date | null }): ReportPeriod {
    if (!input.from && !input.to) return { kind: 'FISCAL_YEAR', fiscalYear: fiscalYearOf(this.clock.now()) };
    if (input.from && input.to && input.from.getTime() >= input.to.getTime()) {
      throw periodError({ ja: '期間の終わりは始まりより後にしてください。', en: 'The end of the period must be after its start.' }, 'REPORT_PERIOD_INVALID');
    }
    const period = input.from && input.to ? reportPeriodOf(input.from, input.to) : null;
    if (!period) throw periodError(PERIOD_NOT_FIXED, 'REPORT_PERIOD_NOT_FIXED');
    return period;
  }

  /** Checks the caller and the organisation filter, then runs `work` in the caller's network. */
  private withScope<T>(actor: RequestActor, organizationId: string | null, period: ReportPeriod, work: (manager: EntityManager, scope: Scope) => Promise<T>): Promise<T> {
    let wanted = organizationId;
    if (!mayReadNetworkReports(actor.organizationKind, actor.roles)) {
      if (!mayReadOrganizationReports(actor.roles)) throw new AppError('FORBIDDEN');
      // An org admin's report is their organisation's; naming another one finds nothing.
      if (wanted !== null && wanted !== actor.organizationId) throw notFound(ORGANIZATION);
      wanted = actor.organizationId;
    }
    if (wanted !== null) requireId(wanted, ORGANIZATION);
    if (wanted === null) assertCan(actor, 'read', { __typename: 'NetworkReport' });
    return runInTenant(this.dataSource, actor, async (manager) => {
      let organization: Scope['organization'] = null;
      if (wanted !== null) {
        const rows: Array<{ id: string; name: string }> = await manager.query(`SELECT id, name FROM organizations WHERE tenant_id = $1 AND id = $2`, [
          actor.tenantId,
          wanted,
        ]);
        if (rows.length === 0) throw notFound(ORGANIZATION);
        // Each scope is protected on its own, and a figure hidden in the network's set may be shown in
        // an organisation's (or the other way round), so one reader combining the two could subtract
        // a hidden count back. A network reader therefore reads the network, or their own
        // organisation, whose figures are its own referrals; the network report already lists every
        // organisation as sender and receiver (issue 14, finding 6).
        if (wanted !== actor.organizationId) throw new AppError('FORBIDDEN', OTHER_ORGANIZATION_SCOPE, { reason: 'REPORT_SCOPE_OTHER_ORGANIZATION' });
        assertCan(actor, 'read', { __typename: 'OrganizationReport', organizationId: wanted });
        organization = rows[0];
      }
      return work(manager, { period, range: rangeOfPeriod(period), organization });
    });
  }

  private async figures(manager: EntityManager, actor: RequestActor, scope: Scope, language: Language): Promise<ReportWithNames> {
    const { range, organization } = scope;
    const tenantId = actor.tenantId;
    const orgFilter = orgFilterOf(organization?.id ?? null);

    // Every people count of the period comes from its fiscal year, protected as one table set.
    const fiscalYear = scope.period.fiscalYear;
    const year = await this.protectedYear(manager, tenantId, fiscalYear, organization?.id ?? null);
    const slice: Slice = scope.period.kind === 'MONTH' ? { month: scope.period.month } : 'YEAR';
    const names = await this.organizationNames(manager, tenantId, [...year.senders, ...year.receivers]);
    const acceptance = new Params(tenantId, range);
    const acceptanceHours: Array<{ hours: number; count: number }> = await manager.query(acceptanceSql(acceptance, orgFilter), acceptance.values);
    // The current state: awaiting a reply past the deadline (referrals_awaiting_reply_idx).
    const overdueParams: unknown[] = [tenantId, this.clock.now()];
    if (organization) overdueParams.push(organization.id);
    const [{ count: overdue }]: Array<{ count: number }> = await manager.query(overdueSql(organization !== null), overdueParams);

    // Grants published by the network's organisations (or the organisation) in the range.
    const published = new Params(tenantId, range);
    const [{ count: publishedCount }]: Array<{ count: number }> = await manager.query(publishedGrantsSql(published, orgFilter), published.values);
    // Applications made in the range: by the network's organisations, or to its grants.
    const applications = new Params(tenantId, range);
    const applicationRows: Array<{ key: string; count: number; amount: string }> = await manager.query(
      applicationsSql(applications, organization?.id ?? null),
      applications.values,
    );

    const partnershipParams = new Params(tenantId, range);
    const partnershipRows: Array<{ partnership_type: string; status: string; count: number }> = await manager.query(
      partnershipCountsSql(partnershipParams, orgFilter),
      partnershipParams.values,
    );

    const [{ name: networkName }]: Array<{ name: string }> = await manager.query(NETWORK_NAME_SQL, [tenantId]);

    const report: NetworkReport = {
      from: range.from,
      to: range.to,
      organizationId: organization?.id ?? null,
      referrals: referralFigures(year, slice, { acceptanceHours, overdue: Number(overdue), names }, language),
      grants: grantFigures(
        {
          published: Number(publishedCount),
          applicationsByStatus: applicationRows,
          awardedAmountYen: applicationRows.reduce((sum, row) => sum + Number(row.amount), 0),
        },
        language,
      ),
      training: trainingFigures(year, slice),
      partnerships: partnershipFigures(
        {
          byType: partnershipRows.map((row) => ({ key: row.partnership_type, count: row.count })),
          byStatus: partnershipRows.map((row) => ({ key: row.status, count: row.count })),
        },
        language,
      ),
    };
    return { report, organizationName: organization?.name ?? null, networkName };
  }

  /**
   * The fiscal year's people counts, read from the monthly aggregates (a fiscal year is whole
   * months) and the enrolments, and protected as one linked table set (report-protection.ts).
   * `organizationId` narrows to what that organisation is party to; the network scope also holds
   * the map's sender × receiver flows.
   */
  async protectedYear(manager: EntityManager, tenantId: string, fiscalYear: number, organizationId: string | null): Promise<ProtectedFiscalYear> {
    const { from, to } = fiscalYearRange(fiscalYear);
    const range = japanDayRange(from, to);
    const cells = new Params(tenantId, range);
    const orgFilter = orgFilterOf(organizationId);
    const grouped: Array<{ status: string | null; month: string | null; sender: string | null; receiver: string | null; count: number; set: number }> =
      await manager.query(referralGroupedSql(cells, orgFilter), cells.values);
    // GROUPING's bits, highest first: status, month, sender, receiver (1 = not grouped by it).
    const monthCells = (bits: number, pick: (row: (typeof grouped)[number]) => string | null): MonthCell[] =>
      grouped.filter((row) => Number(row.set) === bits).map((row) => ({ month: row.month ?? '', key: pick(row) ?? '', count: Number(row.count) }));
    const categories = new Params(tenantId, range);
    const byMonthCategory: Array<{ month: string; key: string; count: number }> = await manager.query(
      referralCategoriesSql(categories, orgFilter),
      categories.values,
    );
    // Training of the network's members (or the organisation's), per Japan month of the year.
    const training = new Params(tenantId, range);
    const trainingRows: Array<{ month: string; enrolments: number; completions: number; completed_enrolments: number }> = await manager.query(
      trainingSql(training, orgFilter),
      training.values,
    );
    return protectFiscalYear(
      {
        fiscalYear,
        byMonthStatus: monthCells(0b0011, (row) => row.status),
        byMonthSender: monthCells(0b1001, (row) => row.sender),
        byMonthReceiver: monthCells(0b1010, (row) => row.receiver),
        byMonthCategory: byMonthCategory.map((row) => ({ month: row.month, key: row.key, count: Number(row.count) })),
        flows: organizationId
          ? null
          : grouped.filter((row) => Number(row.set) === 0b1100).map((row) => ({ sender: row.sender ?? '', receiver: row.receiver ?? '', count: Number(row.count) })),
        training: trainingRows.map((row) => ({
          month: row.month,
          enrolments: Number(row.enrolments),
          completions: Number(row.completions),
          completedEnrolments: Number(row.completed_enrolments),
        })),
      },
      REPORTED_REFERRAL_STATUSES,
      REPORTED_CATEGORIES,
    );
  }

  private async organizationNames(manager: EntityManager, tenantId: string, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await manager.query(ORGANIZATION_NAMES_SQL, [
      tenantId,
      unique,
    ]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

