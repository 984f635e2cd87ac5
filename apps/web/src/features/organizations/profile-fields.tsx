// The public profile of an organisation (what it does, where, how to reach it), shared by the
// organisation page and the network admin's edit dialog. Blank fields are sent as null.
import { Textarea, TextInput } from '@mantine/core';
import type { OrganizationRowFragment } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';

export interface ProfileValues {
  description: string;
  postalCode: string;
  address: string;
  website: string;
  phone: string;
  email: string;
  logoUrl: string;
}

export function profileValuesOf(organization: OrganizationRowFragment | null): ProfileValues {
  return {
    description: organization?.description ?? '',
    postalCode: organization?.postalCode ?? '',
    address: organization?.address ?? '',
    website: organization?.website ?? '',
    phone: organization?.phone ?? '',
    email: organization?.email ?? '',
    logoUrl: organization?.logoUrl ?? '',
  };
}

export function profileInputOf(values: ProfileValues): { [K in keyof ProfileValues]: string | null } {
  const trimmed = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    description: trimmed(values.description),
    postalCode: trimmed(values.postalCode),
    address: trimmed(values.address),
    website: trimmed(values.website),
    phone: trimmed(values.phone),
    email: trimmed(values.email),
    logoUrl: trimmed(values.logoUrl),
  };
}

export function ProfileFields({
  values,
  onChange,
  errors,
}: {
  values: ProfileValues;
  onChange: (field: keyof ProfileValues, value: string) => void;
  errors: Readonly<Record<string, string>> | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea
        label={t('profile.fields.description')}
        description={t('profile.help.description')}
        autosize
        minRows={3}
        value={values.description}
        onChange={(event) => onChange('description', event.currentTarget.value)}
        error={errors?.['description']}
      />
      <TextInput
        label={t('profile.fields.postalCode')}
        description={t('profile.help.postalCode')}
        inputMode="numeric"
        autoComplete="off"
        value={values.postalCode}
        onChange={(event) => onChange('postalCode', event.currentTarget.value)}
        error={errors?.['postalCode']}
        maw={200}
      />
      <TextInput
        label={t('profile.fields.address')}
        value={values.address}
        onChange={(event) => onChange('address', event.currentTarget.value)}
        error={errors?.['address']}
      />
      <TextInput
        label={t('profile.fields.website')}
        description={t('profile.help.website')}
        type="url"
        value={values.website}
        onChange={(event) => onChange('website', event.currentTarget.value)}
        error={errors?.['website']}
      />
      <TextInput
        label={t('profile.fields.phone')}
        type="tel"
        value={values.phone}
        onChange={(event) => onChange('phone', event.currentTarget.value)}
        error={errors?.['phone']}
      />
      <TextInput
        label={t('profile.fields.email')}
        type="email"
        value={values.email}
        onChange={(event) => onChange('email', event.currentTarget.value)}
        error={errors?.['email']}
      />
      <TextInput
        label={t('profile.fields.logoUrl')}
        description={t('profile.help.logoUrl')}
        type="url"
        value={values.logoUrl}
        onChange={(event) => onChange('logoUrl', event.currentTarget.value)}
        error={errors?.['logoUrl']}
      />
    </>
  );
}
