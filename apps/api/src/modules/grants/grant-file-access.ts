// Who may read a grant's attachment: whoever may read a grant it is attached to, by the very
// condition the listings use (grant-search.ts visibleTo) — a published or closed listing of the
// network, or of any network when public; a draft or archived one only in its own organisation,
// whose grant editors keep it. A file not attached yet: its uploader's organisation.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import type { FileForAccess } from '../../core/files/file-access';
import { readableThroughHolders, RecordFileAccess } from '../../core/files/record-file-access';
import { visibleTo } from './grant-search';

export const GRANT_ATTACHMENT_PURPOSE = 'GRANT_ATTACHMENT';

@Injectable()
export class GrantFileAccess extends RecordFileAccess {
  protected readonly purposes = [GRANT_ATTACHMENT_PURPOSE] as const;

  mayRead(manager: EntityManager, actor: RequestActor, file: FileForAccess): Promise<boolean> {
    return readableThroughHolders(manager, actor, file, (where, attached) => ({
      from: `FROM grant_attachments a JOIN grants g ON g.tenant_id = a.tenant_id AND g.id = a.grant_id
            WHERE a.tenant_id = ${attached.tenant} AND a.file_id = ${attached.id}`,
      readable: visibleTo(where, actor),
    }));
  }
}
