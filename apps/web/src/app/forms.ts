// The one form layer: @mantine/form holds the values, and the input's shared zod schema from
// libs/domain checks them, so a form shows exactly the words the API would answer with, under
// the same field names. Chosen over react-hook-form because every input here is a Mantine
// component already wired for @mantine/form's getInputProps, and @mantine/form accepts any
// validate function, so no resolver package is needed.
import { useForm, type UseFormReturnType } from '@mantine/form';
import { checkInput, problemsIn, type Language } from '@tsunagu/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { readApiError, type ApiError } from './api-errors';
import { bindFormSchema } from './form-schemas';

export interface SchemaFormOptions<Values extends Record<string, unknown>, Schema extends z.ZodType> {
  /** The input's schema, as the API checks it. */
  readonly schema: Schema;
  readonly initialValues: Values;
  /** The input the form sends, from what the inputs hold (e.g. '' → null, text → numbers). */
  readonly toInput: (values: Values) => unknown;
}

export interface SchemaForm<Values extends Record<string, unknown>, Schema extends z.ZodType> {
  readonly form: UseFormReturnType<Values>;
  /** The API's answer to the last submit, for ApiErrorAlert; its field messages are on the inputs already. */
  readonly apiError: ApiError | null;
  /** A form onSubmit handler: checks with the schema, then sends the checked input; API field errors land on the inputs. */
  readonly onSubmit: (
    send: (input: z.output<Schema>, values: Values) => Promise<unknown>,
  ) => (event?: React.FormEvent<HTMLFormElement>) => void;
  readonly clearApiError: () => void;
}

export function languageOf(language: string): Language {
  return language === 'en' ? 'en' : 'ja';
}

export function useSchemaForm<Values extends Record<string, unknown>, Schema extends z.ZodType>({
  schema,
  initialValues,
  toInput,
}: SchemaFormOptions<Values, Schema>): SchemaForm<Values, Schema> {
  const { i18n } = useTranslation();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const checked = checkInput(schema, toInput(values));
      return checked.ok ? {} : problemsIn(checked.problems, languageOf(i18n.language));
    },
  });
  bindFormSchema(form, schema);
  const onSubmit: SchemaForm<Values, Schema>['onSubmit'] = (send) =>
    form.onSubmit(async (values) => {
      const checked = checkInput(schema, toInput(values));
      if (!checked.ok) return;
      setApiError(null);
      try {
        await send(checked.value, values);
      } catch (caught) {
        const error = readApiError(caught);
        setApiError(error);
        form.setErrors(error.fields);
      }
    });
  return { form, apiError, onSubmit, clearApiError: () => setApiError(null) };
}
