// Messages between the two organisations on a referral, oldest first, with a composer.
// Messages start once the referral is sent (the API refuses them on a draft).
import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { referralMessageSchema } from '@tsunagu/domain';
import { PostReferralMessageDocument, type ReferralMessageRowFragment } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { LongTextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { formatDateTime } from '../../app/japan-time-format';
import { useReferralLabels } from './vocabulary';
import { WithheldText } from './withheld-text';

export function ReferralMessages({
  referralId,
  messages,
  canPost,
}: {
  referralId: string;
  messages: readonly ReferralMessageRowFragment[];
  canPost: boolean;
}) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const [post] = useMutation(PostReferralMessageDocument, { refetchQueries: ['Referral'], awaitRefetchQueries: true });
  const { form, apiError, onSubmit } = useSchemaForm({ schema: referralMessageSchema, initialValues: { body: '' }, toInput: (values) => values });
  const submit = onSubmit(async ({ body }) => {
    await post({ variables: { id: referralId, body } });
    form.reset();
  });

  return (
    <Stack gap="sm">
      {messages.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('referrals.messages.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('referrals.messages.title')}>
          {messages.map((message) => (
            <li key={message.id} style={{ alignSelf: message.mine ? 'flex-end' : 'flex-start', maxWidth: '90%' }}>
              <Card padding="xs" withBorder bg={message.mine ? 'var(--mantine-color-blue-light)' : undefined} data-testid="referral-message">
                <Text fz="xs" c="dimmed">
                  {t('referrals.messages.meta', {
                    name: message.authorName,
                    organization: message.authorOrganization.name,
                    when: formatDateTime(message.sentAt, labels.language),
                  })}
                </Text>
                {message.body === null || message.body === undefined ? (
                  <WithheldText reason={message.textWithheldReason ?? 'SPECIAL_CARE_HIDDEN'} />
                ) : (
                  <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {message.body}
                  </Text>
                )}
              </Card>
            </li>
          ))}
        </Stack>
      )}
      {canPost ? (
        <form onSubmit={submit} aria-label={t('referrals.messages.composer')}>
          <Stack gap="xs">
            <LongTextField
              label={t('referrals.messages.new')}
              rows={2}
              maxRows={8}
              form={form} name="body"
            />
            <ApiErrorAlert error={apiError} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting} disabled={!form.values.body.trim()}>
                {t('referrals.messages.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
