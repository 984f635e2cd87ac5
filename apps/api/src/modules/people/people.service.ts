// People supported: registering, updating and correcting, listing and reading them, and the person's own
// requests to stop use or erase. Values are read only through the consent-aware reader and
// written only through PersonRecords (core/personal-data).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConsentPurpose,
  isSpecialCare,
  maySeeSpecialCare,
  PERSONAL_DATA_CATEGORIES,
  PERSON_SECTION_FIELDS,
  PersonSectionField,
  PersonValues,
} from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan, notFound } from '../../core/authz/authorize';
import { AppError } from '../../core/graphql/app-error';
import { Page } from '../../core/graphql/pagination';
import { PersonalDataReader, PersonView } from '../../core/personal-data/person-reader';
import { PersonHeader, PersonRecords } from '../../core/personal-data/person-records';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import type { PersonInput } from './dto/people.input';
import { CategorySectionShape, IdentityValues, Person, PossibleDuplicate } from './people.model';
import { changedFieldNames, validatePersonInput } from './person-fields';
import { requireId } from '../../core/graphql/ids';

export const PERSON = { ja: '当事者の記録', en: 'person' };

export function toPerson(view: PersonView): Person {
  const sections = Object.fromEntries(
    PERSONAL_DATA_CATEGORIES.codes.map((category) => {
      const section = view.categories[category];
      const shape: CategorySectionShape<unknown> = {
        category,
        access: section.access,
        withheldReason: section.reason,
        consentId: section.consentId,
        values: section.values,
      };
      return [PERSON_SECTION_FIELDS[category], shape];
    }),
  );
  return {
    id: view.id,
    pseudonym: view.pseudonym,
    status: view.status,
    ownerOrganizationId: view.organizationId,
    ownerOrganizationName: view.organizationName,
    ownedByMe: view.ownedByActor,
    purpose: view.purpose,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    statistics: view.statistics
      ? { ...view.statistics, needs: view.statistics.needs ? [...view.statistics.needs] : null, sourceCategories: [...view.statistics.sourceCategories] }
      : null,
    categories: PERSONAL_DATA_CATEGORIES.codes.map((category) => ({
      category,
      access: view.categories[category].access,
      withheldReason: view.categories[category].reason,
      consentId: view.categories[category].consentId,
      specialCare: isSpecialCare(category),
    })),
    ...(sections as unknown as Pick<Person, PersonSectionField>),
  };
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: PersonalDataReader,
    private readonly records: PersonRecords,
    private readonly clock: Clock,
  ) {}

  listOwn(actor: RequestActor, search: string | null | undefined, first?: number | null, after?: string | null): Promise<Page<Person>> {
    assertCan(actor, 'read', 'Person');
    return runInTenant(this.dataSource, actor, async (manager) => {
      const page = await this.records.listOwn(manager, actor, { search, first, after });
      const views = await this.reader.read(manager, actor, page.nodes, null);
      return { ...page, nodes: views.map(toPerson) };
    });
  }

  listShared(actor: RequestActor, purpose: ConsentPurpose, first?: number | null, after?: string | null): Promise<Page<Person>> {
    assertCan(actor, 'read', 'Person');
    return runInTenant(this.dataSource, actor, async (manager) => {
      const page = await this.records.listShared(manager, actor, purpose, { first, after });
      const views = await this.reader.read(manager, actor, page.nodes, purpose);
      return { ...page, nodes: views.map(toPerson) };
    });
  }

  get(actor: RequestActor, id: string, purpose: ConsentPurpose | null): Promise<Person> {
    assertCan(actor, 'read', 'Person');
    requireId(id, PERSON);
    return runInTenant(this.dataSource, actor, (manager) => this.readOne(manager, actor, id, purpose));
  }

  possibleDuplicates(actor: RequestActor, identity: IdentityValues): Promise<PossibleDuplicate[]> {
    assertCan(actor, 'create', { __typename: 'Person', organizationId: actor.organizationId });
    const values = validatePersonInput({ identity }, this.clock.now());
    return runInTenant(this.dataSource, actor, async (manager) =>
      (await this.records.findDuplicates(manager, actor, values.IDENTITY as PersonValues['IDENTITY'])).map(
        ({ id, pseudonym, status }) => ({ id, pseudonym, status }),
      ),
    );
  }

  create(actor: RequestActor, input: PersonInput, acknowledgeDuplicates: boolean): Promise<Person> {
    assertCan(actor, 'create', { __typename: 'Person', organizationId: actor.organizationId });
    if (!input.identity) {
      throw new AppError('BAD_USER_INPUT', undefined, {
        fields: { 'identity.familyName': { ja: '氏名とふりがなを入力してください。', en: 'Enter the name and its kana.' } },
      });
    }
    const values = validatePersonInput(input, this.clock.now());
    this.assertMayWriteSpecialCare(actor, values);
    const complete: PersonValues = {
      IDENTITY: values.IDENTITY as PersonValues['IDENTITY'],
      CONTACT: values.CONTACT ?? null,
      HOUSEHOLD: values.HOUSEHOLD ?? null,
      HEALTH: values.HEALTH ?? null,
      DISABILITY: values.DISABILITY ?? null,
      FINANCIAL: values.FINANCIAL ?? null,
      LEGAL: values.LEGAL ?? null,
      CONSULTATION: values.CONSULTATION ?? null,
    };
    return runInTenant(this.dataSource, actor, async (manager) => {
      if (!acknowledgeDuplicates) {
        const duplicates = await this.records.findDuplicates(manager, actor, complete.IDENTITY);
        if (duplicates.length > 0) {
          const ids = duplicates.map((duplicate) => duplicate.pseudonym).join(', ');
          throw new AppError(
            'CONFLICT',
            {
              ja: `同じふりがなと生年月日の方がすでに登録されています（${ids}）。同じ方でないことを確かめてから、重複を承知で登録してください。`,
              en: `Someone with the same kana name and birth date is already registered (${ids}). Check it is not the same person, then register anyway.`,
            },
            { reason: 'POSSIBLE_DUPLICATE' },
          );
        }
      }
      const id = await this.records.create(manager, actor, complete);
      await recordAudit(manager, actor, { entity: 'Person', entityId: id, action: 'CREATED', changedFields: PERSONAL_DATA_CATEGORIES.codes.filter((category) => complete[category] !== null) });
      return this.readOne(manager, actor, id, null);
    });
  }

  /** Everyday change of the person's details (a new phone number, a move): audited, no reason. */
  update(actor: RequestActor, id: string, input: PersonInput): Promise<Person> {
    return this.replaceCategories(actor, id, input, 'UPDATED');
  }

  /** 訂正 at the person's request: the same change, also kept in person_corrections with the reason. */
  correct(actor: RequestActor, id: string, input: PersonInput, reason: string): Promise<Person> {
    const trimmedReason = reason.trim();
    if (trimmedReason.length < 1 || trimmedReason.length > 1000) {
      throw new AppError('BAD_USER_INPUT', undefined, {
        fields: { reason: { ja: '訂正の理由を1〜1000文字で入力してください。', en: 'Give the reason for the correction (1 to 1,000 characters).' } },
      });
    }
    return this.replaceCategories(actor, id, input, 'CORRECTED', (manager, changed) =>
      manager.query(
        `INSERT INTO person_corrections (tenant_id, person_id, corrected_by_membership_id, fields, reason) VALUES ($1, $2, $3, $4, $5)`,
        [actor.tenantId, id, actor.membershipId, changed, trimmedReason],
      ),
    );
  }

  /**
   * The one write path of an existing person's values, shared by update and correction: the
   * shared schema, the special-care role rule, the owner's ability, an active record; the given
   * categories replaced (null clears one, an omitted one stays) and the changed field names
   * audited. Consents are not touched, so no change widens what another organisation sees.
   * Nothing is written when nothing differs.
   */
  private replaceCategories(
    actor: RequestActor,
    id: string,
    input: PersonInput,
    action: 'UPDATED' | 'CORRECTED',
    recordChange?: (manager: EntityManager, changed: string[]) => Promise<unknown>,
  ): Promise<Person> {
    const values = validatePersonInput(input, this.clock.now());
    this.assertMayWriteSpecialCare(actor, values);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const header = await this.ownHeader(manager, actor, id, 'update');
      this.assertActive(header);
      const current = await this.reader.readForDataSubject(manager, actor.tenantId, id);
      const changed = changedFieldNames(current?.values ?? {}, values);
      if (changed.length > 0) {
        await this.records.replaceCategories(manager, actor.tenantId, id, values);
        await recordChange?.(manager, changed);
        await recordAudit(manager, actor, { entity: 'Person', entityId: id, action, changedFields: changed });
      }
      return this.readOne(manager, actor, id, null);
    });
  }

  ceaseUse(actor: RequestActor, id: string, reason: string): Promise<Person> {
    const trimmedReason = this.requiredReason(reason);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const header = await this.ownHeader(manager, actor, id, 'delete');
      this.assertActive(header);
      await this.records.ceaseUse(manager, actor.tenantId, id, trimmedReason);
      await recordAudit(manager, actor, { entity: 'Person', entityId: id, action: 'USE_CEASED', changedFields: ['status'] });
      return this.readOne(manager, actor, id, null);
    });
  }

  erase(actor: RequestActor, id: string, confirmPseudonym: string): Promise<Person> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const header = await this.ownHeader(manager, actor, id, 'delete');
      if (header.status === 'ERASED') return this.readOne(manager, actor, id, null);
      if (confirmPseudonym.trim() !== header.pseudonym) {
        throw new AppError(
          'BAD_USER_INPUT',
          {
            ja: `確認のため、この方の仮名ID（${header.pseudonym}）を入力してください。消去は取り消せません。`,
            en: `To confirm, type this person's pseudonymous id (${header.pseudonym}). Erasure cannot be undone.`,
          },
          { fields: { confirmPseudonym: { ja: '仮名IDが一致しません。', en: 'The pseudonymous id does not match.' } } },
        );
      }
      await this.records.erase(manager, actor.tenantId, id);
      await recordAudit(manager, actor, { entity: 'Person', entityId: id, action: 'ERASED', changedFields: PERSONAL_DATA_CATEGORIES.codes });
      return this.readOne(manager, actor, id, null);
    });
  }

  /** The person, as the actor may see them, inside the current transaction. */
  async readOne(manager: EntityManager, actor: RequestActor, id: string, purpose: ConsentPurpose | null): Promise<Person> {
    const [view] = await this.reader.read(manager, actor, [id], purpose);
    if (!view) throw notFound(PERSON);
    return toPerson(view);
  }

  /** A person of the actor's own organisation the actor may act on this way. */
  async ownHeader(manager: EntityManager, actor: RequestActor, id: string, action: 'update' | 'delete' | 'read'): Promise<PersonHeader> {
    requireId(id, PERSON);
    // A change (update, stop, erasure) holds the row from its check to its commit.
    const header = await this.records.header(manager, actor.tenantId, id, { forChange: action !== 'read' });
    if (!header) throw notFound(PERSON);
    assertCan(actor, action, { __typename: 'Person', organizationId: header.organizationId });
    return header;
  }

  private assertActive(header: PersonHeader): void {
    if (header.status !== 'ACTIVE') {
      throw new AppError(
        'CONFLICT',
        {
          ja: 'この方の記録は利用停止または消去されているため、変更できません。',
          en: "This person's record is no longer in use (stopped or erased), so it cannot be changed.",
        },
        { reason: 'PERSON_NOT_ACTIVE' },
      );
    }
  }

  private assertMayWriteSpecialCare(actor: RequestActor, values: Partial<PersonValues>): void {
    const special = PERSONAL_DATA_CATEGORIES.codes.filter((category) => isSpecialCare(category) && category in values);
    if (special.length > 0 && !maySeeSpecialCare(actor.roles)) {
      throw new AppError(
        'FORBIDDEN',
        {
          ja: '健康・障害・犯罪歴や被害歴（要配慮個人情報）は、団体の管理者かコーディネーターだけが記録できます。',
          en: 'Only organisation admins and coordinators may record health, disability or legal (special-care) data.',
        },
        { reason: 'SPECIAL_CARE_ROLE_REQUIRED' },
      );
    }
  }

  private requiredReason(reason: string): string {
    const trimmed = reason.trim();
    if (trimmed.length < 1 || trimmed.length > 1000) {
      throw new AppError('BAD_USER_INPUT', undefined, {
        fields: { reason: { ja: '理由を1〜1000文字で入力してください。', en: 'Give the reason (1 to 1,000 characters).' } },
      });
    }
    return trimmed;
  }
}
