// Who may read a course's material or cover: whoever may read a course it belongs to, by the
// condition the catalogue uses (course-reader.ts visibleCourses, libs/domain maySeeCourse) — the
// owning organisation's trainers in every status, otherwise a published course whose audience the
// member is in (everyone when public) — and a learner enrolled in it (who keeps an archived
// course). A file not attached yet: its uploader's organisation.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../../core/auth/actor';
import type { FileForAccess } from '../../../core/files/file-access';
import { readableThroughHolders, RecordFileAccess } from '../../../core/files/record-file-access';
import { visibleCourses } from './course-reader';

export const COURSE_FILE_PURPOSES = ['TRAINING_MATERIAL', 'COURSE_COVER'] as const;

@Injectable()
export class CourseFileAccess extends RecordFileAccess {
  protected readonly purposes = COURSE_FILE_PURPOSES;

  mayRead(manager: EntityManager, actor: RequestActor, file: FileForAccess): Promise<boolean> {
    return readableThroughHolders(manager, actor, file, (where, attached) => {
      const visible = visibleCourses(where, actor);
      const enrolled = `EXISTS (SELECT 1 FROM course_enrolments e
                                 WHERE e.tenant_id = ${where.param(actor.tenantId)} AND e.membership_id = ${where.param(actor.membershipId)}
                                   AND e.course_tenant_id = c.tenant_id AND e.course_id = c.id)`;
      return {
        from: `FROM courses c
              WHERE c.tenant_id = ${attached.tenant}
                AND (c.cover_file_id = ${attached.id}
                     OR EXISTS (SELECT 1 FROM course_materials m WHERE m.tenant_id = c.tenant_id AND m.course_id = c.id AND m.file_id = ${attached.id}))`,
        readable: `${visible} OR ${enrolled}`,
      };
    });
  }
}
