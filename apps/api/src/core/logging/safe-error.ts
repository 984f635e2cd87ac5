// Errors are logged without personal data. PostgreSQL puts row values in `detail` (e.g. the
// duplicate key's value) and drivers attach parameters and queries, so only the error's kind,
// code, message and stack are kept.
export interface SafeError {
  readonly type: string;
  readonly message: string;
  readonly code?: string;
  readonly stack?: string;
}

export function safeErrorForLog(error: unknown): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: 'Non-error value thrown' };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
