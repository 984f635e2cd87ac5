// A form that is a section of its own (my profile, my password, inviting a member, an
// organisation's profile): the titled card, the summary of a failed submit, the API's refusal,
// what happened once it was sent, the fields and the submit button, in that order on every page.
import { Alert, Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { ApiErrorAlert } from './api-error-alert';
import { FormErrorSummary } from './form-error-summary';
import type { SchemaForm } from './forms';
import { SectionCard } from './section-card';

export interface SectionFormProps<Values extends Record<string, unknown>, Schema extends z.ZodType> {
  /** Id of the heading, which names the section. */
  id: string;
  title: string;
  description?: string;
  /** The useSchemaForm the section is the form of: its refusal, whether it is sending, whether it went through. */
  schemaForm: SchemaForm<Values, Schema>;
  /** Sends the checked input (useSchemaForm's onSubmit runs it). */
  send: (input: z.output<Schema>, values: Values) => Promise<unknown>;
  /** What to confirm once the form has gone through (a status message); taken back when an input is changed. */
  done: string;
  submitLabel: string;
  /** The widest the fields may grow. */
  maw?: number;
  children: ReactNode;
}

export function SectionForm<Values extends Record<string, unknown>, Schema extends z.ZodType>({
  id,
  title,
  description,
  schemaForm,
  send,
  done,
  submitLabel,
  maw = 480,
  children,
}: SectionFormProps<Values, Schema>) {
  return (
    <SectionCard id={id} title={title} description={description}>
      {/* A person's change (not a reset after sending) takes back what was confirmed. */}
      <form onSubmit={schemaForm.onSubmit(send)} onChange={schemaForm.clearSent} noValidate>
        <Stack gap="md" maw={maw}>
          <FormErrorSummary />
          <ApiErrorAlert error={schemaForm.apiError} />
          {schemaForm.sent ? (
            <Alert color="teal" variant="light" role="status">
              {done}
            </Alert>
          ) : null}
          {children}
          <Button type="submit" loading={schemaForm.form.submitting} style={{ alignSelf: 'flex-start' }}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </SectionCard>
  );
}
