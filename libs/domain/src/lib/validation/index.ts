export * from './kit';
export * from './services';
