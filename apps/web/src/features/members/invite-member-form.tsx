// Invite someone by email with the roles they will hold; the link is mailed in the chosen
// language and lasts 7 days. Only roles the actor may grant and the organisation's kind allows
// are offered.
import { useMutation } from '@apollo/client/react';
import { inviteMemberSchema, type OrganizationKind, type Role } from '@tsunagu/domain';
import { InvitationsDocument, InviteMemberDocument } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/use-session';
import { TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { LanguageChoice } from '../../app/language-choice';
import { SectionForm } from '../../app/section-form';
import { offeredRoles, RoleCheckboxes } from './role-checkboxes';

export function InviteMemberForm({ organizationId, organizationKind }: { organizationId: string; organizationKind: OrganizationKind | undefined }) {
  const { t, i18n } = useTranslation();
  const { actor } = useSession();
  const offer = offeredRoles(actor?.roles ?? [], organizationKind);
  const [inviteMember] = useMutation(InviteMemberDocument, {
    refetchQueries: [{ query: InvitationsDocument, variables: { organizationId } }],
    awaitRefetchQueries: true,
  });
  const [sentTo, setSentTo] = useState('');
  const inviteForm = useSchemaForm({
    schema: inviteMemberSchema,
    initialValues: { email: '', roles: ['STAFF'] as Role[], language: i18n.language === 'en' ? 'en' : 'ja' },
    toInput: (values) => values,
  });
  const { form } = inviteForm;

  return (
    <SectionForm
      id="invite-heading"
      title={t('members.invite.heading')}
      description={t('members.invite.description')}
      schemaForm={inviteForm}
      send={async (input, values) => {
        await inviteMember({ variables: { input: { organizationId, ...input } } });
        setSentTo(values.email.trim());
        form.setValues({ email: '', roles: ['STAFF'] });
      }}
      done={t('members.invite.sent', { email: sentTo })}
      submitLabel={t('members.invite.submit')}
      maw={520}
    >
      <TextField label={t('fields.email')} type="email" autoComplete="off" required form={form} name="email" />
      <RoleCheckboxes label={t('fields.roles')} offer={offer} kind={organizationKind} {...form.getInputProps('roles')} />
      <LanguageChoice
        label={t('members.invite.language')}
        value={form.values.language}
        onChange={(language) => form.setFieldValue('language', language)}
        error={form.errors['language']}
      />
    </SectionForm>
  );
}
