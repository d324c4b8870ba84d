/**
 * The kit's messages in English and Vietnamese, from the translators' file, and which of them a
 * widget's text shows: for the tests and the benchmark that check a page never shows the other
 * language.
 */
import { readFile } from 'node:fs/promises';

export interface Message { source: string; target: string }

/** Every message of packages/elements/xliff/vi.xlf: its English source and Vietnamese target. */
export async function kitMessages(): Promise<Message[]> {
  const xliff = await readFile(new URL('../xliff/vi.xlf', import.meta.url), 'utf8');
  // &amp; last: "&amp;lt;" is the text "&lt;", not "<".
  const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xliff.matchAll(/<source>([^<]*)<\/source>\s*<target>([^<]*)<\/target>/g)]
    .map(([, source, target]) => ({ source: decode(source!).trim(), target: decode(target!).trim() }));
}

/**
 * The whole messages of `lang` (`own`) and of the other language (`foreign`) that `text` holds,
 * among those that differ between the languages and are long enough to tell apart in running text.
 * A message of one language inside an own message is not foreign: a Vietnamese sentence may hold
 * an English word ("Email").
 */
export function messagesIn(text: string, lang: 'vi' | 'en', kit: readonly Message[]): { own: string[]; foreign: string[] } {
  const distinct = kit.filter((m) => m.source !== m.target && m.source.length >= 6 && m.target.length >= 6);
  const ownOf = (m: Message) => (lang === 'vi' ? m.target : m.source);
  const foreignOf = (m: Message) => (lang === 'vi' ? m.source : m.target);
  const own = distinct.map(ownOf).filter((message) => text.includes(message));
  const foreign = distinct.map(foreignOf).filter((message) => text.includes(message) && !own.some((o) => o.includes(message)));
  return { own, foreign };
}
