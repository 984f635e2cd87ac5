// A table of records: a header per column, a row per record, figures right-aligned, and
// sideways scrolling on a narrow screen instead of squeezed columns.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<Row> {
  readonly header: string;
  /** A figure: right-aligned, so digits line up. */
  readonly numeric?: boolean;
  readonly cell: (row: Row) => ReactNode;
}

export interface DataTableProps<Row> {
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  /** Below this width the table scrolls sideways. */
  readonly minWidth?: number;
  /** Id of the heading that names the table, when it is not the table's section alone. */
  readonly labelledBy?: string;
}

export function DataTable<Row>({ columns, rows, rowKey, minWidth = 560, labelledBy }: DataTableProps<Row>) {
  const align = (column: Column<Row>) => (column.numeric ? 'right' : undefined);
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} ta={align(column)}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.header} ta={align(column)}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
