// /admin/second-factor — a network admin requires two-step verification of the roles that read
// personal data, with a grace period, and sees who has set it up (never the factors themselves).
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { MAX_SECOND_FACTOR_GRACE_DAYS, SECOND_FACTOR_POLICY_ROLES, secondFactorPolicySchema } from '@tsunagu/domain';
import { SecondFactorEnrolmentsDocument, SecondFactorPolicyDocument, SetSecondFactorPolicyDocument } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader, RoleBadges } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { ConnectionTable } from '../../app/connection-list';
import { NumberField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { formatDateTime } from '../../app/japan-time-format';
import { roleLabel, roleOptions } from '../../app/labels';
import { SectionCard } from '../../app/section-card';

const DAY_MS = 24 * 60 * 60 * 1000;
const pageSize = 50;

export function SecondFactorPolicyPage() {
  const { t } = useTranslation();
  const { me, ability } = useSession();
  const network = me?.activeMembership.network;
  const allowed = !!network && ability.can('update', { __typename: 'Network', id: network.id });
  return (
    <>
      <PageHeader
        title={t('secondFactor.policy.title')}
        description={t('secondFactor.policy.description', {
          roles: SECOND_FACTOR_POLICY_ROLES.map((role) => roleLabel(t, role)).join('、'),
        })}
      />
      <RequireAbility allowed={allowed}>
        <Stack gap="lg">
          <PolicyLoader />
          <EnrolmentsTable />
        </Stack>
      </RequireAbility>
    </>
  );
}

function PolicyLoader() {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(SecondFactorPolicyDocument, { fetchPolicy: 'network-only' });
  if (error) return <ApiErrorAlert error={readApiError(error)} />;
  if (loading || !data) return <LoadingState label={t('common.loading')} />;
  const policy = data.secondFactorPolicy;
  const remainingDays = policy.graceUntil ? Math.max(0, Math.ceil((new Date(policy.graceUntil).getTime() - Date.now()) / DAY_MS)) : 14;
  return (
    <Stack gap="sm">
      <Text fz="sm" data-testid="second-factor-policy-status">
        {policy.required
          ? t('secondFactor.policy.statusOn', {
              since: policy.requiredSince ? formatDateTime(policy.requiredSince, i18n.language) : '—',
              until: policy.graceUntil ? formatDateTime(policy.graceUntil, i18n.language) : '—',
            })
          : t('secondFactor.policy.statusOff')}
      </Text>
      <PolicyForm initial={{ required: policy.required, graceDays: remainingDays }} />
    </Stack>
  );
}

function PolicyForm({ initial }: { initial: { required: boolean; graceDays: number } }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [save] = useMutation(SetSecondFactorPolicyDocument, { refetchQueries: [SecondFactorPolicyDocument] });
  const { form, apiError, onSubmit } = useSchemaForm({ schema: secondFactorPolicySchema, initialValues: initial, toInput: (values) => values });
  const submit = onSubmit(async (input) => {
    setSaved(false);
    await save({ variables: { input } });
    setSaved(true);
  });
  return (
    <Card withBorder padding="lg" maw={800}>
      <form onSubmit={submit} aria-label={t('secondFactor.policy.title')}>
        <Stack gap="md">
          <Switch label={t('secondFactor.policy.required')} {...form.getInputProps('required', { type: 'checkbox' })} />
          {form.values.required ? (
            <NumberField
              label={t('secondFactor.policy.graceDays')}
              description={t('secondFactor.policy.graceHelp')}
              min={0}
              max={MAX_SECOND_FACTOR_GRACE_DAYS}
              allowDecimal={false}
              form={form}
              name="graceDays"
            />
          ) : null}
          <ApiErrorAlert error={apiError} />
          {saved ? (
            <Alert color="teal" variant="light" role="status">
              {t('secondFactor.policy.saved')}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('secondFactor.policy.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function EnrolmentsTable() {
  const { t } = useTranslation();
  const query = useQuery(SecondFactorEnrolmentsDocument, { variables: { first: pageSize }, notifyOnNetworkStatusChange: true });
  const connection = query.data?.secondFactorEnrolments;
  const rows = connection ? { ...connection, nodes: connection.nodes.map((node) => ({ ...node, id: node.membershipId })) } : undefined;
  return (
    <SectionCard id="second-factor-enrolments-heading" title={t('secondFactor.policy.enrolmentsTitle')} description={t('secondFactor.policy.enrolmentsDescription')}>
      <ConnectionTable
        query={query}
        connection={rows}
        minWidth={720}
        labelledBy="second-factor-enrolments-heading"
        columns={[
          { key: 'name', header: t('secondFactor.policy.name'), cell: (row) => row.displayName },
          { key: 'organization', header: t('secondFactor.policy.organization'), cell: (row) => row.organizationName },
          { key: 'roles', header: t('secondFactor.policy.roles'), cell: (row) => <RoleBadges roles={roleOptions(t, row.roles)} /> },
          {
            key: 'covered',
            header: t('secondFactor.policy.covered'),
            cell: (row) => (row.coveredByPolicy ? t('secondFactor.policy.yes') : t('secondFactor.policy.no')),
          },
          {
            key: 'enrolled',
            header: t('secondFactor.policy.enrolled'),
            cell: (row) => (
              <Badge color={row.enrolled ? 'teal' : row.coveredByPolicy ? 'orange' : 'gray'} variant="light" tt="none">
                {row.enrolled
                  ? row.methods.map((method) => t(`secondFactor.methods.${method}`)).join('、')
                  : t('secondFactor.policy.enrolledNo')}
              </Badge>
            ),
          },
        ]}
      />
    </SectionCard>
  );
}
