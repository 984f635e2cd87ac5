// /people/:id/edit and /people/:id/correct — one page for the two ways a person's recorded details
// change: 編集, the everyday change (a new phone number, a move) through updatePerson, and 訂正, a
// correction at the person's own request through correctPerson, recorded with its reason. Both
// show the registration fields prefilled with what is stored and send only what is disclosed to me.
import { useMutation, useQuery } from '@apollo/client/react';
import { Card } from '@mantine/core';
import { correctionReason, maySeeSpecialCare, personInputSchema } from '@tsunagu/domain';
import { CorrectPersonDocument, PersonDocument, UpdatePersonDocument, type PersonDetailFragment } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { z } from 'zod';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { LongTextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { PersonForm } from './person-form';
import { inputOf, ordinarySections, specialCareSections, valuesOfPerson, type PersonFormValues } from './person-fields';

/** 編集 or 訂正: the words of the page (people.edit.* or people.correct.*) and the mutation. */
type ChangeMode = 'edit' | 'correct';

export function EditPersonPage() {
  return <ChangePersonPage mode="edit" />;
}

export function CorrectPersonPage() {
  return <ChangePersonPage mode="correct" />;
}

function ChangePersonPage({ mode }: { mode: ChangeMode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(PersonDocument, { variables: { id }, fetchPolicy: 'network-only' });
  if (error) return <ApiErrorAlert error={readApiError(error)} />;
  if (loading || !data) return <LoadingState label={t('common.loading')} />;
  return <ChangeForm person={data.person} mode={mode} />;
}

function ChangeForm({ person, mode }: { person: PersonDetailFragment; mode: ChangeMode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { actor, ability } = useSession();
  const showSpecialCare = maySeeSpecialCare(actor?.roles ?? []);
  const [update] = useMutation(UpdatePersonDocument);
  const [correct] = useMutation(CorrectPersonDocument);
  // Only sections disclosed to me are shown and sent: a change never blanks what it cannot see.
  const hidden = [...ordinarySections, ...specialCareSections]
    .filter((section) => person[section.name].access !== 'DISCLOSED')
    .map((section) => section.name);
  const sections = [...ordinarySections, ...(showSpecialCare ? specialCareSections : [])].filter((section) => !hidden.includes(section.name));
  const correcting = mode === 'correct';

  // The reason is asked (and checked as the API checks it) only for a correction.
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: personInputSchema(new Date(), { reason: correcting ? correctionReason : z.string() }),
    initialValues: { ...valuesOfPerson(person), reason: '' },
    toInput: (values: PersonFormValues & { reason: string }) => ({ ...inputOf(values, sections, 'change'), reason: values.reason }),
  });

  const submit = onSubmit(async ({ reason }, values) => {
    const input = inputOf(values, sections, 'change');
    if (correcting) await correct({ variables: { id: person.id, input, reason } });
    else await update({ variables: { id: person.id, input } });
    navigate(`/people/${person.id}`);
  });

  return (
    <>
      <PageHeader title={t(`people.${mode}.title`, { pseudonym: person.pseudonym })} description={t(`people.${mode}.description`)} />
      <RequireAbility allowed={ability.can('update', { __typename: 'Person', organizationId: person.ownerOrganizationId })}>
        <PersonForm
          form={form}
          apiError={apiError}
          onSubmit={submit}
          showSpecialCare={showSpecialCare}
          hiddenSections={hidden}
          submitLabel={t(`people.${mode}.submit`)}
          footer={
            correcting ? (
              <Card withBorder padding="lg">
                <LongTextField
                  label={t('people.correct.reason')}
                  description={t('people.correct.reasonHelp')}
                  required
                  rows={2}
                  form={form} name="reason"
                />
              </Card>
            ) : undefined
          }
          onCancel={() => navigate(`/people/${person.id}`)}
        />
      </RequireAbility>
    </>
  );
}
