// @ts-check
// --explain: EXPLAIN (ANALYZE, BUFFERS) of each statement a scenario lists in `explain`, as the
// application role in the actor's tenant transaction (row-level security applies), rolled back;
// printed before the measured runs. Each statement runs once first so the plan is warm. The
// statements are the API's own (api-code.mjs), labelled with the method that runs them.
import { apiCode } from './api-code.mjs';
import { roles } from './fixtures.mjs';

/**
 * @param {string} appUrl
 * @param {import('./scenarios/scenario.mjs').Scenario[]} scenarios
 * @param {import('./raw-sql.mjs').BaselineContext} context
 */
export async function explainScenarios(appUrl, scenarios, context) {
  const code = await apiCode();
  await roles.withClient(appUrl, async (client) => {
    for (const scenario of scenarios) {
      for (const { label, sql, params } of scenario.explain?.(context, code) ?? []) {
        await client.query('BEGIN');
        try {
          await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [context.tenantId, context.userId]);
          await client.query(sql, params);
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
          process.stdout.write(`\n[bench] EXPLAIN ${scenario.name}: ${label}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
        } finally {
          await client.query('ROLLBACK');
        }
      }
    }
  });
}
