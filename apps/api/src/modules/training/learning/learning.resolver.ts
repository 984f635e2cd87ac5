// Learning over GraphQL: thin; the rules are in LearningService and CertificatesService.
import { Args, GraphQLISODateTime, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../../core/auth/actor';
import { CurrentActor, Public } from '../../../core/auth/auth.decorators';
import { notFound } from '../../../core/authz/authorize';
import { IdArg, IdsArg } from '../../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../../core/graphql/pagination';
import { Course } from '../courses/course.model';
import { CertificatesService } from './certificates.service';
import { LearningLoaders } from './learning-loaders';
import {
  Assignee,
  CertificateVerification,
  Enrolment,
  EnrolmentConnection,
  EnrolmentFilter,
  EnrolmentFilterEnum,
  QuizAnswerInput,
  QuizAttemptResult,
} from './learning.model';
import { LearningService } from './learning.service';

@Resolver(() => Enrolment)
export class LearningResolver {
  constructor(
    private readonly learning: LearningService,
    private readonly certificates: CertificatesService,
    private readonly loaders: LearningLoaders,
  ) {}

  @Query(() => EnrolmentConnection, { description: 'My enrolments, newest first.', complexity: listComplexity(10) })
  async myEnrolments(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => EnrolmentFilterEnum, nullable: true }) filter?: EnrolmentFilter,
  ) {
    return toConnection(await this.learning.mine(actor, filter, page.first, page.after));
  }

  @Query(() => [Assignee], {
    description: "Members I may assign a course to (trainer: my network's members in its audience; org admin: my organisation's), at most 50, by name.",
  })
  courseAssignees(
    @CurrentActor() actor: RequestActor,
    @IdArg('courseId') courseId: string,
    @Args('keyword', { type: () => String, nullable: true }) keyword?: string,
  ): Promise<Assignee[]> {
    return this.learning.assignees(actor, courseId, keyword);
  }

  @Public()
  @Query(() => CertificateVerification, { description: 'Checks a certificate code without signing in: only valid, name, course and date.' })
  verifyCertificate(@Args('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }

  @Mutation(() => Enrolment, { description: 'Enrol myself in a published course whose audience I am in; enrolling again returns the same enrolment.' })
  enrolInCourse(@CurrentActor() actor: RequestActor, @IdArg('courseId') courseId: string): Promise<Enrolment> {
    return this.learning.enrol(actor, courseId);
  }

  @Mutation(() => [Enrolment], { description: "Assign a course (optionally with a future due date); each assignee gets an in-app notice and a mail. Returns the assignees' enrolments." })
  assignCourse(
    @CurrentActor() actor: RequestActor,
    @IdArg('courseId') courseId: string,
    @IdsArg('membershipIds') membershipIds: string[],
    @Args('dueAt', { type: () => GraphQLISODateTime, nullable: true }) dueAt?: Date | null,
  ): Promise<Enrolment[]> {
    return this.learning.assign(actor, courseId, membershipIds, dueAt ?? null);
  }

  @Mutation(() => Enrolment, { description: 'Mark a material of my enrolment done (or not done with done: false).' })
  markMaterialDone(
    @CurrentActor() actor: RequestActor,
    @IdArg('enrolmentId') enrolmentId: string,
    @IdArg('materialId') materialId: string,
    @Args('done', { type: () => Boolean, nullable: true, defaultValue: true }) done?: boolean,
  ): Promise<Enrolment> {
    return this.learning.markMaterial(actor, enrolmentId, materialId, done ?? true);
  }

  @Mutation(() => QuizAttemptResult, { description: "Submit an attempt at a module's quiz; CONFLICT (QUIZ_ATTEMPTS_EXHAUSTED) when no attempt is left." })
  submitQuizAttempt(
    @CurrentActor() actor: RequestActor,
    @IdArg('enrolmentId') enrolmentId: string,
    @IdArg('moduleId') moduleId: string,
    @Args('answers', { type: () => [QuizAnswerInput] }) answers: QuizAnswerInput[],
  ): Promise<QuizAttemptResult> {
    return this.learning.submitAttempt(actor, enrolmentId, moduleId, answers);
  }

  @ResolveField(() => Course)
  async course(@CurrentActor() actor: RequestActor, @Parent() enrolment: Enrolment): Promise<Course> {
    const course = await this.loaders.course(actor, enrolment.courseId);
    if (!course) throw notFound({ ja: '研修', en: 'course' });
    return course;
  }
}

@Resolver(() => Course)
export class CourseEnrolmentResolver {
  constructor(private readonly loaders: LearningLoaders) {}

  @ResolveField(() => Enrolment, { nullable: true, description: 'My enrolment in this course (batched for a page of courses).' })
  myEnrolment(@CurrentActor() actor: RequestActor, @Parent() course: Course): Promise<Enrolment | null> {
    return this.loaders.myEnrolment(actor, course.id);
  }
}
