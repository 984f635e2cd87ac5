// @ts-check
// The directory: a signed-in keyword search with facets over 10,000 services.
import { connectionOf, loadActorRaw, transaction } from '../raw-sql.mjs';

/** @type {import('./scenario.mjs').Scenario} */
export const directoryScenario = {
  name: 'directory',
  description: 'query SearchDirectory: signed in; 相談 in two categories, 20 results with facets, over 10,000 services (50 networks in the database)',
  needsSignIn: true,
  needsDirectory: true,
  graphql: {
    operationName: 'SearchDirectory',
    query: `query SearchDirectory { searchDirectory(input: { keywords: "相談", categories: [GENERAL_CONSULTATION, MENTAL_HEALTH] }, first: 20) {
      services { nodes { id name categories capacity organization { id name } } pageInfo { endCursor hasNextPage } }
      facets { total categories { value count } channels { value count } languages { value count } acceptingReferrals open24h } } }`,
  },
  check: (body) => body?.data?.searchDirectory?.services?.nodes?.length === 20 && body.data.searchDirectory.facets.total > 20,
  raw: async (pool, context, code) => {
    await loadActorRaw(pool, context, code);
    const term = '相談';
    const pattern = `%${term}%`;
    const categories = ['GENERAL_CONSULTATION', 'MENTAL_HEALTH'];
    /** @param {string} column */
    const facet = (column) => `(SELECT coalesce(json_agg(json_build_object('value', value, 'count', count) ORDER BY count DESC, value), '[]'::json)
         FROM (SELECT unnest(${column}) AS value, count(*)::int AS count FROM m GROUP BY 1) facet)`;
    // DirectoryService.search's statement for this search (written out here: the service builds
    // it from the search's filters): the matches found once for the page and the facets. 相談 has
    // no synonyms (SEARCH_SYNONYMS), so its one alternative is looked for in the document or the
    // reading, and ranks by the name with LIKE ANY of that one pattern.
    const found = await transaction(pool, { userId: context.userId }, async (client) => {
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [context.tenantId]);
      return (
        await client.query(
          `WITH m AS MATERIALIZED (SELECT s.* FROM services s
                  WHERE s.tenant_id = $1 AND (s.search_bigrams @> $3::text[] AND (s.search_document LIKE $2 OR s.search_reading LIKE $2))
                    AND s.categories && $4::text[]),
                ranked AS (SELECT s.id, s.name, s.categories, s.capacity, s.sort_name, s.organization_id, o.name AS organization_name,
                                  (CASE WHEN s.sort_name LIKE ANY($5::text[]) THEN 4 WHEN o.search_name LIKE ANY($5::text[]) THEN 2 ELSE 1 END) AS rank
                             FROM m s JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id),
                facets AS (SELECT json_build_object('total', (SELECT count(*)::int FROM m), 'categories', ${facet('categories')},
                                  'channels', ${facet('channel_kinds')}, 'languages', ${facet('languages')},
                                  'acceptingReferrals', (SELECT count(*)::int FROM m WHERE accepts_referrals AND capacity <> 'NOT_ACCEPTING'),
                                  'open24h', (SELECT count(*)::int FROM m WHERE open_24h)) AS facets)
           SELECT f.facets, p.* FROM facets f
             LEFT JOIN LATERAL (SELECT * FROM ranked ORDER BY rank DESC, sort_name, id LIMIT $6) p ON true`,
          [context.tenantId, pattern, [term], categories, [pattern], 21],
        )
      ).rows;
    });
    const facets = found[0].facets;
    const rows = found.filter((/** @type {any} */ row) => row.id !== null);
    const services = connectionOf(
      rows,
      20,
      (row) => ({ key: `${row.rank}|${row.sort_name}`, id: row.id }),
      (row) => ({
        id: row.id,
        name: row.name,
        categories: row.categories,
        capacity: row.capacity,
        organization: { id: row.organization_id, name: row.organization_name },
      }),
    );
    return { data: { searchDirectory: { services, facets } } };
  },
};
