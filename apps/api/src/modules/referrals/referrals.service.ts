// Referrals (つなぎ): drafting and sending, every transition of the life cycle in
// libs/domain/src/lib/referrals.ts, forwarding, the timeline, messages, and the inbox and
// outbox. Personal data travels only through core/personal-data: sending (and forwarding)
// passes the provision gate, which refuses any category no active consent covers and writes the
// provision record; the receiver reads the person through the consent-aware reader.
//
// Concurrency: each transition is an UPDATE guarded by the status it starts from, inside the
// transaction that also writes the event and the notifications. Of two members acting at once,
// one changes the row; the other's UPDATE finds nothing, and its whole transaction rolls back
// with CONFLICT — nothing half-applied.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  availableActions,
  categoryRequestSchema,
  categoriesAsSeenBy,
  CategoryDecision,
  checkTransition,
  decideForwardFreeText,
  DEFAULT_RESPONSE_HOURS,
  erasedDateOf,
  ForwardFreeTextDecision,
  freeTextCategoryOf,
  freeTextHiddenFor,
  forwardReferralSchema,
  FreeTextWithheldReason,
  isSpecialCare,
  isSpecialCareNeed,
  LIVE_REFERRAL_STATUSES,
  localizedMessage,
  localizedText as text,
  mayDoCasework,
  maySeeSpecialCare,
  OrganizationKind,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataCategory,
  REFERRAL_ACTIONS,
  REFERRAL_MESSAGES,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  ReferralAction,
  referralActionTextSchema,
  referralDeadlinesSchema,
  referralInputSchema,
  referralMessageSchema,
  ReferralSide,
  ReferralStatus,
  ReferralUrgency,
  responseDeadline,
  ServiceCategory,
  TransitionCheck,
} from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan, notFound } from '../../core/authz/authorize';
import { oneOrNotFound, queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { validateInput } from '../../core/graphql/validate-input';
import { assertCursorKey, decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { PersonalDataReader } from '../../core/personal-data/person-reader';
import { PersonRecords } from '../../core/personal-data/person-records';
import { PersonalDataProvision } from '../../core/personal-data/provision';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import { toPerson } from '../people/people.service';
import type { ForwardReferralInput, ReferralDeadlinesInput, ReferralFilter, ReferralInput } from './dto/referral.input';
import { ReferralNotice, ReferralNotifier } from './referral-notifier';
import { REFERRAL_SELECT, REFERRALS_AWAITING_REPLY_SQL, referralBoxClause, referralCountsSql, referralListSql, referralStatusesClause } from './referral-queries';
import {
  Referral,
  ReferralBox,
  ReferralCounts,
  ReferralDeadlines,
  ReferralDetail,
  ReferralEvent,
  ReferralForwardPreview,
  ReferralMessage,
  ReferralSort,
} from './referral.model';
import { requireId, usableId } from '../../core/graphql/ids';

const REFERRAL = { ja: '紹介', en: 'referral' };
const HOUR = 60 * 60 * 1000;

interface ReferralRow {
  id: string;
  status: ReferralStatus;
  urgency: ReferralUrgency;
  needs: ServiceCategory[];
  reason: string;
  notes: string | null;
  sender_organization_id: string;
  sender_organization_name: string;
  sender_organization_kind: OrganizationKind;
  sender_membership_id: string;
  sender_name: string;
  receiver_organization_id: string;
  receiver_organization_name: string;
  receiver_organization_kind: OrganizationKind;
  service_id: string | null;
  service_name: string;
  person_id: string | null;
  person_pseudonym: string | null;
  anonymous_age_band: string | null;
  anonymous_gender: string | null;
  anonymous_municipality_code: string | null;
  shared_categories: string[];
  sent_at: Date | null;
  response_due_at: Date | null;
  expires_at: Date | null;
  escalated_at: Date | null;
  answered_at: Date | null;
  closed_at: Date | null;
  outcome: string | null;
  forwarded_from_id: string | null;
  created_at: Date;
  /** The list's sort key to the microsecond, as text: the keyset cursor (a JS Date rounds to ms); list rows only. */
  cursor_key: string;
  updated_at: Date;
  unread_messages: number;
}

interface CheckedReferral {
  service: { id: string; name: string; organization_id: string; organization_kind: OrganizationKind };
  personId: string | null;
  anonymous: { ageBand: string; gender: string | null; municipalityCode: string | null } | null;
  needs: ServiceCategory[];
  urgency: ReferralUrgency;
  reason: string;
  notes: string | null;
  sharedCategories: string[];
}

/** The columns a draft is made of (what the sender writes), in the order draftValues gives them. */
const DRAFT_COLUMNS = [
  'receiver_organization_id',
  'service_id',
  'service_name',
  'person_id',
  'anonymous_age_band',
  'anonymous_gender',
  'anonymous_municipality_code',
  'needs',
  'urgency',
  'reason',
  'notes',
  'shared_categories',
] as const;

function draftValues(checked: CheckedReferral): unknown[] {
  return [
    checked.service.organization_id,
    checked.service.id,
    checked.service.name,
    checked.personId,
    checked.anonymous?.ageBand ?? null,
    checked.anonymous?.gender ?? null,
    checked.anonymous?.municipalityCode ?? null,
    checked.needs,
    checked.urgency,
    checked.reason,
    checked.notes,
    checked.sharedCategories,
  ];
}

function sidesOf(actor: RequestActor, row: Pick<ReferralRow, 'sender_organization_id' | 'receiver_organization_id'>): ReferralSide[] {
  const sides: ReferralSide[] = [];
  if (row.sender_organization_id === actor.organizationId) sides.push('SENDER');
  if (row.receiver_organization_id === actor.organizationId) sides.push('RECEIVER');
  return sides;
}

/**
 * Whether a referral's free text (reason, notes, outcome, timeline notes, messages) is withheld
 * from the actor: a role that may not see special-care data reads none of the text of a referral
 * sharing such a category (the text could name it). The reason to show, or null.
 */
function textWithheldFor(actor: RequestActor, sharedCategories: readonly string[]): FreeTextWithheldReason | null {
  const shared = PERSONAL_DATA_CATEGORIES.codes.filter((category) => sharedCategories.includes(category));
  return freeTextHiddenFor(maySeeSpecialCare(actor.roles), shared) ? 'SPECIAL_CARE_HIDDEN' : null;
}

/**
 * The needs of a person's referral as the actor sees them: a special-care need (mental health,
 * disability, ...) says what HEALTH or DISABILITY would, so a role that may not see special-care
 * data does not see it either. An anonymous case names nobody and shows all its needs.
 */
function needsAsSeenBy(actor: RequestActor, row: Pick<ReferralRow, 'needs' | 'person_id'>): { needs: ServiceCategory[]; hidden: boolean } {
  if (!row.person_id || maySeeSpecialCare(actor.roles)) return { needs: row.needs, hidden: false };
  const needs = row.needs.filter((need) => !isSpecialCareNeed(need));
  return { needs, hidden: needs.length !== row.needs.length };
}

function transitionError(action: ReferralAction, status: ReferralStatus, check: Extract<TransitionCheck, { ok: false }>): AppError {
  const actionLabel = REFERRAL_ACTIONS.labels[action];
  const statusLabel = REFERRAL_STATUSES.labels[status];
  switch (check.problem) {
    case 'WRONG_STATUS':
      return new AppError(
        'CONFLICT',
        text(
          `この紹介は「${statusLabel.ja}」のため、「${actionLabel.ja}」はできません。画面を更新して状態を確かめてください。`,
          `This referral is "${statusLabel.en}", so "${actionLabel.en}" is not possible. Refresh to see its current state.`,
        ),
        { reason: 'INVALID_TRANSITION' },
      );
    case 'REASON_REQUIRED':
      return new AppError('BAD_USER_INPUT', undefined, { fields: { text: localizedMessage(REFERRAL_MESSAGES.actionReason) } });
    case 'OUTCOME_REQUIRED':
      return new AppError('BAD_USER_INPUT', undefined, { fields: { text: localizedMessage(REFERRAL_MESSAGES.outcome) } });
    default:
      return new AppError(
        'FORBIDDEN',
        text(`「${actionLabel.ja}」は、この紹介のこの立場・役割ではできません。`, `You cannot "${actionLabel.en}" this referral in your organisation's place or role.`),
        { reason: 'TRANSITION_NOT_ALLOWED' },
      );
  }
}

@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: PersonalDataReader,
    private readonly records: PersonRecords,
    private readonly provision: PersonalDataProvision,
    private readonly notifier: ReferralNotifier,
    private readonly clock: Clock,
  ) {}

  // --- writing ------------------------------------------------------------------------------

  create(actor: RequestActor, input: ReferralInput, send: boolean): Promise<Referral> {
    this.assertCaseworker(actor);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const checked = await this.check(manager, actor, input);
      const [{ id }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO referrals (tenant_id, sender_organization_id, sender_membership_id, ${DRAFT_COLUMNS.join(', ')})
         VALUES ($1, $2, $3, ${DRAFT_COLUMNS.map((_, index) => `$${index + 4}`).join(', ')}) RETURNING id`,
        [actor.tenantId, actor.organizationId, actor.membershipId, ...draftValues(checked)],
      );
      await this.event(manager, actor, id, 'CREATE', null, 'DRAFT', null);
      await recordAudit(manager, actor, { entity: 'Referral', entityId: id, action: 'CREATED', changedFields: ['service', 'person', 'needs', 'urgency', 'sharedCategories'] });
      if (send) await this.send(manager, actor, await this.row(manager, actor, id));
      return this.toReferral(actor, await this.row(manager, actor, id));
    });
  }

  updateDraft(actor: RequestActor, id: string, input: ReferralInput): Promise<Referral> {
    this.assertCaseworker(actor);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.partyRow(manager, actor, id);
      if (!sidesOf(actor, current).includes('SENDER')) throw transitionError('SEND', current.status, { ok: false, problem: 'WRONG_SIDE' });
      if (current.status !== 'DRAFT') {
        throw new AppError('CONFLICT', text('送信した紹介は変更できません。メッセージで補足してください。', 'A sent referral cannot be edited; add a message instead.'), {
          reason: 'NOT_A_DRAFT',
        });
      }
      const checked = await this.check(manager, actor, input);
      const updated = await queryRows(
        manager,
        `UPDATE referrals SET ${DRAFT_COLUMNS.map((column, index) => `${column} = $${index + 3}`).join(', ')}
          WHERE tenant_id = $1 AND id = $2 AND status = 'DRAFT' RETURNING id`,
        [actor.tenantId, id, ...draftValues(checked)],
      );
      if (updated.length === 0) throw this.lostRace();
      await recordAudit(manager, actor, { entity: 'Referral', entityId: id, action: 'UPDATED', changedFields: ['draft'] });
      return this.toReferral(actor, await this.row(manager, actor, id));
    });
  }

  /** Any action of the life cycle a member takes (SEND, CANCEL, ACCEPT, DECLINE, START, COMPLETE, CLOSE_UNRESOLVED). */
  transition(actor: RequestActor, id: string, action: ReferralAction, note: string | null | undefined): Promise<Referral> {
    if (action === 'FORWARD' || action === 'EXPIRE') {
      throw new AppError('BAD_USER_INPUT', text('転送は forwardReferral で行ってください。', 'Forward with forwardReferral; expiry is the system’s.'), {
        reason: 'USE_FORWARD',
      });
    }
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.partyRow(manager, actor, id);
      const check = checkTransition(action, current.status, { sides: sidesOf(actor, current), roles: actor.roles }, note);
      if (!check.ok) throw transitionError(action, current.status, check);
      if (action === 'SEND') {
        await this.send(manager, actor, current);
      } else {
        const { text: trimmed } = validateInput(referralActionTextSchema(action), { text: note });
        const now = this.clock.now();
        const updated = await queryRows(
          manager,
          `UPDATE referrals SET status = $3,
                  answered_at = CASE WHEN $4 THEN $6::timestamptz ELSE answered_at END,
                  closed_at = CASE WHEN $5 THEN $6::timestamptz ELSE closed_at END,
                  outcome = CASE WHEN $3 = 'COMPLETED' THEN $7 ELSE outcome END
            WHERE tenant_id = $1 AND id = $2 AND status = $8 RETURNING id`,
          [
            actor.tenantId,
            id,
            check.to,
            action === 'ACCEPT' || action === 'DECLINE',
            ['DECLINED', 'CANCELLED', 'COMPLETED', 'CLOSED_UNRESOLVED'].includes(check.to),
            now,
            trimmed,
            current.status,
          ],
        );
        if (updated.length === 0) throw this.lostRace();
        await this.event(manager, actor, id, action, current.status, check.to, trimmed);
        for (const notice of await this.noticesFor(manager, actor, current, action)) await this.notifier.notify(manager, notice);
      }
      await recordAudit(manager, actor, { entity: 'Referral', entityId: id, action: `STATUS_${check.to}`, changedFields: ['status'] });
      return this.toReferral(actor, await this.row(manager, actor, id));
    });
  }

  /**
   * What a forward to `serviceId` would carry to the third organisation, before it is made: each
   * category received (whether the person's consent lets it travel there, and why not), and the
   * original free text (the notes) with whether it may travel if the forwarder chooses it.
   */
  forwardPreview(actor: RequestActor, id: string, serviceId: string): Promise<ReferralForwardPreview> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.partyRow(manager, actor, id);
      const check = checkTransition('FORWARD', current.status, { sides: sidesOf(actor, current), roles: actor.roles }, 'preview');
      if (!check.ok) throw transitionError('FORWARD', current.status, check);
      const service = await this.forwardTarget(manager, actor, current, serviceId);
      const plan = await this.forwardPlan(manager, actor, current, service, current.shared_categories as PersonalDataCategory[], true);
      return {
        receiverOrganization: { id: service.organization_id, name: service.organization_name },
        serviceId: service.id,
        serviceName: service.name,
        categories: plan.categories.map(({ category, decision }) => ({
          category,
          travels: decision.access === 'DISCLOSED',
          withheldReason: decision.access === 'WITHHELD' ? decision.reason : null,
        })),
        // The stored text (an erasure marker is rendered by the field resolver); none for a role
        // that may not read this referral's text.
        freeText: textWithheldFor(actor, current.shared_categories) ? null : plan.text.travels || plan.text.reason !== 'NO_TEXT' ? current.notes : null,
        freeTextCategory: freeTextCategoryOf({ personId: current.person_id }),
        freeTextMayTravel: plan.text.travels,
        freeTextWithheldReason: plan.text.travels ? null : plan.text.reason,
      };
    });
  }

  /** Hands the case on to a third organisation: a new referral (sent), consent checked again. */
  forward(actor: RequestActor, id: string, input: ForwardReferralInput): Promise<{ forwarded: Referral; created: Referral }> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.partyRow(manager, actor, id);
      const check = checkTransition('FORWARD', current.status, { sides: sidesOf(actor, current), roles: actor.roles }, input.reason);
      if (!check.ok) throw transitionError('FORWARD', current.status, check);
      const { reason, sharedCategories: shared, urgency, forwardOriginalText } = validateInput(forwardReferralSchema, input);
      const service = await this.forwardTarget(manager, actor, current, input.serviceId);
      if (shared.some((category) => !current.shared_categories.includes(category))) {
        throw new AppError('BAD_USER_INPUT', undefined, {
          fields: { sharedCategories: text('受け取った項目の中から選んでください。', 'Choose among the categories you received.') },
        });
      }
      if (shared.some(isSpecialCare) && !maySeeSpecialCare(actor.roles)) throw this.specialCareRole();
      // The original sender's free text travels only by the forwarder's choice and under the
      // person's consent for the third organisation (libs/domain referral-free-text.ts).
      const chosen = forwardOriginalText;
      const plan = await this.forwardPlan(manager, actor, current, service, [], chosen);
      if (chosen && !plan.text.travels && plan.text.reason === 'SPECIAL_CARE_HIDDEN') throw this.specialCareRole();
      if (chosen && !plan.text.travels && plan.text.reason === 'NO_CONSENT') {
        throw new AppError(
          'FORBIDDEN',
          text(
            '元の紹介の文面（相談内容）は、転送先・紹介の目的・相談内容を対象とする本人の有効な同意がないため転送できません。文面を送らずに転送するか、本人の同意を得てください。',
            "The original referral's text (consultation notes) cannot be forwarded: no active consent of the person covers this recipient, the purpose REFERRAL and consultation notes. Forward without it, or record the person's consent first.",
          ),
          { reason: 'FREE_TEXT_CONSENT_REQUIRED' },
        );
      }
      const notes = plan.text.travels ? current.notes : null;
      const [{ id: newId }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO referrals (tenant_id, sender_organization_id, sender_membership_id, receiver_organization_id, service_id, service_name,
                                person_id, anonymous_age_band, anonymous_gender, anonymous_municipality_code, needs, urgency, reason, notes,
                                shared_categories, forwarded_from_id)
         SELECT tenant_id, $3, $4, $5, $6, $7, person_id, anonymous_age_band, anonymous_gender, anonymous_municipality_code, needs,
                coalesce($8, urgency), $9, $11, $10, id
           FROM referrals WHERE tenant_id = $1 AND id = $2
         RETURNING id`,
        [actor.tenantId, id, actor.organizationId, actor.membershipId, service.organization_id, service.id, service.name, urgency, reason, shared, notes],
      );
      if (plan.text.travels && plan.text.category && current.person_id) {
        await this.provision.provide(manager, {
          tenantId: actor.tenantId,
          personId: current.person_id,
          providerOrganizationId: actor.organizationId,
          recipient: { organizationId: service.organization_id, organizationKind: service.organization_kind },
          categories: [plan.text.category],
          purpose: 'REFERRAL',
          context: `REFERRAL_TEXT:${newId}`,
        });
      }
      const updated = await queryRows(
        manager,
        `UPDATE referrals SET status = 'FORWARDED', closed_at = $3, answered_at = coalesce(answered_at, $3)
          WHERE tenant_id = $1 AND id = $2 AND status = $4 RETURNING id`,
        [actor.tenantId, id, this.clock.now(), current.status],
      );
      if (updated.length === 0) throw this.lostRace();
      await this.event(manager, actor, newId, 'CREATE', null, 'DRAFT', null, id);
      await this.send(manager, actor, await this.row(manager, actor, newId));
      await this.event(manager, actor, id, 'FORWARD', current.status, 'FORWARDED', reason, newId);
      await recordAudit(manager, actor, { entity: 'Referral', entityId: id, action: 'FORWARDED', changedFields: ['status', 'forwardedTo'] });
      await recordAudit(manager, actor, { entity: 'Referral', entityId: newId, action: 'CREATED', changedFields: ['service', 'person', 'needs', 'urgency', 'sharedCategories'] });
      await this.notifier.notify(manager, {
        tenantId: actor.tenantId,
        kind: 'REFERRAL_DECLINED',
        referralId: id,
        organizationIds: [],
        membershipIds: [current.sender_membership_id],
        exceptMembershipId: actor.membershipId,
      });
      return {
        forwarded: this.toReferral(actor, await this.row(manager, actor, id)),
        created: this.toReferral(actor, await this.row(manager, actor, newId)),
      };
    });
  }

  /**
   * The receiver asks the sender for categories this referral does not share (issue 14,
   * finding 9): a timeline event and a notice to the sender, who decides. Nothing is disclosed.
   */
  requestCategories(actor: RequestActor, id: string, categories: readonly PersonalDataCategory[], reason: string): Promise<Referral> {
    this.assertCaseworker(actor);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.partyRow(manager, actor, id);
      const wanted = this.newCategories(actor, current, 'RECEIVER', categories);
      const checked = validateInput(categoryRequestSchema, { categories: wanted, reason });
      await this.event(manager, actor, id, 'REQUEST_CATEGORIES', current.status, current.status, checked.reason, null, wanted);
      await this.notifier.notify(manager, {
        tenantId: actor.tenantId,
        kind: 'REFERRAL_CATEGORIES_REQUESTED',
        referralId: id,
        organizationIds: [current.sender_organization_id],
        membershipIds: [current.sender_membership_id],
        exceptMembershipId: actor.membershipId,
      });
      await recordAudit(manager, actor, { entity: 'Referral', entityId: id, action: 'CATEGORIES_REQUESTED', changedFields: wanted });
      return this.toReferral(actor, await this.row(manager, actor, id));
    });
  }

  /**
   * The sender shares more categories on a live referral: only the organisation that registered
   * the person, each category under an active consent for the receiver and REFERRAL, with its
   * provision record — exactly as sending does.
   */
  shareCategories(actor: RequestActor, id: string, categories: readonly PersonalDataCategory[]): Promise<Referral> {
    this.assertCaseworker(actor);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.partyRow(manager, actor, id);
      const added = this.newCategories(actor, current, 'SENDER', categories);
      const header = await this.records.header(manager, actor.tenantId, current.person_id as string);
      if (!header || header.organizationId !== actor.organizationId) {
        throw new AppError(
          'FORBIDDEN',
          text('追加の項目を共有できるのは、この方を登録した団体だけです。', 'Only the organisation that registered this person can share more of their data.'),
          { reason: 'NOT_PERSON_OWNER' },
        );
      }
      await this.provision.provide(manager, {
        tenantId: actor.tenantId,
        personId: header.id,
        providerOrganizationId: actor.organizationId,
        recipient: { organizationId: current.receiver_organization_id, organizationKind: current.receiver_organization_kind },
        categories: added,
        purpose: 'REFERRAL',
        context: `REFERRAL:${id}`,
      });
      const updated = await queryRows(
        manager,
        `UPDATE referrals SET shared_categories = ARRAY(SELECT DISTINCT unnest(shared_categories || $3::text[]))
          WHERE tenant_id = $1 AND id = $2 AND status = ANY($4::text[]) RETURNING id`,
        [actor.tenantId, id, added, LIVE_REFERRAL_STATUSES],
      );
      if (updated.length === 0) throw this.lostRace();
      await this.event(manager, actor, id, 'SHARE_CATEGORIES', current.status, current.status, null, null, added);
      await recordAudit(manager, actor, { entity: 'Referral', entityId: id, action: 'CATEGORIES_SHARED', changedFields: added });
      return this.toReferral(actor, await this.row(manager, actor, id));
    });
  }

  postMessage(actor: RequestActor, id: string, body: string): Promise<ReferralMessage> {
    const { body: trimmed } = validateInput(referralMessageSchema, { body });
    this.assertCaseworker(actor);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.partyRow(manager, actor, id);
      if (current.status === 'DRAFT') {
        throw new AppError('CONFLICT', text('下書きにはメッセージを送れません。', 'Messages start once the referral is sent.'), { reason: 'NOT_SENT' });
      }
      // As stored: the erasure marker when the person is erased (the database keeps no new text about them).
      const [message]: Array<{ id: string; body: string; created_at: Date }> = await manager.query(
        `INSERT INTO referral_messages (tenant_id, referral_id, author_membership_id, author_organization_id, body)
         VALUES ($1, $2, $3, $4, $5) RETURNING id, body, created_at`,
        [actor.tenantId, id, actor.membershipId, actor.organizationId, trimmed],
      );
      await this.markReadIn(manager, actor, id, message.created_at);
      await recordAudit(manager, actor, { entity: 'Referral', entityId: id, action: 'MESSAGE_POSTED', changedFields: ['messages'] });
      const otherSide = sidesOf(actor, current).includes('SENDER') ? current.receiver_organization_id : current.sender_organization_id;
      await this.notifier.notify(manager, {
        tenantId: actor.tenantId,
        kind: 'REFERRAL_MESSAGE',
        referralId: id,
        organizationIds: [otherSide],
        membershipIds: otherSide === current.sender_organization_id ? [current.sender_membership_id] : [],
        exceptMembershipId: actor.membershipId,
      });
      return {
        id: message.id,
        authorName: actor.displayName,
        authorOrganization: {
          id: actor.organizationId,
          name: actor.organizationId === current.sender_organization_id ? current.sender_organization_name : current.receiver_organization_name,
        },
        mine: true,
        body: message.body,
        textWithheldReason: null,
        sentAt: message.created_at,
      };
    });
  }

  markRead(actor: RequestActor, id: string): Promise<Referral> {
    // It answers the referral itself: only for those who may read it (as detail).
    this.assertCaseworker(actor);
    return runInTenant(this.dataSource, actor, async (manager) => {
      await this.partyRow(manager, actor, id);
      await this.markReadIn(manager, actor, id, this.clock.now());
      return this.toReferral(actor, await this.row(manager, actor, id));
    });
  }

  // --- the deadline jobs --------------------------------------------------------------------

  /**
   * Escalates referrals of one network past their reply deadline, once each: the guarded UPDATE
   * lets exactly one of several concurrent runs claim a referral. Returns the ids escalated.
   */
  async escalateDue(tenantId: string): Promise<string[]> {
    return runInTenant(this.dataSource, tenantId, async (manager) => {
      const now = this.clock.now();
      const rows = await queryRows<{ id: string; sender_membership_id: string; sender_organization_id: string; receiver_organization_id: string }>(
        manager,
        `UPDATE referrals SET escalated_at = $2
          WHERE tenant_id = $1 AND status = 'SENT' AND escalated_at IS NULL AND response_due_at <= $2
        RETURNING id, sender_membership_id, sender_organization_id, receiver_organization_id`,
        [tenantId, now],
      );
      for (const row of rows) {
        await this.systemEvent(manager, tenantId, row.id, 'ESCALATE', 'SENT', 'SENT');
        await this.notifier.notify(manager, {
          tenantId,
          kind: 'REFERRAL_ESCALATED',
          referralId: row.id,
          organizationIds: [row.receiver_organization_id],
          membershipIds: [row.sender_membership_id],
          exceptMembershipId: null,
        });
      }
      return rows.map((row) => row.id);
    });
  }

  /** Expires referrals of one network left unanswered past their expiry, once each. */
  async expireDue(tenantId: string): Promise<string[]> {
    return runInTenant(this.dataSource, tenantId, async (manager) => {
      const now = this.clock.now();
      const rows = await queryRows<{ id: string }>(
        manager,
        `UPDATE referrals SET status = 'EXPIRED', closed_at = $2
          WHERE tenant_id = $1 AND status = 'SENT' AND expires_at <= $2
        RETURNING id`,
        [tenantId, now],
      );
      for (const row of rows) await this.systemEvent(manager, tenantId, row.id, 'EXPIRE', 'SENT', 'EXPIRED');
      return rows.map((row) => row.id);
    });
  }

  // --- reading ------------------------------------------------------------------------------

  detail(actor: RequestActor, id: string): Promise<ReferralDetail> {
    this.assertCaseworker(actor);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const row = await this.partyRow(manager, actor, id);
      let person = null;
      if (row.person_id && row.status !== 'DRAFT') {
        const [view] = await this.reader.read(manager, actor, [row.person_id], 'REFERRAL', {
          scope: row.shared_categories as never,
        });
        person = view ? toPerson(view) : null;
      } else if (row.person_id) {
        // A draft is still the sender's own: only the owner sees it.
        const [view] = await this.reader.read(manager, actor, [row.person_id], null);
        person = view ? toPerson(view) : null;
      }
      const events: Array<Record<string, unknown>> = await manager.query(
        `SELECT e.id, e.action, e.from_status, e.to_status, e.note, e.related_referral_id, e.categories, e.created_at,
                u.display_name AS actor_name, o.id AS organization_id, o.name AS organization_name
           FROM referral_events e
           LEFT JOIN memberships m ON m.tenant_id = e.tenant_id AND m.id = e.actor_membership_id
           LEFT JOIN users u ON u.id = m.user_id
           LEFT JOIN organizations o ON o.tenant_id = e.tenant_id AND o.id = e.actor_organization_id
          WHERE e.tenant_id = $1 AND e.referral_id = $2 ORDER BY e.created_at, e.id`,
        [actor.tenantId, id],
      );
      const messages: Array<Record<string, unknown>> = await manager.query(
        `SELECT msg.id, msg.body, msg.created_at, msg.author_membership_id, u.display_name AS author_name,
                o.id AS organization_id, o.name AS organization_name
           FROM referral_messages msg
           JOIN memberships m ON m.tenant_id = msg.tenant_id AND m.id = msg.author_membership_id
           JOIN users u ON u.id = m.user_id
           JOIN organizations o ON o.tenant_id = msg.tenant_id AND o.id = msg.author_organization_id
          WHERE msg.tenant_id = $1 AND msg.referral_id = $2 ORDER BY msg.created_at, msg.id`,
        [actor.tenantId, id],
      );
      // Forwarded: the sender still learns where the case went and how it ended.
      const [onward]: Array<Record<string, unknown>> =
        row.status === 'FORWARDED'
          ? await manager.query(
              `WITH RECURSIVE onward AS (
                 SELECT r.id, r.receiver_organization_id, r.service_name, r.status, r.outcome, r.shared_categories, r.closed_at, 1 AS hops
                   FROM referrals r WHERE r.tenant_id = $1 AND r.forwarded_from_id = $2
                 UNION ALL
                 SELECT r.id, r.receiver_organization_id, r.service_name, r.status, r.outcome, r.shared_categories, r.closed_at, o.hops + 1
                   FROM referrals r JOIN onward o ON r.tenant_id = $1 AND r.forwarded_from_id = o.id)
               SELECT onward.*, org.name AS receiver_organization_name
                 FROM onward JOIN organizations org ON org.tenant_id = $1 AND org.id = onward.receiver_organization_id
                ORDER BY hops DESC LIMIT 1`,
              [actor.tenantId, id],
            )
          : [];
      // Timeline notes, messages and the onward outcome are the referral's free text too: withheld
      // from a role that may not see special-care data exactly as reason, notes and outcome are.
      const withheld = textWithheldFor(actor, row.shared_categories);
      const onwardWithheld = onward ? (withheld ?? textWithheldFor(actor, onward.shared_categories as string[])) : null;
      return {
        onward: onward
          ? {
              id: onward.id as string,
              receiverOrganization: { id: onward.receiver_organization_id as string, name: onward.receiver_organization_name as string },
              serviceName: onward.service_name as string,
              status: onward.status as ReferralStatus,
              outcome: onwardWithheld ? null : ((onward.outcome as string | null) ?? null),
              textWithheldReason: onward.outcome !== null ? onwardWithheld : null,
              closedAt: (onward.closed_at as Date | null) ?? null,
              hops: onward.hops as number,
            }
          : null,
        referral: this.toReferral(actor, row),
        person,
        events: events.map(
          (event): ReferralEvent => ({
            id: event.id as string,
            action: event.action as string,
            fromStatus: (event.from_status as ReferralStatus | null) ?? null,
            toStatus: (event.to_status as ReferralStatus | null) ?? null,
            actorName: (event.actor_name as string | null) ?? null,
            actorOrganization: event.organization_id ? { id: event.organization_id as string, name: event.organization_name as string } : null,
            note: withheld ? null : ((event.note as string | null) ?? null),
            textWithheldReason: event.note !== null ? withheld : null,
            relatedReferralId: (event.related_referral_id as string | null) ?? null,
            categories: categoriesAsSeenBy(
              actor.roles,
              PERSONAL_DATA_CATEGORIES.codes.filter((category) => (event.categories as string[]).includes(category)),
            ).categories as PersonalDataCategory[],
            at: event.created_at as Date,
          }),
        ),
        messages: messages.map(
          (message): ReferralMessage => ({
            id: message.id as string,
            authorName: message.author_name as string,
            authorOrganization: { id: message.organization_id as string, name: message.organization_name as string },
            mine: message.author_membership_id === actor.membershipId,
            body: withheld ? null : (message.body as string),
            textWithheldReason: withheld,
            sentAt: message.created_at as Date,
          }),
        ),
      };
    });
  }

  list(
    actor: RequestActor,
    box: ReferralBox,
    filter: ReferralFilter,
    sort: ReferralSort,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Referral>> {
    this.assertCaseworker(actor);
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    // Every sort key is a timestamptz; a forged key is refused here, not by PostgreSQL's cast.
    if (cursor) assertCursorKey(cursor, 'timestamptz');
    const { where, params } = this.filterClause(actor, box, filter, 3);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows: ReferralRow[] = await manager.query(
        referralListSql(where, params.length + 3, sort),
        [actor.tenantId, actor.membershipId, ...params, cursor?.key ?? null, cursor?.id ?? null, size + 1],
      );
      const page = toPage(rows, size, (row) => ({ key: row.cursor_key, id: row.id }));
      return { ...page, nodes: page.nodes.map((row) => this.toReferral(actor, row)) };
    });
  }

  counts(actor: RequestActor, box: ReferralBox): Promise<ReferralCounts> {
    this.assertCaseworker(actor);
    return runInTenant(this.dataSource, actor, (manager) => this.countsIn(manager, actor, box));
  }

  /**
   * For the home page, inside its transaction: my inbox's counts of live referrals (referralCounts'
   * statement with the list's status filter, so it reads only the open part of
   * referrals_inbox_counts_idx rather than every referral ever received), my outbox's unread,
   * and the `limit` referrals waiting for our answer with the nearest deadlines, each as the list
   * shows it (toReferral: the same withholding rules).
   */
  async awaitingReply(
    manager: EntityManager,
    actor: RequestActor,
    limit: number,
  ): Promise<{ inbox: ReferralCounts; outboxUnread: number; nearest: Referral[] }> {
    this.assertCaseworker(actor);
    const live = { statuses: [...LIVE_REFERRAL_STATUSES] };
    const inbox = await this.countsIn(manager, actor, 'INBOX', live);
    const outbox = await this.countsIn(manager, actor, 'OUTBOX', live);
    const rows: ReferralRow[] = await manager.query(REFERRALS_AWAITING_REPLY_SQL, [actor.tenantId, actor.membershipId, actor.organizationId, limit]);
    return { inbox, outboxUnread: outbox.withUnreadMessages, nearest: rows.map((row) => this.toReferral(actor, row)) };
  }

  private async countsIn(manager: EntityManager, actor: RequestActor, box: ReferralBox, filter: ReferralFilter = {}): Promise<ReferralCounts> {
    const { where, params } = this.filterClause(actor, box, filter, 3);
    const [row]: Array<{ by_status: Array<{ status: ReferralStatus; count: number }>; overdue: number; with_unread: number }> =
      await manager.query(referralCountsSql(where, params.length + 3), [actor.tenantId, actor.membershipId, ...params, this.clock.now()]);
    return { byStatus: row.by_status, overdue: row.overdue, withUnreadMessages: row.with_unread };
  }

  /** A person's referrals, for the organisation that registered them. */
  personReferrals(actor: RequestActor, personId: string): Promise<Referral[]> {
    this.assertCaseworker(actor);
    requireId(personId, { ja: '当事者の記録', en: 'person' });
    return runInTenant(this.dataSource, actor, async (manager) => {
      const header = await this.records.header(manager, actor.tenantId, personId);
      if (!header) throw notFound({ ja: '当事者の記録', en: 'person' });
      assertCan(actor, 'update', { __typename: 'Person', organizationId: header.organizationId });
      const rows: ReferralRow[] = await manager.query(
        `${REFERRAL_SELECT} WHERE r.tenant_id = $1 AND r.person_id = $3 AND $2::uuid IS NOT NULL ORDER BY r.created_at DESC, r.id DESC LIMIT 200`,
        [actor.tenantId, actor.membershipId, personId],
      );
      // Only the referrals my organisation is party to (a forwarded one between others is theirs).
      return rows.filter((row) => sidesOf(actor, row).length > 0).map((row) => this.toReferral(actor, row));
    });
  }

  deadlines(actor: RequestActor): Promise<ReferralDeadlines> {
    return runInTenant(this.dataSource, actor, async (manager) => this.loadDeadlines(manager, actor.tenantId));
  }

  setDeadlines(actor: RequestActor, input: ReferralDeadlinesInput): Promise<ReferralDeadlines> {
    assertCan(actor, 'update', { __typename: 'Network', id: actor.tenantId });
    const hours = validateInput(referralDeadlinesSchema, input);
    return runInTenant(this.dataSource, actor, async (manager) => {
      await manager.query(
        `UPDATE networks SET referral_urgent_hours = $2, referral_high_hours = $3, referral_normal_hours = $4, referral_expiry_grace_hours = $5
          WHERE id = $1`,
        [actor.tenantId, hours.urgentHours, hours.highHours, hours.normalHours, hours.expiryGraceHours],
      );
      await recordAudit(manager, actor, {
        organizationId: null,
        entity: 'Network',
        entityId: actor.tenantId,
        action: 'REFERRAL_DEADLINES_CHANGED',
        changedFields: ['urgentHours', 'highHours', 'normalHours', 'expiryGraceHours'],
      });
      return this.loadDeadlines(manager, actor.tenantId);
    });
  }

  // --- internals ----------------------------------------------------------------------------

  /**
   * Categories the party on `side` asks for (receiver) or shares (sender) beyond what the live
   * person referral shares; refuses the other side, and special-care categories to an actor
   * whose roles may not see them.
   */
  private newCategories(actor: RequestActor, current: ReferralRow, side: ReferralSide, categories: readonly PersonalDataCategory[]): PersonalDataCategory[] {
    if (!sidesOf(actor, current).includes(side)) throw this.categoriesWrongSide(side);
    if (!LIVE_REFERRAL_STATUSES.includes(current.status)) {
      throw new AppError(
        'CONFLICT',
        text('返答待ち・受け入れ・支援中の紹介でだけ、共有する項目を変えられます。', 'Shared categories change only while the referral is awaiting a reply, accepted or in progress.'),
        { reason: 'REFERRAL_NOT_LIVE' },
      );
    }
    if (!current.person_id) {
      throw new AppError('BAD_USER_INPUT', undefined, {
        fields: { categories: text('匿名のケースでは個人情報を共有できません。', 'An anonymous case shares no personal data.') },
      });
    }
    const wanted = PERSONAL_DATA_CATEGORIES.codes.filter((category) => categories.includes(category) && !current.shared_categories.includes(category));
    if (wanted.length === 0) {
      throw new AppError('BAD_USER_INPUT', undefined, {
        fields: { categories: text('まだ共有されていない項目を選んでください。', 'Choose categories this referral does not share yet.') },
      });
    }
    if (wanted.some(isSpecialCare) && !maySeeSpecialCare(actor.roles)) throw this.specialCareRole();
    return wanted;
  }

  private categoriesWrongSide(side: ReferralSide): AppError {
    return new AppError(
      'FORBIDDEN',
      side === 'RECEIVER'
        ? text('追加の項目を求められるのは、紹介を受けた団体です。', 'Only the receiving organisation can ask for more categories.')
        : text('追加の項目を共有できるのは、紹介した団体です。', 'Only the referring organisation can share more categories.'),
      { reason: 'WRONG_SIDE' },
    );
  }

  /** The third organisation's service for a forward: not the sender's, not mine. */
  private async forwardTarget(manager: EntityManager, actor: RequestActor, current: ReferralRow, serviceId: string) {
    const service = await this.receivingService(manager, actor, serviceId);
    if (service.organization_id === current.sender_organization_id) {
      throw new AppError('BAD_USER_INPUT', undefined, {
        fields: { serviceId: text('紹介元の団体には転送できません。お断りして理由を伝えてください。', 'You cannot forward back to the sender; decline with a reason instead.') },
      });
    }
    return service;
  }

  /** The consent rule's answer for a forward: per category, and for the original free text. */
  private async forwardPlan(
    manager: EntityManager,
    actor: RequestActor,
    current: ReferralRow,
    service: { organization_id: string; organization_kind: OrganizationKind },
    categories: readonly PersonalDataCategory[],
    chosen: boolean,
  ): Promise<{ categories: Array<{ category: PersonalDataCategory; decision: CategoryDecision }>; text: ForwardFreeTextDecision }> {
    const textCategory = freeTextCategoryOf({ personId: current.person_id });
    const wanted = textCategory && !categories.includes(textCategory) ? [...categories, textCategory] : categories;
    const { decisions } = current.person_id
      ? await this.provision.assess(manager, {
          tenantId: actor.tenantId,
          personId: current.person_id,
          recipient: { organizationId: service.organization_id, organizationKind: service.organization_kind },
          categories: wanted,
          purpose: 'REFERRAL',
        })
      : { decisions: [] };
    const textDecision = textCategory ? decisions.find(({ category }) => category === textCategory)?.decision : undefined;
    // A role that may not read this referral's text (special care) does not pass it on either.
    const withheld = textWithheldFor(actor, current.shared_categories);
    return {
      categories: decisions.filter(({ category }) => categories.includes(category)),
      text: withheld ? { travels: false, reason: withheld } : decideForwardFreeText({
        personId: current.person_id,
        hasText: Boolean(current.notes),
        erased: erasedDateOf(current.notes) !== null,
        chosen,
        consentCovers: textDecision?.access === 'DISCLOSED',
      }),
    };
  }

  private async loadDeadlines(manager: EntityManager, tenantId: string): Promise<ReferralDeadlines> {
    const [row]: Array<{ u: number; h: number; n: number; g: number }> = await manager.query(
      `SELECT referral_urgent_hours AS u, referral_high_hours AS h, referral_normal_hours AS n, referral_expiry_grace_hours AS g
         FROM networks WHERE id = $1`,
      [tenantId],
    );
    return row
      ? { urgentHours: row.u, highHours: row.h, normalHours: row.n, expiryGraceHours: row.g }
      : { urgentHours: DEFAULT_RESPONSE_HOURS.URGENT, highHours: DEFAULT_RESPONSE_HOURS.HIGH, normalHours: DEFAULT_RESPONSE_HOURS.NORMAL, expiryGraceHours: 72 };
  }

  /** DRAFT → SENT: the consent gate and provision record, the deadlines, the receiver told. */
  private async send(manager: EntityManager, actor: RequestActor, row: ReferralRow): Promise<void> {
    // Whoever sends shares: a staff member cannot send a draft that shares special-care data.
    if (row.shared_categories.some((category) => isSpecialCare(category as never)) && !maySeeSpecialCare(actor.roles)) throw this.specialCareRole();
    if (row.person_id && row.shared_categories.length > 0) {
      await this.provision.provide(manager, {
        tenantId: actor.tenantId,
        personId: row.person_id,
        providerOrganizationId: actor.organizationId,
        recipient: { organizationId: row.receiver_organization_id, organizationKind: row.receiver_organization_kind },
        categories: row.shared_categories as never,
        purpose: 'REFERRAL',
        context: `REFERRAL:${row.id}`,
      });
    }
    const deadlines = await this.loadDeadlines(manager, actor.tenantId);
    const now = this.clock.now();
    const due = responseDeadline(now, row.urgency, { URGENT: deadlines.urgentHours, HIGH: deadlines.highHours, NORMAL: deadlines.normalHours });
    const expires = new Date(due.getTime() + deadlines.expiryGraceHours * HOUR);
    const updated = await queryRows(
      manager,
      `UPDATE referrals SET status = 'SENT', sent_at = $3, response_due_at = $4, expires_at = $5
        WHERE tenant_id = $1 AND id = $2 AND status = 'DRAFT' RETURNING id`,
      [actor.tenantId, row.id, now, due, expires],
    );
    if (updated.length === 0) throw this.lostRace();
    await this.event(manager, actor, row.id, 'SEND', 'DRAFT', 'SENT', null);
    await this.notifier.notify(manager, {
      tenantId: actor.tenantId,
      kind: 'REFERRAL_RECEIVED',
      referralId: row.id,
      organizationIds: [row.receiver_organization_id],
      membershipIds: [],
      exceptMembershipId: actor.membershipId,
    });
  }

  private async noticesFor(manager: EntityManager, actor: RequestActor, row: ReferralRow, action: ReferralAction): Promise<ReferralNotice[]> {
    const kind =
      action === 'ACCEPT' ? 'REFERRAL_ACCEPTED' : action === 'DECLINE' ? 'REFERRAL_DECLINED' : action === 'COMPLETE' || action === 'CLOSE_UNRESOLVED' ? 'REFERRAL_COMPLETED' : null;
    if (!kind) return [];
    // The sender always learns what became of its referral — through forwarding too: every
    // sender up the chain hears how the case it passed on was answered and ended, each about
    // the referral it sent (the one it can open).
    const chain: Array<{ id: string; sender_organization_id: string; sender_membership_id: string }> = row.forwarded_from_id
      ? await manager.query(
          `WITH RECURSIVE chain AS (
             SELECT id, forwarded_from_id, sender_organization_id, sender_membership_id FROM referrals WHERE tenant_id = $1 AND id = $2
             UNION ALL
             SELECT r.id, r.forwarded_from_id, r.sender_organization_id, r.sender_membership_id
               FROM referrals r JOIN chain c ON r.tenant_id = $1 AND r.id = c.forwarded_from_id)
           SELECT id, sender_organization_id, sender_membership_id FROM chain`,
          [actor.tenantId, row.id],
        )
      : [{ id: row.id, sender_organization_id: row.sender_organization_id, sender_membership_id: row.sender_membership_id }];
    return chain.map((link) => ({
      tenantId: actor.tenantId,
      kind,
      referralId: link.id,
      organizationIds: [link.sender_organization_id],
      membershipIds: [link.sender_membership_id],
      exceptMembershipId: actor.membershipId,
    }));
  }

  private async check(manager: EntityManager, actor: RequestActor, input: ReferralInput): Promise<CheckedReferral> {
    const service = await this.receivingService(manager, actor, input.serviceId);
    const { personId, anonymousCase, ...checked } = validateInput(referralInputSchema, input);
    if (personId) {
      const givenId = usableId(personId);
      const header = givenId ? await this.records.header(manager, actor.tenantId, givenId) : null;
      if (checked.sharedCategories.some(isSpecialCare) && !maySeeSpecialCare(actor.roles)) throw this.specialCareRole();
      if (!header || header.organizationId !== actor.organizationId) {
        throw new AppError('BAD_USER_INPUT', undefined, { fields: { personId: text('自団体で登録した当事者を選んでください。', 'Choose a person your organisation registered.') } });
      }
      if (header.status !== 'ACTIVE') {
        throw new AppError('BAD_USER_INPUT', undefined, {
          fields: { personId: text('利用停止または消去された方は紹介できません。', 'This person’s data is no longer in use and cannot be referred.') },
        });
      }
    }
    return { service, personId, anonymous: anonymousCase, ...checked };
  }

  /** A service of another organisation that takes referrals. */
  private async receivingService(manager: EntityManager, actor: RequestActor, serviceId: string) {
    const [service]: Array<{
      id: string;
      name: string;
      organization_id: string;
      organization_name: string;
      organization_kind: OrganizationKind;
      accepts_referrals: boolean;
    }> =
      usableId(serviceId)
        ? await manager.query(
            `SELECT s.id, s.name, s.organization_id, o.name AS organization_name, o.kind AS organization_kind, s.accepts_referrals
               FROM services s JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id
              WHERE s.tenant_id = $1 AND s.id = $2`,
            [actor.tenantId, serviceId],
          )
        : [];
    if (!service) {
      throw new AppError('BAD_USER_INPUT', undefined, { fields: { serviceId: text('紹介先のサービスを窓口一覧から選んでください。', 'Choose the receiving service from the directory.') } });
    }
    if (!service.accepts_referrals) {
      throw new AppError('BAD_USER_INPUT', undefined, { fields: { serviceId: text('このサービスは紹介を受け付けていません。', 'This service does not take referrals.') } });
    }
    if (service.organization_id === actor.organizationId) {
      throw new AppError('BAD_USER_INPUT', undefined, { fields: { serviceId: text('自団体のサービスには紹介できません。', 'Choose another organisation’s service.') } });
    }
    return service;
  }

  private filterClause(actor: RequestActor, box: ReferralBox, filter: ReferralFilter, firstParam: number): { where: string; params: unknown[] } {
    const params: unknown[] = [actor.organizationId];
    const parts = [
      referralBoxClause(box, firstParam),
    ];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      parts.push(sql(firstParam + params.length - 1));
    };
    if (filter.statuses?.length) add(referralStatusesClause, filter.statuses);
    if (filter.urgencies?.length) add((n) => `r.urgency = ANY($${n}::text[])`, filter.urgencies);
    if (filter.need) add((n) => `r.needs @> ARRAY[$${n}::text]`, filter.need);
    // A special-care need is not shown to a role that may not see special care on a person's
    // referral (needsAsSeenBy), so filtering by it must not find such referrals either.
    if (filter.need && isSpecialCareNeed(filter.need) && !maySeeSpecialCare(actor.roles)) parts.push('r.person_id IS NULL');
    if (filter.createdFrom) add((n) => `r.created_at >= $${n}`, filter.createdFrom);
    if (filter.createdTo) add((n) => `r.created_at <= $${n}`, filter.createdTo);
    if (filter.overdue) add((n) => `r.status = 'SENT' AND r.response_due_at < $${n}`, this.clock.now());
    return { where: parts.join(' AND '), params };
  }

  private async row(manager: EntityManager, actor: RequestActor, id: string): Promise<ReferralRow> {
    return oneOrNotFound<ReferralRow>(manager, `${REFERRAL_SELECT} WHERE r.tenant_id = $1 AND r.id = $3`, [actor.tenantId, actor.membershipId, id], REFERRAL);
  }

  /** The referral, if my organisation is its sender or receiver (a draft: the sender only). */
  private async partyRow(manager: EntityManager, actor: RequestActor, id: string): Promise<ReferralRow> {
    requireId(id, REFERRAL);
    const row = await this.row(manager, actor, id);
    const sides = sidesOf(actor, row);
    // Never sent (a draft, or a draft cancelled before sending): the receiver never had it.
    if (sides.length === 0 || (row.sent_at === null && !sides.includes('SENDER'))) throw notFound(REFERRAL);
    return row;
  }

  private toReferral(actor: RequestActor, row: ReferralRow): Referral {
    const sides = sidesOf(actor, row);
    const now = this.clock.now();
    const shared = PERSONAL_DATA_CATEGORIES.codes.filter((category) => row.shared_categories.includes(category));
    // A role that may not see special-care data learns of it only as one marker, and reads no
    // free text of a referral sharing it (the text could name it): withheld with the reason.
    const seen = categoriesAsSeenBy(actor.roles, shared);
    const withheld = textWithheldFor(actor, shared);
    const textHidden = withheld !== null;
    const needs = needsAsSeenBy(actor, row);
    return {
      id: row.id,
      status: row.status,
      urgency: row.urgency,
      needs: needs.needs,
      reason: textHidden ? null : row.reason,
      notes: textHidden ? null : row.notes,
      textWithheldReason: withheld,
      senderOrganization: { id: row.sender_organization_id, name: row.sender_organization_name },
      senderName: row.sender_name,
      receiverOrganization: { id: row.receiver_organization_id, name: row.receiver_organization_name },
      serviceId: row.service_id,
      serviceName: row.service_name,
      personId: row.person_id,
      personPseudonym: row.person_pseudonym,
      anonymousCase: row.anonymous_age_band
        ? { ageBand: row.anonymous_age_band as never, gender: row.anonymous_gender, municipalityCode: row.anonymous_municipality_code }
        : null,
      sharedCategories: [...seen.categories],
      specialCareHidden: seen.specialCareHidden || needs.hidden,
      sentAt: row.sent_at,
      responseDueAt: row.response_due_at,
      expiresAt: row.expires_at,
      escalatedAt: row.escalated_at,
      answeredAt: row.answered_at,
      closedAt: row.closed_at,
      outcome: textHidden ? null : row.outcome,
      overdue: row.status === 'SENT' && row.response_due_at !== null && row.response_due_at < now,
      forwardedFromId: row.forwarded_from_id,
      mySides: sides,
      availableActions: availableActions(row.status, { sides, roles: actor.roles }).filter((action) => action !== 'EXPIRE'),
      unreadMessages: row.unread_messages,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Marks every message so far read: up to the newest message's own timestamp (microseconds, as
   * stored), never a rounded JS time that could fall before a message of the same millisecond.
   */
  private async markReadIn(manager: EntityManager, actor: RequestActor, id: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO referral_reads (tenant_id, referral_id, membership_id, last_read_at)
       SELECT $1, $2, $3, greatest($4::timestamptz, (SELECT max(created_at) FROM referral_messages WHERE tenant_id = $1 AND referral_id = $2))
       ON CONFLICT (tenant_id, referral_id, membership_id) DO UPDATE SET last_read_at = greatest(referral_reads.last_read_at, EXCLUDED.last_read_at)`,
      [actor.tenantId, id, actor.membershipId, at],
    );
  }

  private event(
    manager: EntityManager,
    actor: RequestActor,
    referralId: string,
    action: string,
    from: ReferralStatus | null,
    to: ReferralStatus | null,
    note: string | null,
    related: string | null = null,
    categories: readonly PersonalDataCategory[] = [],
  ) {
    return manager.query(
      // clock_timestamp(), not now(): several events of one transaction (CREATE and SEND) must
      // keep their order on the timeline, which sorts by created_at.
      `INSERT INTO referral_events (tenant_id, referral_id, action, from_status, to_status, actor_membership_id, actor_organization_id, note,
                                    related_referral_id, categories, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, clock_timestamp())`,
      [actor.tenantId, referralId, action, from, to, actor.membershipId, actor.organizationId, note, related, categories],
    );
  }

  private systemEvent(manager: EntityManager, tenantId: string, referralId: string, action: string, from: ReferralStatus, to: ReferralStatus) {
    return manager.query(
      `INSERT INTO referral_events (tenant_id, referral_id, action, from_status, to_status, created_at) VALUES ($1, $2, $3, $4, $5, clock_timestamp())`,
      [tenantId, referralId, action, from, to],
    );
  }

  private assertCaseworker(actor: RequestActor): void {
    if (!mayDoCasework(actor.roles)) {
      throw new AppError('FORBIDDEN', text('紹介は、団体の管理者・コーディネーター・スタッフが扱います。', 'Referrals are handled by organisation admins, coordinators and staff.'));
    }
  }

  private specialCareRole(): AppError {
    return new AppError(
      'FORBIDDEN',
      text('要配慮個人情報（健康・障害・犯罪歴や被害歴）の共有は、団体の管理者かコーディネーターだけができます。', 'Only organisation admins and coordinators may share special-care data.'),
      { reason: 'SPECIAL_CARE_ROLE_REQUIRED' },
    );
  }

  private lostRace(): AppError {
    return new AppError(
      'CONFLICT',
      text('ほかの方が先にこの紹介を更新しました。画面を更新して、今の状態を確かめてください。', 'Someone else updated this referral first. Refresh to see its current state.'),
      { reason: 'CONCURRENT_UPDATE' },
    );
  }

  /** Referral transitions are validated here; the model's names for them. */
  static readonly transitions = REFERRAL_TRANSITIONS;
}
