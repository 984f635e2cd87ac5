// CodeBadge, rendered to static markup: the whole label, an icon before it when given, and the
// styles that let a long label wrap instead of ending in "…" (Mantine's default for a badge).
import { MantineProvider } from '@mantine/core';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CodeBadge } from './code-badge';

const render = (icon?: ReactElement) =>
  renderToStaticMarkup(
    <MantineProvider>
      <CodeBadge code="SENT" label="送信済み（返答待ち）" colors={{ SENT: 'blue' }} attribute="status" icon={icon} />
    </MantineProvider>,
  );

describe('CodeBadge', () => {
  it('carries the code, the whole label and the icon', () => {
    const html = render(<svg data-icon aria-hidden="true" />);
    expect(html).toContain('data-status="SENT"');
    expect(html).toContain('送信済み（返答待ち）');
    expect(html).toMatch(/<svg data-icon="true" aria-hidden="true">/);
  });

  it('lets the label wrap rather than cut it short', () => {
    const html = render();
    const label = html.match(/<span class="[^"]*mantine-Badge-label[^"]*" style="([^"]*)"/)?.[1] ?? '';
    expect(label).toContain('white-space:normal');
    expect(label).toContain('overflow:visible');
    expect(label).toContain('text-overflow:clip');
    expect(html).toMatch(/<div style="height:auto;[^"]*" class="[^"]*mantine-Badge-root/);
  });
});
