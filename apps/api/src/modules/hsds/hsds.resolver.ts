import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { importResultIn } from '../../core/graphql/import-result';
import { HttpRequest, languageOf } from '../../core/graphql/request-language';
import type { HsdsAudience } from './hsds.mapping';
import { HsdsAudienceEnum, HsdsImportResult } from './hsds.model';
import { HsdsService } from './hsds.service';

@Resolver()
export class HsdsResolver {
  constructor(private readonly hsds: HsdsService) {}

  @Query(() => String, {
    description:
      "My network's directory as Open Referral HSDS 3.x JSON: { organizations: [...], services: [...] }. PUBLIC (any member) " +
      'leaves out contact channels kept for partners; PARTNERS (network admins, audited) keeps them and is marked ' +
      '"x-tsunagu-audience": "partners" at its top.',
  })
  exportDirectoryHsds(
    @CurrentActor() actor: RequestActor,
    @Args('audience', { type: () => HsdsAudienceEnum, defaultValue: 'PUBLIC' }) audience: HsdsAudience,
  ): Promise<string> {
    return this.hsds.export(actor, audience);
  }

  @Mutation(() => HsdsImportResult, {
    description:
      'Import an HSDS document into my network (network admins): every record is checked first; with any error nothing changes.',
  })
  async importDirectoryHsds(
    @CurrentActor() actor: RequestActor,
    @Args('document') document: string,
    @Context('req') request: HttpRequest,
  ): Promise<HsdsImportResult> {
    return importResultIn(await this.hsds.import(actor, document), languageOf(request));
  }
}
