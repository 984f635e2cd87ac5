// The architecture's rules, checked over the source tree (in the style of
// personal-data/single-read-path.spec.ts). Each rule is a function over a list of files, so the
// first block feeds it a deliberately broken fixture and sees it report, and the second runs it
// over the real tree:
// - only core/tenancy sets a database setting (set_config): features use its named helpers;
// - roles are checked through the shared rules (libs/authz abilities, libs/domain predicates),
//   never by hand in the apps (`roles.includes(`, `roles.some(`);
// - production code (apps/*/src, libs/*/src, outside specs) imports nothing from tests/;
// - core never imports a feature module (modules depend on core, not the other way round).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

const ROOT = path.resolve(__dirname, '../../../..');
const TENANCY = 'apps/api/src/core/tenancy/';
const SET_CONFIG = /\bset_config\s*\(/;
const ROLE_CHECK = /\broles\s*\.\s*(includes|some)\s*\(/;
/** Reviewed places that handle a list of roles without deciding what someone may do, and why. */
const ROLE_LIST_EDITORS = [
  // The role picker of the member form: which boxes are ticked, not an authorisation check.
  'apps/web/src/features/members/role-checkboxes.tsx',
];
/**
 * Role checks by hand still in the web grants pages: the web-grants change of issue 15 replaces
 * them with the shared ability; empty this list when it is merged.
 */
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function importsOf(file: SourceFile): string[] {
  return [...file.text.matchAll(IMPORT)].map((match) => match[1]);
}

/** Where a relative import lands, from the repository root; null for packages and aliases. */
function resolved(file: SourceFile, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
}

function isProduction(file: SourceFile): boolean {
  return /^(apps|libs)\/[^/]+\/src\//.test(file.path) && !/\.(spec|test)\.tsx?$/.test(file.path);
}

export function setConfigOutsideTenancy(files: readonly SourceFile[]): string[] {
  return files.filter((file) => isProduction(file) && !file.path.startsWith(TENANCY) && SET_CONFIG.test(file.text)).map((file) => file.path);
}

export function rolesCheckedByHand(files: readonly SourceFile[]): string[] {
  return files
    .filter((file) => isProduction(file) && file.path.startsWith('apps/') && !ROLE_LIST_EDITORS.includes(file.path))
    .flatMap((file) =>
      file.text.split('\n').flatMap((line, index) => (ROLE_CHECK.test(line) ? [`${file.path}:${index + 1}`] : [])),
    );
}

export function productionImportsFromTests(files: readonly SourceFile[]): string[] {
  return files.filter(isProduction).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => resolved(file, specifier)?.startsWith('tests/') || /^tests\//.test(specifier))
      .map((specifier) => `${file.path} → ${specifier}`),
  );
}

export function coreImportsModules(files: readonly SourceFile[]): string[] {
  return files
    .filter((file) => isProduction(file) && file.path.startsWith('apps/api/src/core/'))
    .flatMap((file) =>
      importsOf(file)
        .filter((specifier) => resolved(file, specifier)?.startsWith('apps/api/src/modules/'))
        .map((specifier) => `${file.path} → ${specifier}`),
    );
}

function sourceFiles(directory: string): SourceFile[] {
  return readdirSync(path.join(ROOT, directory)).flatMap((entry) => {
    const relative = `${directory}/${entry}`;
    if (entry === 'node_modules') return [];
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mts|cts)$/.test(entry) ? [{ path: relative, text: readFileSync(path.join(ROOT, relative), 'utf8') }] : [];
  });
}

describe('the architecture rules catch a broken fixture', () => {
  it('reports set_config outside core/tenancy, and only there', () => {
    const files = [
      { path: 'apps/api/src/modules/members/members.service.ts', text: "await manager.query(`SELECT set_config('app.tenant_id', $1, true)`);" },
      { path: 'apps/api/src/core/tenancy/tenant-transaction.ts', text: "SELECT set_config('app.auth', 'on', true)" },
      { path: 'apps/api/src/modules/members/members.service.spec.ts', text: "set_config('app.tenant_id', $1, true)" },
    ];
    expect(setConfigOutsideTenancy(files)).toEqual(['apps/api/src/modules/members/members.service.ts']);
  });

  it('reports a role checked by hand in the API or the web app', () => {
    const files = [
      { path: 'apps/api/src/modules/training/learning/learning.service.ts', text: "const x = 1;\nconst wide = actor.roles.includes('TRAINER');" },
      { path: 'apps/web/src/features/grants/grant-parts.tsx', text: "actor?.roles.some((role) => role === 'NETWORK_ADMIN')" },
      { path: 'apps/api/src/modules/grants/grants.service.ts', text: "assertCan(actor, 'update', grant);" },
      { path: 'apps/web/src/features/members/role-checkboxes.tsx', text: 'grantable.filter((role) => roles.includes(role))' },
    ];
    expect(rolesCheckedByHand(files)).toEqual([
      'apps/api/src/modules/training/learning/learning.service.ts:2',
      'apps/web/src/features/grants/grant-parts.tsx:1',
    ]);
  });

  it('reports production code importing from tests/', () => {
    const files = [
      { path: 'apps/api/src/modules/hsds/hsds-schema.ts', text: "import address from '../../../../../tests/fixtures/hsds/3.2/address.json';" },
      { path: 'apps/api/src/modules/hsds/hsds.spec.ts', text: "import { x } from '../../../../../tests/support/api';" },
      { path: 'apps/api/src/modules/hsds/hsds.service.ts', text: "import { schemaOf } from './schemas';" },
    ];
    expect(productionImportsFromTests(files)).toEqual([
      'apps/api/src/modules/hsds/hsds-schema.ts → ../../../../../tests/fixtures/hsds/3.2/address.json',
    ]);
  });

  it('reports core importing a feature module', () => {
    const files = [
      { path: 'apps/api/src/core/files/files.service.ts', text: "import { GrantFileAccess } from '../../modules/grants/grant-file-access';" },
      { path: 'apps/api/src/modules/grants/grants.service.ts', text: "import { recordAudit } from '../../core/audit/audit-log';" },
      { path: 'apps/api/src/core/files/file-access.spec.ts', text: "import { GrantFileAccess } from '../../modules/grants/grant-file-access';" },
    ];
    expect(coreImportsModules(files)).toEqual(['apps/api/src/core/files/files.service.ts → ../../modules/grants/grant-file-access']);
  });
});

describe('the source tree keeps the architecture rules', () => {
  const files = ['apps', 'libs'].flatMap((directory) => sourceFiles(directory));

  it('reads the tree it is guarding', () => {
    expect(files.filter(isProduction).length).toBeGreaterThan(200);
    expect(files.map((file) => file.path)).toContain('apps/api/src/core/tenancy/tenant-transaction.ts');
  });

  it('sets database settings only in core/tenancy', () => {
    expect(setConfigOutsideTenancy(files)).toEqual([]);
  });

  it('checks roles only through libs/authz and the libs/domain rules', () => {
    expect(rolesCheckedByHand(files)).toEqual([]);
  });

  it('never imports from tests/ in production code', () => {
    expect(productionImportsFromTests(files)).toEqual([]);
  });

  it('never imports a feature module from core', () => {
    expect(coreImportsModules(files)).toEqual([]);
  });
});
