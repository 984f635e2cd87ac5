// The registration and correction form: ordinary categories, then — only for roles that may
// see them — the special-care categories (要配慮個人情報) in a visibly separate section. The
// person schema's problems and the API's (both keyed like "identity.familyName", the input's path
// in the form) appear next to their inputs, and a failed submit lists them at the top of the form
// and focuses the first (FormErrorSummary): every input carries its path as data-path.
import { Alert, Button, Card, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { SERVICE_CATEGORIES } from '@tsunagu/domain';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import type { ApiError } from '../../app/api-errors';
import { FormErrorSummary } from '../../app/form-error-summary';
import { LongTextField, TextField } from '../../app/form-fields';
import { useVocabularyLabels } from '../../app/labels';
import { MunicipalitySelect } from '../../app/place-names';
import { useDirectoryLabels } from '../directory/vocabulary';
import { SpecialCareBadge } from './person-badges';
import {
  ordinarySections,
  specialCareSections,
  type FieldSpec,
  type PersonFormValues,
  type SectionSpec,
} from './person-fields';
import { usePeopleLabels } from './vocabulary';

export interface PersonFormProps {
  /** The form's state (useSchemaForm with the person schema); field paths are "section.field". */
  form: UseFormReturnType<PersonFormValues>;
  apiError: ApiError | null;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  showSpecialCare: boolean;
  /** Sections withheld from me are not offered (a correction cannot blank what it cannot see). */
  hiddenSections?: readonly string[];
  submitLabel: string;
  /** Shown above the buttons, e.g. the duplicate warning or the correction reason. */
  footer?: ReactNode;
  onCancel: () => void;
}

export function PersonForm(props: PersonFormProps) {
  const { t } = useTranslation();
  const { form, showSpecialCare, hiddenSections = [] } = props;
  const visible = (section: SectionSpec) => !hiddenSections.includes(section.name);
  const section = (spec: SectionSpec) => <FormSection key={spec.name} spec={spec} form={form} />;

  return (
    <form onSubmit={props.onSubmit} noValidate>
      <Stack gap="lg">
        <FormErrorSummary />
        {ordinarySections.filter(visible).map(section)}
        {showSpecialCare ? (
          <Card withBorder padding="lg" bg="grape.0" style={{ borderColor: 'var(--mantine-color-grape-4)', borderWidth: 2 }}>
            <Stack gap="md">
              <Group gap="sm">
                <Title order={2} fz="h4">
                  {t('people.specialCareSection')}
                </Title>
                <SpecialCareBadge />
              </Group>
              <Alert color="grape" variant="light">
                {t('people.specialCareHelp')}
              </Alert>
              {specialCareSections.filter(visible).map(section)}
            </Stack>
          </Card>
        ) : null}
        {props.footer}
        <ApiErrorAlert error={props.apiError} />
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FormSection({ spec, form }: { spec: SectionSpec; form: UseFormReturnType<PersonFormValues> }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const directory = useDirectoryLabels();
  const vocabularyLabels = useVocabularyLabels();

  const input = (field: FieldSpec) => {
    const key = `${spec.name}.${field.name}` as const;
    const common = { label: labels.field(spec.category, field.name), required: field.required };
    switch (field.kind) {
      case 'needs':
        return (
          <Checkbox.Group
            key={key}
            label={common.label}
            value={form.values.needs}
            onChange={(needs) => form.setFieldValue('needs', SERVICE_CATEGORIES.codes.filter((code) => needs.includes(code)))}
            error={form.errors[key]}
            data-path={key}
            style={{ gridColumn: '1 / -1' }}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt={6}>
              {SERVICE_CATEGORIES.codes.map((code) => (
                <Checkbox key={code} value={code} label={directory.category(code)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        );
      case 'municipality':
        return (
          <MunicipalitySelect
            key={key}
            {...common}
            value={form.values[spec.name][field.name]}
            error={form.errors[key]}
            onChange={(code) => form.setFieldValue(key, code ?? '')}
          />
        );
      case 'textarea':
        return <LongTextField key={key} {...common} rows={2} form={form} name={key} style={{ gridColumn: '1 / -1' }} />;
      case 'select':
      case 'boolean': {
        const options =
          field.kind === 'boolean'
            ? [
                { value: 'true', label: t('people.yes') },
                { value: 'false', label: t('people.no') },
              ]
            : field.options
              ? vocabularyLabels.options(field.options)
              : [];
        return (
          <Select
            key={key}
            {...common}
            data={options}
            value={form.values[spec.name][field.name] || null}
            error={form.errors[key]}
            data-path={key}
            placeholder={field.kind === 'boolean' ? t('people.unknown') : undefined}
            clearable
            onChange={(next) => form.setFieldValue(key, next ?? '')}
          />
        );
      }
      default:
        return (
          <TextField
            key={key}
            {...common}
            // A count is typed as text with the numeric keyboard: a number input would drop the full-width digits of an IME.
            type={field.kind === 'date' ? 'date' : 'text'}
            inputMode={field.kind === 'number' ? 'numeric' : undefined}
            form={form}
            name={key}
          />
        );
    }
  };

  return (
    <Card withBorder padding="lg">
      <Fieldset legend={labels.category(spec.category)} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {spec.fields.map(input)}
        </SimpleGrid>
      </Fieldset>
    </Card>
  );
}
