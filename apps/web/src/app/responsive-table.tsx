// "A table on a laptop, cards on a phone": the rows of a list as the shared DataTable (libs/ui)
// from the `sm` breakpoint up, and under it (usePhoneLayout) as a list of cards built from the
// very same columns — so a page writes its columns once and a phone never has to scroll a wide
// table sideways to find the one cell that matters. Each column says what it is on a card: the
// card's title, one of the badges in the row at its top, a labelled line (the default), or left
// out. Empty cells are left out of a card rather than shown as a bare label.
import { Card, Group, Stack, Text } from '@mantine/core';
import { DataTable, RowsFooter, type DataTableColumn, type DataTableProps } from '@tsunagu/ui';
import type { ReactNode } from 'react';
import { usePhoneLayout } from './use-phone-layout';

export interface ResponsiveColumn<Row> extends DataTableColumn<Row> {
  /** What the column is on a phone's card: its title, a badge at its top, a labelled line (default) or nothing. */
  card?: 'title' | 'badge' | 'line' | 'hidden';
}

export type ResponsiveTableProps<Row> = Omit<DataTableProps<Row>, 'columns'> & {
  columns: readonly ResponsiveColumn<Row>[];
  /** Cards under the `sm` breakpoint; without it, the table at every width (scrolling sideways on a phone). */
  cardsOnPhone?: boolean;
};

export function ResponsiveTable<Row>({ cardsOnPhone = false, ...table }: ResponsiveTableProps<Row>) {
  const phone = usePhoneLayout();
  return cardsOnPhone && phone ? <RowCards {...table} /> : <DataTable {...table} />;
}

function filled(node: ReactNode): boolean {
  return node !== null && node !== undefined && node !== false && node !== '';
}

/** The rows as a list of cards (the phone's layout of ResponsiveTable), named as the table would be. */
export function RowCards<Row>({ columns, rows, rowKey, label, labelledBy, emptyLabel, pagination }: Omit<ResponsiveTableProps<Row>, 'cardsOnPhone'>) {
  const of = (kind: NonNullable<ResponsiveColumn<Row>['card']>) => columns.filter((column) => (column.card ?? 'line') === kind);
  const titles = of('title');
  const badges = of('badge');
  const lines = of('line');
  return (
    <>
      <Stack component="ul" gap="sm" aria-label={label} aria-labelledby={labelledBy} data-layout="cards" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((row) => {
          const badgeCells = badges.map((column) => ({ column, cell: column.cell(row) })).filter(({ cell }) => filled(cell));
          const lineCells = lines.map((column) => ({ column, cell: column.cell(row) })).filter(({ cell }) => filled(cell));
          return (
            <li key={rowKey(row)}>
              <Card withBorder padding="sm" data-row-card>
                <Stack gap={6}>
                  {badgeCells.length ? (
                    <Group gap={6} wrap="wrap">
                      {badgeCells.map(({ column, cell }) => (
                        <span key={column.key} data-column={column.key}>
                          {cell}
                        </span>
                      ))}
                    </Group>
                  ) : null}
                  {titles.map((column) => (
                    <Text key={column.key} fw={600} data-column={column.key} style={{ overflowWrap: 'break-word' }}>
                      {column.cell(row)}
                    </Text>
                  ))}
                  {lineCells.length ? (
                    <Stack component="dl" gap={4} m={0}>
                      {lineCells.map(({ column, cell }) => (
                        <Group key={column.key} component="div" gap="xs" wrap="nowrap" align="baseline" data-column={column.key}>
                          <Text component="dt" fz="xs" c="dimmed" style={{ flex: '0 0 auto', whiteSpace: 'nowrap' }}>
                            {column.header}
                          </Text>
                          <Text component="dd" fz="sm" m={0} style={{ minWidth: 0, overflowWrap: 'break-word' }}>
                            {cell}
                          </Text>
                        </Group>
                      ))}
                    </Stack>
                  ) : null}
                </Stack>
              </Card>
            </li>
          );
        })}
      </Stack>
      <RowsFooter rowCount={rows.length} emptyLabel={emptyLabel} pagination={pagination} />
    </>
  );
}
