/**
 * The CDN bundle in `dir` (default dist/cdn/) as a department serves it: rollup, then each widget's
 * prerendered markup and first view. Exits the process when a step fails.
 */
export function buildCdnBundle(dir?: string, options?: { quiet?: boolean }): void;
/** `from './a.ts'`, `import('../b.ts')` → `.js`, in every .d.ts under dir. Returns the files changed. */
export function rewriteDeclarationImports(dir: string): Promise<number>;
