// Database provisioning shared by `npm start`, the tests and the benchmark (CommonJS so that
// jest can load it too). Given a superuser connection it makes sure that:
//   - tsunagu_owner exists: it owns the database and every table, and runs migrations;
//   - tsunagu_app exists: it serves requests, owns nothing and has no BYPASSRLS, so the
//     row-level security policies bind it;
//   - the database exists, owned by tsunagu_owner (optionally copied from a template).
const { randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const pg = require('pg');

const APP_ROLE = 'tsunagu_app';
const OWNER_ROLE = 'tsunagu_owner';
const ROLE_SETUP_LOCK = 7_240_312; // arbitrary, fixed: "tsunagu role set-up"

function readOrCreateSecret(file, bytes = 18) {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** Local role passwords, generated once and kept in dir. */
function localCredentials(dir) {
  return {
    ownerPassword: readOrCreateSecret(path.join(dir, 'owner-password')),
    appPassword: readOrCreateSecret(path.join(dir, 'app-password')),
  };
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url, user, password, database) {
  const parsed = new URL(withDatabase(url, database));
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(superuserUrl, { database, ownerPassword, appPassword, template }) {
  await withClient(superuserUrl, async (client) => {
    const ident = (name) => client.escapeIdentifier(name);
    // Test workers prepare databases at the same time; roles live in a shared catalog, where
    // two concurrent ALTER ROLEs fail with "tuple concurrently updated". One at a time.
    await client.query('SELECT pg_advisory_lock($1)', [ROLE_SETUP_LOCK]);
    for (const [role, password, extra] of [
      [OWNER_ROLE, ownerPassword, 'CREATEROLE'],
      [APP_ROLE, appPassword, 'NOCREATEROLE'],
    ]) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = rowCount ? 'ALTER' : 'CREATE';
      // Concurrent test workers may race to create the role; the loser just alters it.
      await client
        .query(`${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOBYPASSRLS ${extra} PASSWORD ${client.escapeLiteral(password)}`)
        .catch(async (error) => {
          if (error.code !== '42710') throw error;
          await client.query(`ALTER ROLE ${ident(role)} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
        });
    }
    await client.query('SELECT pg_advisory_unlock($1)', [ROLE_SETUP_LOCK]);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      const templateClause = template ? ` TEMPLATE ${ident(template)}` : '';
      await client.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(OWNER_ROLE)}${templateClause}`);
    }
  });
  // Array containment and overlap cannot reveal anything about rows, but PostgreSQL does not
  // ship them as LEAKPROOF, and without that no index serves them under row-level security
  // (directory search). Only a superuser may mark them; the API works without it, slower.
  await withClient(withDatabase(superuserUrl, database), async (client) => {
    await client.query('ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF');
    await client.query('ALTER FUNCTION pg_catalog.arrayoverlap(anyarray, anyarray) LEAKPROOF');
  });
  return {
    ownerUrl: withCredentials(superuserUrl, OWNER_ROLE, ownerPassword, database),
    appUrl: withCredentials(superuserUrl, APP_ROLE, appPassword, database),
  };
}

async function dropDatabase(superuserUrl, database) {
  await withClient(superuserUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`),
  );
}

module.exports = {
  APP_ROLE,
  OWNER_ROLE,
  localCredentials,
  prepareDatabase,
  dropDatabase,
  withDatabase,
  withClient,
  readOrCreateSecret,
};
