// Exchange of grant listings with other systems: the jGrants import (jgrants-import.ts) and the
// CSV and 360Giving-style exports of my network's published listings (grants-export.ts).
import { Args, Context, Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { loadMunicipalityRegistry } from '@tsunagu/domain';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { importResultIn } from '../../core/graphql/import-result';
import { HttpRequest, LANGUAGE_ARG, languageOf } from '../../core/graphql/request-language';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { DownloadFile } from '../people/people.model';
import { exportedGrantRows, grants360Giving, grantsCsv } from './grants-export';
import { JGrantsImportService } from './jgrants-import';

@ObjectType({ description: 'A problem found in an imported grants document.' })
export class GrantImportError {
  @Field({ description: 'Where: a JSONPath into the document, e.g. $.result[3].acceptance_end_datetime.' })
  path!: string;

  @Field({ description: "In the caller's language (Accept-Language)." })
  message!: string;
}

@ObjectType({ description: 'Outcome of a grants import: either every record was written, or none (errors).' })
export class GrantImportResult {
  @Field() ok!: boolean;
  @Field(() => Int, { description: 'Listings created (as drafts).' }) created!: number;
  @Field(() => Int, { description: 'Listings imported before, updated.' }) updated!: number;
  @Field(() => [GrantImportError]) errors!: GrantImportError[];
}

@Resolver()
export class GrantsExchangeResolver {
  constructor(
    private readonly jgrants: JGrantsImportService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => GrantImportResult, {
    description:
      'Import listings from a jGrants-style JSON export ({ "result": [...] }) as drafts of my organisation (grant editors of intermediary bodies and municipalities). Every record is checked first; with any error nothing changes. A listing imported before is updated.',
  })
  async importJGrants(
    @CurrentActor() actor: RequestActor,
    @Args('document') document: string,
    @Context('req') request: HttpRequest,
  ): Promise<GrantImportResult> {
    return importResultIn(await this.jgrants.import(actor, document), languageOf(request));
  }

  @Query(() => DownloadFile, { description: "My network's published grant listings as CSV (UTF-8 with BOM)." })
  exportGrantsCsv(
    @CurrentActor() actor: RequestActor,
    @Context('req') request: HttpRequest,
    @Args('language', LANGUAGE_ARG) language?: string,
  ): Promise<DownloadFile> {
    const lang = languageOf(request, language);
    return runInTenant(this.dataSource, actor, async (manager) => ({
      fileName: 'grants.csv',
      mediaType: 'text/csv; charset=utf-8',
      content: grantsCsv(await exportedGrantRows(manager, actor), lang, await loadMunicipalityRegistry()),
      base64: false,
    }));
  }

  @Query(() => DownloadFile, {
    description: "My network's published grant listings as 360Giving-style JSON (opportunities: no award fields; see grants-export.ts).",
  })
  exportGrants360Giving(@CurrentActor() actor: RequestActor): Promise<DownloadFile> {
    return runInTenant(this.dataSource, actor, async (manager) => ({
      fileName: 'grants-360giving.json',
      mediaType: 'application/json',
      content: JSON.stringify(grants360Giving(await exportedGrantRows(manager, actor), await loadMunicipalityRegistry()), null, 2),
      base64: false,
    }));
  }
}
