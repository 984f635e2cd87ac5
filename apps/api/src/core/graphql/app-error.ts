// The error a service throws when a person can do something about it. It carries a stable
// code and a message in both languages; the response picks the caller's language.
import { DEFAULT_ERROR_MESSAGES, ErrorCode, LocalizedText } from '@tsunagu/domain';
import { GraphQLError } from 'graphql';

export interface AppErrorDetails {
  /** Input fields at fault, for BAD_USER_INPUT, so a form can point at them. */
  readonly fields?: Readonly<Record<string, LocalizedText>>;
  /** A machine-readable reason narrower than the code, e.g. "QUERY_TOO_COMPLEX". */
  readonly reason?: string;
  /** HTTP status for errors raised before execution (Apollo would otherwise answer 500). */
  readonly httpStatus?: number;
  /** For a throttled request: whole seconds until it may be tried again (like HTTP Retry-After). */
  readonly retryAfterSeconds?: number;
}

export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  readonly localized: LocalizedText;

  constructor(code: ErrorCode, message: LocalizedText = DEFAULT_ERROR_MESSAGES[code], details: AppErrorDetails = {}) {
    super(message.en, {
      extensions: {
        code,
        ...(details.reason ? { reason: details.reason } : {}),
        ...(details.fields ? { fields: details.fields } : {}),
        ...(details.httpStatus ? { http: { status: details.httpStatus } } : {}),
        ...(details.retryAfterSeconds ? { retryAfterSeconds: details.retryAfterSeconds } : {}),
      },
    });
    this.name = 'AppError';
    this.code = code;
    this.localized = message;
  }
}
