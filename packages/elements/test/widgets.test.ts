/**
 * packages/elements/widgets.json is the one list of the widgets: the builds, the manifest, the locale
 * split, the size check, the stories and several tests read it. The places that cannot read it (the
 * element classes, their registration, the package entry, the translations, the stories, the
 * conformance claims and the size ceilings) must agree with it: this checks that they do.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import widgetList from '../widgets.json' with { type: 'json' };
import { CEILINGS } from '../../../bench/bundles.ts';

const root = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const src = join(root, 'packages/elements/src');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const { widgets } = widgetList;

describe('the widget list (packages/elements/widgets.json)', () => {
  it('names each widget once, with a custom-element tag, a class name and a folder', () => {
    assert.ok(widgets.length > 0);
    for (const key of ['tag', 'className', 'folder'] as const) {
      assert.equal(new Set(widgets.map((widget) => widget[key])).size, widgets.length, `${key}s are unique`);
    }
    for (const { tag, className, folder } of widgets) {
      assert.match(tag, /^dvc-[a-z]+(?:-[a-z]+)*$/, tag);
      assert.equal(tag, `dvc-${folder}`, `${tag}: its folder is the tag without "dvc-" (the CDN entry and locale part follow it)`);
      assert.match(className, /^Dvc[A-Z][A-Za-z]*$/, className);
    }
  });

  it('lists every widget folder of packages/elements/src (the folders with an index.ts) and nothing else', () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(src, entry.name, 'index.ts')))
      .map((entry) => entry.name);
    assert.deepEqual(folders.sort(), widgets.map((widget) => widget.folder).sort());
  });

  for (const { tag, className, folder } of widgets) {
    it(`<${tag}>: class, registration, package entry, translations and Vietnamese messages agree`, () => {
      const element = read(`packages/elements/src/${folder}/${folder}.ts`);
      assert.match(element, new RegExp(`export class ${className} extends DvcElement\\b`), `${folder}/${folder}.ts declares ${className}`);
      assert.match(element, new RegExp(`'${tag}': ${className};`), `${folder}/${folder}.ts maps ${tag} in HTMLElementTagNameMap`);
      assert.match(read(`packages/elements/src/${folder}/index.ts`), new RegExp(`defineElement\\('${tag}', ${className}\\)`), `${folder}/index.ts registers ${tag}`);
      assert.match(read('packages/elements/src/index.ts'), new RegExp(`export \\{ ${className}\\b[^}]*\\} from '\\./${folder}/index\\.ts'`), `src/index.ts exports ${className}`);
      assert.ok(existsSync(join(src, folder, 'translations.ts')), `${folder}/translations.ts`);
      assert.ok(existsSync(join(src, 'locales/generated/vi', `${folder}.ts`)), `locales/generated/vi/${folder}.ts (npm run locales:build)`);
    });

    it(`<${tag}>: has stories, conformance claims and a size ceiling`, async () => {
      assert.match(read(`stories/${folder}.stories.ts`), new RegExp(`component: '${tag}'`), `stories/${folder}.stories.ts`);
      const claims = (await import(pathToFileURL(join(root, `scripts/acr/claims/${folder}.mjs`)).href)).default as { widget: string; tag: string };
      assert.deepEqual({ widget: claims.widget, tag: claims.tag }, { widget: folder, tag }, `scripts/acr/claims/${folder}.mjs`);
      assert.equal(typeof CEILINGS[`${tag}.js`], 'number', `a ceiling for ${tag}.js in bench/bundles.ts`);
    });
  }
});
