// /people/:id/correct — 訂正: the registration fields prefilled with what is stored, and the
// reason for the correction (required; kept with the correction record).
import { useMutation, useQuery } from '@apollo/client/react';
import { Card } from '@mantine/core';
import { correctionReason, maySeeSpecialCare, personInputSchema } from '@tsunagu/domain';
import { CorrectPersonDocument, PersonDocument, type PersonDetailFragment } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { LongTextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { PersonForm } from './person-form';
import { inputOf, ordinarySections, specialCareSections, valuesOfPerson, type PersonFormValues } from './person-fields';

export function CorrectPersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(PersonDocument, { variables: { id }, fetchPolicy: 'network-only' });
  if (error) return <ApiErrorAlert error={readApiError(error)} />;
  if (loading || !data) return <LoadingState label={t('common.loading')} />;
  return <CorrectionForm person={data.person} />;
}

function CorrectionForm({ person }: { person: PersonDetailFragment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { actor, ability } = useSession();
  const showSpecialCare = maySeeSpecialCare(actor?.roles ?? []);
  const [correct] = useMutation(CorrectPersonDocument);
  // Only sections disclosed to me are shown and sent: a correction never blanks what it cannot see.
  const hidden = [...ordinarySections, ...specialCareSections]
    .filter((section) => person[section.name].access !== 'DISCLOSED')
    .map((section) => section.name);
  const sections = [...ordinarySections, ...(showSpecialCare ? specialCareSections : [])].filter((section) => !hidden.includes(section.name));

  const { form, apiError, onSubmit } = useSchemaForm({
    schema: personInputSchema(new Date(), { reason: correctionReason }),
    initialValues: { ...valuesOfPerson(person), reason: '' },
    toInput: (values: PersonFormValues & { reason: string }) => ({ ...inputOf(values, sections, 'correct'), reason: values.reason }),
  });

  const submit = onSubmit(async ({ reason }, values) => {
    await correct({ variables: { id: person.id, input: inputOf(values, sections, 'correct'), reason } });
    navigate(`/people/${person.id}`);
  });

  return (
    <>
      <PageHeader title={t('people.correct.title', { pseudonym: person.pseudonym })} description={t('people.correct.description')} />
      <RequireAbility allowed={ability.can('update', { __typename: 'Person', organizationId: person.ownerOrganizationId })}>
        <PersonForm
          form={form}
          apiError={apiError}
          onSubmit={submit}
          showSpecialCare={showSpecialCare}
          hiddenSections={hidden}
          submitLabel={t('people.correct.submit')}
          footer={
            <Card withBorder padding="lg">
              <LongTextField
                label={t('people.correct.reason')}
                description={t('people.correct.reasonHelp')}
                required
                rows={2}
                form={form} name="reason"
              />
            </Card>
          }
          onCancel={() => navigate(`/people/${person.id}`)}
        />
      </RequireAbility>
    </>
  );
}
