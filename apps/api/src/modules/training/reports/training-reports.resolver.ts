// Training reports over GraphQL: the figures, their CSV and the xAPI statements (thin; the
// scope and the figures are TrainingReportsService's and training-report-figures.ts's).
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../../core/auth/actor';
import { CurrentActor } from '../../../core/auth/auth.decorators';
import { HttpRequest, LANGUAGE_ARG, languageOf } from '../../../core/graphql/request-language';
import { trainingReportCsv } from './training-report-figures';
import { TrainingReport, TrainingReportInput } from './training-report.model';
import { TrainingReportsService } from './training-reports.service';

const SCOPE = "Trainers: their organisation's courses; org admins: their organisation's members; both: either. Others: FORBIDDEN.";

@Resolver()
export class TrainingReportsResolver {
  constructor(private readonly reports: TrainingReportsService) {}

  @Query(() => TrainingReport, { description: `Enrolments, completions, overdue assignments and quiz pass rates. ${SCOPE}` })
  trainingReport(
    @CurrentActor() actor: RequestActor,
    @Args('input', { type: () => TrainingReportInput, nullable: true }) input?: TrainingReportInput,
  ): Promise<TrainingReport> {
    return this.reports.report(actor, input ?? {});
  }

  @Query(() => String, { description: `The report as CSV (UTF-8 with BOM, CRLF), one row per organisation × course. ${SCOPE}` })
  async trainingReportCsv(
    @CurrentActor() actor: RequestActor,
    @Context('req') request: HttpRequest,
    @Args('input', { type: () => TrainingReportInput, nullable: true }) input?: TrainingReportInput,
    @Args('language', LANGUAGE_ARG) language?: string,
  ): Promise<string> {
    const { groups, quizzes } = await this.reports.csvGroups(actor, input ?? {});
    return trainingReportCsv(groups, quizzes, languageOf(request, language));
  }

  @Query(() => String, {
    description: `The learning records in scope as a JSON array of xAPI 1.0.3 statements (registered, passed/failed, completed). ${SCOPE}`,
  })
  async trainingXapiStatements(
    @CurrentActor() actor: RequestActor,
    @Args('input', { type: () => TrainingReportInput, nullable: true }) input?: TrainingReportInput,
  ): Promise<string> {
    return JSON.stringify(await this.reports.xapi(actor, input ?? {}));
  }
}
