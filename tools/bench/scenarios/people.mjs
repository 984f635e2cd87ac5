// @ts-check
// People: one person of another organisation read under consent for REFERRAL (logged, with its
// provision record), and the owner's own list.
import { PEOPLE_TARGET_PERSON } from '../fixtures.mjs';
import { connectionOf, loadActorRaw, pickContact, pickIdentity, transaction } from '../raw-sql.mjs';

const PEOPLE_CATEGORIES = ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'HEALTH', 'DISABILITY', 'FINANCIAL', 'LEGAL', 'CONSULTATION'];

/** @type {import('./scenario.mjs').Scenario[]} */
export const peopleScenarios = [
  {
    name: 'person',
    description:
      'query Person: signed in (organisation B); one person of organisation A under a consent naming B for IDENTITY and CONTACT and REFERRAL, bounded by what live referrals B received about them share (none: consent decides); logs the read and its provision (100,000 persons in the network)',
    needsSignIn: true,
    needsPeople: true,
    graphql: {
      operationName: 'Person',
      query: `query Person($id: ID!) { person(id: $id, purpose: REFERRAL) { id pseudonym status ownerOrganizationName ownedByMe purpose
        identity { access withheldReason values { familyName givenName familyNameKana givenNameKana birthDate } }
        contact { access values { phone email } }
        health { access withheldReason } } }`,
      variables: { id: PEOPLE_TARGET_PERSON },
    },
    check: (body) => {
      const person = body?.data?.person;
      return (
        person?.ownedByMe === false &&
        person.identity.access === 'DISCLOSED' &&
        typeof person.identity.values?.familyName === 'string' &&
        person.contact.access === 'DISCLOSED' &&
        person.health.access === 'WITHHELD' &&
        person.health.withheldReason === 'CATEGORY_NOT_COVERED'
      );
    },
    raw: async (pool, context, code) => {
      await loadActorRaw(pool, context, code);
      const purpose = 'REFERRAL';
      const person = await transaction(pool, context, async (client) => {
        // PersonalDataReader.read: the person and its organisation, then the consents naming
        // the actor's organisation (or its kind) and, for REFERRAL, the scope of the live
        // referrals it received about the person; then the access log and the provision record.
        const [row] = (
          await client.query(code.persons.PERSONS_BY_ID_SQL, [context.tenantId, [PEOPLE_TARGET_PERSON]])
        ).rows;
        if (!row) throw new Error('person not found');
        const owned = row.organization_id === context.organizationId;
        const consents = owned
          ? []
          : (
              await client.query(code.persons.CONSENTS_NAMING_SQL, [context.tenantId, [row.id], context.organizationId, 'NPO'])
            ).rows;
        const referralScopes = new Map(
          owned
            ? []
            : (
                await client.query(code.persons.RECEIVED_REFERRAL_SCOPES_SQL, [
                  context.tenantId,
                  context.organizationId,
                  [row.id],
                  code.domain.LIVE_REFERRAL_STATUSES,
                ])
              ).rows.map(
                (/** @type {{ person_id: string, categories: string[] }} */ scope) => [scope.person_id, scope.categories],
              ),
        );
        // The consent rule, simplified: an active consent for the purpose and the category.
        const now = new Date();
        /** @param {string} category @returns {{ access: string, reason: string | null, consentId: string | null }} */
        const decide = (category) => {
          if (owned) return { access: 'DISCLOSED', reason: null, consentId: null };
          const active = consents.find(
            (consent) =>
              consent.purposes.includes(purpose) &&
              consent.categories.includes(category) &&
              consent.revoked_at === null &&
              consent.valid_from <= now &&
              (consent.valid_until === null || consent.valid_until > now),
          );
          // For REFERRAL, an organisation that received referrals about the person reads only what the live ones share.
          const received = referralScopes.get(row.id);
          if (active && received && !received.includes(category)) return { access: 'WITHHELD', reason: 'NOT_SHARED', consentId: null };
          if (active) return { access: 'DISCLOSED', reason: null, consentId: active.id };
          const other = consents.find((consent) => consent.purposes.includes(purpose) && consent.revoked_at === null);
          return other
            ? { access: 'WITHHELD', reason: 'CATEGORY_NOT_COVERED', consentId: other.id }
            : { access: 'WITHHELD', reason: 'NO_CONSENT', consentId: null };
        };
        const decisions = Object.fromEntries(PEOPLE_CATEGORIES.map((category) => [category, decide(category)]));
        if (!owned) {
          const disclosed = PEOPLE_CATEGORIES.filter((category) => decisions[category].access === 'DISCLOSED');
          const consentIds = [...new Set(disclosed.map((category) => decisions[category].consentId))];
          await client.query(code.persons.ACCESS_LOG_INSERT_SQL, [
              context.tenantId,
              context.userId,
              context.membershipId,
              context.organizationId,
              purpose,
              JSON.stringify([{ person_id: row.id, categories: disclosed, consent_ids: consentIds }]),
          ]);
          if (disclosed.length > 0) {
            const used = consents.filter((consent) => consentIds.includes(consent.id));
            await client.query(code.persons.READ_PROVISION_INSERT_SQL, [
                context.tenantId,
                context.organizationId,
                purpose,
                context.membershipId,
                JSON.stringify([
                  {
                    person_id: row.id,
                    provider_organization_id: row.organization_id,
                    categories: disclosed,
                    consent_ids: [...consentIds].sort(),
                    acquisition: used
                      .map((consent) => `consent ${consent.id}: ${consent.method} ${consent.obtained_at.toISOString().slice(0, 10)}, obtained directly from the person`)
                      .join('; '),
                  },
                ]),
            ]);
          }
        }
        return { row, owned, decisions };
      });
      const { row, owned, decisions } = person;
      /** @param {string} category @param {string} column @param {(values: any) => object} pick */
      const section = (category, column, pick) => ({
        access: decisions[category].access,
        withheldReason: decisions[category].reason,
        values: decisions[category].access === 'DISCLOSED' && row[column] ? pick(row[column]) : null,
      });
      return {
        data: {
          person: {
            id: row.id,
            pseudonym: row.pseudonym,
            status: row.status,
            ownerOrganizationName: row.organization_name,
            ownedByMe: owned,
            purpose,
            identity: section('IDENTITY', 'identity', pickIdentity),
            // The request asks the contact section for its access and values only.
            contact: (({ access, values }) => ({ access, values }))(section('CONTACT', 'contact', pickContact)),
            health: { access: decisions.HEALTH.access, withheldReason: decisions.HEALTH.reason },
          },
        },
      };
    },
  },
  {
    name: 'people',
    description: "query People: signed in; the owner's list, newest 20 of the organisation's 50,000 persons (100,000 in the network)",
    needsSignIn: true,
    needsPeople: true,
    graphql: {
      operationName: 'People',
      query: `query People { people(first: 20) {
        nodes { id pseudonym status ownedByMe
          identity { access values { familyName givenName familyNameKana givenNameKana birthDate } }
          contact { access values { phone email } } }
        pageInfo { endCursor hasNextPage } } }`,
    },
    check: (body) =>
      body?.data?.people?.nodes?.length === 20 &&
      body.data.people.pageInfo.hasNextPage === true &&
      body.data.people.nodes.every((/** @type {any} */ node) => node.ownedByMe && node.identity.access === 'DISCLOSED'),
    raw: async (pool, context, code) => {
      await loadActorRaw(pool, context, code);
      const { ids, rows } = await transaction(pool, context, async (client) => {
        // PersonRecords.listOwn, then PersonalDataReader.read (owned: no consents, no log).
        const ids = (
          await client.query(code.persons.OWN_PERSONS_PAGE_SQL, [context.tenantId, context.organizationId, '', null, null, 21])
        ).rows;
        const page = ids.slice(0, 20).map((row) => row.id);
        const rows = (await client.query(code.persons.PERSONS_BY_ID_SQL, [context.tenantId, page])).rows;
        return { ids, rows };
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const people = connectionOf(
        ids,
        20,
        (row) => ({ key: row.cursor_key, id: row.id }),
        ({ id }) => {
          const row = byId.get(id);
          return {
            id: row.id,
            pseudonym: row.pseudonym,
            status: row.status,
            ownedByMe: row.organization_id === context.organizationId,
            identity: { access: 'DISCLOSED', values: row.identity ? pickIdentity(row.identity) : null },
            contact: { access: 'DISCLOSED', values: row.contact ? pickContact(row.contact) : null },
          };
        },
      );
      return { data: { people } };
    },
  },
];
