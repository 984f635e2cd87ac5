// A filter's day range: two date inputs ("from" and "to", labelled by the page) placed as two
// cells of the page's own filter row or grid. A "to" before "from" would match nothing and leave
// the list silently empty, so the range is flagged under the "to" field instead; the page asks
// isReversedDayRange too, to not run its query with such a range.
import { isReversedDayRange } from '@tsunagu/domain';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface DateRangeFieldsProps {
  fromLabel: string;
  toLabel: string;
  /** The first day, "YYYY-MM-DD", or '' for no lower bound. */
  from: string;
  /** The last day, "YYYY-MM-DD", or '' for no upper bound. */
  to: string;
  onFromChange: (day: string) => void;
  onToChange: (day: string) => void;
  /** Each input's width; unset, they fill their grid cells. */
  w?: number;
}

export function DateRangeFields({ fromLabel, toLabel, from, to, onFromChange, onToChange, w }: DateRangeFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput type="date" label={fromLabel} value={from} onChange={(event) => onFromChange(event.currentTarget.value)} w={w} />
      <TextInput
        type="date"
        label={toLabel}
        value={to}
        onChange={(event) => onToChange(event.currentTarget.value)}
        error={isReversedDayRange(from, to) ? t('common.dateRangeReversed') : undefined}
        w={w}
      />
    </>
  );
}
