// Course lists and reports held in the Apollo cache go stale when a course is created, edited or
// changes status.
import { useForgetQueries } from '../../../app/cache';

const courseListFields = ['courses', 'trainingReport'];

export function useForgetCourseLists() {
  return useForgetQueries(courseListFields);
}
