// The API side of "validation once": an input is checked by its shared zod schema from
// libs/domain (the same one the web form uses), and a faulty input answers BAD_USER_INPUT with
// every faulty top-level field and its message in both languages, as the forms expect.
import { checkInput } from '@tsunagu/domain';
import type { z } from 'zod';
import { AppError } from './app-error';

/** What the API has always said above the field messages of a faulty form input. */
const CHECK_THE_FIELDS = { ja: '入力内容を確認してください。', en: 'Please check the highlighted fields.' } as const;

export interface ValidateInputOptions {
  /**
   * A reason narrower than BAD_USER_INPUT (INVALID_PARTNERSHIP, SESSION_INVALID, …) that the
   * refusal of some inputs has always carried, and clients and tests rely on.
   */
  readonly reason?: string;
}

/** The input normalised by the schema (trimmed, de-duplicated, …), or BAD_USER_INPUT naming each faulty field. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, { reason }: ValidateInputOptions = {}): z.output<S> {
  const checked = checkInput(schema, input);
  if (!checked.ok) throw new AppError('BAD_USER_INPUT', CHECK_THE_FIELDS, { ...(reason ? { reason } : {}), fields: checked.problems });
  return checked.value;
}
