// The one consent-aware read of people's data (DESIGN.md, "Personal data protection"). Every
// GraphQL path that can reach a person — lists, the person page, mutation results, later
// referrals — gets its values from here and nowhere else (tests/integration/people-isolation
// checks that no other code selects from `persons`), so no new resolver can forget the rule:
//
//   - within the owning organisation, admins and coordinators see every category, staff see
//     no special-care category (要配慮個人情報);
//   - any other organisation sees a category only while an active consent names it (or its
//     kind), the purpose of the read and the category; otherwise the category comes back
//     WITHHELD with the reason, never as a silent null;
//   - a read for STATISTICS never returns a category's values, whoever reads and whatever the
//     consent covers: the categories the rule would disclose come back WITHHELD as
//     STATISTICS_ONLY, and only their non-identifying projection (libs/domain
//     people-statistics: age band, gender, municipality code, living situation, needs codes);
//   - for the purpose REFERRAL, an organisation that received referrals about the person sees
//     only the categories the live ones share, even where a consent covers more (issue 14);
//   - every read from outside the owner is written to the access log, and what it disclosed
//     to a provision record (APPI Art. 29/30), in the same transaction as the read.
import { Injectable } from '@nestjs/common';
import {
  CategoryDecision,
  ConsentFacts,
  ConsentMethod,
  ConsentPurpose,
  decideForOwner,
  decideForRecipient,
  isSpecialCare,
  japanDateOf,
  LIVE_REFERRAL_STATUSES,
  maySeeSpecialCare,
  mayDoCasework,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataCategory,
  PersonStatistics,
  PersonStatus,
  PersonValues,
  statisticsProjection,
  WithheldReason,
} from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../auth/actor';
import { AppError } from '../graphql/app-error';
import { Clock } from '../time/clock';
import { FieldCipher, PersonalDataKeyError } from './field-cipher';
import {
  ACCESS_LOG_INSERT_SQL,
  CONSENTS_NAMING_SQL,
  PERSON_SELECT,
  PERSONS_BY_ID_SQL,
  READ_PROVISION_INSERT_SQL,
  RECEIVED_REFERRAL_SCOPES_SQL,
} from './person-queries';
import { sealedColumnOf, sealingContext } from './sealing';

export type CategoryView<C extends PersonalDataCategory = PersonalDataCategory> =
  | { readonly category: C; readonly access: 'DISCLOSED'; readonly reason: null; readonly consentId: string | null; readonly values: PersonValues[C] }
  | { readonly category: C; readonly access: 'WITHHELD'; readonly reason: WithheldReason; readonly consentId: string | null; readonly values: null };

export interface PersonView {
  readonly id: string;
  readonly pseudonym: string;
  readonly status: PersonStatus;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly ownedByActor: boolean;
  /** The purpose the read was made for (outside the owner it decides what is disclosed). */
  readonly purpose: ConsentPurpose | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly categories: { readonly [C in PersonalDataCategory]: CategoryView<C> };
  /** Set exactly for a STATISTICS read: the only values such a read yields. */
  readonly statistics: PersonStatistics | null;
}

/** A consent as the reader and the provision writer need it. */
export interface ConsentRow extends ConsentFacts {
  readonly personId: string;
  readonly method: ConsentMethod;
  readonly obtainedAt: Date;
}

interface PersonRow {
  id: string;
  organization_id: string;
  organization_name: string;
  pseudonym: string;
  status: PersonStatus;
  identity: unknown;
  contact: unknown;
  household: unknown;
  financial: unknown;
  consultation: unknown;
  health_sealed: string | null;
  disability_sealed: string | null;
  legal_sealed: string | null;
  created_at: Date;
  updated_at: Date;
}

const PLAIN_COLUMNS: Partial<Record<PersonalDataCategory, keyof PersonRow>> = {
  IDENTITY: 'identity',
  CONTACT: 'contact',
  HOUSEHOLD: 'household',
  FINANCIAL: 'financial',
  CONSULTATION: 'consultation',
};
export function unreadableKeyError(error: PersonalDataKeyError): AppError {
  return new AppError(
    'INTERNAL',
    {
      ja: '要配慮個人情報を復号できません。保存時と異なる暗号鍵が設定されています（PERSONAL_DATA_KEYS）。システム管理者に連絡してください。',
      en: 'Special-care data cannot be decrypted: the configured key (PERSONAL_DATA_KEYS) is not the one it was sealed with. Please contact your system administrator.',
    },
    { reason: error.reason === 'UNKNOWN_KEY' ? 'PERSONAL_DATA_KEY_UNKNOWN' : 'PERSONAL_DATA_KEY_MISMATCH' },
  );
}

export { CONSENT_FACT_COLUMNS } from './person-queries';

export function toConsentRow(row: Record<string, unknown>): ConsentRow {
  return {
    id: row.id as string,
    personId: row.person_id as string,
    categories: row.categories as PersonalDataCategory[],
    purposes: row.purposes as ConsentPurpose[],
    recipientOrganizationIds: row.recipient_organization_ids as string[],
    recipientKinds: row.recipient_kinds as ConsentRow['recipientKinds'],
    validFrom: row.valid_from as Date,
    validUntil: (row.valid_until as Date | null) ?? null,
    revokedAt: (row.revoked_at as Date | null) ?? null,
    method: row.method as ConsentMethod,
    obtainedAt: row.obtained_at as Date,
  };
}

/** How the provider came to hold the data, for the recipient's confirmation record (Art. 30). */
export function describeAcquisition(consents: readonly ConsentRow[]): string {
  return consents
    .map((consent) => `consent ${consent.id}: ${consent.method} ${consent.obtainedAt.toISOString().slice(0, 10)}, obtained directly from the person`)
    .join('; ');
}

@Injectable()
export class PersonalDataReader {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads people for the actor and purpose, in the order of `personIds`; ids the network does
   * not hold are left out (callers turn a missing single person into NOT_FOUND). Runs inside
   * the caller's tenant transaction so the access log commits with the read.
   */
  async read(
    manager: EntityManager,
    actor: RequestActor,
    personIds: readonly string[],
    purpose: ConsentPurpose | null,
    options: { readonly scope?: readonly PersonalDataCategory[] } = {},
  ): Promise<PersonView[]> {
    if (personIds.length === 0) return [];
    const rows: PersonRow[] = await manager.query(
      PERSONS_BY_ID_SQL,
      [actor.tenantId, personIds],
    );
    const outsideIds = rows.filter((row) => row.organization_id !== actor.organizationId).map((row) => row.id);
    const consents = outsideIds.length > 0 ? await this.consentsNaming(manager, actor, outsideIds) : [];
    const referralScopes = purpose === 'REFERRAL' && outsideIds.length > 0 ? await this.receivedReferralScopes(manager, actor, outsideIds) : null;
    const now = this.clock.now();

    const views = new Map<string, PersonView>();
    const outsideReads: Array<{ view: PersonView; disclosed: PersonalDataCategory[]; consentIds: string[] }> = [];
    for (const row of rows) {
      const owned = row.organization_id === actor.organizationId;
      const personConsents = owned ? [] : consents.filter((consent) => consent.personId === row.id);
      const decide = (category: PersonalDataCategory): CategoryDecision => {
        const decision = this.decide(actor, owned, row.status, personConsents, purpose, category, now);
        // A referral shares only the categories its sender chose: the rest stay with the owner
        // even where a consent would allow them.
        if (!owned && options.scope && decision.access === 'DISCLOSED' && !options.scope.includes(category)) {
          return { access: 'WITHHELD', reason: 'NOT_SHARED', consentId: null };
        }
        // For the purpose REFERRAL, whatever the query: an organisation that received referrals
        // about the person reads only what the live ones share (the sender decides; a receiver
        // that needs more asks — requestReferralCategories). Once they have ended, nothing.
        const received = referralScopes?.get(row.id);
        if (!owned && received && decision.access === 'DISCLOSED' && !received.includes(category)) {
          return { access: 'WITHHELD', reason: 'NOT_SHARED', consentId: null };
        }
        return decision;
      };
      const decisions = new Map(PERSONAL_DATA_CATEGORIES.codes.map((category) => [category, decide(category)] as const));
      let statistics: PersonStatistics | null = null;
      if (purpose === 'STATISTICS') {
        // The rule still decides which categories the projection may draw from; sealed
        // (special-care) values are never opened, since no statistical field comes from them.
        const disclosedValues: Partial<Record<PersonalDataCategory, unknown>> = {};
        for (const [category, decision] of decisions) {
          if (decision.access !== 'DISCLOSED') continue;
          if (PLAIN_COLUMNS[category]) disclosedValues[category] = this.valuesOf(actor.tenantId, row, category);
          decisions.set(category, { access: 'WITHHELD', reason: 'STATISTICS_ONLY', consentId: decision.consentId });
        }
        statistics = statisticsProjection(disclosedValues as Partial<PersonValues>, japanDateOf(now));
      }
      const categories = Object.fromEntries(
        PERSONAL_DATA_CATEGORIES.codes.map((category) => [category, this.categoryView(actor, row, category, decisions.get(category)!)]),
      ) as unknown as PersonView['categories'];
      const view: PersonView = {
        id: row.id,
        pseudonym: row.pseudonym,
        status: row.status,
        organizationId: row.organization_id,
        organizationName: row.organization_name,
        ownedByActor: owned,
        purpose,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        categories,
        statistics,
      };
      views.set(row.id, view);
      if (!owned) {
        // Under STATISTICS what reached the reader is the projection: the categories it drew from.
        const disclosed = statistics
          ? [...statistics.sourceCategories]
          : PERSONAL_DATA_CATEGORIES.codes.filter((category) => categories[category].access === 'DISCLOSED');
        const consentIds = [...new Set(disclosed.map((category) => categories[category].consentId as string))];
        outsideReads.push({ view, disclosed, consentIds });
      }
    }
    if (outsideReads.length > 0) await this.recordOutsideReads(manager, actor, purpose, outsideReads, consents);
    return personIds.flatMap((id) => views.get(id) ?? []);
  }

  /**
   * Reads one person's every value regardless of role or consent: for the person's own
   * requests (disclosure) and erasure checks. Callers must have authorised a data-subject
   * request by the owning organisation first.
   */
  async readForDataSubject(manager: EntityManager, tenantId: string, personId: string): Promise<{ row: Omit<PersonRow, 'health_sealed' | 'disability_sealed' | 'legal_sealed'>; values: PersonValues } | null> {
    const [row]: PersonRow[] = await manager.query(`${PERSON_SELECT} WHERE p.tenant_id = $1 AND p.id = $2`, [tenantId, personId]);
    if (!row) return null;
    const values = Object.fromEntries(
      PERSONAL_DATA_CATEGORIES.codes.map((category) => [category, this.valuesOf(tenantId, row, category)]),
    ) as unknown as PersonValues;
    const { health_sealed: _h, disability_sealed: _d, legal_sealed: _l, ...rest } = row;
    return { row: rest, values };
  }

  /**
   * Per person the actor's organisation has received a referral about, the categories shared by
   * those still live (LIVE_REFERRAL_STATUSES): the bound of its reads for the purpose REFERRAL.
   * A person it never received a referral about has no entry (the consent alone decides).
   */
  private async receivedReferralScopes(manager: EntityManager, actor: RequestActor, personIds: string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ person_id: string; categories: string[] }> = await manager.query(
      RECEIVED_REFERRAL_SCOPES_SQL,
      [actor.tenantId, actor.organizationId, personIds, LIVE_REFERRAL_STATUSES],
    );
    return new Map(rows.map((row) => [row.person_id, row.categories]));
  }

  private async consentsNaming(manager: EntityManager, actor: RequestActor, personIds: string[]): Promise<ConsentRow[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      CONSENTS_NAMING_SQL,
      [actor.tenantId, personIds, actor.organizationId, actor.organizationKind],
    );
    return rows.map(toConsentRow);
  }

  private decide(
    actor: RequestActor,
    owned: boolean,
    status: PersonStatus,
    consents: readonly ConsentRow[],
    purpose: ConsentPurpose | null,
    category: PersonalDataCategory,
    now: Date,
  ): CategoryDecision {
    if (status === 'ERASED') return { access: 'WITHHELD', reason: 'ERASED', consentId: null };
    if (status === 'USE_CEASED') return { access: 'WITHHELD', reason: 'USE_CEASED', consentId: null };
    if (owned) return decideForOwner(actor.roles, category);
    if (!mayDoCasework(actor.roles) || (isSpecialCare(category) && !maySeeSpecialCare(actor.roles))) {
      return { access: 'WITHHELD', reason: 'ROLE_NOT_PERMITTED', consentId: null };
    }
    if (!purpose) return { access: 'WITHHELD', reason: 'PURPOSE_NOT_STATED', consentId: null };
    return decideForRecipient(
      consents,
      { organizationId: actor.organizationId, organizationKind: actor.organizationKind },
      purpose,
      category,
      now,
    );
  }

  private categoryView<C extends PersonalDataCategory>(
    actor: RequestActor,
    row: PersonRow,
    category: C,
    decision: CategoryDecision,
  ): CategoryView<C> {
    if (decision.access === 'WITHHELD') {
      return { category, access: 'WITHHELD', reason: decision.reason, consentId: decision.consentId, values: null };
    }
    // Sealed values are opened only once the rule has disclosed them.
    return {
      category,
      access: 'DISCLOSED',
      reason: null,
      consentId: decision.consentId,
      values: this.valuesOf(actor.tenantId, row, category) as PersonValues[C],
    };
  }

  private valuesOf(tenantId: string, row: PersonRow, category: PersonalDataCategory): unknown {
    const plain = PLAIN_COLUMNS[category];
    if (plain) return row[plain] ?? null;
    const sealed = row[sealedColumnOf(category) as 'health_sealed'];
    if (!sealed) return null;
    try {
      return this.cipher.openJson(sealed, sealingContext(tenantId, row.id, category));
    } catch (error) {
      if (error instanceof PersonalDataKeyError) throw unreadableKeyError(error);
      throw error;
    }
  }

  private async recordOutsideReads(
    manager: EntityManager,
    actor: RequestActor,
    purpose: ConsentPurpose | null,
    reads: ReadonlyArray<{ view: PersonView; disclosed: PersonalDataCategory[]; consentIds: string[] }>,
    consents: readonly ConsentRow[],
  ): Promise<void> {
    // Every outside read is logged, even one that disclosed nothing: who looked matters too.
    await manager.query(
      ACCESS_LOG_INSERT_SQL,
      [
        actor.tenantId,
        actor.userId,
        actor.membershipId,
        actor.organizationId,
        purpose,
        JSON.stringify(reads.map((read) => ({ person_id: read.view.id, categories: read.disclosed, consent_ids: read.consentIds }))),
      ],
    );
    const provisions = reads.filter((read) => read.disclosed.length > 0);
    if (provisions.length === 0 || !purpose) return;
    await manager.query(
      READ_PROVISION_INSERT_SQL,
      [
        actor.tenantId,
        actor.organizationId,
        purpose,
        actor.membershipId,
        JSON.stringify(
          provisions.map((read) => ({
            person_id: read.view.id,
            provider_organization_id: read.view.organizationId,
            categories: read.disclosed,
            consent_ids: [...read.consentIds].sort(),
            acquisition: describeAcquisition(consents.filter((consent) => read.consentIds.includes(consent.id))),
          })),
        ),
      ],
    );
  }
}
