// The widgets' prerendered markup in the built CDN bundle (packages/elements/dist/cdn/prerendered/,
// which the npm package carries and `npm run build` also writes to dist/cdn/): every widget in every
// language, a declarative shadow root with its styles and its first view, in that language only;
// and beside each, the module the loader paints the same view from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import widgetList from '../../packages/elements/widgets.json' with { type: 'json' };
import { kitMessages, messagesIn } from '../../packages/elements/journeys/kit-messages.ts';
import { firstViewFile, LANGUAGES, prerenderedFile } from '../prerender.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cdn = join(root, 'packages/elements/dist/cdn');

/** The text a reader sees: no styles, no markers, no tags. */
const visibleText = (markup) => markup
  .replace(/<style>[\s\S]*?<\/style>/g, ' ')
  .replace(/<!--[\s\S]*?-->/g, ' ')
  .replace(/<[^>]*>/g, ' ')
  .replace(/\s+/g, ' ')
  .trim();

test('every widget is prerendered in every language, as markup and as the loader\'s module, and nothing else is', async () => {
  const expected = widgetList.widgets.flatMap(({ tag }) => LANGUAGES.flatMap((lang) => [prerenderedFile(tag, lang), firstViewFile(tag, lang)]))
    .map((file) => file.replace('prerendered/', '')).sort();
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

/** The text of the loader's nodes (`[0, comment]`, `[name, attributes, ...children]`, text), and every attribute name in them. */
function walk(nodes, found = { text: [], attributes: new Set(), names: new Set() }) {
  for (const node of nodes) {
    if (typeof node === 'string') found.text.push(node);
    else if (node[0] !== 0) {
      const [name, attributes, ...children] = node;
      found.names.add(name);
      for (const attribute of Object.keys(attributes)) found.attributes.add(attribute);
      walk(children, found);
    }
  }
  return found;
}

for (const { tag } of widgetList.widgets) {
  for (const lang of LANGUAGES) {
    test(`${tag} (${lang}): the loader's module holds the markup's styles and words, nothing that runs, and its failure message`, async () => {
      const markup = await readFile(join(cdn, prerenderedFile(tag, lang)), 'utf8');
      const { default: view } = await import(join(cdn, firstViewFile(tag, lang)));
      assert.equal(view.styles, /<style>([\s\S]*?)<\/style>/.exec(markup)[1], 'the same styles');
      const { text, attributes, names } = walk(view.nodes);
      const words = (value) => value.replace(/\s+/g, ' ').trim();
      const decoded = (value) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      assert.equal(words(text.join(' ')), words(decoded(visibleText(markup))), 'the same words');
      assert.deepEqual([...attributes].filter((name) => /^on/i.test(name)), [], 'no event handler attribute');
      assert.deepEqual([...names].filter((name) => /^(script|iframe|object|embed)$/i.test(name)), [], 'no element that runs or embeds');
      const failed = messagesIn(view.failed, lang, await kitMessages());
      assert.deepEqual([failed.own.length, failed.foreign], [1, []], `what it says should the script not come, in its language: ${view.failed}`);
    });
  }
}
