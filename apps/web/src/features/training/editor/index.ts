// The trainer's side of training (人材育成): my organisation's courses and the course editor,
// training sessions with their registrations and attendance, and the reports. Routed in app.tsx;
// the assign dialog and the registrations panel can also sit on the learner-facing pages.
export { AssignCourseButton, AssignCourseDialog } from './assign-course-dialog';
export { CourseEditorPage, NewCoursePage } from './course-editor-page';
export { MyCoursesPage } from './my-courses-page';
export { NewSessionPage, SessionEditorPage } from './session-editor-page';
export { SessionRegistrationsPanel } from './session-registrations-panel';
export { TrainingReportsPage } from './training-reports-page';
