// A rich text (HTML) bound to a field of a useSchemaForm form, like the other bound inputs in
// form-fields.tsx: Mantine's label, description, required mark and error, the value and error
// from the form, and the limit from the form's schema counted under the field — in characters of
// the HTML, as the API's rule counts them. The editor itself (Tiptap) loads on first use, so pages
// without one do not carry it.
import { Input, Loader } from '@mantine/core';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WithCharacterCount, type BoundTo } from './form-fields';
import { textLimitOf } from './form-schemas';

const RichTextEditorInput = lazy(() => import('./rich-text-editor').then((module) => ({ default: module.RichTextEditorInput })));

export type RichTextFieldProps<Values> = BoundTo<Values> & {
  readonly label: string;
  readonly description?: string;
  readonly required?: boolean;
};

export function RichTextField<Values>({ form, name, label, description, required }: RichTextFieldProps<Values>) {
  const { t } = useTranslation();
  const bound = form.getInputProps(name);
  const html = String(bound.value ?? '');
  const max = textLimitOf(form, String(name));
  const id = useId();
  const ids = { label: `${id}-label`, description: `${id}-description`, error: `${id}-error` };
  const error: unknown = bound.error;
  const describedBy = [description ? ids.description : null, error ? ids.error : null].filter(Boolean).join(' ');
  return (
    <Input.Wrapper
      label={label}
      labelElement="div"
      labelProps={{ id: ids.label }}
      description={description}
      descriptionProps={{ id: ids.description }}
      error={bound.error}
      errorProps={{ id: ids.error }}
      required={required}
      // The field's path, as @mantine/form marks its own inputs, so a failed submit finds and focuses the editor.
      data-path={String(name)}
      inputContainer={(editor) => (max === undefined ? editor : <WithCharacterCount input={editor} text={html} max={max} />)}
    >
      <Suspense fallback={<Loader size="sm" aria-label={t('richText.loading')} />}>
        <RichTextEditorInput
          value={html}
          onChange={bound.onChange}
          onBlur={bound.onBlur}
          id={`${id}-editor`}
          labelledBy={ids.label}
          describedBy={describedBy || undefined}
          invalid={Boolean(error)}
        />
      </Suspense>
    </Input.Wrapper>
  );
}
