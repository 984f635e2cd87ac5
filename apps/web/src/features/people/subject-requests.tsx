// The person's requests under APPI, served by the owning organisation: disclosure (JSON and PDF
// of everything held), correction, stop of use and erasure (org admins; provision and access
// records are kept as the law requires).
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { ceaseUseSchema, erasureConfirmationSchema } from '@tsunagu/domain';
import { CeasePersonUseDocument, ErasePersonDocument, PersonDisclosureDocument, type PersonDetailFragment } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSession } from '../../app/auth/use-session';
import { FormConfirmDialog } from '../../app/form-confirm-dialog';
import { TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { MoreActionsMenu } from '../../app/more-actions-menu';
import { SectionCard } from '../../app/section-card';
import { useQueryDownloads } from '../../app/use-download';
import { ReasonDialog } from './reason-dialog';
import { saveFile } from './vocabulary';

export function SubjectRequests({ person }: { person: PersonDetailFragment }) {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const client = useApolloClient();
  const owner = { organizationId: person.ownerOrganizationId };
  const canDisclose = ability.can('read', { __typename: 'PersonRecords', ...owner });
  const canCorrect = ability.can('update', { __typename: 'Person', ...owner });
  const canDelete = ability.can('delete', { __typename: 'Person', ...owner });
  const { downloading, error, run } = useQueryDownloads<'json' | 'pdf'>();
  const [dialog, setDialog] = useState<'cease' | 'erase' | null>(null);
  if (!canDisclose && !canCorrect && !canDelete) return null;
  const active = person.status === 'ACTIVE';

  const disclose = (format: 'json' | 'pdf') =>
    run(format, async () => {
      const result = await client.query({
        query: PersonDisclosureDocument,
        variables: { personId: person.id, language: i18n.language === 'en' ? 'en' : 'ja' },
        fetchPolicy: 'no-cache',
      });
      if (result.data) saveFile(result.data.personDisclosure[format]);
    });

  return (
    <SectionCard id="subject-requests-heading" title={t('people.requests.title')} padding="md">
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          {canDisclose ? (
            <Button variant="default" loading={downloading === 'pdf'} onClick={() => void disclose('pdf')}>
              {t('people.requests.disclosePdf')}
            </Button>
          ) : null}
          {canCorrect && active ? (
            <Button component={Link} to={`/people/${person.id}/correct`} variant="default">
              {t('people.requests.correct')}
            </Button>
          ) : null}
          {canDelete && active ? (
            <Button color="orange" variant="light" onClick={() => setDialog('cease')}>
              {t('people.requests.cease')}
            </Button>
          ) : null}
          {canDelete && person.status !== 'ERASED' ? (
            <Button color="red" variant="light" onClick={() => setDialog('erase')}>
              {t('people.requests.erase')}
            </Button>
          ) : null}
          {/* The disclosure as JSON is for the rare request of a machine-readable copy. */}
          <MoreActionsMenu
            busy={downloading === 'json'}
            actions={canDisclose ? [{ key: 'json', label: t('people.requests.discloseJson'), onClick: () => void disclose('json') }] : []}
          />
        </Group>
        <ApiErrorAlert error={error} />
      </Stack>
      {dialog === 'cease' ? <CeaseDialog person={person} onClose={() => setDialog(null)} /> : null}
      {dialog === 'erase' ? <EraseDialog person={person} onClose={() => setDialog(null)} /> : null}
    </SectionCard>
  );
}

function CeaseDialog({ person, onClose }: { person: PersonDetailFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const [cease] = useMutation(CeasePersonUseDocument, { refetchQueries: ['Person'] });
  return (
    <ReasonDialog
      title={t('people.requests.ceaseTitle')}
      body={t('people.requests.ceaseBody')}
      reasonLabel={t('people.requests.reason')}
      schema={ceaseUseSchema}
      confirmLabel={t('people.requests.cease')}
      submit={(reason) => cease({ variables: { id: person.id, reason } })}
      onClose={onClose}
    />
  );
}

function EraseDialog({ person, onClose }: { person: PersonDetailFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const [erase] = useMutation(ErasePersonDocument, { refetchQueries: ['Person'] });
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: erasureConfirmationSchema(person.pseudonym),
    initialValues: { confirmPseudonym: '' },
    toInput: (values) => values,
  });
  const confirm = onSubmit(async ({ confirmPseudonym }) => {
    await erase({ variables: { id: person.id, confirmPseudonym } });
    onClose();
  });
  return (
    <FormConfirmDialog
      title={t('people.requests.eraseTitle')}
      confirmLabel={t('people.requests.erase')}
      danger
      submitting={form.submitting}
      apiError={apiError}
      onConfirm={() => confirm()}
      onClose={onClose}
    >
      <Stack gap="sm">
        <Text fz="sm">{t('people.requests.eraseBody')}</Text>
        <Text fz="sm">{t('people.requests.eraseKept')}</Text>
        <TextField
          label={t('people.requests.typePseudonym', { pseudonym: person.pseudonym })}
          form={form} name="confirmPseudonym"
          ff="monospace"
        />
      </Stack>
    </FormConfirmDialog>
  );
}
