// The audit log's codes in the user's language: entity names (Grant → 助成情報), actions
// (DISCLOSED → 開示した, STATUS_ACCEPTED → 状態を「受け入れ」に変更) and changed field names
// (amountMax → 上限額). Labels come from the i18n files — the audit table first, then the field
// labels the entity's own forms use, then libs/domain's data categories — and a code nobody has
// labelled yet (an older row, a newer API) is shown as recorded rather than failing.
import {
  ORGANIZATION_KINDS,
  PARTNERSHIP_STATUSES,
  PERSONAL_DATA_CATEGORIES,
  REFERRAL_STATUSES,
  type OrganizationKind,
} from '@tsunagu/domain';
import type { i18n as I18n } from 'i18next';
import { labelIn, organizationKindLabel } from '../../app/labels';

/** Where the forms of an entity keep their field labels, to be reused for its changed fields. */
const FIELD_LABELS_OF: Readonly<Record<string, string>> = {
  Grant: 'grants.fields',
  Service: 'directory.fields',
  Organization: 'organizations.fields',
  Partnership: 'partnerships.fields',
  Referral: 'referrals.fields',
  Course: 'trainingEditor.course.fields',
  TrainingSession: 'trainingEditor.session.fields',
  User: 'fields',
  Membership: 'fields',
  Invitation: 'fields',
};

/** The text of a key built from a recorded code, or null when the i18n files have none. */
function labelled(i18n: I18n, key: string, options?: Record<string, string>): string | null {
  // The key is only known at run time (it names a recorded code), so it is looked up untyped
  // after exists() has said it is there.
  const translate = i18n.t as unknown as (key: string, options?: Record<string, string>) => string;
  return i18n.exists(key) ? translate(key, options) : null;
}

export function auditEntityLabel(i18n: I18n, entity: string): string {
  return labelled(i18n, `audit.entity.${entity}`) ?? entity;
}

function isOrganizationKind(value: string | undefined): value is OrganizationKind {
  return (ORGANIZATION_KINDS as readonly string[]).includes(value ?? '');
}

/**
 * An action as a plain verb. Two are recorded with their detail: an organisation's kind change as
 * KIND_CHANGED:<from>:<to>, a status move as STATUS_<status> (a referral's or a partnership's).
 */
export function auditActionLabel(i18n: I18n, entity: string, action: string): string {
  const [verb, from, to] = action.split(':');
  if (verb === 'KIND_CHANGED' && isOrganizationKind(from) && isOrganizationKind(to)) {
    return i18n.t('audit.action.KIND_CHANGED', { from: organizationKindLabel(i18n.t, from), to: organizationKindLabel(i18n.t, to) });
  }
  if (action.startsWith('STATUS_')) {
    const status = action.slice('STATUS_'.length);
    const statuses = entity === 'Partnership' ? PARTNERSHIP_STATUSES.labels : REFERRAL_STATUSES.labels;
    if (status in statuses) return i18n.t('audit.action.STATUS', { status: labelIn(statuses, status, i18n.language) });
  }
  return labelled(i18n, `audit.action.${action}`) ?? action;
}

export function auditFieldLabel(i18n: I18n, entity: string, field: string): string {
  const ownForm = FIELD_LABELS_OF[entity];
  return (
    labelled(i18n, `audit.field.${field}`) ??
    (ownForm ? labelled(i18n, `${ownForm}.${field}`) : null) ??
    (field in PERSONAL_DATA_CATEGORIES.labels ? labelIn(PERSONAL_DATA_CATEGORIES.labels, field, i18n.language) : null) ??
    field
  );
}
