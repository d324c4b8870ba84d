/**
 * Typed access to the Mocha globals web-test-runner installs before a test file runs. The repo has
 * no @types/mocha, and ambient declarations would leak `it`/`describe` into the source files' types.
 */
type Done = (error?: unknown) => void;
type Body = (this: unknown, done: Done) => void | Promise<unknown>;

interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  before(body: Body): void;
  after(body: Body): void;
  beforeEach(body: Body): void;
  afterEach(body: Body): void;
}

const mocha = globalThis as unknown as MochaGlobals;

export const describe: MochaGlobals['describe'] = (...args) => mocha.describe(...args);
export const it: MochaGlobals['it'] = (...args) => mocha.it(...args);
export const before: MochaGlobals['before'] = (...args) => mocha.before(...args);
export const after: MochaGlobals['after'] = (...args) => mocha.after(...args);
export const beforeEach: MochaGlobals['beforeEach'] = (...args) => mocha.beforeEach(...args);
export const afterEach: MochaGlobals['afterEach'] = (...args) => mocha.afterEach(...args);

// Every test starts as a new visit: a tracker shows the tab's last looked-up dossier again on a page
// it comes back to (shared/dossier-access.ts), and tests in one file share one tab. A root hook,
// registered once by the module every test file imports.
mocha.beforeEach(() => {
  sessionStorage.removeItem('dvc-access-last');
});
