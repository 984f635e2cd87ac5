export * from './lib/authz';
