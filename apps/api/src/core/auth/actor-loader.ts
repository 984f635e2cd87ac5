// Loads the actor for a verified access token: one indexed query per request, so a revoked
// session, a disabled account or membership, or a role change takes effect at once rather
// than when the token expires.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganizationKind, Role } from '@tsunagu/domain';
import { DataSource } from 'typeorm';
import { runAsUser } from '../tenancy/tenant-transaction';
import type { AccessTokenClaims, RequestActor } from './actor';
import { ACTOR_SQL } from './actor-queries';

interface ActorRow {
  tenant_id: string;
  organization_id: string;
  organization_kind: OrganizationKind;
  roles: Role[];
  email: string;
  display_name: string;
  second_factor_enrolment_required: boolean;
}

@Injectable()
export class ActorLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(claims: AccessTokenClaims): Promise<RequestActor | null> {
    const rows: ActorRow[] = await runAsUser(this.dataSource, claims.sub, (manager) =>
      manager.query(ACTOR_SQL, [claims.sid, claims.sub, claims.mid]),
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
      secondFactorEnrolmentRequired: row.second_factor_enrolment_required,
    };
  }
}
