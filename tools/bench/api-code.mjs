// @ts-check
// The API's own code the bench runs: the statements it measures (the services' *-queries.ts
// files), libs/domain's rules (the referral actions), the report protection and figures, and the
// search readings the directory's data is written with. They
// are loaded from their TypeScript sources with jiti (a devDependency that transpiles each module
// once, at load, to plain JavaScript), with @tsunagu/domain resolved as tsconfig.base.json does.
// So the raw-SQL baseline and --explain run what the API runs, not copies that could drift; and
// the types below come from the same files, so `npm run typecheck` catches a changed signature.
import path from 'node:path';
import { root } from './settings.mjs';

const api = path.join(root, 'apps/api/src');

/**
 * @typedef {object} ApiCode
 * @property {typeof import('../../libs/domain/src/index')} domain
 * @property {typeof import('../../apps/api/src/modules/referrals/referral-queries')} referrals
 * @property {typeof import('../../apps/api/src/core/personal-data/person-queries')} persons
 * @property {typeof import('../../apps/api/src/modules/members/membership.mapper')} members
 * @property {typeof import('../../apps/api/src/core/auth/actor-queries')} auth
 * @property {typeof import('../../apps/api/src/modules/reports/report-queries')} reportQueries
 * @property {typeof import('../../apps/api/src/modules/reports/report-protection')} reportProtection
 * @property {typeof import('../../apps/api/src/modules/reports/report-figures')} reportFigures
 * @property {typeof import('../../apps/api/src/modules/home/home-queries')} home
 * @property {typeof import('../../apps/api/src/core/search/japanese-reading')} readings
 */

/** @type {Promise<ApiCode> | undefined} */
let loading;

/** The API's code, loaded once per process. @returns {Promise<ApiCode>} */
export function apiCode() {
  loading ??= load();
  return loading;
}

/** @returns {Promise<ApiCode>} */
async function load() {
  const { createJiti } = await import('jiti');
  const domainIndex = path.join(root, 'libs/domain/src/index.ts');
  // The home's statements reach the grant, partnership and training readers, which import the
  // shared ability (libs/authz) as the API does.
  const authzIndex = path.join(root, 'libs/authz/src/index.ts');
  const jiti = createJiti(import.meta.url, { alias: { '@tsunagu/domain': domainIndex, '@tsunagu/authz': authzIndex }, fsCache: false });
  /** @param {string} file */
  const load = (file) => jiti.import(file);
  return /** @type {ApiCode} */ ({
    domain: await load(domainIndex),
    referrals: await load(path.join(api, 'modules/referrals/referral-queries.ts')),
    persons: await load(path.join(api, 'core/personal-data/person-queries.ts')),
    members: await load(path.join(api, 'modules/members/membership.mapper.ts')),
    auth: await load(path.join(api, 'core/auth/actor-queries.ts')),
    reportQueries: await load(path.join(api, 'modules/reports/report-queries.ts')),
    reportProtection: await load(path.join(api, 'modules/reports/report-protection.ts')),
    reportFigures: await load(path.join(api, 'modules/reports/report-figures.ts')),
    home: await load(path.join(api, 'modules/home/home-queries.ts')),
    readings: await load(path.join(api, 'core/search/japanese-reading.ts')),
  });
}
