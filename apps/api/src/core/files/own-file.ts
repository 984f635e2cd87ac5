// A record (a grant's attachment, a partnership's document, a course's cover or material) may
// only point at a file its own organisation uploaded. Any other id — malformed, unknown, or another
// organisation's — reads as NOT_FOUND, so a foreign file's existence is never revealed.
import type { LocalizedText } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../auth/actor';
import { notFound } from '../authz/authorize';
import { requireId } from '../graphql/ids';

export const FILE: LocalizedText = { ja: 'ファイル', en: 'file' };

/** What a feature checks of the file before attaching it: the purpose it was uploaded for and its type. */
export interface OwnFile {
  readonly purpose: string;
  readonly mediaType: string;
}

export async function ownFile(
  manager: EntityManager,
  actor: Pick<RequestActor, 'tenantId' | 'organizationId'>,
  fileId: string,
): Promise<OwnFile> {
  requireId(fileId, FILE);
  const [file]: Array<{ purpose: string; media_type: string }> = await manager.query(
    `SELECT purpose, media_type FROM files WHERE tenant_id = $1 AND id = $2 AND organization_id = $3`,
    [actor.tenantId, fileId, actor.organizationId],
  );
  if (!file) throw notFound(FILE);
  return { purpose: file.purpose, mediaType: file.media_type };
}
