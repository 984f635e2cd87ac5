// Writes and list queries on people's records. Like the reader, this is the only code that
// touches the `persons` table: values go in sealed where the law asks for special care, lists
// return ids only (the reader decides what each id shows), and erasure leaves nothing personal
// behind but the pseudonymous row the kept records point at.
import { Injectable } from '@nestjs/common';
import {
  erasedTextMarker,
  ConsentPurpose,
  duplicateKey,
  normalizeForSearch,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataCategory,
  PersonStatus,
  PersonValues,
} from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../auth/actor';
import { decodeCursor, Page, pageSize, toPage } from '../graphql/pagination';
import { Clock } from '../time/clock';
import { FieldCipher } from './field-cipher';
import { OWN_PERSONS_PAGE_SQL } from './person-queries';
import { sealedColumnOf, sealingContext } from './sealing';

const PLAIN_COLUMNS: Partial<Record<PersonalDataCategory, string>> = {
  IDENTITY: 'identity',
  CONTACT: 'contact',
  HOUSEHOLD: 'household',
  FINANCIAL: 'financial',
  CONSULTATION: 'consultation',
};

export interface PersonHeader {
  readonly id: string;
  readonly organizationId: string;
  readonly pseudonym: string;
  readonly status: PersonStatus;
}

/** The owner's search key: normalised name and kana, spaced and joined (also used by the demo seed). */
export function searchText(identity: PersonValues['IDENTITY']): string {
  const parts = [identity.familyName, identity.givenName, identity.familyNameKana, identity.givenNameKana];
  const spaced = normalizeForSearch(parts.join(' '));
  // Names are typed with and without the space between family and given name.
  const joined = normalizeForSearch(`${identity.familyName}${identity.givenName} ${identity.familyNameKana}${identity.givenNameKana}`);
  return `${spaced} ${joined.replace(/\s+/g, '')}`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

@Injectable()
export class PersonRecords {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /** Organisation, pseudonym and status of a person of the actor's network; null when not held. */
  /**
   * The person's header; `forChange` locks the row until the transaction ends, so that a change
   * checked against this status (active) cannot be overtaken by a stop or an erasure committed in
   * between (the change would find no active row and yet be audited as done).
   */
  async header(manager: EntityManager, tenantId: string, personId: string, options: { forChange?: boolean } = {}): Promise<PersonHeader | null> {
    const [row]: Array<{ id: string; organization_id: string; pseudonym: string; status: PersonStatus }> = await manager.query(
      `SELECT id, organization_id, pseudonym, status FROM persons WHERE tenant_id = $1 AND id = $2${options.forChange ? ' FOR UPDATE' : ''}`,
      [tenantId, personId],
    );
    return row ? { id: row.id, organizationId: row.organization_id, pseudonym: row.pseudonym, status: row.status } : null;
  }

  /** People of the actor's organisation already registered with the same kana and birth date. */
  async findDuplicates(manager: EntityManager, actor: RequestActor, identity: PersonValues['IDENTITY']): Promise<PersonHeader[]> {
    const key = duplicateKey(identity.familyNameKana, identity.givenNameKana, identity.birthDate);
    if (!key) return [];
    const rows: Array<{ id: string; organization_id: string; pseudonym: string; status: PersonStatus }> = await manager.query(
      `SELECT id, organization_id, pseudonym, status FROM persons
        WHERE tenant_id = $1 AND organization_id = $2 AND duplicate_key = $3 ORDER BY created_at, id`,
      [actor.tenantId, actor.organizationId, key],
    );
    return rows.map((row) => ({ id: row.id, organizationId: row.organization_id, pseudonym: row.pseudonym, status: row.status }));
  }

  /** Registers a person owned by the actor's organisation; returns the new id. */
  async create(manager: EntityManager, actor: RequestActor, values: PersonValues): Promise<string> {
    // The id is the database's, taken first because sealed values are bound to it.
    const [{ id }]: Array<{ id: string }> = await manager.query(`SELECT gen_random_uuid() AS id`);
    const columns = this.columnValues(actor.tenantId, id, values, PERSONAL_DATA_CATEGORIES.codes);
    const names = Object.keys(columns);
    await manager.query(
      `INSERT INTO persons (tenant_id, id, organization_id, created_by_membership_id, search_text, duplicate_key, ${names.join(', ')})
       VALUES ($1, $2, $3, $4, $5, $6, ${names.map((_, index) => `$${index + 7}`).join(', ')})`,
      [
        actor.tenantId,
        id,
        actor.organizationId,
        actor.membershipId,
        searchText(values.IDENTITY),
        duplicateKey(values.IDENTITY.familyNameKana, values.IDENTITY.givenNameKana, values.IDENTITY.birthDate),
        ...Object.values(columns),
      ],
    );
    return id;
  }

  /** Replaces the given categories' values (a correction); the caller audits it. */
  async replaceCategories(
    manager: EntityManager,
    tenantId: string,
    personId: string,
    values: Partial<PersonValues>,
  ): Promise<void> {
    const categories = PERSONAL_DATA_CATEGORIES.codes.filter((category) => category in values);
    if (categories.length === 0) return;
    const columns = this.columnValues(tenantId, personId, values as PersonValues, categories);
    if (values.IDENTITY) {
      columns.search_text = searchText(values.IDENTITY);
      columns.duplicate_key = duplicateKey(values.IDENTITY.familyNameKana, values.IDENTITY.givenNameKana, values.IDENTITY.birthDate);
    }
    const names = Object.keys(columns);
    await manager.query(
      `UPDATE persons SET ${names.map((name, index) => `${name} = $${index + 3}`).join(', ')}
        WHERE tenant_id = $1 AND id = $2 AND status = 'ACTIVE'`,
      [tenantId, personId, ...Object.values(columns)],
    );
  }

  /** 利用停止: values stay (the person may ask for them) but nobody reads them any more. */
  async ceaseUse(manager: EntityManager, tenantId: string, personId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE persons SET status = 'USE_CEASED', use_ceased_at = $3, use_ceased_reason = $4
        WHERE tenant_id = $1 AND id = $2 AND status = 'ACTIVE'`,
      [tenantId, personId, this.clock.now(), reason],
    );
  }

  /**
   * 消去: every personal value goes — the person's categories, search keys, consent evidence
   * notes and files, free-text reasons that may quote them — while consents (as the legal basis), the access log and provision
   * records stay, pointing at the pseudonymous row.
   */
  async erase(manager: EntityManager, tenantId: string, personId: string): Promise<void> {
    await manager.query(
      `UPDATE persons SET status = 'ERASED', erased_at = $3, identity = NULL, contact = NULL, household = NULL,
              financial = NULL, consultation = NULL, health_sealed = NULL, disability_sealed = NULL, legal_sealed = NULL,
              search_text = NULL, duplicate_key = NULL, use_ceased_reason = NULL
        WHERE tenant_id = $1 AND id = $2 AND status <> 'ERASED'`,
      [tenantId, personId, this.clock.now()],
    );
    await manager.query(
      `DELETE FROM consent_evidence_files f USING consents c
        WHERE f.tenant_id = $1 AND c.tenant_id = $1 AND f.consent_id = c.id AND c.person_id = $2`,
      [tenantId, personId],
    );
    await manager.query(
      `UPDATE consents SET evidence_note = NULL,
              revocation_reason = CASE WHEN revoked_at IS NULL THEN NULL ELSE '[erased]' END
        WHERE tenant_id = $1 AND person_id = $2 AND (evidence_note IS NOT NULL OR revoked_at IS NOT NULL)`,
      [tenantId, personId],
    );
    await manager.query(
      `UPDATE person_corrections SET reason = NULL WHERE tenant_id = $1 AND person_id = $2 AND reason IS NOT NULL`,
      [tenantId, personId],
    );
    await this.eraseReferralText(manager, tenantId, personId);
  }

  /**
   * A referral's free text is the person's consultation data (libs/domain referral-free-text.ts):
   * on erasure every free-text column of every referral about the person — in each
   * organisation's copy, forwarded ones included — becomes the erasure marker with the date.
   */
  private async eraseReferralText(manager: EntityManager, tenantId: string, personId: string): Promise<void> {
    const marker = erasedTextMarker(this.clock.now());
    await manager.query(
      `UPDATE referrals SET reason = $3,
              notes = CASE WHEN notes IS NULL THEN NULL ELSE $3 END,
              outcome = CASE WHEN outcome IS NULL THEN NULL ELSE $3 END
        WHERE tenant_id = $1 AND person_id = $2`,
      [tenantId, personId, marker],
    );
    // The timeline and messages are append-only for the application role: this function is the
    // one rewrite they allow (the marker, for a person erased in this transaction).
    await manager.query(`SELECT app_erase_referral_text($1, $2, $3)`, [tenantId, personId, marker]);
  }

  /** The actor's organisation's people, newest first, optionally matching a name or kana. */
  async listOwn(
    manager: EntityManager,
    actor: RequestActor,
    options: { search?: string | null; first?: number | null; after?: string | null },
  ): Promise<Page<string>> {
    const size = pageSize(options.first);
    const cursor = decodeCursor(options.after);
    const term = options.search ? normalizeForSearch(options.search).replace(/\s+/g, '') : '';
    const rows: Array<{ id: string; cursor_key: string }> = await manager.query(
      OWN_PERSONS_PAGE_SQL,
      [actor.tenantId, actor.organizationId, escapeLike(term), cursor?.key ?? null, cursor?.id ?? null, size + 1],
    );
    // Cursor keys keep the database's microseconds: a JS Date would round them to ms.
    const page = toPage(rows, size, (row) => ({ key: row.cursor_key, id: row.id }));
    return { ...page, nodes: page.nodes.map((row) => row.id) };
  }

  /**
   * People of other organisations that an active consent shares with the actor's organisation
   * (by name or kind) for the purpose, most recently consented first.
   */
  async listShared(
    manager: EntityManager,
    actor: RequestActor,
    purpose: ConsentPurpose,
    options: { first?: number | null; after?: string | null },
  ): Promise<Page<string>> {
    const size = pageSize(options.first);
    const cursor = decodeCursor(options.after);
    const now = this.clock.now();
    const rows: Array<{ id: string; shared_at: string }> = await manager.query(
      `SELECT p.id, max(c.created_at)::text AS shared_at
         FROM consents c JOIN persons p ON p.tenant_id = c.tenant_id AND p.id = c.person_id
        WHERE c.tenant_id = $1 AND p.organization_id <> $2 AND p.status = 'ACTIVE'
          AND (c.recipient_organization_ids @> ARRAY[$2::uuid] OR c.recipient_kinds @> ARRAY[$3::text])
          AND c.purposes @> ARRAY[$4::text] AND c.revoked_at IS NULL AND c.valid_from <= $5
          AND (c.valid_until IS NULL OR c.valid_until > $5)
        GROUP BY p.id
       HAVING ($6::timestamptz IS NULL OR (max(c.created_at), p.id) < ($6::timestamptz, $7::uuid))
        ORDER BY shared_at DESC, p.id DESC LIMIT $8`,
      [actor.tenantId, actor.organizationId, actor.organizationKind, purpose, now, cursor?.key ?? null, cursor?.id ?? null, size + 1],
    );
    const page = toPage(rows, size, (row) => ({ key: row.shared_at, id: row.id }));
    return { ...page, nodes: page.nodes.map((row) => row.id) };
  }

  private columnValues(
    tenantId: string,
    personId: string,
    values: PersonValues,
    categories: readonly PersonalDataCategory[],
  ): Record<string, unknown> {
    return personColumnValues(this.cipher, tenantId, personId, values, categories);
  }
}

/**
 * Column values of the given categories as stored: ordinary ones as JSON, special-care ones
 * sealed and bound to the row and category. Exported so the demo seed stores them the same way.
 */
export function personColumnValues(
  cipher: FieldCipher,
  tenantId: string,
  personId: string,
  values: Partial<PersonValues>,
  categories: readonly PersonalDataCategory[],
): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const category of categories) {
    const value = values[category] ?? null;
    const plain = PLAIN_COLUMNS[category];
    if (plain) {
      columns[plain] = value === null ? null : JSON.stringify(value);
    } else {
      columns[sealedColumnOf(category) as string] =
        value === null ? null : cipher.sealJson(value, sealingContext(tenantId, personId, category));
    }
  }
  return columns;
}
