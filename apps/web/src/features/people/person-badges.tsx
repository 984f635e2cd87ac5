// Small badges of the people pages: a person's status, a consent's state, a withheld
// category (never shown as an empty value) and the special-care marker.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeBadge } from '../../app/code-badge';
import { usePeopleLabels } from './vocabulary';

const statusColors: Record<string, string> = { ACTIVE: 'teal', USE_CEASED: 'orange', ERASED: 'gray' };
const consentColors: Record<string, string> = { ACTIVE: 'teal', NOT_YET_VALID: 'blue', EXPIRED: 'gray', REVOKED: 'red' };

export function PersonStatusBadge({ status }: { status: string }) {
  const labels = usePeopleLabels();
  return <CodeBadge code={status} label={labels.status(status)} colors={statusColors} attribute="status" />;
}

export function ConsentStateBadge({ state }: { state: string }) {
  const labels = usePeopleLabels();
  return (
    <CodeBadge code={state} label={labels.consentState(state)} colors={consentColors} attribute="state" variant={state === 'ACTIVE' ? 'filled' : 'light'} />
  );
}

export function SpecialCareBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="grape" variant="outline" radius="sm" tt="none">
      {t('people.specialCare')}
    </Badge>
  );
}

/** A withheld category: what it is, and why it is not shown. */
export function WithheldNotice({ reason }: { reason: string | null | undefined }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  return (
    <Group gap="xs" wrap="wrap" data-testid="withheld">
      <Badge color="yellow" variant="filled" radius="sm" tt="none" c="dark">
        {t('people.withheld')}
      </Badge>
      {reason ? (
        <Text fz="sm" data-reason={reason}>
          {labels.withheldReason(reason)}
        </Text>
      ) : null}
    </Group>
  );
}
