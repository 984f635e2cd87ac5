// The form-bound fields, rendered to static markup: each shows the value and the error of the
// field it names (not another's), keeps Mantine's label/description wiring, and a long text
// with a limit (given, or the form schema's) counts its characters in the UI language without
// letting the browser cut the text, and an amount reads as yen in it.
import { MantineProvider } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { createInstance } from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { itemList, optionalLongText, requiredText } from '@tsunagu/domain';
import { z } from 'zod';
import { JapanDateTimeField, LongTextField, NumberField, TextField, YenField } from './form-fields';
import { bindFormSchema } from './form-schemas';
import { resources, type SupportedLanguage } from './i18n/resources';

interface NoteValues extends Record<string, unknown> {
  title: string;
  summary: string;
  notes: string;
  minutes: number | '';
  budget: number | '';
  contacts: { name: string }[];
  identity: Record<string, string>;
}

const values: NoteValues = { title: '相談会', summary: 'あいうえお', notes: '', minutes: 90, budget: 1234567, contacts: [{ name: '山田' }], identity: { familyName: '佐藤' } };

function FormOf({ errors, children }: { errors?: Record<string, string>; children: (form: UseFormReturnType<NoteValues>) => ReactNode }) {
  const form = useForm<NoteValues>({ mode: 'controlled', initialValues: values, initialErrors: errors });
  return <>{children(form)}</>;
}

function render(language: SupportedLanguage, children: (form: UseFormReturnType<NoteValues>) => ReactNode, errors?: Record<string, string>): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({ resources, lng: language, interpolation: { escapeValue: false }, initAsync: false });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <FormOf errors={errors}>{children}</FormOf>
      </MantineProvider>
    </I18nextProvider>,
  );
}

/** An attribute of the first such element in the markup (React keeps e.g. maxLength camel-cased). */
function attributeOf(html: string, tag: string, attribute: string): string | undefined {
  return new RegExp(`<${tag}[^>]*\\s${attribute}="([^"]*)"`, 'i').exec(html)?.[1];
}

describe('LongTextField', () => {
  it('counts the characters of the field it names against its limit, in Japanese', () => {
    const html = render('ja', (form) => <LongTextField form={form} name="summary" label="概要" maxLength={2000} rows={3} />);
    expect(html).toContain('>あいうえお</textarea>');
    expect(html).toContain('5 / 2000 字');
    // The limit is counted, never enforced by the browser, which would cut pasted text silently.
    expect(attributeOf(html, 'textarea', 'maxlength')).toBeUndefined();
  });

  it('counts in English without the Japanese counter word', () => {
    const html = render('en', (form) => <LongTextField form={form} name="summary" label="Summary" maxLength={1000} />);
    expect(html).toContain('5 / 1000');
    expect(html).not.toContain('字');
  });

  it('counts an empty field as 0, and another field does not leak into it', () => {
    const html = render('ja', (form) => <LongTextField form={form} name="notes" label="メモ" maxLength={500} />);
    expect(html).toContain('0 / 500 字');
    expect(html).not.toContain('あいうえお');
  });

  it('shows no count where there is no limit', () => {
    const html = render('ja', (form) => <LongTextField form={form} name="summary" label="概要" />);
    expect(html).toContain('>あいうえお</textarea>');
    expect(html).not.toContain(' / ');
  });

  it("shows the field's own error and keeps the label and description tied to the text area", () => {
    const html = render(
      'ja',
      (form) => <LongTextField form={form} name="summary" label="概要" description="公開されます" required maxLength={2000} />,
      { summary: '長すぎます', notes: '別の欄の誤り' },
    );
    expect(html).toContain('長すぎます');
    expect(html).not.toContain('別の欄の誤り');
    expect(attributeOf(html, 'textarea', 'aria-invalid')).toBe('true');
    const id = attributeOf(html, 'textarea', 'id');
    expect(attributeOf(html, 'label', 'for')).toBe(id);
    expect(attributeOf(html, 'textarea', 'aria-describedby')).toContain(`${id}-description`);
    expect(html).toContain('mantine-InputWrapper-required');
  });
});

describe('TextField', () => {
  it('shows the value and the error of the field it names, with the required asterisk', () => {
    const html = render('ja', (form) => <TextField form={form} name="title" label="題名" required maxLength={200} />, { title: '入力してください' });
    expect(attributeOf(html, 'input', 'value')).toBe('相談会');
    expect(html).toContain('入力してください');
    expect(attributeOf(html, 'input', 'maxlength')).toBeUndefined();
    expect(attributeOf(html, 'label', 'for')).toBe(attributeOf(html, 'input', 'id'));
    expect(html).toContain('mantine-InputWrapper-required');
  });

  it('counts its characters only once the text nears its limit', () => {
    expect(render('ja', (form) => <TextField form={form} name="title" label="題名" maxLength={200} />)).not.toContain(' / ');
    expect(render('ja', (form) => <TextField form={form} name="title" label="題名" maxLength={3} />)).toContain('3 / 3 字');
  });

  it('binds a field inside a list item by its path', () => {
    const html = render('ja', (form) => <TextField form={form} name={`contacts.${0}.name`} label="氏名" />);
    expect(attributeOf(html, 'input', 'value')).toBe('山田');
  });

  it('binds a field inside a group by its path', () => {
    const html = render('ja', (form) => <TextField form={form} name="identity.familyName" label="姓" />);
    expect(attributeOf(html, 'input', 'value')).toBe('佐藤');
  });

  it('binds a number input to a number field', () => {
    const html = render('ja', (form) => <NumberField form={form} name="minutes" label="所要時間" min={1} />, { minutes: '1以上にしてください' });
    expect(attributeOf(html, 'input', 'value')).toBe('90');
    expect(html).toContain('1以上にしてください');
  });

  it('takes, at compile time, only the name of a text field of the form', () => {
    const html = render('ja', (form) => (
      <>
        <TextField
          form={form}
          // @ts-expect-error -- not a field of the form
          name="nope"
          label="無い欄"
        />
        <TextField
          form={form}
          // @ts-expect-error -- a list, not a text
          name="contacts"
          label="連絡先"
        />
        <TextField
          form={form}
          // @ts-expect-error -- a number, not a text
          name="minutes"
          label="分"
        />
      </>
    ));
    expect(html).toContain('無い欄');
  });
});

describe("limits from the form's schema", () => {
  const schema = z.object({
    title: requiredText(1, 200, '1〜200文字'),
    summary: optionalLongText(8, '8文字まで'),
    contacts: itemList(3, '3人まで', z.object({ name: requiredText(1, 2, '1〜2文字') })),
  });

  function renderSchemaForm(children: (form: UseFormReturnType<NoteValues>) => ReactNode): string {
    function SchemaFormOf() {
      // As useSchemaForm binds its form (forms.ts, which needs a browser for its i18n).
      const form = useForm<NoteValues>({ mode: 'controlled', initialValues: values });
      bindFormSchema(form, schema);
      return <>{children(form)}</>;
    }
    const i18n = createInstance();
    void i18n.use(initReactI18next).init({ resources, lng: 'ja', interpolation: { escapeValue: false }, initAsync: false });
    return renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <SchemaFormOf />
        </MantineProvider>
      </I18nextProvider>,
    );
  }

  it("counts against the limit the schema sets for the field, with none given to the input", () => {
    expect(renderSchemaForm((form) => <LongTextField form={form} name="summary" label="概要" />)).toContain('5 / 8 字');
    expect(renderSchemaForm((form) => <TextField form={form} name={`contacts.${0}.name`} label="氏名" />)).toContain('2 / 2 字');
  });

  it('shows no count where the schema has no such field', () => {
    expect(renderSchemaForm((form) => <LongTextField form={form} name="notes" label="メモ" />)).not.toContain(' / ');
  });
});

describe('JapanDateTimeField', () => {
  it('is a date-and-time input bound to its field that says the time is Japan time, in the UI language', () => {
    const ja = render('ja', (form) => <JapanDateTimeField form={form} name="title" label="開始" />);
    expect(attributeOf(ja, 'input', 'type')).toBe('datetime-local');
    expect(attributeOf(ja, 'input', 'value')).toBe('相談会');
    expect(ja).toContain('日本時間');
    expect(render('en', (form) => <JapanDateTimeField form={form} name="title" label="Starts" />)).toContain('Japan time');
  });
});

describe('YenField', () => {
  it('shows the amount of its field with thousands separators and the currency of the UI language', () => {
    const ja = render('ja', (form) => <YenField form={form} name="budget" label="予算額（円）" />, { budget: '金額は0以上の整数（円）で入力してください。' });
    expect(attributeOf(ja, 'input', 'value')).toBe('1,234,567 円');
    expect(ja).toContain('金額は0以上の整数（円）で入力してください。');
    expect(attributeOf(render('en', (form) => <YenField form={form} name="budget" label="Budget (yen)" />), 'input', 'value')).toBe('1,234,567 yen');
  });
});
