// Every field of a service (ServiceInput; an update replaces them all), in plain inputs:
// vocabularies as labelled checkboxes, opening hours and contact channels as rows that can be
// added and removed, 24 hours hiding the hours, the waitlist note and date only for WAITLIST,
// and service areas as 5-digit municipality codes or nationwide. The API checks everything
// again and names faulty fields; its messages appear next to them.
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  CAPACITY_STATES,
  CHANNEL_KINDS,
  FEE_KINDS,
  SERVICE_CATEGORIES,
  SERVICE_LANGUAGES,
  TARGET_GROUPS,
  WEEKDAYS,
  type CapacityState,
  type ChannelKind,
  type FeeKind,
  type ServiceCategory,
  type TargetGroup,
  type Weekday,
} from '@tsunagu/domain';
import type { ServiceDetailFragment, ServiceInput } from '@tsunagu/graphql-client';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import type { ApiError } from '../../app/api-errors';
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

export interface ServiceFormValues {
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

function FieldError({ message }: { message: string | undefined }) {
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

export interface ServiceFormProps {
  initial: ServiceFormValues;
  submitLabel: string;
  saving: boolean;
  error: ApiError | null;
  onSubmit: (input: ServiceInput) => void;
  onCancel: () => void;
}

export function ServiceForm({ initial, submitLabel, saving, error, onSubmit, onCancel }: ServiceFormProps) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const [values, setValues] = useState<ServiceFormValues>(initial);
  const [attempted, setAttempted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof ServiceFormValues>(field: K, value: ServiceFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const fieldError = (name: string) => error?.fields[name];

  const nameMissing = attempted && values.name.trim() === '';
  const categoriesMissing = attempted && values.categories.length === 0;

  const updatePeriod = (rowKey: number, change: Partial<PeriodRow>) =>
    set('openingHours', values.openingHours.map((row) => (row.key === rowKey ? { ...row, ...change } : row)));
  const updateChannel = (rowKey: number, change: Partial<ChannelRow>) =>
    set('channels', values.channels.map((row) => (row.key === rowKey ? { ...row, ...change } : row)));

  const addPeriod = () => {
    const last = values.openingHours[values.openingHours.length - 1];
    const nextDay = last ? WEEKDAYS[(WEEKDAYS.indexOf(last.day) + 1) % WEEKDAYS.length] : 'MO';
    set('openingHours', [
      ...values.openingHours,
      { key: key(), day: nextDay, opens: last?.opens ?? '09:00', closes: last?.closes ?? '17:00' },
    ]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (values.name.trim() === '' || values.categories.length === 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    onSubmit(inputOf(values));
  };

  const weekdayOptions = WEEKDAYS.map((day) => ({ value: day, label: t(`directory.weekday.${day}`) }));
  const channelOptions = CHANNEL_KINDS.codes.map((kind) => ({ value: kind, label: labels.channel(kind) }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormSection legend={t('directory.sections.about')}>
          <TextInput
            label={t('directory.fields.name')}
            required
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={nameMissing ? t('validation.required') : fieldError('name')}
          />
          <TextInput
            label={t('directory.fields.nameKana')}
            description={t('directory.help.nameKana')}
            value={values.nameKana}
            onChange={(event) => set('nameKana', event.currentTarget.value)}
            error={fieldError('nameKana')}
          />
          <Textarea
            label={t('directory.fields.description')}
            description={t('directory.help.description')}
            autosize
            minRows={4}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={fieldError('description')}
          />
          <Checkbox.Group
            label={t('directory.fields.categories')}
            withAsterisk
            value={values.categories}
            onChange={(codes) => set('categories', SERVICE_CATEGORIES.codes.filter((code) => codes.includes(code)))}
            error={categoriesMissing ? t('directory.validation.categories') : fieldError('categories')}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt={6}>
              {SERVICE_CATEGORIES.codes.map((code) => (
                <Checkbox key={code} value={code} label={labels.category(code)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </FormSection>

        <FormSection legend={t('directory.sections.whoAndWhere')}>
          <Checkbox.Group
            label={t('directory.fields.targetGroups')}
            value={values.targetGroups}
            onChange={(codes) => set('targetGroups', TARGET_GROUPS.codes.filter((code) => codes.includes(code)))}
            error={fieldError('targetGroups')}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt={6}>
              {TARGET_GROUPS.codes.map((code) => (
                <Checkbox key={code} value={code} label={labels.targetGroup(code)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label={t('directory.fields.eligibility')}
            autosize
            minRows={2}
            value={values.eligibility}
            onChange={(event) => set('eligibility', event.currentTarget.value)}
            error={fieldError('eligibility')}
          />
          <Group gap="md" align="flex-start">
            <NumberInput
              label={t('directory.fields.ageMin')}
              min={0}
              max={130}
              allowDecimal={false}
              allowNegative={false}
              value={values.ageMin}
              onChange={(value) => set('ageMin', typeof value === 'number' ? value : '')}
              error={fieldError('ageMin')}
              w={160}
            />
            <NumberInput
              label={t('directory.fields.ageMax')}
              min={0}
              max={130}
              allowDecimal={false}
              allowNegative={false}
              value={values.ageMax}
              onChange={(value) => set('ageMax', typeof value === 'number' ? value : '')}
              error={fieldError('ageMax')}
              w={160}
            />
          </Group>
          <Switch
            label={t('directory.fields.nationwide')}
            checked={values.nationwide}
            onChange={(event) => set('nationwide', event.currentTarget.checked)}
          />
          {values.nationwide ? null : (
            <TagsInput
              label={t('directory.fields.areaCodes')}
              description={t('directory.help.areaCodes')}
              value={values.areaCodes}
              onChange={(codes) => set('areaCodes', codes.map((code) => code.trim()).filter(Boolean))}
              splitChars={[',', ' ', '、']}
              acceptValueOnBlur
              clearable
              error={fieldError('areaCodes')}
            />
          )}
          <Checkbox.Group
            label={t('directory.fields.languages')}
            withAsterisk
            value={values.languages}
            onChange={(codes) => set('languages', SERVICE_LANGUAGES.codes.filter((code) => codes.includes(code)))}
            error={fieldError('languages')}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt={6}>
              {SERVICE_LANGUAGES.codes.map((code) => (
                <Checkbox key={code} value={code} label={labels.language(code)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </FormSection>

        <FormSection legend={t('directory.sections.hours')}>
          <Switch
            label={t('directory.fields.open24h')}
            checked={values.open24h}
            onChange={(event) => set('open24h', event.currentTarget.checked)}
          />
          {values.open24h ? null : (
            <Stack gap="sm">
              <Text fz="sm" c="dimmed">
                {t('directory.help.openingHours')}
              </Text>
              {values.openingHours.map((row, index) => (
                <Group key={row.key} gap="sm" align="flex-end" wrap="wrap">
                  <Select
                    label={t('directory.fields.day')}
                    aria-label={t('directory.rowLabel', { field: t('directory.fields.day'), row: index + 1 })}
                    data={weekdayOptions}
                    value={row.day}
                    allowDeselect={false}
                    onChange={(day) => day && updatePeriod(row.key, { day: day as Weekday })}
                    w={130}
                  />
                  <TextInput
                    type="time"
                    label={t('directory.fields.opens')}
                    aria-label={t('directory.rowLabel', { field: t('directory.fields.opens'), row: index + 1 })}
                    value={row.opens}
                    onChange={(event) => updatePeriod(row.key, { opens: event.currentTarget.value })}
                    w={130}
                  />
                  <TextInput
                    type="time"
                    label={t('directory.fields.closes')}
                    aria-label={t('directory.rowLabel', { field: t('directory.fields.closes'), row: index + 1 })}
                    value={row.closes}
                    onChange={(event) => updatePeriod(row.key, { closes: event.currentTarget.value })}
                    w={130}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('directory.removeRow', { row: index + 1 })}
                    onClick={() => set('openingHours', values.openingHours.filter((other) => other.key !== row.key))}
                  >
                    <span aria-hidden="true">{t('directory.removeSymbol')}</span>
                  </ActionIcon>
                </Group>
              ))}
              <FieldError message={fieldError('openingHours')} />
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
                    aria-label={t('directory.rowLabel', { field: t('directory.fields.channelKind'), row: index + 1 })}
                    data={channelOptions}
                    value={row.kind}
                    allowDeselect={false}
                    onChange={(kind) => kind && updateChannel(row.key, { kind: kind as ChannelKind })}
                    w={200}
                  />
                  <TextInput
                    label={t('directory.fields.channelValue')}
                    aria-label={t('directory.rowLabel', { field: t('directory.fields.channelValue'), row: index + 1 })}
                    value={row.value}
                    onChange={(event) => updateChannel(row.key, { value: event.currentTarget.value })}
                    style={{ flex: '1 1 14rem' }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('directory.removeChannel', { row: index + 1 })}
                    onClick={() => set('channels', values.channels.filter((other) => other.key !== row.key))}
                  >
                    <span aria-hidden="true">{t('directory.removeSymbol')}</span>
                  </ActionIcon>
                </Group>
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <TextInput
                    label={t('directory.fields.channelNote')}
                    aria-label={t('directory.rowLabel', { field: t('directory.fields.channelNote'), row: index + 1 })}
                    value={row.note}
                    onChange={(event) => updateChannel(row.key, { note: event.currentTarget.value })}
                    style={{ flex: '1 1 14rem' }}
                  />
                  <Switch
                    label={t('directory.fields.channelPublic')}
                    aria-label={t('directory.rowLabel', { field: t('directory.fields.channelPublic'), row: index + 1 })}
                    checked={row.public}
                    onChange={(event) => updateChannel(row.key, { public: event.currentTarget.checked })}
                    mb={8}
                  />
                </Group>
              </Stack>
            </Card>
          ))}
          <FieldError message={fieldError('channels')} />
          <Button
            variant="default"
            onClick={() => set('channels', [...values.channels, { key: key(), kind: 'PHONE', value: '', note: '', public: true }])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('directory.addChannel')}
          </Button>
        </FormSection>

        <FormSection legend={t('directory.sections.feeAndCapacity')}>
          <Stack gap={4}>
            <Text component="span" fz="sm" fw={500} id="service-fee-label">
              {t('directory.fields.fee')}
            </Text>
            <SegmentedControl
              aria-labelledby="service-fee-label"
              value={values.fee}
              onChange={(fee) => set('fee', fee as FeeKind)}
              data={FEE_KINDS.map((fee) => ({ value: fee, label: t(`directory.fee.${fee}`) }))}
              style={{ alignSelf: 'flex-start' }}
            />
            <FieldError message={fieldError('fee')} />
          </Stack>
          <TextInput
            label={t('directory.fields.feeNote')}
            value={values.feeNote}
            onChange={(event) => set('feeNote', event.currentTarget.value)}
            error={fieldError('feeNote')}
          />
          <Select
            label={t('directory.fields.capacity')}
            data={CAPACITY_STATES.map((state) => ({ value: state, label: t(`directory.capacity.${state}`) }))}
            value={values.capacity}
            allowDeselect={false}
            onChange={(capacity) => capacity && set('capacity', capacity as CapacityState)}
            error={fieldError('capacity')}
            maw={320}
          />
          {values.capacity === 'WAITLIST' ? (
            <>
              <Textarea
                label={t('directory.fields.waitlistNote')}
                autosize
                minRows={2}
                value={values.waitlistNote}
                onChange={(event) => set('waitlistNote', event.currentTarget.value)}
                error={fieldError('waitlistNote')}
              />
              <TextInput
                type="date"
                label={t('directory.fields.waitlistExpectedOn')}
                value={values.waitlistExpectedOn}
                onChange={(event) => set('waitlistExpectedOn', event.currentTarget.value)}
                error={fieldError('waitlistExpectedOn')}
                w={200}
              />
            </>
          ) : null}
          <Switch
            label={t('directory.fields.acceptsReferrals')}
            checked={values.acceptsReferrals}
            onChange={(event) => set('acceptsReferrals', event.currentTarget.checked)}
          />
          <TextInput
            type="date"
            label={t('directory.fields.lastReviewedOn')}
            description={t('directory.help.lastReviewedOn')}
            value={values.lastReviewedOn}
            onChange={(event) => set('lastReviewedOn', event.currentTarget.value)}
            error={fieldError('lastReviewedOn')}
            w={220}
          />
        </FormSection>

        <ApiErrorAlert error={error} />
        <Group gap="sm">
          <Button type="submit" loading={saving}>
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
