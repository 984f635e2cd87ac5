// AppErrors of plain HTTP routes (the files endpoints) as JSON in the GraphQL error shape the
// web already reads — `{ errors: [{ message, extensions: { code, reason } }] }` — with the HTTP
// status their code means and the message in the caller's language (Accept-Language).
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { preferredLanguage } from '@tsunagu/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../graphql/app-error';

const STATUS: Record<AppError['code'], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

export function httpStatusOf(error: AppError): number {
  if (error.extensions['reason'] === 'FILE_TOO_LARGE') return 413;
  return STATUS[error.code] ?? 500;
}

@Catch(AppError)
export class HttpAppErrorFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers['accept-language'];
    const language = preferredLanguage(Array.isArray(header) ? header[0] : header);
    const { code, reason, fields } = error.extensions as { code: string; reason?: string; fields?: unknown };
    void reply
      .status(httpStatusOf(error))
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message: error.localized[language], extensions: { code, ...(reason ? { reason } : {}), ...(fields ? { fields } : {}) } }] });
  }
}
