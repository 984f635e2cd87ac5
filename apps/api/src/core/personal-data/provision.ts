// Providing a person's data to another organisation (第三者提供): the referral flow calls this
// when it hands categories over. It refuses unless an active consent covers the recipient,
// the purpose and every category, naming what is missing, and it writes the provision record
// (APPI Art. 29; the recipient's confirmation of Art. 30 is the same row) in the caller's
// transaction, so data and record are provided together or not at all.
import { Injectable } from '@nestjs/common';
import {
  CategoryDecision,
  ConsentPurpose,
  decideForRecipient,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataCategory,
  Recipient,
  WITHHELD_REASONS,
} from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../graphql/app-error';
import { Clock } from '../time/clock';
import { CONSENT_FACT_COLUMNS, ConsentRow, describeAcquisition, toConsentRow } from './person-reader';

export interface ProvisionRequest {
  readonly tenantId: string;
  readonly personId: string;
  readonly providerOrganizationId: string;
  readonly recipient: Recipient;
  readonly categories: readonly PersonalDataCategory[];
  readonly purpose: ConsentPurpose;
  /** What the provision belongs to, e.g. `REFERRAL:<id>`. */
  readonly context: string;
  readonly recipientMembershipId?: string | null;
}

@Injectable()
export class PersonalDataProvision {
  constructor(private readonly clock: Clock) {}

  /**
   * What the consent rule says, category by category, about providing these categories to the
   * recipient for the purpose — without providing anything (a preview shows it before a forward).
   */
  async assess(
    manager: EntityManager,
    request: Pick<ProvisionRequest, 'tenantId' | 'personId' | 'recipient' | 'categories' | 'purpose'>,
  ): Promise<{ decisions: Array<{ category: PersonalDataCategory; decision: CategoryDecision }>; consents: ConsentRow[] }> {
    const categories = PERSONAL_DATA_CATEGORIES.codes.filter((category) => request.categories.includes(category));
    if (categories.length === 0) return { decisions: [], consents: [] };
    const rows: Array<Record<string, unknown>> = await manager.query(
      // The person's consents (recorded by the owner), whoever hands the data over: a referral
      // forwarded by its receiver needs the person's consent for the third organisation too.
      `SELECT ${CONSENT_FACT_COLUMNS} FROM consents c
        WHERE c.tenant_id = $1 AND c.person_id = $2
          AND EXISTS (SELECT 1 FROM persons p WHERE p.tenant_id = c.tenant_id AND p.id = c.person_id AND p.status = 'ACTIVE')
          AND (c.recipient_organization_ids @> ARRAY[$3::uuid] OR c.recipient_kinds @> ARRAY[$4::text])`,
      [request.tenantId, request.personId, request.recipient.organizationId, request.recipient.organizationKind],
    );
    const consents: ConsentRow[] = rows.map(toConsentRow);
    const now = this.clock.now();
    const decisions = categories.map((category) => ({
      category,
      decision: decideForRecipient(consents, request.recipient, request.purpose, category, now),
    }));
    return { decisions, consents };
  }

  /** Checks consent for every category and records the provision; returns the consents used. */
  async provide(manager: EntityManager, request: ProvisionRequest): Promise<string[]> {
    const { decisions, consents } = await this.assess(manager, request);
    if (decisions.length === 0) return [];
    const categories = decisions.map(({ category }) => category);
    const refused = decisions.filter(({ decision }) => decision.access === 'WITHHELD');
    if (refused.length > 0) {
      const list = (language: 'ja' | 'en') =>
        refused
          .map(({ category, decision }) =>
            decision.access === 'WITHHELD'
              ? `${PERSONAL_DATA_CATEGORIES.labels[category][language]} (${WITHHELD_REASONS.labels[decision.reason][language]})`
              : '',
          )
          .join(language === 'ja' ? '、' : ', ');
      throw new AppError(
        'FORBIDDEN',
        {
          ja: `次の項目は、提供先と目的を対象とする有効な同意がないため提供できません: ${list('ja')}。本人から同意を得て記録してください。`,
          en: `These categories cannot be shared: no active consent covers this recipient and purpose: ${list('en')}. Record the person's consent first.`,
        },
        { reason: 'CONSENT_REQUIRED' },
      );
    }
    const consentIds = [...new Set(decisions.map(({ decision }) => decision.consentId as string))].sort();
    await manager.query(
      `INSERT INTO provision_records (tenant_id, person_id, provider_organization_id, recipient_organization_id, categories,
                                      purpose, consent_ids, provider_acquisition, recipient_membership_id, context)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING`,
      [
        request.tenantId,
        request.personId,
        request.providerOrganizationId,
        request.recipient.organizationId,
        categories,
        request.purpose,
        consentIds,
        describeAcquisition(consents.filter((consent) => consentIds.includes(consent.id))),
        request.recipientMembershipId ?? null,
        request.context,
      ],
    );
    return consentIds;
  }
}
