
export * from './lib/ui';
