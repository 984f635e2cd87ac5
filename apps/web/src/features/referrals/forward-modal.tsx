// Forwarding a referral to a third organisation's service: the service from the directory (not
// my organisation's, nor the sender's), a reason, which of the categories shared with me to pass
// on, and whether to pass on the original notes. Before confirming, the forwarder sees exactly
// what will travel (referralForwardPreview): each category the person's consent lets travel to
// that organisation (or why not), and the original notes — consultation data, which travel only
// when ticked and consented. The API checks it all again and writes the provision records.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { forwardReferralSchema, type PersonalDataCategory } from '@tsunagu/domain';
import {
  ForwardReferralDocument,
  ReferralForwardPreviewDocument,
  type ReferralForwardPreviewQuery,
  type ReferralFullFragment,
  type ServiceSummaryFragment,
} from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { LongTextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { usePeopleLabels } from '../people/vocabulary';
import { conflictOf } from './referral-conflict';
import { ServicePicker } from './service-picker';
import { useReferralLabels } from './vocabulary';

type Preview = ReferralForwardPreviewQuery['referralForwardPreview'];

export function ForwardModal({
  referral,
  onClose,
  onConflict,
}: {
  referral: ReferralFullFragment;
  onClose: () => void;
  onConflict: (error: ApiError) => void;
}) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const navigate = useNavigate();
  const [forward] = useMutation(ForwardReferralDocument, { refetchQueries: ['Referral', 'ReferralCounts', 'Referrals'] });
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: forwardReferralSchema,
    initialValues: { service: null as ServiceSummaryFragment | null, reason: '', categories: [] as PersonalDataCategory[], withText: false },
    toInput: ({ service, reason, categories, withText }) => ({
      serviceId: service?.id ?? '',
      reason,
      urgency: referral.urgency,
      sharedCategories: categories,
      forwardOriginalText: withText,
    }),
  });
  const { service, reason, categories, withText } = form.values;
  const previewQuery = useQuery(ReferralForwardPreviewDocument, {
    variables: { id: referral.id, serviceId: service?.id ?? '' },
    skip: !service,
    fetchPolicy: 'network-only',
  });
  const preview = service && previewQuery.data?.referralForwardPreview.serviceId === service.id ? previewQuery.data.referralForwardPreview : null;
  const travelling = (category: PersonalDataCategory) => preview?.categories.find((entry) => entry.category === category)?.travels ?? false;
  const chosen = categories.filter(travelling);
  const textTravels = Boolean(preview?.freeTextMayTravel && withText);

  // A new service: what may travel is that organisation's to say, so the choices start again.
  const choose = (next: ServiceSummaryFragment | null) => form.setValues({ service: next, categories: [], withText: false });

  const submit = onSubmit(async (input) => {
    if (!preview) return;
    const sent = () => forward({ variables: { id: referral.id, input: { ...input, sharedCategories: chosen, forwardOriginalText: textTravels } } });
    if (await conflictOf(sent, onConflict)) return;
    onClose();
    navigate(`/referrals/${referral.id}`);
  });

  return (
    <Modal opened onClose={onClose} title={t('referrals.forward.title')} size="xl" centered>
      {/* Not a <form>: the service picker inside has its own search form. */}
      <Stack gap="md">
        <Text fz="sm">{t('referrals.forward.help')}</Text>
        <Title order={3} fz="h5">
          {t('referrals.forward.service')}
        </Title>
        {service ? (
          <Text fw={600}>{t('referrals.wizard.chosenService', { name: service.name, organization: service.organization.name })}</Text>
        ) : null}
        {form.errors['serviceId'] ? (
          <Text c="red" fz="sm" role="alert">
            {form.errors['serviceId']}
          </Text>
        ) : null}
        <ServicePicker
          excluded={[referral.receiverOrganization.id, referral.senderOrganization.id]}
          selected={service}
          onSelect={choose}
          initialCategories={referral.needs}
        />
        <LongTextField
          label={t('referrals.forward.reason')}
          description={t('referrals.forward.reasonHelp')}
          required
          rows={2}
          form={form} name="reason"
        />
        {previewQuery.error ? <ApiErrorAlert error={readApiError(previewQuery.error)} /> : null}
        {preview ? (
          <>
            {preview.categories.length > 0 ? (
              <Checkbox.Group
                label={t('referrals.forward.categories')}
                description={t('referrals.forward.categoriesHelp')}
                value={chosen}
                onChange={(value) => form.setFieldValue('categories', value as PersonalDataCategory[])}
              >
                <Stack gap={6} mt="xs">
                  {preview.categories.map((entry) => (
                    <Checkbox
                      key={entry.category}
                      value={entry.category}
                      label={labels.category(entry.category)}
                      disabled={!entry.travels}
                      description={
                        entry.travels ? undefined : t('referrals.forward.categoryWithheld', { reason: labels.withheldReason(entry.withheldReason ?? 'NO_CONSENT') })
                      }
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            ) : null}
            <FreeTextChoice preview={preview} checked={withText} onChange={(value) => form.setFieldValue('withText', value)} />
            <TravelSummary preview={preview} categories={chosen} withText={textTravels} reason={reason.trim()} />
          </>
        ) : service ? (
          <Text fz="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        ) : null}
        <ApiErrorAlert error={apiError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={form.submitting}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => submit()} loading={form.submitting} disabled={Boolean(service) && !preview}>
            {t('referrals.forward.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The original notes, and whether the forwarder passes them on (only where consent allows). */
function FreeTextChoice({ preview, checked, onChange }: { preview: Preview; checked: boolean; onChange: (value: boolean) => void }) {
  const { t } = useTranslation();
  const referralLabels = useReferralLabels();
  if (!preview.freeText) return null;
  return (
    <Stack gap={4} data-testid="forward-free-text">
      <Checkbox
        label={t('referrals.forward.freeText')}
        checked={checked && preview.freeTextMayTravel}
        disabled={!preview.freeTextMayTravel}
        onChange={(event) => onChange(event.currentTarget.checked)}
        description={
          preview.freeTextMayTravel
            ? t('referrals.forward.freeTextHelp')
            : t('referrals.forward.freeTextWithheld', { reason: referralLabels.textWithheld(preview.freeTextWithheldReason ?? 'NO_CONSENT') })
        }
      />
      <Text fz="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} pl="xl">
        {preview.freeText}
      </Text>
    </Stack>
  );
}

/** Exactly what the third organisation will receive if the forwarder confirms now. */
function TravelSummary({ preview, categories, withText, reason }: { preview: Preview; categories: PersonalDataCategory[]; withText: boolean; reason: string }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  return (
    <Alert color="blue" variant="light" title={t('referrals.forward.summaryTitle', { organization: preview.receiverOrganization.name })} data-testid="forward-summary">
      <List fz="sm" spacing={4}>
        <List.Item>{t('referrals.forward.summaryReason', { reason: reason || t('referrals.none') })}</List.Item>
        <List.Item data-testid="forward-summary-categories">
          {t('referrals.forward.summaryCategories', {
            categories: categories.length ? categories.map(labels.category).join(t('people.listSeparator')) : t('referrals.none'),
          })}
        </List.Item>
        <List.Item data-testid="forward-summary-text">
          {withText ? t('referrals.forward.summaryTextTravels', { text: preview.freeText ?? '' }) : t('referrals.forward.summaryTextStays')}
        </List.Item>
      </List>
    </Alert>
  );
}
