#!/usr/bin/env node
/**
 * `dvc-server`: the DVC Kit API server's command line (serve, migrate, import, keys, reports,
 * payments, backup). The commands are in cli/; `dvc-server --help` describes them.
 */

// Node 22 announces node:sqlite as experimental on every start: noise in an operator's logs for
// a module this server relies on deliberately. That one warning is dropped; any other is shown.
// Set before the commands are loaded (below), since loading them loads node:sqlite.
const emitWarning = process.emitWarning.bind(process) as (warning: string | Error, ...rest: unknown[]) => void;
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
  const message = typeof warning === 'string' ? warning : warning.message;
  if ((type ?? (warning as Error).name) === 'ExperimentalWarning' && message.startsWith('SQLite ')) return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;

export {};

// node:sqlite (and so every command) needs Node 22.13 or later; npm only warns about `engines`.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(`dvc-server needs Node.js 22.13 or later; this is ${process.version}. Install a newer Node.js (https://nodejs.org/).\n`);
  process.exit(1);
}

const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
