// Recording an interaction (a meeting, call, visit, email): the date, attendees, notes and any
// follow-ups with a due date and an assignee from the municipality's members. The form checks it
// with the API's own schema (interactionInputSchema); the log and the open follow-ups are asked
// again once it is saved.
import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Button, Card, Fieldset, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { interactionInputSchema, japanDate, type InteractionKind } from '@tsunagu/domain';
import { PartnershipAssigneesDocument, RecordPartnershipInteractionDocument, type InteractionInput } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../app/editor-page';
import { LongTextField, TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { usePartnershipLabels } from './vocabulary';

type FollowUpValues = {
  key: number;
  description: string;
  dueOn: string;
  assigneeMembershipId: string | null;
};

type InteractionValues = {
  kind: InteractionKind;
  occurredOn: string;
  attendees: string;
  notes: string;
  followUps: FollowUpValues[];
};

let nextFollowUpKey = 1;

function inputOf(values: InteractionValues): InteractionInput {
  return {
    kind: values.kind,
    occurredOn: values.occurredOn,
    attendees: values.attendees.trim(),
    notes: values.notes.trim(),
    // Rows left completely empty are not follow-ups.
    followUps: values.followUps
      .filter((entry) => entry.description.trim() || entry.dueOn)
      .map((entry) => ({ description: entry.description.trim(), dueOn: entry.dueOn, assigneeMembershipId: entry.assigneeMembershipId })),
  };
}

export function InteractionForm({ partnershipId, onDone }: { partnershipId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const { data: assigneesData } = useQuery(PartnershipAssigneesDocument);
  const assignees = (assigneesData?.partnershipAssignees ?? []).map((member) => ({ value: member.membershipId, label: member.displayName }));
  const [record, { loading }] = useMutation(RecordPartnershipInteractionDocument, { refetchQueries: ['PartnershipInteractions'] });
  const { form, apiError, onSubmit } = useSchemaForm<InteractionValues, typeof interactionInputSchema>({
    schema: interactionInputSchema,
    initialValues: { kind: 'MEETING', occurredOn: japanDate(new Date()), attendees: '', notes: '', followUps: [] },
    toInput: inputOf,
  });
  const followUps = form.values.followUps;

  const submit = onSubmit(async (_checked, values) => {
    await record({ variables: { partnershipId, input: inputOf(values) } });
    onDone();
  });

  return (
    <Card withBorder padding="md" mb="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submit} noValidate aria-label={t('partnerships.interactions.formLabel')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('partnerships.interactions.kind')}
              data={labels.interactionKindOptions}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <TextField
              type="date"
              label={t('partnerships.interactions.occurredOn')}
              required
              form={form} name="occurredOn"
            />
          </SimpleGrid>
          <TextField
            label={t('partnerships.interactions.attendees')}
            description={t('partnerships.interactions.attendeesHelp')}
            form={form} name="attendees"
          />
          <LongTextField
            label={t('partnerships.interactions.notes')}
            rows={3}
            form={form} name="notes"
          />
          <Fieldset legend={t('partnerships.followUps.title')}>
            <Stack gap="sm">
              {followUps.length === 0 ? <Text c="dimmed" fz="sm">{t('partnerships.followUps.noneYet')}</Text> : null}
              {followUps.map((entry, index) => (
                <Group key={entry.key} align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={t('partnerships.followUps.number', { number: index + 1 })}>
                  <TextField
                    label={t('partnerships.followUps.description')}
                    required
                    form={form} name={`followUps.${index}.description`}
                    style={{ flex: '1 1 16rem' }}
                  />
                  <TextField
                    type="date"
                    label={t('partnerships.followUps.dueOn')}
                    required
                    form={form} name={`followUps.${index}.dueOn`}
                    w={170}
                  />
                  <Select
                    label={t('partnerships.followUps.assigneeLabel')}
                    data={assignees}
                    {...form.getInputProps(`followUps.${index}.assigneeMembershipId`)}
                    clearable
                    searchable
                    placeholder={t('partnerships.followUps.unassigned')}
                    nothingFoundMessage={t('common.nothingFound')}
                    w={220}
                  />
                  <ActionIcon
                    variant="light"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('partnerships.followUps.remove', { number: index + 1 })}
                    onClick={() => form.removeListItem('followUps', index)}
                  >
                    <span aria-hidden="true">{'×'}</span>
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => form.insertListItem('followUps', { key: nextFollowUpKey++, description: '', dueOn: '', assigneeMembershipId: null })}
                >
                  {t('partnerships.followUps.add')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <FormActions error={apiError} submitLabel={t('partnerships.interactions.save')} saving={loading} onCancel={onDone} cancelDisabled={loading} />
        </Stack>
      </form>
    </Card>
  );
}
