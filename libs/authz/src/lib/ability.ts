// The one ability definition shared by the API (which refuses) and the web (which hides).
// It derives what the acting membership may do from its roles and its organisation's kind.
// Later capabilities add their subjects and rules here, never in a resolver or a component.
import { AbilityBuilder, createMongoAbility, MongoAbility } from '@casl/ability';
import type { OrganizationKind, Role } from '@tsunagu/domain';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete';

/** Subjects as plain objects tagged with their type, so API rows and web data both fit. */
export interface NetworkSubject {
  readonly __typename: 'Network';
  readonly id: string;
}

export type Subject = NetworkSubject | NetworkSubject['__typename'] | 'all';

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
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (actor) {
    can('read', 'Network', { id: actor.tenantId });
    if (actor.roles.includes('NETWORK_ADMIN')) {
      can('update', 'Network', { id: actor.tenantId });
    }
  }
  return build({ detectSubjectType: (subject) => (typeof subject === 'string' ? subject : subject.__typename) });
}
