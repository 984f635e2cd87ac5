// The statements of the single read path (PersonalDataReader, PersonRecords) that
// `npm run bench` (tools/bench) also runs in its raw-SQL baseline: kept apart from the services
// so the bench imports them instead of copying them. Plain strings only: no Nest or TypeORM
// import, so the bench loads this file on its own.

/** A person with their organisation's name ($1 tenant, then the caller's own condition). */
export const PERSON_SELECT = `SELECT p.id, p.organization_id, o.name AS organization_name, p.pseudonym, p.status, p.identity, p.contact,
       p.household, p.financial, p.consultation, p.health_sealed, p.disability_sealed, p.legal_sealed, p.created_at, p.updated_at
  FROM persons p JOIN organizations o ON o.tenant_id = p.tenant_id AND o.id = p.organization_id`;

/** Persons by id: $1 tenant, $2 the ids. */
export const PERSONS_BY_ID_SQL = `${PERSON_SELECT} WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[])`;

export const CONSENT_FACT_COLUMNS = `id, person_id, categories, purposes, recipient_organization_ids, recipient_kinds,
  valid_from, valid_until, revoked_at, method, obtained_at`;

/** The consents naming an organisation ($3) or its kind ($4), for persons $2 of tenant $1. */
export const CONSENTS_NAMING_SQL = `SELECT ${CONSENT_FACT_COLUMNS} FROM consents
        WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])
          AND (recipient_organization_ids @> ARRAY[$3::uuid] OR recipient_kinds @> ARRAY[$4::text])`;

/**
 * Per person ($3) organisation $2 received referrals about, the categories the live ones ($4:
 * LIVE_REFERRAL_STATUSES) share.
 */
export const RECEIVED_REFERRAL_SCOPES_SQL = `SELECT r.person_id,
              coalesce(array_agg(DISTINCT c.category) FILTER (WHERE r.status = ANY($4::text[]) AND c.category IS NOT NULL), '{}') AS categories
         FROM referrals r LEFT JOIN LATERAL unnest(r.shared_categories) AS c(category) ON true
        WHERE r.tenant_id = $1 AND r.receiver_organization_id = $2 AND r.person_id = ANY($3::uuid[]) AND r.sent_at IS NOT NULL
        GROUP BY r.person_id`;

/** The access log of outside reads: $1 tenant, $2 user, $3 membership, $4 organisation, $5 purpose, $6 the reads as JSON. */
export const ACCESS_LOG_INSERT_SQL = `INSERT INTO person_access_log (tenant_id, person_id, actor_user_id, actor_membership_id, organization_id, categories, purpose, consent_ids)
       SELECT $1, r.person_id, $2, $3, $4, ARRAY(SELECT jsonb_array_elements_text(r.categories)), $5, ARRAY(SELECT jsonb_array_elements_text(r.consent_ids))::uuid[]
         FROM jsonb_to_recordset($6::jsonb) AS r(person_id uuid, categories jsonb, consent_ids jsonb)`;

/** The provision records of reads that disclosed something: $1 tenant, $2 recipient organisation, $3 purpose, $4 membership, $5 as JSON. */
export const READ_PROVISION_INSERT_SQL = `INSERT INTO provision_records (tenant_id, person_id, provider_organization_id, recipient_organization_id, categories,
                                      purpose, consent_ids, provider_acquisition, recipient_membership_id, context)
       SELECT $1, r.person_id, r.provider_organization_id, $2, ARRAY(SELECT jsonb_array_elements_text(r.categories)), $3,
              ARRAY(SELECT jsonb_array_elements_text(r.consent_ids))::uuid[], r.acquisition, $4, 'READ'
         FROM jsonb_to_recordset($5::jsonb) AS r(person_id uuid, provider_organization_id uuid, categories jsonb, consent_ids jsonb, acquisition text)
       ON CONFLICT DO NOTHING`;

/**
 * One page of an organisation's own persons, newest first: $1 tenant, $2 organisation, $3 the
 * search term (LIKE-escaped, '' for none), $4/$5 the cursor's key and id, $6 the page size plus one.
 */
export const OWN_PERSONS_PAGE_SQL = `SELECT id, created_at::text AS cursor_key FROM persons
        WHERE tenant_id = $1 AND organization_id = $2 AND status <> 'ERASED'
          AND ($3 = '' OR replace(search_text, ' ', '') LIKE '%' || $3 || '%' OR search_text LIKE '%' || $3 || '%')
          AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $6`;
