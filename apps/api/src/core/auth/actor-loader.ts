// Loads the actor for a verified access token: one indexed query per request, so a revoked
// session, a disabled account or membership, or a role change takes effect at once rather
// than when the token expires.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganizationKind, Role } from '@tsunagu/domain';
import { DataSource } from 'typeorm';
import { runAsUser } from '../tenancy/tenant-transaction';
import type { AccessTokenClaims, RequestActor } from './actor';

interface ActorRow {
  tenant_id: string;
  organization_id: string;
  organization_kind: OrganizationKind;
  roles: Role[];
  email: string;
  display_name: string;
}

@Injectable()
export class ActorLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(claims: AccessTokenClaims): Promise<RequestActor | null> {
    const rows: ActorRow[] = await runAsUser(this.dataSource, claims.sub, (manager) =>
      manager.query(
        `SELECT m.tenant_id, m.organization_id, o.kind AS organization_kind, m.roles, u.email, u.display_name
           FROM sessions s
           JOIN users u ON u.id = s.user_id
           JOIN memberships m ON m.id = s.active_membership_id AND m.user_id = s.user_id
           JOIN organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id
          WHERE s.id = $1 AND s.user_id = $2 AND s.active_membership_id = $3
            AND s.revoked_at IS NULL AND s.expires_at > now()
            AND u.disabled_at IS NULL AND m.disabled_at IS NULL`,
        [claims.sid, claims.sub, claims.mid],
      ),
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: claims.sub,
      sessionId: claims.sid,
      membershipId: claims.mid,
      tenantId: row.tenant_id,
      organizationId: row.organization_id,
      organizationKind: row.organization_kind,
      roles: row.roles,
      email: row.email,
      displayName: row.display_name,
    };
  }
}
