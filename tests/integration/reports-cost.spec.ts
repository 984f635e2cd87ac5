// The cost of the disclosure control on the demo data (issue 14): the demo seed written to a real
// PostgreSQL as `npm start` does, then every demo network's protected fiscal years (the current
// one and the one before; the whole network and each organisation's scope) read by the report
// service's own statement over the aggregates the trigger kept. Prints how many figures are hidden
// (primary 1–4 and secondary) of how many, and checks the exact audit: no hidden figure is
// determined by the published ones.
import { fiscalYearOf } from '@tsunagu/domain';
import { Clock } from '../../apps/api/src/core/time/clock';
import { ReportsService } from '../../apps/api/src/modules/reports/reports.service';
import { setupDemoApiTest } from '../support/demo';

// No API: the report service reads the seeded database directly.
const t = setupDemoApiTest({ storage: true, replicas: 0 });

it('on the demo data: hidden figures per fiscal year and scope, none of them determined', async () => {
  const sql = t.sql;
  const service = new ReportsService(sql, new Clock());
  const networks: Array<{ id: string; name: string }> = await sql.query(`SELECT id, name FROM networks ORDER BY name`);
  const current = fiscalYearOf(new Date());
  const totals = { scopes: 0, figures: 0, primary: 0, secondary: 0 };
  const lines: string[] = [];
  let referrals = 0;
  for (const network of networks) {
    const organizations: Array<{ id: string }> = await sql.query(`SELECT id FROM organizations WHERE tenant_id = $1`, [network.id]);
    for (const fiscalYear of [current - 1, current]) {
      for (const organizationId of [null, ...organizations.map((organization) => organization.id)]) {
        const year = await service.protectedYear(sql.manager, network.id, fiscalYear, organizationId);
        expect(year.determined()).toEqual([]);
        if (organizationId === null) {
          referrals += year.total('YEAR').value ?? 0;
          lines.push(`${network.name} FY${fiscalYear} network: ${year.cost.figures} figures, ${year.cost.primary} primary, ${year.cost.secondary} secondary`);
        }
        totals.scopes += 1;
        totals.figures += year.cost.figures;
        totals.primary += year.cost.primary;
        totals.secondary += year.cost.secondary;
      }
    }
  }
  expect(networks.length).toBeGreaterThan(0);
  expect(totals.primary).toBeGreaterThan(0);
  process.stdout.write(
    `${lines.join('\n')}\ndemo, all scopes (network and each organisation, FY${current - 1} and FY${current}): ${totals.scopes} scopes, ` +
      `${totals.figures} figures, ${totals.primary} primary, ${totals.secondary} secondary (${referrals} referrals shown in network totals)\n`,
  );
});
