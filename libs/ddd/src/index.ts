export * from './aggregate-root';
export * from './domain-event';
export * from './domain-error';
export * from './is-uuid';
