/**
 * The ledger (台账) engine, pure part: specs, cell parsers, file readers and writers.
 * See docs/ledgers.md. Committing parsed rows (one transaction, with audit) is the importer's job.
 */
export * from './spec.js';
export * from './validators.js';
export * from './cells.js';
export * from './files.js';
export * from './parse.js';
export * from './write.js';
