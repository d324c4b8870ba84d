// TypeDoc for @dvc-kit/sdk: `npm run docs:sdk` → docs/sdk/ (not checked in). Warnings are errors.
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: '@dvc-kit/sdk',
  entryPoints: ['packages/sdk/src/index.ts'],
  tsconfig: 'packages/sdk/tsconfig.build.json',
  out: 'docs/sdk',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  // openapi-typescript writes the contract's descriptions as @description in the generated types.
  blockTags: [...OptionDefaults.blockTags, '@description'],
  // No links to a source host: the docs are read next to the code.
  disableSources: true,
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: false },
};
