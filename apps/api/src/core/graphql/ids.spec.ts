import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from './app-error';
import { requireId, requireIds, requireOptionalId, usableId, usableIds } from './ids';

const ID = '4f9c1d9e-2b7a-4c1e-9a51-0d3b6f2e8a10';
const PERSON = { ja: '当事者の記録', en: 'person' };

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error('expected an AppError');
}

describe('ids', () => {
  it('passes a UUID through', () => {
    expect(requireId(ID, PERSON)).toBe(ID);
    expect(() => requireIds([ID, ID.toUpperCase()], PERSON)).not.toThrow();
    expect(() => requireOptionalId(null, PERSON)).not.toThrow();
    expect(() => requireOptionalId('', PERSON)).not.toThrow();
  });

  it('answers a malformed id exactly as an unknown one: NOT_FOUND with the label', () => {
    const error = thrown(() => requireId('not-an-id', PERSON));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.localized.en).toBe('The person was not found. It may have been removed, or you may not have access to it.');
    expect(thrown(() => requireOptionalId(`${ID}x`, PERSON)).code).toBe('NOT_FOUND');
    expect(thrown(() => requireIds([ID, '1'], PERSON)).code).toBe('NOT_FOUND');
    expect(thrown(() => requireId("1' OR '1'='1")).localized).toEqual(thrown(() => requireId('x')).localized);
  });

  it('lets lookups treat a malformed id as naming nothing', () => {
    expect(usableId(ID)).toBe(ID);
    expect(usableId('x')).toBeNull();
    expect(usableId(null)).toBeNull();
    expect(usableIds([ID, 'x', ID])).toEqual([ID]);
  });
});

// Ids are checked in one place: a module that tests a UUID itself has bypassed requireId/usableId.
describe('the one id check', () => {
  const modules = path.resolve(__dirname, '../../modules');
  function sources(directory: string): string[] {
    return readdirSync(directory).flatMap((entry) => {
      const full = path.join(directory, entry);
      if (statSync(full).isDirectory()) return sources(full);
      return full.endsWith('.ts') && !full.endsWith('.spec.ts') ? [full] : [];
    });
  }

  it('is the only UUID test in the API modules', () => {
    const files = sources(modules);
    expect(files.length).toBeGreaterThan(20);
    const bypassing = files.filter((file) => /\bisUuid\b/.test(readFileSync(file, 'utf8'))).map((file) => path.relative(modules, file));
    expect(bypassing).toEqual([]);
  });
});
