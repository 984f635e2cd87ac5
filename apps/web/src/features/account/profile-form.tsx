// Name and language. Changing the language here also switches the screen, and this browser
// remembers it.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Stack, TextInput, Title } from '@mantine/core';
import { myProfileSchema } from '@tsunagu/domain';
import { UpdateMyProfileDocument } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { authStore } from '../../app/auth/auth-store';
import { useSession } from '../../app/auth/use-session';
import { useSchemaForm } from '../../app/forms';
import { chooseLanguage } from '../../app/i18n/i18n';
import { isSupportedLanguage } from '../../app/i18n/resources';
import { LanguageChoice } from '../../app/language-choice';

export function ProfileForm() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [updateProfile] = useMutation(UpdateMyProfileDocument);
  const [saved, setSaved] = useState(false);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: myProfileSchema,
    initialValues: { displayName: me?.displayName ?? '', preferredLanguage: me?.preferredLanguage ?? 'ja' },
    toInput: (values) => values,
  });

  const save = onSubmit(async (input) => {
    setSaved(false);
    const result = await updateProfile({ variables: { input } });
    if (result.data) {
      authStore.updateMe(result.data.updateMyProfile);
      if (isSupportedLanguage(input.preferredLanguage)) chooseLanguage(input.preferredLanguage);
      setSaved(true);
    }
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-heading">
      <Title order={2} fz="h4" mb="md" id="profile-heading">
        {t('account.profile.heading')}
      </Title>
      <form onSubmit={save} noValidate>
        <Stack gap="md" maw={480}>
          <ApiErrorAlert error={apiError} />
          {saved ? (
            <Alert color="teal" variant="light" role="status">
              {t('account.profile.saved')}
            </Alert>
          ) : null}
          <TextInput label={t('fields.email')} value={me?.email ?? ''} readOnly variant="filled" />
          <TextInput label={t('fields.displayName')} required autoComplete="name" {...form.getInputProps('displayName')} />
          <LanguageChoice
            label={t('fields.preferredLanguage')}
            help={t('account.profile.languageHelp')}
            value={form.values.preferredLanguage}
            onChange={(language) => form.setFieldValue('preferredLanguage', language)}
            error={form.errors['preferredLanguage']}
          />
          <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
