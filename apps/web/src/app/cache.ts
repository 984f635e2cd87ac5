// Lists held in the Apollo cache go stale when a record is created, changed or changes status;
// they are forgotten and asked again when next shown.
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';

/** A function that forgets every cached result of the given root query fields (pass a module constant). */
export function useForgetQueries(fieldNames: readonly string[]): () => void {
  const client = useApolloClient();
  return useCallback(() => {
    for (const fieldName of fieldNames) client.cache.evict({ fieldName });
    client.cache.gc();
  }, [client, fieldNames]);
}
