// Who may read a file: exactly those who may read the record it is attached to — a grant's
// readers (a draft's: its own organisation, as for the draft itself), a course's audience (a
// draft's: its trainers), a partnership's two sides. The one place this is decided is here:
// every purpose of file-purposes.ts has one access rule, registered at start by the feature that
// owns the records (it knows who reads them); FilesService.open asks it for every download, and
// a purpose without a rule is refused (NOT_FOUND), never opened by default. The API does not start
// while a purpose lacks its rule (FilesService.onApplicationBootstrap).
//
// A file not (or no longer) attached to any record is readable by its uploader's organisation
// only (uploadedByOwnOrganization): it was uploaded to be attached, and nobody else has a reason
// to read it yet.
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../auth/actor';
import { FILE_PURPOSES, FilePurposeKey, isFilePurpose } from './file-purposes';

/** The catalogue row of a file, as far as an access rule needs it. */
export interface FileForAccess {
  readonly id: string;
  readonly tenantId: string;
  readonly organizationId: string;
  readonly purpose: string;
}

/**
 * Whether a member may read a file of one purpose (true) or must get NOT_FOUND. Runs in the
 * reader's transaction, in the member's network; the file may be another network's when
 * row-level security let its row through (a public grant's or course's file).
 */
export type FileAccessRule = (manager: EntityManager, actor: RequestActor, file: FileForAccess) => Promise<boolean>;

/** A file nobody has attached yet: its own organisation's members, in its network. */
export function uploadedByOwnOrganization(actor: Pick<RequestActor, 'tenantId' | 'organizationId'>, file: FileForAccess): boolean {
  return file.tenantId === actor.tenantId && file.organizationId === actor.organizationId;
}

export class FileAccessRules {
  private readonly rules = new Map<FilePurposeKey, FileAccessRule>();

  /** Declares who may read the files of `purpose`; once per purpose. */
  register(purpose: FilePurposeKey, rule: FileAccessRule): void {
    if (!isFilePurpose(purpose)) throw new Error(`Not a file purpose: ${purpose}`);
    if (this.rules.has(purpose)) throw new Error(`File purpose ${purpose} already has an access rule`);
    this.rules.set(purpose, rule);
  }

  /** The purposes of file-purposes.ts that have no rule yet (none once the API has started). */
  missing(): FilePurposeKey[] {
    return (Object.keys(FILE_PURPOSES) as FilePurposeKey[]).filter((purpose) => !this.rules.has(purpose));
  }

  /** Throws, naming them, when some purpose has no rule. */
  assertComplete(): void {
    const missing = this.missing();
    if (missing.length) throw new Error(`File purposes without an access rule: ${missing.join(', ')} (see core/files/file-access.ts)`);
  }

  /** The rule's answer; false for a purpose without one (or an unknown purpose). */
  async mayRead(manager: EntityManager, actor: RequestActor, file: FileForAccess): Promise<boolean> {
    const rule = isFilePurpose(file.purpose) ? this.rules.get(file.purpose) : undefined;
    if (!rule) return false;
    return rule(manager, actor, file);
  }
}
