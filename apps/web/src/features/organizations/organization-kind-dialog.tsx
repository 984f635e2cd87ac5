// Network admins change an organisation's kind here, never in the edit form: the kind decides
// whose data reaches the organisation through consents given to a kind ("to municipalities") and
// which roles it may hold. The dialog shows the API's preview of that effect — consents by kind,
// people no longer / newly readable, per category, and the members whose roles block the change —
// and the confirmation echoes the people counts shown, so the API refuses if they changed meanwhile.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, List, Select, Stack, Text } from '@mantine/core';
import { ORGANIZATION_KINDS, type OrganizationKind, type Role } from '@tsunagu/domain';
import type { OrganizationRowFragment } from '@tsunagu/graphql-client';
import { ChangeOrganizationKindDocument, OrganizationKindChangePreviewDocument } from '@tsunagu/graphql-client';
import { ConfirmDialog, LoadingState } from '@tsunagu/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { organizationKindLabel, roleLabel } from '../../app/labels';
import { usePeopleLabels } from '../people/vocabulary';

export interface OrganizationKindDialogProps {
  organization: OrganizationRowFragment | null;
  onClose: () => void;
}

export function OrganizationKindDialog({ organization, onClose }: OrganizationKindDialogProps) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const [kind, setKind] = useState<OrganizationKind | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setKind(null);
    setError(null);
  }, [organization]);

  const preview = useQuery(OrganizationKindChangePreviewDocument, {
    variables: { id: organization?.id ?? '', kind: kind ?? 'NPO' },
    skip: !organization || !kind,
    fetchPolicy: 'network-only',
  });
  const [changeKind, changing] = useMutation(ChangeOrganizationKindDocument);
  const effect = kind ? preview.data?.organizationKindChangePreview : undefined;
  const current = organization?.kind;

  const confirm = async () => {
    if (!organization || !kind || !effect) return;
    setError(null);
    try {
      await changeKind({
        variables: {
          input: {
            id: organization.id,
            kind,
            confirmedPeopleNoLongerReadable: effect.peopleNoLongerReadable,
            confirmedPeopleNewlyReadable: effect.peopleNewlyReadable,
          },
        },
      });
      onClose();
    } catch (caught) {
      setError(readApiError(caught));
      // The effect may have changed since it was shown: show the current one.
      void preview.refetch();
    }
  };

  const roles = (codes: readonly string[]) => codes.map((role) => roleLabel(t, role as Role)).join('・');

  return (
    <ConfirmDialog
      opened={organization !== null}
      title={organization ? t('organizations.kindChange.title', { name: organization.name }) : ''}
      confirmLabel={t('organizations.kindChange.confirm')}
      cancelLabel={t('common.cancel')}
      danger
      loading={changing.loading}
      confirmDisabled={!effect || preview.loading || effect.blockers.length > 0}
      error={<ApiErrorAlert error={error ?? (preview.error ? readApiError(preview.error) : null)} />}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <Stack gap="sm">
        <Text fz="sm">{t('organizations.kindChange.intro')}</Text>
        {current ? <Text fz="sm">{t('organizations.kindChange.current', { kind: organizationKindLabel(t, current) })}</Text> : null}
        <Select
          label={t('organizations.kindChange.newKind')}
          value={kind}
          onChange={(value) => setKind((value as OrganizationKind | null) ?? null)}
          data={ORGANIZATION_KINDS.filter((candidate) => candidate !== current).map((candidate) => ({
            value: candidate,
            label: organizationKindLabel(t, candidate),
          }))}
          allowDeselect={false}
        />
        {kind && preview.loading ? <LoadingState label={t('organizations.kindChange.loading')} /> : null}
        {effect ? (
          <Stack gap={6} aria-live="polite" data-testid="kind-change-effect">
            <Text fz="sm">
              {t('organizations.kindChange.consents', {
                from: organizationKindLabel(t, effect.fromKind),
                to: organizationKindLabel(t, effect.toKind),
                fromCount: effect.activeConsentsNamingFromKind,
                toCount: effect.activeConsentsNamingToKind,
              })}
            </Text>
            <Text fz="sm" fw={500}>
              {t('organizations.kindChange.stops', { count: effect.peopleNoLongerReadable })}
            </Text>
            <Text fz="sm" fw={500}>
              {t('organizations.kindChange.starts', { count: effect.peopleNewlyReadable })}
            </Text>
            {effect.categories.length ? (
              <>
                <Text fz="sm">{t('organizations.kindChange.categoriesHeading')}</Text>
                <List size="sm">
                  {effect.categories.map((line) => (
                    <List.Item key={line.category}>
                      {t('organizations.kindChange.categoryLine', {
                        category: labels.category(line.category),
                        stops: line.peopleNoLongerReadable,
                        starts: line.peopleNewlyReadable,
                      })}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : (
              <Text fz="sm" c="dimmed">
                {t('organizations.kindChange.noEffect')}
              </Text>
            )}
            {effect.blockers.length ? (
              <Alert color="red" title={t('organizations.kindChange.blockersHeading')}>
                <List size="sm">
                  {effect.blockers.map((blocker) => (
                    <List.Item key={blocker.id}>
                      {t(blocker.type === 'INVITATION' ? 'organizations.kindChange.blockerInvitation' : 'organizations.kindChange.blockerMembership', {
                        name: blocker.name,
                        roles: roles(blocker.refusedRoles),
                      })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
