export * from './kit';
export * from './codes';
export * from './grants';
export * from './items';
export * from './partnerships';
export * from './moments';
export * from './training-sessions';
export * from './courses';
