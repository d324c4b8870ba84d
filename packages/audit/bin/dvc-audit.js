#!/usr/bin/env node
// The dvc-audit command. An installed package runs its JavaScript build (dist/: Node does not strip
// types inside node_modules); in the repository, where src/ is beside it, the TypeScript sources
// run as they are (Node 24 strips their types), built or not.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const source = new URL('../src/cli.ts', import.meta.url);
const fromSource = existsSync(source) && !here.split(/[\\/]/).includes('node_modules');
// Said plainly rather than as a loader's error about a ".ts" file: the build needs Node 22, the
// sources Node's type stripping (Node 24, which the repository's npm scripts and npx run).
const [major = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (fromSource && !process.features.typescript)) {
  process.stderr.write(`dvc-audit needs Node.js ${fromSource ? '24 in this repository (run it with npx dvc-audit or npm run audit)' : '22 or later'}; this is ${process.version}.\n`);
  process.exit(1);
}
const { main } = await import(fromSource ? source.href : new URL('../dist/cli.js', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
