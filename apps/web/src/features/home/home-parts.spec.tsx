// The home cards' pieces, rendered to static markup: each count is a link to its filtered list
// with the count in the UI language, items join only the details they have, and a section
// without items says so in plain words instead of an empty list.
import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { resources, type SupportedLanguage } from '../../app/i18n/resources';
import { HomeCard, HomeItem, HomeItems } from './home-parts';

function render(language: SupportedLanguage, node: ReactNode): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({ resources, lng: language, interpolation: { escapeValue: false }, initAsync: false });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <MemoryRouter>{node}</MemoryRouter>
      </MantineProvider>
    </I18nextProvider>,
  );
}

const card = (count: number, items: ReactNode[]) => (
  <HomeCard id="home-test" title="返答待ち" description="説明" counts={[{ label: '返答待ち', count, to: '/referrals?status=SENT' }]}>
    <HomeItems label="返答待ち" empty="返答を待っている紹介はありません。" count={items.length}>
      {items}
    </HomeItems>
  </HomeCard>
);

describe('home cards', () => {
  it('links each count to its filtered list, in the UI language', () => {
    const ja = render('ja', card(3, []));
    expect(ja).toContain('href="/referrals?status=SENT"');
    expect(ja).toContain('3件');
    expect(ja).toContain('aria-labelledby="home-test"');
    expect(render('en', card(3, []))).not.toContain('3件');
  });

  it('says plainly when there is nothing to do, and lists items with the details they have', () => {
    const empty = render('ja', card(0, []));
    expect(empty).toContain('返答を待っている紹介はありません。');
    expect(empty).not.toContain('<ul');
    const listed = render('ja', card(1, [<HomeItem key="r" title="こもれびカフェ" to="/referrals/r1" details={['つながりサポートセンター から', null, '返答期限 2026/12/08 5:01']} />]));
    expect(listed).toContain('href="/referrals/r1"');
    expect(listed).toContain('つながりサポートセンター から · 返答期限 2026/12/08 5:01');
    expect(listed).not.toContain('返答を待っている紹介はありません。');
  });
});
