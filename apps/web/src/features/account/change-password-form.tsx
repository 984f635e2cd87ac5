// Change my password: the current one, then the new one twice. My other sessions end.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Stack, Title } from '@mantine/core';
import { changePasswordSchema } from '@tsunagu/domain';
import { ChangePasswordDocument, MySessionsDocument } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSchemaForm } from '../../app/forms';
import { PasswordInput } from '../../app/password-input';
import { NewPasswordFields } from '../auth/new-password-fields';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [changePassword] = useMutation(ChangePasswordDocument, { refetchQueries: [MySessionsDocument] });
  const [done, setDone] = useState(false);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: changePasswordSchema,
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    toInput: (values) => values,
  });

  const save = onSubmit(async ({ currentPassword, newPassword }) => {
    setDone(false);
    await changePassword({ variables: { input: { currentPassword, newPassword } } });
    setDone(true);
    form.reset();
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-heading">
      <Title order={2} fz="h4" mb="md" id="password-heading">
        {t('account.password.heading')}
      </Title>
      <form onSubmit={save} noValidate>
        <Stack gap="md" maw={480}>
          <ApiErrorAlert error={apiError} />
          {done ? (
            <Alert color="teal" variant="light" role="status">
              {t('account.password.done')}
            </Alert>
          ) : null}
          <PasswordInput label={t('fields.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <NewPasswordFields password={form.getInputProps('newPassword')} confirmation={form.getInputProps('confirmation')} />
          <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
