// What an upload is for decides which types it may be and who may upload it. Each feature that
// takes files adds its purpose here (training materials and partnership documents will), so
// the upload endpoint stays one endpoint with one set of rules.
import { mayPublishGrants } from '@tsunagu/domain';
import type { RequestActor } from '../auth/actor';
import { FileTypeKey, GRANT_ATTACHMENT_TYPES } from './file-types';

export interface FilePurpose {
  readonly allowedTypes: readonly FileTypeKey[];
  readonly mayUpload: (actor: Pick<RequestActor, 'organizationKind' | 'roles'>) => boolean;
}

export const FILE_PURPOSES = {
  GRANT_ATTACHMENT: {
    allowedTypes: GRANT_ATTACHMENT_TYPES,
    mayUpload: (actor) => mayPublishGrants(actor.organizationKind, actor.roles),
  },
} as const satisfies Record<string, FilePurpose>;

export type FilePurposeKey = keyof typeof FILE_PURPOSES;

export function isFilePurpose(value: string): value is FilePurposeKey {
  return Object.prototype.hasOwnProperty.call(FILE_PURPOSES, value);
}
