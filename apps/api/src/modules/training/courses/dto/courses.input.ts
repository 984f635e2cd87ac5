import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { CourseStatus, CourseVisibility, QuestionKind, Role } from '@tsunagu/domain';
import { RoleEnum } from '../../../members/membership.model';
import { CourseStatusEnum, CourseVisibilityEnum, QuestionKindEnum } from '../course.model';

@InputType({ description: 'What to list in the course catalogue.' })
export class CourseSearchInput {
  @Field(() => String, { nullable: true, description: 'Japanese or English words in the title, summary or module titles; every word must match.' })
  keyword?: string | null;
  @Field(() => Boolean, { nullable: true, description: "My organisation's courses in every status (trainers)." })
  mine?: boolean | null;
  @Field(() => CourseStatusEnum, { nullable: true, description: 'Default: PUBLISHED (every status with mine).' })
  status?: CourseStatus | null;
}

@InputType({ description: 'Every field of a course; an update replaces them all.' })
export class CourseInput {
  @Field() title!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => Int, { nullable: true }) estimatedMinutes?: number | null;
  @Field(() => ID, { nullable: true, description: 'An image my organisation uploaded with purpose COURSE_COVER.' }) coverFileId?: string | null;
  @Field() audienceAll!: boolean;
  @Field(() => [RoleEnum], { nullable: true }) audienceRoles?: Role[] | null;
  @Field(() => [ID], { nullable: true, description: 'Organisations of my network.' }) audienceOrganizationIds?: string[] | null;
  @Field(() => CourseVisibilityEnum) visibility!: CourseVisibility;
}

@InputType()
export class CourseModuleInput {
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Default: true.' }) required?: boolean | null;
}

@InputType({ description: 'A material: exactly one of fileId (uploaded with purpose TRAINING_MATERIAL) and url (http or https).' })
export class CourseMaterialInput {
  @Field() title!: string;
  @Field(() => ID, { nullable: true }) fileId?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
}

@InputType()
export class QuizQuestionInput {
  @Field() prompt!: string;
  @Field(() => QuestionKindEnum) kind!: QuestionKind;
  @Field(() => [String]) choices!: string[];
  @Field(() => [Int], { description: '0-based indexes of the correct choices (exactly one for SINGLE_CHOICE).' }) correctChoices!: number[];
}

@InputType({ description: "A module's whole quiz (replaces the one it had)." })
export class QuizInput {
  @Field(() => Int) passMarkPercent!: number;
  @Field(() => Int, { nullable: true }) maxAttempts?: number | null;
  @Field(() => [QuizQuestionInput]) questions!: QuizQuestionInput[];
}
