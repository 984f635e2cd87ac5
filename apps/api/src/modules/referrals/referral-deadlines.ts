// The deadline job: every minute, in every network, escalate the referrals past their reply
// deadline (notice to the receiver's admins and coordinators and to the sender) and expire those
// left unanswered past their expiry.
//
// Safe with several API replicas: pg-boss files one job per minute whichever replica's cron pass
// creates it, the queue keeps at most one job of it queued and one running (`stately`), and even
// when two runs overlap (a job retried after its worker died, or a run started by hand) the
// guarded UPDATEs of ReferralsService.escalateDue / expireDue let exactly one of them claim each
// referral. Time is the injected Clock's (ReferralsService reads it), so tests move it instead
// of waiting.
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { repeatingQueue } from '../../core/jobs/for-each-network';
import { NetworkJobs } from '../../core/jobs/network-jobs';
import { ReferralsService } from './referrals.service';

export const REFERRAL_DEADLINES_QUEUE = 'referrals.deadlines';

const DEADLINES_QUEUE = repeatingQueue(REFERRAL_DEADLINES_QUEUE);

export interface DeadlinesRun {
  readonly escalated: string[];
  readonly expired: string[];
}

@Injectable()
export class ReferralDeadlines implements OnModuleInit {
  private readonly logger = new Logger(ReferralDeadlines.name);

  constructor(
    private readonly jobs: NetworkJobs,
    private readonly referrals: ReferralsService,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule(DEADLINES_QUEUE, { cron: '* * * * *' }, () => this.run());
  }

  /** One pass over every network; returns what this pass escalated and expired. */
  async run(): Promise<DeadlinesRun> {
    const escalated: string[] = [];
    const expired: string[] = [];
    // One network's failure does not hold up the others; the next minute tries it again.
    const pass = await this.jobs.forEachNetwork({ name: 'Referral deadlines', logger: this.logger }, async (tenantId) => {
      // Escalation first: a referral found past both deadlines at once (the job did not run for
      // a while) still has its escalation on the timeline before it expires.
      escalated.push(...(await this.referrals.escalateDue(tenantId)));
      expired.push(...(await this.referrals.expireDue(tenantId)));
    });
    const failures = pass.failed.length;
    if (escalated.length || expired.length || failures) {
      this.logger.log({ escalated: escalated.length, expired: expired.length, failures }, 'Referral deadlines run');
    }
    return { escalated, expired };
  }
}
