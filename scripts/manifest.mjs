// Documentation of @dvc-kit/elements generated from its code:
//   packages/elements/custom-elements.json         Custom Elements Manifest (analyzer + Lit plugin,
//                                                  custom-elements-manifest.config.mjs)
//   packages/elements/vscode.html-custom-data.json VS Code HTML custom data, from the manifest
//   packages/elements/jsx.d.ts                     React 19 JSX types, from the manifest
// `npm run manifest` writes them; `--check` (run by `npm test`) fails when a checked-in file differs
// from what the sources generate. Never edit them by hand.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { vscodeCustomData } from './manifest/vscode-data.mjs';
import { reactJsxTypes } from './manifest/jsx-types.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const elements = resolve(root, 'packages/elements');

/** Runs the analyzer in memory (nothing written) with the root config. */
export async function generate() {
  const manifest = await cli({
    argv: ['analyze', '--config', resolve(root, 'custom-elements-manifest.config.mjs'), '--quiet'],
    cwd: root,
    noWrite: true,
  });
  if (!manifest?.modules) throw new Error('The analyzer produced no manifest (see the messages above).');
  return new Map([
    [resolve(elements, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`],
    [resolve(elements, 'vscode.html-custom-data.json'), vscodeCustomData(manifest)],
    [resolve(elements, 'jsx.d.ts'), reactJsxTypes(manifest)],
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await generate();
  if (process.argv.includes('--check')) {
    const stale = [];
    for (const [path, text] of files) {
      if ((await readFile(path, 'utf8').catch(() => '')) !== text) stale.push(relative(root, path));
    }
    if (stale.length) {
      console.error(`Out of date with the elements' sources: ${stale.join(', ')}. Run: npm run manifest`);
      process.exit(1);
    }
    console.log(`Custom Elements Manifest, VS Code custom data and JSX types are up to date (${files.size} files).`);
  } else {
    for (const [path, text] of files) {
      await writeFile(path, text);
      console.log(`Wrote ${relative(root, path)}`);
    }
  }
}
