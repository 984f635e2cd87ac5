// Who may open a partnership document: the partnership's two sides, as the ability says — the
// liaisons of its municipality and the members of its partner — and, for a document not (or no
// longer) attached, the liaisons of the municipality that uploaded it. Everyone else in the
// network gets NOT_FOUND from the download, like a file of another network.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { abilityFor } from '../../core/authz/authorize';
import type { FileForAccess } from '../../core/files/file-access';
import { RecordFileAccess } from '../../core/files/record-file-access';
import { partnershipSubject } from './partnership-reader';
import { PARTNERSHIP_DOCUMENT_PURPOSE } from './partnerships.service';

@Injectable()
export class PartnershipDocumentsAccess extends RecordFileAccess {
  protected readonly purposes = [PARTNERSHIP_DOCUMENT_PURPOSE] as const;

  async mayRead(manager: EntityManager, actor: RequestActor, file: FileForAccess): Promise<boolean> {
    // Partnerships never cross networks.
    if (file.tenantId !== actor.tenantId) return false;
    const ability = abilityFor(actor);
    if (ability.can('create', { __typename: 'Partnership', organizationId: file.organizationId, partnerOrganizationId: '' })) return true;
    const partnerships: Array<{ organization_id: string; partner_organization_id: string }> = await manager.query(
      `SELECT p.organization_id, p.partner_organization_id
         FROM partnership_documents d JOIN partnerships p ON p.tenant_id = d.tenant_id AND p.id = d.partnership_id
        WHERE d.tenant_id = $1 AND d.file_id = $2`,
      [actor.tenantId, file.id],
    );
    return partnerships.some((row) => ability.can('read', partnershipSubject(row)));
  }
}
