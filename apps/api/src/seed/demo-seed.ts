// Demo data for `npm start`: a network a newcomer can explore. Idempotent (fixed ids, inserts
// that skip existing rows), so it runs on every start and only adds what is missing. Later
// capabilities extend it.
import { DataSource } from 'typeorm';
import { runInTenant } from '../core/tenancy/tenant-transaction';

export const DEMO_NETWORK = {
  id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e01',
  slug: 'chuo-tsunagari',
  name: '中央区つながりネットワーク',
} as const;

export async function seedDemoData(ownerUrl: string): Promise<void> {
  const dataSource = await new DataSource({ type: 'postgres', url: ownerUrl, extra: { max: 1 } }).initialize();
  try {
    await runInTenant(dataSource, DEMO_NETWORK.id, (manager) =>
      manager.query(`INSERT INTO networks (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
        DEMO_NETWORK.id,
        DEMO_NETWORK.slug,
        DEMO_NETWORK.name,
      ]),
    );
  } finally {
    await dataSource.destroy();
  }
}
