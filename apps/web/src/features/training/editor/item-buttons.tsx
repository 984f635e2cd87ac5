// The buttons of one item in an ordered list (a course's modules, a module's materials): move up
// or down (buttons rather than drag and drop, so the keyboard and screen readers can reorder
// too) and remove, each named with the item for assistive technology.
import { Button, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function MoveButtons({
  idPrefix,
  size,
  disabled,
  first,
  last,
  upLabel,
  downLabel,
  onMove,
}: {
  /** Gives the buttons ids (`<prefix>-up`, `<prefix>-down`) where focus must be put back on them after a move. */
  idPrefix?: string;
  size: ButtonProps['size'];
  disabled: boolean;
  first: boolean;
  last: boolean;
  upLabel: string;
  downLabel: string;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button id={idPrefix && `${idPrefix}-up`} size={size} variant="default" disabled={disabled || first} aria-label={upLabel} onClick={() => onMove(-1)}>
        {t('trainingEditor.moveUp')}
      </Button>
      <Button id={idPrefix && `${idPrefix}-down`} size={size} variant="default" disabled={disabled || last} aria-label={downLabel} onClick={() => onMove(1)}>
        {t('trainingEditor.moveDown')}
      </Button>
    </>
  );
}

export function RemoveButton({ size, disabled, label, onClick }: { size: ButtonProps['size']; disabled: boolean; label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size={size} variant="light" color="red" disabled={disabled} aria-label={label} onClick={onClick}>
      {t('trainingEditor.remove')}
    </Button>
  );
}
