// Course lists and reports held in the Apollo cache go stale when a course is created, edited or
// changes status; they are forgotten and asked again when next shown.
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';

export function useForgetCourseLists() {
  const client = useApolloClient();
  return useCallback(() => {
    for (const fieldName of ['courses', 'trainingReport']) client.cache.evict({ fieldName });
    client.cache.gc();
  }, [client]);
}
