// Name and language. Changing the language here also switches the screen, and this browser
// remembers it.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { UpdateMyProfileDocument } from '@tsunagu/graphql-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { authStore } from '../../app/auth/auth-store';
import { useSession } from '../../app/auth/use-session';
import { chooseLanguage } from '../../app/i18n/i18n';
import { isSupportedLanguage, supportedLanguages } from '../../app/i18n/resources';

export function ProfileForm() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [updateProfile, { loading }] = useMutation(UpdateMyProfileDocument);
  const [displayName, setDisplayName] = useState(me?.displayName ?? '');
  const [language, setLanguage] = useState(me?.preferredLanguage ?? 'ja');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    try {
      const result = await updateProfile({
        variables: { input: { displayName: displayName.trim(), preferredLanguage: language } },
      });
      if (result.data) {
        authStore.updateMe(result.data.updateMyProfile);
        if (isSupportedLanguage(language)) chooseLanguage(language);
        setSaved(true);
      }
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-heading">
      <Title order={2} fz="h4" mb="md" id="profile-heading">
        {t('account.profile.heading')}
      </Title>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md" maw={480}>
          <ApiErrorAlert error={error} />
          {saved ? (
            <Alert color="teal" variant="light" role="status">
              {t('account.profile.saved')}
            </Alert>
          ) : null}
          <TextInput label={t('fields.email')} value={me?.email ?? ''} readOnly variant="filled" />
          <TextInput
            label={t('fields.displayName')}
            required
            autoComplete="name"
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={error?.fields['displayName']}
          />
          <Stack gap={4}>
            <Text component="span" fz="sm" fw={500} id="profile-language-label">
              {t('fields.preferredLanguage')}
            </Text>
            <SegmentedControl
              aria-labelledby="profile-language-label"
              value={language}
              onChange={setLanguage}
              data={supportedLanguages.map((value) => ({ value, label: t(`language.${value}`) }))}
            />
            <Text fz="xs" c="dimmed">
              {t('account.profile.languageHelp')}
            </Text>
            {error?.fields['preferredLanguage'] ? (
              <Text fz="sm" c="red">
                {error.fields['preferredLanguage']}
              </Text>
            ) : null}
          </Stack>
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
