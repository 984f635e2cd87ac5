// Network reports over GraphQL: the figures, their CSV, the network map and the annual
// evaluation CSV (thin; scope and reads are ReportsService's, the arithmetic report-figures.ts's).
import { Args, Context, GraphQLISODateTime, Int, Query, Resolver } from '@nestjs/graphql';
import { IdArg } from '../../core/graphql/id-args';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { HttpRequest, LANGUAGE_ARG, languageOf } from '../../core/graphql/request-language';
import { annualTitle } from './annual-evaluation';
import { reportCsv, reportSections } from './report-figures';
import { NetworkMap, NetworkReport, ReportInput } from './report.model';
import { ReportsService } from './reports.service';

const SCOPE =
  'Network admins and liaisons: the whole network, or one of its organisations; org admins: their own organisation (another id is NOT_FOUND). Others: FORBIDDEN.';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => NetworkReport, { description: `Referral, grant, training and partnership figures of one Japan month or fiscal year. ${SCOPE}` })
  async networkReport(
    @CurrentActor() actor: RequestActor,
    @Context('req') request: HttpRequest,
    @Args('input', { type: () => ReportInput, nullable: true }) input?: ReportInput,
    @Args('language', LANGUAGE_ARG) language?: string,
  ): Promise<NetworkReport> {
    return (await this.reports.report(actor, input ?? {}, languageOf(request, language))).report;
  }

  @Query(() => String, { description: `The report as CSV (UTF-8 with BOM, CRLF): section,key,label,value; hidden cells as x. ${SCOPE}` })
  async networkReportCsv(
    @CurrentActor() actor: RequestActor,
    @Context('req') request: HttpRequest,
    @Args('input', { type: () => ReportInput, nullable: true }) input?: ReportInput,
    @Args('language', LANGUAGE_ARG) language?: string,
  ): Promise<string> {
    const chosen = languageOf(request, language);
    const { report, organizationName } = await this.reports.report(actor, input ?? {}, chosen);
    return reportCsv(reportSections(report, organizationName, chosen), chosen);
  }

  @Query(() => NetworkMap, { description: 'Organisations of the network, partnerships in effect and referral flows over one fiscal year: from/to exactly 1 April to the next 1 April, Japan time (default: the current fiscal year; another period is BAD_USER_INPUT, REPORT_PERIOD_NOT_FIXED). Network admins and liaisons.' })
  networkMap(
    @CurrentActor() actor: RequestActor,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true }) from?: Date | null,
    @Args('to', { type: () => GraphQLISODateTime, nullable: true }) to?: Date | null,
  ): Promise<NetworkMap> {
    return this.reports.map(actor, from, to);
  }

  @Query(() => String, { description: `The annual evaluation of a fiscal year (April to March, Japan time) as CSV, like networkReportCsv with its title first. ${SCOPE}` })
  async annualEvaluationCsv(
    @CurrentActor() actor: RequestActor,
    @Context('req') request: HttpRequest,
    @Args('fiscalYear', { type: () => Int }) fiscalYear: number,
    @IdArg('organizationId', { nullable: true }) organizationId?: string | null,
    @Args('language', LANGUAGE_ARG) language?: string,
  ): Promise<string> {
    const chosen = languageOf(request, language);
    const { report, organizationName } = await this.reports.annual(actor, fiscalYear, organizationId ?? null, chosen);
    return reportCsv(reportSections(report, organizationName, chosen, annualTitle(fiscalYear, chosen)), chosen);
  }
}
