// The jGrants sample documents (tests/fixtures/jgrants), shared by the API's mapping unit test and
// the import integration test so both check the same fixture against the same expectations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '../fixtures/jgrants');

/** A valid jGrants document of several subsidies. */
export const JGRANTS_VALID = readFileSync(join(FIXTURES, 'subsidies.json'), 'utf8');

/** A jGrants document of seven records, all but the first broken in one or two fields. */
export const JGRANTS_INVALID = readFileSync(join(FIXTURES, 'subsidies-invalid.json'), 'utf8');

/** Where JGRANTS_INVALID is broken, sorted: every path the import must report. */
export const JGRANTS_INVALID_PATHS = [
  '$.result[1].acceptance_end_datetime',
  '$.result[2].target_area_search',
  '$.result[3].subsidy_max_limit',
  '$.result[4].title',
  '$.result[5].acceptance_start_datetime',
  '$.result[5].front_subsidy_detail_page_url',
  '$.result[6].id',
];
