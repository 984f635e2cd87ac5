import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ConsentPurpose, Language } from '@tsunagu/domain';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { AppError } from '../../core/graphql/app-error';
import { IdArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import { ConsentsService } from './consents.service';
import { ConsentInput, PersonInput, ProvisionRecordFilter } from './dto/people.input';
import { KeptRecordsService } from './kept-records.service';
import {
  Consent,
  ConsentPurposeEnum,
  DownloadFile,
  IdentityValues,
  EvidenceFile,
  Person,
  PersonAccessConnection,
  PersonConnection,
  PersonCorrection,
  PersonDisclosure,
  PossibleDuplicate,
  ProvisionRecordConnection,
} from './people.model';
import { PeopleService } from './people.service';

function language(value: string | null | undefined): Language {
  if (value === undefined || value === null || value === 'ja') return 'ja';
  if (value === 'en') return 'en';
  throw new AppError('BAD_USER_INPUT', undefined, {
    fields: { language: { ja: '言語は ja か en を指定してください。', en: 'The language must be ja or en.' } },
  });
}

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly peopleService: PeopleService,
    private readonly consentsService: ConsentsService,
    private readonly kept: KeptRecordsService,
  ) {}

  @Query(() => PersonConnection, {
    description: "People my organisation supports, newest first; search matches the name or kana.",
    complexity: listComplexity(10),
  })
  async people(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('search', { type: () => String, nullable: true }) search?: string,
  ) {
    return toConnection(await this.peopleService.listOwn(actor, search, page.first, page.after));
  }

  @Query(() => PersonConnection, {
    description: 'People of other organisations whose active consent shares data with my organisation for this purpose.',
    complexity: listComplexity(10),
  })
  async sharedPeople(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('purpose', { type: () => ConsentPurposeEnum }) purpose: ConsentPurpose,
  ) {
    return toConnection(await this.peopleService.listShared(actor, purpose, page.first, page.after));
  }

  @Query(() => Person, {
    description:
      'One person, as my membership may see them. Outside the owning organisation, state the purpose: each category is disclosed only under an active consent for it.',
  })
  person(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('purpose', { type: () => ConsentPurposeEnum, nullable: true }) purpose?: ConsentPurpose,
  ): Promise<Person> {
    return this.peopleService.get(actor, id, purpose ?? null);
  }

  @Query(() => [PossibleDuplicate], { description: 'People of my organisation with the same kana name and birth date.' })
  possibleDuplicates(@CurrentActor() actor: RequestActor, @Args('identity') identity: IdentityValues): Promise<PossibleDuplicate[]> {
    return this.peopleService.possibleDuplicates(actor, identity);
  }

  @Query(() => [Consent], { description: "A person's consents, newest first (the owning organisation)." })
  consents(@CurrentActor() actor: RequestActor, @IdArg('personId') personId: string): Promise<Consent[]> {
    return this.consentsService.list(actor, personId);
  }

  @Query(() => EvidenceFile)
  consentEvidence(@CurrentActor() actor: RequestActor, @IdArg('consentId') consentId: string): Promise<EvidenceFile> {
    return this.consentsService.evidence(actor, consentId);
  }

  @Query(() => PersonAccessConnection, { description: 'Reads of the person by other organisations, newest first.' })
  async personAccessLog(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @IdArg('personId') personId: string,
  ) {
    return toConnection(await this.kept.accessLog(actor, personId, page.first, page.after));
  }

  @Query(() => ProvisionRecordConnection, { description: '第三者提供記録 of my organisation, provided or received, newest first.' })
  async provisionRecords(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProvisionRecordFilter, nullable: true }) filter?: ProvisionRecordFilter,
  ) {
    return toConnection(await this.kept.provisionRecords(actor, filter ?? { side: 'PROVIDED' }, page.first, page.after));
  }

  @Query(() => DownloadFile, { description: 'Provision records as CSV (UTF-8 with BOM), per person and period.' })
  provisionRecordsCsv(
    @CurrentActor() actor: RequestActor,
    @Args('filter', { type: () => ProvisionRecordFilter, nullable: true }) filter?: ProvisionRecordFilter,
    @Args('language', { type: () => String, nullable: true }) lang?: string,
  ): Promise<DownloadFile> {
    return this.kept.provisionCsv(actor, filter ?? { side: 'PROVIDED' }, language(lang));
  }

  @Query(() => [PersonCorrection])
  personCorrections(@CurrentActor() actor: RequestActor, @IdArg('personId') personId: string): Promise<PersonCorrection[]> {
    return this.kept.corrections(actor, personId);
  }

  @Query(() => PersonDisclosure, { description: '開示: everything held about the person (owning organisation admins and coordinators).' })
  personDisclosure(
    @CurrentActor() actor: RequestActor,
    @IdArg('personId') personId: string,
    @Args('language', { type: () => String, nullable: true }) lang?: string,
  ): Promise<PersonDisclosure> {
    return this.kept.disclose(actor, personId, language(lang));
  }

  @Mutation(() => Person, { description: 'Register a person my organisation supports.' })
  createPerson(
    @CurrentActor() actor: RequestActor,
    @Args('input') input: PersonInput,
    @Args('acknowledgeDuplicates', { defaultValue: false, description: 'Register even if someone with the same kana and birth date exists.' })
    acknowledgeDuplicates: boolean,
  ): Promise<Person> {
    return this.peopleService.create(actor, input, acknowledgeDuplicates);
  }

  @Mutation(() => Person, {
    description: "Change a person's details in everyday work (replace the given categories, null clears one); audited with the field names, no reason.",
  })
  updatePerson(@CurrentActor() actor: RequestActor, @IdArg('id') id: string, @Args('input') input: PersonInput): Promise<Person> {
    return this.peopleService.update(actor, id, input);
  }

  @Mutation(() => Person, { description: '訂正: replace the given categories (null clears one); recorded with the reason.' })
  correctPerson(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('input') input: PersonInput,
    @Args('reason') reason: string,
  ): Promise<Person> {
    return this.peopleService.correct(actor, id, input, reason);
  }

  @Mutation(() => Person, { description: '利用停止: nobody reads the values any more (org admins).' })
  ceasePersonUse(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('reason') reason: string,
  ): Promise<Person> {
    return this.peopleService.ceaseUse(actor, id, reason);
  }

  @Mutation(() => Person, { description: '消去: remove every personal value; kept records stay under the pseudonym (org admins).' })
  erasePerson(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('confirmPseudonym', { description: "Type the person's pseudonymous id to confirm." }) confirmPseudonym: string,
  ): Promise<Person> {
    return this.peopleService.erase(actor, id, confirmPseudonym);
  }

  @Mutation(() => Consent, { description: 'Record a consent the person gave (admins and coordinators of the owning organisation).' })
  recordConsent(@CurrentActor() actor: RequestActor, @Args('input') input: ConsentInput): Promise<Consent> {
    return this.consentsService.record(actor, input);
  }

  @Mutation(() => Consent, { description: 'Revoke a consent; it stops disclosing data on the very next request.' })
  revokeConsent(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('reason') reason: string,
  ): Promise<Consent> {
    return this.consentsService.revoke(actor, id, reason);
  }
}
