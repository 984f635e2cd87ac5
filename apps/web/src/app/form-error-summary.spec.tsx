// The summary of a failed submit, rendered to static markup (the web's unit tests have no DOM;
// focusing and scrolling are covered by tests/e2e/forms-help.spec.ts): how many fields to check
// in the UI language, one link per problem named by the field's label and its message, linking
// to the field's id; and the order of the problems, which is the fields' order on the page.
import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { FormErrorList, FormErrorSummary, inPageOrder, type FormProblem } from './form-error-summary';
import { withAsciiDigits } from './form-fields';
import { resources, type SupportedLanguage } from './i18n/resources';

function render(language: SupportedLanguage, element: React.ReactElement): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({ resources, lng: language, interpolation: { escapeValue: false }, initAsync: false });
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>{element}</MantineProvider>
    </I18nextProvider>,
  );
  // Without the theme's <style> that MantineProvider puts first.
  return html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
}

const field = (id: string) => ({ id }) as HTMLElement;

const problems: FormProblem[] = [
  { name: 'identity.familyName', label: '姓', message: '姓を1〜50文字で入力してください。', target: field('family-name') },
  { name: 'contact.postalCode', label: '郵便番号', message: '郵便番号は「104-0061」の形で入力してください。', target: field('postal-code') },
  { name: 'input', label: null, message: '入力を確認してください。', target: null },
];

describe('FormErrorList', () => {
  it('says how many fields to check and links each problem to its field, in Japanese', () => {
    const html = render('ja', <FormErrorList problems={problems} />);
    expect(html).toContain('3項目を確認してください');
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<a [^>]*href="#family-name"[^>]*>姓：姓を1〜50文字で入力してください。<\/a>/);
    expect(html).toMatch(/<a [^>]*href="#postal-code"[^>]*>郵便番号：郵便番号は「104-0061」の形で入力してください。<\/a>/);
    // A problem whose field is not on the page is named, without a link that goes nowhere.
    expect(html).toMatch(/<li[^>]*>(<[^a][^>]*>)*入力を確認してください。/);
    expect(html.match(/<a /g)).toHaveLength(2);
  });

  it('speaks English in English', () => {
    const html = render('en', <FormErrorList problems={problems.slice(0, 1)} />);
    expect(html).toContain('Fields to check: 1');
    expect(html).toContain('>姓: 姓を1〜50文字で入力してください。</a>');
  });

  it('shows nothing while there is nothing to check', () => {
    expect(render('ja', <FormErrorList problems={[]} />)).toBe('');
  });

  it('takes no room in the form before a submit has failed', () => {
    expect(render('ja', <FormErrorSummary />)).toBe('<div style="display:contents"></div>');
  });
});

describe('inPageOrder', () => {
  // Nodes placed by their index, answering as Node.compareDocumentPosition does (4: the other follows).
  interface Spot {
    readonly index: number;
    compareDocumentPosition(other: Spot): number;
  }
  const at = (index: number): Spot => ({ index, compareDocumentPosition: (other) => (other.index > index ? 4 : 2) });

  it('orders the problems as their fields come on the page, and those without a field last, as they came', () => {
    const ordered = inPageOrder([
      { name: 'notes', target: at(9) },
      { name: 'input', target: null },
      { name: 'familyName', target: at(1) },
      { name: 'other', target: null },
      { name: 'postalCode', target: at(4) },
    ]);
    expect(ordered.map((problem) => problem.name)).toEqual(['familyName', 'postalCode', 'notes', 'input', 'other']);
  });
});

describe('withAsciiDigits', () => {
  it('turns the full-width digits and dashes an IME typed into a number input into ASCII before the input reads them', () => {
    const input = { value: '－１２，３４５' };
    withAsciiDigits({ target: input } as unknown as React.FormEvent<HTMLInputElement>);
    expect(input.value).toBe('-12,345');
  });
});
