// The trainer's side of training (人材育成): my organisation's courses and the course editor,
// training sessions with their registrations and attendance, and the reports. Routed in app.tsx.
export { CourseEditorPage, NewCoursePage } from './course-editor-page';
export { MyCoursesPage } from './my-courses-page';
export { NewSessionPage, SessionEditorPage } from './session-editor-page';
export { TrainingReportsPage } from './training-reports-page';
