// Enrolments as their learner sees them, a page at a time: the course structure (through
// CourseReader.trees, three statements), material marks, quiz attempts per module and
// certificates — each one statement for the whole page, never one per enrolment. The progress
// rules themselves are libs/domain's moduleRemaining / isCourseComplete; what is left to do is
// read from the same rule, so the page's explanation cannot disagree with the completion.
import { Injectable } from '@nestjs/common';
import { countedModuleIndexes, EnrolmentSource, isCourseComplete, moduleRemaining, ModuleProgressInput, modulesLeft } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../core/time/clock';
import { CourseReader, ModuleTree } from '../courses/course-reader';
import type { Certificate, Enrolment, ModuleProgress } from './learning.model';
import { camelized } from '../../../core/database/rows';

export const ENROLMENT_COLUMNS = `e.id, e.membership_id, e.course_tenant_id, e.course_id, e.source, e.due_at, e.created_at, e.completed_at`;

export interface EnrolmentRow {
  id: string;
  membership_id: string;
  course_tenant_id: string;
  course_id: string;
  source: EnrolmentSource;
  due_at: Date | null;
  created_at: Date;
  completed_at: Date | null;
}

export interface AttemptSummary {
  readonly used: number;
  readonly best: number | null;
  readonly passed: boolean;
}

interface CertificateRow {
  id: string;
  enrolment_id: string;
  code: string;
  learner_name: string;
  course_title: string;
  issuer_name: string;
  completed_at: Date;
}

export function certificateDownloadPath(id: string): string {
  return `/api/training/certificates/${id}/pdf`;
}

/** What the domain rules need of a module, for one learner. */
export function progressInputs(trees: readonly ModuleTree[], attempts: ReadonlyMap<string, AttemptSummary>): ModuleProgressInput[] {
  return trees.map((tree) => ({
    required: tree.required,
    materialIds: tree.materials.map((material) => material.id),
    quiz: tree.quizPassMarkPercent === null ? null : { passed: attempts.get(tree.id)?.passed ?? false },
  }));
}

/** Whether the course is complete now (libs/domain isCourseComplete). */
export function courseComplete(trees: readonly ModuleTree[], done: ReadonlySet<string>, attempts: ReadonlyMap<string, AttemptSummary>): boolean {
  return isCourseComplete(progressInputs(trees, attempts), done);
}

export function attemptsLeft(maxAttempts: number | null, used: number): number | null {
  return maxAttempts === null ? null : Math.max(0, maxAttempts - used);
}

/**
 * Per-module progress with what is left to do, the course percentage (complete modules among
 * those that count) and the counted modules not complete yet.
 */
export function progressOf(
  trees: readonly ModuleTree[],
  done: ReadonlySet<string>,
  attempts: ReadonlyMap<string, AttemptSummary>,
): { modules: ModuleProgress[]; progressPercent: number; modulesLeft: string[] } {
  const inputs = progressInputs(trees, attempts);
  const modules = trees.map((tree, index): ModuleProgress => {
    const summary = attempts.get(tree.id);
    const hasQuiz = tree.quizPassMarkPercent !== null;
    const left = moduleRemaining(inputs[index], done);
    return {
      moduleId: tree.id,
      complete: left.materialIds.length === 0 && !left.quiz,
      materialsLeft: [...left.materialIds],
      quizLeft: left.quiz,
      quizPassed: hasQuiz ? (summary?.passed ?? false) : null,
      attemptsUsed: summary?.used ?? 0,
      attemptsLeft: hasQuiz ? attemptsLeft(tree.quizMaxAttempts, summary?.used ?? 0) : null,
      bestScorePercent: summary?.best ?? null,
    };
  });
  const counted = countedModuleIndexes(inputs).length;
  const left = modulesLeft(inputs, done);
  return {
    modules,
    progressPercent: counted === 0 ? 0 : Math.floor(((counted - left.length) * 100) / counted),
    modulesLeft: left.map((index) => trees[index].id),
  };
}

@Injectable()
export class EnrolmentPresenter {
  constructor(
    private readonly courses: CourseReader,
    private readonly clock: Clock,
  ) {}

  /** The structures of the rows' courses (answers included: for scoring, never returned). */
  trees(manager: EntityManager, rows: readonly Pick<EnrolmentRow, 'course_id' | 'course_tenant_id'>[]): Promise<Map<string, ModuleTree[]>> {
    return this.courses.trees(
      manager,
      rows.map((row) => ({ id: row.course_id, tenantId: row.course_tenant_id })),
    );
  }

  /** Material marks of enrolments (of the learner's network `tenantId`), by enrolment. */
  async marks(manager: EntityManager, tenantId: string, enrolmentIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const rows: Array<{ enrolment_id: string; material_id: string }> = await manager.query(
      `SELECT enrolment_id, material_id FROM material_completions WHERE tenant_id = $1 AND enrolment_id = ANY($2::uuid[])`,
      [tenantId, enrolmentIds],
    );
    const marks = new Map<string, Set<string>>(enrolmentIds.map((id) => [id, new Set<string>()]));
    for (const row of rows) marks.get(row.enrolment_id)?.add(row.material_id);
    return marks;
  }

  /** Quiz attempts of enrolments summed up per module, by enrolment. */
  async attempts(manager: EntityManager, tenantId: string, enrolmentIds: readonly string[]): Promise<Map<string, Map<string, AttemptSummary>>> {
    const rows: Array<{ enrolment_id: string; module_id: string; used: number; best: number; passed: boolean }> = await manager.query(
      `SELECT enrolment_id, module_id, count(*)::int AS used, max(score_percent)::int AS best, bool_or(passed) AS passed
         FROM quiz_attempts WHERE tenant_id = $1 AND enrolment_id = ANY($2::uuid[]) GROUP BY enrolment_id, module_id`,
      [tenantId, enrolmentIds],
    );
    const attempts = new Map<string, Map<string, AttemptSummary>>(enrolmentIds.map((id) => [id, new Map<string, AttemptSummary>()]));
    for (const row of rows) attempts.get(row.enrolment_id)?.set(row.module_id, { used: row.used, best: row.best, passed: row.passed });
    return attempts;
  }

  /** The enrolments of the learner's network `tenantId`, in the order given. */
  async present(manager: EntityManager, tenantId: string, rows: readonly EnrolmentRow[]): Promise<Enrolment[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const trees = await this.trees(manager, rows);
    const marks = await this.marks(manager, tenantId, ids);
    const attempts = await this.attempts(manager, tenantId, ids);
    const certificates: CertificateRow[] = await manager.query(
      `SELECT id, enrolment_id, code, learner_name, course_title, issuer_name, completed_at
         FROM certificates WHERE tenant_id = $1 AND enrolment_id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
    const now = this.clock.now().getTime();
    return rows.map((row) => {
      const modules = trees.get(row.course_id) ?? [];
      const done = marks.get(row.id) ?? new Set<string>();
      const progress = progressOf(modules, done, attempts.get(row.id) ?? new Map());
      const certificate = certificates.find((candidate) => candidate.enrolment_id === row.id);
      return {
        id: row.id,
        courseId: row.course_id,
        courseTenantId: row.course_tenant_id,
        source: row.source,
        dueAt: row.due_at,
        enrolledAt: row.created_at,
        completedAt: row.completed_at,
        overdue: row.completed_at === null && row.due_at !== null && row.due_at.getTime() < now,
        progressPercent: progress.progressPercent,
        // Only materials the course still has (a removed material's mark goes with it anyway).
        completedMaterialIds: modules.flatMap((module) => module.materials.map((material) => material.id)).filter((id) => done.has(id)),
        modules: progress.modules,
        modulesLeft: progress.modulesLeft,
        certificate: certificate ? toCertificate(certificate) : null,
      };
    });
  }
}

function toCertificate(row: CertificateRow): Certificate {
  return { ...camelized(row, ['enrolment_id']), downloadPath: certificateDownloadPath(row.id) };
}
