// GET /api/reports/annual/<fiscalYear>.pdf[?organizationId=…] — the annual evaluation as a PDF in
// Japanese, signed in by the bearer token like GraphQL (the global guard). The scope is the
// report's (ReportsService): network readers for the network or one organisation, org admins
// for their own.
import { japanDate } from '@tsunagu/domain';
import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { HttpAppErrorFilter } from '../../core/files/http-app-error.filter';
import { AppError } from '../../core/graphql/app-error';
import { Clock } from '../../core/time/clock';
import { renderAnnualEvaluationPdf } from './annual-evaluation-pdf';
import { annualTitle } from './annual-evaluation';
import { reportSections } from './report-figures';
import { ReportsService } from './reports.service';

@Controller('api/reports')
@UseFilters(HttpAppErrorFilter)
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  @Get('annual/:file')
  async annualPdf(
    @CurrentActor() actor: RequestActor,
    @Param('file') file: string,
    @Query('organizationId') organizationId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const match = /^(\d{4})\.pdf$/.exec(file);
    if (!match) {
      throw new AppError(
        'NOT_FOUND',
        { ja: '年度報告は /api/reports/annual/2025.pdf の形で指定してください。', en: 'Ask for an annual report as /api/reports/annual/2025.pdf.' },
        { reason: 'REPORT_FISCAL_YEAR_INVALID' },
      );
    }
    const fiscalYear = Number(match[1]);
    const { report, organizationName, networkName } = await this.reports.annual(actor, fiscalYear, organizationId || null, 'ja');
    const title = annualTitle(fiscalYear, 'ja');
    const pdf = await renderAnnualEvaluationPdf({
      title,
      networkName,
      sections: reportSections(report, organizationName, 'ja', title),
      generatedOn: japanDate(this.clock.now()),
    });
    await reply
      .status(200)
      .headers({
        'content-type': 'application/pdf',
        'content-length': String(pdf.length),
        'content-disposition': contentDisposition(`施策の評価・検証-${fiscalYear}年度.pdf`, { type: 'attachment' }),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      })
      .send(pdf);
  }
}
