// The API's reason (extensions.reason) behind a refusal, where two-step verification branches on
// it: REAUTHENTICATION_REQUIRED asks for the password again, SECOND_FACTOR_ENROLMENT_REQUIRED
// means only enrolment is open.
import { CombinedGraphQLErrors } from '@apollo/client';

export function reasonOf(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const reason = error.errors[0]?.extensions?.['reason'];
  return typeof reason === 'string' ? reason : null;
}
