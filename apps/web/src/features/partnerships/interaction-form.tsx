// Recording an interaction (a meeting, call, visit, email): the date, attendees, notes and any
// follow-ups with a due date and an assignee from the municipality's members. The API checks it
// again; the log and the open follow-ups are asked again once it is saved.
import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Button, Card, Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { InteractionKind } from '@tsunagu/domain';
import { PartnershipAssigneesDocument, RecordPartnershipInteractionDocument } from '@tsunagu/graphql-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { tokyoToday } from './network-map-model';
import { usePartnershipLabels } from './vocabulary';

interface FollowUpValues {
  key: number;
  description: string;
  dueOn: string;
  assigneeMembershipId: string | null;
}

let nextFollowUpKey = 1;

export function InteractionForm({ partnershipId, onDone }: { partnershipId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const { data: assigneesData } = useQuery(PartnershipAssigneesDocument);
  const assignees = (assigneesData?.partnershipAssignees ?? []).map((member) => ({ value: member.membershipId, label: member.displayName }));
  const [record, { loading }] = useMutation(RecordPartnershipInteractionDocument, { refetchQueries: ['PartnershipInteractions'] });
  const [kind, setKind] = useState<InteractionKind>('MEETING');
  const [occurredOn, setOccurredOn] = useState(() => tokyoToday(new Date()));
  const [attendees, setAttendees] = useState('');
  const [notes, setNotes] = useState('');
  const [followUps, setFollowUps] = useState<FollowUpValues[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldError = (name: string) => error?.fields[name];
  const setFollowUp = (key: number, next: Partial<FollowUpValues>) =>
    setFollowUps((current) => current.map((entry) => (entry.key === key ? { ...entry, ...next } : entry)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await record({
        variables: {
          partnershipId,
          input: {
            kind,
            occurredOn,
            attendees: attendees.trim(),
            notes: notes.trim(),
            followUps: followUps
              .filter((entry) => entry.description.trim() || entry.dueOn)
              .map((entry) => ({ description: entry.description.trim(), dueOn: entry.dueOn, assigneeMembershipId: entry.assigneeMembershipId })),
          },
        },
      });
      onDone();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Card withBorder padding="md" mb="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('partnerships.interactions.formLabel')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('partnerships.interactions.kind')}
              data={labels.interactionKindOptions}
              value={kind}
              allowDeselect={false}
              onChange={(value) => value && setKind(value as InteractionKind)}
            />
            <TextInput
              type="date"
              label={t('partnerships.interactions.occurredOn')}
              value={occurredOn}
              required
              onChange={(event) => setOccurredOn(event.currentTarget.value)}
              error={fieldError('occurredOn')}
            />
          </SimpleGrid>
          <TextInput
            label={t('partnerships.interactions.attendees')}
            description={t('partnerships.interactions.attendeesHelp')}
            value={attendees}
            maxLength={1000}
            onChange={(event) => setAttendees(event.currentTarget.value)}
            error={fieldError('attendees')}
          />
          <Textarea
            label={t('partnerships.interactions.notes')}
            value={notes}
            autosize
            minRows={3}
            maxLength={10000}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={fieldError('notes')}
          />
          <Fieldset legend={t('partnerships.followUps.title')}>
            <Stack gap="sm">
              {followUps.length === 0 ? <Text c="dimmed" fz="sm">{t('partnerships.followUps.noneYet')}</Text> : null}
              {followUps.map((entry, index) => (
                <Group key={entry.key} align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={t('partnerships.followUps.number', { number: index + 1 })}>
                  <TextInput
                    label={t('partnerships.followUps.description')}
                    value={entry.description}
                    required
                    maxLength={1000}
                    onChange={(event) => setFollowUp(entry.key, { description: event.currentTarget.value })}
                    error={fieldError(`followUps.${index}.description`)}
                    style={{ flex: '1 1 16rem' }}
                  />
                  <TextInput
                    type="date"
                    label={t('partnerships.followUps.dueOn')}
                    value={entry.dueOn}
                    required
                    onChange={(event) => setFollowUp(entry.key, { dueOn: event.currentTarget.value })}
                    error={fieldError(`followUps.${index}.dueOn`)}
                    w={170}
                  />
                  <Select
                    label={t('partnerships.followUps.assigneeLabel')}
                    data={assignees}
                    value={entry.assigneeMembershipId}
                    clearable
                    searchable
                    placeholder={t('partnerships.followUps.unassigned')}
                    nothingFoundMessage={t('common.nothingFound')}
                    onChange={(value) => setFollowUp(entry.key, { assigneeMembershipId: value })}
                    w={220}
                  />
                  <ActionIcon
                    variant="light"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('partnerships.followUps.remove', { number: index + 1 })}
                    onClick={() => setFollowUps((current) => current.filter((other) => other.key !== entry.key))}
                  >
                    <span aria-hidden="true">{'×'}</span>
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => setFollowUps((current) => [...current, { key: nextFollowUpKey++, description: '', dueOn: '', assigneeMembershipId: null }])}
                >
                  {t('partnerships.followUps.add')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <ApiErrorAlert error={error} />
          <Group gap="sm">
            <Button type="submit" loading={loading}>
              {t('partnerships.interactions.save')}
            </Button>
            <Button variant="default" onClick={onDone} disabled={loading}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
