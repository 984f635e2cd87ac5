// The public profile of an organisation (what it does, where, how to reach it), shared by the
// organisation page and the network admin's edit dialog. The shared organisation schema checks
// it; blank fields are sent as null.
import { Textarea, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { OrganizationRowFragment } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';

// A type, not an interface: form values must be a plain record.
export type ProfileValues = {
  description: string;
  postalCode: string;
  address: string;
  website: string;
  phone: string;
  email: string;
  logoUrl: string;
};

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

/** The profile part of a form's values, as the schema reads it (it trims and turns blanks into null). */
export function profileInputOf(values: ProfileValues): ProfileValues {
  const { description, postalCode, address, website, phone, email, logoUrl } = values;
  return { description, postalCode, address, website, phone, email, logoUrl };
}

/** The profile inputs, wired to the enclosing form (`inputProps={form.getInputProps}`). */
export function ProfileFields({ inputProps }: { inputProps: (field: keyof ProfileValues) => GetInputPropsReturnType }) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea
        label={t('profile.fields.description')}
        description={t('profile.help.description')}
        autosize
        minRows={3}
        {...inputProps('description')}
      />
      <TextInput
        label={t('profile.fields.postalCode')}
        description={t('profile.help.postalCode')}
        inputMode="numeric"
        autoComplete="off"
        {...inputProps('postalCode')}
        maw={200}
      />
      <TextInput label={t('profile.fields.address')} {...inputProps('address')} />
      <TextInput label={t('profile.fields.website')} description={t('profile.help.website')} type="url" {...inputProps('website')} />
      <TextInput label={t('profile.fields.phone')} type="tel" {...inputProps('phone')} />
      <TextInput label={t('profile.fields.email')} type="email" {...inputProps('email')} />
      <TextInput label={t('profile.fields.logoUrl')} description={t('profile.help.logoUrl')} type="url" {...inputProps('logoUrl')} />
    </>
  );
}
