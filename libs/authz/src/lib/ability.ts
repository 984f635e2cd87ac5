// The one ability definition shared by the API (which refuses) and the web (which hides).
// It derives what the acting membership may do from its roles and its organisation. Every
// rule is confined to the actor's own network by construction: the API only ever loads rows
// of that network (row-level security), and conditions name the actor's own organisation.
// Later capabilities add their subjects and rules here, never in a resolver or a component.
import { AbilityBuilder, createMongoAbility, MongoAbility } from '@casl/ability';
import {
  mayAssignAcrossNetwork,
  mayAssignTraining,
  mayAuthorCourses,
  mayDoCasework,
  mayManagePartnerships,
  mayPublishGrants,
  mayReadNetworkReports,
  mayReadOrganizationReports,
  mayReadTrainingReports,
  mayRecordApplications,
  maySeeSpecialCare,
  type OrganizationKind,
  type Role,
} from '@tsunagu/domain';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete';

/** Subjects are plain objects tagged with their GraphQL type name. */
export interface NetworkSubject {
  readonly __typename: 'Network';
  readonly id: string;
}
export interface OrganizationSubject {
  readonly __typename: 'Organization';
  readonly id: string;
}
/**
 * Changing an organisation's kind: it widens or narrows which consents reach the organisation
 * ("to municipalities") and which roles it may hold, so only a network admin may do it.
 */
export interface OrganizationKindChangeSubject {
  readonly __typename: 'OrganizationKindChange';
  readonly organizationId: string;
}
export interface MembershipSubject {
  readonly __typename: 'Membership';
  readonly organizationId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
}
export interface InvitationSubject {
  readonly __typename: 'Invitation';
  readonly organizationId: string;
}
export interface ServiceSubject {
  readonly __typename: 'Service';
  readonly organizationId: string;
}
/** A person supported: who may touch the record; what they see is the consent reader's call. */
export interface PersonSubject {
  readonly __typename: 'Person';
  readonly organizationId: string;
}
export interface ConsentSubject {
  readonly __typename: 'Consent';
  readonly organizationId: string;
}
/** What is kept about a person's data: access log, provision records, corrections, disclosure. */
export interface PersonRecordsSubject {
  readonly __typename: 'PersonRecords';
  readonly organizationId: string;
}
export interface AuditEntrySubject {
  readonly __typename: 'AuditEntry';
  readonly organizationId: string | null;
}
/** The network's security log: its members' sign-ins, factor and password changes, sessions ended. */
export interface SecurityLogSubject {
  readonly __typename: 'SecurityLog';
}

/** A grant listing, kept by its publishing organisation's grant editors. */
export interface GrantSubject {
  readonly __typename: 'Grant';
  readonly organizationId: string;
}
/** An organisation's own application to a grant (its details stay with that organisation). */
export interface GrantApplicationSubject {
  readonly __typename: 'GrantApplication';
  readonly organizationId: string;
}
/** Counts and awarded sums of applications to a network's grants (no organisation's details). */
export interface GrantApplicationTotalsSubject {
  readonly __typename: 'GrantApplicationTotals';
}

/** A course (and its modules, materials, quiz, sessions), kept by its organisation's trainers. */
export interface CourseSubject {
  readonly __typename: 'Course';
  readonly organizationId: string;
}
/** A course assignment to a member with a due date. */
export interface CourseAssignmentSubject {
  readonly __typename: 'CourseAssignment';
  /** The assignee's organisation. */
  readonly organizationId: string;
}
/** A training session (研修会), run by its organisation's trainers. */
export interface TrainingSessionSubject {
  readonly __typename: 'TrainingSession';
  readonly organizationId: string;
}
/** Training reports: a trainer's courses, or an org admin's members. */
export interface TrainingReportSubject {
  readonly __typename: 'TrainingReport';
  readonly organizationId: string;
}

/** A partnership, managed by its municipality's liaisons and read by its partner. */
export interface PartnershipSubject {
  readonly __typename: 'Partnership';
  /** The municipality that manages it. */
  readonly organizationId: string;
  readonly partnerOrganizationId: string;
}
/** The whole network's reports and map. */
export interface NetworkReportSubject {
  readonly __typename: 'NetworkReport';
}
/** One organisation's reports. */
export interface OrganizationReportSubject {
  readonly __typename: 'OrganizationReport';
  readonly organizationId: string;
}

type SubjectObject =
  | NetworkSubject
  | OrganizationSubject
  | OrganizationKindChangeSubject
  | MembershipSubject
  | InvitationSubject
  | ServiceSubject
  | AuditEntrySubject
  | SecurityLogSubject
  | PersonSubject
  | ConsentSubject
  | PersonRecordsSubject
  | GrantSubject
  | GrantApplicationSubject
  | GrantApplicationTotalsSubject
  | CourseSubject
  | CourseAssignmentSubject
  | TrainingSessionSubject
  | TrainingReportSubject
  | PartnershipSubject
  | NetworkReportSubject
  | OrganizationReportSubject;
export type SubjectType = SubjectObject['__typename'];
export type Subject = SubjectObject | SubjectType | 'all';

export type AppAbility = MongoAbility<[Action, Subject]>;

/** The active membership a request acts as; tenant and organisation come only from here. */
export interface Actor {
  readonly userId: string;
  readonly tenantId: string;
  readonly organizationId: string;
  readonly organizationKind: OrganizationKind;
  readonly roles: readonly Role[];
}

export function defineAbilityFor(actor: Actor | null): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (actor) {
    const own = { organizationId: actor.organizationId };
    // Every member: their network, its organisations, and their own organisation's members.
    can('read', 'Network', { id: actor.tenantId });
    can('read', 'Organization');
    can('read', 'Membership', own);
    can('read', 'Service');
    // The directory entries of an organisation are kept by its admins and coordinators.
    if (actor.roles.includes('ORG_ADMIN') || actor.roles.includes('COORDINATOR')) {
      can(['create', 'update', 'delete'], 'Service', own);
    }

    // People supported: case workers read (the consent reader decides what they see, in any
    // organisation) and register their own organisation's people; admins and coordinators
    // record consent and see what is kept; only an org admin stops use or erases.
    if (mayDoCasework(actor.roles)) {
      can('read', 'Person');
      can(['create', 'update'], 'Person', own);
      can('read', 'Consent', own);
    }
    if (maySeeSpecialCare(actor.roles)) {
      can(['create', 'update'], 'Consent', own);
      can('read', 'PersonRecords', own);
    }

    // Grants: everyone reads (the API decides which listings are visible); grant editors of
    // intermediary bodies and municipalities publish their own organisation's listings; an
    // organisation's admins, coordinators and grant editors record its own applications.
    can('read', 'Grant');
    if (mayPublishGrants(actor.organizationKind, actor.roles)) {
      can(['create', 'update'], 'Grant', own);
    }
    if (mayRecordApplications(actor.roles)) {
      can(['create', 'update', 'read'], 'GrantApplication', own);
    }

    // Training: everyone reads courses and sessions (the API decides which courses a member is
    // in the audience of); trainers author their own organisation's courses and sessions;
    // trainers assign to anyone in the network, org admins to their own members; reports are
    // the trainer's own courses or the org admin's own members.
    can('read', 'Course');
    can('read', 'TrainingSession');
    if (mayAuthorCourses(actor.roles)) {
      can(['create', 'update'], 'Course', own);
      can(['create', 'update'], 'TrainingSession', own);
    }
    if (mayAssignAcrossNetwork(actor.roles)) {
      can('create', 'CourseAssignment');
    }
    if (mayAssignTraining(actor.roles)) {
      can('create', 'CourseAssignment', own);
    }
    if (mayReadTrainingReports(actor.roles)) {
      can('read', 'TrainingReport', own);
    }

    // Partnerships: a municipality's liaisons manage its own; every member of the partner
    // organisation reads the ones it is party to. Reports: network admins and a municipality's liaisons (role and kind) read
    // the whole network's; they and org admins read their own organisation's.
    if (mayManagePartnerships(actor.organizationKind, actor.roles)) {
      can(['create', 'read', 'update'], 'Partnership', own);
    }
    can('read', 'Partnership', { partnerOrganizationId: actor.organizationId });
    if (mayReadNetworkReports(actor.organizationKind, actor.roles)) {
      can('read', 'NetworkReport');
      // Their own organisation's too, never another one's alone: each scope is protected apart, so
      // one reader holding both the network's and another organisation's could subtract a hidden
      // count back (issue 14). The network report lists every organisation as sender and receiver.
      can('read', 'OrganizationReport', own);
    }
    if (mayReadOrganizationReports(actor.roles)) {
      can('read', 'OrganizationReport', own);
    }

    if (actor.roles.includes('ORG_ADMIN')) {
      can('delete', 'Person', own);
      can('update', 'Organization', { id: actor.organizationId });
      can('update', 'Membership', own);
      can(['create', 'read', 'delete'], 'Invitation', own);
      can('read', 'AuditEntry', own);
    }
    if (actor.roles.includes('NETWORK_ADMIN')) {
      can('update', 'Network', { id: actor.tenantId });
      can(['create', 'update'], 'Organization');
      can('update', 'OrganizationKindChange');
      can(['read', 'update'], 'Membership');
      can(['create', 'read', 'delete'], 'Invitation');
      can('read', 'AuditEntry');
      can('read', 'SecurityLog');
      can('read', 'GrantApplicationTotals');
    } else {
      // Only a network admin may change what a network admin holds.
      cannot('update', 'Membership', { roles: { $in: ['NETWORK_ADMIN'] } });
    }
  }
  return build({ detectSubjectType: (subject) => (typeof subject === 'string' ? subject : subject.__typename) });
}
