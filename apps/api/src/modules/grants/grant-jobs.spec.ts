import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/config';
import type { JobQueue } from '../../core/jobs/job-queue';
import { NetworkJobs } from '../../core/jobs/network-jobs';
import { MailOutbox } from '../../core/mail';
import { Clock } from '../../core/time/clock';
import { GRANT_AUTO_CLOSE_QUEUE, GRANT_DIGEST_QUEUE, GRANT_REMINDERS_QUEUE, GrantJobs } from './grant-jobs';
import type { GrantMatch, GrantsService, SavedGrantSearch } from './grants.service';

const TENANT_A = '11111111-1111-4111-8111-111111111111';
const TENANT_B = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-01-10T00:00:00Z');

function match(id: string, title: string): GrantMatch {
  return { tenantId: TENANT_A, id, title, funderName: '財団', windowClosesAt: null, publishedAt: NOW };
}

/** A DataSource whose transactions answer the jobs' queries from `answer`. */
function fakeDataSource(answer: (sql: string, params: unknown[]) => unknown[]): DataSource {
  const manager = { query: jest.fn(async (sql: string, params: unknown[] = []) => answer(sql, params)) };
  return { transaction: async (work: (m: typeof manager) => Promise<unknown>) => work(manager) } as unknown as DataSource;
}

function jobsWith(dataSource: DataSource, grants: Partial<GrantsService>) {
  const register = jest.fn();
  const queue = { register } as unknown as JobQueue;
  const clock = new Clock();
  jest.spyOn(clock, 'now').mockReturnValue(NOW);
  const config = { mail: { appBaseUrl: 'https://tsunagu.example.jp' } } as AppConfig;
  const outbox = new MailOutbox(queue, config);
  const enqueue = jest.spyOn(outbox, 'enqueue').mockResolvedValue('mail-id');
  const jobs = new GrantJobs(new NetworkJobs(dataSource, queue), outbox, clock, grants as GrantsService);
  return { jobs, register, enqueue };
}

describe('GrantJobs', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('schedules the auto-close, the reminders and the 07:30 Japan-time digest', () => {
    const { jobs, register } = jobsWith(fakeDataSource(() => []), {});
    jobs.onModuleInit();
    const schedules = Object.fromEntries(register.mock.calls.map(([queue, , schedule]) => [queue.name, schedule]));
    expect(schedules).toEqual({
      [GRANT_AUTO_CLOSE_QUEUE]: { cron: '*/5 * * * *' },
      [GRANT_REMINDERS_QUEUE]: { cron: '*/10 * * * *' },
      [GRANT_DIGEST_QUEUE]: { cron: '30 7 * * *', tz: 'Asia/Tokyo' },
    });
  });

  it('closes the other networks when one fails', async () => {
    const dataSource = fakeDataSource((sql) => (sql.includes('FROM networks') ? [{ id: TENANT_A }, { id: TENANT_B }] : []));
    const closeEndedGrants = jest.fn(async (tenantId: string) => {
      if (tenantId === TENANT_A) throw new Error('boom');
      return [{ id: 'g1', organizationId: 'o1', title: 't' }];
    });
    const { jobs } = jobsWith(dataSource, { closeEndedGrants });
    await expect(jobs.closeEnded()).resolves.toEqual(['g1']);
    expect(closeEndedGrants).toHaveBeenCalledTimes(2);
  });

  it('mails a member only the matches this run claimed, skips a search that cannot run, and mails nothing without new matches', async () => {
    const searches = [
      { id: 's1', membership_id: 'm1', name: '子ども', criteria: { keywords: '子ども' }, created_at: new Date('2026-01-09T00:00:00Z'), email: 'a@example.jp', language: 'ja' },
      { id: 's2', membership_id: 'm1', name: '壊れた条件', criteria: { amountFrom: -1 }, created_at: NOW, email: 'a@example.jp', language: 'ja' },
      { id: 's3', membership_id: 'm2', name: '住まい', criteria: { keywords: '住まい' }, created_at: NOW, email: 'b@example.jp', language: 'en' },
    ];
    const claims: unknown[][] = [];
    const dataSource = fakeDataSource((sql, params) => {
      if (sql.includes('FROM grant_saved_searches')) return searches;
      if (sql.includes('INSERT INTO grant_saved_search_matches')) {
        claims.push(params);
        // Another worker already claimed g2.
        return (params[3] as string[]).filter((id) => id !== 'g2').map((grant_id) => ({ grant_id }));
      }
      return [];
    });
    const sinces: Date[] = [];
    const matchingNewGrants = jest.fn(async (_manager: unknown, _tenant: string, search: SavedGrantSearch, since: Date) => {
      sinces.push(since);
      if (search.id === 's1') return [match('g1', '子ども食堂'), match('g2', '子どもの居場所')];
      if (search.id === 's2') throw new Error('BAD_USER_INPUT');
      return [match('g2', '住まい')];
    });
    const { jobs, enqueue } = jobsWith(dataSource, { matchingNewGrants: matchingNewGrants as unknown as GrantsService['matchingNewGrants'] });
    await expect(jobs.digestsFor(TENANT_A)).resolves.toBe(1);
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(enqueue.mock.calls[0]).toEqual([
      expect.anything(),
      {
        to: 'a@example.jp',
        language: 'ja',
        template: {
          kind: 'grant-saved-search',
          searches: [{ name: '子ども', grants: [{ title: '子ども食堂', funderName: '財団', closesAt: null, grantUrl: 'https://tsunagu.example.jp/grants/g1' }] }],
          savedSearchesUrl: 'https://tsunagu.example.jp/grants/saved',
        },
      },
    ]);
    // Since the search was saved, but never more than a week back.
    expect(sinces[0]).toEqual(new Date('2026-01-09T00:00:00Z'));
    expect(claims).toHaveLength(2);
  });
});
