// Place names for the local government codes the app stores (13102 → 東京都中央区) and the
// pickers that choose them by name or reading, so nobody has to know or type a code. The values
// stay codes (forms, the API, the URL); only what a person reads and types changes. The list
// (libs/domain, ~25 KB gzipped) is its own chunk, fetched the first time a page needs it; until
// it arrives a code shows as itself.
import { MultiSelect, Select, type ComboboxItem, type MultiSelectProps, type OptionsFilter, type SelectProps } from '@mantine/core';
import { loadMunicipalityRegistry, type MunicipalityRegistry } from '@tsunagu/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

let loaded: MunicipalityRegistry | null = null;

/** Loads the list (once) and keeps it for every later render to have at once. */
export function loadPlaceNames(): Promise<MunicipalityRegistry> {
  return loadMunicipalityRegistry().then((registry) => (loaded = registry));
}

/** The registry once its chunk has loaded (null before); every caller shares one load. */
export function useMunicipalityRegistry(): MunicipalityRegistry | null {
  const [registry, setRegistry] = useState<MunicipalityRegistry | null>(loaded);
  useEffect(() => {
    if (registry) return;
    let current = true;
    void loadPlaceNames().then((value) => {
      if (current) setRegistry(value);
    });
    return () => {
      current = false;
    };
  }, [registry]);
  return registry;
}

/** code → "東京都中央区"; a code not on the list (or before the list has loaded) stays the code. */
export function usePlaceName(): (code: string) => string {
  const registry = useMunicipalityRegistry();
  return useCallback((code: string) => registry?.nameOf(code) ?? code, [registry]);
}

/** Several codes as names, joined with the UI language's list separator. */
export function usePlaceNames(): (codes: readonly string[]) => string {
  const { t } = useTranslation();
  const placeName = usePlaceName();
  return useCallback((codes: readonly string[]) => codes.map(placeName).join(t('common.listSeparator')), [placeName, t]);
}

/**
 * Mantine's options filter for a place picker: an option stays when the registry's search (name,
 * reading in hiragana or katakana, code) finds its code, in the registry's order.
 */
export function placeFilter(registry: MunicipalityRegistry | null, includePrefectures: boolean): OptionsFilter {
  return ({ options, search, limit }) => {
    const items = options as ComboboxItem[];
    if (!registry || !search.trim()) return items.slice(0, limit);
    const found = new Set(registry.search(search, { includePrefectures }).map((entry) => entry.code));
    return items.filter((item) => found.has(item.value)).slice(0, limit);
  };
}

/**
 * What both pickers give Mantine: every municipality (and prefecture when allowed) as a choice,
 * plus any stored code not on the list, and the search by name, reading or code.
 */
function usePickerProps(values: readonly string[], includePrefectures: boolean) {
  const { t } = useTranslation();
  const registry = useMunicipalityRegistry();
  const data = useMemo(() => {
    const entries = registry ? registry.all.filter((entry) => includePrefectures || entry.kind !== 'PREFECTURE') : [];
    const known = new Set(entries.map((entry) => entry.code));
    return [
      ...values.filter((code) => code && !known.has(code)).map((code) => ({ value: code, label: code })),
      ...entries.map((entry) => ({ value: entry.code, label: entry.fullName })),
    ];
  }, [registry, includePrefectures, values]);
  const filter = useMemo(() => placeFilter(registry, includePrefectures), [registry, includePrefectures]);
  return {
    placeholder: t('places.placeholder'),
    nothingFoundMessage: t('places.nothingFound'),
    searchable: true,
    clearable: true,
    limit: SHOWN_AT_ONCE,
    data,
    filter,
    // In the page with its input rather than in a portal: inside a dialog on a phone the portalled
    // list moved with every scroll of the dialog and lay under its overlay, so nothing could be tapped.
    comboboxProps: { withinPortal: false },
  };
}

interface PlacePickerOptions {
  /** Offer whole prefectures (NN000) as well, where the field allows them (grant regions). */
  readonly includePrefectures?: boolean;
}

const SHOWN_AT_ONCE = 50;

/** Several places chosen by name or reading; the value is their codes. */
export function MunicipalityMultiSelect({ includePrefectures = false, value = [], ...props }: PlacePickerOptions & Omit<MultiSelectProps, 'data' | 'filter'>) {
  const picker = usePickerProps(value, includePrefectures);
  return <MultiSelect {...picker} {...props} value={value} />;
}

/** One place chosen by name or reading; the value is its code ('' or null for none). */
export function MunicipalitySelect({ includePrefectures = false, value, ...props }: PlacePickerOptions & Omit<SelectProps, 'data' | 'filter'>) {
  const values = useMemo(() => (value ? [value] : []), [value]);
  const picker = usePickerProps(values, includePrefectures);
  return <Select {...picker} {...props} value={value || null} />;
}
