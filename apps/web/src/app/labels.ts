// Translated labels. The domain's enumerations with an i18n key (roles, organisation kinds) are
// typed so a new value without a label fails typecheck; the vocabularies of libs/domain carry
// their own ja/en labels, read here in the UI language (one helper for every feature).
import type { LocalizedText, OrganizationKind, Role } from '@tsunagu/domain';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function roleLabel(t: TFunction, role: Role): string {
  return t(`roles.${role}`);
}

export function roleOptions(t: TFunction, roles: readonly Role[]): { value: Role; label: string }[] {
  return roles.map((role) => ({ value: role, label: roleLabel(t, role) }));
}

export function organizationKindLabel(t: TFunction, kind: OrganizationKind): string {
  return t(`organizationKind.${kind}`);
}

/** Labels by code, as libs/domain's `vocabulary()` holds them (or a plain label table). */
export type LabelTable = Readonly<Record<string, LocalizedText>>;

/** A libs/domain vocabulary: its labels and its codes in display order. */
export interface Vocabulary {
  readonly labels: LabelTable;
  readonly codes: readonly string[];
}

export interface Option {
  value: string;
  label: string;
}

/** The label of a code in the UI language; a code the web does not know is shown as it is. */
export function labelIn(labels: LabelTable, code: string, language: string): string {
  const label = labels[code] as LocalizedText | undefined;
  if (!label) return code;
  return language === 'en' ? label.en : label.ja;
}

/** Both labels of each known code (what a search in either language matches). */
export function bothLabels(labels: LabelTable, codes: readonly string[]): string[] {
  return codes.flatMap((code) => {
    const label = labels[code] as LocalizedText | undefined;
    return label ? [label.ja, label.en] : [];
  });
}

export interface VocabularyLabels {
  /** The UI language the labels are in. */
  language: string;
  /** A label function for one vocabulary. */
  of: (vocabulary: { readonly labels: LabelTable }) => (code: string) => string;
  /** Select options for a vocabulary, in its order. */
  options: (vocabulary: Vocabulary) => Option[];
}

/** Label functions for the vocabularies of libs/domain in the current UI language. */
export function useVocabularyLabels(): VocabularyLabels {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const of: VocabularyLabels['of'] = (vocabulary) => (code) => labelIn(vocabulary.labels, code, language);
    const options = (vocabulary: Vocabulary): Option[] =>
      vocabulary.codes.map((code) => ({ value: code, label: labelIn(vocabulary.labels, code, language) }));
    return { language, of, options };
  }, [language]);
}

/** One label function per vocabulary of `T`. */
export type LabelsOf<T> = { readonly [K in keyof T]: (code: string) => string };

/**
 * One label function per vocabulary (pass a module constant, so the result stays the same
 * object while the language does), with `language` and `options`.
 */
export function useLabelsOf<T extends Record<string, { readonly labels: LabelTable }>>(vocabularies: T): LabelsOf<T> & VocabularyLabels {
  const labels = useVocabularyLabels();
  return useMemo(() => {
    const functions = Object.fromEntries(Object.entries(vocabularies).map(([name, vocabulary]) => [name, labels.of(vocabulary)]));
    return { ...(functions as LabelsOf<T>), ...labels };
  }, [labels, vocabularies]);
}
