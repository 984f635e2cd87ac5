// Forwarding a referral to a third organisation's service: the service from the directory (not
// my organisation's, nor the sender's), a reason, and which of the categories shared with me to
// pass on. The API checks the person's consent again for the new receiver and writes a new
// provision record; a category it refuses comes back with the consent that is missing.
import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import type { PersonalDataCategory } from '@tsunagu/domain';
import { ForwardReferralDocument, type ReferralFullFragment, type ServiceSummaryFragment } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { usePeopleLabels } from '../people/vocabulary';
import { ServicePicker } from './service-picker';

export function ForwardModal({
  referral,
  onClose,
  onConflict,
}: {
  referral: ReferralFullFragment;
  onClose: () => void;
  onConflict: (error: ApiError) => void;
}) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const navigate = useNavigate();
  const [service, setService] = useState<ServiceSummaryFragment | null>(null);
  const [reason, setReason] = useState('');
  const [categories, setCategories] = useState<PersonalDataCategory[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [forward, { loading }] = useMutation(ForwardReferralDocument, { refetchQueries: ['Referral', 'ReferralCounts', 'Referrals'] });

  const submit = async () => {
    setAttempted(true);
    if (!service || !reason.trim()) return;
    setError(null);
    try {
      await forward({ variables: { id: referral.id, input: { serviceId: service.id, reason: reason.trim(), sharedCategories: categories, urgency: referral.urgency } } });
      onClose();
      navigate(`/referrals/${referral.id}`);
    } catch (caught) {
      const read = readApiError(caught);
      if (read.code === 'CONFLICT') onConflict(read);
      else setError(read);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('referrals.forward.title')} size="xl" centered>
      <Stack gap="md">
        <Text fz="sm">{t('referrals.forward.help')}</Text>
        <Title order={3} fz="h5">
          {t('referrals.forward.service')}
        </Title>
        {service ? (
          <Text fw={600}>{t('referrals.wizard.chosenService', { name: service.name, organization: service.organization.name })}</Text>
        ) : null}
        {attempted && !service ? (
          <Text c="red" fz="sm" role="alert">
            {t('referrals.forward.serviceRequired')}
          </Text>
        ) : null}
        <ServicePicker
          excluded={[referral.receiverOrganization.id, referral.senderOrganization.id]}
          selected={service}
          onSelect={setService}
          initialCategories={referral.needs}
        />
        <Textarea
          label={t('referrals.forward.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          error={attempted && !reason.trim() ? t('referrals.detail.reasonRequired') : undefined}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {referral.sharedCategories.length > 0 ? (
          <Checkbox.Group
            label={t('referrals.forward.categories')}
            description={t('referrals.forward.categoriesHelp')}
            value={categories}
            onChange={(value) => setCategories(value as PersonalDataCategory[])}
          >
            <Stack gap={6} mt="xs">
              {referral.sharedCategories.map((category) => (
                <Checkbox key={category} value={category} label={labels.category(category)} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        <ApiErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={loading}>
            {t('referrals.forward.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
