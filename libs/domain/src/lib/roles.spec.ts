import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALL_ROLES,
  ORGANIZATION_KINDS,
  ROLE_KINDS,
  roleAllowedInKind,
  roleNotAllowedMessage,
  rolesAllowedInKind,
  rolesNotAllowedInKind,
} from './roles';
import { mayManagePartnerships } from './partnerships';
import { mayPublishGrants } from './grants';
import { mayReadNetworkReports } from './reports';

describe('roles allowed by organisation kind', () => {
  it('allows LIAISON only in a municipality', () => {
    expect(ORGANIZATION_KINDS.filter((kind) => roleAllowedInKind('LIAISON', kind))).toEqual(['MUNICIPALITY']);
  });

  it('allows GRANT_EDITOR only in an intermediary body or a municipality', () => {
    expect(ORGANIZATION_KINDS.filter((kind) => roleAllowedInKind('GRANT_EDITOR', kind))).toEqual(['INTERMEDIARY', 'MUNICIPALITY']);
  });

  it('allows the roles whose rights do not depend on the kind in every kind', () => {
    for (const role of ['NETWORK_ADMIN', 'ORG_ADMIN', 'COORDINATOR', 'TRAINER', 'STAFF'] as const) {
      expect(ORGANIZATION_KINDS.filter((kind) => roleAllowedInKind(role, kind))).toEqual([...ORGANIZATION_KINDS]);
    }
  });

  it('names the roles an organisation of a kind may not hold, once each', () => {
    expect(rolesNotAllowedInKind(['ORG_ADMIN', 'LIAISON', 'GRANT_EDITOR', 'LIAISON'], 'NPO')).toEqual(['LIAISON', 'GRANT_EDITOR']);
    expect(rolesNotAllowedInKind(['LIAISON', 'GRANT_EDITOR'], 'INTERMEDIARY')).toEqual(['LIAISON']);
    expect(rolesNotAllowedInKind(['LIAISON', 'GRANT_EDITOR'], 'MUNICIPALITY')).toEqual([]);
    expect(rolesAllowedInKind('NPO')).toEqual(['NETWORK_ADMIN', 'ORG_ADMIN', 'COORDINATOR', 'TRAINER', 'STAFF']);
  });

  it('explains a refusal in Japanese and English, naming the role, the kind and where the role may be held', () => {
    const message = roleNotAllowedMessage('LIAISON', 'NPO');
    expect(message.ja).toBe('自治体連携担当（LIAISON）はNPOの団体には付与できません（付与できるのは自治体のみ）。');
    expect(message.en).toBe(
      'The role municipal liaison (LIAISON) cannot be given in an organisation of the kind “NPO”; only municipalities may hold it.',
    );
    expect(roleNotAllowedMessage('GRANT_EDITOR', 'SOCIAL_WELFARE_COUNCIL').en).toContain('only intermediary bodies and municipalities');
  });

  it('agrees with every kind-dependent right: no role grants such a right in a kind where it may not exist', () => {
    for (const kind of ORGANIZATION_KINDS) {
      for (const role of ALL_ROLES) {
        if (role === 'NETWORK_ADMIN') continue;
        const rights = [mayPublishGrants(kind, [role]), mayManagePartnerships(kind, [role]), mayReadNetworkReports(kind, [role])];
        if (rights.some(Boolean)) expect(roleAllowedInKind(role, kind)).toBe(true);
      }
    }
    // A liaison outside a municipality (were the invariant broken) reads nothing network-wide.
    expect(mayReadNetworkReports('NPO', ['LIAISON'])).toBe(false);
    expect(mayReadNetworkReports('MUNICIPALITY', ['LIAISON'])).toBe(true);
    expect(mayReadNetworkReports('NPO', ['NETWORK_ADMIN'])).toBe(true);
  });

  it('is the same table the database trigger enforces (migration mirrors ROLE_KINDS)', () => {
    const migration = readFileSync(
      join(__dirname, '../../../../migrations/1764500000000-roles-allowed-by-organization-kind.ts'),
      'utf8',
    );
    for (const role of ALL_ROLES) {
      const kinds = ROLE_KINDS[role];
      if (kinds.length === ORGANIZATION_KINDS.length) {
        expect(migration).not.toMatch(new RegExp(`WHEN '${role}'`));
      } else {
        expect(migration).toContain(`WHEN '${role}' THEN kind IN (${kinds.map((kind) => `'${kind}'`).join(', ')})`);
      }
    }
  });
});
