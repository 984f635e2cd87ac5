// Name and language. Changing the language here also switches the screen, and this browser
// remembers it.
import { useMutation } from '@apollo/client/react';
import { TextInput } from '@mantine/core';
import { myProfileSchema } from '@tsunagu/domain';
import { UpdateMyProfileDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { authStore } from '../../app/auth/auth-store';
import { useSession } from '../../app/auth/use-session';
import { TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { chooseLanguage } from '../../app/i18n/i18n';
import { isSupportedLanguage } from '../../app/i18n/resources';
import { LanguageChoice } from '../../app/language-choice';
import { SectionForm } from '../../app/section-form';

export function ProfileForm() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [updateProfile] = useMutation(UpdateMyProfileDocument);
  const profileForm = useSchemaForm({
    schema: myProfileSchema,
    initialValues: { displayName: me?.displayName ?? '', preferredLanguage: me?.preferredLanguage ?? 'ja' },
    toInput: (values) => values,
  });
  const { form } = profileForm;

  return (
    <SectionForm
      id="profile-heading"
      title={t('account.profile.heading')}
      schemaForm={profileForm}
      send={async (input) => {
        const result = await updateProfile({ variables: { input } });
        if (result.data) {
          authStore.updateMe(result.data.updateMyProfile);
          if (isSupportedLanguage(input.preferredLanguage)) chooseLanguage(input.preferredLanguage);
        }
      }}
      done={t('account.profile.saved')}
      submitLabel={t('common.save')}
    >
      <TextInput label={t('fields.email')} value={me?.email ?? ''} readOnly variant="filled" />
      <TextField label={t('fields.displayName')} required autoComplete="name" form={form} name="displayName" />
      <LanguageChoice
        label={t('fields.preferredLanguage')}
        help={t('account.profile.languageHelp')}
        value={form.values.preferredLanguage}
        onChange={(language) => form.setFieldValue('preferredLanguage', language)}
        error={form.errors['preferredLanguage']}
      />
    </SectionForm>
  );
}
