import { SERVICE_CATEGORIES, vocabulary } from '@tsunagu/domain';
import { bothLabels, labelIn } from './labels';

const statuses = vocabulary({ OPEN: { ja: '受付中', en: 'Open' }, CLOSED: { ja: '終了', en: 'Closed' } });

describe('vocabulary labels', () => {
  it('reads a code in the UI language, Japanese unless English', () => {
    expect(labelIn(statuses.labels, 'OPEN', 'en')).toBe('Open');
    expect(labelIn(statuses.labels, 'OPEN', 'ja')).toBe('受付中');
    expect(labelIn(statuses.labels, 'CLOSED', 'fr')).toBe('終了');
  });

  it('shows a code it does not know as it is', () => {
    expect(labelIn(statuses.labels, 'ARCHIVED', 'ja')).toBe('ARCHIVED');
  });

  it('gives both labels of the known codes, for a search in either language', () => {
    expect(bothLabels(statuses.labels, ['CLOSED', 'UNKNOWN', 'OPEN'])).toEqual(['終了', 'Closed', '受付中', 'Open']);
    expect(bothLabels(SERVICE_CATEGORIES.labels, [])).toEqual([]);
  });
});
