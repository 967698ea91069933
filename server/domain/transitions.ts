/**
 * One import for every status and stage rule. Each lifecycle lives in its own file;
 * this module only gathers them.
 */
export * from './quote-status.ts';
export * from './invoice-status.ts';
export * from './deposit-status.ts';
export * from './job-stages.ts';
export * from './payment-status.ts';
