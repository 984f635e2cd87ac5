// The pieces of a search page whose query lives in the URL (so a search can be shared,
// bookmarked or stepped through with the back button): the filters read from and written to
// the query string, the search box, the filter panel and the results section.
import { Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SearchForm } from './search-form';

/** The page's filters as the URL holds them, and a way to change some of them. */
export function useUrlFilters<F>(read: (params: URLSearchParams) => F, write: (filters: F) => URLSearchParams) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => read(params), [params, read]);
  const apply = (next: Partial<F>) => setParams(write({ ...filters, ...next }));
  return { filters, apply, setParams };
}

/** A search box's own value while it is typed, following the URL when back/forward or a shared link change it. */
export function useUrlDraft<T>(fromUrl: T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState(fromUrl);
  useEffect(() => setValue(fromUrl), [fromUrl]);
  return [value, setValue];
}

/** The shared search form with the keywords box first, then any further boxes, then the search button. */
export function SearchBar({
  label,
  keywords,
  onKeywordsChange,
  keywordsLabel,
  keywordsHelp,
  submitLabel,
  onSubmit,
  children,
}: {
  label: string;
  keywords: string;
  onKeywordsChange: (keywords: string) => void;
  keywordsLabel: string;
  keywordsHelp: string;
  submitLabel: string;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  return (
    <SearchForm label={label} submitLabel={submitLabel} onSearch={onSubmit}>
      <TextInput
        label={keywordsLabel}
        description={keywordsHelp}
        type="search"
        value={keywords}
        onChange={(event) => onKeywordsChange(event.currentTarget.value)}
        style={{ flex: '1 1 18rem' }}
      />
      {children}
    </SearchForm>
  );
}

/** The filter panel beside the results, with "clear" while any filter is set. */
export function FilterPanelCard({
  headingId,
  title,
  clearLabel,
  onClear,
  children,
}: {
  headingId: string;
  title: string;
  clearLabel: string;
  /** Given while any filter is set. */
  onClear: (() => void) | null;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} fz="h5" id={headingId}>
            {title}
          </Title>
          {onClear ? (
            <Button variant="subtle" size="compact-sm" onClick={onClear}>
              {clearLabel}
            </Button>
          ) : null}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** The results of a search, under their heading with what stands beside it (a sort, a total). */
export function ResultsSection({ headingId, title, aside, children }: { headingId: string; title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4" id={headingId}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </section>
  );
}
