// The annual evaluation's title, shared by its CSV and its PDF.
import { fiscalYearLabelJa, Language } from '@tsunagu/domain';

export function annualTitle(fiscalYear: number, language: Language): string {
  return language === 'ja'
    ? `${fiscalYearLabelJa(fiscalYear)} 施策の評価・検証`
    : `Annual evaluation, fiscal year ${fiscalYear} (${fiscalYearLabelJa(fiscalYear)})`;
}
