export * from './kit';
export * from './codes';
export * from './grants';
