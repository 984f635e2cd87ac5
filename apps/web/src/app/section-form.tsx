// A form that is a section of its own (my profile, my password, inviting a member, an
// organisation's profile): the titled card, the summary of a failed submit, the API's refusal,
// what happened once it was sent, the fields and the submit button, in that order on every page.
import { Alert, Button, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { ApiErrorAlert } from './api-error-alert';
import type { ApiError } from './api-errors';
import { FormErrorSummary } from './form-error-summary';
import { SectionCard } from './section-card';

export interface SectionFormProps {
  /** Id of the heading, which names the section. */
  id: string;
  title: string;
  description?: string;
  /** useSchemaForm's onSubmit(…) handler. */
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** Called on any change of an input, e.g. to take back "saved". */
  onChange?: () => void;
  apiError: ApiError | null;
  /** What to confirm once the form has gone through (a status message), or null. */
  done: string | null;
  submitLabel: string;
  submitting: boolean;
  /** The widest the fields may grow. */
  maw?: number;
  children: ReactNode;
}

export function SectionForm({ id, title, description, onSubmit, onChange, apiError, done, submitLabel, submitting, maw = 480, children }: SectionFormProps) {
  return (
    <SectionCard id={id} title={title} description={description}>
      <form onSubmit={onSubmit} onChange={onChange} noValidate>
        <Stack gap="md" maw={maw}>
          <FormErrorSummary />
          <ApiErrorAlert error={apiError} />
          {done ? (
            <Alert color="teal" variant="light" role="status">
              {done}
            </Alert>
          ) : null}
          {children}
          <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </SectionCard>
  );
}
