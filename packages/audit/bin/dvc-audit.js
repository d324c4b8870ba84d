#!/usr/bin/env node
// The dvc-audit command. An installed package runs its JavaScript build (dist/: Node does not strip
// types inside node_modules); in the repository, where src/ is beside it, the TypeScript sources
// run as they are (Node 24 strips their types), built or not.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const source = new URL('../src/cli.ts', import.meta.url);
const fromSource = existsSync(source) && !here.split(/[\\/]/).includes('node_modules');
const { main } = await import(fromSource ? source.href : new URL('../dist/cli.js', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
