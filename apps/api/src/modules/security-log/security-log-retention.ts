// Deletes security events older than SECURITY_LOG_RETENTION_DAYS, every night. The log is
// append-only for the application role; the deletion goes through app_purge_security_events
// (migration 1764544000000), which runs as the owner, deletes by age only and never younger than
// 30 days. Why 400 days by default: see docs/privacy.md (a year of history plus the time it
// takes to notice and look into an incident).
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { purgeEndedChallenges } from '../../core/auth/auth-challenges';
import { purgeQuietThrottles } from '../../core/auth/login-throttle';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../core/config/config';
import { repeatingQueue } from '../../core/jobs/for-each-network';
import { JobQueue } from '../../core/jobs/job-queue';

export const SECURITY_LOG_RETENTION_QUEUE = 'security-log.retention';

@Injectable()
export class SecurityLogRetention implements OnModuleInit {
  private readonly logger = new Logger(SecurityLogRetention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // At night, Japan time; a missed night is made up by the next (it deletes by age).
    this.jobs.register(repeatingQueue(SECURITY_LOG_RETENTION_QUEUE), () => this.purge().then(() => undefined), {
      cron: '40 3 * * *',
      tz: 'Asia/Tokyo',
    });
  }

  /** Deletes the events past retention; returns how many. */
  async purge(): Promise<number> {
    const [row]: Array<{ deleted: string }> = await this.dataSource.query(`SELECT app_purge_security_events($1) AS deleted`, [
      this.config.securityLog.retentionDays,
    ]);
    const deleted = Number(row.deleted);
    if (deleted) this.logger.log({ deleted, retentionDays: this.config.securityLog.retentionDays }, 'Old security events deleted');
    // Sign-in challenges long over go the same night (they hold an address and a user agent).
    const challenges = await purgeEndedChallenges(this.dataSource);
    if (challenges) this.logger.log({ challenges }, 'Ended sign-in challenges deleted');
    const throttles = await purgeQuietThrottles(this.dataSource);
    if (throttles) this.logger.log({ throttles }, 'Quiet sign-in throttle counters deleted');
    return deleted;
  }
}
