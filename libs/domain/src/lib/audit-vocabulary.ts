// What the audit log records (apps/api core/audit recordAudit): the entity names and actions the
// API writes, listed once so that the web can label each in the user's language and a spec of
// the API (core/audit/audit-vocabulary.spec.ts) can check the API writes nothing unlisted.
import { PARTNERSHIP_STATUSES } from './partnerships';
import { REFERRAL_STATUSES } from './referrals';

export const AUDIT_ENTITIES = [
  'Consent', 'Course', 'CourseEnrolment', 'Grant', 'GrantApplication', 'Invitation', 'Membership', 'Network',
  'Organization', 'Partnership', 'Person', 'Referral', 'Service', 'SessionRegistration', 'TrainingSession', 'User',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Actions written as they are; status moves are `STATUS_<status>` (AUDIT_STATUS_ACTIONS). */
export const AUDIT_ACTIONS = [
  'CREATED', 'UPDATED', 'DELETED', 'IMPORTED', 'RECORDED', 'REGISTERED', 'CANCELLED', 'REVOKED', 'SUPERSEDED',
  'PUBLISHED', 'CLOSED', 'REOPENED', 'ARCHIVED', 'UNARCHIVED', 'CLOSED_AUTOMATICALLY', 'FILE_ATTACHED', 'FILE_DETACHED',
  'CREATED_BY_INVITATION', 'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'PASSWORD_CHANGED', 'ROLES_REMOVED_BY_KIND_RULE',
  'KIND_CHANGED', 'CORRECTED', 'USE_CEASED', 'ERASED', 'DISCLOSED', 'FORWARDED', 'CATEGORIES_REQUESTED',
  'CATEGORIES_SHARED', 'MESSAGE_POSTED', 'REFERRAL_DEADLINES_CHANGED', 'PORTAL_PUBLISHED', 'PORTAL_WITHDRAWN',
  'HSDS_EXPORTED_FOR_PARTNERS', 'DOCUMENT_ATTACHED', 'DOCUMENT_REMOVED', 'INTERACTION_RECORDED', 'INTERACTION_UPDATED',
  'FOLLOW_UP_DONE', 'FOLLOW_UP_REOPENED', 'MODULE_ADDED', 'MODULES_REORDERED', 'ENROLLED', 'ASSIGNED', 'ATTENDANCE_RECORDED',
  'SECOND_FACTOR_POLICY_CHANGED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Status moves of referrals and partnerships, recorded as STATUS_<the status moved to>. */
export const AUDIT_STATUS_ACTIONS: readonly string[] = [...new Set([...REFERRAL_STATUSES.codes, ...PARTNERSHIP_STATUSES.codes])].map((status) => `STATUS_${status}`);
