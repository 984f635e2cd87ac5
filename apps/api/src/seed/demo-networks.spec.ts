// The demo accounts (README's table) hold only roles their organisation's kind allows (issue 14).
import { rolesNotAllowedInKind } from '@tsunagu/domain';
import { DEMO_NETWORK, SECOND_DEMO_NETWORK } from './demo-networks';

it('gives every demo member only roles its organisation kind allows', () => {
  const refused = [DEMO_NETWORK, SECOND_DEMO_NETWORK].flatMap((network) =>
    network.organizations.flatMap((organization) =>
      organization.members.map((member) => [member.email, rolesNotAllowedInKind(member.roles, organization.kind)] as const),
    ),
  ).filter(([, roles]) => roles.length > 0);
  expect(refused).toEqual([]);
});
