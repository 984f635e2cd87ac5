// The shared day-range filter, rendered to static markup: a reversed range is flagged under the
// "to" field in the UI language, and an ordered or open-ended range is not.
import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { DateRangeFields } from './date-range-fields';
import { resources, type SupportedLanguage } from './i18n/resources';

function render(language: SupportedLanguage, from: string, to: string): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({ resources, lng: language, interpolation: { escapeValue: false }, initAsync: false });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <DateRangeFields fromLabel="開始日" toLabel="終了日" from={from} to={to} onFromChange={() => undefined} onToChange={() => undefined} w={180} />
      </MantineProvider>
    </I18nextProvider>,
  );
}

describe('DateRangeFields', () => {
  it('shows two labelled date inputs and flags an end before the start, in the UI language', () => {
    const reversed = render('ja', '2026-04-02', '2026-04-01');
    expect(reversed.match(/type="date"/g)).toHaveLength(2);
    expect(reversed).toContain('開始日');
    expect(reversed).toContain('終了日は開始日と同じか、それより後にしてください。');
    expect(render('en', '2026-04-02', '2026-04-01')).toContain('The end date must be on or after the start date.');
  });

  it('says nothing for a one-day, ordered or open-ended range', () => {
    for (const [from, to] of [
      ['2026-04-01', '2026-04-01'],
      ['2026-04-01', '2026-05-01'],
      ['2026-04-01', ''],
    ]) {
      expect(render('ja', from, to)).not.toContain('終了日は開始日と同じか');
    }
  });
});
