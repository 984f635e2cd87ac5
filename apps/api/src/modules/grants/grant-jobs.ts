// The grants' scheduled jobs, in every network (DESIGN.md capability 4, issue 7 item 4):
//
//   - auto-close (every 5 minutes): published listings whose application window has ended
//     become CLOSED (GrantsService.closeEndedGrants, a guarded UPDATE: each listing once);
//   - deadline reminders (every 10 minutes): each member who bookmarked a published listing is
//     mailed 7 days and 1 day before its window closes, once per (bookmark, days). A bookmark
//     made when less than a day remains gets only the 1-day reminder; a closed listing none;
//   - saved-search digest (07:30 Japan time): one mail per member listing the listings
//     published since the last digest that match one of their saved searches and were never
//     mailed for that search.
//
// Exactly once with several replicas: pg-boss files one job per occurrence (`stately` keeps one
// queued and one running), and every mail is decided by an INSERT … ON CONFLICT DO NOTHING
// RETURNING into grant_reminders_sent / grant_saved_search_matches in the same transaction that
// queues the mail in the outbox. A second run at the same moment waits on the first's unique
// index entries, then claims nothing. Time is the injected Clock's, so tests move it.
//
// Bookmarks and saved searches belong to the member's network and may point at another
// network's PUBLIC listing: each job works per bookmarking network, where row-level security
// lets it read those listings (and only while they are public).
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { GRANT_REMINDER_DAYS } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { dailyMailQueue, failIfAnyNetworkFailed, repeatingQueue } from '../../core/jobs/for-each-network';
import { NetworkJobs } from '../../core/jobs/network-jobs';
import { MailOutbox } from '../../core/mail';
import type { GrantDigestItem, MailLanguage } from '../../core/mail';
import { Clock } from '../../core/time/clock';
import type { GrantSearchInput } from './dto/grants.input';
import { GrantMatch, GrantsService } from './grants.service';

export const GRANT_AUTO_CLOSE_QUEUE = 'grants.auto-close';
export const GRANT_REMINDERS_QUEUE = 'grants.deadline-reminders';
export const GRANT_DIGEST_QUEUE = 'grants.saved-search-digest';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A saved search's digest covers listings published at most this long ago (and never before the
 * search was saved): a day or two of job outage is caught up, weeks of old listings are not.
 */
const DIGEST_WINDOW_MS = 7 * DAY_MS;

const AUTO_CLOSE = repeatingQueue(GRANT_AUTO_CLOSE_QUEUE);
const REMINDERS = repeatingQueue(GRANT_REMINDERS_QUEUE);
const DIGEST = dailyMailQueue(GRANT_DIGEST_QUEUE);

interface ReminderRow {
  readonly days_before: 7 | 1;
  readonly grant_id: string;
  readonly title: string;
  readonly funder_name: string;
  readonly window_closes_at: Date;
  readonly email: string;
  readonly language: MailLanguage;
}

interface SavedSearchRow {
  readonly id: string;
  readonly membership_id: string;
  readonly name: string;
  readonly criteria: GrantSearchInput;
  readonly created_at: Date;
  readonly email: string;
  readonly language: MailLanguage;
}

@Injectable()
export class GrantJobs implements OnModuleInit {
  private readonly logger = new Logger(GrantJobs.name);

  constructor(
    private readonly jobs: NetworkJobs,
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
    private readonly grants: GrantsService,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule(AUTO_CLOSE, { cron: '*/5 * * * *' }, () => this.closeEnded());
    this.jobs.schedule(REMINDERS, { cron: '*/10 * * * *' }, () => this.sendReminders());
    this.jobs.schedule(DIGEST, { cron: '30 7 * * *', tz: 'Asia/Tokyo' }, () => this.sendDigests());
  }

  /** Closes every network's listings whose window has ended; returns their ids. */
  async closeEnded(): Promise<string[]> {
    const pass = await this.jobs.forEachNetwork({ name: 'Grant auto-close', logger: this.logger }, async (tenantId) => (await this.grants.closeEndedGrants(tenantId)).map((grant) => grant.id));
    const closed = pass.results.flat();
    const failures = pass.failed.length;
    if (closed.length || failures) this.logger.log({ closed: closed.length, failures }, 'Grants closed after their window');
    return closed;
  }

  /** Every network's due reminders; returns how many mails were queued. */
  async sendReminders(): Promise<number> {
    const job = { name: 'Grant reminders', logger: this.logger, summary: 'Grant deadline reminders queued' };
    return (await this.jobs.queueMails(job, (tenantId) => this.remindersFor(tenantId))).mails;
  }

  /**
   * One network's reminders, in one transaction: the reminders claimed and their mails commit
   * together. The reminder due is the smallest of GRANT_REMINDER_DAYS (libs/domain) not yet
   * passed: the 1-day one when a day or less remains, else the 7-day one when a week or less
   * remains; a listing that is not PUBLISHED or whose window has ended gets none. Members or
   * users who are disabled are not mailed (nor claimed: re-enabled in time, they still get it).
   */
  remindersFor(tenantId: string): Promise<number> {
    return this.jobs.inNetwork(tenantId, async (manager) => {
      const now = this.clock.now();
      const rows: ReminderRow[] = await manager.query(
        `WITH due AS (
           SELECT b.id AS bookmark_id,
                  (SELECT min(d) FROM unnest($3::int[]) AS d WHERE g.window_closes_at <= $2::timestamptz + make_interval(days => d)) AS days_before
             FROM grant_bookmarks b
             JOIN grants g ON g.tenant_id = b.grant_tenant_id AND g.id = b.grant_id
             JOIN memberships m ON m.tenant_id = b.tenant_id AND m.id = b.membership_id
             JOIN users u ON u.id = m.user_id
            WHERE b.tenant_id = $1 AND g.status = 'PUBLISHED'
              AND g.window_closes_at > $2::timestamptz
              AND g.window_closes_at <= $2::timestamptz + make_interval(days => (SELECT max(d) FROM unnest($3::int[]) AS d))
              AND m.disabled_at IS NULL AND u.disabled_at IS NULL
            ORDER BY b.id),
         claimed AS (
           INSERT INTO grant_reminders_sent (tenant_id, bookmark_id, days_before)
           SELECT $1, bookmark_id, days_before FROM due
           ON CONFLICT (tenant_id, bookmark_id, days_before) DO NOTHING
           RETURNING bookmark_id, days_before)
         SELECT c.days_before, g.id AS grant_id, g.title, g.funder_name, g.window_closes_at,
                u.email, u.preferred_language AS language
           FROM claimed c
           JOIN grant_bookmarks b ON b.tenant_id = $1 AND b.id = c.bookmark_id
           JOIN grants g ON g.tenant_id = b.grant_tenant_id AND g.id = b.grant_id
           JOIN memberships m ON m.tenant_id = $1 AND m.id = b.membership_id
           JOIN users u ON u.id = m.user_id
          ORDER BY b.id`,
        [tenantId, now, GRANT_REMINDER_DAYS],
      );
      return this.outbox.enqueueEach(manager, rows, (row) => ({
        kind: 'grant-reminder',
        daysBefore: row.days_before,
        title: row.title,
        funderName: row.funder_name,
        closesAt: row.window_closes_at,
        grantUrl: this.grantUrl(row.grant_id),
      }));
    });
  }

  /** Every network's saved-search digests; returns how many mails were queued. */
  async sendDigests(): Promise<number> {
    const job = { name: 'Grant saved-search digest', logger: this.logger, summary: 'Grant saved-search digests queued' };
    const pass = await this.jobs.queueMails(job, (tenantId) => this.digestsFor(tenantId));
    // A failed network is retried by pg-boss; the claims make the retry mail only what is left.
    failIfAnyNetworkFailed({ name: 'The saved-search digest' }, pass);
    return pass.mails;
  }

  /** One network's digests: one transaction per member, its claims and its mail together. */
  async digestsFor(tenantId: string): Promise<number> {
    const searches: SavedSearchRow[] = await this.jobs.inNetwork(tenantId, (manager) =>
      manager.query(
        `SELECT s.id, s.membership_id, s.name, s.criteria, s.created_at, u.email, u.preferred_language AS language
           FROM grant_saved_searches s
           JOIN memberships m ON m.tenant_id = s.tenant_id AND m.id = s.membership_id
           JOIN users u ON u.id = m.user_id
          WHERE s.tenant_id = $1 AND m.disabled_at IS NULL AND u.disabled_at IS NULL
          ORDER BY s.membership_id, s.created_at, s.id`,
        [tenantId],
      ),
    );
    const byMember = new Map<string, SavedSearchRow[]>();
    for (const search of searches) byMember.set(search.membership_id, [...(byMember.get(search.membership_id) ?? []), search]);
    let mails = 0;
    for (const memberSearches of byMember.values()) {
      if (await this.digestForMember(tenantId, memberSearches)) mails += 1;
    }
    return mails;
  }

  private digestForMember(tenantId: string, searches: SavedSearchRow[]): Promise<boolean> {
    return this.jobs.inNetwork(tenantId, async (manager) => {
      const now = this.clock.now();
      const sections: Array<{ name: string; grants: GrantDigestItem[] }> = [];
      for (const search of searches) {
        const since = new Date(Math.max(new Date(search.created_at).getTime(), now.getTime() - DIGEST_WINDOW_MS));
        let matches: GrantMatch[];
        try {
          matches = await this.grants.matchingNewGrants(
            manager,
            tenantId,
            { id: search.id, membershipId: search.membership_id, criteria: search.criteria },
            since,
          );
        } catch (error) {
          // Criteria no longer valid (they are checked before any query runs): skip this search.
          this.logger.warn({ err: error, tenantId, savedSearchId: search.id }, 'A saved search could not be run');
          continue;
        }
        const claimed = await this.claimMatches(manager, tenantId, search.id, matches);
        if (!claimed.length) continue;
        sections.push({
          name: search.name,
          grants: claimed.map((grant) => ({
            title: grant.title,
            funderName: grant.funderName,
            closesAt: grant.windowClosesAt,
            grantUrl: this.grantUrl(grant.id),
          })),
        });
      }
      if (!sections.length) return false;
      const [{ email, language }] = searches;
      await this.outbox.enqueue(manager, {
        to: email,
        language,
        template: { kind: 'grant-saved-search', searches: sections, savedSearchesUrl: this.outbox.link('/grants/saved') },
      });
      return true;
    });
  }

  /** Marks the matches as mailed for the search; returns those this run claimed, in their order. */
  private async claimMatches(manager: EntityManager, tenantId: string, savedSearchId: string, matches: GrantMatch[]): Promise<GrantMatch[]> {
    if (!matches.length) return [];
    const rows: Array<{ grant_id: string }> = await manager.query(
      `INSERT INTO grant_saved_search_matches (tenant_id, saved_search_id, grant_tenant_id, grant_id)
       SELECT $1, $2, match.grant_tenant_id, match.grant_id
         FROM unnest($3::uuid[], $4::uuid[]) AS match (grant_tenant_id, grant_id)
       ON CONFLICT (tenant_id, saved_search_id, grant_id) DO NOTHING
       RETURNING grant_id`,
      [tenantId, savedSearchId, matches.map((match) => match.tenantId), matches.map((match) => match.id)],
    );
    const claimed = new Set(rows.map((row) => row.grant_id));
    return matches.filter((match) => claimed.has(match.id));
  }

  private grantUrl(grantId: string): string {
    return this.outbox.link(`/grants/${grantId}`);
  }
}
