// Wizard step 3: which categories of the person's data to share with the receiving
// organisation. Each category shows whether an active consent allows it for that organisation
// (named, or by its kind) and the purpose REFERRAL, naming the consent; the others are disabled.
import { useQuery } from '@apollo/client/react';
import { Alert, Checkbox, Group, Stack, Text } from '@mantine/core';
import { PERSONAL_DATA_CATEGORIES, SPECIAL_CARE_CATEGORIES, type PersonalDataCategory } from '@tsunagu/domain';
import { ConsentsDocument, OrganizationDocument, type ConsentRowFragment } from '@tsunagu/graphql-client';
import { LoadingState } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { SpecialCareBadge } from '../people/person-badges';
import { usePeopleLabels } from '../people/vocabulary';
import { formatInstantDate } from '../../app/japan-time-format';
import { consentAllowing, type Receiver } from './consent-coverage';

/** The receiving organisation with its kind (the directory names it without one). */
export function useReceiver(organizationId: string | null): { receiver: Receiver | null; loading: boolean } {
  const { data, loading } = useQuery(OrganizationDocument, { variables: { id: organizationId ?? '' }, skip: !organizationId });
  if (!organizationId) return { receiver: null, loading: false };
  return { receiver: { id: organizationId, kind: data?.organization.kind ?? null }, loading };
}

export function ConsentName({ consent }: { consent: ConsentRowFragment }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  return (
    <>
      {t('referrals.wizard.allowedBy', {
        obtained: formatInstantDate(consent.obtainedAt, labels.language),
        method: labels.method(consent.method),
        until: consent.validUntil ? formatInstantDate(consent.validUntil, labels.language) : t('referrals.wizard.noEnd'),
      })}
    </>
  );
}

export function CategoryChoice({
  personId,
  receiverOrganizationId,
  offered = PERSONAL_DATA_CATEGORIES.codes,
  value,
  onChange,
}: {
  personId: string;
  receiverOrganizationId: string;
  offered?: readonly PersonalDataCategory[];
  value: readonly PersonalDataCategory[];
  onChange: (value: PersonalDataCategory[]) => void;
}) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const { data, loading, error } = useQuery(ConsentsDocument, { variables: { personId }, fetchPolicy: 'cache-and-network' });
  const { receiver, loading: receiverLoading } = useReceiver(receiverOrganizationId);
  if (error) return <ApiErrorAlert error={readApiError(error)} />;
  if ((loading && !data) || receiverLoading || !receiver) return <LoadingState label={t('common.loading')} />;
  const consents = data?.consents ?? [];
  const allowedAny = offered.some((category) => consentAllowing(consents, category, receiver));

  return (
    <Stack gap="sm">
      {!allowedAny ? (
        <Alert color="yellow" variant="light">
          {t('referrals.wizard.noConsent')}
        </Alert>
      ) : null}
      {offered.map((category) => {
        const consent = consentAllowing(consents, category, receiver);
        return (
          <Group key={category} gap="sm" align="flex-start" wrap="nowrap" data-category-choice={category} data-allowed={consent ? 'true' : 'false'}>
            <Checkbox
              label={labels.category(category)}
              checked={value.includes(category)}
              disabled={!consent}
              onChange={(event) =>
                onChange(event.currentTarget.checked ? [...value, category] : value.filter((code) => code !== category))
              }
              description={consent ? <ConsentName consent={consent} /> : t('referrals.wizard.notConsented')}
            />
            {SPECIAL_CARE_CATEGORIES.includes(category) ? <SpecialCareBadge /> : null}
          </Group>
        );
      })}
      <Text fz="sm" c="dimmed">
        {t('referrals.wizard.categoriesHelp')}
      </Text>
    </Stack>
  );
}
