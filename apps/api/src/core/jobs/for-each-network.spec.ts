import { failIfAnyNetworkFailed, repeatingQueue, runForNetworks, totalOf } from './for-each-network';

describe('runForNetworks', () => {
  it('runs every network, reports a failing one with its id and goes on to the next', async () => {
    const logged: Array<{ tenantId: string; message: string }> = [];
    const logger = { error: (details: { err: unknown; tenantId: string }, message: string) => void logged.push({ tenantId: details.tenantId, message }), log: () => undefined };
    const visited: string[] = [];
    const pass = await runForNetworks(['n1', 'n2', 'n3'], { name: 'Test job', logger }, async (tenantId) => {
      visited.push(tenantId);
      if (tenantId === 'n2') throw new Error('broken network');
      return tenantId.length;
    });
    expect(visited).toEqual(['n1', 'n2', 'n3']);
    expect(pass).toEqual({ results: [2, 2], failed: ['n2'] });
    expect(logged).toEqual([{ tenantId: 'n2', message: 'Test job failed for a network' }]);
  });

  it('fails a retried job only after the last network, and sums what the others did', async () => {
    const job = { name: 'Digest', logger: { error: () => undefined, log: () => undefined } };
    const pass = await runForNetworks(['n1', 'n2', 'n3'], job, async (tenantId) => {
      if (tenantId === 'n1') throw new Error('broken network');
      return 2;
    });
    expect(totalOf(pass)).toBe(4);
    expect(() => failIfAnyNetworkFailed(job, pass)).toThrow('Digest failed for 1 network(s)');
    expect(() => failIfAnyNetworkFailed(job, { results: [], failed: [] })).not.toThrow();
  });

  it('keeps a frequent job from being retried or piling up', () => {
    expect(repeatingQueue('jobs.every-minute')).toMatchObject({ name: 'jobs.every-minute', policy: 'stately', retryLimit: 0 });
  });
});
