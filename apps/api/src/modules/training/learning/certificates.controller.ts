// GET /api/training/certificates/:id/pdf — the certificate of completion as a PDF, signed in by
// the bearer token like GraphQL (the global guard). Only the learner and the organisation admins
// of the learner's organisation get it; for anyone else it does not exist (CertificatesService.pdf).
import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { RequestActor } from '../../../core/auth/actor';
import { CurrentActor } from '../../../core/auth/auth.decorators';
import { HttpAppErrorFilter } from '../../../core/files/http-app-error.filter';
import { CertificatesService } from './certificates.service';

@Controller('api/training/certificates')
@UseFilters(HttpAppErrorFilter)
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':id/pdf')
  async pdf(@CurrentActor() actor: RequestActor, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { code, pdf } = await this.certificates.pdf(actor, id);
    await reply
      .status(200)
      .headers({
        'content-type': 'application/pdf',
        'content-length': String(pdf.length),
        'content-disposition': contentDisposition(`修了証-${code}.pdf`, { type: 'attachment' }),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      })
      .send(pdf);
  }
}
