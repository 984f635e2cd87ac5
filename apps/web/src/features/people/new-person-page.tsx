// /people/new: register a person my organisation supports. While kana and birth date are
// filled, people of my organisation with the same key are listed; registering anyway needs
// the explicit "not the same person" confirmation (acknowledgeDuplicates).
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Checkbox, List, Stack, Text } from '@mantine/core';
import { maySeeSpecialCare, personInputSchema } from '@tsunagu/domain';
import { CreatePersonDocument, PossibleDuplicatesDocument, type IdentityInput } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { useSchemaForm } from '../../app/forms';
import { PersonForm } from './person-form';
import { blankPerson, inputOf, ordinarySections, specialCareSections, type PersonFormValues } from './person-fields';

export function NewPersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { actor, ability } = useSession();
  const showSpecialCare = maySeeSpecialCare(actor?.roles ?? []);
  const [acknowledged, setAcknowledged] = useState(false);
  const [mustAcknowledge, setMustAcknowledge] = useState(false);
  const [create] = useMutation(CreatePersonDocument);
  const sections = showSpecialCare ? [...ordinarySections, ...specialCareSections] : ordinarySections;
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: personInputSchema(new Date()),
    initialValues: blankPerson(),
    toInput: (values: PersonFormValues) => inputOf(values, sections, 'create'),
  });

  const identity = form.values.identity;
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

  const submit = onSubmit(async (_checked, values) => {
    setMustAcknowledge(duplicates.length > 0 && !acknowledged);
    if (duplicates.length > 0 && !acknowledged) return;
    const result = await create({ variables: { input: inputOf(values, sections, 'create'), acknowledgeDuplicates: acknowledged } });
    if (result.data) navigate(`/people/${result.data.createPerson.id}`);
  });

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
  // Registering over a possible duplicate needs the confirmation first (the API would refuse).
  const acknowledgeFirst: ApiError | null = mustAcknowledge ? { code: 'CONFLICT', message: t('people.duplicates.acknowledgeFirst'), fields: {} } : null;

  return (
    <>
      <PageHeader title={t('people.new.title')} description={t('people.new.description')} />
      <RequireAbility allowed={ability.can('create', { __typename: 'Person', organizationId: actor?.organizationId ?? '' })}>
        <PersonForm
          form={form}
          apiError={acknowledgeFirst ?? apiError}
          onSubmit={submit}
          showSpecialCare={showSpecialCare}
          submitLabel={t('people.new.submit')}
          footer={footer}
          onCancel={() => navigate('/people')}
        />
      </RequireAbility>
    </>
  );
}
