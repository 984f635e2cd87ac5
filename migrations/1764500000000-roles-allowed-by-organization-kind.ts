// Roles that only mean something in some kinds of organisation (issue 14, finding 2): a LIAISON
// only in a MUNICIPALITY, a GRANT_EDITOR only in an INTERMEDIARY or a MUNICIPALITY. The API
// refuses other combinations (ROLE_KINDS in libs/domain/src/lib/roles.ts, which this mirrors;
// roles.spec.ts checks the two agree); these constraint triggers refuse them again for any
// writer, so no path — a tool, a script, a forgotten service — can give a non-municipality the
// network-wide reads of a liaison:
// - memberships and invitations: a role the organisation's kind does not allow;
// - organizations: a kind change while a membership or a pending invitation holds a role the new
//   kind does not allow.
// The membership/invitation check locks the organisation row (FOR SHARE), so it waits for a
// concurrent kind change and then sees the new kind: the two checks cannot both pass in a race.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { withForcedRowLevelSecurityLifted } from './lib/tenant-owned-table';

export class RolesAllowedByOrganizationKind1764500000000 implements MigrationInterface {
  name = 'RolesAllowedByOrganizationKind1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE FUNCTION app_role_allowed_in_kind(role text, kind text) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE role
          WHEN 'GRANT_EDITOR' THEN kind IN ('INTERMEDIARY', 'MUNICIPALITY')
          WHEN 'LIAISON' THEN kind IN ('MUNICIPALITY')
          ELSE true
        END
      $$`);

    // Data written before this rule existed is brought under it here, since migrations run as the
    // API starts and a refusal would stop every deployment where the gap was used. A refused role
    // is exactly the access the rule closes, so it is taken away: the member keeps their other
    // roles (STAFF when none is left, which every kind allows), and each change is written to the
    // audit log (action ROLES_REMOVED_BY_KIND_RULE, no actor) for the network admin to review. A
    // pending invitation holds no rights yet, so one that breaks the rule is revoked. This reads
    // every network, so row-level security is lifted for the owner inside this transaction only.
    await withForcedRowLevelSecurityLifted(queryRunner, ['organizations', 'memberships', 'invitations', 'audit_log'], async () => {
      await q(`
      WITH fixed AS (
        UPDATE memberships m
           SET roles = coalesce(
                 nullif(ARRAY(SELECT r FROM unnest(m.roles) r WHERE app_role_allowed_in_kind(r, o.kind)), '{}'),
                 ARRAY['STAFF'])
          FROM organizations o
         WHERE o.tenant_id = m.tenant_id AND o.id = m.organization_id
           AND EXISTS (SELECT 1 FROM unnest(m.roles) r WHERE NOT app_role_allowed_in_kind(r, o.kind))
        RETURNING m.tenant_id, m.id, m.organization_id
      )
      INSERT INTO audit_log (tenant_id, organization_id, entity, entity_id, action, changed_fields)
      SELECT tenant_id, organization_id, 'Membership', id, 'ROLES_REMOVED_BY_KIND_RULE', ARRAY['roles'] FROM fixed`);
      await q(`
      UPDATE invitations i SET revoked_at = now()
        FROM organizations o
       WHERE o.tenant_id = i.tenant_id AND o.id = i.organization_id AND i.accepted_at IS NULL AND i.revoked_at IS NULL
         AND EXISTS (SELECT 1 FROM unnest(i.roles) r WHERE NOT app_role_allowed_in_kind(r, o.kind))`);
    });

    await q(`
      CREATE FUNCTION app_check_roles_allowed_in_kind() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        org_kind text;
        refused text;
      BEGIN
        SELECT o.kind INTO org_kind FROM organizations o
         WHERE o.tenant_id = NEW.tenant_id AND o.id = NEW.organization_id FOR SHARE;
        IF org_kind IS NULL THEN
          RETURN NULL; -- the foreign key reports a missing organisation
        END IF;
        SELECT string_agg(r, ', ') INTO refused FROM unnest(NEW.roles) r WHERE NOT app_role_allowed_in_kind(r, org_kind);
        IF refused IS NOT NULL THEN
          RAISE EXCEPTION 'role(s) % not allowed in an organisation of kind %', refused, org_kind
            USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_roles_allowed_by_kind';
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['memberships', 'invitations']) {
      await q(`
        CREATE CONSTRAINT TRIGGER ${table}_roles_allowed_by_kind
          AFTER INSERT OR UPDATE OF roles, organization_id ON ${table}
          FOR EACH ROW EXECUTE FUNCTION app_check_roles_allowed_in_kind()`);
    }

    await q(`
      CREATE FUNCTION app_check_kind_allows_roles() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        refused text;
      BEGIN
        SELECT string_agg(DISTINCT r, ', ') INTO refused
          FROM (SELECT unnest(m.roles) AS r FROM memberships m
                 WHERE m.tenant_id = NEW.tenant_id AND m.organization_id = NEW.id
                UNION ALL
                SELECT unnest(i.roles) FROM invitations i
                 WHERE i.tenant_id = NEW.tenant_id AND i.organization_id = NEW.id
                   AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) held
         WHERE NOT app_role_allowed_in_kind(r, NEW.kind);
        IF refused IS NOT NULL THEN
          RAISE EXCEPTION 'organisation kind % does not allow role(s) % that its members or invitations hold', NEW.kind, refused
            USING ERRCODE = 'check_violation', CONSTRAINT = 'organizations_kind_allows_roles';
        END IF;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE CONSTRAINT TRIGGER organizations_kind_allows_roles
        AFTER UPDATE OF kind ON organizations
        FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
        EXECUTE FUNCTION app_check_kind_allows_roles()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER organizations_kind_allows_roles ON organizations`);
    for (const table of ['invitations', 'memberships']) await q(`DROP TRIGGER ${table}_roles_allowed_by_kind ON ${table}`);
    await q(`DROP FUNCTION app_check_kind_allows_roles()`);
    await q(`DROP FUNCTION app_check_roles_allowed_in_kind()`);
    await q(`DROP FUNCTION app_role_allowed_in_kind(text, text)`);
  }
}
