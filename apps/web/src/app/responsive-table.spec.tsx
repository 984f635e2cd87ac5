// ResponsiveTable and its phone layout, rendered to static markup: without a window it is the
// table (the laptop layout), and the cards show each row's title, its badges and its labelled
// lines from the same columns, leaving out empty cells, named as the table would be.
import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ResponsiveTable, RowCards, type ResponsiveColumn } from './responsive-table';

interface Row {
  id: string;
  name: string;
  code: string;
  due: string;
  state: string;
}

const rows: Row[] = [
  { id: '1', name: '住まいの相談', code: 'P-7QK2M', due: '2026/12/08', state: '送信済み（返答待ち）' },
  { id: '2', name: '食料支援', code: 'P-2AB9Z', due: '', state: '受付済み' },
];

const columns: ResponsiveColumn<Row>[] = [
  { key: 'state', header: '状態', card: 'badge', cell: (row) => <b data-badge>{row.state}</b> },
  { key: 'name', header: 'サービス', card: 'title', cell: (row) => row.name },
  { key: 'code', header: '当事者', cell: (row) => row.code },
  { key: 'due', header: '返答期限', cell: (row) => row.due },
  { key: 'internal', header: '内部', card: 'hidden', cell: () => 'hidden-cell' },
];

const render = (node: ReactNode) => renderToStaticMarkup(<MantineProvider>{node}</MantineProvider>);

describe('ResponsiveTable', () => {
  it('is the table where the page is not a phone (no window here)', () => {
    const html = render(<ResponsiveTable columns={columns} rows={rows} rowKey={(row) => row.id} minWidth={600} label="紹介" cardsOnPhone />);
    expect(html).toContain('<table');
    expect(html).not.toContain('data-layout="cards"');
    // Headers stay on one line.
    expect(html).toMatch(/<th[^>]*style="white-space:nowrap"[^>]*>返答期限<\/th>/);
  });
});

describe('RowCards (the phone layout)', () => {
  const html = render(<RowCards columns={columns} rows={rows} rowKey={(row) => row.id} minWidth={600} label="紹介" emptyLabel="なし" />);

  it('is a list of cards named as the table, one per row', () => {
    expect(html).not.toContain('<table');
    expect(html).toMatch(/<ul[^>]*aria-label="紹介"[^>]*data-layout="cards"/);
    expect(html.match(/data-row-card/g)).toHaveLength(2);
    expect(html).not.toContain('なし');
  });

  it('shows the badges, the title and each labelled line; empty and hidden cells are left out', () => {
    const [first, second] = html.split('data-row-card').slice(1);
    expect(first).toContain('<span data-column="state"><b data-badge="true">送信済み（返答待ち）</b></span>');
    expect(first).toMatch(/data-column="name"[^>]*>住まいの相談</);
    expect(first).toMatch(/<dt[^>]*>当事者<\/dt><dd[^>]*>P-7QK2M<\/dd>/);
    expect(first).toMatch(/<dt[^>]*>返答期限<\/dt><dd[^>]*>2026\/12\/08<\/dd>/);
    expect(second).not.toContain('返答期限');
    expect(html).not.toContain('hidden-cell');
    expect(html).not.toContain('内部');
  });

  it('says so when there are no rows', () => {
    expect(render(<RowCards columns={columns} rows={[]} rowKey={(row) => row.id} minWidth={600} emptyLabel="なし" />)).toContain('なし');
  });
});
