// What the tests need from the machine: a Chromium, Firefox ESR (unless FIREFOX_PATH=none) and
// PostgreSQL's server programs (initdb, pg_ctl, postgres), for the throwaway clusters.
// On a Debian machine as root, what is missing is installed from Debian's packages, in one apt-get
// run (as .ci/run does); elsewhere the error says what to install.
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Chromium for tests and benchmarks: CHROME_PATH, Debian's chromium, or Chrome; undefined when none. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
  }
  return CHROMIUM.find((path) => existsSync(path));
}

/**
 * The Firefox for the browser tests: FIREFOX_PATH (which must exist), else Debian's firefox-esr;
 * undefined when none, or when FIREFOX_PATH=none turns Firefox off.
 */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv === 'none') return undefined;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist.`);
  }
  return FIREFOX.find((path) => existsSync(path));
}

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const hasServerPrograms = (dir) => ['initdb', 'pg_ctl', 'postgres'].every((name) => isExecutable(join(dir, name)));

/**
 * The folder holding PostgreSQL's initdb, pg_ctl and postgres, all three from one place so their
 * versions match: on PATH, else where Debian keeps them (/usr/lib/postgresql/<version>/bin, the
 * newest first); undefined when none.
 */
export function findPostgresBin() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && hasServerPrograms(dir)) return dir;
  }
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  const newestFirst = versions.filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return newestFirst.map((version) => `/usr/lib/postgresql/${version}/bin`).find(hasServerPrograms);
}

/** Debian's packages for what is missing, in the order they are checked. */
export function missingPackages() {
  return [
    ...(findChromium() ? [] : ['chromium']),
    ...(process.env.FIREFOX_PATH === 'none' || findFirefox() ? [] : ['firefox-esr']),
    ...(findPostgresBin() ? [] : ['postgresql']),
  ];
}

/** Installs Debian packages when it can (root, apt-get), else throws with the command to run. */
function install(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`Missing: ${packages.join(', ')}. Install them (Debian: sudo apt-get install -y ${packages.join(' ')}); CHROME_PATH and FIREFOX_PATH name browsers elsewhere, FIREFOX_PATH=none runs Chromium only.`);
  }
  console.log(`Installing Debian's ${packages.join(', ')} (apt-get)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** Everything the tests need from the machine, installed when missing (see the top of this file). */
export function ensureSystemPackages() {
  const missing = missingPackages();
  if (missing.length > 0) install(missing);
  const still = missingPackages();
  if (still.length > 0) throw new Error(`Still missing after apt-get: ${still.join(', ')}.`);
}

/** Like findChromium, but installs Debian's chromium when it can (root on Debian), else throws with the command to run. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  install(['chromium']);
  const installed = findChromium();
  if (!installed) throw new Error('No Chromium found after apt-get install chromium; set CHROME_PATH.');
  return installed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureSystemPackages();
  console.log(findChromium());
}
