// A person's consents (owning organisation): each with its state, what it covers, for whom,
// how long, how it was obtained and its evidence; recording a new one and revoking one. A member
// who may not see special-care data gets a special-care consent's categories as one marker and
// its evidence and revocation reason as withheld (the API leaves them out).
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { consentRevocationSchema, type OrganizationKind } from '@tsunagu/domain';
import { ConsentEvidenceDocument, ConsentsDocument, RevokeConsentDocument, type ConsentRowFragment, type PersonDetailFragment } from '@tsunagu/graphql-client';
import { DescriptionList, LoadingState } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { organizationKindLabel } from '../../app/labels';
import { ConsentForm } from './consent-form';
import { ConsentStateBadge, SpecialCareBadge, WithheldNotice } from './person-badges';
import { ReasonDialog } from './reason-dialog';
import { saveFile, usePeopleLabels } from './vocabulary';
import { formatDateTime, formatInstantDate } from '../../app/japan-time-format';

export function ConsentsPanel({ person }: { person: PersonDetailFragment }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const { data, loading, error } = useQuery(ConsentsDocument, { variables: { personId: person.id }, fetchPolicy: 'cache-and-network' });
  const [form, setForm] = useState<'ordinary' | 'specialCare' | null>(null);
  const canRecord = ability.can('create', { __typename: 'Consent', organizationId: person.ownerOrganizationId });
  const active = person.status === 'ACTIVE';

  return (
    <Stack gap="md">
      {canRecord && active ? (
        <Group gap="sm">
          <Button onClick={() => setForm('ordinary')}>{t('people.consents.record')}</Button>
          <Button variant="outline" color="grape" onClick={() => setForm('specialCare')}>
            {t('people.consents.recordSpecialCare')}
          </Button>
        </Group>
      ) : null}
      {form ? (
        <ConsentForm person={person} specialCare={form === 'specialCare'} opened onClose={() => setForm(null)} />
      ) : null}
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      {loading && !data ? <LoadingState label={t('common.loading')} /> : null}
      {data && data.consents.length === 0 ? <Text c="dimmed">{t('people.consents.empty')}</Text> : null}
      {data?.consents.map((consent) => (
        <ConsentCard key={consent.id} consent={consent} canRevoke={canRecord} />
      ))}
    </Stack>
  );
}

function ConsentCard({ consent, canRevoke }: { consent: ConsentRowFragment; canRevoke: boolean }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const client = useApolloClient();
  const [revoking, setRevoking] = useState(false);
  const [evidenceError, setEvidenceError] = useState<ApiError | null>(null);
  const recipients = [
    ...consent.recipientOrganizations.map((organization) => organization.name),
    ...consent.recipientKinds.map((kind) => t('people.consents.allOfKind', { kind: organizationKindLabel(t, kind as OrganizationKind) })),
  ];

  const downloadEvidence = async () => {
    setEvidenceError(null);
    try {
      const result = await client.query({ query: ConsentEvidenceDocument, variables: { consentId: consent.id }, fetchPolicy: 'no-cache' });
      const file = result.data?.consentEvidence;
      if (file) saveFile({ fileName: file.fileName, mediaType: file.mediaType, content: file.contentBase64, base64: true });
    } catch (caught) {
      setEvidenceError(readApiError(caught));
    }
  };

  const categories = labels.list([...consent.categories.map(labels.category), ...(consent.specialCareHidden ? [labels.specialCareHidden] : [])]);
  const textWithheld = consent.textWithheldReason;
  const items = [
    { term: t('people.consents.categories'), description: <span data-testid="consent-categories">{categories}</span> },
    { term: t('people.consents.purposes'), description: labels.list(consent.purposes.map(labels.purpose)) },
    { term: t('people.consents.recipients'), description: labels.list(recipients) },
    {
      term: t('people.consents.validity'),
      description: consent.validUntil
        ? t('people.consents.validRange', { from: formatInstantDate(consent.validFrom, labels.language), until: formatInstantDate(consent.validUntil, labels.language) })
        : t('people.consents.validOpen', { from: formatInstantDate(consent.validFrom, labels.language) }),
    },
    { term: t('people.consents.method'), description: labels.method(consent.method) },
    {
      term: t('people.consents.obtainedBy'),
      description: t('people.consents.obtainedByAt', { name: consent.obtainedBy.name, at: formatDateTime(consent.obtainedAt, labels.language) }),
    },
    ...(textWithheld ? [{ term: t('people.consents.evidenceWithheld'), description: <WithheldNotice reason={textWithheld} /> }] : []),
    ...(consent.evidenceNote ? [{ term: t('people.consents.evidenceNote'), description: consent.evidenceNote }] : []),
    ...(consent.evidenceFileName
      ? [
          {
            term: t('people.consents.evidenceFile'),
            description: (
              <Button variant="subtle" size="compact-sm" onClick={() => void downloadEvidence()}>
                {consent.evidenceFileName}
              </Button>
            ),
          },
        ]
      : []),
    ...(consent.revokedAt
      ? [
          {
            term: t('people.consents.revoked'),
            description: textWithheld
              ? t('people.consents.revokedInfoWithoutReason', {
                  at: formatDateTime(consent.revokedAt, labels.language),
                  name: consent.revokedBy?.name ?? '',
                })
              : t('people.consents.revokedInfo', {
                  at: formatDateTime(consent.revokedAt, labels.language),
                  name: consent.revokedBy?.name ?? '',
                  reason: consent.revocationReason ?? '',
                }),
          },
        ]
      : []),
  ];

  return (
    <Card withBorder padding="md" component="article" aria-label={t('people.consents.cardLabel', { categories })} data-consent-state={consent.state}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <ConsentStateBadge state={consent.state} />
            {consent.specialCare ? <SpecialCareBadge /> : null}
            {consent.supersededById ? (
              <Badge color="gray" variant="outline" radius="sm" tt="none">
                {t('people.consents.superseded')}
              </Badge>
            ) : null}
          </Group>
          {canRevoke && !consent.revokedAt ? (
            <Button color="red" variant="light" size="xs" onClick={() => setRevoking(true)}>
              {t('people.consents.revoke')}
            </Button>
          ) : null}
        </Group>
        <DescriptionList items={items} />
        <ApiErrorAlert error={evidenceError} />
      </Stack>
      {revoking ? <RevokeDialog consentId={consent.id} onClose={() => setRevoking(false)} /> : null}
    </Card>
  );
}

function RevokeDialog({ consentId, onClose }: { consentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  // What the person page shows depends on the active consents: read it again, never stale.
  const [revoke] = useMutation(RevokeConsentDocument, { refetchQueries: ['Consents', 'Person'], awaitRefetchQueries: true });
  return (
    <ReasonDialog
      title={t('people.consents.revokeTitle')}
      body={t('people.consents.revokeBody')}
      reasonLabel={t('people.consents.revokeReason')}
      schema={consentRevocationSchema}
      confirmLabel={t('people.consents.revokeConfirm')}
      submit={(reason) => revoke({ variables: { id: consentId, reason } })}
      onClose={onClose}
    />
  );
}
