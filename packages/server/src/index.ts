export { createSandbox } from './app.ts';
export type { Sandbox } from './app.ts';
export { defaultOptions, API_PREFIX, DEFAULT_RATE_LIMITS } from './config.ts';
export type { SandboxOptions } from './config.ts';
