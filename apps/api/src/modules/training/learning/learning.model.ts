// GraphQL types of learning (受講): my enrolment in a course with its progress per module, quiz
// attempt results, certificates and their public verification, and the members a trainer or an
// organisation admin may assign a course to.
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ENROLMENT_SOURCES, EnrolmentSource } from '@tsunagu/domain';
import { graphqlEnum } from '../../../core/graphql/enum-of';
import { Connection } from '../../../core/graphql/pagination';

export const ENROLMENT_FILTERS = ['ACTIVE', 'COMPLETED', 'OVERDUE'] as const;
export type EnrolmentFilter = (typeof ENROLMENT_FILTERS)[number];
export const EnrolmentSourceEnum = graphqlEnum(ENROLMENT_SOURCES.codes, { name: 'EnrolmentSource', description: 'SELF: I enrolled; ASSIGNED: a trainer or my organisation admin assigned it.' });
export const EnrolmentFilterEnum = graphqlEnum(ENROLMENT_FILTERS, {
  name: 'EnrolmentFilter',
  description: 'ACTIVE: not completed yet (overdue ones included); COMPLETED: completed; OVERDUE: not completed and past the due date.',
});

@ObjectType({ description: 'My progress in one module of a course.' })
export class ModuleProgress {
  @Field(() => ID) moduleId!: string;
  @Field({ description: 'Every material done and the quiz (if any) passed.' }) complete!: boolean;
  @Field(() => [ID], { description: 'What is left: the materials of the module not marked done yet, in order.' }) materialsLeft!: string[];
  @Field({ description: 'What is left: the quiz is still to be passed (false when passed or when the module has no quiz).' }) quizLeft!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Null when the module has no quiz.' }) quizPassed!: boolean | null;
  @Field(() => Int) attemptsUsed!: number;
  @Field(() => Int, { nullable: true, description: 'Null: no limit.' }) attemptsLeft!: number | null;
  @Field(() => Int, { nullable: true }) bestScorePercent!: number | null;
}

@ObjectType({ description: 'A certificate of completion (修了証), as issued.' })
export class Certificate {
  @Field(() => ID) id!: string;
  @Field({ description: 'Verification code, e.g. TSG-7K3M-Q9XP-2HWD-5RNC.' }) code!: string;
  @Field() learnerName!: string;
  @Field() courseTitle!: string;
  @Field({ description: 'The organisation that publishes the course.' }) issuerName!: string;
  @Field(() => GraphQLISODateTime) completedAt!: Date;
  @Field({ description: '"/api/training/certificates/<id>/pdf": GET with the bearer token (application/pdf).' }) downloadPath!: string;
}

@ObjectType({ description: 'My enrolment (受講) in a course, with my progress.' })
export class Enrolment {
  @Field(() => ID) id!: string;
  @Field(() => EnrolmentSourceEnum) source!: EnrolmentSource;
  @Field(() => GraphQLISODateTime, { nullable: true }) dueAt!: Date | null;
  @Field(() => GraphQLISODateTime) enrolledAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the course was completed; kept when a material is unmarked later.' })
  completedAt!: Date | null;
  @Field({ description: 'Past the due date and not completed.' }) overdue!: boolean;
  @Field(() => Int, { description: 'Complete modules among those that count (the required ones; all when none is required), 0–100.' })
  progressPercent!: number;
  @Field(() => [ID]) completedMaterialIds!: string[];
  @Field(() => [ModuleProgress]) modules!: ModuleProgress[];
  @Field(() => [ID], {
    description: 'What is left for the course: the modules that count (the required ones; all when none is required) and are not complete yet, in order.',
  })
  modulesLeft!: string[];
  @Field(() => Certificate, { nullable: true }) certificate!: Certificate | null;
  // course is resolved (batched per request) by LearningResolver.

  /** The course's network (not a GraphQL field). */
  courseTenantId!: string;
  /** The course (not a GraphQL field; `course` is resolved from it). */
  courseId!: string;
}

@ObjectType()
export class EnrolmentConnection extends Connection(Enrolment, 'Enrolment') {}

@ObjectType({ description: 'The outcome of one quiz attempt.' })
export class QuizAttemptResult {
  @Field(() => Int) attemptNumber!: number;
  @Field(() => Int) scorePercent!: number;
  @Field(() => Int) correctCount!: number;
  @Field(() => Int) questionCount!: number;
  @Field() passed!: boolean;
  @Field(() => Int, { nullable: true, description: 'Null: no limit.' }) attemptsLeft!: number | null;
  @Field(() => Enrolment, { description: 'My progress after the attempt (completion and certificate included).' }) enrolment!: Enrolment;
}

@ObjectType({ description: 'What a certificate code verifies: only whether it is valid, and whose, for which course, issued by whom and when (as printed on it).' })
export class CertificateVerification {
  @Field() valid!: boolean;
  @Field(() => String, { nullable: true }) learnerName!: string | null;
  @Field(() => String, { nullable: true }) courseTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'The organisation that issued the certificate (publishes the course), as printed on it.' }) issuerName!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, Japan time.' }) completedOn!: string | null;
}

@ObjectType({ description: 'A member I may assign a course to.' })
export class Assignee {
  @Field(() => ID) membershipId!: string;
  @Field() displayName!: string;
  @Field() organizationName!: string;
  @Field({ description: 'Already enrolled in the course (by themselves or an earlier assignment).' }) enrolled!: boolean;
}

@InputType({ description: 'My answer to one question: the indexes (0-based) of the choices I chose.' })
export class QuizAnswerInput {
  @Field(() => ID) questionId!: string;
  @Field(() => [Int]) choices!: number[];
}
