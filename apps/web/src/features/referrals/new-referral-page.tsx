// /referrals/new — the new-referral wizard: (1) the person, or an anonymous case; (2) the
// receiving service from the directory; (3) the categories of the person's data to share, as
// consent allows; (4) needs, urgency, reason and notes, a review, then send or save as draft.
// ?personId= starts with that person chosen (from the person page); /referrals/:id/edit opens a
// saved draft in the same wizard (updateReferralDraft, then SEND to send it). The API re-checks
// everything; a category without consent comes back as FORBIDDEN (CONSENT_REQUIRED) and its
// message is shown as is.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, MultiSelect, SegmentedControl, Stack, Stepper, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { checkInput, REFERRAL_URGENCIES, referralCaseSchema, referralInputSchema, SERVICE_CATEGORIES, mayDoCasework, type ReferralUrgency } from '@tsunagu/domain';
import {
  CreateReferralDocument,
  PersonDocument,
  ReferralDocument,
  TransitionReferralDocument,
  UpdateReferralDraftDocument,
} from '@tsunagu/graphql-client';
import { DescriptionList, LoadingState, PageHeader } from '@tsunagu/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { LongTextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { usePlaceName } from '../../app/place-names';
import { useDirectoryLabels } from '../directory/vocabulary';
import { personName, usePeopleLabels } from '../people/vocabulary';
import { ServicePicker } from './service-picker';
import { CaseStep } from './wizard-case-step';
import { CategoryChoice } from './wizard-categories-step';
import { caseInputOf, emptyWizard, referralInputOf, wizardOfDraft, type WizardState } from './wizard-state';
import { useReferralLabels } from './vocabulary';

export function NewReferralPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  return (
    <>
      <PageHeader title={t('referrals.wizard.title')} description={t('referrals.wizard.description')} />
      <RequireAbility allowed={!!actor && mayDoCasework(actor.roles)}>
        <Wizard myOrganizationId={actor?.organizationId ?? ''} />
      </RequireAbility>
    </>
  );
}

export function EditReferralDraftPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(ReferralDocument, { variables: { id }, fetchPolicy: 'network-only' });
  const draft = data?.referral.referral;
  return (
    <>
      <PageHeader title={t('referrals.wizard.editTitle')} description={t('referrals.wizard.description')} />
      <RequireAbility allowed={!!actor && mayDoCasework(actor.roles)}>
        {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
        {loading && !draft ? <LoadingState label={t('common.loading')} /> : null}
        {draft && draft.status !== 'DRAFT' ? (
          <Alert color="yellow" variant="light">
            {t('referrals.wizard.notDraft')}
          </Alert>
        ) : null}
        {draft && draft.status === 'DRAFT' ? (
          <Wizard myOrganizationId={actor?.organizationId ?? ''} draftId={draft.id} initial={wizardOfDraft(draft)} />
        ) : null}
      </RequireAbility>
    </>
  );
}

function Wizard({ myOrganizationId, draftId, initial = emptyWizard }: { myOrganizationId: string; draftId?: string; initial?: WizardState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const presetPersonId = params.get('personId');
  const refetchQueries = ['Referrals', 'ReferralCounts', 'PersonReferrals', 'Referral'];
  const [updateDraft] = useMutation(UpdateReferralDraftDocument, { refetchQueries });
  const [transition] = useMutation(TransitionReferralDocument, { refetchQueries });
  const [create] = useMutation(CreateReferralDocument, { refetchQueries });
  const [step, setStep] = useState(0);
  const { form, apiError, onSubmit } = useSchemaForm({ schema: referralInputSchema, initialValues: initial, toInput: referralInputOf });
  const state = form.values;
  const change = (next: Partial<WizardState>) => form.setValues(next);

  const { data: preset } = useQuery(PersonDocument, { variables: { id: presetPersonId ?? '', purpose: null }, skip: !presetPersonId });
  useEffect(() => {
    const person = preset?.person;
    if (person && person.ownedByMe && !form.getValues().person) {
      form.setFieldValue('person', { id: person.id, pseudonym: person.pseudonym, name: personName(person.identity) });
    }
    // Only when the preset person arrives (a person chosen meanwhile stays chosen).
  }, [preset]);

  const anonymous = state.mode === 'anonymous';
  // The next step opens once this one is answered as the API would accept it.
  const stepDone = [checkInput(referralCaseSchema, caseInputOf(state)).ok, state.service !== null, true];
  const last = 3;

  const submit = (send: boolean) =>
    onSubmit(async (input) => {
      if (draftId) {
        await updateDraft({ variables: { id: draftId, input } });
        if (send) await transition({ variables: { id: draftId, action: 'SEND', text: null } });
        navigate(`/referrals/${draftId}`);
        return;
      }
      const result = await create({ variables: { input, send } });
      const id = result.data?.createReferral.id;
      if (id) navigate(`/referrals/${id}`);
    })();

  return (
    <Stack gap="lg">
      <Stepper active={step} onStepClick={(index) => index < step && setStep(index)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('referrals.wizard.stepCase')}>
          <CaseStep state={state} onChange={change} />
        </Stepper.Step>
        <Stepper.Step label={t('referrals.wizard.stepService')}>
          {state.service ? (
            <Text fw={600} mb="sm" data-testid="chosen-service">
              {t('referrals.wizard.chosenService', { name: state.service.name, organization: state.service.organization.name })}
            </Text>
          ) : null}
          <ServicePicker excluded={[myOrganizationId]} selected={state.service} onSelect={(service) => change({ service, categories: [] })} />
        </Stepper.Step>
        <Stepper.Step label={t('referrals.wizard.stepShare')}>
          {anonymous || !state.person || !state.service ? (
            <Alert color="gray" variant="light">
              {t('referrals.wizard.anonymousNothingShared')}
            </Alert>
          ) : (
            <Stack gap="sm">
              <Text>{t('referrals.wizard.shareWith', { organization: state.service.organization.name })}</Text>
              <CategoryChoice
                personId={state.person.id}
                receiverOrganizationId={state.service.organization.id}
                value={state.categories}
                onChange={(categories) => change({ categories })}
              />
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('referrals.wizard.stepDetails')}>
          <DetailsStep form={form} />
        </Stepper.Step>
      </Stepper>
      <ApiErrorAlert error={apiError} />
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          {step > 0 ? (
            <Button variant="default" onClick={() => setStep(step - 1)}>
              {t('referrals.wizard.back')}
            </Button>
          ) : (
            <Button variant="default" component={Link} to="/referrals">
              {t('common.cancel')}
            </Button>
          )}
        </Group>
        {step < last ? (
          <Button onClick={() => setStep(step + 1)} disabled={!stepDone[step]}>
            {t('referrals.wizard.next')}
          </Button>
        ) : (
          <Group gap="sm">
            <Button variant="default" onClick={() => submit(false)} loading={form.submitting}>
              {t('referrals.wizard.saveDraft')}
            </Button>
            <Button onClick={() => submit(true)} loading={form.submitting}>
              {t('referrals.wizard.send')}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}

function DetailsStep({ form }: { form: UseFormReturnType<WizardState> }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const placeName = usePlaceName();
  const directory = useDirectoryLabels();
  const people = usePeopleLabels();
  const list = (values: readonly string[]) => (values.length ? values.join(t('people.listSeparator')) : t('referrals.none'));
  const state = form.values;
  const anonymous = state.anonymous;
  return (
    <Stack gap="lg">
      <Stack gap="sm" maw={720}>
        <MultiSelect
          label={t('referrals.fields.needs')}
          data={labels.options(SERVICE_CATEGORIES)}
          {...form.getInputProps('needs')}
          searchable
          clearable
        />
        <div>
          <Text component="span" fz="sm" fw={500} id="urgency-label">
            {t('referrals.fields.urgency')}
          </Text>
          <SegmentedControl
            aria-labelledby="urgency-label"
            display="flex"
            value={state.urgency}
            onChange={(value) => form.setFieldValue('urgency', value as ReferralUrgency)}
            data={labels.options(REFERRAL_URGENCIES)}
          />
        </div>
        <LongTextField
          label={t('referrals.fields.reason')}
          description={t('referrals.wizard.reasonHelp')}
          required
          rows={3}
          form={form} name="reason"
        />
        <LongTextField
          label={t('referrals.fields.notes')}
          description={t('referrals.wizard.notesHelp')}
          rows={2}
          form={form} name="notes"
        />
      </Stack>
      <Card withBorder padding="md" component="section" aria-labelledby="review-heading">
        <Title order={2} fz="h4" mb="sm" id="review-heading">
          {t('referrals.wizard.review')}
        </Title>
        <DescriptionList
          label={t('referrals.wizard.review')}
          items={[
            {
              term: t('referrals.fields.person'),
              description:
                state.mode === 'person'
                  ? state.person
                    ? `${state.person.name ?? ''} ${state.person.pseudonym}`.trim()
                    : ''
                  : [
                      t('referrals.anonymous'),
                      anonymous.ageBand ? labels.ageBand(anonymous.ageBand) : '',
                      anonymous.gender ? labels.gender(anonymous.gender) : '',
                      anonymous.municipalityCode ? placeName(anonymous.municipalityCode) : '',
                    ]
                      .filter(Boolean)
                      .join(t('people.listSeparator')),
            },
            {
              term: t('referrals.fields.service'),
              description: state.service ? t('referrals.serviceAt', { service: state.service.name, organization: state.service.organization.name }) : '',
            },
            { term: t('referrals.fields.sharedCategories'), description: list(state.categories.map(people.category)) },
            { term: t('referrals.fields.needs'), description: list(state.needs.map(directory.category)) },
            { term: t('referrals.fields.urgency'), description: labels.urgency(state.urgency) },
            { term: t('referrals.fields.reason'), description: state.reason.trim() || t('referrals.none') },
            { term: t('referrals.fields.notes'), description: state.notes.trim() || t('referrals.none') },
          ]}
        />
      </Card>
    </Stack>
  );
}
