// Knows whether this process should receive traffic: the database answers, and the process is
// not shutting down. Load balancers read it through /readyz; the web through GraphQL.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const DATABASE_PING_TIMEOUT_MS = 2_000;

export type ServiceStatus = 'UP' | 'DOWN';

@Injectable()
export class HealthService {
  private shuttingDown = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  async databaseStatus(): Promise<ServiceStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ServiceStatus>((resolve) => {
      timer = setTimeout(() => resolve('DOWN'), DATABASE_PING_TIMEOUT_MS);
    });
    const ping = this.dataSource
      .query('SELECT 1')
      .then((): ServiceStatus => 'UP')
      .catch((): ServiceStatus => 'DOWN');
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
