// Who may read a grant's attachment: whoever may read a grant it is attached to, by the very
// condition the listings use (grant-search.ts visibleTo) — a published or closed listing of the
// network, or of any network when public; a draft or archived one only in its own organisation,
// whose grant editors keep it. A file not attached yet: its uploader's organisation.
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { Conditions } from '../../core/database/conditions';
import { FileForAccess, uploadedByOwnOrganization } from '../../core/files/file-access';
import { FilesService } from '../../core/files/files.service';
import { visibleTo } from './grant-search';

export const GRANT_ATTACHMENT_PURPOSE = 'GRANT_ATTACHMENT';

@Injectable()
export class GrantFileAccess implements OnModuleInit {
  constructor(private readonly files: FilesService) {}

  onModuleInit(): void {
    this.files.registerAccessRule(GRANT_ATTACHMENT_PURPOSE, (manager, actor, file) => this.mayRead(manager, actor, file));
  }

  async mayRead(manager: EntityManager, actor: RequestActor, file: FileForAccess): Promise<boolean> {
    const where = new Conditions();
    const tenant = where.param(file.tenantId);
    const fileId = where.param(file.id);
    const visible = visibleTo(where, actor);
    const [row]: Array<{ attached: boolean; readable: boolean }> = await manager.query(
      `SELECT count(*) > 0 AS attached, coalesce(bool_or(${visible}), false) AS readable
         FROM grant_attachments a JOIN grants g ON g.tenant_id = a.tenant_id AND g.id = a.grant_id
        WHERE a.tenant_id = ${tenant} AND a.file_id = ${fileId}`,
      where.params,
    );
    return row.attached ? row.readable : uploadedByOwnOrganization(actor, file);
  }
}
