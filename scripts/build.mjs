// `npm run build`: the CDN bundle (rollup.config.mjs → dist/cdn/), then the npm builds of
// @dvc-kit/sdk and @dvc-kit/elements (rollup.npm.config.mjs → packages/*/dist/*.js) with their
// declarations (tsc --emitDeclarationOnly, packages/*/tsconfig.build.json → packages/*/dist/*.d.ts),
// the CDN bundle again inside @dvc-kit/elements (packages/elements/dist/cdn/, so a public npm CDN
// serves it as it is), dvc-audit (tsc, packages/audit/tsconfig.build.json → packages/audit/dist/), and
// @dvc-kit/server with its dvc-server bin (tsc, packages/server/tsconfig.build.json →
// packages/server/dist/, the contract openapi/*.yaml copied to dist/openapi/, where it reads it).
// `--npm-only` (`npm run build:npm`) skips dist/cdn/ and builds the elements' copy directly.
// Each CDN bundle gets the widgets' prerendered markup, `prerendered/<tag>.<lang>.html` (scripts/prerender.mjs).
//
// tsc's `rewriteRelativeImportExtensions` rewrites `./x.ts` to `./x.js` in emitted JavaScript but
// not in declarations (TypeScript issue 61037, open): the last step does it for the .d.ts files, so
// they name files that exist in dist/.
import { spawnSync } from 'node:child_process';
import { chmod, cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const silent = process.argv.includes('--silent');
const bin = (name) => join(root, 'node_modules/.bin', name);

function run(label, cmd, args) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed`);
    process.exit(result.status ?? 1);
  }
  if (!silent) console.log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/**
 * The CDN bundle in `dir` (default dist/cdn/) as a department serves it: rollup, then each widget's
 * prerendered markup and first view. `npm run build`, `npm start` and the size check build it so.
 */
export function buildCdnBundle(dir = 'dist/cdn', { quiet = silent } = {}) {
  const flags = quiet ? ['--silent'] : [];
  run(`CDN bundle (${dir})`, bin('rollup'), ['-c', '-d', dir, ...flags]);
  run(`prerendered widgets (${dir}/prerendered)`, process.execPath, ['scripts/prerender.mjs', dir, ...flags]);
}

/** `from './a.ts'`, `import('../b.ts')` → `.js`, in every .d.ts under dir. Returns the files changed. */
export async function rewriteDeclarationImports(dir) {
  let changed = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, 'utf8');
    const rewritten = text.replace(/((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+?)\.ts\2/g, '$1$2$3.js$2');
    if (rewritten !== text) {
      await writeFile(path, rewritten);
      changed += 1;
    }
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quiet = silent ? ['--silent'] : [];
  const npmOnly = process.argv.includes('--npm-only');
  if (!npmOnly) buildCdnBundle();
  run('npm builds (packages/sdk/dist, packages/elements/dist)', bin('rollup'), ['-c', 'rollup.npm.config.mjs', ...quiet]);
  // The elements' declarations import @dvc-kit/sdk's: the SDK's come first.
  for (const pkg of ['sdk', 'elements']) {
    run(`declarations of @dvc-kit/${pkg}`, bin('tsc'), ['-p', `packages/${pkg}/tsconfig.build.json`]);
    const changed = await rewriteDeclarationImports(join(root, 'packages', pkg, 'dist'));
    if (!silent) console.log(`  ${changed} declaration files of @dvc-kit/${pkg} now import .js`);
  }
  // After the npm build, which empties packages/elements/dist.
  const packagedCdn = join(root, 'packages/elements/dist/cdn');
  if (npmOnly) {
    buildCdnBundle(packagedCdn);
  } else {
    await cp(join(root, 'dist/cdn'), packagedCdn, { recursive: true });
    if (!silent) console.log('  dist/cdn copied to packages/elements/dist/cdn');
  }
  await rm(join(root, 'packages/audit/dist'), { recursive: true, force: true });
  run('dvc-audit (packages/audit/dist, with .d.ts)', bin('tsc'), ['-p', 'packages/audit/tsconfig.build.json']);
  await rewriteDeclarationImports(join(root, 'packages/audit/dist'));
  // After the SDK's declarations, which the server's import. The contract lives outside the package.
  const serverDist = join(root, 'packages/server/dist');
  await rm(serverDist, { recursive: true, force: true });
  run('@dvc-kit/server and dvc-server (packages/server/dist, with .d.ts)', bin('tsc'), ['-p', 'packages/server/tsconfig.build.json']);
  await rewriteDeclarationImports(serverDist);
  for (const file of ['dvc.yaml', 'sandbox.yaml']) await cp(join(root, 'openapi', file), join(serverDist, 'openapi', file));
  await chmod(join(serverDist, 'cli.js'), 0o755);
}
