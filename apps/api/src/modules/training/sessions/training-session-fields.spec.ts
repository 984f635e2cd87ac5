import { AppError } from '../../../core/graphql/app-error';
import { validateSessionFields } from './training-session-fields';
import type { TrainingSessionInput } from './training-session.model';

const valid: TrainingSessionInput = {
  title: '  相談対応の基礎 研修会 ',
  description: '',
  courseId: null,
  startsAt: new Date('2030-04-01T01:00:00Z'),
  endsAt: new Date('2030-04-01T03:00:00Z'),
  place: ' 会議室A ',
  onlineUrl: '',
  capacity: 20,
};

function problemsOf(input: Partial<TrainingSessionInput>): string[] {
  try {
    validateSessionFields({ ...valid, ...input });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.extensions['reason']).toBe('SESSION_INVALID');
    return Object.keys(error.extensions['fields'] as object).sort();
  }
  return [];
}

describe('validateSessionFields', () => {
  it('trims text and turns blank optional fields into null', () => {
    expect(validateSessionFields(valid)).toEqual({
      title: '相談対応の基礎 研修会',
      description: '',
      courseId: null,
      startsAt: valid.startsAt,
      endsAt: valid.endsAt,
      place: '会議室A',
      onlineUrl: null,
      capacity: 20,
    });
  });

  it('needs a place or an http(s) online link', () => {
    expect(problemsOf({ place: '   ', onlineUrl: null })).toEqual(['place']);
    expect(problemsOf({ place: null, onlineUrl: 'https://meet.example.jp/a' })).toEqual([]);
    for (const onlineUrl of ['javascript:alert(1)', 'ftp://example.jp', 'https://', 'https://exa mple.jp']) {
      expect([onlineUrl, problemsOf({ place: null, onlineUrl })]).toEqual([onlineUrl, ['onlineUrl']]);
    }
  });

  it('needs the end after the start', () => {
    expect(problemsOf({ endsAt: valid.startsAt })).toEqual(['endsAt']);
    expect(problemsOf({ endsAt: new Date('2030-04-01T00:59:59Z') })).toEqual(['endsAt']);
    expect(problemsOf({ startsAt: new Date('invalid') })).toEqual(['startsAt']);
  });

  it('keeps the capacity within 1–10000 whole places', () => {
    expect(problemsOf({ capacity: 1 })).toEqual([]);
    expect(problemsOf({ capacity: 10_000 })).toEqual([]);
    for (const capacity of [0, -1, 10_001, 2.5]) expect(problemsOf({ capacity })).toEqual(['capacity']);
  });

  it('reports every faulty field at once', () => {
    expect(problemsOf({ title: ' ', description: 'あ'.repeat(4001), capacity: 0, endsAt: valid.startsAt })).toEqual(['capacity', 'description', 'endsAt', 'title']);
  });
});
