// Every error leaving the API passes through here: it gets one of the stable codes, and in
// production nothing internal (stack traces, SQL, driver messages) reaches the client.
import { HttpException } from '@nestjs/common';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { DEFAULT_ERROR_MESSAGES, ErrorCode, isErrorCode, LocalizedText } from '@tsunagu/domain';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from './app-error';

/** Where formatError leaves both languages for the localising plugin to choose from. */
export const LOCALIZED_MESSAGE_KEY = 'localizedMessage';

const apolloCodeMap: Record<string, ErrorCode> = {
  [ApolloServerErrorCode.GRAPHQL_PARSE_FAILED]: 'BAD_USER_INPUT',
  [ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED]: 'BAD_USER_INPUT',
  [ApolloServerErrorCode.BAD_USER_INPUT]: 'BAD_USER_INPUT',
  [ApolloServerErrorCode.BAD_REQUEST]: 'BAD_USER_INPUT',
  [ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE]: 'BAD_USER_INPUT',
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND]: 'BAD_USER_INPUT',
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED]: 'BAD_USER_INPUT',
};

const httpStatusMap: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

export interface FormatErrorOptions {
  readonly exposeInternals: boolean;
  readonly onInternalError: (error: unknown) => void;
}

export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      return withMessage(base, original.code, original.localized, original.extensions);
    }
    if (original instanceof HttpException) {
      const code = httpStatusMap[original.getStatus()];
      if (code) return withMessage(base, code, DEFAULT_ERROR_MESSAGES[code]);
    }
    const apolloCode = formatted.extensions?.['code'];
    if (typeof apolloCode === 'string' && apolloCodeMap[apolloCode]) {
      // Parse and validation messages describe the query, not the data; they help the caller.
      const text = { ja: formatted.message, en: formatted.message };
      return withMessage(base, apolloCodeMap[apolloCode], text);
    }
    if (isErrorCode(apolloCode) && apolloCode !== 'INTERNAL') {
      return withMessage(base, apolloCode, DEFAULT_ERROR_MESSAGES[apolloCode]);
    }

    options.onInternalError(original);
    const internal = withMessage(base, 'INTERNAL', DEFAULT_ERROR_MESSAGES.INTERNAL);
    if (options.exposeInternals) {
      return {
        ...internal,
        extensions: { ...internal.extensions, debugMessage: formatted.message, stacktrace: formatted.extensions?.['stacktrace'] },
      };
    }
    return internal;
  };
}

function withMessage(
  base: Pick<GraphQLFormattedError, 'locations' | 'path'>,
  code: ErrorCode,
  text: LocalizedText,
  extra: Readonly<Record<string, unknown>> = {},
): GraphQLFormattedError {
  // Stack traces never leave through here; the HTTP status is Apollo's business, not the client's.
  const safeExtra = Object.fromEntries(
    Object.entries(extra).filter(([key]) => key !== 'stacktrace' && key !== 'http'),
  );
  return {
    message: text.en,
    ...(base.locations ? { locations: base.locations } : {}),
    ...(base.path ? { path: base.path } : {}),
    extensions: { ...safeExtra, code, [LOCALIZED_MESSAGE_KEY]: text },
  };
}
