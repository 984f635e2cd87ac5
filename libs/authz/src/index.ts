export * from './lib/ability';
