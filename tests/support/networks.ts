// Network specs the integration tests declare again and again: the second network of a
// cross-tenant check, most often one organisation with a member or two, two NPOs with a
// coordinator each (enough to send a referral inside that network), a network run by an
// intermediary with one NPO in it, and the three organisations a person's data is kept, shared
// and not shared in. A spec's own network, the
// one its tests are about, stays written out in the spec unless it is one of these.
import type { OrganizationKind, Role } from '@tsunagu/domain';
import type { NetworkSpec } from './accounts';

/**
 * A network of one organisation, `organization` (key → kind), whose members (key → roles) all
 * belong to it.
 */
export function oneOrganizationNetwork(slug: string, organization: Record<string, OrganizationKind>, members: Record<string, Role[]>): NetworkSpec {
  const [organizationKey, ...more] = Object.keys(organization);
  if (!organizationKey || more.length) throw new Error('oneOrganizationNetwork: name exactly one organisation');
  return {
    slug,
    organizations: organization,
    members: Object.fromEntries(Object.entries(members).map(([key, roles]) => [key, [organizationKey, roles]])),
  };
}

/**
 * A network of one organisation (an NPO, `npo`, unless given) whose only member, `admin`, is its
 * network admin and org admin.
 */
export function soleAdminNetwork(slug: string, organization: Record<string, OrganizationKind> = { npo: 'NPO' }): NetworkSpec {
  return oneOrganizationNetwork(slug, organization, { admin: ['NETWORK_ADMIN', 'ORG_ADMIN'] });
}

/**
 * A network of two NPOs (`a` and `b`, or the two `names` given) with a coordinator each, keyed
 * by the organisation: `coordinatorA` and `coordinatorB` (`coordinatorX`, `coordinatorY` for x
 * and y). A referral can go from the first to the second. `members` adds more (or replaces one).
 */
export function twoNpoNetwork(
  slug: string,
  options: { names?: [string, string]; members?: Record<string, [string, Role[]]> } = {},
): NetworkSpec {
  const [first, second] = options.names ?? ['a', 'b'];
  return {
    slug,
    organizations: { [first]: 'NPO', [second]: 'NPO' },
    members: {
      [`coordinator${first.toUpperCase()}`]: [first, ['COORDINATOR']],
      [`coordinator${second.toUpperCase()}`]: [second, ['COORDINATOR']],
      ...options.members,
    },
  };
}

/**
 * The network a person's data is kept and shared in: `npo` keeps the person (its `coordinator`),
 * `hub`, an intermediary, is the organisation a consent names (its coordinator `hub`), and
 * `other` is an NPO no consent names (its coordinator `stranger`). `members` adds more (or
 * replaces one).
 */
export function personSharingNetwork(slug: string, members: Record<string, [string, Role[]]> = {}): NetworkSpec {
  return {
    slug,
    organizations: { npo: 'NPO', hub: 'INTERMEDIARY', other: 'NPO' },
    members: {
      coordinator: ['npo', ['COORDINATOR']],
      hub: ['hub', ['COORDINATOR']],
      stranger: ['other', ['COORDINATOR']],
      ...members,
    },
  };
}

/**
 * A network run by an intermediary, `hub`, whose `admin` is network admin and org admin, with one
 * NPO, `npo`, and its `coordinator` and `staff`. `members` adds more (or replaces one).
 */
export function hubAndNpoNetwork(slug: string, members: Record<string, [string, Role[]]> = {}): NetworkSpec {
  return {
    slug,
    organizations: { npo: 'NPO', hub: 'INTERMEDIARY' },
    members: {
      admin: ['hub', ['NETWORK_ADMIN', 'ORG_ADMIN']],
      coordinator: ['npo', ['COORDINATOR']],
      staff: ['npo', ['STAFF']],
      ...members,
    },
  };
}
