// Fails when apps/api/schema.gql no longer matches the schema the API's resolvers define.
// The committed file is what the web's typed operations are generated from.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committedPath = path.join(root, 'apps/api/schema.gql');
const generated = execFileSync(process.execPath, [path.join(root, 'dist/apps/api/main.js'), 'schema'], {
  encoding: 'utf8',
});
const committed = readFileSync(committedPath, 'utf8');
if (generated !== committed) {
  process.stderr.write(
    'apps/api/schema.gql is stale: the resolvers define a different schema.\n' +
      'Run `npm run schema:generate` and commit apps/api/schema.gql and libs/graphql-client/src/generated.\n',
  );
  process.exit(1);
}
process.stdout.write('apps/api/schema.gql is up to date.\n');
