/** The languages each widget is prerendered in. */
export const LANGUAGES: readonly ['vi', 'en'];
/** The file a widget's prerendered markup is written to, relative to the CDN folder. */
export function prerenderedFile(tag: string, lang: string): string;
/** The module holding the same first view for the loader (its styles, its nodes as data), relative to the CDN folder. */
export function firstViewFile(tag: string, lang: string): string;
/** Writes every widget's prerendered markup in every language into `<cdnDir>/prerendered/`; the files written, relative to cdnDir. */
export function prerender(cdnDir: string): Promise<string[]>;
