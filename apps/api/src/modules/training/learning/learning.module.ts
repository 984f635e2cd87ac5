// Learning: enrolment, assignment, progress, quiz attempts and certificates (with public verification).
import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { EnrolmentPresenter } from './enrolment-presenter';
import { LearningLoaders } from './learning-loaders';
import { CourseEnrolmentResolver, LearningResolver } from './learning.resolver';
import { LearningService } from './learning.service';

@Module({
  imports: [CoursesModule],
  controllers: [CertificatesController],
  providers: [EnrolmentPresenter, CertificatesService, LearningService, LearningLoaders, LearningResolver, CourseEnrolmentResolver],
  exports: [EnrolmentPresenter],
})
export class LearningModule {}
