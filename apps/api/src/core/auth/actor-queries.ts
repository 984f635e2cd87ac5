// The statement behind every signed-in request, apart from ActorLoader so that `npm run bench`
// (tools/bench) runs it in its raw-SQL baseline rather than a copy. No Nest or TypeORM import.

/**
 * The actor of an access token: $1 session, $2 user, $3 active membership; no row when any of
 * them is revoked, expired or disabled.
 */
export const ACTOR_SQL = `SELECT m.tenant_id, m.organization_id, o.kind AS organization_kind, m.roles, u.email, u.display_name,
                s.second_factor_enrolment_required
           FROM sessions s
           JOIN users u ON u.id = s.user_id
           JOIN memberships m ON m.id = s.active_membership_id AND m.user_id = s.user_id
           JOIN organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id
          WHERE s.id = $1 AND s.user_id = $2 AND s.active_membership_id = $3
            AND s.revoked_at IS NULL AND s.expires_at > now()
            AND u.disabled_at IS NULL AND m.disabled_at IS NULL`;
