// The capabilities of Tsunagu (see DESIGN.md), in the order the navbar lists them.
// An item without a `path` is not built yet and is shown disabled with a "coming soon" badge.
// `visible` asks the shared ability whether the signed-in membership may use the page.
import type { Actor, AppAbility } from '@tsunagu/authz';
import { mayDoCasework } from '@tsunagu/domain';
import type { ParseKeys } from 'i18next';

export interface NavigationItem {
  labelKey: ParseKeys;
  path?: string;
  visible?: (ability: AppAbility, actor: Actor | null) => boolean;
}

export const navigationItems: readonly NavigationItem[] = [
  { labelKey: 'nav.home', path: '/' },
  { labelKey: 'nav.directory', path: '/directory' },
  { labelKey: 'nav.people', path: '/people', visible: (ability) => ability.can('read', 'Person') },
  // Referrals are case work (ORG_ADMIN, COORDINATOR, STAFF): the abilities have no subject for them.
  { labelKey: 'nav.referrals', path: '/referrals', visible: (_ability, actor) => !!actor && mayDoCasework(actor.roles) },
  // Grants are for every member: finding, bookmarks, saved searches (the editor only for publishers).
  { labelKey: 'nav.grants', path: '/grants' },
  // Training is for every member: the catalogue, my learning and sessions (authoring and reports
  // are tabs inside it, shown by the abilities).
  { labelKey: 'nav.training', path: '/training' },
  // Partnerships: liaisons manage their municipality's; every member reads those their
  // organisation is party to. The network map sits with them, for readers of the network's reports.
  { labelKey: 'nav.partnerships', path: '/partnerships' },
  { labelKey: 'partnerships.map.title', path: '/network-map', visible: (ability) => ability.can('read', 'NetworkReport') },
  // Reports: network admins and liaisons for the network, org admins for their own organisation.
  {
    labelKey: 'nav.reports',
    path: '/reports',
    visible: (ability) => ability.can('read', 'NetworkReport') || ability.can('read', 'OrganizationReport'),
  },
];

/** Settings and administration, listed under the capabilities. */
export const settingsItems: readonly NavigationItem[] = [
  { labelKey: 'nav.profile', path: '/organization/profile', visible: (ability) => ability.can('read', 'Organization') },
  { labelKey: 'nav.members', path: '/organization/members', visible: (ability) => ability.can('read', 'Membership') },
  { labelKey: 'nav.account', path: '/account' },
  {
    labelKey: 'nav.organizations',
    path: '/admin/organizations',
    visible: (ability) => ability.can('create', 'Organization'),
  },
  { labelKey: 'nav.portal', path: '/admin/portal', visible: (ability) => ability.can('update', 'Network') },
  { labelKey: 'referrals.deadlines.title', path: '/admin/referrals', visible: (ability) => ability.can('update', 'Network') },
  {
    labelKey: 'nav.directoryExchange',
    path: '/admin/directory-exchange',
    visible: (ability) => ability.can('update', 'Network'),
  },
  { labelKey: 'nav.audit', path: '/admin/audit', visible: (ability) => ability.can('read', 'AuditEntry') },
  // Members' sign-ins and security changes: network admins only.
  { labelKey: 'security.log.title', path: '/admin/security-log', visible: (ability) => ability.can('read', 'SecurityLog') },
  { labelKey: 'secondFactor.policy.nav', path: '/admin/second-factor', visible: (ability) => ability.can('update', 'Network') },
  // The API's health, moved off the home page (issue 16); /status stays public for operations.
  { labelKey: 'home.nav.systemStatus', path: '/admin/status', visible: (ability) => ability.can('update', 'Network') },
];
