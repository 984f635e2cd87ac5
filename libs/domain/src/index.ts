export * from './lib/accounts';
export * from './lib/error-codes';
export * from './lib/identifiers';
export * from './lib/roles';
export * from './lib/directory';
export * from './lib/people';
export * from './lib/people-fields';
export * from './lib/referrals';
