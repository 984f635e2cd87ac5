import { ForbiddenException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AppError } from './app-error';
import { createFormatError, LOCALIZED_MESSAGE_KEY } from './format-error';

function formatterFor(exposeInternals: boolean) {
  const internal: unknown[] = [];
  const format = createFormatError({ exposeInternals, onInternalError: (error) => internal.push(error) });
  return { format, internal };
}

const sqlFailure = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
  query: 'INSERT INTO users (email) VALUES ($1)',
  detail: 'Key (email)=(hanako@example.jp) already exists.',
});

function asResolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['createUser'] });
}

describe('createFormatError', () => {
  it('keeps an AppError code and both languages', () => {
    const { format } = formatterFor(false);
    const error = new AppError('CONFLICT', { ja: '競合しました', en: 'Conflict' }, { reason: 'STALE' });
    const formatted = format({ message: error.message, extensions: error.extensions }, asResolverError(error));
    expect(formatted.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'STALE',
      [LOCALIZED_MESSAGE_KEY]: { ja: '競合しました', en: 'Conflict' },
    });
  });

  it('maps Nest HTTP exceptions to the stable codes', () => {
    const { format } = formatterFor(false);
    const formatted = format({ message: 'Forbidden resource' }, asResolverError(new ForbiddenException()));
    expect(formatted.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('hides an unexpected failure (SQL, values, stack) in production and reports it for logging', () => {
    const { format, internal } = formatterFor(false);
    const formatted = format(
      { message: sqlFailure.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      asResolverError(sqlFailure),
    );
    expect(formatted.extensions?.['code']).toBe('INTERNAL');
    const text = JSON.stringify(formatted);
    expect(text).not.toMatch(/duplicate key|INSERT|hanako|stacktrace|at x/);
    expect(internal).toEqual([sqlFailure]);
  });

  it('shows the underlying message to developers only when asked to', () => {
    const { format } = formatterFor(true);
    const formatted = format({ message: sqlFailure.message }, asResolverError(sqlFailure));
    expect(formatted.extensions?.['code']).toBe('INTERNAL');
    expect(formatted.extensions?.['debugMessage']).toBe(sqlFailure.message);
  });
});
