// Courses (人材育成): authoring, the catalogue and reading a course. CourseReader is exported so
// the other training modules read courses (and their module trees) by the same rules.
import { Module } from '@nestjs/common';
import { CourseFileAccess } from './course-file-access';
import { CourseReader } from './course-reader';
import { CoursesResolver } from './courses.resolver';
import { CoursesService } from './courses.service';

@Module({
  providers: [CourseReader, CourseFileAccess, CoursesService, CoursesResolver],
  exports: [CourseReader, CoursesService],
})
export class CoursesModule {}
