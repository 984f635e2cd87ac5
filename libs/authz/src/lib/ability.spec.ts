import type { OrganizationKind, Role } from '@tsunagu/domain';
import { Actor, defineAbilityFor, MembershipSubject } from './ability';

const actor = (roles: Role[], organizationId = 'org-a', organizationKind: OrganizationKind = 'NPO'): Actor => ({
  userId: 'u1',
  tenantId: 'n1',
  organizationId,
  organizationKind,
  roles,
});

const membership = (organizationId: string, roles: Role[] = ['STAFF']): MembershipSubject => ({
  __typename: 'Membership',
  organizationId,
  userId: 'u2',
  roles,
});

describe('defineAbilityFor', () => {
  it('lets every member read their network, its organisations and their own colleagues', () => {
    const ability = defineAbilityFor(actor(['STAFF']));
    expect(ability.can('read', { __typename: 'Network', id: 'n1' })).toBe(true);
    expect(ability.can('read', { __typename: 'Network', id: 'n2' })).toBe(false);
    expect(ability.can('read', { __typename: 'Organization', id: 'org-b' })).toBe(true);
    expect(ability.can('read', membership('org-a'))).toBe(true);
    expect(ability.can('read', membership('org-b'))).toBe(false);
    expect(ability.can('update', membership('org-a'))).toBe(false);
    expect(ability.can('create', { __typename: 'Invitation', organizationId: 'org-a' })).toBe(false);
  });

  it('lets an organisation admin manage only their own organisation', () => {
    const ability = defineAbilityFor(actor(['ORG_ADMIN']));
    expect(ability.can('update', { __typename: 'Organization', id: 'org-a' })).toBe(true);
    expect(ability.can('update', { __typename: 'Organization', id: 'org-b' })).toBe(false);
    expect(ability.can('create', 'Organization')).toBe(false);
    expect(ability.can('update', membership('org-a'))).toBe(true);
    expect(ability.can('update', membership('org-b'))).toBe(false);
    expect(ability.can('create', { __typename: 'Invitation', organizationId: 'org-a' })).toBe(true);
    expect(ability.can('create', { __typename: 'Invitation', organizationId: 'org-b' })).toBe(false);
    expect(ability.can('read', { __typename: 'AuditEntry', organizationId: 'org-a' })).toBe(true);
    expect(ability.can('read', { __typename: 'AuditEntry', organizationId: null })).toBe(false);
    expect(ability.can('read', 'SecurityLog')).toBe(false);
  });

  it('keeps a network admin out of reach of organisation admins', () => {
    const ability = defineAbilityFor(actor(['ORG_ADMIN']));
    expect(ability.can('update', membership('org-a', ['NETWORK_ADMIN', 'STAFF']))).toBe(false);
  });

  it('lets a network admin admit and edit organisations and manage every membership', () => {
    const ability = defineAbilityFor(actor(['NETWORK_ADMIN']));
    expect(ability.can('create', 'Organization')).toBe(true);
    expect(ability.can('update', { __typename: 'Organization', id: 'org-b' })).toBe(true);
    expect(ability.can('update', membership('org-b', ['NETWORK_ADMIN']))).toBe(true);
    expect(ability.can('read', { __typename: 'AuditEntry', organizationId: null })).toBe(true);
    expect(ability.can('update', { __typename: 'Network', id: 'n1' })).toBe(true);
    expect(ability.can('read', 'SecurityLog')).toBe(true);
  });

  it('allows nothing without an actor', () => {
    const ability = defineAbilityFor(null);
    expect(ability.can('read', { __typename: 'Network', id: 'n1' })).toBe(false);
    expect(ability.can('read', 'Organization')).toBe(false);
  });

  it('lets admins and coordinators keep their own organisation’s services, and everyone read all', () => {
    const service = (organizationId: string) => ({ __typename: 'Service' as const, organizationId });
    for (const roles of [['ORG_ADMIN'], ['COORDINATOR']] as Role[][]) {
      const ability = defineAbilityFor(actor(roles));
      expect(ability.can('update', service('org-a'))).toBe(true);
      expect(ability.can('update', service('org-b'))).toBe(false);
    }
    for (const roles of [['STAFF'], ['GRANT_EDITOR'], ['NETWORK_ADMIN']] as Role[][]) {
      const ability = defineAbilityFor(actor(roles));
      expect(ability.can('create', service('org-a'))).toBe(false);
      expect(ability.can('read', service('org-b'))).toBe(true);
    }
  });

  it('gives people supported to case workers: records for admins and coordinators, erasure to admins', () => {
    const person = (organizationId: string) => ({ __typename: 'Person' as const, organizationId });
    const staff = defineAbilityFor(actor(['STAFF']));
    expect(staff.can('read', 'Person')).toBe(true);
    expect(staff.can('create', person('org-a'))).toBe(true);
    expect(staff.can('update', person('org-b'))).toBe(false);
    expect(staff.can('create', { __typename: 'Consent', organizationId: 'org-a' })).toBe(false);
    expect(staff.can('read', { __typename: 'PersonRecords', organizationId: 'org-a' })).toBe(false);
    expect(staff.can('delete', person('org-a'))).toBe(false);

    const coordinator = defineAbilityFor(actor(['COORDINATOR']));
    expect(coordinator.can('create', { __typename: 'Consent', organizationId: 'org-a' })).toBe(true);
    expect(coordinator.can('create', { __typename: 'Consent', organizationId: 'org-b' })).toBe(false);
    expect(coordinator.can('read', { __typename: 'PersonRecords', organizationId: 'org-a' })).toBe(true);
    expect(coordinator.can('delete', person('org-a'))).toBe(false);

    expect(defineAbilityFor(actor(['ORG_ADMIN'])).can('delete', person('org-a'))).toBe(true);
    expect(defineAbilityFor(actor(['ORG_ADMIN'])).can('delete', person('org-b'))).toBe(false);
    expect(defineAbilityFor(actor(['TRAINER'])).can('read', 'Person')).toBe(false);
    expect(defineAbilityFor(actor(['NETWORK_ADMIN'])).can('read', 'Person')).toBe(false);
  });

  it('lets only grant editors of intermediary bodies and municipalities publish, their own organisation’s grants', () => {
    const grant = (organizationId: string) => ({ __typename: 'Grant' as const, organizationId });
    for (const kind of ['INTERMEDIARY', 'MUNICIPALITY'] as OrganizationKind[]) {
      const editor = defineAbilityFor(actor(['GRANT_EDITOR'], 'org-a', kind));
      expect(editor.can('create', grant('org-a'))).toBe(true);
      expect(editor.can('update', grant('org-a'))).toBe(true);
      expect(editor.can('update', grant('org-b'))).toBe(false);
    }
    for (const kind of ['NPO', 'SOCIAL_WELFARE_COUNCIL', 'OTHER'] as OrganizationKind[]) {
      expect(defineAbilityFor(actor(['GRANT_EDITOR'], 'org-a', kind)).can('create', grant('org-a'))).toBe(false);
    }
    for (const roles of [['ORG_ADMIN'], ['COORDINATOR'], ['STAFF'], ['LIAISON'], ['TRAINER'], ['NETWORK_ADMIN', 'ORG_ADMIN']] as Role[][]) {
      const ability = defineAbilityFor(actor(roles, 'org-a', 'INTERMEDIARY'));
      expect(ability.can('create', grant('org-a'))).toBe(false);
      expect(ability.can('read', grant('org-b'))).toBe(true);
    }
  });

  it('lets admins, coordinators and grant editors record their own organisation’s applications; totals for network admins', () => {
    const application = (organizationId: string) => ({ __typename: 'GrantApplication' as const, organizationId });
    for (const roles of [['ORG_ADMIN'], ['COORDINATOR'], ['GRANT_EDITOR']] as Role[][]) {
      const ability = defineAbilityFor(actor(roles));
      expect(ability.can('create', application('org-a'))).toBe(true);
      expect(ability.can('read', application('org-b'))).toBe(false);
    }
    for (const roles of [['STAFF'], ['LIAISON'], ['TRAINER']] as Role[][]) {
      expect(defineAbilityFor(actor(roles)).can('create', application('org-a'))).toBe(false);
    }
    expect(defineAbilityFor(actor(['NETWORK_ADMIN'])).can('read', 'GrantApplicationTotals')).toBe(true);
    expect(defineAbilityFor(actor(['NETWORK_ADMIN'])).can('read', application('org-b'))).toBe(false);
    expect(defineAbilityFor(actor(['ORG_ADMIN'])).can('read', 'GrantApplicationTotals')).toBe(false);
  });

  it('lets only a network admin change an organisation kind, its own organisation’s too', () => {
    const change = (organizationId: string) => ({ __typename: 'OrganizationKindChange' as const, organizationId });
    expect(defineAbilityFor(actor(['ORG_ADMIN'])).can('update', change('org-a'))).toBe(false);
    expect(defineAbilityFor(actor(['ORG_ADMIN', 'COORDINATOR', 'LIAISON'], 'org-a', 'MUNICIPALITY')).can('update', change('org-a'))).toBe(false);
    expect(defineAbilityFor(actor(['NETWORK_ADMIN'])).can('update', change('org-b'))).toBe(true);
  });

  it('requires both the role and the kind for partnerships, grant publishing and network reports', () => {
    const grant = { __typename: 'Grant' as const, organizationId: 'org-a' };
    const partnership = { __typename: 'Partnership' as const, organizationId: 'org-a', partnerOrganizationId: 'org-b' };
    const liaisonIn = (kind: OrganizationKind) => defineAbilityFor(actor(['LIAISON'], 'org-a', kind));
    const editorIn = (kind: OrganizationKind) => defineAbilityFor(actor(['GRANT_EDITOR'], 'org-a', kind));
    expect(liaisonIn('MUNICIPALITY').can('read', 'NetworkReport')).toBe(true);
    expect(liaisonIn('MUNICIPALITY').can('create', partnership)).toBe(true);
    for (const kind of ['NPO', 'INTERMEDIARY', 'SOCIAL_WELFARE_COUNCIL', 'OTHER'] as const) {
      expect(liaisonIn(kind).can('read', 'NetworkReport')).toBe(false);
      expect(liaisonIn(kind).can('read', { __typename: 'OrganizationReport', organizationId: 'org-b' })).toBe(false);
      expect(liaisonIn(kind).can('create', partnership)).toBe(false);
    }
    expect(editorIn('INTERMEDIARY').can('create', grant)).toBe(true);
    expect(editorIn('MUNICIPALITY').can('create', grant)).toBe(true);
    for (const kind of ['NPO', 'SOCIAL_WELFARE_COUNCIL', 'OTHER'] as const) expect(editorIn(kind).can('create', grant)).toBe(false);
  });

  it('lets network readers read the network and their own organisation, never another organisation alone (scopes protected apart)', () => {
    const report = (organizationId: string) => ({ __typename: 'OrganizationReport' as const, organizationId });
    for (const reader of [defineAbilityFor(actor(['NETWORK_ADMIN'])), defineAbilityFor(actor(['LIAISON'], 'org-a', 'MUNICIPALITY'))]) {
      expect(reader.can('read', 'NetworkReport')).toBe(true);
      expect(reader.can('read', report('org-a'))).toBe(true);
      expect(reader.can('read', report('org-b'))).toBe(false);
    }
  });
});
