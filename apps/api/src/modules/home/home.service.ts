// The home page (issue 16): for the signed-in member, what needs doing, section by section as
// their roles call for it, in one transaction under the member's network (RLS). Each section
// reuses its capability's statements and presenters, so the home shows an item exactly as its
// own list does to this member (a referral through ReferralsService's withholding rules, a grant
// through GrantReader, an enrolment through EnrolmentPresenter) and names no person: referrals
// carry the pseudonym the list carries, never a person's values.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { japanDate, mayDoCasework, mayManagePartnerships } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { abilityFor } from '../../core/authz/authorize';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import { GrantReader, GrantRow } from '../grants/grant-reader';
import { FollowUpRow, toFollowUp } from '../partnerships/partnership-reader';
import { ReferralsService } from '../referrals/referrals.service';
import { EnrolmentPresenter, EnrolmentRow } from '../training/learning/enrolment-presenter';
import {
  ACTIVE_ENROLMENTS_SQL,
  bookmarkedGrantsClosingSql,
  FOLLOW_UP_WINDOW_DAYS,
  FOLLOW_UPS_DUE_SQL,
  GRANT_WINDOW_DAYS,
  HOME_ITEMS,
  NETWORK_AWAITING_REPLY_SQL,
  PARTNERSHIP_REVIEWS_DUE_SQL,
  REVIEW_WINDOW_DAYS,
} from './home-queries';
import type { Home, HomeCourses, HomeGrants, HomeNetwork, HomePartnerships, HomeReferrals } from './home.model';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Counted {
  total: number;
}

@Injectable()
export class HomeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralsService,
    private readonly grantReader: GrantReader,
    private readonly enrolments: EnrolmentPresenter,
    private readonly clock: Clock,
  ) {}

  async home(actor: RequestActor): Promise<Home> {
    const ability = abilityFor(actor);
    const home = await runInTenant(this.dataSource, actor, async (manager) => ({
      referrals: mayDoCasework(actor.roles) ? await this.referralSection(manager, actor) : null,
      partnerships: mayManagePartnerships(actor.organizationKind, actor.roles) ? await this.partnershipSection(manager, actor) : null,
      grants: await this.grantSection(manager, actor),
      courses: await this.courseSection(manager, actor),
      network: ability.can('update', { __typename: 'Network', id: actor.tenantId }) ? await this.networkSection(manager, actor) : null,
    }));
    // Grants of other networks are named by their publishers after the transaction, as every grant list is.
    await this.grantReader.withPublishers(home.grants.grants);
    return home;
  }

  private async referralSection(manager: EntityManager, actor: RequestActor): Promise<HomeReferrals> {
    const { inbox, outboxUnread, nearest } = await this.referrals.awaitingReply(manager, actor, HOME_ITEMS);
    const count = (...statuses: string[]) =>
      inbox.byStatus.filter((entry) => statuses.includes(entry.status)).reduce((sum, entry) => sum + entry.count, 0);
    return {
      waiting: count('SENT'),
      overdue: inbox.overdue,
      inProgress: count('ACCEPTED', 'IN_PROGRESS'),
      withUnreadMessages: inbox.withUnreadMessages + outboxUnread,
      nearest,
    };
  }

  private async partnershipSection(manager: EntityManager, actor: RequestActor): Promise<HomePartnerships> {
    const today = japanDate(this.clock.now());
    const reviews: Array<Counted & { id: string; title: string; partner_name: string; review_on: string }> = await manager.query(
      PARTNERSHIP_REVIEWS_DUE_SQL,
      [actor.tenantId, actor.organizationId, today, REVIEW_WINDOW_DAYS, HOME_ITEMS],
    );
    const followUps: Array<FollowUpRow & Counted & { partnership_title: string; overdue: number }> = await manager.query(
      FOLLOW_UPS_DUE_SQL,
      [actor.tenantId, actor.organizationId, today, FOLLOW_UP_WINDOW_DAYS, HOME_ITEMS],
    );
    return {
      reviewsDue: reviews[0]?.total ?? 0,
      reviewWindowDays: REVIEW_WINDOW_DAYS,
      reviews: reviews.map((row) => ({
        partnershipId: row.id,
        title: row.title,
        partnerName: row.partner_name,
        reviewOn: row.review_on,
        overdue: row.review_on < today,
      })),
      followUpsDue: followUps[0]?.total ?? 0,
      followUpsOverdue: followUps[0]?.overdue ?? 0,
      followUpWindowDays: FOLLOW_UP_WINDOW_DAYS,
      followUps: followUps.map((row) => ({ partnershipId: row.partnership_id, partnershipTitle: row.partnership_title, followUp: toFollowUp(row, today) })),
    };
  }

  /** My bookmarks of published grants closing within GRANT_WINDOW_DAYS. */
  private async grantSection(manager: EntityManager, actor: RequestActor): Promise<HomeGrants> {
    const now = this.clock.now();
    const { sql, params } = bookmarkedGrantsClosingSql(actor, now, new Date(now.getTime() + GRANT_WINDOW_DAYS * DAY_MS), HOME_ITEMS);
    const rows: Array<GrantRow & Counted> = await manager.query(sql, params);
    return { closingSoon: rows[0]?.total ?? 0, windowDays: GRANT_WINDOW_DAYS, grants: await this.grantReader.present(manager, actor, rows) };
  }

  private async courseSection(manager: EntityManager, actor: RequestActor): Promise<HomeCourses> {
    const rows: Array<EnrolmentRow & Counted & { overdue: number }> = await manager.query(ACTIVE_ENROLMENTS_SQL, [
      actor.tenantId,
      actor.membershipId,
      this.clock.now(),
      HOME_ITEMS,
    ]);
    return { active: rows[0]?.total ?? 0, overdue: rows[0]?.overdue ?? 0, enrolments: await this.enrolments.present(manager, actor.tenantId, rows) };
  }

  private async networkSection(manager: EntityManager, actor: RequestActor): Promise<HomeNetwork> {
    const [row]: Array<{ waiting: number; overdue: number; escalated: number }> = await manager.query(NETWORK_AWAITING_REPLY_SQL, [
      actor.tenantId,
      this.clock.now(),
    ]);
    return { waitingReferrals: row.waiting, overdueReferrals: row.overdue, escalatedReferrals: row.escalated };
  }
}
