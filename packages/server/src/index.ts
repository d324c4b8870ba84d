export { createServer, createSandbox, ConfigurationError } from './app.ts';
export type { Server } from './app.ts';
export { defaultOptions, productionProblems, API_PREFIX, DEFAULT_RATE_LIMITS } from './config.ts';
export type { ServerOptions, ServerMode } from './config.ts';
export { openStorage, isPostgresUrl } from './storage/open.ts';
export { migrate, migrationStatus } from './storage/migrate.ts';
export type { Storage, Queryable, Engine } from './storage/storage.ts';
