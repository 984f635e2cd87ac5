// @ts-check
// What a scenario is. Each sends one GraphQL request body to both targets and gives the raw-SQL
// equivalent as `raw(pool, context, code)`, which returns the JSON object the API is expected to
// answer; `check(body)` says whether an answer is right. Before each measured run both targets
// are probed once and their answers must pass `check` and have the same JSON shape (and, where a
// scenario gives `sameAnswer`, the same figures), so a baseline cannot silently do less work
// than the API. The baseline's statements are the API's own (api-code.mjs) wherever the API
// keeps them apart from its services.

/**
 * @typedef {object} ExplainedStatement
 * @property {string} label  the API method the statement belongs to
 * @property {string} sql
 * @property {unknown[]} params
 */

/**
 * @typedef {object} Scenario
 * @property {string} name          short id, used by --only and in the results
 * @property {string} description
 * @property {{ query: string, operationName?: string, variables?: object }} graphql
 *           the request body POSTed to /graphql (to both targets)
 * @property {Record<string, string>} [headers] extra request headers (both targets); set for a signed-in scenario
 * @property {boolean} [needsSignIn]
 * @property {boolean} [needsDirectory]
 * @property {boolean} [needsPeople]
 * @property {boolean} [needsReferrals]
 * @property {(body: any) => boolean} check  is this response body a correct answer?
 * @property {(api: any, raw: any) => boolean} [sameAnswer] do the two probes' answers agree (beyond their shape)?
 * @property {(pool: import('pg').Pool, context: import('../raw-sql.mjs').BaselineContext, code: import('../api-code.mjs').ApiCode) => Promise<object>} raw
 *           the raw-SQL baseline: run the API's statements, return the same JSON object
 * @property {(context: import('../raw-sql.mjs').BaselineContext, code: import('../api-code.mjs').ApiCode) => ExplainedStatement[]} [explain]
 *           the statements --explain shows, labelled with the API method that runs them
 */

export {};
