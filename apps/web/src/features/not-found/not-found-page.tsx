// Shown for any route the app does not know, with a way back home.
import { Button, Stack, Text } from '@mantine/core';
import { PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="md">
      <PageHeader title={t('notFound.title')} />
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} to="/">
        {t('notFound.backHome')}
      </Button>
    </Stack>
  );
}
