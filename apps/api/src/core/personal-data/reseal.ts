// `node main.js reseal`: after a key rotation, seals every special-care value again with the
// active key, so the old key can then be removed from PERSONAL_DATA_KEYS. Safe to run while
// the API serves (rows are locked while they are resealed) and safe to run again: values
// already on the active key are left alone.
//
// It connects as the owner role, which obeys row-level security like everyone else, so it
// works network by network, each in its own transaction acting as that network.
import { DataSource, EntityManager } from 'typeorm';
import { listNetworkIds, runInTenant } from '../tenancy/tenant-transaction';
import { FieldCipher, KeyRing } from './field-cipher';
import { PERSON_SEALED_COLUMNS, sealingContext } from './sealing';

export interface ResealReport {
  readonly activeKeyId: string;
  readonly networks: number;
  readonly people: number;
  readonly values: number;
}

const BATCH_SIZE = 500;

type PersonRow = { id: string } & Record<(typeof PERSON_SEALED_COLUMNS)[number]['column'], string | null>;

export class ResealError extends Error {}

async function resealNetwork(
  manager: EntityManager,
  cipher: FieldCipher,
  tenantId: string,
  activeKeyId: string,
): Promise<{ people: number; values: number }> {
  const stale = PERSON_SEALED_COLUMNS.map(
    ({ column }) => `(${column} IS NOT NULL AND split_part(${column}, '.', 2) <> $2)`,
  ).join(' OR ');
  let people = 0;
  let values = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: PersonRow[] = await manager.query(
      `SELECT id, ${PERSON_SEALED_COLUMNS.map(({ column }) => column).join(', ')}
         FROM persons
        WHERE tenant_id = $1 AND id > $3 AND (${stale})
        ORDER BY id
        LIMIT ${BATCH_SIZE}
          FOR UPDATE`,
      [tenantId, activeKeyId, after],
    );
    for (const row of rows) {
      const assignments: string[] = [];
      const parameters: string[] = [tenantId, row.id];
      for (const { column, category } of PERSON_SEALED_COLUMNS) {
        const sealed = row[column];
        if (sealed === null) continue;
        try {
          if (!cipher.needsResealing(sealed)) continue;
          parameters.push(cipher.reseal(sealed, sealingContext(tenantId, row.id, category)));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new ResealError(`person ${row.id} (${category}) in network ${tenantId}: ${reason}`);
        }
        assignments.push(`${column} = $${parameters.length}`);
      }
      if (!assignments.length) continue;
      await manager.query(`UPDATE persons SET ${assignments.join(', ')} WHERE tenant_id = $1 AND id = $2`, parameters);
      people += 1;
      values += assignments.length;
    }
    if (rows.length < BATCH_SIZE) return { people, values };
    after = rows[rows.length - 1].id;
  }
}

/** Reseals every value not on the active key; stops at the first value no configured key opens. */
export async function resealPersonalData(ownerUrl: string, keyRing: KeyRing): Promise<ResealReport> {
  const cipher = new FieldCipher(keyRing);
  const dataSource = await new DataSource({
    type: 'postgres',
    url: ownerUrl,
    synchronize: false,
    logging: false,
    extra: { max: 2, application_name: 'tsunagu-reseal' },
  }).initialize();
  try {
    const networkIds = await listNetworkIds(dataSource);
    let people = 0;
    let values = 0;
    for (const tenantId of networkIds) {
      // One transaction per network: a failure keeps the networks already done.
      const done = await runInTenant(dataSource, tenantId, (manager) =>
        resealNetwork(manager, cipher, tenantId, keyRing.activeKeyId),
      );
      people += done.people;
      values += done.values;
    }
    return { activeKeyId: keyRing.activeKeyId, networks: networkIds.length, people, values };
  } finally {
    await dataSource.destroy();
  }
}

/** The one line `reseal` prints. */
export function describeReseal(report: ResealReport): string {
  if (report.values === 0) {
    return `Nothing to reseal: every special-care value in ${report.networks} network(s) uses key "${report.activeKeyId}".`;
  }
  return (
    `Resealed ${report.values} special-care value(s) of ${report.people} person(s) in ${report.networks} network(s) ` +
    `with key "${report.activeKeyId}".`
  );
}
