export * from './kit';
export * from './services';
export * from './organizations';
export * from './accounts';
export * from './people';
