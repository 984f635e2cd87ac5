// The network's organisations as select options (the partner filter and the editor's partner
// select): pages of 200 until the end, by name.
import { useQuery } from '@apollo/client/react';
import { NetworkOrganizationOptionsDocument } from '@tsunagu/graphql-client';
import { useEffect, useMemo } from 'react';

export interface OrganizationOption {
  readonly value: string;
  readonly label: string;
  readonly kind: string;
}

export function usePartnerOptions(): OrganizationOption[] {
  const { data, fetchMore } = useQuery(NetworkOrganizationOptionsDocument, { variables: { first: 200 } });
  const pageInfo = data?.organizations.pageInfo;
  useEffect(() => {
    if (pageInfo?.hasNextPage && pageInfo.endCursor) void fetchMore({ variables: { after: pageInfo.endCursor } });
  }, [pageInfo?.hasNextPage, pageInfo?.endCursor, fetchMore]);
  const nodes = data?.organizations.nodes;
  return useMemo(
    () => (nodes ?? []).map((organization) => ({ value: organization.id, label: organization.name, kind: organization.kind })),
    [nodes],
  );
}
