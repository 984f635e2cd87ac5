// Small badges of the referral pages: status, urgency, overdue and unread messages. Colour is
// never the only signal: each badge carries its icon and its whole label (wrapping, never cut).
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeBadge, WRAPPING_BADGE_STYLES, type CodeBadgeProps } from '../../app/code-badge';
import { ReferralIcon } from './referral-icons';
import { useReferralLabels } from './vocabulary';

const statusColors: Record<string, string> = {
  DRAFT: 'gray',
  SENT: 'blue',
  ACCEPTED: 'cyan',
  IN_PROGRESS: 'indigo',
  COMPLETED: 'teal',
  DECLINED: 'red',
  EXPIRED: 'orange',
  CANCELLED: 'gray',
  CLOSED_UNRESOLVED: 'grape',
  FORWARDED: 'violet',
};

const urgencyColors: Record<string, string> = { URGENT: 'red', HIGH: 'orange', NORMAL: 'gray' };

export function referralStatusColor(status: string): string {
  return statusColors[status] ?? 'gray';
}

/** A referral code's badge: CodeBadge with the code's icon. */
function ReferralCodeBadge(props: Omit<CodeBadgeProps, 'icon'>) {
  return <CodeBadge {...props} icon={<ReferralIcon code={props.code} />} />;
}

export function ReferralStatusBadge({ status, size = 'md', testId }: { status: string; size?: 'sm' | 'md' | 'lg'; testId?: string }) {
  const labels = useReferralLabels();
  return <ReferralCodeBadge code={status} label={labels.status(status)} colors={statusColors} attribute="status" size={size} testId={testId} />;
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const labels = useReferralLabels();
  const variant = urgency === 'URGENT' ? 'filled' : 'outline';
  return <ReferralCodeBadge code={urgency} label={labels.urgency(urgency)} colors={urgencyColors} attribute="urgency" variant={variant} />;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" radius="sm" tt="none" data-testid="overdue" leftSection={<ReferralIcon code="OVERDUE" />} styles={WRAPPING_BADGE_STYLES}>
      {t('referrals.overdue')}
    </Badge>
  );
}

export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Badge color="blue" variant="filled" radius="xl" tt="none" aria-label={t('referrals.unreadMessages', { count })}>
      {count}
    </Badge>
  );
}
