// Choosing one of a list (a person, a service) in the referral forms: pressed once chosen.
import { Button, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * `label` names what is chosen, for screen readers; the button itself says "choose" or "chosen",
 * and once chosen the name carries that word too (a speech-input user says what they see).
 */
export function ChooseButton({ chosen, label, onClick, size }: { chosen: boolean; label: string; onClick: () => void; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Button size={size} variant={chosen ? 'filled' : 'default'} aria-pressed={chosen} aria-label={chosen ? t('referrals.picker.chosenLabel', { label }) : label} onClick={onClick}>
      {chosen ? t('referrals.picker.chosen') : t('referrals.picker.chooseShort')}
    </Button>
  );
}
