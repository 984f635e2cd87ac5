// The one way to touch tenant-owned rows: a transaction whose app.tenant_id is set, so the
// row-level security policies (see core/database/tenant-owned-table.ts) admit only that
// tenant's rows. The setting is transaction-local, so a pooled connection never carries one
// tenant's context into another request.
import type { DataSource, EntityManager } from 'typeorm';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function runInTenant<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!uuidPattern.test(tenantId)) {
    throw new Error('runInTenant needs the tenant id of an authenticated membership');
  }
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return work(manager);
  });
}
