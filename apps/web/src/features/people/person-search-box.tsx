// Searching people by name or kana: the people list and the referral wizard's person step.
import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchForm } from '../../app/search-form';

/** Keeps what is typed until the search is submitted; then hands it over trimmed. */
export function PersonSearchBox({ label, value, onSearch }: { label: string; value: string; onSearch: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <SearchForm label={label} submitLabel={t('people.searchButton')} onSearch={() => onSearch(text.trim())}>
      <TextInput
        type="search"
        label={t('people.search')}
        description={t('people.searchHelp')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        style={{ flex: '1 1 18rem' }}
      />
    </SearchForm>
  );
}
