// Change my password: the current one, then the new one twice. My other sessions end.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Stack, Title } from '@mantine/core';
import { ChangePasswordDocument, MySessionsDocument } from '@tsunagu/graphql-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from '../../app/password-input';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { NewPasswordFields, newPasswordProblem, type NewPasswordValue } from '../auth/new-password-fields';

const empty: NewPasswordValue = { password: '', confirmation: '' };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument, {
    refetchQueries: [MySessionsDocument],
  });
  const [currentPassword, setCurrentPassword] = useState('');
  const [value, setValue] = useState<NewPasswordValue>(empty);
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(false);
    setError(null);
    if (!currentPassword || newPasswordProblem(value)) return;
    try {
      await changePassword({ variables: { input: { currentPassword, newPassword: value.password } } });
      setDone(true);
      setAttempted(false);
      setCurrentPassword('');
      setValue(empty);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-heading">
      <Title order={2} fz="h4" mb="md" id="password-heading">
        {t('account.password.heading')}
      </Title>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md" maw={480}>
          <ApiErrorAlert error={error} />
          {done ? (
            <Alert color="teal" variant="light" role="status">
              {t('account.password.done')}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={
              error?.fields['currentPassword'] ?? (attempted && !currentPassword ? t('validation.required') : undefined)
            }
          />
          <NewPasswordFields
            value={value}
            onChange={setValue}
            showProblems={attempted}
            apiError={error?.fields['newPassword']}
          />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
