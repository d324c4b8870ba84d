/** The Chromium for tests and benchmarks: CHROME_PATH, Debian's chromium, or Chrome; undefined when none. */
export function findChromium(): string | undefined;
/** The Firefox for the browser tests: FIREFOX_PATH, else Debian's firefox-esr; undefined when none or FIREFOX_PATH=none. */
export function findFirefox(): string | undefined;
/** Like findChromium, but installs Debian's chromium when it can (root on Debian), else throws with the command to run. */
export function ensureChromium(): string;
/** The folder holding PostgreSQL's initdb, pg_ctl and postgres (PATH, else Debian's /usr/lib/postgresql/<version>/bin); undefined when none. */
export function findPostgresBin(): string | undefined;
/** Debian's packages for what the tests need and the machine lacks: chromium, firefox-esr (unless FIREFOX_PATH=none), postgresql. */
export function missingPackages(): string[];
/** Installs what missingPackages names when it can (root on Debian), else throws with the command to run. */
export function ensureSystemPackages(): void;
