// Every field of a service (ServiceInput; an update replaces them all), in plain inputs:
// vocabularies as labelled checkboxes, opening hours and contact channels as rows that can be
// added and removed, 24 hours hiding the hours, the waitlist note and date only for WAITLIST,
// and service areas as municipalities (chosen by name, stored as codes) or nationwide. The
// shared service schema checks the form before it is sent, with the API's words; the API
// checks again.
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import {
  CAPACITY_STATES,
  CHANNEL_KINDS,
  FEE_KINDS,
  SERVICE_CATEGORIES,
  SERVICE_LANGUAGES,
  TARGET_GROUPS,
  WEEKDAYS,
  serviceInputSchema,
  type CapacityState,
  type ChannelKind,
  type FeeKind,
  type ServiceCategory,
  type TargetGroup,
  type Weekday,
} from '@tsunagu/domain';
import type { ServiceDetailFragment, ServiceInput } from '@tsunagu/graphql-client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { LongTextField, TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { LabelledChoice } from '../../app/labelled-choice';
import { MunicipalityMultiSelect } from '../../app/place-names';
import { useDirectoryLabels } from './vocabulary';

interface PeriodRow {
  key: number;
  day: Weekday;
  opens: string;
  closes: string;
}

interface ChannelRow {
  key: number;
  kind: ChannelKind;
  value: string;
  note: string;
  public: boolean;
}

export interface ServiceFormValues extends Record<string, unknown> {
  name: string;
  nameKana: string;
  description: string;
  categories: ServiceCategory[];
  targetGroups: TargetGroup[];
  eligibility: string;
  ageMin: number | '';
  ageMax: number | '';
  nationwide: boolean;
  areaCodes: string[];
  languages: string[];
  open24h: boolean;
  openingHours: PeriodRow[];
  channels: ChannelRow[];
  fee: FeeKind;
  feeNote: string;
  capacity: CapacityState;
  waitlistNote: string;
  waitlistExpectedOn: string;
  acceptsReferrals: boolean;
  lastReviewedOn: string;
}

let nextKey = 1;
const key = () => nextKey++;

/** Today in Japan, as YYYY-MM-DD. */
function todayInJapan(): string {
  return new Date(Date.now() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function blankService(areaCode: string | null): ServiceFormValues {
  return {
    name: '',
    nameKana: '',
    description: '',
    categories: [],
    targetGroups: [],
    eligibility: '',
    ageMin: '',
    ageMax: '',
    nationwide: false,
    areaCodes: areaCode ? [areaCode] : [],
    languages: ['ja'],
    open24h: false,
    openingHours: [],
    channels: [{ key: key(), kind: 'PHONE', value: '', note: '', public: true }],
    fee: 'FREE',
    feeNote: '',
    capacity: 'ACCEPTING',
    waitlistNote: '',
    waitlistExpectedOn: '',
    acceptsReferrals: true,
    lastReviewedOn: todayInJapan(),
  };
}

export function valuesOfService(service: ServiceDetailFragment): ServiceFormValues {
  return {
    name: service.name,
    nameKana: service.nameKana ?? '',
    description: service.description,
    categories: [...service.categories],
    targetGroups: [...service.targetGroups],
    eligibility: service.eligibility ?? '',
    ageMin: service.ageMin ?? '',
    ageMax: service.ageMax ?? '',
    nationwide: service.nationwide,
    areaCodes: [...service.areaCodes],
    languages: [...service.languages],
    open24h: service.open24h,
    openingHours: service.openingHours.map((period) => ({ key: key(), ...period })),
    channels: service.channels.map((channel) => ({ key: key(), ...channel, note: channel.note ?? '' })),
    fee: service.fee,
    feeNote: service.feeNote ?? '',
    capacity: service.capacity,
    waitlistNote: service.waitlistNote ?? '',
    waitlistExpectedOn: service.waitlistExpectedOn ?? '',
    acceptsReferrals: service.acceptsReferrals,
    lastReviewedOn: service.lastReviewedOn ?? '',
  };
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

export function inputOf(values: ServiceFormValues): ServiceInput {
  const waitlist = values.capacity === 'WAITLIST';
  return {
    name: values.name.trim(),
    nameKana: optional(values.nameKana),
    description: values.description.trim(),
    categories: values.categories,
    targetGroups: values.targetGroups,
    eligibility: optional(values.eligibility),
    ageMin: values.ageMin === '' ? null : values.ageMin,
    ageMax: values.ageMax === '' ? null : values.ageMax,
    nationwide: values.nationwide,
    areaCodes: values.nationwide ? [] : values.areaCodes,
    languages: values.languages,
    open24h: values.open24h,
    openingHours: values.open24h
      ? []
      : values.openingHours.map((period) => ({ day: period.day, opens: period.opens, closes: period.closes })),
    channels: values.channels.map((channel) => ({
      kind: channel.kind,
      value: channel.value.trim(),
      note: optional(channel.note),
      public: channel.public,
    })),
    fee: values.fee,
    feeNote: optional(values.feeNote),
    capacity: values.capacity,
    waitlistNote: waitlist ? optional(values.waitlistNote) : null,
    waitlistExpectedOn: waitlist ? optional(values.waitlistExpectedOn) : null,
    acceptsReferrals: values.acceptsReferrals,
    lastReviewedOn: optional(values.lastReviewedOn),
  };
}

function FieldError({ message }: { message: ReactNode }) {
  if (!message) return null;
  return (
    <Text fz="sm" c="red" role="alert">
      {message}
    </Text>
  );
}

function FormSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Fieldset legend={legend} variant="unstyled">
        <Stack gap="md">{children}</Stack>
      </Fieldset>
    </Card>
  );
}

/** A vocabulary as labelled checkboxes, kept in the vocabulary's order whatever order they are ticked in. */
/** Checkboxes for a list of codes; value, error and onChange as form.getInputProps gives them. */
function CodeCheckboxes<C extends string>(props: {
  label: string;
  codes: readonly C[];
  labelOf: (code: C) => string;
  required?: boolean;
  value?: readonly string[];
  error?: ReactNode;
  onChange: (codes: C[]) => void;
}) {
  return (
    <Checkbox.Group
      label={props.label}
      withAsterisk={props.required}
      value={[...(props.value ?? [])]}
      onChange={(codes) => props.onChange(props.codes.filter((code) => codes.includes(code)))}
      error={props.error}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt={6}>
        {props.codes.map((code) => (
          <Checkbox key={code} value={code} label={props.labelOf(code)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={label} onClick={onClick}>
      <span aria-hidden="true">{t('directory.removeSymbol')}</span>
    </ActionIcon>
  );
}

export interface ServiceFormProps {
  initial: ServiceFormValues;
  submitLabel: string;
  /** Sends the checked input; a rejection (the API's answer) is shown on the form. */
  onSave: (input: ServiceInput) => Promise<unknown>;
  onCancel: () => void;
}

export function ServiceForm({ initial, submitLabel, onSave, onCancel }: ServiceFormProps) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const { form, apiError, onSubmit } = useSchemaForm({ schema: serviceInputSchema, initialValues: initial, toInput: inputOf });
  const { values } = form;
  const rowLabel = (field: 'day' | 'opens' | 'closes' | 'channelKind' | 'channelValue' | 'channelNote' | 'channelPublic', index: number) => t('directory.rowLabel', { field: t(`directory.fields.${field}`), row: index + 1 });

  const addPeriod = () => {
    const last = values.openingHours[values.openingHours.length - 1];
    const nextDay = last ? WEEKDAYS[(WEEKDAYS.indexOf(last.day) + 1) % WEEKDAYS.length] : 'MO';
    form.insertListItem('openingHours', { key: key(), day: nextDay, opens: last?.opens ?? '09:00', closes: last?.closes ?? '17:00' });
  };

  const weekdayOptions = WEEKDAYS.map((day) => ({ value: day, label: t(`directory.weekday.${day}`) }));
  const channelOptions = CHANNEL_KINDS.codes.map((kind) => ({ value: kind, label: labels.channel(kind) }));

  return (
    <form onSubmit={onSubmit((input) => onSave(input))} noValidate>
      <Stack gap="lg">
        <FormSection legend={t('directory.sections.about')}>
          <TextField label={t('directory.fields.name')} required form={form} name="name" />
          <TextField label={t('directory.fields.nameKana')} description={t('directory.help.nameKana')} form={form} name="nameKana" />
          <LongTextField
            label={t('directory.fields.description')}
            description={t('directory.help.description')}
            rows={4}
            form={form} name="description"
          />
          <CodeCheckboxes
            label={t('directory.fields.categories')}
            required
            codes={SERVICE_CATEGORIES.codes}
            labelOf={labels.category}
            {...form.getInputProps('categories')}
          />
        </FormSection>

        <FormSection legend={t('directory.sections.whoAndWhere')}>
          <CodeCheckboxes
            label={t('directory.fields.targetGroups')}
            codes={TARGET_GROUPS.codes}
            labelOf={labels.targetGroup}
            {...form.getInputProps('targetGroups')}
          />
          <LongTextField label={t('directory.fields.eligibility')} rows={2} form={form} name="eligibility" />
          <Group gap="md" align="flex-start">
            {(['ageMin', 'ageMax'] as const).map((field) => (
              <NumberInput
                key={field}
                label={t(`directory.fields.${field}`)}
                min={0}
                max={130}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps(field)}
                onChange={(value) => form.setFieldValue(field, typeof value === 'number' ? value : '')}
                w={160}
              />
            ))}
          </Group>
          <Switch label={t('directory.fields.nationwide')} {...form.getInputProps('nationwide', { type: 'checkbox' })} />
          {values.nationwide ? null : (
            <MunicipalityMultiSelect
              label={t('directory.fields.areaCodes')}
              description={t('directory.help.areaCodes')}
              {...form.getInputProps('areaCodes')}
            />
          )}
          <CodeCheckboxes
            label={t('directory.fields.languages')}
            required
            codes={SERVICE_LANGUAGES.codes}
            labelOf={labels.language}
            {...form.getInputProps('languages')}
          />
        </FormSection>

        <FormSection legend={t('directory.sections.hours')}>
          <Switch label={t('directory.fields.open24h')} {...form.getInputProps('open24h', { type: 'checkbox' })} />
          {values.open24h ? null : (
            <Stack gap="sm">
              <Text fz="sm" c="dimmed">
                {t('directory.help.openingHours')}
              </Text>
              {values.openingHours.map((row, index) => (
                <Group key={row.key} gap="sm" align="flex-end" wrap="wrap">
                  <Select
                    label={t('directory.fields.day')}
                    aria-label={rowLabel('day', index)}
                    data={weekdayOptions}
                    value={row.day}
                    allowDeselect={false}
                    onChange={(day) => day && form.setFieldValue(`openingHours.${index}.day`, day as Weekday)}
                    w={130}
                  />
                  {(['opens', 'closes'] as const).map((field) => (
                    <TextField
                      key={field}
                      type="time"
                      label={t(`directory.fields.${field}`)}
                      aria-label={rowLabel(field, index)}
                      form={form} name={`openingHours.${index}.${field}`}
                      w={130}
                    />
                  ))}
                  <RemoveRowButton label={t('directory.removeRow', { row: index + 1 })} onClick={() => form.removeListItem('openingHours', index)} />
                </Group>
              ))}
              <FieldError message={form.errors['openingHours']} />
              <Button variant="default" onClick={addPeriod} style={{ alignSelf: 'flex-start' }}>
                {t('directory.addPeriod')}
              </Button>
            </Stack>
          )}
        </FormSection>

        <FormSection legend={t('directory.sections.channels')}>
          <Text fz="sm" c="dimmed">
            {t('directory.help.channels')}
          </Text>
          {values.channels.map((row, index) => (
            <Card key={row.key} withBorder padding="sm" bg="gray.0">
              <Stack gap="xs">
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <Select
                    label={t('directory.fields.channelKind')}
                    aria-label={rowLabel('channelKind', index)}
                    data={channelOptions}
                    value={row.kind}
                    allowDeselect={false}
                    onChange={(kind) => kind && form.setFieldValue(`channels.${index}.kind`, kind as ChannelKind)}
                    w={200}
                  />
                  <TextField
                    label={t('directory.fields.channelValue')}
                    aria-label={rowLabel('channelValue', index)}
                    form={form} name={`channels.${index}.value`}
                    style={{ flex: '1 1 14rem' }}
                  />
                  <RemoveRowButton label={t('directory.removeChannel', { row: index + 1 })} onClick={() => form.removeListItem('channels', index)} />
                </Group>
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <TextField
                    label={t('directory.fields.channelNote')}
                    aria-label={rowLabel('channelNote', index)}
                    form={form} name={`channels.${index}.note`}
                    style={{ flex: '1 1 14rem' }}
                  />
                  <Switch
                    label={t('directory.fields.channelPublic')}
                    aria-label={rowLabel('channelPublic', index)}
                    {...form.getInputProps(`channels.${index}.public`, { type: 'checkbox' })}
                    mb={8}
                  />
                </Group>
              </Stack>
            </Card>
          ))}
          <FieldError message={form.errors['channels']} />
          <Button
            variant="default"
            onClick={() => form.insertListItem('channels', { key: key(), kind: 'PHONE', value: '', note: '', public: true })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('directory.addChannel')}
          </Button>
        </FormSection>

        <FormSection legend={t('directory.sections.feeAndCapacity')}>
          <LabelledChoice<FeeKind>
            label={t('directory.fields.fee')}
            value={values.fee}
            onChange={(fee) => form.setFieldValue('fee', fee)}
            data={FEE_KINDS.map((fee) => ({ value: fee, label: t(`directory.fee.${fee}`) }))}
            error={form.errors['fee']}
          />
          <TextField label={t('directory.fields.feeNote')} form={form} name="feeNote" />
          <Select
            label={t('directory.fields.capacity')}
            data={CAPACITY_STATES.map((state) => ({ value: state, label: t(`directory.capacity.${state}`) }))}
            allowDeselect={false}
            {...form.getInputProps('capacity')}
            onChange={(capacity) => capacity && form.setFieldValue('capacity', capacity as CapacityState)}
            maw={320}
          />
          {values.capacity === 'WAITLIST' ? (
            <>
              <LongTextField label={t('directory.fields.waitlistNote')} rows={2} form={form} name="waitlistNote" />
              <TextField type="date" label={t('directory.fields.waitlistExpectedOn')} form={form} name="waitlistExpectedOn" w={200} />
            </>
          ) : null}
          <Switch label={t('directory.fields.acceptsReferrals')} {...form.getInputProps('acceptsReferrals', { type: 'checkbox' })} />
          <TextField
            type="date"
            label={t('directory.fields.lastReviewedOn')}
            description={t('directory.help.lastReviewedOn')}
            form={form} name="lastReviewedOn"
            w={220}
          />
        </FormSection>

        <ApiErrorAlert error={apiError} />
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
