// GraphQL documents and small helpers for learning tests (enrolment, progress, quizzes,
// certificates): courses themselves are built with tests/support/training.ts.
import type { SignedInClient } from './accounts';
import { allPages, type Page } from './graphql';
import { dataOf } from './people';

export const ENROLMENT_FIELDS = `id source dueAt enrolledAt completedAt overdue progressPercent completedMaterialIds modulesLeft
  modules { moduleId complete materialsLeft quizLeft quizPassed attemptsUsed attemptsLeft bestScorePercent }
  certificate { id code learnerName courseTitle issuerName completedAt downloadPath }
  course { id title status }`;

export const ENROL = `mutation Enrol($courseId: ID!) { enrolInCourse(courseId: $courseId) { ${ENROLMENT_FIELDS} } }`;
export const ASSIGN = `mutation Assign($courseId: ID!, $membershipIds: [ID!]!, $dueAt: DateTime) {
  assignCourse(courseId: $courseId, membershipIds: $membershipIds, dueAt: $dueAt) { ${ENROLMENT_FIELDS} }
}`;
export const MARK = `mutation Mark($enrolmentId: ID!, $materialId: ID!, $done: Boolean) {
  markMaterialDone(enrolmentId: $enrolmentId, materialId: $materialId, done: $done) { ${ENROLMENT_FIELDS} }
}`;
export const SUBMIT = `mutation Submit($enrolmentId: ID!, $moduleId: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(enrolmentId: $enrolmentId, moduleId: $moduleId, answers: $answers) {
    attemptNumber scorePercent correctCount questionCount passed attemptsLeft enrolment { ${ENROLMENT_FIELDS} }
  }
}`;
export const MY_ENROLMENTS = `query Mine($filter: EnrolmentFilter, $first: Int, $after: String) {
  myEnrolments(filter: $filter, first: $first, after: $after) { nodes { ${ENROLMENT_FIELDS} } pageInfo { endCursor hasNextPage } }
}`;
export const ASSIGNEES = `query Assignees($courseId: ID!, $keyword: String) {
  courseAssignees(courseId: $courseId, keyword: $keyword) { membershipId displayName organizationName enrolled }
}`;
export const MY_ENROLMENT_OF_COURSE = `query Course($id: ID!) { course(id: $id) { id myEnrolment { id source progressPercent } } }`;
export const VERIFY = `query Verify($code: String!) { verifyCertificate(code: $code) { valid learnerName courseTitle issuerName completedOn } }`;

export interface ModuleProgressResult {
  moduleId: string;
  complete: boolean;
  materialsLeft: string[];
  quizLeft: boolean;
  quizPassed: boolean | null;
  attemptsUsed: number;
  attemptsLeft: number | null;
  bestScorePercent: number | null;
}

export interface CertificateResult {
  id: string;
  code: string;
  learnerName: string;
  courseTitle: string;
  issuerName: string;
  completedAt: string;
  downloadPath: string;
}

export interface EnrolmentResult {
  id: string;
  source: 'SELF' | 'ASSIGNED';
  dueAt: string | null;
  enrolledAt: string;
  completedAt: string | null;
  overdue: boolean;
  progressPercent: number;
  completedMaterialIds: string[];
  modulesLeft: string[];
  modules: ModuleProgressResult[];
  certificate: CertificateResult | null;
  course: { id: string; title: string; status: string };
}

export interface AttemptResult {
  attemptNumber: number;
  scorePercent: number;
  correctCount: number;
  questionCount: number;
  passed: boolean;
  attemptsLeft: number | null;
  enrolment: EnrolmentResult;
}

export async function enrol(client: SignedInClient, courseId: string): Promise<EnrolmentResult> {
  return dataOf(await client.request<{ enrolInCourse: EnrolmentResult }>(ENROL, { courseId })).enrolInCourse;
}

export async function mark(client: SignedInClient, enrolmentId: string, materialId: string, done = true): Promise<EnrolmentResult> {
  return dataOf(await client.request<{ markMaterialDone: EnrolmentResult }>(MARK, { enrolmentId, materialId, done })).markMaterialDone;
}

export async function submit(
  client: SignedInClient,
  enrolmentId: string,
  moduleId: string,
  answers: Array<{ questionId: string; choices: number[] }>,
): Promise<AttemptResult> {
  return dataOf(await client.request<{ submitQuizAttempt: AttemptResult }>(SUBMIT, { enrolmentId, moduleId, answers })).submitQuizAttempt;
}

export async function myEnrolments(client: SignedInClient, filter: string | null = null, first = 50): Promise<EnrolmentResult[]> {
  return allPages(async (after) =>
    dataOf(await client.request<{ myEnrolments: Page<EnrolmentResult> }>(MY_ENROLMENTS, { filter, first, after })).myEnrolments,
  );
}
