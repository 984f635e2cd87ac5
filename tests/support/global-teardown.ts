import { rmSync } from 'node:fs';
import { dropDatabase, withClient } from '../../tools/lib/database-roles.cjs';

export default async function globalTeardown(): Promise<void> {
  const superuserUrl = process.env.TEST_SUPERUSER_URL;
  const child = globalThis.__TSUNAGU_EMBEDDED_PG__;
  if (child) {
    // The whole server goes away with its data directory; nothing to drop.
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    if (process.env.TEST_EMBEDDED_PG_DIR) rmSync(process.env.TEST_EMBEDDED_PG_DIR, { recursive: true, force: true });
    return;
  }
  if (superuserUrl) {
    // On a shared server, remove what this run created.
    const names = await withClient(superuserUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'tsunagu\\_test\\_%'`,
      );
      return rows.map((row) => row.datname);
    });
    for (const name of names) await dropDatabase(superuserUrl, name);
  }
}
