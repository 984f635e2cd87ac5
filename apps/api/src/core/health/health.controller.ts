// Plain HTTP probes for orchestrators: /healthz says the process is alive, /readyz says it
// should get traffic (database reachable, not shutting down), 503 otherwise.
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';

@Public()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('healthz')
  @HttpCode(200)
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readiness(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string; database: string }> {
    const database = await this.health.databaseStatus();
    const ready = database === 'UP' && !this.health.isShuttingDown();
    reply.status(ready ? 200 : 503);
    reply.header('cache-control', 'no-store');
    return { status: ready ? 'ready' : this.health.isShuttingDown() ? 'shutting-down' : 'unavailable', database };
  }
}
