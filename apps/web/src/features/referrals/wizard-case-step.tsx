// Wizard step 1: the case — a person my organisation registered (searched by name or kana), or
// an anonymous case with nothing identifying (age band, optional gender and municipality).
import { useQuery } from '@apollo/client/react';
import { Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { AGE_BANDS, anonymousCaseSchema, checkInput, GENDERS, problemsIn, type AgeBand, type Gender } from '@tsunagu/domain';
import { PeopleDocument } from '@tsunagu/graphql-client';
import { LoadingState } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { languageOf } from '../../app/forms';
import { MunicipalitySelect } from '../../app/place-names';
import { ShortCode } from '../../app/short-code';
import { PersonSearchBox } from '../people/person-search-box';
import { ChooseButton } from './choose-button';
import { personName } from '../people/vocabulary';
import { useReferralLabels } from './vocabulary';
import type { WizardState } from './wizard-state';

export function CaseStep({ state, onChange }: { state: WizardState; onChange: (next: Partial<WizardState>) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('referrals.wizard.caseKind')}
        value={state.mode}
        onChange={(value) => onChange({ mode: value === 'anonymous' ? 'anonymous' : 'person', categories: [] })}
        data={[
          { value: 'person', label: t('referrals.wizard.registeredPerson') },
          { value: 'anonymous', label: t('referrals.wizard.anonymousCase') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {state.mode === 'person' ? <PersonSearch state={state} onChange={onChange} /> : <AnonymousCaseFields state={state} onChange={onChange} />}
    </Stack>
  );
}

function PersonSearch({ state, onChange }: { state: WizardState; onChange: (next: Partial<WizardState>) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, loading, error } = useQuery(PeopleDocument, { variables: { search: search || undefined, first: 20 }, fetchPolicy: 'cache-and-network' });
  const people = (data?.people.nodes ?? []).filter((person) => person.status === 'ACTIVE');
  return (
    <Stack gap="sm">
      {state.person ? (
        <Text fw={600} data-testid="chosen-person">
          {t('referrals.wizard.chosenPerson', { name: state.person.name ?? state.person.pseudonym, pseudonym: state.person.pseudonym })}
        </Text>
      ) : null}
      <PersonSearchBox label={t('referrals.wizard.personSearchLabel')} value={search} onSearch={setSearch} />
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      {loading && !data ? <LoadingState label={t('common.loading')} /> : null}
      {data && people.length === 0 ? <Text c="dimmed">{t('people.noResults')}</Text> : null}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {people.map((person) => {
          const name = personName(person.identity);
          const chosen = state.person?.id === person.id;
          return (
            <li key={person.id}>
              <Card withBorder padding="xs">
                <Group justify="space-between" wrap="wrap">
                  <Group gap="sm">
                    <Text fw={500}>{name ?? t('people.withheld')}</Text>
                    <ShortCode c="dimmed">{person.pseudonym}</ShortCode>
                  </Group>
                  <ChooseButton
                    size="xs"
                    chosen={chosen}
                    label={t('referrals.wizard.choosePerson', { name: name ?? person.pseudonym })}
                    onClick={() => onChange({ person: { id: person.id, pseudonym: person.pseudonym, name }, categories: [] })}
                  />
                </Group>
              </Card>
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}

const municipalityCodeSchema = anonymousCaseSchema.pick({ municipalityCode: true });

function AnonymousCaseFields({ state, onChange }: { state: WizardState; onChange: (next: Partial<WizardState>) => void }) {
  const { t, i18n } = useTranslation();
  const labels = useReferralLabels();
  const anonymous = state.anonymous;
  // Said as soon as it is typed: the wizard's next step waits for a code the API accepts.
  const municipality = checkInput(municipalityCodeSchema, { municipalityCode: anonymous.municipalityCode });
  return (
    <Stack gap="sm" maw={520}>
      <Text fz="sm" c="dimmed">
        {t('referrals.wizard.anonymousHelp')}
      </Text>
      <Select
        label={t('referrals.fields.ageBand')}
        required
        data={labels.options(AGE_BANDS)}
        value={anonymous.ageBand}
        onChange={(value) => onChange({ anonymous: { ...anonymous, ageBand: (value as AgeBand | null) ?? null } })}
      />
      <Select
        label={t('referrals.fields.gender')}
        clearable
        data={labels.options(GENDERS)}
        value={anonymous.gender}
        onChange={(value) => onChange({ anonymous: { ...anonymous, gender: (value as Gender | null) ?? null } })}
      />
      <MunicipalitySelect
        label={t('referrals.fields.municipalityCode')}
        description={t('referrals.wizard.municipalityHelp')}
        value={anonymous.municipalityCode}
        error={municipality.ok ? undefined : problemsIn(municipality.problems, languageOf(i18n.language))['municipalityCode']}
        onChange={(code) => onChange({ anonymous: { ...anonymous, municipalityCode: code ?? '' } })}
      />
    </Stack>
  );
}
