// One partnership (/partnerships/:id): every field, the contacts of both sides, documents, the
// status moves the API offers (each confirmed), open follow-ups with "done" toggles (overdue in
// red) and the interaction log with the form to record a meeting, call or visit. The partner's
// members (mayManage false) read it all and get no edit controls at all.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import {
  AttachPartnershipDocumentDocument,
  CompletePartnershipFollowUpDocument,
  PartnershipDocument,
  PartnershipInteractionsDocument,
  RemovePartnershipDocumentDocument,
  SetPartnershipStatusDocument,
  type PartnershipDetailFragment,
  type PartnershipFollowUpFieldsFragment,
  type PartnershipStatus,
} from '@tsunagu/graphql-client';
import { DataTable, DescriptionList, LoadingState, PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { AttachedFiles } from '../../app/attached-files';
import { readApiError, type ApiError } from '../../app/api-errors';
import { ConfirmActionDialog, useConfirmation } from '../../app/confirm-action';
import { ConnectionList } from '../../app/connection-list';
import { organizationKindLabel } from '../../app/labels';
import { SectionCard } from '../../app/section-card';
import { InteractionForm } from './interaction-form';
import { useForgetPartnershipLists } from './partnership-editor-page';
import { formatDay, formatYen, statusColor, usePartnershipLabels } from './vocabulary';
import { formatDateTime } from '../../app/japan-time-format';

const interactionPageSize = 10;

export function PartnershipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(PartnershipDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const partnership = data?.partnership;

  if (error && !partnership) return <ApiErrorAlert error={readApiError(error)} />;
  if (loading && !partnership) return <LoadingState label={t('partnerships.loading')} />;
  if (!partnership) return null;

  return (
    <>
      <PageHeader
        title={partnership.title}
        description={t('partnerships.between', { municipality: partnership.municipality.name, partner: partnership.partner.name })}
        actions={
          partnership.mayManage ? (
            <Button component={Link} to={`/partnerships/${partnership.id}/edit`} variant="default">
              {t('partnerships.edit')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {partnership.mayManage ? null : (
          <Alert variant="light" color="gray">
            {t('partnerships.readOnlyNotice')}
          </Alert>
        )}
        <Details partnership={partnership} />
        {partnership.mayManage && partnership.availableStatuses.length ? <StatusActions partnership={partnership} /> : null}
        <Contacts partnership={partnership} />
        <Documents partnership={partnership} />
        <OpenFollowUps partnership={partnership} />
        <InteractionLog partnership={partnership} />
      </Stack>
    </>
  );
}

function Details({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t, i18n } = useTranslation();
  const labels = usePartnershipLabels();
  const none = t('partnerships.notSet');
  return (
    <SectionCard id="partnership-details-heading" title={t('partnerships.sections.details')}>
      <DescriptionList
        label={t('partnerships.sections.details')}
        items={[
          {
            term: t('partnerships.fields.status'),
            description: (
              <Badge variant="light" color={statusColor[partnership.status]} tt="none">
                {labels.status(partnership.status)}
              </Badge>
            ),
          },
          { term: t('partnerships.fields.type'), description: labels.type(partnership.type) },
          {
            term: t('partnerships.fields.municipality'),
            description: partnership.municipality.name,
          },
          {
            term: t('partnerships.fields.partner'),
            description: `${partnership.partner.name}（${organizationKindLabel(t, partnership.partner.kind)}）`,
          },
          { term: t('partnerships.fields.startsOn'), description: formatDay(partnership.startsOn, i18n.language) || none },
          { term: t('partnerships.fields.endsOn'), description: formatDay(partnership.endsOn, i18n.language) || none },
          { term: t('partnerships.fields.reviewOn'), description: formatDay(partnership.reviewOn, i18n.language) || none },
          {
            term: t('partnerships.fields.budgetYen'),
            description: partnership.budgetYen === null || partnership.budgetYen === undefined ? none : formatYen(partnership.budgetYen, i18n.language),
          },
          { term: t('partnerships.fields.updatedAt'), description: formatDateTime(partnership.updatedAt, i18n.language) },
        ]}
      />
      <Text component="h3" fz="sm" c="dimmed" fw={500} mt="md" mb={4}>
        {t('partnerships.fields.description')}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{partnership.description || none}</Text>
    </SectionCard>
  );
}

function StatusActions({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const forget = useForgetPartnershipLists();
  const [setStatus] = useMutation(SetPartnershipStatusDocument);
  const moving = useConfirmation(async (status: PartnershipStatus) => {
    await setStatus({ variables: { id: partnership.id, status } });
    forget();
  });
  const moveTo = (status: PartnershipStatus | null) => (status ? t('partnerships.status.moveTo', { status: labels.status(status) }) : '');

  return (
    <>
      <Group gap="xs" role="group" aria-label={t('partnerships.status.label')}>
        {partnership.availableStatuses.map((status) => (
          <Button
            key={status}
            variant={status === 'ENDED' ? 'light' : 'default'}
            color={status === 'ENDED' ? 'red' : undefined}
            onClick={() => moving.ask(status)}
          >
            {moveTo(status)}
          </Button>
        ))}
      </Group>
      <ConfirmActionDialog confirmation={moving} title={moveTo(moving.target)} confirmLabel={moveTo(moving.target)} danger={moving.target === 'ENDED'}>
        {(status) =>
          t(status === 'ENDED' ? 'partnerships.status.confirmEnd' : 'partnerships.status.confirm', {
            title: partnership.title,
            status: labels.status(status),
          })
        }
      </ConfirmActionDialog>
    </>
  );
}

function Contacts({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  return (
    <SectionCard id="partnership-contacts-heading" title={t('partnerships.contacts.title')}>
      {partnership.contacts.length === 0 ? (
        <Text c="dimmed">{t('partnerships.contacts.none')}</Text>
      ) : (
        <DataTable
          minWidth={560}
          labelledBy="partnership-contacts-heading"
          rows={[...partnership.contacts].sort((a, b) => (a.side === b.side ? 0 : a.side === 'MUNICIPALITY' ? -1 : 1))}
          rowKey={(contact) => contact.id}
          columns={[
            { key: 'side', header: t('partnerships.contacts.side'), cell: (contact) => labels.contactSide(contact.side) },
            { key: 'name', header: t('partnerships.contacts.name'), cell: (contact) => contact.name },
            { key: 'jobTitle', header: t('partnerships.contacts.jobTitle'), cell: (contact) => contact.jobTitle },
            {
              key: 'email',
              header: t('partnerships.contacts.email'),
              cell: (contact) => (contact.email ? <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor> : null),
            },
            {
              key: 'phone',
              header: t('partnerships.contacts.phone'),
              cell: (contact) => (contact.phone ? <Anchor href={`tel:${contact.phone}`}>{contact.phone}</Anchor> : null),
            },
          ]}
        />
      )}
    </SectionCard>
  );
}

function Documents({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t, i18n } = useTranslation();
  const [attach] = useMutation(AttachPartnershipDocumentDocument);
  const [removeDocument] = useMutation(RemovePartnershipDocumentDocument);

  return (
    <SectionCard id="partnership-documents-heading" title={t('partnerships.documents.title')}>
      <AttachedFiles
        files={partnership.documents}
        words="partnerships.documents"
        label={t('partnerships.documents.title')}
        metaOf={(document) => ({ uploadedAt: formatDateTime(document.uploadedAt, i18n.language) })}
        onRemove={partnership.mayManage ? (document) => removeDocument({ variables: { id: partnership.id, documentId: document.id } }) : undefined}
        attach={
          partnership.mayManage
            ? { purpose: 'PARTNERSHIP_DOCUMENT', link: (stored) => attach({ variables: { id: partnership.id, fileId: stored.id } }) }
            : undefined
        }
      />
    </SectionCard>
  );
}

/** One follow-up: its text, due date (red when overdue), assignee and, for the liaisons, a "done" box. */
function FollowUpItem({ followUp, mayManage }: { followUp: PartnershipFollowUpFieldsFragment; mayManage: boolean }) {
  const { t, i18n } = useTranslation();
  const [complete, { loading }] = useMutation(CompletePartnershipFollowUpDocument, { refetchQueries: ['PartnershipInteractions'] });
  const [error, setError] = useState<ApiError | null>(null);
  // The box follows the click at once; the stored state takes over when the API has answered.
  const [pendingDone, setPendingDone] = useState<boolean | null>(null);
  const due = t('partnerships.followUps.due', { date: formatDay(followUp.dueOn, i18n.language) });
  const assignee = followUp.assignee ? t('partnerships.followUps.assignee', { name: followUp.assignee.displayName }) : t('partnerships.followUps.unassigned');
  const overdue = followUp.overdue && !followUp.doneAt;

  const toggle = async (done: boolean) => {
    setError(null);
    setPendingDone(done);
    try {
      await complete({ variables: { id: followUp.id, done } });
    } catch (caught) {
      setError(readApiError(caught));
    } finally {
      setPendingDone(null);
    }
  };

  const details = (
    <Text fz="sm" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 700 : undefined}>
      {[due, overdue ? t('partnerships.followUps.overdue') : null, assignee].filter((part) => part).join(' · ')}
    </Text>
  );

  return (
    <Stack gap={2}>
      {mayManage ? (
        <Checkbox
          checked={pendingDone ?? !!followUp.doneAt}
          disabled={loading}
          onChange={(event) => void toggle(event.currentTarget.checked)}
          label={<Text td={followUp.doneAt ? 'line-through' : undefined}>{followUp.description}</Text>}
          description={details}
          aria-label={t('partnerships.followUps.doneLabel', { description: followUp.description })}
        />
      ) : (
        <>
          <Text td={followUp.doneAt ? 'line-through' : undefined}>
            {followUp.description}
            {followUp.doneAt ? ` (${t('partnerships.followUps.done')})` : ''}
          </Text>
          {details}
        </>
      )}
      <ApiErrorAlert error={error} />
    </Stack>
  );
}

/** Follow-ups as a list, each with its "done" box for the liaisons. */
function FollowUpList({ followUps, mayManage, labelledBy }: { followUps: readonly PartnershipFollowUpFieldsFragment[]; mayManage: boolean; labelledBy?: string }) {
  return (
    <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-labelledby={labelledBy}>
      {followUps.map((followUp) => (
        <li key={followUp.id}>
          <FollowUpItem followUp={followUp} mayManage={mayManage} />
        </li>
      ))}
    </Stack>
  );
}

function OpenFollowUps({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="partnership-follow-ups-heading" title={t('partnerships.followUps.open')}>
      {partnership.openFollowUps.length === 0 ? (
        <Text c="dimmed">{t('partnerships.followUps.noneOpen')}</Text>
      ) : (
        <FollowUpList followUps={partnership.openFollowUps} mayManage={partnership.mayManage} labelledBy="partnership-follow-ups-heading" />
      )}
    </SectionCard>
  );
}

function InteractionLog({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t, i18n } = useTranslation();
  const labels = usePartnershipLabels();
  const [recording, setRecording] = useState(false);
  const query = useQuery(PartnershipInteractionsDocument, {
    variables: { id: partnership.id, first: interactionPageSize },
    fetchPolicy: 'cache-and-network',
  });

  return (
    <SectionCard
      id="partnership-interactions-heading"
      title={t('partnerships.interactions.title')}
      actions={
        partnership.mayManage && !recording ? (
          <Button variant="default" onClick={() => setRecording(true)}>
            {t('partnerships.interactions.record')}
          </Button>
        ) : null
      }
    >
      {recording ? <InteractionForm partnershipId={partnership.id} onDone={() => setRecording(false)} /> : null}
      <ConnectionList
        query={query}
        connection={query.data?.partnership.interactions}
        label={t('partnerships.interactions.title')}
        loadingLabel={t('partnerships.loading')}
        empty={t('partnerships.interactions.none')}
        gap="md"
        renderItem={(interaction) => (
          <Card withBorder padding="md" aria-label={`${formatDay(interaction.occurredOn, i18n.language)} ${labels.interactionKind(interaction.kind)}`}>
            <Group gap="xs" mb={4} wrap="wrap">
              <Badge variant="light" tt="none">
                {labels.interactionKind(interaction.kind)}
              </Badge>
              <Text fw={700}>{formatDay(interaction.occurredOn, i18n.language)}</Text>
              {interaction.recordedBy ? (
                <Text fz="sm" c="dimmed">
                  {t('partnerships.interactions.recordedBy', { name: interaction.recordedBy.displayName })}
                </Text>
              ) : null}
            </Group>
            {interaction.attendees ? <Text fz="sm">{t('partnerships.interactions.attendeesLine', { attendees: interaction.attendees })}</Text> : null}
            {interaction.notes ? (
              <Text mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {interaction.notes}
              </Text>
            ) : null}
            {interaction.followUps.length ? (
              <Stack gap="xs" mt="sm">
                <Text fz="sm" fw={500}>
                  {t('partnerships.followUps.title')}
                </Text>
                <FollowUpList followUps={interaction.followUps} mayManage={partnership.mayManage} />
              </Stack>
            ) : null}
          </Card>
        )}
      />
    </SectionCard>
  );
}
