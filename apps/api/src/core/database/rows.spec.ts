import { camelized } from './rows';

describe('camelized', () => {
  it('renames every column to camelCase and keeps the values as they are', () => {
    const createdAt = new Date('2026-04-01T00:00:00Z');
    const row = { id: 'a', learner_name: 'Aoi', training_session_id: null, sha256: 'f0', created_at: createdAt };
    const model = camelized(row);
    expect(model).toEqual({ id: 'a', learnerName: 'Aoi', trainingSessionId: null, sha256: 'f0', createdAt });
    expect(model.createdAt).toBe(createdAt);
  });

  it('leaves out the skipped columns', () => {
    const row = { id: 'a', cursor_key: '2026-04-01 00:00:00.123456', enrolment_id: 'e' };
    expect(camelized(row, ['cursor_key', 'enrolment_id'])).toEqual({ id: 'a' });
  });
});
