// The widgets' prerendered markup in the built CDN bundle (packages/elements/dist/cdn/prerendered/,
// which the npm package carries and `npm run build` also writes to dist/cdn/): every widget in every
// language, a declarative shadow root with its styles and its first view, in that language only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import widgetList from '../../packages/elements/widgets.json' with { type: 'json' };
import { kitMessages, messagesIn } from '../../packages/elements/journeys/kit-messages.ts';
import { LANGUAGES, prerenderedFile } from '../prerender.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cdn = join(root, 'packages/elements/dist/cdn');

/** The text a reader sees: no styles, no markers, no tags. */
const visibleText = (markup) => markup
  .replace(/<style>[\s\S]*?<\/style>/g, ' ')
  .replace(/<!--[\s\S]*?-->/g, ' ')
  .replace(/<[^>]*>/g, ' ')
  .replace(/\s+/g, ' ')
  .trim();

test('every widget is prerendered in every language, and nothing else is', async () => {
  const expected = widgetList.widgets.flatMap(({ tag }) => LANGUAGES.map((lang) => prerenderedFile(tag, lang).replace('prerendered/', ''))).sort();
  assert.deepEqual((await readdir(join(cdn, 'prerendered'))).sort(), expected);
});

for (const { tag } of widgetList.widgets) {
  for (const lang of LANGUAGES) {
    test(`${tag} (${lang}): the tag with a declarative shadow root, its styles and its first view, in ${lang === 'vi' ? 'Vietnamese' : 'English'} only`, async () => {
      const markup = await readFile(join(cdn, prerenderedFile(tag, lang)), 'utf8');
      assert.match(markup, new RegExp(`^<${tag}><template shadowroot="open" shadowrootmode="open"><style>[\\s\\S]+?</style>`), 'opens with the bare tag, its shadow root and its styles');
      assert.match(markup, new RegExp(`</template></${tag}>\\n$`), 'holds nothing after the element');
      assert.match(markup, new RegExp(`lang="${lang}"`), 'says its language');
      assert.doesNotMatch(markup, /<script/i);
      const text = visibleText(markup);
      const { own, foreign } = messagesIn(text, lang, await kitMessages());
      assert.deepEqual(foreign, [], `${tag}.${lang} shows the other language: ${text}`);
      assert.ok(own.length > 0, `${tag}.${lang} shows none of its messages: ${text}`);
    });
  }
}

test('the search is prerendered as a plain GET form: one form, the query named q, a submit button', async () => {
  for (const lang of LANGUAGES) {
    const markup = await readFile(join(cdn, prerenderedFile('dvc-procedure-search', lang)), 'utf8');
    const forms = markup.match(/<form\b[^>]*>/g) ?? [];
    assert.equal(forms.length, 1);
    assert.match(forms[0], /\bmethod="get"/);
    assert.match(markup, /<input\b[^>]*\bname="q"/);
    assert.match(markup, /<button\b[^>]*type="submit"/);
  }
});
