// The base of the features' file access rules (grant attachments, course files, partnership
// documents): a feature names the purposes of its files and answers mayRead; registering the
// rule with FilesService at start is done here once (see file-access.ts for why every purpose
// has exactly one rule).
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../auth/actor';
import { Conditions } from '../database/conditions';
import { FileForAccess, uploadedByOwnOrganization } from './file-access';
import type { FilePurposeKey } from './file-purposes';
import { FilesService } from './files.service';

@Injectable()
export abstract class RecordFileAccess implements OnModuleInit {
  /** The purposes of the files this feature's records hold. */
  protected abstract readonly purposes: readonly FilePurposeKey[];

  constructor(private readonly files: FilesService) {}

  onModuleInit(): void {
    for (const purpose of this.purposes) this.files.registerAccessRule(purpose, (manager, actor, file) => this.mayRead(manager, actor, file));
  }

  /** Whether the actor may read the file (see FileAccessRule). */
  abstract mayRead(manager: EntityManager, actor: RequestActor, file: FileForAccess): Promise<boolean>;
}

/**
 * The usual rule: a file is readable by whoever may read one of the records holding it, and a
 * file no record holds yet by its uploader's organisation. `holders` gives, with the file's
 * placeholders, the FROM … WHERE of the records holding it and the condition of a readable one.
 */
export async function readableThroughHolders(
  manager: EntityManager,
  actor: RequestActor,
  file: FileForAccess,
  holders: (where: Conditions, file: { readonly tenant: string; readonly id: string }) => { readonly from: string; readonly readable: string },
): Promise<boolean> {
  const where = new Conditions();
  const placeholders = { tenant: where.param(file.tenantId), id: where.param(file.id) };
  const { from, readable } = holders(where, placeholders);
  const [row]: Array<{ attached: boolean; readable: boolean }> = await manager.query(
    `SELECT count(*) > 0 AS attached, coalesce(bool_or(${readable}), false) AS readable ${from}`,
    where.params,
  );
  return row.attached ? row.readable : uploadedByOwnOrganization(actor, file);
}
