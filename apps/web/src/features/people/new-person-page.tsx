// /people/new: register a person my organisation supports. While kana and birth date are
// filled, people of my organisation with the same key are listed; registering anyway needs
// the explicit "not the same person" confirmation (acknowledgeDuplicates).
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Checkbox, List, Stack, Text } from '@mantine/core';
import { maySeeSpecialCare } from '@tsunagu/domain';
import { CreatePersonDocument, PossibleDuplicatesDocument, type IdentityInput } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { readApiError, type ApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { PersonForm } from './person-form';
import { blankPerson, inputOf, ordinarySections, specialCareSections, type PersonFormValues } from './person-fields';

export function NewPersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { actor, ability } = useSession();
  const showSpecialCare = maySeeSpecialCare(actor?.roles ?? []);
  const [values, setValues] = useState<PersonFormValues>(blankPerson);
  const [acknowledged, setAcknowledged] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [create, { loading }] = useMutation(CreatePersonDocument);

  const identity = values.fields.identity;
  const duplicateCheck: IdentityInput | null =
    identity.familyNameKana.trim() && identity.givenNameKana.trim() && identity.birthDate
      ? {
          familyName: identity.familyName.trim(),
          givenName: identity.givenName.trim(),
          familyNameKana: identity.familyNameKana.trim(),
          givenNameKana: identity.givenNameKana.trim(),
          birthDate: identity.birthDate,
        }
      : null;
  const { data: duplicatesData } = useQuery(PossibleDuplicatesDocument, {
    variables: { identity: duplicateCheck ?? { familyName: '', givenName: '', familyNameKana: '', givenNameKana: '' } },
    skip: !duplicateCheck,
    fetchPolicy: 'network-only',
  });
  const duplicates = duplicateCheck ? (duplicatesData?.possibleDuplicates ?? []) : [];

  const submit = async () => {
    setError(null);
    if (duplicates.length > 0 && !acknowledged) {
      setError({ code: 'CONFLICT', message: t('people.duplicates.acknowledgeFirst'), fields: {} });
      return;
    }
    const sections = showSpecialCare ? [...ordinarySections, ...specialCareSections] : ordinarySections;
    try {
      const result = await create({
        variables: { input: inputOf(values, sections, 'create'), acknowledgeDuplicates: acknowledged },
      });
      if (result.data) navigate(`/people/${result.data.createPerson.id}`);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  const footer =
    duplicates.length > 0 ? (
      <Alert color="orange" variant="light" title={t('people.duplicates.title')} role="alert">
        <Stack gap="xs">
          <Text fz="sm">{t('people.duplicates.body')}</Text>
          <List size="sm">
            {duplicates.map((duplicate) => (
              <List.Item key={duplicate.id} ff="monospace">
                {duplicate.pseudonym}
              </List.Item>
            ))}
          </List>
          <Checkbox
            label={t('people.duplicates.acknowledge')}
            checked={acknowledged}
            onChange={(event) => setAcknowledged(event.currentTarget.checked)}
          />
        </Stack>
      </Alert>
    ) : null;

  return (
    <>
      <PageHeader title={t('people.new.title')} description={t('people.new.description')} />
      <RequireAbility allowed={ability.can('create', { __typename: 'Person', organizationId: actor?.organizationId ?? '' })}>
        <PersonForm
          values={values}
          onChange={setValues}
          showSpecialCare={showSpecialCare}
          submitLabel={t('people.new.submit')}
          saving={loading}
          error={error}
          footer={footer}
          onSubmit={() => void submit()}
          onCancel={() => navigate('/people')}
        />
      </RequireAbility>
    </>
  );
}
