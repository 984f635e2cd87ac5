export * from './lib/error-codes';
