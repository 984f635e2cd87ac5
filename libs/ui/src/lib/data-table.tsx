// A striped, horizontally scrollable table of rows, one column per field, with an optional
// "empty" message under it and an optional "load more" button for keyset pagination. The
// table is named for screen readers by a label or by the id of the heading it sits under.
import { Button, Table, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

export interface DataTableColumn<Row> {
  /** Stable React key of the column. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Style of this column's body cells, e.g. to let long e-mail addresses wrap. */
  cellStyle?: CSSProperties;
  /** A column of figures: right-aligned, header included, so the digits line up. */
  numeric?: boolean;
}

export interface DataTablePagination {
  /** Whether the server has another page after the rows shown. */
  hasMore: boolean;
  /** Whether the next page is being fetched (the button shows a spinner). */
  loading: boolean;
  onLoadMore: () => void;
  /** Text of the "load more" button. */
  label: string;
}

export interface DataTableProps<Row> {
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Below this width the table scrolls horizontally. */
  minWidth: number;
  /** Accessible name of the table (aria-label). */
  label?: string;
  /** Id of the element naming the table (aria-labelledby), e.g. its section heading. */
  labelledBy?: string;
  /** Shown under the table when there are no rows. */
  emptyLabel?: string;
  pagination?: DataTablePagination;
}

export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  minWidth,
  label,
  labelledBy,
  emptyLabel,
  pagination,
}: DataTableProps<Row>) {
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped aria-label={label} aria-labelledby={labelledBy}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                // Headers stay on one line: a squeezed column would otherwise stack a short header
                // (返答期限) one character per line; the table scrolls sideways instead.
                <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined} style={column.cellStyle}>
                    {column.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RowsFooter rowCount={rows.length} emptyLabel={emptyLabel} pagination={pagination} />
    </>
  );
}

/** Under a table's rows (or any other layout of them): the "empty" message when there are none, and "load more". */
export function RowsFooter({ rowCount, emptyLabel, pagination }: { rowCount: number; emptyLabel?: string; pagination?: DataTablePagination }) {
  return (
    <>
      {emptyLabel !== undefined && rowCount === 0 ? <Text c="dimmed">{emptyLabel}</Text> : null}
      {pagination?.hasMore ? (
        <Button variant="default" mt="md" onClick={() => pagination.onLoadMore()} loading={pagination.loading}>
          {pagination.label}
        </Button>
      ) : null}
    </>
  );
}
