// Courses (人材育成): authoring, the catalogue and reading a course; its resolvers and services are registered here.
import { Module } from '@nestjs/common';

@Module({
  providers: [],
})
export class CoursesModule {}
