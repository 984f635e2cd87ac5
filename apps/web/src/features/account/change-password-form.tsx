// Change my password: the current one, then the new one twice. My other sessions end.
import { useMutation } from '@apollo/client/react';
import { changePasswordSchema } from '@tsunagu/domain';
import { ChangePasswordDocument, MySessionsDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../app/forms';
import { PasswordInput } from '../../app/password-input';
import { SectionForm } from '../../app/section-form';
import { NewPasswordFields } from '../auth/new-password-fields';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [changePassword] = useMutation(ChangePasswordDocument, { refetchQueries: [MySessionsDocument] });
  const passwordForm = useSchemaForm({
    schema: changePasswordSchema,
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    toInput: (values) => values,
  });
  const { form } = passwordForm;

  return (
    <SectionForm
      id="password-heading"
      title={t('account.password.heading')}
      schemaForm={passwordForm}
      send={async ({ currentPassword, newPassword }) => {
        await changePassword({ variables: { input: { currentPassword, newPassword } } });
        form.reset();
      }}
      done={t('account.password.done')}
      submitLabel={t('account.password.submit')}
    >
      <PasswordInput label={t('fields.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
      <NewPasswordFields password={form.getInputProps('newPassword')} confirmation={form.getInputProps('confirmation')} />
    </SectionForm>
  );
}
