// The npm builds as a consumer gets them (`npm run build` first; `npm test` does). Imports go through
// the packages' `exports` without the `source` condition, so they reach dist/, not src/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import widgetList from '../../packages/elements/widgets.json' with { type: 'json' };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (pkg) => join(root, 'packages', pkg, 'dist');
const files = (dir, suffix) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(suffix)).map((f) => join(dir, f));

/** Every module specifier of an ES module: static imports, re-exports and dynamic imports. */
function specifiers(path) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ImportExpression') && node.source) {
      found.push(node.source.type === 'Literal' ? String(node.source.value) : '<computed>');
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parse(readFileSync(path, 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

const nodeOnly = (specifier) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
const bare = (specifier) => !specifier.startsWith('.') && !specifier.startsWith('/');

function checkModules(pkg, allowed) {
  // dist/cdn/ (elements) is the CDN bundle, self-contained on purpose: packed.test.mjs checks it.
  for (const file of files(dist(pkg), '.js').filter((path) => !relative(dist(pkg), path).startsWith('cdn/'))) {
    const name = relative(dist(pkg), file);
    for (const specifier of specifiers(file)) {
      assert.notEqual(specifier, '<computed>', `${name}: a computed import() a bundler cannot follow`);
      if (bare(specifier)) {
        assert.ok(!nodeOnly(specifier), `${name} imports the Node-only module ${specifier}`);
        assert.ok(allowed.some((dep) => specifier === dep || specifier.startsWith(`${dep}/`)), `${name} imports ${specifier}, not a dependency of @dvc-kit/${pkg}`);
      } else {
        assert.ok(existsSync(resolve(dirname(file), specifier)), `${name} imports ${specifier}, which is not in dist/`);
        assert.ok(specifier.endsWith('.js'), `${name} imports ${specifier} (not .js)`);
      }
    }
    assert.ok(existsSync(file.replace(/\.js$/, '.d.ts')), `${name} has no .d.ts`);
    assert.ok(!readFileSync(file, 'utf8').includes('Copyright 2017 Google LLC'), `${name} has Lit inside: it must stay external`);
  }
  for (const file of files(dist(pkg), '.d.ts')) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /(?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]+\.ts['"]/, `${relative(dist(pkg), file)} imports a .ts file`);
  }
}

function checkExports(pkg) {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'));
  const main = manifest.exports['.'];
  assert.equal(Object.keys(main)[0], 'source', 'the `source` condition comes first');
  for (const condition of ['types', 'default']) {
    assert.ok(existsSync(join(root, 'packages', pkg, main[condition])), `${pkg}: exports["."].${condition} → ${main[condition]} is missing`);
  }
}

describe('@dvc-kit/sdk npm build', () => {
  let server;
  let baseUrl;
  before(async () => {
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(request.url === '/api/v1/health' ? { status: 'ok', version: 'test' } : {}));
    });
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    baseUrl = `http://127.0.0.1:${server.address().port}/api/v1`;
  });
  after(() => server.close());

  it('exports point at dist/index.js and dist/index.d.ts', () => checkExports('sdk'));

  it('imports nothing Node-only, only ky and its own modules, each with its .d.ts', () => checkModules('sdk', ['ky']));

  it('imports in Node from dist and works: client, errors, text folding', async () => {
    const resolved = import.meta.resolve('@dvc-kit/sdk');
    assert.ok(resolved.endsWith('/packages/sdk/dist/index.js'), resolved);
    const sdk = await import('@dvc-kit/sdk');
    assert.equal(sdk.foldVietnamese('Đăng ký khai sinh'), 'dang ky khai sinh');
    const client = sdk.createDvcClient({ baseUrl, timeout: 2000 });
    assert.deepEqual(await client.health(), { status: 'ok', version: 'test' });
    assert.ok(new sdk.DvcApiError({ type: 'about:blank', title: 'Not found', status: 404, code: 'dossier_not_found' }) instanceof sdk.DvcError);
  });
});

describe('@dvc-kit/elements npm build', () => {
  const entries = ['index', ...widgetList.widgets.map((widget) => `${widget.folder}/index`)];

  it('has every entry (the index and one per widget) with its .d.ts', () => {
    for (const entry of entries) {
      assert.ok(existsSync(join(dist('elements'), `${entry}.js`)), `${entry}.js`);
      assert.ok(existsSync(join(dist('elements'), `${entry}.d.ts`)), `${entry}.d.ts`);
    }
  });

  it('exports point at dist/index.js and dist/index.d.ts; the manifest and JSX types are exported', () => {
    checkExports('elements');
    const manifest = JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8'));
    assert.ok(existsSync(join(root, 'packages/elements', manifest.customElements)));
    assert.ok(existsSync(join(root, 'packages/elements', manifest.exports['./jsx'].types)));
  });

  it('keeps Lit, @lit/localize and @dvc-kit/sdk external; every relative import is in dist/', () =>
    checkModules('elements', ['lit', '@lit/localize', '@dvc-kit/sdk']));

  it('widget declarations describe the elements and their tag names', () => {
    const text = readFileSync(join(dist('elements'), 'procedure-search/procedure-search.d.ts'), 'utf8');
    assert.match(text, /export declare class DvcProcedureSearch extends DvcElement/);
    assert.match(text, /'dvc-procedure-search': DvcProcedureSearch/);
  });

  it('each widget entry registers its element (imported in Node with Lit\'s DOM shim)', async () => {
    for (const { folder: entry, tag } of widgetList.widgets) {
      const module = await import(`@dvc-kit/elements/${entry}/index.js`);
      assert.ok(import.meta.resolve(`@dvc-kit/elements/${entry}/index.js`).includes('/packages/elements/dist/'));
      assert.equal(globalThis.customElements.get(tag), Object.values(module).find((value) => typeof value === 'function'), tag);
    }
  });
});
