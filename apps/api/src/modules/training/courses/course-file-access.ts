// Who may read a course's material or cover: whoever may read a course it belongs to, by the
// condition the catalogue uses (course-reader.ts visibleCourses, libs/domain maySeeCourse) — the
// owning organisation's trainers in every status, otherwise a published course whose audience the
// member is in (everyone when public) — and a learner enrolled in it (who keeps an archived
// course). A file not attached yet: its uploader's organisation.
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../../core/auth/actor';
import { Conditions } from '../../../core/database/conditions';
import { FileForAccess, uploadedByOwnOrganization } from '../../../core/files/file-access';
import { FilesService } from '../../../core/files/files.service';
import { visibleCourses } from './course-reader';

export const COURSE_FILE_PURPOSES = ['TRAINING_MATERIAL', 'COURSE_COVER'] as const;

@Injectable()
export class CourseFileAccess implements OnModuleInit {
  constructor(private readonly files: FilesService) {}

  onModuleInit(): void {
    for (const purpose of COURSE_FILE_PURPOSES) {
      this.files.registerAccessRule(purpose, (manager, actor, file) => this.mayRead(manager, actor, file));
    }
  }

  async mayRead(manager: EntityManager, actor: RequestActor, file: FileForAccess): Promise<boolean> {
    const where = new Conditions();
    const tenant = where.param(file.tenantId);
    const fileId = where.param(file.id);
    const visible = visibleCourses(where, actor);
    const enrolled = `EXISTS (SELECT 1 FROM course_enrolments e
                               WHERE e.tenant_id = ${where.param(actor.tenantId)} AND e.membership_id = ${where.param(actor.membershipId)}
                                 AND e.course_tenant_id = c.tenant_id AND e.course_id = c.id)`;
    const [row]: Array<{ attached: boolean; readable: boolean }> = await manager.query(
      `SELECT count(*) > 0 AS attached, coalesce(bool_or(${visible} OR ${enrolled}), false) AS readable
         FROM courses c
        WHERE c.tenant_id = ${tenant}
          AND (c.cover_file_id = ${fileId}
               OR EXISTS (SELECT 1 FROM course_materials m WHERE m.tenant_id = c.tenant_id AND m.course_id = c.id AND m.file_id = ${fileId}))`,
      where.params,
    );
    return row.attached ? row.readable : uploadedByOwnOrganization(actor, file);
  }
}
