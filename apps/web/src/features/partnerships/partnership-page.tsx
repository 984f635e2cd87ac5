// One partnership (/partnerships/:id): every field, the contacts of both sides, documents, the
// status moves the API offers (each confirmed), open follow-ups with "done" toggles (overdue in
// red) and the interaction log with the form to record a meeting, call or visit. The partner's
// members (mayManage false) read it all and get no edit controls at all.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
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
import { ConfirmDialog, DescriptionList, LoadingState, PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { FileUploadField } from '../../app/file-upload-field';
import { downloadFile, FileRequestError } from '../../app/files';
import { useFileUpload } from '../../app/use-file-upload';
import { organizationKindLabel } from '../../app/labels';
import { useLoadMore } from '../../app/use-load-more';
import { InteractionForm } from './interaction-form';
import { useForgetPartnershipLists } from './partnership-editor-page';
import { formatBytes, formatDay, formatInstant, formatYen, statusColor, usePartnershipLabels } from './vocabulary';

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
    <Card withBorder padding="lg" component="section" aria-labelledby="partnership-details-heading">
      <Title order={2} fz="h4" id="partnership-details-heading" mb="md">
        {t('partnerships.sections.details')}
      </Title>
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
          { term: t('partnerships.fields.updatedAt'), description: formatInstant(partnership.updatedAt, i18n.language) },
        ]}
      />
      <Text component="h3" fz="sm" c="dimmed" fw={500} mt="md" mb={4}>
        {t('partnerships.fields.description')}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{partnership.description || none}</Text>
    </Card>
  );
}

function StatusActions({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const forget = useForgetPartnershipLists();
  const [setStatus, { loading }] = useMutation(SetPartnershipStatusDocument);
  const [confirming, setConfirming] = useState<PartnershipStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (status: PartnershipStatus) => {
    setError(null);
    try {
      await setStatus({ variables: { id: partnership.id, status } });
      forget();
      setConfirming(null);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <>
      <Group gap="xs" role="group" aria-label={t('partnerships.status.label')}>
        {partnership.availableStatuses.map((status) => (
          <Button
            key={status}
            variant={status === 'ENDED' ? 'light' : 'default'}
            color={status === 'ENDED' ? 'red' : undefined}
            onClick={() => {
              setError(null);
              setConfirming(status);
            }}
          >
            {t('partnerships.status.moveTo', { status: labels.status(status) })}
          </Button>
        ))}
      </Group>
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming ? t('partnerships.status.moveTo', { status: labels.status(confirming) }) : ''}
        confirmLabel={confirming ? t('partnerships.status.moveTo', { status: labels.status(confirming) }) : ''}
        cancelLabel={t('common.cancel')}
        danger={confirming === 'ENDED'}
        loading={loading}
        error={<ApiErrorAlert error={error} />}
        onConfirm={() => confirming && void run(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirming
          ? t(confirming === 'ENDED' ? 'partnerships.status.confirmEnd' : 'partnerships.status.confirm', {
              title: partnership.title,
              status: labels.status(confirming),
            })
          : null}
      </ConfirmDialog>
    </>
  );
}

function Contacts({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="partnership-contacts-heading">
      <Title order={2} fz="h4" id="partnership-contacts-heading" mb="md">
        {t('partnerships.contacts.title')}
      </Title>
      {partnership.contacts.length === 0 ? (
        <Text c="dimmed">{t('partnerships.contacts.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('partnerships.contacts.side')}</Table.Th>
                <Table.Th>{t('partnerships.contacts.name')}</Table.Th>
                <Table.Th>{t('partnerships.contacts.jobTitle')}</Table.Th>
                <Table.Th>{t('partnerships.contacts.email')}</Table.Th>
                <Table.Th>{t('partnerships.contacts.phone')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...partnership.contacts]
                .sort((a, b) => (a.side === b.side ? 0 : a.side === 'MUNICIPALITY' ? -1 : 1))
                .map((contact) => (
                  <Table.Tr key={contact.id}>
                    <Table.Td>{labels.contactSide(contact.side)}</Table.Td>
                    <Table.Td>{contact.name}</Table.Td>
                    <Table.Td>{contact.jobTitle}</Table.Td>
                    <Table.Td>{contact.email ? <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor> : null}</Table.Td>
                    <Table.Td>{contact.phone ? <Anchor href={`tel:${contact.phone}`}>{contact.phone}</Anchor> : null}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function Documents({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t, i18n } = useTranslation();
  const [attach] = useMutation(AttachPartnershipDocumentDocument);
  const [removeDocument, removing] = useMutation(RemovePartnershipDocumentDocument);
  const upload = useFileUpload('PARTNERSHIP_DOCUMENT');
  const [confirmingRemoval, setConfirmingRemoval] = useState<{ id: string; fileName: string } | null>(null);
  const [removalError, setRemovalError] = useState<ApiError | null>(null);

  const download = async (fileId: string, fileName: string) => {
    upload.setError(null);
    try {
      await downloadFile(fileId, fileName);
    } catch (caught) {
      upload.setError(caught instanceof FileRequestError ? (caught.apiMessage ?? t('errors.generic')) : t('errors.generic'));
    }
  };

  const remove = async () => {
    if (!confirmingRemoval) return;
    setRemovalError(null);
    try {
      await removeDocument({ variables: { id: partnership.id, documentId: confirmingRemoval.id } });
      setConfirmingRemoval(null);
    } catch (caught) {
      setRemovalError(readApiError(caught));
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="partnership-documents-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="partnership-documents-heading">
          {t('partnerships.documents.title')}
        </Title>
        {partnership.documents.length === 0 ? <Text c="dimmed">{t('partnerships.documents.none')}</Text> : null}
        {partnership.documents.length ? (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('partnerships.documents.title')}>
            {partnership.documents.map((document) => (
              <Group component="li" key={document.id} justify="space-between" wrap="wrap" gap="xs">
                <Text>
                  {document.fileName}{' '}
                  <Text span c="dimmed" fz="sm">
                    {t('partnerships.documents.meta', { size: formatBytes(document.byteSize, i18n.language), uploadedAt: formatInstant(document.uploadedAt, i18n.language) })}
                  </Text>
                </Text>
                <Group gap="xs">
                  <Button
                    variant="default"
                    size="xs"
                    aria-label={t('partnerships.documents.download', { name: document.fileName })}
                    onClick={() => void download(document.fileId, document.fileName)}
                  >
                    {t('partnerships.documents.downloadShort')}
                  </Button>
                  {partnership.mayManage ? (
                    <Button
                      variant="light"
                      color="red"
                      size="xs"
                      aria-label={t('partnerships.documents.remove', { name: document.fileName })}
                      onClick={() => {
                        setRemovalError(null);
                        setConfirmingRemoval({ id: document.id, fileName: document.fileName });
                      }}
                    >
                      {t('partnerships.documents.removeShort')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
            ))}
          </Stack>
        ) : null}
        <FileUploadField
            upload={upload}
            mayUpload={partnership.mayManage}
            link={(stored) => attach({ variables: { id: partnership.id, fileId: stored.id } })}
            label={t('partnerships.documents.add')}
            description={t('partnerships.documents.help')}
            words={{
              uploading: (name, percent) => t('partnerships.documents.uploading', { name, percent }),
              progress: t('partnerships.documents.progress'),
              uploaded: (stored) => t('partnerships.documents.uploaded', { name: stored.fileName }),
              failed: t('partnerships.documents.failed'),
            }}
          />
      </Stack>
      <ConfirmDialog
        opened={confirmingRemoval !== null}
        title={t('partnerships.documents.removeShort')}
        confirmLabel={t('partnerships.documents.removeShort')}
        cancelLabel={t('common.cancel')}
        danger
        loading={removing.loading}
        error={<ApiErrorAlert error={removalError} />}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmingRemoval(null)}
      >
        {confirmingRemoval ? t('partnerships.documents.confirmRemove', { name: confirmingRemoval.fileName }) : null}
      </ConfirmDialog>
    </Card>
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

function OpenFollowUps({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="partnership-follow-ups-heading">
      <Title order={2} fz="h4" id="partnership-follow-ups-heading" mb="md">
        {t('partnerships.followUps.open')}
      </Title>
      {partnership.openFollowUps.length === 0 ? (
        <Text c="dimmed">{t('partnerships.followUps.noneOpen')}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-labelledby="partnership-follow-ups-heading">
          {partnership.openFollowUps.map((followUp) => (
            <li key={followUp.id}>
              <FollowUpItem followUp={followUp} mayManage={partnership.mayManage} />
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function InteractionLog({ partnership }: { partnership: PartnershipDetailFragment }) {
  const { t, i18n } = useTranslation();
  const labels = usePartnershipLabels();
  const [recording, setRecording] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(PartnershipInteractionsDocument, {
    variables: { id: partnership.id, first: interactionPageSize },
    fetchPolicy: 'cache-and-network',
  });
  const interactions = data?.partnership.interactions;
  const { loadingMore, loadMore } = useLoadMore(fetchMore, interactions?.pageInfo.endCursor);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="partnership-interactions-heading">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} fz="h4" id="partnership-interactions-heading">
          {t('partnerships.interactions.title')}
        </Title>
        {partnership.mayManage && !recording ? (
          <Button variant="default" onClick={() => setRecording(true)}>
            {t('partnerships.interactions.record')}
          </Button>
        ) : null}
      </Group>
      {recording ? <InteractionForm partnershipId={partnership.id} onDone={() => setRecording(false)} /> : null}
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      {loading && !interactions ? <LoadingState label={t('partnerships.loading')} /> : null}
      {interactions && interactions.nodes.length === 0 ? <Text c="dimmed">{t('partnerships.interactions.none')}</Text> : null}
      {interactions?.nodes.length ? (
        <Stack component="ol" gap="md" mt="md" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-labelledby="partnership-interactions-heading">
          {interactions.nodes.map((interaction) => (
            <Card component="li" key={interaction.id} withBorder padding="md" aria-label={`${formatDay(interaction.occurredOn, i18n.language)} ${labels.interactionKind(interaction.kind)}`}>
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
              {interaction.attendees ? (
                <Text fz="sm">
                  {t('partnerships.interactions.attendeesLine', { attendees: interaction.attendees })}
                </Text>
              ) : null}
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
                  <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {interaction.followUps.map((followUp) => (
                      <li key={followUp.id}>
                        <FollowUpItem followUp={followUp} mayManage={partnership.mayManage} />
                      </li>
                    ))}
                  </Stack>
                </Stack>
              ) : null}
            </Card>
          ))}
        </Stack>
      ) : null}
      {interactions?.pageInfo.hasNextPage ? (
        <Button variant="default" mt="md" onClick={() => void loadMore()} loading={loadingMore}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Card>
  );
}
