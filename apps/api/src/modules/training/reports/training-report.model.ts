// GraphQL types of the training reports: totals, per organisation, per course, per quiz and the
// overdue assignments, for a trainer (their organisation's courses) or an org admin (their
// organisation's members).
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType({ description: 'Narrows a report. from/to bound enrolments by when they were made, completions by when they were completed, quiz attempts by when they were taken.' })
export class TrainingReportInput {
  @Field(() => ID, { nullable: true }) courseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The learners\' organisation.' }) organizationId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Inclusive.' }) from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive.' }) to?: Date | null;
}

@ObjectType()
export class TrainingTotals {
  @Field(() => Int) enrolments!: number;
  @Field(() => Int) completions!: number;
  @Field(() => Int, { description: 'Enrolments past their due date and not completed (now).' }) overdue!: number;
  @Field(() => Int, { nullable: true, description: 'Share of the enrolments that are completed, rounded; null without enrolments.' })
  completionRatePercent!: number | null;
}

/** The counts of a row of the report, per organisation or per course (as in TrainingTotals). */
@ObjectType({ isAbstract: true })
abstract class EnrolmentCounts {
  @Field(() => Int) enrolments!: number;
  @Field(() => Int) completions!: number;
  @Field(() => Int) overdue!: number;
}

@ObjectType()
export class TrainingOrganizationRow extends EnrolmentCounts {
  @Field(() => ID) organizationId!: string;
  @Field() organizationName!: string;
}

@ObjectType()
export class TrainingCourseRow extends EnrolmentCounts {
  @Field(() => ID) courseId!: string;
  @Field() courseTitle!: string;
  @Field(() => Int, { nullable: true, description: 'Passed quiz attempts / attempts, rounded; null without attempts.' })
  quizPassRatePercent!: number | null;
}

@ObjectType()
export class TrainingQuizRow {
  @Field(() => ID) moduleId!: string;
  @Field() courseTitle!: string;
  @Field() moduleTitle!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int) passedAttempts!: number;
  @Field(() => Int, { nullable: true }) passRatePercent!: number | null;
}

@ObjectType()
export class OverdueAssignment {
  @Field(() => ID) enrolmentId!: string;
  @Field() memberName!: string;
  @Field() organizationName!: string;
  @Field() courseTitle!: string;
  @Field(() => GraphQLISODateTime) dueAt!: Date;
}

@ObjectType({ description: 'Training figures for what the caller may see (see trainingReport).' })
export class TrainingReport {
  @Field(() => TrainingTotals) totals!: TrainingTotals;
  @Field(() => [TrainingOrganizationRow]) byOrganization!: TrainingOrganizationRow[];
  @Field(() => [TrainingCourseRow]) byCourse!: TrainingCourseRow[];
  @Field(() => [TrainingQuizRow]) quizzes!: TrainingQuizRow[];
  @Field(() => [OverdueAssignment], { description: 'Earliest due first (at most 500).' }) overdueAssignments!: OverdueAssignment[];
}
