// Every mutation is audited (DESIGN: "every mutation records who, what, when and which fields
// changed"). The walker reads the API with the TypeScript compiler: for each resolver method
// decorated with @Mutation it follows the calls the type checker resolves (resolver → service →
// helpers, callbacks included) and asks whether one of them is core/audit recordAudit. A mutation
// that reaches no recordAudit must be on the reviewed list below, with its reason. The schema's
// Mutation fields (schema.gql) must be exactly the mutations found, so none escapes the walk.
// Reaching recordAudit is what is checked; that the row is written is the integration specs' part.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Mutations that write no audit row, each with why (reviewed with issue 15). */
const NOT_AUDITED: Readonly<Record<string, string>> = {
  login: 'Signs in: a session row, and failed attempts are throttled; no record changes.',
  refreshSession: 'Rotates the session token of a session already recorded.',
  logout: 'Ends the own session only.',
  switchMembership: 'Chooses which of my memberships the session acts as; no record changes.',
  revokeSession: 'Ends one of my own sessions (the sessions list is my own record).',
  requestPasswordReset: 'Mails a link when the address has an account; must not reveal which addresses exist.',
  resetPassword: 'Acts before any network is known (the audit trail is per network); the user row keeps password_changed_at and every session is revoked.',
  markNotificationsRead: 'Marks my own notifications read: personal inbox state, not a record of the network.',
  markAllNotificationsRead: 'Marks my own notifications read: personal inbox state.',
  setNotificationPreference: 'My own mail preference: personal setting.',
  markReferralRead: 'My own read marker of a referral conversation.',
  bookmarkGrant: 'My own bookmark: personal reading list.',
  unbookmarkGrant: 'My own bookmark: personal reading list.',
  saveGrantSearch: 'My own saved search: personal setting.',
  deleteSavedSearch: 'My own saved search: personal setting.',
  markMaterialDone: 'My own learning progress (the enrolment records it with its time).',
  submitQuizAttempt: 'My own quiz attempt (kept as the attempt row with its time and score).',
  // Two-step verification (issue 18): account-level, recorded in the security log (security_events),
  // which the user and their network admins read; the network's policy change is audited.
  completeSignIn: 'Signs in (second step): the security log records SECOND_FACTOR_SUCCEEDED/FAILED and RECOVERY_CODE_USED.',
  reauthenticate: 'Proves again who I am for my own session; no record changes.',
  beginTotpEnrolment: 'Starts my own authenticator enrolment (unconfirmed; the security log records TOTP_ENROLLED on confirmation).',
  confirmTotpEnrolment: 'My own factor: the security log records TOTP_ENROLLED and RECOVERY_CODES_GENERATED.',
  regenerateRecoveryCodes: 'My own recovery codes: the security log records RECOVERY_CODES_GENERATED.',
  removeTotp: 'My own factor: the security log records TOTP_REMOVED.',
  beginPasskeyRegistration: 'Starts adding my own passkey (a challenge row only; the security log records PASSKEY_ADDED when it is added).',
  finishPasskeyRegistration: 'My own factor: the security log records PASSKEY_ADDED.',
  renamePasskey: 'Renames my own passkey; its label is mine and changes no access.',
  removePasskey: 'My own factor: the security log records PASSKEY_REMOVED.',
  beginPasskeySecondFactor: 'Options for the second step of a sign-in (a challenge already recorded).',
  completeSignInWithPasskey: 'Signs in (second step): the security log records SECOND_FACTOR_SUCCEEDED/FAILED.',
  beginPasskeySignIn: 'Starts a passwordless sign-in (a challenge row only).',
  finishPasskeySignIn: 'Signs in: the security log records SIGN_IN_SUCCEEDED/FAILED.',
  endOtherSessions: 'Ends my own other sessions: the security log records OTHER_SESSIONS_ENDED.',
};

interface AuditWalk {
  /** Every mutation found, by its GraphQL name. */
  readonly mutations: readonly string[];
  /** Mutations whose calls never reach recordAudit. */
  readonly unaudited: readonly string[];
}

function decoratorName(decorator: ts.Decorator): string | null {
  const call = decorator.expression;
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? call.expression.text : null;
}

/** The mutation's GraphQL name: `{ name: '…' }` in the decorator's options, else the method's. */
function mutationName(method: ts.MethodDeclaration, decorator: ts.Decorator): string {
  const call = decorator.expression as ts.CallExpression;
  for (const argument of call.arguments) {
    if (!ts.isObjectLiteralExpression(argument)) continue;
    for (const property of argument.properties) {
      if (ts.isPropertyAssignment(property) && property.name.getText() === 'name' && ts.isStringLiteral(property.initializer)) {
        return property.initializer.text;
      }
    }
  }
  return method.name.getText();
}

export function walkMutations(program: ts.Program, isAuditFunction: (declaration: ts.Declaration) => boolean): AuditWalk {
  const checker = program.getTypeChecker();
  const audits = new Map<ts.Node, boolean>();

  function declarationsCalled(node: ts.Node): ts.Declaration[] {
    const found: ts.Declaration[] = [];
    const visit = (child: ts.Node): void => {
      if (ts.isCallExpression(child) || ts.isNewExpression(child)) {
        let symbol = checker.getSymbolAtLocation(ts.isCallExpression(child) ? child.expression : child.expression);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        found.push(...(symbol?.declarations ?? []));
        if (ts.isNewExpression(child) && symbol) {
          // A class built here: its constructor may audit too.
          for (const declaration of symbol.declarations ?? []) {
            if (ts.isClassDeclaration(declaration)) found.push(...declaration.members.filter(ts.isConstructorDeclaration));
          }
        }
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
    return found;
  }

  function reachesAudit(node: ts.Node, path: Set<ts.Node>): boolean {
    const known = audits.get(node);
    if (known !== undefined) return known;
    if (path.has(node)) return false;
    path.add(node);
    let result = false;
    for (const declaration of declarationsCalled(node)) {
      if (isAuditFunction(declaration)) {
        result = true;
        break;
      }
      const file = declaration.getSourceFile();
      if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
      const body = functionBody(declaration);
      if (body && reachesAudit(body, path)) {
        result = true;
        break;
      }
    }
    path.delete(node);
    // Only a positive answer is final: a negative one found inside a cycle may change.
    if (result) audits.set(node, true);
    return result;
  }

  const mutations: string[] = [];
  const unaudited: string[] = [];
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isMethodDeclaration(node) && node.body) {
        const decorator = ts.getDecorators(node)?.find((candidate) => decoratorName(candidate) === 'Mutation');
        if (decorator) {
          const name = mutationName(node, decorator);
          mutations.push(name);
          if (!reachesAudit(node.body, new Set())) unaudited.push(name);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { mutations: mutations.sort(), unaudited: unaudited.sort() };
}

/** The body of a function-like declaration, or the function a variable holds. */
function functionBody(declaration: ts.Declaration): ts.Node | undefined {
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isConstructorDeclaration(declaration)) {
    return declaration.body;
  }
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) {
    const initializer = declaration.initializer;
    if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) return initializer.body;
  }
  return undefined;
}

const isRecordAudit = (declaration: ts.Declaration): boolean =>
  ts.isFunctionDeclaration(declaration) &&
  declaration.name?.text === 'recordAudit' &&
  declaration.getSourceFile().fileName.replace(/\\/g, '/').endsWith('core/audit/audit-log.ts');

/** A program over in-memory files, for the fixtures. */
function programOf(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, experimentalDecorators: true, noLib: true };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName, languageVersion) =>
    files[fileName] === undefined ? undefined : ts.createSourceFile(fileName, files[fileName], languageVersion, true);
  host.fileExists = (fileName) => files[fileName] !== undefined;
  host.readFile = (fileName) => files[fileName];
  host.directoryExists = () => true;
  return ts.createProgram(Object.keys(files), options, host);
}

/**
 * The API's own sources as a program. Packages are read as empty files and the standard library
 * is left out: the walk follows only the API's own calls, and parsing node_modules would take
 * most of the time.
 */
function apiProgram(apiRoot: string): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(apiRoot, 'tsconfig.app.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.app.json could not be read');
  const options: ts.CompilerOptions = { ...config.options, noLib: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) =>
    /[\\/]node_modules[\\/]/.test(fileName) ? ts.createSourceFile(fileName, '', languageVersion) : read(fileName, languageVersion, onError);
  return ts.createProgram(config.fileNames, options, host);
}

/** The Mutation type's field names in the generated schema (descriptions left out). */
function schemaMutations(schema: string): string[] {
  const bare = schema.replace(/"""[\s\S]*?"""/g, '').replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
  const block = /^type Mutation \{\n([\s\S]*?)^\}/m.exec(bare)?.[1] ?? '';
  return [...block.matchAll(/^ {2}([A-Za-z]\w*)\s*[(:]/gm)].map((match) => match[1]).sort();
}

describe('the mutation audit walker', () => {
  const fixture = {
    '/app/core/audit/audit-log.ts': 'export function recordAudit(entity: string): void { void entity; }',
    '/app/modules/thing/thing.service.ts': `
      import { recordAudit } from '../../core/audit/audit-log';
      function inTransaction<T>(work: () => T): T { return work(); }
      export class ThingService {
        create(): void { inTransaction(() => this.write('CREATED')); }
        rename(): void { /* forgot the audit */ }
        private write(action: string): void { recordAudit(action); }
      }`,
    '/app/modules/thing/thing.resolver.ts': `
      import { ThingService } from './thing.service';
      function Mutation(options?: { name?: string }): MethodDecorator { void options; return () => undefined; }
      export class ThingResolver {
        constructor(private readonly things: ThingService) {}
        @Mutation() createThing(): void { this.things.create(); }
        @Mutation({ name: 'renameThing' }) rename(): void { this.things.rename(); }
        @Mutation() login(): void { /* on the exception list */ }
      }`,
  };

  it('reports the mutation whose calls never reach recordAudit, and follows callbacks and helpers', () => {
    const walk = walkMutations(programOf(fixture), isRecordAudit);
    expect(walk.mutations).toEqual(['createThing', 'login', 'renameThing']);
    expect(walk.unaudited.filter((name) => NOT_AUDITED[name] === undefined)).toEqual(['renameThing']);
  });

  it('reads the Mutation fields of a schema', () => {
    const schema = 'type Query {\n  me: User!\n}\n\ntype Mutation {\n  """\n  Record: a description line\n  """\n  login(email: String!): Boolean!\n  "Publish: one line"\n  logout: Boolean!\n}\n';
    expect(schemaMutations(schema)).toEqual([
      'login',
      'logout',
    ]);
  });
});

describe('every mutation of the API', () => {
  const apiRoot = path.resolve(__dirname, '../../..');
  const walk = walkMutations(apiProgram(apiRoot), isRecordAudit);

  it('finds exactly the Mutation fields of the schema', () => {
    expect(walk.mutations).toEqual(schemaMutations(readFileSync(path.join(apiRoot, 'schema.gql'), 'utf8')));
    expect(walk.mutations.length).toBeGreaterThan(80);
  });

  it('writes an audit row from each mutation, or the mutation is a reviewed exception', () => {
    expect(walk.unaudited.filter((name) => NOT_AUDITED[name] === undefined)).toEqual([]);
  });

  it('keeps the exception list to mutations that exist and really do not audit', () => {
    expect(Object.keys(NOT_AUDITED).filter((name) => !walk.mutations.includes(name))).toEqual([]);
    expect(Object.keys(NOT_AUDITED).filter((name) => !walk.unaudited.includes(name))).toEqual([]);
  });
});
