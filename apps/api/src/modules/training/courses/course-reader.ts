// Reads courses as one member sees them. A course row comes with its publisher (in the member's
// own network), cover file and module count in one statement; the module tree (modules,
// materials with their files, quiz questions) is read for a whole page of courses in three
// statements, only when asked for; another network's publisher is named in that network,
// once per network and page. Other training modules load courses through CourseReader too.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CourseStatus,
  CourseVisibility,
  isInAudience,
  mayAuthorCourses,
  MaterialFormat,
  QuestionKind,
  Role,
} from '@tsunagu/domain';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../../core/auth/actor';
import { Conditions } from '../../../core/database/conditions';
import { runInTenant } from '../../../core/tenancy/tenant-transaction';
import type { Course, CourseModule, CoursePublisher, TrainingFile } from './course.model';
import { usableIds } from '../../../core/graphql/ids';

/** Columns of a course row as the reader wants them. */
export const COURSE_COLUMNS = `c.tenant_id, c.id, c.organization_id, o.name AS organization_name, n.name AS network_name,
  c.title, c.summary, c.estimated_minutes, c.audience_all, c.audience_roles, c.audience_organization_ids, c.visibility,
  c.status, c.published_at, c.created_at,
  cf.id AS cover_file_id, cf.file_name AS cover_file_name, cf.media_type AS cover_media_type, cf.byte_size::float8 AS cover_byte_size,
  (SELECT count(*)::int FROM course_modules cm WHERE cm.tenant_id = c.tenant_id AND cm.course_id = c.id) AS module_count`;

/**
 * FROM clause for COURSE_COLUMNS. The organisation and network are readable in the member's own
 * network only (another network's publisher is named by CourseReader.publisher).
 */
export const COURSE_FROM = `courses c
  LEFT JOIN organizations o ON o.tenant_id = c.tenant_id AND o.id = c.organization_id
  LEFT JOIN networks n ON n.id = c.tenant_id AND n.id = o.tenant_id
  LEFT JOIN files cf ON cf.tenant_id = c.tenant_id AND cf.id = c.cover_file_id`;

export interface CourseRow {
  tenant_id: string;
  id: string;
  organization_id: string;
  organization_name: string | null;
  network_name: string | null;
  title: string;
  summary: string;
  estimated_minutes: number | null;
  audience_all: boolean;
  audience_roles: Role[];
  audience_organization_ids: string[];
  visibility: CourseVisibility;
  status: CourseStatus;
  published_at: Date | null;
  created_at: Date;
  cover_file_id: string | null;
  cover_file_name: string | null;
  cover_media_type: string | null;
  cover_byte_size: number | null;
  module_count: number;
}

/** Who is looking (a RequestActor is one). */
export interface CourseViewer {
  readonly tenantId: string;
  readonly organizationId: string;
  readonly roles: readonly Role[];
}

/**
 * The courses a member may see (libs/domain maySeeCourse, in SQL): their own organisation's in
 * every status when they are its trainer; otherwise published ones whose audience they are in —
 * everyone when public (in any network), else in their network by the whole network, a role or
 * their organisation. Row-level security already keeps other networks' non-public courses out.
 */
export function visibleCourses(where: Conditions, viewer: CourseViewer, alias = 'c'): string {
  const tenant = where.param(viewer.tenantId);
  const organization = where.param(viewer.organizationId);
  const roles = where.param([...viewer.roles]);
  const own = mayAuthorCourses(viewer.roles) ? `(${alias}.tenant_id = ${tenant} AND ${alias}.organization_id = ${organization}) OR ` : '';
  return `(${own}(${alias}.status = 'PUBLISHED' AND (
            (${alias}.tenant_id = ${tenant} AND (${alias}.audience_all OR ${alias}.audience_roles && ${roles}::text[]
                                                OR ${organization}::uuid = ANY(${alias}.audience_organization_ids)))
            OR ${alias}.visibility = 'PUBLIC')))`;
}

/** A course's trainers: trainers of the owning organisation, in its network. */
export function mayEditCourse(viewer: CourseViewer, course: { tenantId: string; organizationId: string }): boolean {
  return course.tenantId === viewer.tenantId && course.organizationId === viewer.organizationId && mayAuthorCourses(viewer.roles);
}

/** A module with everything in it, answers included: for scoring and for presenting. */
export interface ModuleTree {
  readonly id: string;
  readonly courseId: string;
  readonly position: number;
  readonly title: string;
  readonly description: string;
  readonly required: boolean;
  readonly quizPassMarkPercent: number | null;
  readonly quizMaxAttempts: number | null;
  readonly materials: ReadonlyArray<{
    readonly id: string;
    readonly position: number;
    readonly title: string;
    readonly format: MaterialFormat;
    readonly file: TrainingFile | null;
    readonly url: string | null;
  }>;
  readonly questions: ReadonlyArray<{
    readonly id: string;
    readonly position: number;
    readonly prompt: string;
    readonly kind: QuestionKind;
    readonly choices: string[];
    readonly correctChoices: number[];
  }>;
}

export function toCourse(viewer: CourseViewer, row: CourseRow): Course {
  const inMyNetwork = row.tenant_id === viewer.tenantId;
  const reach = {
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    status: row.status,
    visibility: row.visibility,
    audienceAll: row.audience_all,
    audienceRoles: row.audience_roles,
    audienceOrganizationIds: row.audience_organization_ids,
  };
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    estimatedMinutes: row.estimated_minutes,
    coverFile: trainingFile(row.cover_file_id, row.cover_file_name, row.cover_media_type, row.cover_byte_size),
    audienceAll: row.audience_all,
    audienceRoles: row.audience_roles,
    // Another network's organisation ids mean nothing to the member and are not theirs to see.
    audienceOrganizationIds: inMyNetwork ? row.audience_organization_ids : [],
    visibility: row.visibility,
    status: row.status,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    mayEdit: mayEditCourse(viewer, reach),
    inAudience: row.status === 'PUBLISHED' && isInAudience(reach, { tenantId: viewer.tenantId, organizationId: viewer.organizationId, roles: viewer.roles }),
    moduleCount: row.module_count,
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    knownPublisher:
      inMyNetwork && row.organization_name !== null && row.network_name !== null
        ? { organizationId: row.organization_id, name: row.organization_name, networkName: row.network_name }
        : null,
  };
}

/** The modules as a member sees them: answers only for the course's editors. */
export function presentModules(trees: readonly ModuleTree[], mayEdit: boolean): CourseModule[] {
  return trees.map((tree) => ({
    id: tree.id,
    position: tree.position,
    title: tree.title,
    description: tree.description,
    required: tree.required,
    materials: tree.materials.map((material) => ({ ...material, file: material.file ? { ...material.file } : null })),
    quiz:
      tree.quizPassMarkPercent === null
        ? null
        : {
            passMarkPercent: tree.quizPassMarkPercent,
            maxAttempts: tree.quizMaxAttempts,
            questions: tree.questions.map((question) => ({
              id: question.id,
              position: question.position,
              prompt: question.prompt,
              kind: question.kind,
              choices: [...question.choices],
              correctChoices: mayEdit ? [...question.correctChoices] : null,
            })),
          },
  }));
}

interface RequestLoaders {
  readonly modules: DataLoader<Course, ModuleTree[], string>;
  readonly publishers: DataLoader<string, CoursePublisher>;
}

@Injectable()
export class CourseReader {
  /** Loaders of one request (the actor object lives as long as the request). */
  private readonly loaders = new WeakMap<RequestActor, RequestLoaders>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Courses by id that the actor may see, in the given order (ids not found, not UUIDs or not
   * visible are left out), inside the caller's transaction in the actor's network. With
   * `anyStatus`, every course the actor's network can read is returned whatever its status and
   * audience — for callers that have their own reason to show it (an enrolment in an archived
   * course); mayEdit and inAudience are still the actor's.
   */
  async byIds(manager: EntityManager, actor: CourseViewer, ids: readonly string[], options: { anyStatus?: boolean } = {}): Promise<Course[]> {
    const wanted = usableIds(ids);
    if (wanted.length === 0) return [];
    const where = new Conditions();
    if (!options.anyStatus) where.add(visibleCourses(where, actor));
    where.add(`c.id = ANY(${where.param(wanted)}::uuid[])`);
    const rows: CourseRow[] = await manager.query(`SELECT ${COURSE_COLUMNS} FROM ${COURSE_FROM} WHERE ${where.sql}`, where.params);
    const byId = new Map(rows.map((row) => [row.id, toCourse(actor, row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** byIds in a transaction of its own, in the actor's network. */
  load(actor: RequestActor, ids: readonly string[], options: { anyStatus?: boolean } = {}): Promise<Course[]> {
    return runInTenant(this.dataSource, actor, (manager) => this.byIds(manager, actor, ids, options));
  }

  /**
   * The module trees of courses the caller already may read, answers included, ordered by
   * position: three statements however many courses and modules.
   */
  async trees(manager: EntityManager, courses: ReadonlyArray<{ readonly id: string; readonly tenantId: string }>): Promise<Map<string, ModuleTree[]>> {
    const result = new Map<string, ModuleTree[]>(courses.map((course) => [course.id, []]));
    if (courses.length === 0) return result;
    const ids = [...new Set(courses.map((course) => course.id))];
    const tenants = [...new Set(courses.map((course) => course.tenantId))];
    const modules: Array<{
      id: string;
      course_id: string;
      position: number;
      title: string;
      description: string;
      required: boolean;
      quiz_pass_mark_percent: number | null;
      quiz_max_attempts: number | null;
    }> = await manager.query(
      `SELECT id, course_id, position, title, description, required, quiz_pass_mark_percent, quiz_max_attempts
         FROM course_modules WHERE tenant_id = ANY($2::uuid[]) AND course_id = ANY($1::uuid[]) ORDER BY course_id, position, id`,
      [ids, tenants],
    );
    const materials: Array<{
      id: string;
      module_id: string;
      position: number;
      title: string;
      format: MaterialFormat;
      url: string | null;
      file_id: string | null;
      file_name: string | null;
      media_type: string | null;
      byte_size: number | null;
    }> = await manager.query(
      `SELECT m.id, m.module_id, m.position, m.title, m.format, m.url,
              f.id AS file_id, f.file_name, f.media_type, f.byte_size::float8 AS byte_size
         FROM course_materials m LEFT JOIN files f ON f.tenant_id = m.tenant_id AND f.id = m.file_id
        WHERE m.tenant_id = ANY($2::uuid[]) AND m.course_id = ANY($1::uuid[]) ORDER BY m.module_id, m.position, m.id`,
      [ids, tenants],
    );
    const questions: Array<{
      id: string;
      module_id: string;
      position: number;
      prompt: string;
      kind: QuestionKind;
      choices: string[];
      correct_choices: number[];
    }> = await manager.query(
      `SELECT id, module_id, position, prompt, kind, choices, correct_choices
         FROM quiz_questions WHERE tenant_id = ANY($2::uuid[]) AND course_id = ANY($1::uuid[]) ORDER BY module_id, position, id`,
      [ids, tenants],
    );
    const materialsOf = groupBy(materials, (row) => row.module_id);
    const questionsOf = groupBy(questions, (row) => row.module_id);
    for (const row of modules) {
      result.get(row.course_id)?.push({
        id: row.id,
        courseId: row.course_id,
        position: row.position,
        title: row.title,
        description: row.description,
        required: row.required,
        quizPassMarkPercent: row.quiz_pass_mark_percent,
        quizMaxAttempts: row.quiz_max_attempts,
        materials: (materialsOf.get(row.id) ?? []).map((material) => ({
          id: material.id,
          position: material.position,
          title: material.title,
          format: material.format,
          url: material.url,
          file: trainingFile(material.file_id, material.file_name, material.media_type, material.byte_size),
        })),
        questions: (questionsOf.get(row.id) ?? []).map((question) => ({
          id: question.id,
          position: question.position,
          prompt: question.prompt,
          kind: question.kind,
          choices: question.choices,
          correctChoices: question.correct_choices,
        })),
      });
    }
    return result;
  }

  /** A course's modules as the actor sees them, batched with every other course of the request. */
  async modules(actor: RequestActor, course: Course): Promise<CourseModule[]> {
    return presentModules(await this.loadersOf(actor).modules.load(course), course.mayEdit);
  }

  /** The publisher of a course; another network's is read in that network, batched per request. */
  async publisher(actor: RequestActor, course: Course): Promise<CoursePublisher> {
    if (course.knownPublisher) return course.knownPublisher;
    return this.loadersOf(actor).publishers.load(`${course.tenantId}|${course.organizationId}`);
  }

  /** Drops what this request read of a course, after a mutation changed it. */
  forget(actor: RequestActor, courseId: string): void {
    this.loaders.get(actor)?.modules.clear({ id: courseId } as Course);
  }

  private loadersOf(actor: RequestActor): RequestLoaders {
    let loaders = this.loaders.get(actor);
    if (!loaders) {
      loaders = {
        modules: new DataLoader(
          async (courses: readonly Course[]) => {
            const trees = await runInTenant(this.dataSource, actor, (manager) => this.trees(manager, courses));
            return courses.map((course) => trees.get(course.id) ?? []);
          },
          { cacheKeyFn: (course) => course.id },
        ),
        publishers: new DataLoader(async (keys: readonly string[]) => {
          const names = await this.publishersIn(keys.map((key) => key.split('|') as [string, string]));
          return keys.map((key) => {
            const [tenantId, organizationId] = key.split('|');
            return names.get(`${tenantId}|${organizationId}`) ?? { organizationId, name: '', networkName: '' };
          });
        }),
      };
      this.loaders.set(actor, loaders);
    }
    return loaders;
  }

  /**
   * Names of organisations (and their networks) that publish courses. Organisations are
   * readable only within their own network, so this reads in each publisher's network, in a
   * transaction of its own — and only organisations with a public published course there (or,
   * for the member's own network, any: the member reads those anyway).
   */
  private async publishersIn(pairs: Array<[string, string]>): Promise<Map<string, CoursePublisher>> {
    const byTenant = new Map<string, Set<string>>();
    for (const [tenantId, organizationId] of pairs) {
      const organizations = byTenant.get(tenantId) ?? new Set<string>();
      organizations.add(organizationId);
      byTenant.set(tenantId, organizations);
    }
    const names = new Map<string, CoursePublisher>();
    for (const [tenantId, organizationIds] of byTenant) {
      const found: Array<{ id: string; name: string; network_name: string }> = await runInTenant(this.dataSource, tenantId, (manager) =>
        manager.query(
          `SELECT o.id, o.name, n.name AS network_name FROM organizations o JOIN networks n ON n.id = o.tenant_id
            WHERE o.tenant_id = $1 AND o.id = ANY($2::uuid[])
              AND EXISTS (SELECT 1 FROM courses c WHERE c.tenant_id = o.tenant_id AND c.organization_id = o.id
                            AND c.visibility = 'PUBLIC' AND c.status = 'PUBLISHED')`,
          [tenantId, [...organizationIds]],
        ),
      );
      for (const row of found) names.set(`${tenantId}|${row.id}`, { organizationId: row.id, name: row.name, networkName: row.network_name });
    }
    return names;
  }
}

/** A course's cover or a material's file, from the joined file columns (all null: no file). */
function trainingFile(id: string | null, fileName: string | null, mediaType: string | null, byteSize: number | null): TrainingFile | null {
  return id && fileName && mediaType && byteSize !== null ? { id, fileName, mediaType, byteSize } : null;
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row)) ?? [];
    group.push(row);
    groups.set(keyOf(row), group);
  }
  return groups;
}
