import { Actor, defineAbilityFor, NetworkSubject } from './ability';

const network = (id: string): NetworkSubject => ({ __typename: 'Network', id });

const coordinator: Actor = {
  userId: 'u1',
  tenantId: 'n1',
  organizationId: 'o1',
  organizationKind: 'NPO',
  roles: ['COORDINATOR'],
};

describe('defineAbilityFor', () => {
  it('lets a member read only their own network', () => {
    const ability = defineAbilityFor(coordinator);
    expect(ability.can('read', network('n1'))).toBe(true);
    expect(ability.can('read', network('n2'))).toBe(false);
    expect(ability.can('update', network('n1'))).toBe(false);
  });

  it('lets a network admin update their own network and no other', () => {
    const ability = defineAbilityFor({ ...coordinator, roles: ['NETWORK_ADMIN'] });
    expect(ability.can('update', network('n1'))).toBe(true);
    expect(ability.can('update', network('n2'))).toBe(false);
  });

  it('allows nothing without an actor', () => {
    const ability = defineAbilityFor(null);
    expect(ability.can('read', network('n1'))).toBe(false);
    expect(ability.can('read', 'Network')).toBe(false);
  });
});
