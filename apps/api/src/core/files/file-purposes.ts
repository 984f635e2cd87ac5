// What an upload is for decides which types it may be, how large it may be and who may upload
// it. Each feature that takes files adds its purpose here, so the upload endpoint stays one
// endpoint with one set of rules. The purpose is known before the bytes arrive (query string or
// a form field ahead of the file), so its limit is enforced while the file streams in.
import { mayAuthorCourses, mayManagePartnerships, mayPublishGrants } from '@tsunagu/domain';
import type { RequestActor } from '../auth/actor';
import type { AppConfig } from '../config/config';
import { FileTypeKey, GRANT_ATTACHMENT_TYPES, IMAGE_TYPES, TRAINING_MATERIAL_TYPES } from './file-types';

type FileLimits = Pick<AppConfig['files'], 'maxBytes' | 'materialMaxBytes'>;

export interface FilePurpose {
  readonly allowedTypes: readonly FileTypeKey[];
  readonly mayUpload: (actor: Pick<RequestActor, 'organizationKind' | 'roles'>) => boolean;
  /** The largest file of this purpose; FILE_MAX_BYTES when not given. */
  readonly maxBytes?: (limits: FileLimits) => number;
}

export const FILE_PURPOSES = {
  GRANT_ATTACHMENT: {
    allowedTypes: GRANT_ATTACHMENT_TYPES,
    mayUpload: (actor) => mayPublishGrants(actor.organizationKind, actor.roles),
  },
  /** A course's material: documents, slides, images, video and audio (FILE_MATERIAL_MAX_BYTES). */
  TRAINING_MATERIAL: {
    allowedTypes: TRAINING_MATERIAL_TYPES,
    mayUpload: (actor) => mayAuthorCourses(actor.roles),
    maxBytes: (limits) => limits.materialMaxBytes,
  },
  /** A course's cover picture. */
  COURSE_COVER: {
    allowedTypes: IMAGE_TYPES,
    mayUpload: (actor) => mayAuthorCourses(actor.roles),
  },
  /** A partnership's document (agreement, contract, minutes); opened only by the partnership's two sides. */
  PARTNERSHIP_DOCUMENT: {
    allowedTypes: GRANT_ATTACHMENT_TYPES,
    mayUpload: (actor) => mayManagePartnerships(actor.organizationKind, actor.roles),
  },
} as const satisfies Record<string, FilePurpose>;

export type FilePurposeKey = keyof typeof FILE_PURPOSES;

export function isFilePurpose(value: string): value is FilePurposeKey {
  return Object.prototype.hasOwnProperty.call(FILE_PURPOSES, value);
}

export function maxBytesOf(purpose: FilePurposeKey, limits: FileLimits): number {
  const rule: FilePurpose = FILE_PURPOSES[purpose];
  return rule.maxBytes ? rule.maxBytes(limits) : limits.maxBytes;
}

/** The largest file any purpose takes: the multipart parser's own ceiling. */
export function largestFileBytes(limits: FileLimits): number {
  return Math.max(...(Object.keys(FILE_PURPOSES) as FilePurposeKey[]).map((purpose) => maxBytesOf(purpose, limits)));
}
