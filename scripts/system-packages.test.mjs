// What `npm test` asks of the machine before it runs anything (scripts/system-packages.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** missingPackages() in a process of its own, with these variables. */
function missing(env) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e',
    "import { missingPackages } from './scripts/system-packages.mjs'; console.log(JSON.stringify(missingPackages()));"],
  { encoding: 'utf8', env: { ...process.env, ...env } });
  return child.status === 0 ? JSON.parse(child.stdout) : child.stderr;
}

test('this machine has what the tests need: nothing to install', () => {
  assert.deepEqual(missing({}), []);
});

test('PostgreSQL is found where Debian keeps it, also when its bin folder is not on PATH', () => {
  assert.deepEqual(missing({ PATH: '/usr/bin:/bin' }), []);
});

test('FIREFOX_PATH=none needs no Firefox; a browser named where none is, is an error that says so', () => {
  assert.deepEqual(missing({ FIREFOX_PATH: 'none' }), []);
  assert.match(missing({ FIREFOX_PATH: '/nowhere/firefox' }), /FIREFOX_PATH is set to \/nowhere\/firefox, which does not exist/);
  assert.match(missing({ CHROME_PATH: '/nowhere/chromium' }), /CHROME_PATH is set to \/nowhere\/chromium, which does not exist/);
});
