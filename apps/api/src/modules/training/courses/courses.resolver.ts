import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../../core/auth/actor';
import { CurrentActor } from '../../../core/auth/auth.decorators';
import { IdArg, IdsArg } from '../../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../../core/graphql/pagination';
import { Course, CourseConnection, CourseModule, CoursePublisher } from './course.model';
import { CourseReader } from './course-reader';
import { CoursesService } from './courses.service';
import { CourseInput, CourseMaterialInput, CourseModuleInput, CourseSearchInput, QuizInput } from './dto/courses.input';

@Resolver(() => Course)
export class CoursesResolver {
  constructor(
    private readonly service: CoursesService,
    private readonly reader: CourseReader,
  ) {}

  @Query(() => CourseConnection, {
    description: "The course catalogue: what I may see (my network's courses for my audience, every network's public ones), newest published first.",
    complexity: listComplexity(10),
  })
  async courses(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('input', { type: () => CourseSearchInput, nullable: true }) input?: CourseSearchInput,
  ) {
    return toConnection(await this.service.search(actor, input ?? {}, page.first, page.after));
  }

  @Query(() => Course, { description: 'A course I may see (NOT_FOUND otherwise).' })
  course(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Course> {
    return this.service.get(actor, id);
  }

  @ResolveField(() => CoursePublisher)
  publisher(@CurrentActor() actor: RequestActor, @Parent() course: Course): Promise<CoursePublisher> {
    return this.reader.publisher(actor, course);
  }

  @ResolveField(() => [CourseModule], { description: 'In order; read for the whole page at once.' })
  modules(@CurrentActor() actor: RequestActor, @Parent() course: Course): Promise<CourseModule[]> {
    return this.reader.modules(actor, course);
  }

  @Mutation(() => Course, { description: 'A new draft course of my organisation (trainers).' })
  createCourse(@CurrentActor() actor: RequestActor, @Args('input') input: CourseInput): Promise<Course> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Course, { description: 'Replace every field of a draft or published course.' })
  updateCourse(@CurrentActor() actor: RequestActor, @IdArg('id') id: string, @Args('input') input: CourseInput): Promise<Course> {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => Course, { description: 'DRAFT → PUBLISHED: needs a module, an audience and no empty quiz.' })
  publishCourse(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Course> {
    return this.service.transition(actor, id, 'PUBLISH');
  }

  @Mutation(() => Course, { description: 'DRAFT or PUBLISHED → ARCHIVED (gone from the catalogue).' })
  archiveCourse(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Course> {
    return this.service.transition(actor, id, 'ARCHIVE');
  }

  @Mutation(() => Course, { description: 'ARCHIVED → DRAFT.' })
  unarchiveCourse(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Course> {
    return this.service.transition(actor, id, 'UNARCHIVE');
  }

  @Mutation(() => Course, { description: 'Add a module at the end.' })
  addCourseModule(
    @CurrentActor() actor: RequestActor,
    @IdArg('courseId') courseId: string,
    @Args('input') input: CourseModuleInput,
  ): Promise<Course> {
    return this.service.addModule(actor, courseId, input);
  }

  @Mutation(() => Course)
  updateCourseModule(@CurrentActor() actor: RequestActor, @IdArg('id') id: string, @Args('input') input: CourseModuleInput): Promise<Course> {
    return this.service.updateModule(actor, id, input);
  }

  @Mutation(() => Course, { description: 'Remove a module with its materials and quiz.' })
  removeCourseModule(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Course> {
    return this.service.removeModule(actor, id);
  }

  @Mutation(() => Course, { description: "Put the modules in this order: every one of the course's modules, each once." })
  reorderCourseModules(
    @CurrentActor() actor: RequestActor,
    @IdArg('courseId') courseId: string,
    @IdsArg('moduleIds') moduleIds: string[],
  ): Promise<Course> {
    return this.service.reorderModules(actor, courseId, moduleIds);
  }

  @Mutation(() => Course, { description: 'Add a material (a file my organisation uploaded, or a link) at the end of a module.' })
  addCourseMaterial(
    @CurrentActor() actor: RequestActor,
    @IdArg('moduleId') moduleId: string,
    @Args('input') input: CourseMaterialInput,
  ): Promise<Course> {
    return this.service.addMaterial(actor, moduleId, input);
  }

  @Mutation(() => Course)
  updateCourseMaterial(@CurrentActor() actor: RequestActor, @IdArg('id') id: string, @Args('input') input: CourseMaterialInput): Promise<Course> {
    return this.service.updateMaterial(actor, id, input);
  }

  @Mutation(() => Course)
  removeCourseMaterial(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Course> {
    return this.service.removeMaterial(actor, id);
  }

  @Mutation(() => Course, { description: "Put a module's materials in this order: every one of them, each once." })
  reorderCourseMaterials(
    @CurrentActor() actor: RequestActor,
    @IdArg('moduleId') moduleId: string,
    @IdsArg('materialIds') materialIds: string[],
  ): Promise<Course> {
    return this.service.reorderMaterials(actor, moduleId, materialIds);
  }

  @Mutation(() => Course, { description: "Replace a module's whole quiz (allowed on a published course; attempts taken keep their scores)." })
  setModuleQuiz(
    @CurrentActor() actor: RequestActor,
    @IdArg('moduleId') moduleId: string,
    @Args('input') input: QuizInput,
  ): Promise<Course> {
    return this.service.setQuiz(actor, moduleId, input);
  }

  @Mutation(() => Course)
  removeModuleQuiz(@CurrentActor() actor: RequestActor, @IdArg('moduleId') moduleId: string): Promise<Course> {
    return this.service.removeQuiz(actor, moduleId);
  }
}
