// Fills in the readings that saves could not write: rows saved before readings existed (the
// migration 1764521600000 leaves them NULL, the demo seed and the bench write rows in bulk) and
// rows saved while the analyser could not load. Each feature registers how to rebuild the text
// its rows' readings are made from (services, grants, courses); the job visits every network.
//
// Why a job and not a step at startup: the analyser runs in Node, and reading a large network's
// rows takes seconds; startup must not wait for that, and with several replicas one of them
// should do it. The job runs once right after the queue starts (pg-boss, one replica claims it)
// and then every 5 minutes, when it costs one index probe per table and network (a partial index
// on the rows whose reading is missing, empty once they are done).
//
// Idempotent and safe beside saves: rows are read in keyset batches, their readings computed
// outside any transaction, and written only where the reading is still missing and the search
// document is still the one that was read, so a save in between wins and a rerun does nothing.
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { repeatingQueue, totalOf } from '../jobs/for-each-network';
import { NetworkJobs } from '../jobs/network-jobs';
import { searchReading } from './japanese-reading';

export const SEARCH_READINGS_QUEUE = 'search.readings';
const QUEUE = repeatingQueue(SEARCH_READINGS_QUEUE);

/** The tables whose rows carry search_document, search_reading and search_bigrams. */
export type SearchTable = 'services' | 'grants' | 'courses';

/** A row whose reading is missing: its search document as stored, and the text it was made from. */
export interface ReadingSource {
  readonly id: string;
  readonly document: string;
  readonly source: string;
}

/**
 * A feature's rows of one network with no reading yet, after `afterId` in id order, at most
 * `limit`; the query should read `WHERE tenant_id = $tenant AND search_reading IS NULL AND id > $after`.
 */
export type MissingReadings = (manager: EntityManager, tenantId: string, afterId: string, limit: number) => Promise<ReadingSource[]>;

/** Rows read and written per transaction. */
const BATCH = 200;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class SearchReadings implements OnModuleInit {
  private readonly logger = new Logger(SearchReadings.name);
  private readonly tables = new Map<SearchTable, MissingReadings>();

  constructor(private readonly jobs: NetworkJobs) {}

  /** Declares how a feature's table rebuilds the texts of its rows with no reading. */
  register(table: SearchTable, missing: MissingReadings): void {
    this.tables.set(table, missing);
  }

  onModuleInit(): void {
    this.jobs.schedule(QUEUE, { cron: '*/5 * * * *', runAtStart: true }, () => this.fillMissing());
  }

  /** Every network's missing readings; returns how many rows got one. */
  async fillMissing(): Promise<number> {
    const pass = await this.jobs.forEachNetwork({ name: 'Search readings', logger: this.logger }, (tenantId) => this.fillNetwork(tenantId));
    const filled = totalOf(pass);
    if (filled || pass.failed.length) this.logger.log({ filled, failures: pass.failed.length }, 'Search readings filled in');
    return filled;
  }

  /** One network's missing readings, table by table, batch by batch. */
  async fillNetwork(tenantId: string): Promise<number> {
    let filled = 0;
    for (const [table, missing] of this.tables) {
      for (let afterId = FIRST_ID; ; ) {
        const rows = await this.jobs.inNetwork(tenantId, (manager) => missing(manager, tenantId, afterId, BATCH));
        if (!rows.length) break;
        const readings: string[] = [];
        for (const row of rows) readings.push(await searchReading(row.source));
        filled += await this.jobs.inNetwork(tenantId, async (manager) => {
          const [, count]: [unknown, number] = await manager.query(
            `UPDATE ${table} t SET search_reading = r.reading
               FROM unnest($2::uuid[], $3::text[], $4::text[]) AS r(id, document, reading)
              WHERE t.tenant_id = $1 AND t.id = r.id AND t.search_reading IS NULL AND t.search_document = r.document`,
            [tenantId, rows.map((row) => row.id), rows.map((row) => row.document), readings],
          );
          return count;
        });
        if (rows.length < BATCH) break;
        afterId = rows[rows.length - 1].id;
      }
    }
    return filled;
  }
}
