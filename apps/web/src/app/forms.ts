// The one form layer: @mantine/form holds the values, and the input's shared zod schema from
// libs/domain checks them, so a form shows exactly the words the API would answer with, under
// the same field names. Chosen over react-hook-form because every input here is a Mantine
// component already wired for @mantine/form's getInputProps, and @mantine/form accepts any
// validate function, so no resolver package is needed. A failed submit (the schema's check, or
// the API's field errors) takes the person to the first invalid field and lists every problem at
// the top of the form (form-error-summary.tsx), for every form at once.
import { useForm, type UseFormReturnType } from '@mantine/form';
import { checkInput, problemsIn, type Language } from '@tsunagu/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { readApiError, type ApiError } from './api-errors';
import { focusField, publishFormProblems, readFormProblems } from './form-error-summary';
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
  /** True once a submit has gone through, until the next submit or clearSent (a form confirms it, e.g. 保存しました). */
  readonly sent: boolean;
  readonly clearSent: () => void;
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
  const [sent, setSent] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const checked = checkInput(schema, toInput(values));
      return checked.ok ? {} : problemsIn(checked.problems, languageOf(i18n.language));
    },
  });
  bindFormSchema(form, schema);
  const { formElement, failedSubmit } = useFailedSubmitHelp(form.errors);
  const onSubmit: SchemaForm<Values, Schema>['onSubmit'] = (send) => {
    const submit = form.onSubmit(async (values) => {
      const checked = checkInput(schema, toInput(values));
      if (!checked.ok) return;
      setApiError(null);
      setSent(false);
      try {
        await send(checked.value, values);
        setSent(true);
      } catch (caught) {
        const error = readApiError(caught);
        setApiError(error);
        form.setErrors(error.fields);
        if (Object.keys(error.fields).length > 0) failedSubmit();
      }
    }, failedSubmit);
    return (event) => {
      // The <form> submitted, whose fields and summary the help below uses (read now: React clears currentTarget after the handler).
      if (event?.currentTarget instanceof HTMLFormElement) formElement.current = event.currentTarget;
      submit(event);
    };
  };
  return { form, apiError, onSubmit, clearApiError: () => setApiError(null), sent, clearSent: () => setSent(false) };
}

/**
 * After a failed submit: once the errors are on the page, focus the first invalid field and show
 * the form's summary; then keep the summary in step with the errors (an error goes when its field
 * is changed) until none is left or the next submit succeeds.
 */
function useFailedSubmitHelp(errors: Readonly<Record<string, unknown>>) {
  const formElement = useRef<HTMLFormElement | null>(null);
  // Counts failed submits, so that each one (even with the same errors) moves focus again.
  const [failures, setFailures] = useState(0);
  const focused = useRef(0);
  useEffect(() => {
    const element = formElement.current;
    if (failures === 0 || !element) return;
    const problems = readFormProblems(element, errors);
    publishFormProblems(element, problems);
    if (focused.current === failures) return;
    focused.current = failures;
    const first = problems.find((problem) => problem.target !== null)?.target;
    if (first) focusField(first);
  }, [failures, errors]);
  return { formElement, failedSubmit: () => setFailures((count) => count + 1) };
}
