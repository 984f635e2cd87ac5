// The buttons that end a form in a modal: the summary of a failed submit (a modal's form is
// short, and this is where the person pressed the button), then cancel and the form's submit
// button, on the right. Cancel waits while the form is being sent, so the modal does not close
// under a running action.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from './form-error-summary';

export function ModalFormButtons({ submitLabel, submitting, onCancel }: { submitLabel: string; submitting: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <FormErrorSummary />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={submitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={submitting}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
