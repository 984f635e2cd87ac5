// A search form (role="search", named by its label): the search inputs given as children side by
// side, then the search button (and what comes after it, such as "clear filters"); submitting
// runs the search instead of reloading the page.
import { Button, Group } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

export interface SearchFormProps {
  label: string;
  submitLabel: string;
  onSearch: () => void;
  children: ReactNode;
  /** Shown after the search button. */
  after?: ReactNode;
}

export function SearchForm({ label, submitLabel, onSearch, children, after }: SearchFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch();
  };
  return (
    <form role="search" aria-label={label} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {children}
        <Button type="submit">{submitLabel}</Button>
        {after}
      </Group>
    </form>
  );
}
