// A confirmation that needs a reason (revoking a consent, stopping use of a person's data): the
// reason is checked with the API's rule and words, the API's field error shows under it too,
// and the dialog closes only once the action succeeded.
import { Stack, Text } from '@mantine/core';
import type { z } from 'zod';
import { FormConfirmDialog } from '../../app/form-confirm-dialog';
import { LongTextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';

export function ReasonDialog({
  title,
  body,
  reasonLabel,
  schema,
  confirmLabel,
  submit,
  onClose,
}: {
  title: string;
  body: string;
  reasonLabel: string;
  /** The API's schema for the reason (consentRevocationSchema, ceaseUseSchema): its message when missing is the API's. */
  schema: z.ZodType<{ reason: string }, { reason: string }>;
  confirmLabel: string;
  submit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { form, apiError, onSubmit } = useSchemaForm({
    schema,
    initialValues: { reason: '' },
    toInput: (values) => values,
  });
  const confirm = onSubmit(async ({ reason }) => {
    await submit(reason);
    onClose();
  });
  return (
    <FormConfirmDialog title={title} confirmLabel={confirmLabel} danger submitting={form.submitting} apiError={apiError} onConfirm={() => confirm()} onClose={onClose}>
      <Stack gap="sm">
        <Text fz="sm">{body}</Text>
        <LongTextField label={reasonLabel} required rows={2} form={form} name="reason" data-autofocus />
      </Stack>
    </FormConfirmDialog>
  );
}
