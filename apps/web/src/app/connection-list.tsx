// A cursor-paginated GraphQL connection on a page, as a list of cards (ConnectionList) or as a
// table (ConnectionTable): the API's error, a spinner until the first page arrives, the items,
// what to say when there are none, and "load more" (useLoadMore). While newer results load the
// previous ones stay, marked busy (useConnectionQuery).
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Stack, Text, type MantineSpacing } from '@mantine/core';
import { LoadingState } from '@tsunagu/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert';
import { readApiError } from './api-errors';
import { ResponsiveTable, type ResponsiveTableProps } from './responsive-table';
import { useLoadMore } from './use-load-more';

export interface Connection<Node> {
  nodes: readonly Node[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** The part of Apollo's `fetchMore` used here: the next page is the same query `after` a cursor. */
type FetchPageAfter = (options: { variables: { after: string } }) => Promise<unknown>;

export interface ConnectionListProps<Node extends { id: string }> {
  /** The query's state (useQuery's result). */
  query: { loading: boolean; error?: unknown; fetchMore: FetchPageAfter };
  /** The loaded connection (or the previous one while a new search loads). */
  connection: Connection<Node> | undefined;
  renderItem: (node: Node) => ReactNode;
  /** Shown when the list is empty; a string reads as dimmed text. */
  empty: ReactNode;
  /** The spinner's text (common.loading unless said). */
  loadingLabel?: string;
  /** Accessible name of the list. */
  label?: string;
  gap?: MantineSpacing;
}

/** The "load more" button under a list or a table. */
export function LoadMoreButton({ hasMore, loading, onClick }: { hasMore: boolean | undefined; loading: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Button variant="default" mt="md" onClick={onClick} loading={loading} style={{ alignSelf: 'flex-start' }}>
      {t('common.loadMore')}
    </Button>
  );
}

export function ConnectionList<Node extends { id: string }>({
  query: { loading, error, fetchMore },
  connection,
  renderItem,
  empty,
  loadingLabel,
  label,
  gap = 'sm',
}: ConnectionListProps<Node>) {
  const { t } = useTranslation();
  const { loadingMore, loadMore } = useLoadMore(fetchMore, connection?.pageInfo.endCursor);
  return (
    <>
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      {loading && !connection ? <LoadingState label={loadingLabel ?? t('common.loading')} /> : null}
      {connection ? (
        <Stack gap={gap} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={label} aria-busy={loading}>
          {connection.nodes.map((node) => (
            <li key={node.id}>{renderItem(node)}</li>
          ))}
        </Stack>
      ) : null}
      {connection && connection.nodes.length === 0 ? typeof empty === 'string' ? <Text c="dimmed">{empty}</Text> : empty : null}
      <LoadMoreButton hasMore={connection?.pageInfo.hasNextPage} loading={loadingMore} onClick={() => void loadMore()} />
    </>
  );
}

export type QueryTableProps<Row extends { id: string }> = Omit<ResponsiveTableProps<Row>, 'rows' | 'rowKey'> & {
  /** The query's state (useQuery's result). */
  query: { loading: boolean; error?: unknown };
  /** The rows, once the query has answered. */
  rows: readonly Row[] | undefined;
  /** The row's React key (its id unless said). */
  rowKey?: (row: Row) => string;
};

/**
 * A table of what one query answers, all at once: the API's error, a spinner until the rows
 * arrive, the rows (as cards on a phone with `cardsOnPhone`, see responsive-table.tsx).
 */
export function QueryTable<Row extends { id: string }>({ query: { loading, error }, rows, rowKey = (row) => row.id, ...table }: QueryTableProps<Row>) {
  const { t } = useTranslation();
  return (
    <>
      {loading && !rows ? <LoadingState label={t('common.loading')} /> : null}
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      {rows ? <ResponsiveTable {...table} rows={rows} rowKey={rowKey} /> : null}
    </>
  );
}

export type ConnectionTableProps<Node extends { id: string }> = Omit<QueryTableProps<Node>, 'rows' | 'pagination' | 'query'> & {
  /** The query's state (useQuery's result). */
  query: { loading: boolean; error?: unknown; fetchMore: FetchPageAfter };
  connection: Connection<Node> | undefined;
};

/** A table of a connection, page by page ("load more"). */
export function ConnectionTable<Node extends { id: string }>({ query, connection, ...table }: ConnectionTableProps<Node>) {
  const { t } = useTranslation();
  const { loadingMore, loadMore } = useLoadMore(query.fetchMore, connection?.pageInfo.endCursor);
  return (
    <QueryTable
      {...table}
      query={query}
      rows={connection?.nodes}
      pagination={
        connection
          ? { hasMore: connection.pageInfo.hasNextPage, loading: loadingMore, onLoadMore: () => void loadMore(), label: t('common.loadMore') }
          : undefined
      }
    />
  );
}

/**
 * A paged list's query, asked again whenever the page is shown (cache-and-network), with the
 * previous results kept while newer ones load (a new search or filter), so the list stays put
 * and is marked busy instead of blinking to a spinner.
 */
export function useConnectionQuery<TData, TVariables extends OperationVariables, Node>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: NoInfer<TVariables>,
  pick: (data: TData) => Connection<Node>,
  /** skip: not asked at all (e.g. the ability forbids the page). */
  { skip = false }: { skip?: boolean } = {},
) {
  // Apollo types the options by whether the variables may be left out, which a generic TVariables cannot tell.
  const query = useQuery(document, { variables, skip, fetchPolicy: 'cache-and-network' } as useQuery.Options<TData, TVariables>);
  const answered = query.data ?? query.previousData;
  return { query, connection: answered ? pick(answered as TData) : undefined };
}
