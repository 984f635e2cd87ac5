// Per-request batching for the fields a page of results asks for one row at a time:
// Course.myEnrolment (my enrolments in a page of courses) and Enrolment.course (the courses of a
// page of enrolments). One loader pair per actor object, which lives as long as its request.
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { RequestActor } from '../../../core/auth/actor';
import type { Course } from '../courses/course.model';
import { CourseReader } from '../courses/course-reader';
import type { Enrolment } from './learning.model';
import { LearningService } from './learning.service';

interface RequestLoaders {
  readonly myEnrolments: DataLoader<string, Enrolment | null>;
  readonly courses: DataLoader<string, Course | null>;
}

@Injectable()
export class LearningLoaders {
  private readonly loaders = new WeakMap<RequestActor, RequestLoaders>();

  constructor(
    private readonly learning: LearningService,
    private readonly courses: CourseReader,
  ) {}

  /** My enrolment in a course, or null. */
  myEnrolment(actor: RequestActor, courseId: string): Promise<Enrolment | null> {
    return this.of(actor).myEnrolments.load(courseId);
  }

  /**
   * The course of one of my enrolments, whatever its status now (I keep seeing a course I
   * enrolled in after it is archived); null when its network no longer lets mine read it.
   */
  course(actor: RequestActor, courseId: string): Promise<Course | null> {
    return this.of(actor).courses.load(courseId);
  }

  private of(actor: RequestActor): RequestLoaders {
    let loaders = this.loaders.get(actor);
    if (!loaders) {
      loaders = {
        myEnrolments: new DataLoader((courseIds: readonly string[]) => this.learning.byCourses(actor, courseIds)),
        courses: new DataLoader(async (courseIds: readonly string[]) => {
          const found = await this.courses.load(actor, courseIds, { anyStatus: true });
          return courseIds.map((id) => found.find((course) => course.id === id) ?? null);
        }),
      };
      this.loaders.set(actor, loaders);
    }
    return loaders;
  }
}
