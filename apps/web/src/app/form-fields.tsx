// Text and number inputs bound to one field of a useSchemaForm (@mantine/form) form by its
// name, so every form spells a field the same way: Mantine's own label, description, required
// asterisk and error wiring, the value and its error taken from the form. A text's limit comes
// from the form's schema (the API's own rule) and is said before it is hit: a long text counts
// its characters under the field, a one-line text once it nears the limit. The browser is never
// given the limit, so pasted text is not cut silently: what is over turns the count red and the
// schema names the limit. Amounts of money share one YenField.
import { NumberInput, Text, TextInput, Textarea, type NumberInputProps, type TextInputProps, type TextareaProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { normalizeNumericText } from '@tsunagu/domain';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimitOf } from './form-schemas';

/**
 * The paths of a form's values that hold a Leaf (text, a number), as @mantine/form's
 * getInputProps takes them: a top-level key (`'title'`), a key inside the items of a list
 * (`` `contacts.${index}.name` ``) or inside a group (`` `${section}.${field}` ``).
 */
export type FieldPath<Values, Leaf> = {
  [Key in keyof NamedFields<Values>]: PathThrough<Key, NamedFields<Values>[Key], Leaf>;
}[keyof NamedFields<Values>];

// [Value] so that a value of several kinds (number | '') is a Leaf only when each kind is.
type PathThrough<Key extends string, Value, Leaf> = [Value] extends [Leaf]
  ? Key
  : Value extends readonly (infer Item)[]
    ? PathThrough<`${Key}.${number}`, Item, Leaf>
    : Value extends object
      ? `${Key}.${FieldPath<Value, Leaf> | IndexedPath<Value, Leaf>}`
      : never;

/** Any key of a record by string (`Record<string, string>`) whose values are a Leaf. */
type IndexedPath<Value, Leaf> = string extends keyof Value ? (Value[string & keyof Value] extends Leaf ? string : never) : never;

/** The fields a form's values name, without the index signature (`Record<string, unknown>`) useSchemaForm's values extend. */
type NamedFields<Values> = { [Key in keyof Values as string extends Key ? never : Key & string]: Values[Key] };

/** What ties an input to its form; the input's value, change handler and error come from here. */
export interface BoundTo<Values, Leaf = string> {
  readonly form: UseFormReturnType<Values>;
  readonly name: NoInfer<FieldPath<Values, Leaf>>;
}

/** The props the form gives, which a caller must not give as well. */
type FormGiven = 'form' | 'name' | 'value' | 'defaultValue' | 'onChange' | 'error';

/** The limit as a count to show rather than a cut: the form's schema's, or a maxLength given for a field the schema does not reach. */
type Limited = { readonly maxLength?: number };

export type TextFieldProps<Values> = BoundTo<Values> & Omit<TextInputProps, FormGiven | 'maxLength'> & Limited;

/** A one-line text input (also date, time, url, email…) bound to a field of the form. */
export function TextField<Values>({ form, name, maxLength, ...input }: TextFieldProps<Values>) {
  const bound = form.getInputProps(name);
  const max = maxLength ?? textLimitOf(form, String(name));
  const text = String(bound.value ?? '');
  // A one-line text shows its count only near its limit (from 80 %), where it starts to matter.
  const counted = max !== undefined && text.length >= max * 0.8;
  return <TextInput {...input} inputContainer={counted ? (field) => <WithCharacterCount input={field} text={text} max={max} /> : undefined} {...bound} />;
}

/**
 * A date and time bound to a field of the form, entered and shown in Japan time (the form turns
 * it into an instant), which the field says under itself so nobody enters it in their own zone.
 */
export function JapanDateTimeField<Values>(props: Omit<TextFieldProps<Values>, 'type' | 'description'>) {
  const { t } = useTranslation();
  return <TextField {...props} type="datetime-local" description={t('common.japanTime')} />;
}

export type NumberFieldProps<Values> = BoundTo<Values, number | string> & Omit<NumberInputProps, FormGiven>;

/** A number input bound to a field of the form (a number, or '' while empty); full-width digits typed with an IME count. */
export function NumberField<Values>({ form, name, ...input }: NumberFieldProps<Values>) {
  return <NumberInput {...input} {...form.getInputProps(name)} onChangeCapture={withAsciiDigits} />;
}

/**
 * Turns what an IME typed into the number input (１２３, －) into ASCII before the input reads it:
 * Mantine's NumberInput (react-number-format) keeps only ASCII digits and would drop the rest,
 * so a number typed in full width would vanish. Runs in the capture phase, before its handler.
 */
export function withAsciiDigits(event: FormEvent<HTMLInputElement>): void {
  const input = event.target as HTMLInputElement;
  const ascii = normalizeNumericText(input.value);
  if (ascii !== input.value) input.value = ascii;
}

/** The props YenField sets itself, the same for every amount. */
type YenGiven = 'min' | 'allowNegative' | 'allowDecimal' | 'thousandSeparator' | 'suffix';

export type YenFieldProps<Values> = BoundTo<Values, number | string> & Omit<NumberInputProps, FormGiven | YenGiven>;

/**
 * An amount of money bound to a field of the form: whole yen, 0 or more (as the API takes
 * amounts), shown with thousands separators while typing and the currency after the number,
 * so a long amount reads right before it is saved.
 */
export function YenField<Values>(props: YenFieldProps<Values>) {
  const { t } = useTranslation();
  return <NumberField {...props} min={0} allowNegative={false} allowDecimal={false} thousandSeparator="," suffix={t('common.yenSuffix')} />;
}

export type LongTextFieldProps<Values> = BoundTo<Values> &
  Omit<TextareaProps, FormGiven | 'autosize' | 'minRows' | 'maxLength'> &
  Limited & {
    /** The rows shown when empty; the field grows with its text. */
    readonly rows?: number;
  };

/**
 * A text area that grows with its text, bound to a field of the form; where the field has a
 * limit, it shows how many characters are used ("123 / 2000 字").
 */
export function LongTextField<Values>({ form, name, rows, maxLength, ...textarea }: LongTextFieldProps<Values>) {
  const bound = form.getInputProps(name);
  const max = maxLength ?? textLimitOf(form, String(name));
  return (
    <Textarea
      {...textarea}
      autosize
      minRows={rows}
      inputContainer={max === undefined ? undefined : (input) => <WithCharacterCount input={input} text={String(bound.value ?? '')} max={max} />}
      {...bound}
    />
  );
}

/** An input with how many characters it holds of its limit under it ("123 / 2000 字"), red when over. */
export function WithCharacterCount({ input, text, max }: { input: ReactNode; text: string; max: number }) {
  const { t } = useTranslation();
  // String length, as the API's limit and the browser's maxLength count it (UTF-16 units).
  const length = text.length;
  return (
    <>
      {input}
      <Text fz="xs" c={length > max ? 'red' : 'dimmed'} ta="right" mt={4}>
        {t('common.characterCount', { length, max })}
      </Text>
    </>
  );
}
