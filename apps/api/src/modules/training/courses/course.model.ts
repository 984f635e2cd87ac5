// GraphQL types of courses (人材育成): the course as one member sees it, its ordered modules,
// materials and quiz. Quiz answers (correctChoices) are filled only for the course's editors.
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  COURSE_STATUSES,
  COURSE_VISIBILITIES,
  CourseStatus,
  CourseVisibility,
  MATERIAL_FORMATS,
  MaterialFormat,
  QUESTION_KINDS,
  QuestionKind,
  Role,
} from '@tsunagu/domain';
import { graphqlEnum } from '../../../core/graphql/enum-of';
import { Connection } from '../../../core/graphql/pagination';
import { StoredFileFields } from '../../../core/graphql/stored-file.model';
import { RoleEnum } from '../../members/membership.model';

export const CourseStatusEnum = graphqlEnum(COURSE_STATUSES.codes, { name: 'CourseStatus' });
export const CourseVisibilityEnum = graphqlEnum(COURSE_VISIBILITIES.codes, { name: 'CourseVisibility', description: 'NETWORK: my network only; PUBLIC: every network.' });
export const MaterialFormatEnum = graphqlEnum(MATERIAL_FORMATS.codes, { name: 'MaterialFormat' });
export const QuestionKindEnum = graphqlEnum(QUESTION_KINDS.codes, { name: 'QuestionKind', description: 'SINGLE_CHOICE: exactly one correct choice; MULTIPLE_CHOICE: the exact set of correct choices.' });

@ObjectType({ description: 'The organisation that publishes a course, and its network.' })
export class CoursePublisher {
  @Field(() => ID) organizationId!: string;
  @Field() name!: string;
  @Field() networkName!: string;
}

@ObjectType({ description: 'A stored file of a course (download through the files endpoint).' })
export class TrainingFile extends StoredFileFields {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'A quiz question; the choices are 0-based.' })
export class QuizQuestion {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field() prompt!: string;
  @Field(() => QuestionKindEnum) kind!: QuestionKind;
  @Field(() => [String]) choices!: string[];
  @Field(() => [Int], { nullable: true, description: "Indexes of the correct choices: only for the course's editors (null for everyone else)." })
  correctChoices!: number[] | null;
}

@ObjectType({ description: "A module's quiz." })
export class Quiz {
  @Field(() => Int) passMarkPercent!: number;
  @Field(() => Int, { nullable: true, description: 'Attempts a learner has; null: no limit.' }) maxAttempts!: number | null;
  @Field(() => [QuizQuestion]) questions!: QuizQuestion[];
}

@ObjectType({ description: 'A material of a module: a stored file or an external link.' })
export class CourseMaterial {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field() title!: string;
  @Field(() => MaterialFormatEnum) format!: MaterialFormat;
  @Field(() => TrainingFile, { nullable: true }) file!: TrainingFile | null;
  @Field(() => String, { nullable: true }) url!: string | null;
}

@ObjectType({ description: 'A module of a course, in order.' })
export class CourseModule {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field() title!: string;
  @Field() description!: string;
  @Field({ description: 'Counts toward completing the course.' }) required!: boolean;
  @Field(() => [CourseMaterial]) materials!: CourseMaterial[];
  @Field(() => Quiz, { nullable: true, description: 'Null when the module has no quiz.' }) quiz!: Quiz | null;
}

@ObjectType({ description: "A course (人材育成の講座), owned by a trainer's organisation." })
export class Course {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() summary!: string;
  @Field(() => Int, { nullable: true }) estimatedMinutes!: number | null;
  @Field(() => TrainingFile, { nullable: true }) coverFile!: TrainingFile | null;
  @Field({ description: 'Every member of the network.' }) audienceAll!: boolean;
  @Field(() => [RoleEnum]) audienceRoles!: Role[];
  @Field(() => [ID], { description: 'Organisations of the publishing network (empty for members of other networks).' })
  audienceOrganizationIds!: string[];
  @Field(() => CourseVisibilityEnum) visibility!: CourseVisibility;
  @Field(() => CourseStatusEnum) status!: CourseStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field({ description: 'I am a trainer of the owning organisation.' }) mayEdit!: boolean;
  @Field({ description: 'I may self-enrol: the course is published and I am in its audience.' }) inAudience!: boolean;
  @Field(() => Int) moduleCount!: number;
  // publisher and modules are resolved per page (CoursesResolver), so a list that does not ask
  // for them reads nothing more.

  /** The publishing network (not a GraphQL field). */
  tenantId!: string;
  /** The publishing organisation (not a GraphQL field). */
  organizationId!: string;
  /** The publisher as read with the course; null for another network's course (named later). */
  knownPublisher!: CoursePublisher | null;
}

@ObjectType()
export class CourseConnection extends Connection(Course, 'Course') {}
