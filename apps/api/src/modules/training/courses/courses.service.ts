// Courses (人材育成, DESIGN.md capability 5): authoring by trainers for their own organisation
// (the course, its ordered modules, materials and quizzes, the life cycle COURSE_TRANSITIONS),
// the catalogue and reading one course. Every mutation is one transaction in the actor's
// network: a refused change leaves no row behind.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { COURSE_STATUSES, COURSE_TRANSITIONS, LocalizedText, localizedText as text, materialFormatOf, normalizeForSearch } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../../core/auth/actor';
import { recordAudit } from '../../../core/audit/audit-log';
import { assertCan, notFound } from '../../../core/authz/authorize';
import { ownFile } from '../../../core/files/own-file';
import { Conditions } from '../../../core/database/conditions';
import { oneOrNotFound, queryRows } from '../../../core/database/returning';
import { AppError } from '../../../core/graphql/app-error';
import { addKeysetCondition, decodeCursor, Page, pageSize, toPage } from '../../../core/graphql/pagination';
import { searchReadingOrNull } from '../../../core/search/japanese-reading';
import { SearchReadings } from '../../../core/search/search-readings';
import { runInTenant } from '../../../core/tenancy/tenant-transaction';
import { Clock } from '../../../core/time/clock';
import type { Course } from './course.model';
import {
  COURSE_SEARCH_COLUMNS,
  courseSearchSource,
  missingCourseReadings,
  CourseFields,
  invalid,
  validateCourseFields,
  validateMaterialFields,
  validateModuleFields,
  validateQuizFields,
} from './course-fields';
import { COURSE_COLUMNS, COURSE_FROM, CourseReader, CourseRow, toCourse, visibleCourses } from './course-reader';
import type { CourseInput, CourseMaterialInput, CourseModuleInput, CourseSearchInput, QuizInput } from './dto/courses.input';
import { requireId, usableIds } from '../../../core/graphql/ids';
import { addKeywordConditions, searchTerms } from '../../../core/database/keyword-search';
import { closePositionGaps, COURSE_MODULES, MODULE_MATERIALS, reorderPositions } from './positioned-lists';

export const COURSE = { ja: '講座', en: 'course' };
const MODULE = { ja: '単元', en: 'module' };
const MATERIAL = { ja: '教材', en: 'material' };

/** Upload purposes of training files (core/files/file-purposes.ts), compared as text. */
const TRAINING_MATERIAL_PURPOSE = 'TRAINING_MATERIAL';
const COURSE_COVER_PURPOSE = 'COURSE_COVER';

export type CourseTransition = keyof typeof COURSE_TRANSITIONS;

/**
 * The values of a course's own columns, in the order create and update write them: title,
 * summary, estimated_minutes, cover_file_id, audience_all, audience_roles,
 * audience_organization_ids, visibility.
 */
function courseColumnValues(fields: CourseFields): unknown[] {
  return [
    fields.title,
    fields.summary,
    fields.estimatedMinutes,
    fields.coverFileId,
    fields.audienceAll,
    fields.audienceRoles,
    fields.audienceOrganizationIds,
    fields.visibility,
  ];
}

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reader: CourseReader,
    readings: SearchReadings,
  ) {
    readings.register('courses', missingCourseReadings);
  }

  // --- reading ---------------------------------------------------------------------------------

  get(actor: RequestActor, id: string): Promise<Course> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const [course] = await this.reader.byIds(manager, actor, [id]);
      if (!course) throw notFound(COURSE);
      return course;
    });
  }

  /**
   * The catalogue: courses the actor may see, newest published first (drafts, which have no
   * publication date, by creation), keyset-paginated. Default: published ones; `mine`: the
   * actor's organisation's courses in every status they may see.
   */
  search(actor: RequestActor, input: CourseSearchInput, first?: number | null, after?: string | null): Promise<Page<Course>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const where = new Conditions();
    where.add(visibleCourses(where, actor));
    if (input.mine) where.add(`c.tenant_id = ${where.param(actor.tenantId)} AND c.organization_id = ${where.param(actor.organizationId)}`);
    if (input.status) where.add(`c.status = ${where.param(input.status)}`);
    else if (!input.mine) where.add(`c.status = 'PUBLISHED'`);
    addKeywordConditions(where, 'c', searchTerms(input.keyword));
    // Published courses always have a publication date, so the plain column (and its index)
    // serves when only they are listed; drafts fall back to their creation time.
    const onlyPublished = input.status === 'PUBLISHED' || (!input.status && !input.mine);
    const sortKey = onlyPublished ? `c.published_at` : `coalesce(c.published_at, c.created_at)`;
    addKeysetCondition(where, cursor, sortKey, 'c.id', 'timestamptz');
    where.params.push(size + 1);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows: Array<CourseRow & { sort_key: string }> = await manager.query(
        `SELECT ${COURSE_COLUMNS}, ${sortKey}::text AS sort_key FROM ${COURSE_FROM}
          WHERE ${where.sql} ORDER BY ${sortKey} DESC, c.id DESC LIMIT $${where.params.length}`,
        where.params,
      );
      const page = toPage(rows, size, (row) => ({ key: row.sort_key, id: row.id }));
      return { ...page, nodes: page.nodes.map((row) => toCourse(actor, row)) };
    });
  }

  // --- the course --------------------------------------------------------------------------------

  create(actor: RequestActor, input: CourseInput): Promise<Course> {
    assertCan(actor, 'create', { __typename: 'Course', organizationId: actor.organizationId });
    const fields = validateCourseFields(input);
    return runInTenant(this.dataSource, actor, async (manager) => {
      await this.checkCourseReferences(manager, actor, fields);
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO courses (tenant_id, organization_id, created_by_membership_id, title, summary, estimated_minutes, cover_file_id,
                              audience_all, audience_roles, audience_organization_ids, visibility)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [actor.tenantId, actor.organizationId, actor.membershipId, ...courseColumnValues(fields)],
      );
      await this.refreshSearch(manager, actor, id);
      await recordAudit(manager, actor, { entity: 'Course', entityId: id, action: 'CREATED', changedFields: Object.keys(fields) });
      return this.present(manager, actor, id);
    });
  }

  update(actor: RequestActor, id: string, input: CourseInput): Promise<Course> {
    const fields = validateCourseFields(input);
    return this.edit(actor, id, 'UPDATED', Object.keys(fields), async (manager) => {
      await this.checkCourseReferences(manager, actor, fields);
      await manager.query(
        `UPDATE courses SET title = $3, summary = $4, estimated_minutes = $5, cover_file_id = $6, audience_all = $7,
                audience_roles = $8, audience_organization_ids = $9, visibility = $10
          WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, id, ...courseColumnValues(fields)],
      );
      await this.refreshSearch(manager, actor, id);
    });
  }

  /** PUBLISH, ARCHIVE or UNARCHIVE; CONFLICT when the course is not in a status it moves from. */
  transition(actor: RequestActor, id: string, move: CourseTransition): Promise<Course> {
    const { from, to } = COURSE_TRANSITIONS[move];
    const action = move === 'PUBLISH' ? 'PUBLISHED' : move === 'ARCHIVE' ? 'ARCHIVED' : 'UNARCHIVED';
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.loadEditable(manager, actor, id, { anyStatus: true });
      if (!from.includes(current.status)) {
        const label = COURSE_STATUSES.labels[current.status];
        throw new AppError(
          'CONFLICT',
          text(`この講座は「${label.ja}」のため、この操作はできません。`, `This course is ${label.en.toLowerCase()}, so this cannot be done.`),
          { reason: 'COURSE_STATUS' },
        );
      }
      await manager.query(
        `UPDATE courses SET status = $3, published_at = CASE WHEN $3 = 'PUBLISHED' THEN $4::timestamptz ELSE published_at END
          WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, id, to, this.clock.now()],
      );
      if (to === 'PUBLISHED') await this.assertPublishable(manager, actor, id);
      await recordAudit(manager, actor, { entity: 'Course', entityId: id, action: action, changedFields: ['status'] });
      return this.present(manager, actor, id);
    });
  }

  // --- modules -------------------------------------------------------------------------------------

  addModule(actor: RequestActor, courseId: string, input: CourseModuleInput): Promise<Course> {
    const fields = validateModuleFields(input);
    return this.edit(actor, courseId, 'MODULE_ADDED', ['modules'], async (manager) => {
      await manager.query(
        `INSERT INTO course_modules (tenant_id, course_id, position, title, description, required)
         VALUES ($1, $2, (SELECT coalesce(max(position) + 1, 0) FROM course_modules WHERE tenant_id = $1 AND course_id = $2), $3, $4, $5)`,
        [actor.tenantId, courseId, fields.title, fields.description, fields.required],
      );
      await this.refreshSearch(manager, actor, courseId);
    });
  }

  async updateModule(actor: RequestActor, moduleId: string, input: CourseModuleInput): Promise<Course> {
    const fields = validateModuleFields(input);
    return this.editModule(actor, moduleId, 'MODULE_UPDATED', async (manager, courseId) => {
      await manager.query(`UPDATE course_modules SET title = $3, description = $4, required = $5 WHERE tenant_id = $1 AND id = $2`, [
        actor.tenantId,
        moduleId,
        fields.title,
        fields.description,
        fields.required,
      ]);
      await this.refreshSearch(manager, actor, courseId);
    });
  }

  removeModule(actor: RequestActor, moduleId: string): Promise<Course> {
    return this.editModule(actor, moduleId, 'MODULE_REMOVED', async (manager, courseId) => {
      await manager.query(`DELETE FROM course_modules WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, moduleId]);
      await closePositionGaps(manager, COURSE_MODULES, actor.tenantId, courseId);
      await this.refreshSearch(manager, actor, courseId);
    });
  }

  reorderModules(actor: RequestActor, courseId: string, moduleIds: readonly string[]): Promise<Course> {
    return this.edit(actor, courseId, 'MODULES_REORDERED', ['modules'], (manager) =>
      reorderPositions(manager, COURSE_MODULES, actor.tenantId, courseId, moduleIds),
    );
  }

  // --- materials ---------------------------------------------------------------------------------

  addMaterial(actor: RequestActor, moduleId: string, input: CourseMaterialInput): Promise<Course> {
    const fields = validateMaterialFields(input);
    return this.editModule(actor, moduleId, 'MATERIAL_ADDED', async (manager, courseId) => {
      const { format, fileId, url } = await this.materialSource(manager, actor, fields.source);
      await manager.query(
        `INSERT INTO course_materials (tenant_id, course_id, module_id, position, title, format, file_id, url)
         VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM course_materials WHERE tenant_id = $1 AND module_id = $3), $4, $5, $6, $7)`,
        [actor.tenantId, courseId, moduleId, fields.title, format, fileId, url],
      );
    });
  }

  updateMaterial(actor: RequestActor, materialId: string, input: CourseMaterialInput): Promise<Course> {
    const fields = validateMaterialFields(input);
    return this.editMaterial(actor, materialId, 'MATERIAL_UPDATED', async (manager) => {
      const { format, fileId, url } = await this.materialSource(manager, actor, fields.source);
      await manager.query(`UPDATE course_materials SET title = $3, format = $4, file_id = $5, url = $6 WHERE tenant_id = $1 AND id = $2`, [
        actor.tenantId,
        materialId,
        fields.title,
        format,
        fileId,
        url,
      ]);
    });
  }

  removeMaterial(actor: RequestActor, materialId: string): Promise<Course> {
    return this.editMaterial(actor, materialId, 'MATERIAL_REMOVED', async (manager, moduleId) => {
      await manager.query(`DELETE FROM course_materials WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, materialId]);
      await closePositionGaps(manager, MODULE_MATERIALS, actor.tenantId, moduleId);
    });
  }

  reorderMaterials(actor: RequestActor, moduleId: string, materialIds: readonly string[]): Promise<Course> {
    return this.editModule(actor, moduleId, 'MATERIALS_REORDERED', (manager) =>
      reorderPositions(manager, MODULE_MATERIALS, actor.tenantId, moduleId, materialIds),
    );
  }

  // --- quizzes -----------------------------------------------------------------------------------

  /** Replaces a module's whole quiz. Attempts already taken keep their scores. */
  setQuiz(actor: RequestActor, moduleId: string, input: QuizInput): Promise<Course> {
    const fields = validateQuizFields(input);
    return this.editModule(actor, moduleId, 'QUIZ_SET', async (manager, courseId) => {
      await manager.query(`UPDATE course_modules SET quiz_pass_mark_percent = $3, quiz_max_attempts = $4 WHERE tenant_id = $1 AND id = $2`, [
        actor.tenantId,
        moduleId,
        fields.passMarkPercent,
        fields.maxAttempts,
      ]);
      await manager.query(`DELETE FROM quiz_questions WHERE tenant_id = $1 AND module_id = $2`, [actor.tenantId, moduleId]);
      await manager.query(
        `INSERT INTO quiz_questions (tenant_id, course_id, module_id, position, prompt, kind, choices, correct_choices)
         SELECT $1, $2, $3, (q.ordinality - 1)::int, q.value->>'prompt', q.value->>'kind',
                ARRAY(SELECT jsonb_array_elements_text(q.value->'choices')),
                ARRAY(SELECT jsonb_array_elements_text(q.value->'correctChoices')::int)
           FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS q(value, ordinality)`,
        [actor.tenantId, courseId, moduleId, JSON.stringify(fields.questions)],
      );
    });
  }

  removeQuiz(actor: RequestActor, moduleId: string): Promise<Course> {
    return this.editModule(actor, moduleId, 'QUIZ_REMOVED', async (manager) => {
      await manager.query(`DELETE FROM quiz_questions WHERE tenant_id = $1 AND module_id = $2`, [actor.tenantId, moduleId]);
      await manager.query(`UPDATE course_modules SET quiz_pass_mark_percent = NULL, quiz_max_attempts = NULL WHERE tenant_id = $1 AND id = $2`, [
        actor.tenantId,
        moduleId,
      ]);
    });
  }

  // --- shared steps --------------------------------------------------------------------------------

  /**
   * Runs `change` on a course the actor may edit (draft or published, locked), then checks a
   * published course is still publishable, records the audit entry and returns the course.
   */
  private edit(
    actor: RequestActor,
    courseId: string,
    action: string,
    changedFields: string[],
    change: (manager: EntityManager, current: CourseRow) => Promise<void>,
  ): Promise<Course> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const current = await this.loadEditable(manager, actor, courseId);
      await change(manager, current);
      if (current.status === 'PUBLISHED') await this.assertPublishable(manager, actor, courseId);
      await recordAudit(manager, actor, { entity: 'Course', entityId: courseId, action: action, changedFields: changedFields });
      this.reader.forget(actor, courseId);
      return this.present(manager, actor, courseId);
    });
  }

  private async editModule(
    actor: RequestActor,
    moduleId: string,
    action: string,
    change: (manager: EntityManager, courseId: string) => Promise<void>,
  ): Promise<Course> {
    const courseId = await this.courseOf(actor, 'course_modules', moduleId, MODULE);
    return this.edit(actor, courseId, action, ['modules'], async (manager) => {
      // Still there once the course is locked (a parallel removal wins otherwise).
      await oneOrNotFound(manager, `SELECT 1 FROM course_modules WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, moduleId], MODULE);
      await change(manager, courseId);
    });
  }

  private async editMaterial(
    actor: RequestActor,
    materialId: string,
    action: string,
    change: (manager: EntityManager, moduleId: string) => Promise<void>,
  ): Promise<Course> {
    const courseId = await this.courseOf(actor, 'course_materials', materialId, MATERIAL);
    return this.edit(actor, courseId, action, ['materials'], async (manager) => {
      const material = await oneOrNotFound<{ module_id: string }>(
        manager,
        `SELECT module_id FROM course_materials WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, materialId],
        MATERIAL,
      );
      await change(manager, material.module_id);
    });
  }

  /** The course a module or material belongs to, if it is in the actor's network (NOT_FOUND otherwise). */
  private async courseOf(actor: RequestActor, table: 'course_modules' | 'course_materials', id: string, what: LocalizedText): Promise<string> {
    requireId(id, what);
    const row = await runInTenant(this.dataSource, actor, (manager) =>
      oneOrNotFound<{ course_id: string }>(manager, `SELECT course_id FROM ${table} WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, id], what),
    );
    return row.course_id;
  }

  /**
   * A course of the actor's network that the actor may edit, locked: one they may not see is
   * NOT_FOUND (drafts of others included); one they see but do not author is FORBIDDEN. Only
   * draft and published courses change (archived ones are unarchived first) unless `anyStatus`.
   */
  private async loadEditable(manager: EntityManager, actor: RequestActor, id: string, options: { anyStatus?: boolean } = {}): Promise<CourseRow> {
    requireId(id, COURSE);
    const [visible] = await this.reader.byIds(manager, actor, [id]);
    if (!visible || visible.tenantId !== actor.tenantId) throw notFound(COURSE);
    assertCan(actor, 'update', { __typename: 'Course', organizationId: visible.organizationId });
    const row = await oneOrNotFound<CourseRow>(
      manager,
      `SELECT ${COURSE_COLUMNS} FROM ${COURSE_FROM} WHERE c.tenant_id = $1 AND c.id = $2 FOR UPDATE OF c`,
      [actor.tenantId, id],
      COURSE,
    );
    if (!options.anyStatus && row.status === 'ARCHIVED') {
      throw new AppError(
        'CONFLICT',
        text('アーカイブした講座は編集できません。先にアーカイブを解除してください。', 'An archived course cannot be edited. Unarchive it first.'),
        { reason: 'COURSE_STATUS' },
      );
    }
    return row;
  }

  private async present(manager: EntityManager, actor: RequestActor, id: string): Promise<Course> {
    const [course] = await this.reader.byIds(manager, actor, [id], { anyStatus: true });
    if (!course) throw notFound(COURSE);
    return course;
  }

  /** The cover image and the audience organisations must be my organisation's and my network's. */
  private async checkCourseReferences(manager: EntityManager, actor: RequestActor, fields: CourseFields): Promise<void> {
    if (fields.coverFileId !== null) {
      const file = await ownFile(manager, actor, fields.coverFileId);
      if (file.purpose !== COURSE_COVER_PURPOSE || !file.mediaType.startsWith('image/')) {
        throw invalid('INVALID_COVER_FILE', {
          coverFileId: text('表紙には「講座の表紙」としてアップロードした画像を指定してください。', 'Use an image uploaded as a course cover.'),
        });
      }
    }
    if (fields.audienceOrganizationIds.length > 0) {
      const ids = usableIds(fields.audienceOrganizationIds);
      const found: Array<{ id: string }> = ids.length
        ? await manager.query(`SELECT id FROM organizations WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [actor.tenantId, ids])
        : [];
      if (found.length !== fields.audienceOrganizationIds.length) {
        throw invalid('UNKNOWN_AUDIENCE_ORGANIZATION', {
          audienceOrganizationIds: text('対象の団体は、このネットワークの団体から選んでください。', 'Choose audience organisations of this network.'),
        });
      }
    }
  }

  private async materialSource(
    manager: EntityManager,
    actor: RequestActor,
    source: ReturnType<typeof validateMaterialFields>['source'],
  ): Promise<{ format: string; fileId: string | null; url: string | null }> {
    if (source.kind === 'LINK') return { format: 'LINK', fileId: null, url: source.url };
    const file = await ownFile(manager, actor, source.fileId);
    if (file.purpose !== TRAINING_MATERIAL_PURPOSE) {
      throw invalid('WRONG_FILE_PURPOSE', {
        fileId: text('教材には「研修教材」としてアップロードしたファイルを指定してください。', 'Use a file uploaded as a training material.'),
      });
    }
    return { format: materialFormatOf(file.mediaType), fileId: source.fileId, url: null };
  }

  /** A published course has modules, an audience and no empty quiz (BAD_USER_INPUT with the reason). */
  private async assertPublishable(manager: EntityManager, actor: RequestActor, id: string): Promise<void> {
    const [state]: Array<{ modules: number; empty_quizzes: number; audience: boolean }> = await manager.query(
      `SELECT (SELECT count(*)::int FROM course_modules m WHERE m.tenant_id = c.tenant_id AND m.course_id = c.id) AS modules,
              (SELECT count(*)::int FROM course_modules m
                WHERE m.tenant_id = c.tenant_id AND m.course_id = c.id AND m.quiz_pass_mark_percent IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM quiz_questions q WHERE q.tenant_id = m.tenant_id AND q.module_id = m.id)) AS empty_quizzes,
              (c.audience_all OR cardinality(c.audience_roles) > 0 OR cardinality(c.audience_organization_ids) > 0 OR c.visibility = 'PUBLIC') AS audience
         FROM courses c WHERE c.tenant_id = $1 AND c.id = $2`,
      [actor.tenantId, id],
    );
    if (state.modules === 0) {
      throw invalid('COURSE_HAS_NO_MODULES', {
        modules: text('公開中の講座には単元が1つ以上必要です。単元を追加してください。', 'A published course needs at least one module. Add a module.'),
      });
    }
    if (!state.audience) {
      throw invalid('COURSE_HAS_NO_AUDIENCE', {
        audience: text(
          '受講対象（ネットワーク全体、役割、団体のいずれか）を選ぶか、すべてのネットワークに公開してください。',
          'Choose an audience (the whole network, roles or organisations), or make the course public to all networks.',
        ),
      });
    }
    if (state.empty_quizzes > 0) {
      throw invalid('QUIZ_HAS_NO_QUESTIONS', { quiz: text('問題のない小テストがあります。問題を追加するか小テストを外してください。', 'A quiz has no questions. Add questions or remove the quiz.') });
    }
  }

  /** Keeps the search document (title, summary, module titles) and its reading current (the bigrams follow). */
  private async refreshSearch(manager: EntityManager, actor: RequestActor, id: string): Promise<void> {
    const [course]: Array<{ title: string; summary: string; module_titles: string[] }> = await manager.query(
      `SELECT ${COURSE_SEARCH_COLUMNS} FROM courses c WHERE c.tenant_id = $1 AND c.id = $2`,
      [actor.tenantId, id],
    );
    const source = courseSearchSource(course.title, course.summary, course.module_titles);
    await manager.query(`UPDATE courses SET search_document = $3, search_reading = $4 WHERE tenant_id = $1 AND id = $2`, [
      actor.tenantId,
      id,
      normalizeForSearch(source),
      await searchReadingOrNull(source),
    ]);
  }
}
